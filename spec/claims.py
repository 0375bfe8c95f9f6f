"""The claims ledger: every claim of the two source notes, quoted, with a verdict.

Verdicts:

* ``theorem`` — true as stated (in the reading given), with the clause that carries it;
* ``condition`` — true exactly under the stated condition;
* ``false`` — refuted by a stored counterexample (``counterexample`` names an
  entry of ``spec/counterexamples.json``, found by ``spec.search``; or
  ``worked-example``, computed in ``spec.worked_example``).

Quotes are verbatim substrings of ``spec/sources/`` (a test checks this).
Each claim ID is also a marker ID: tests cite it with ``@pytest.mark.spec``.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTE1 = "000_d15bcb27d9a8af01.txt"  # "Why Lasso Creates Sparsity"
NOTE2 = (
    "003_2ccc3872d20974bf.txt"  # "Regularization, Gradients, and Why LASSO Produces Exact Zeros"
)
VERDICTS = ("theorem", "condition", "false")


@dataclass(frozen=True)
class Claim:
    """A claim of the notes and what the project established about it."""

    id: str
    quotes: tuple[tuple[str, str], ...]  # (source file, verbatim text)
    verdict: str
    finding: str
    clauses: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "CLAIM-PENALTY-GRADIENTS",
        (
            (NOTE1, "The L1 penalty has a *constant* gradient everywhere except zero"),
            (NOTE2, r"\partial(\lambda |w_j|) = [-\lambda, +\lambda]"),
            (NOTE2, r"\frac{d}{dw_j} = 2\lambda w_j"),
        ),
        "theorem",
        "d(λ|b|)/db = λ·sign(b) for b ≠ 0, ∂(λ|b|) = [−λ, λ] at 0, d(λb²)/db = 2λb.",
        ("SUBDIFF-ABS", "OBJECTIVE"),
    ),
    Claim(
        "CLAIM-DATA-GRADIENT",
        ((NOTE2, "r^T(-x_j)"),),
        "theorem",
        "∂/∂w_j ½‖y − Xw‖² = −x_jᵀr with r = y − Xw (derived in index form).",
        ("OBJECTIVE",),
    ),
    Claim(
        "CLAIM-TOTAL-GRADIENT-ZERO",
        (
            (NOTE1, "At optimum, the total gradient must equal zero:"),
            (NOTE2, "Optimization tries to make the **total gradient zero**"),
        ),
        "false",
        "When λ₁ > 0 and some w*_j = 0, F has no gradient at the optimum (its one-sided "
        "slopes along e_j differ by 2λ₁). The correct condition is 0 ∈ ∂F(w*) "
        "(SUBDIFF-ABS); ∇F(w*) = 0 holds for Ridge and in the nonzero coordinates.",
        ("SUBDIFF-ABS", "KKT-ZERO", "KKT-NONZERO"),
        ("nondifferentiable-optimum",),
    ),
    Claim(
        "CLAIM-FORCED-TO-ZERO",
        (
            (
                NOTE1,
                "If the data gradient at $b_j = 0$ is smaller than $\\lambda$ in magnitude, "
                "the only solution that satisfies the zero-gradient condition "
                "is $b_j = 0$ exactly.",
            ),
            (
                NOTE1,
                "doesn't decrease near zero → it can overpower the data gradient → "
                "coefficient set to zero",
            ),
        ),
        "theorem",
        "The data gradient at b_j = 0 (others fixed) is −x_jᵀr₍₋ⱼ₎ = −g. If |g| ≤ λ₁ the "
        "coordinate minimiser is 0 (CD-UPDATE); at a minimiser w*, w*_j = S(g, λ₁)/(a + 2λ₂), "
        "so w*_j = 0 ⇔ |x_jᵀr₍₋ⱼ₎| ≤ λ₁ with the partial residual.",
        ("CD-UPDATE", "KKT-ZERO"),
    ),
    Claim(
        "CLAIM-RIDGE-NEVER-ZERO",
        (
            (NOTE1, "something Ridge's shrinking gradient can never do"),
            (NOTE1, "| Can reach zero? | No | **Yes** |"),
            (NOTE1, "The coefficient is attracted toward zero but **never reaches it**."),
            (NOTE1, "data gradient always wins at small values → never reaches zero"),
            (NOTE1, "the ellipse touches it on the smooth edge → both coefficients non-zero"),
            (NOTE1, "Ridge uses a different update that scales but never hard-zeros."),
            (NOTE2, "| Exact zeros | Yes | No |"),
        ),
        "false",
        "Exact Ridge zeros exist: w*_j = 0 iff x_jᵀ(XXᵀ + 2λ₂I)⁻¹y = 0, a hyperplane of y. "
        "True generically: for x_j ≠ 0 the zero set has measure zero and no interval of data "
        "maps to zero (RIDGE-NO-DEAD-ZONE). A zero even occurs with every x_jᵀy ≠ 0.",
        ("RIDGE-NO-DEAD-ZONE", "KKT-RIDGE"),
        ("ridge-zero", "ridge-zero-correlated"),
    ),
    Claim(
        "CLAIM-SOFT-THRESHOLD-FORMULA",
        (
            (NOTE1, r"b_j = \text{sign}(\rho_j) \cdot \max(|\rho_j| - \lambda, 0)"),
            (NOTE1, "is shrunk by $\\lambda$ but remains non-zero"),
        ),
        "condition",
        "Holds iff x_jᵀx_j = 1 (and λ₂ = 0). In general the coordinate minimiser is "
        "S(ρ_j, λ₁)/(x_jᵀx_j + 2λ₂), shrunk by λ₁/x_jᵀx_j relative to ρ_j/x_jᵀx_j.",
        ("SOFT-THRESHOLD", "CD-UPDATE"),
        ("soft-threshold-unit-norm",),
    ),
    Claim(
        "CLAIM-PARTIAL-RESIDUAL-ZERO-ZONE",
        (
            (NOTE1, "If $|\\rho_j| \\leq \\lambda$ → $b_j = 0$ exactly"),
            (NOTE1, "|\\rho_j| \\leq \\lambda \\implies b_j = 0"),
        ),
        "theorem",
        "With ρ_j = x_jᵀr₍₋ⱼ₎ the partial residual correlation, |ρ_j| ≤ λ₁ ⇒ the coordinate "
        "update is 0, and at a minimiser |ρ_j| ≤ λ₁ ⇔ w*_j = 0 (for x_jᵀx_j + 2λ₂ > 0).",
        ("CD-UPDATE", "KKT-ZERO"),
    ),
    Claim(
        "CLAIM-GRADIENT-KILL",
        ((NOTE2, "|x_j^T r| \\le \\lambda"),),
        "false",
        "With the full residual r at the optimum only w*_j = 0 ⇒ |x_jᵀr*| ≤ λ₁ holds "
        "(KKT-ZERO); every nonzero Lasso coefficient has |x_jᵀr*| = λ₁ exactly, so the stated "
        "implication fails at equality. Strict |x_jᵀr*| < λ₁ does imply w*_j = 0.",
        ("KKT-ZERO", "KKT-NONZERO"),
        ("kill-converse",),
    ),
    Claim(
        "CLAIM-CORNERS-ALMOST-ALWAYS",
        (
            (NOTE1, "They almost always **hit the diamond at a corner first**"),
            (NOTE1, "Corners sit exactly on the axes → one (or more) coefficients = **0**"),
        ),
        "false",
        "Corners do lie on the axes, but hitting one is not 'almost always': for p = 2 the "
        "solution is at a corner exactly for λ₁ in the path intervals with one active "
        "variable. Over all nondegenerate 2×2 X ∈ {−1,0,1}, y ∈ {−2..2}² (exact census) the "
        "mean fraction of (0, λ_max) spent at a corner is 425/648 ≈ 0.66, a third of the data "
        "sets spend at most half, and some spend none; for X = I and y uniform on a square the "
        "expected fraction is exactly 1/2.",
        ("LAMBDA-MAX", "KKT-ZERO"),
        ("rarely-at-corner",),
    ),
    Claim(
        "CLAIM-DIAMOND-CAUSES-SPARSITY",
        (
            (NOTE1, "**Sparsity is a direct consequence of the diamond shape.**"),
            (NOTE1, "**The zero zone is what creates sparsity.**"),
        ),
        "theorem",
        "In this precise sense: the kink of |·| at 0 gives a dead zone — w* = 0 on the open set "
        "‖Xᵀy‖∞ < λ₁ (positive measure) and w*_j = 0 for |x_jᵀr₍₋ⱼ₎| ≤ λ₁ — while the smooth "
        "Ridge penalty gives zeros only on a measure-zero set of y.",
        ("LAMBDA-MAX", "RIDGE-NO-DEAD-ZONE", "SUBDIFF-ABS"),
    ),
    Claim(
        "CLAIM-WALL-STAYS",
        (
            (NOTE1, "it hits the wall and stays there"),
            (NOTE2, "Net gradient = 0 → parameter freezes"),
        ),
        "false",
        "A coordinate set to 0 by a coordinate-descent update can become nonzero in a later "
        "sweep, once the other coordinates change its partial residual; along the path a "
        "variable can also leave and re-enter (see CLAIM-SPARSITY-MONOTONE).",
        ("CD-UPDATE",),
        ("cd-leaves-wall",),
    ),
    Claim(
        "CLAIM-SPARSITY-MONOTONE",
        (
            (NOTE1, "Higher $\\lambda$ → higher threshold → more features zeroed out"),
            (NOTE1, "**Sparsity ∝ λ** — larger λ = more features zeroed out"),
        ),
        "false",
        "The number of nonzeros along the exact Lasso path is not monotone in λ₁ (a variable "
        "can leave the active set as λ₁ decreases), and is not proportional to λ₁. What holds: "
        "w* = 0 iff λ₁ ≥ λ_max (LAMBDA-MAX).",
        ("LAMBDA-MAX", "KKT-ZERO", "KKT-NONZERO"),
        ("nnz-not-monotone",),
    ),
    Claim(
        "CLAIM-RELEVANT-SURVIVE",
        (
            (NOTE1, "have high correlation with the target → survive"),
            (NOTE1, "have low correlation → eliminated first"),
            (NOTE2, "Why weak and correlated features disappear"),
        ),
        "false",
        "With equal column norms, a feature with larger |x_jᵀy| can be zero while a feature "
        "with smaller (even zero) |x_kᵀy| is active. What holds: the first feature to enter "
        "below λ_max maximises |x_jᵀy| (LAMBDA-MAX).",
        ("LAMBDA-MAX", "KKT-ZERO"),
        ("stronger-feature-dropped",),
    ),
    Claim(
        "CLAIM-RIDGE-WEIGHTS-REDUCED",
        (
            (
                NOTE1,
                "| Effect | All features kept, weights reduced "
                "| Some features eliminated entirely |",
            ),
        ),
        "false",
        "Ridge need not reduce each weight: some |w_ridge,j| can exceed |w_ols,j|. What holds: "
        "‖w_ridge‖₂ ≤ ‖w_ols‖₂ (strictly if w_ols ≠ 0). 'All features kept' fails as in "
        "CLAIM-RIDGE-NEVER-ZERO; 'some features eliminated' by Lasso holds for λ₁ ≥ λ_max but "
        "not for every λ₁.",
        ("KKT-RIDGE", "RIDGE-NO-DEAD-ZONE"),
        ("ridge-grows-coordinate",),
    ),
    Claim(
        "CLAIM-STANDARDIZED-CORRELATION",
        ((NOTE2, r"a^T b \propto \text{correlation}(a, b)"),),
        "condition",
        "Holds when a and b are centred: then aᵀb = n·sd(a)·sd(b)·corr(a, b) (population sd), "
        "= n·corr(a, b) for unit variance. This project has no intercept and does not centre, "
        "so x_jᵀr is an inner product, not a correlation.",
        ("OBJECTIVE",),
    ),
    Claim(
        "CLAIM-CD-PSEUDOCODE",
        ((NOTE2, "w_j = (g_j − sign(g_j)·λ) / (x_jᵀ x_j)"),),
        "theorem",
        "The pseudocode is exact cyclic coordinate descent for the Lasso (λ₂ = 0): g_j is the "
        "partial residual correlation and each step applies CD-UPDATE. A zero column gives "
        "g_j = 0 ≤ λ, so the division is never reached.",
        ("CD-UPDATE",),
    ),
    Claim(
        "CLAIM-CD-UNTIL-GRADIENT-ZERO",
        ((NOTE2, "Repeats until total gradient is zero"),),
        "false",
        "Coordinate descent converges to the minimiser but need not reach it in finitely many "
        "sweeps: on the notes' own example w₁⁽ᵏ⁾ = 5/3 + (1/3)(1/4)^(k−1) ≠ 5/3 for every k. "
        "Real stopping rules use a tolerance, e.g. the duality gap (DUAL-GAP).",
        ("CD-UPDATE", "DUAL-GAP"),
        ("worked-example",),
    ),
    Claim(
        "CLAIM-WORKED-EXAMPLE",
        (
            (
                NOTE2,
                "Step-by-step updates show how features survive or get killed as residual changes.",
            ),
        ),
        "condition",
        "The notes give no numbers; computed exactly (section Worked example): at λ = 1 no update "
        "ever kills a feature — both stay positive in every sweep and converge to "
        "w* = (5/3, 2/3), F(w*) = 8/3. A feature is killed only for λ ≥ 3 (x₂ is zero on "
        "[3, 5), both for λ ≥ 5).",
        ("CD-UPDATE", "LAMBDA-MAX", "KKT-NONZERO"),
    ),
    Claim(
        "CLAIM-ELASTIC-NET-UPDATE",
        ((NOTE2, r"\frac{\text{SoftThreshold}(x_j^T r, \lambda_1)}"),),
        "condition",
        "Correct when r is the partial residual r₍₋ⱼ₎ = r + x_j w_j (as in the pseudocode), or "
        "when w_j = 0 before the update: the update is S(x_jᵀr₍₋ⱼ₎, λ₁)/(x_jᵀx_j + 2λ₂).",
        ("CD-UPDATE",),
    ),
    Claim(
        "CLAIM-L2-STABILITY",
        ((NOTE2, "L2 → stability"),),
        "theorem",
        "For λ₂ > 0, F is 2λ₂-strongly convex: the minimiser is unique and ‖w − w*‖² ≤ G/λ₂ "
        "(GAP-DISTANCE-BOUND). The Lasso alone can have many minimisers (duplicate columns).",
        ("GAP-DISTANCE-BOUND",),
    ),
    Claim(
        "CLAIM-KILLS-AND-SHRINKS",
        ((NOTE2, "L1 kills weak gradients, L2 shrinks strong ones, Elastic Net does both."),),
        "theorem",
        "For the coordinate update S(g, λ₁)/(a + 2λ₂): it is 0 iff |g| ≤ λ₁ (kill) and otherwise "
        "equals a/(a + 2λ₂) times the Lasso update (shrink) — the L2 factor applies to every "
        "surviving coordinate.",
        ("CD-UPDATE",),
    ),
)

BY_ID = {claim.id: claim for claim in CLAIMS}
