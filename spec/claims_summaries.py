"""The ledger's claims from the notes' summaries, sketch, tables and definitions
(CLAIM-PENALISED-CONSTRAINED to CLAIM-RIDGE-NO-CANCELLATION).

The constrained picture and the OLS point inside the diamond, what solves the Lasso,
shrinkage against soft thresholding, small coefficients dragged to zero, and note 2's
gradient vocabulary: zero gradient, the gradient sum, "gradient kill", its table, the
pseudocode's missing stopping rule, correlated features.  ``spec.claims`` lists them last.
"""

from __future__ import annotations

from .claim import NOTE1, NOTE2, Claim

CLAIMS: tuple[Claim, ...] = (
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
