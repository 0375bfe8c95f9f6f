"""The canonical problem's clauses: the objective, optimality, coordinate descent, λ_max,
duality and the certificates (OBJECTIVE to CERTIFICATE-BOUND).

Each clause's formulas and checks come from the derivation it names (``spec.optimality``,
``spec.coordinate``, ``spec.lambda_max``, ``spec.duality``, ``spec.gap_distance``,
``spec.certificates``); ``spec.clauses`` registers them first, in this order.
"""

from __future__ import annotations

from . import certificates, coordinate, duality, gap_distance, lambda_max, optimality
from .clause import Clause

CLAUSES: tuple[Clause, ...] = (
    Clause(
        "OBJECTIVE",
        "The canonical objective",
        "Every implementation minimises F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂² over w ∈ ℝᵖ, "
        "with λ₁, λ₂ ≥ 0, no intercept and no 1/n factor. Lasso is λ₂ = 0, Ridge is λ₁ = 0. "
        "The smooth part has gradient −Xᵀr + 2λ₂w, where r = y − Xw; we write "
        "c = Xᵀr − 2λ₂w for minus that gradient.",
        optimality.objective,
    ),
    Clause(
        "SUBDIFF-ABS",
        "Subdifferential of the absolute value",
        "∂|b| = {sign b} for b ≠ 0 and ∂|0| = [−1, 1]. Hence ∂(λ₁‖w‖₁) is the product of "
        "the sets λ₁∂|w_j|, and w minimises F iff 0 ∈ −c + λ₁∂‖w‖₁ (F is convex).",
        optimality.subdifferential_abs,
    ),
    Clause(
        "KKT-ZERO",
        "Optimality of a zero coefficient",
        "At a minimiser, w_j = 0 implies |x_jᵀr| ≤ λ₁ (the λ₂ term vanishes at w_j = 0). "
        "This is necessary, not sufficient on its own: the converse |x_jᵀr| ≤ λ₁ ⇒ w_j = 0 is "
        "false, because every nonzero Lasso coefficient has |x_jᵀr| = λ₁ exactly. With the "
        "strict inequality |x_jᵀr| < λ₁ at a minimiser, w_j = 0 does follow (KKT-NONZERO).",
        optimality.kkt,
        "zero",
    ),
    Clause(
        "KKT-NONZERO",
        "Optimality of a nonzero coefficient",
        "At a minimiser, w_j ≠ 0 implies x_jᵀr = λ₁·sign(w_j) + 2λ₂w_j, i.e. c_j = λ₁ sign(w_j). "
        "Together with KKT-ZERO these conditions are necessary and sufficient for optimality; "
        "the vector c (hence Xw) is the same for every minimiser.",
        optimality.kkt,
        "nonzero",
    ),
    Clause(
        "KKT-RIDGE",
        "Ridge stationarity and closed form",
        "For λ₁ = 0 and λ₂ > 0 the minimiser is unique and satisfies Xᵀr = 2λ₂w, i.e. "
        "w* = (XᵀX + 2λ₂I)⁻¹Xᵀy = Xᵀ(XXᵀ + 2λ₂I)⁻¹y.",
        optimality.ridge,
    ),
    Clause(
        "RIDGE-NO-DEAD-ZONE",
        "Ridge zeros are exceptional, not impossible",
        "For λ₁ = 0, λ₂ > 0: the coordinate update (CD-UPDATE at λ₁ = 0) is g/(a + 2λ₂), which "
        "vanishes only at g = 0 — no interval of data maps to zero. At the minimiser "
        "w*_j = n_jᵀy with n_j = (XXᵀ + 2λ₂I)⁻¹x_j, so {y : w*_j = 0} is the hyperplane "
        "n_jᵀy = 0 when x_j ≠ 0 (n_j = 0 iff x_j = 0, as XXᵀ + 2λ₂I is invertible); a "
        "hyperplane has Lebesgue measure zero, and moving y along x_j changes w*_j at the rate "
        "x_jᵀ(XXᵀ + 2λ₂I)⁻¹x_j > 0, so a Ridge zero never survives that perturbation. The set "
        "is not empty: exact Ridge zeros occur. For λ₁ > 0, by contrast, w* = 0 on the open "
        "set ‖Xᵀy‖∞ < λ₁ (LAMBDA-MAX).",
        coordinate.ridge_no_dead_zone,
    ),
    Clause(
        "CD-UPDATE",
        "Coordinate-descent update",
        "With the other coordinates fixed, F restricted to w_j = b is "
        "h(b) = ½a·b² − g·b + λ₁|b| + λ₂b² + const, where a = x_jᵀx_j and g = x_jᵀr₍₋ⱼ₎ with the "
        "partial residual r₍₋ⱼ₎ = r + x_j w_j. For a + 2λ₂ > 0 its unique minimiser is "
        "S(g, λ₁)/(a + 2λ₂) — the notes' Elastic Net update, with r the partial residual. "
        "If a + 2λ₂ = 0 (zero column, Lasso), the minimiser is 0 for λ₁ > 0 and 0 by convention.",
        coordinate.cd_update,
    ),
    Clause(
        "SOFT-THRESHOLD",
        "Soft thresholding",
        "S(z, t) = sign(z)·max(|z| − t, 0) = argmin_b ½(b − z)² + t|b| for t ≥ 0. The notes' "
        "b_j = S(ρ_j, λ₁) is the coordinate minimiser S(ρ_j, λ₁)/(x_jᵀx_j + 2λ₂) (CD-UPDATE) "
        "exactly when |ρ_j| ≤ λ₁ (both are 0) or x_jᵀx_j + 2λ₂ = 1 — for example x_jᵀx_j = 1 "
        "with λ₂ = 0, but also x_jᵀx_j = 1/2 with λ₂ = 1/4.",
        coordinate.soft_threshold,
    ),
    Clause(
        "LAMBDA-MAX",
        "The smallest λ₁ with the zero solution",
        "Substituting w = 0 into c(w) = Xᵀ(y − Xw) − 2λ₂w gives c(0) = Xᵀy: λ₂ drops out. By "
        "KKT-ZERO at w = 0 (sufficient there: every coordinate is zero), w = 0 is a minimiser "
        "iff |x_jᵀy| ≤ λ₁ for every j, i.e. iff λ₁ ≥ λ_max = max_j |x_jᵀy|, whatever λ₂. In "
        "other parameterisations the threshold follows from the λ₁ each one implies (its "
        "N1 = ‖w‖₁ coefficient over twice its RSS coefficient): scikit-learn's Lasso has "
        "λ₁ = nα, so alpha_max = max_j |x_jᵀy|/n; ElasticNet has λ₁ = nα·l1_ratio; glmnet "
        "(standardize=FALSE, intercept=FALSE) has λ₁ = nλα. Only the L1 term enters, so the "
        "glmnet threshold does not depend on how glmnet scales its L2 term (CONVENTION-GLMNET). "
        "These thresholds are checked against the documented objectives, and by fitting "
        "scikit-learn's Lasso, python-glmnet (2.2.1) and R glmnet (4.1-6) at and just below "
        "them; R's own path starts at the glmnet threshold (λ[1], to 10⁻¹⁴), with α replaced "
        "by max(α, 10⁻³) (so for Ridge, α = 0, at 1000·max_j |x_jᵀy|/n).",
        lambda_max.lambda_max,
    ),
    Clause(
        "DUAL-GAP",
        "Dual problem and duality gap",
        "Write F as a Lasso on augmented data X̃ = [X; √(2λ₂)I], ỹ = [y; 0]. Its dual is "
        "D(θ) = ½‖ỹ‖² − ½‖ỹ − θ‖² subject to ‖X̃ᵀθ‖∞ ≤ λ₁. For any w, θ̃ = s·(r, −√(2λ₂)w) with "
        "s = min(1, λ₁/‖c‖∞) (s = 1 if c = 0) is feasible, and the gap G = F(w) − D(θ̃) is the "
        "closed form below: in exact arithmetic a sum of nonnegative terms, zero iff w is "
        "optimal (in floating point each term λ₁|w_j| − s·w_j·c_j cancels; see FLOAT-*). "
        "Caveat for a stopping rule: with this dual point s = 0 when λ₁ = 0 and c ≠ 0, so for "
        "Ridge and least squares G = ½(‖r‖² + 2λ₂‖w‖²) ≈ F(w) however close w is to w*; as "
        "λ₁ → 0 the gap degenerates the same way. Stop on CERTIFICATE-BOUND instead.",
        duality.dual_gap,
    ),
    Clause(
        "GAP-DISTANCE-BOUND",
        "What a gap certifies",
        "If F(w) − F* ≤ G (for example G = the gap of DUAL-GAP) then ½‖X̃(w − w*)‖² ≤ G, hence "
        "|c_j(w) − c_j(w*)| ≤ √(2G(‖x_j‖² + 2λ₂)) for every j. For λ₂ > 0, F is 2λ₂-strongly "
        "convex: F(w) − F* ≤ ‖ρ‖²/(4λ₂), where ρ is the KKT residual vector (ρ_j = max(0, "
        "|c_j| − λ₁) at w_j = 0, |c_j − λ₁ sign w_j| otherwise; ‖ρ‖ = dist(0, ∂F(w))), and "
        "‖w − w*‖² ≤ G/λ₂.",
        gap_distance.distance_bound,
    ),
    Clause(
        "CERTIFICATE-BOUND",
        "A certificate tight for every λ (the stopping rule to use)",
        "For any point v, t·r̃(v) with r̃(v) = (r(v), −√(2λ₂)v) is dual feasible iff "
        "|t|·‖c(v)‖∞ ≤ λ₁, and D(t·r̃(v)) is the concave parabola below; weak duality "
        "(DUAL-GAP) gives F(w) − F* ≤ F(w) − max_t D(t·r̃(v)). Take v = w and v = the "
        "stationary point of F on a sign pattern σ (the linear system below, free variables 0 "
        "if singular): supp(w) with w's signs; that plus each violator (w_j = 0, |c_j| > λ₁; "
        "every j when λ₁ = 0); and that without the j whose KKT slack proves w*_j = 0 "
        "(λ₁ − |c_j| > √(2B(‖x_j‖² + 2λ₂)), B the bound so far). reference.certify's bound is "
        "the least of these, the DUAL-GAP gap and, for λ₂ > 0, ‖ρ‖²/(4λ₂). When σ is the sign "
        "pattern of a unique minimiser, v = w* and the bound is the exact excess F(w) − F*, for "
        "every λ₁, λ₂ ≥ 0: for least squares that is ½‖P_X r‖², for Ridge "
        "½(w − w*)ᵀ(XᵀX + 2λ₂I)(w − w*). The DUAL-GAP gap alone tends to F(w) as λ₁ → 0 and is "
        "a usable stopping rule only for λ₁ well above the rounding noise of c; porters should "
        "stop on this bound (or, in float64, on reference.certify_float, FLOAT-CERTIFICATE).",
        certificates.certificate_bound,
    ),
)
