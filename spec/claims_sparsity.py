"""The ledger's claims about where zeros come from (CLAIM-PENALTY-GRADIENTS to
CLAIM-RIDGE-WEIGHTS-REDUCED).

The gradients of the two penalties and of the data term, the zero zone of the coordinate
update and of the optimum, whether Ridge reaches zero, the diamond's corners, whether a
zero stays, and which coefficients survive as λ₁ grows.  ``spec.claims`` lists them first.
"""

from __future__ import annotations

from .claim import NOTE1, NOTE2, Claim

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
)
