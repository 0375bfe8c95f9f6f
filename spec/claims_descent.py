"""The ledger's claims about coordinate descent and the Elastic Net update
(CLAIM-STANDARDIZED-CORRELATION to CLAIM-KILLS-AND-SHRINKS).

Whether x_jᵀr is a correlation, the notes' pseudocode and its stopping, the worked example,
the Elastic Net update with the full or the partial residual, what L2 stabilises, and
"L1 kills, L2 shrinks".  ``spec.claims`` lists them after the sparsity claims.
"""

from __future__ import annotations

from .claim import NOTE2, Claim

CLAIMS: tuple[Claim, ...] = (
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
)
