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
        "slopes along e_j differ by 2λ₁). The counterexample has strict slack |c_j| < λ₁, so "
        "both one-sided slopes are nonzero: no 'total gradient' is zero there. The correct "
        "condition is 0 ∈ ∂F(w*) (SUBDIFF-ABS); ∇F(w*) = 0 holds for Ridge and in the nonzero "
        "coordinates.",
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
            (NOTE1, "the penalty \"gives up\" just before pushing the coefficient to zero"),
            (NOTE1, "they slow down but keep moving forever"),
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
        "The coordinate minimiser is S(ρ_j, λ₁)/(x_jᵀx_j + 2λ₂) (CD-UPDATE). The notes' "
        "S(ρ_j, λ₁) equals it exactly when |ρ_j| ≤ λ₁ (both 0) or x_jᵀx_j + 2λ₂ = 1 — not "
        "only when x_jᵀx_j = 1: x_jᵀx_j = 1/2 with λ₂ = 1/4 also works (second "
        "counterexample; the issue's X = [[1/2], [1/2]], y = (2, 2), λ₁ = 1 is another). "
        "Off the dead zone the minimiser is shrunk by λ₁/(x_jᵀx_j + 2λ₂) relative to "
        "ρ_j/(x_jᵀx_j + 2λ₂), and it is nonzero.",
        ("SOFT-THRESHOLD", "CD-UPDATE"),
        ("soft-threshold-unit-norm", "threshold-without-unit-norm"),
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
        "Holds when at least one of a, b is centred (one centred vector suffices: "
        "aᵀb = aᵀ(b − b̄1) + b̄·aᵀ1 and aᵀ1 = 0, so aᵀb = n·cov(a, b)); then "
        "aᵀb = n·sd(a)·sd(b)·corr(a, b) (population sd), = n·corr(a, b) for unit variance. "
        "Without centring it fails: (1, 2)·(2, 4) = 10 and (1, 2)·(3, 5) = 13 with both "
        "correlations 1. This project has no intercept and does not centre, so x_jᵀr is an "
        "inner product, not a correlation.",
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
        "Real stopping rules use a tolerance, e.g. a bound on F(w) − F* — the duality gap of "
        "DUAL-GAP only for λ₁ well above 0 (see its caveat).",
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
        "The coordinate minimiser is S(x_jᵀr₍₋ⱼ₎, λ₁)/(x_jᵀx_j + 2λ₂) with the partial "
        "residual r₍₋ⱼ₎ = r + x_j w_j. The notes' formula with r gives it exactly when "
        "S(x_jᵀr, λ₁) = S(x_jᵀr₍₋ⱼ₎, λ₁). Reading r as the partial residual (as the pseudocode "
        "does), or w_j = 0 before the update, is sufficient, not necessary: e.g. any update "
        "with both x_jᵀr and x_jᵀr₍₋ⱼ₎ in the dead zone also agrees. With the full residual it "
        "fails even at the optimum: the counterexample's update moves w*_j = 1/2 to 1/4.",
        ("CD-UPDATE",),
        ("full-residual-update",),
    ),
    Claim(
        "CLAIM-L2-STABILITY",
        ((NOTE2, "L2 → stability"),),
        "theorem",
        "Stability of the solution in the data: for λ₂ > 0, F is 2λ₂-strongly convex, so the "
        "minimiser w*(y) is unique and Lipschitz in y: "
        "‖w*(y) − w*(y′)‖ ≤ ‖Xᵀ(y − y′)‖/(2λ₂) (subtract the optimality conditions "
        "Xᵀ(y − Xw*) − 2λ₂w* ∈ λ₁∂‖w*‖₁ for y and y′ and use the monotonicity of ∂‖·‖₁). The "
        "Lasso alone (λ₂ = 0) can have many minimisers (duplicate columns), so w*(y) is not "
        "even a function. (Optimisation accuracy is a different statement: "
        "‖w − w*‖² ≤ G/λ₂, GAP-DISTANCE-BOUND.)",
        ("GAP-DISTANCE-BOUND", "KKT-NONZERO"),
    ),
    Claim(
        "CLAIM-KILLS-AND-SHRINKS",
        ((NOTE2, "L1 kills weak gradients, L2 shrinks strong ones, Elastic Net does both."),),
        "condition",
        "True per coordinate update with g fixed: S(g, λ₁)/(a + 2λ₂) is 0 iff |g| ≤ λ₁ (kill) "
        "and otherwise a/(a + 2λ₂) times the Lasso update (shrink). False for the solutions: "
        "adding the L2 term changes every partial residual, so it can revive a Lasso zero "
        "(first counterexample; also the issue's X = [[−1, −1], [−1, 0]], y = (−2, −2), "
        "λ₁ = 1/2: (7/4, 0), and with λ₂ = 1/2: (11/10, 1/5)) and it can enlarge a nonzero "
        "Lasso coefficient (second counterexample).",
        ("CD-UPDATE",),
        ("l2-revives-zero", "l2-grows-coefficient"),
    ),
    Claim(
        "CLAIM-PENALISED-CONSTRAINED",
        (
            (NOTE1, "**Lasso constraint**: $|\\beta_1| + |\\beta_2| \\leq t$"),
            (NOTE1, "**Ridge constraint**: $\\beta_1^2 + \\beta_2^2 \\leq t$"),
            (NOTE1, "When the OLS error ellipses expand outward "
                    "looking for the constrained minimum"),
        ),
        "condition",
        "The picture needs the penalised ⇔ constrained equivalence: a minimiser w* of F at λ₁ "
        "minimises ½‖y − Xw‖² over ‖w‖₁ ≤ t with t = ‖w*‖₁ (for ‖w‖₁ ≤ t, "
        "½‖y − Xw‖² ≥ ½‖y − Xw*‖² + λ₁(t − ‖w‖₁); checked). Conversely, by Lagrange "
        "duality, every constrained minimiser with t below the smallest ‖·‖₁ of a "
        "least-squares solution is penalised for some λ₁ > 0, larger t corresponding to "
        "λ₁ = 0 (standard, not checked here). The map t ↔ λ₁ depends on the data; likewise "
        "for the disc with ‖w‖² ≤ t and λ₂.",
        ("OBJECTIVE", "KKT-ZERO", "KKT-NONZERO"),
    ),
    Claim(
        "CLAIM-OLS-INSIDE-DIAMOND",
        ((NOTE1, "|  ●  \\ |          ● = OLS minimum"),),
        "false",
        "The sketch puts the OLS minimum inside the diamond. Then the constrained minimiser is "
        "the OLS point itself (λ₁ = 0 in CLAIM-PENALISED-CONSTRAINED), which in general has no "
        "zero coordinate: the ellipses never need to expand, and no corner is hit.",
        ("OBJECTIVE",),
        ("ols-inside-diamond",),
    ),
    Claim(
        "CLAIM-SOLVED-VIA-CD",
        ((NOTE1, "Lasso is solved via **coordinate descent**."),),
        "condition",
        "Cyclic coordinate descent is one way: each update minimises F over one coordinate, so "
        "F never increases (checked); every limit point of the iterates is a minimiser (Tseng "
        "2001: F is a smooth convex function plus a separable convex one; cited, not checked "
        "here), but they need not reach it in finitely many sweeps (the worked example). "
        "The reference's exact solver is the homotopy (LARS) path instead; glmnet and "
        "scikit-learn use coordinate descent with a tolerance.",
        ("CD-UPDATE",),
        ("worked-example",),
    ),
    Claim(
        "CLAIM-SHRINKAGE-VS-THRESHOLDING",
        ((NOTE1, "| Signal processing | Shrinkage | Soft thresholding |"),),
        "condition",
        "True for orthonormal columns (XᵀX = I): then w_ridge = Xᵀy/(1 + 2λ₂), a uniform "
        "shrinkage, and w_lasso = S(Xᵀy, λ₁), soft thresholding. In general neither: the "
        "counterexample's Lasso solution is not S(x_jᵀy, λ₁)/x_jᵀx_j coordinatewise and its "
        "Ridge solution is not x_jᵀy/(x_jᵀx_j + 2λ₂).",
        ("SOFT-THRESHOLD", "KKT-RIDGE"),
        ("not-soft-thresholding",),
    ),
    Claim(
        "CLAIM-DRAG-SMALL-TO-ZERO",
        ((NOTE1, "drag small coefficients all the way to exactly zero"),),
        "false",
        "Which coefficients are zero is not decided by their size in least squares: a "
        "coefficient that is exactly 0 in the OLS solution can be nonzero in the Lasso "
        "(counterexample), and a larger one can be dropped while a smaller one survives "
        "(CLAIM-RELEVANT-SURVIVE). What holds: w*_j = 0 iff |x_jᵀr₍₋ⱼ₎| ≤ λ₁ at the solution "
        "(CLAIM-PARTIAL-RESIDUAL-ZERO-ZONE).",
        ("KKT-ZERO", "CD-UPDATE"),
        ("ols-zero-lasso-nonzero",),
    ),
    Claim(
        "CLAIM-ZERO-GRADIENT-OPTIMAL",
        (
            (NOTE2, "Zero → no further improvement possible"),
            (NOTE2, "Training stops when **no direction reduces it further**."),
            (NOTE2, "Positive → increasing \\( w \\) increases loss"),
        ),
        "theorem",
        "For a convex differentiable function, ∇L(w) = 0 implies L(w) ≤ L(v) for every v "
        "(L(v) ≥ L(w) + ∇L(w)ᵀ(v − w)): no improvement in any direction, and that is a global "
        "minimum. F is convex; where it is not differentiable (w_j = 0, λ₁ > 0) the statement "
        "becomes 0 ∈ ∂F(w) (SUBDIFF-ABS). 'Positive → increasing w increases loss' holds for "
        "every step size, by the same inequality (L(w + εe_j) ≥ L(w) + ε∂L/∂w_j > L(w)).",
        ("SUBDIFF-ABS", "KKT-RIDGE"),
    ),
    Claim(
        "CLAIM-GRADIENT-SUM",
        ((NOTE2, "\\nabla \\text{Data Loss}\n+\n\\nabla \\text{Penalty}"),),
        "condition",
        "Where both parts are differentiable. At w_j = 0 with λ₁ > 0 the penalty has no "
        "gradient, and the rule becomes ∂F(w) = ∇(½‖y − Xw‖² + λ₂‖w‖²) + λ₁∂‖w‖₁ (the sum "
        "rule, valid because the first part is differentiable and both are convex).",
        ("SUBDIFF-ABS", "OBJECTIVE"),
    ),
    Claim(
        "CLAIM-GRADIENT-KILL-DEFINITION",
        (
            (NOTE2, "happens when the gradient from regularization exactly cancels the "
                    "gradient from the data loss, making the total gradient zero"),
        ),
        "false",
        "Read literally, this describes every nonzero coefficient at the optimum: there the "
        "penalty gradient λ₁ sign(w_j) + 2λ₂w_j exactly cancels the data gradient −x_jᵀr "
        "(KKT-NONZERO), and the coefficient is not killed (counterexample: w* = 1 ≠ 0 with "
        "x_jᵀr = λ₁). A zero coefficient is characterised instead by the subgradient: "
        "|x_jᵀr| ≤ λ₁ at w_j = 0 (KKT-ZERO), where the penalty has no gradient at all.",
        ("KKT-ZERO", "KKT-NONZERO"),
        ("kill-converse",),
    ),
    Claim(
        "CLAIM-TABLE-DATA-GRADIENT",
        ((NOTE2, "| Data gradient | \\(x_j^T r\\) | \\(x_j^T r\\) |"),),
        "false",
        "§7 derives ∂/∂w_j ½‖y − Xw‖² = −x_jᵀr; §12's table lists x_jᵀr, the negative. The "
        "counterexample computes the derivative as an exact central difference.",
        ("OBJECTIVE",),
        ("data-gradient-sign",),
    ),
    Claim(
        "CLAIM-PSEUDOCODE-STOPS",
        ((NOTE2, "Repeat:"),),
        "false",
        "The pseudocode has no stopping rule, and in exact arithmetic none of the form 'until "
        "nothing changes' fires: on the notes' own example the iterates change in every sweep "
        "(w₁⁽ᵏ⁾ = 5/3 + (1/3)(1/4)^(k−1)). A port needs a tolerance-based rule; the duality "
        "gap of DUAL-GAP degenerates as λ₁ → 0 (see its caveat).",
        ("CD-UPDATE", "DUAL-GAP"),
        ("worked-example",),
    ),
    Claim(
        "CLAIM-CORRELATED-DISAPPEAR",
        ((NOTE2, "Why weak and correlated features disappear"),),
        "false",
        "Correlation between features does not make one of them zero: in the counterexample "
        "the two columns are far from orthogonal (x₁ᵀx₂ = 2 with ‖x₁‖² = 4, ‖x₂‖² = 2) and "
        "both coefficients are nonzero. (For exactly duplicate columns the Lasso minimiser is "
        "not unique, PORT-NONUNIQUE.)",
        ("KKT-NONZERO",),
        ("correlated-both-survive",),
    ),
    Claim(
        "CLAIM-RIDGE-NO-CANCELLATION",
        (
            (NOTE2, "penalty gradient = 0 → no cancellation"),
            (NOTE2, "| Gradient kill | Yes | No |"),
        ),
        "theorem",
        "In this reading: at a Ridge minimiser with w*_j = 0 the penalty gradient 2λ₂w_j is 0, "
        "so nothing cancels the data gradient and x_jᵀr* = 0 must hold (KKT-RIDGE). That "
        "does not prevent zeros: when x_jᵀr* = 0 the zero is exact (CLAIM-RIDGE-NEVER-ZERO, "
        "counterexample ridge-zero).",
        ("KKT-RIDGE", "RIDGE-NO-DEAD-ZONE"),
    ),
)

BY_ID = {claim.id: claim for claim in CLAIMS}
