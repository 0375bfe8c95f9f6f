"""The clause registry: stable IDs, statements, and the sympy derivation behind each.

``CLAUSES`` is ordered; ``clause.formulas`` and ``clause.checks`` run the
derivation on first use (cached).  IDs are stable: tests cite them with
``@pytest.mark.spec("ID")`` and other documents refer to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import conventions, duality, floating, optimality


@dataclass(frozen=True)
class Clause:
    """One normative statement of the spec."""

    id: str
    title: str
    statement: str
    derive: Callable[[], dict]
    key: str = "formulas"

    @property
    def formulas(self):
        """The derived formulas (``spec.formula.Formula``), in order."""
        return tuple(self.derive()[self.key])

    @property
    def checks(self) -> dict[str, bool]:
        """The derivation's exact checks; all must be True."""
        return dict(self.derive().get("checks", {}))

    @property
    def latex(self) -> tuple[str, ...]:
        """The formulas as LaTeX, from ``sympy.latex``."""
        return tuple(f.latex for f in self.formulas)


def _float(key):
    return lambda: {"formulas": floating.formulas()[key], "checks": {}}


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
        "For λ₁ = 0, λ₂ > 0: w*_j = 0 iff x_jᵀr* = 0 iff x_jᵀ(XXᵀ + 2λ₂I)⁻¹y = 0. There is no "
        "interval of data that maps to zero (the coordinate update g/(a + 2λ₂) vanishes only at "
        "g = 0), so for x_j ≠ 0 the set of y with w*_j = 0 is a hyperplane (measure zero) — but "
        "it is not empty: exact Ridge zeros occur. For λ₁ > 0, by contrast, w* = 0 on the open "
        "set ‖Xᵀy‖∞ < λ₁.",
        optimality.ridge,
    ),
    Clause(
        "CD-UPDATE",
        "Coordinate-descent update",
        "With the other coordinates fixed, F restricted to w_j = b is "
        "h(b) = ½a·b² − g·b + λ₁|b| + λ₂b² + const, where a = x_jᵀx_j and g = x_jᵀr₍₋ⱼ₎ with the "
        "partial residual r₍₋ⱼ₎ = r + x_j w_j. For a + 2λ₂ > 0 its unique minimiser is "
        "S(g, λ₁)/(a + 2λ₂) — the notes' Elastic Net update, with r the partial residual. "
        "If a + 2λ₂ = 0 (zero column, Lasso), the minimiser is 0 for λ₁ > 0 and 0 by convention.",
        optimality.cd_update,
    ),
    Clause(
        "SOFT-THRESHOLD",
        "Soft thresholding",
        "S(z, t) = sign(z)·max(|z| − t, 0) = argmin_b ½(b − z)² + t|b| for t ≥ 0. The update "
        "b_j = S(ρ_j, λ) is the coordinate minimiser only when x_jᵀx_j = 1 (and λ₂ = 0); in "
        "general divide by x_jᵀx_j + 2λ₂ (CD-UPDATE).",
        optimality.soft_threshold,
    ),
    Clause(
        "LAMBDA-MAX",
        "The smallest λ₁ with the zero solution",
        "w = 0 is a minimiser iff λ₁ ≥ λ_max = max_j |x_jᵀy|. λ_max does not depend on λ₂ in "
        "this convention (the ridge gradient 2λ₂w vanishes at w = 0).",
        optimality.lambda_max,
    ),
    Clause(
        "DUAL-GAP",
        "Dual problem and duality gap",
        "Write F as a Lasso on augmented data X̃ = [X; √(2λ₂)I], ỹ = [y; 0]. Its dual is "
        "D(θ) = ½‖ỹ‖² − ½‖ỹ − θ‖² subject to ‖X̃ᵀθ‖∞ ≤ λ₁. For any w, θ̃ = s·(r, −√(2λ₂)w) with "
        "s = min(1, λ₁/‖c‖∞) (s = 1 if c = 0) is feasible, and the gap G = F(w) − D(θ̃) is the "
        "closed form below: a sum of nonnegative terms (no cancellation), zero iff w is optimal.",
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
        duality.distance_bound,
    ),
    Clause(
        "CONVENTION-SKLEARN",
        "scikit-learn parameters",
        "With fit_intercept=False: ElasticNet(alpha, l1_ratio) minimises F/n when "
        "alpha = (λ₁ + 2λ₂)/n and l1_ratio = λ₁/(λ₁ + 2λ₂); Lasso(alpha) minimises F/n (λ₂ = 0) "
        "when alpha = λ₁/n; Ridge(alpha) minimises ‖y − Xw‖² + α‖w‖² = 2F (λ₁ = 0) when "
        "alpha = 2λ₂ (no 1/n). Same minimisers, derived by matching coefficients.",
        conventions.sklearn,
    ),
    Clause(
        "CONVENTION-STATSMODELS",
        "statsmodels parameters",
        "OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt) with no constant column "
        "minimises 0.5·RSS/n + alpha((1 − L1_wt)‖w‖²/2 + L1_wt‖w‖₁) = F/n when "
        "alpha = (λ₁ + 2λ₂)/n and L1_wt = λ₁/(λ₁ + 2λ₂).",
        conventions.statsmodels,
    ),
    Clause(
        "CONVENTION-GLMNET",
        "glmnet parameters",
        "glmnet(x, y, family='gaussian', intercept=FALSE, standardize=FALSE) documents the "
        "objective 1/(2N)·RSS + λ((1 − α)/2‖β‖² + α‖β‖₁), but at a supplied λ it minimises "
        "1/(2N)·RSS + λ((1 − α)/(2s_y)‖β‖² + α‖β‖₁) = F/n, s_y = sd(y) (centred, 1/N, even "
        "without an intercept): its Fortran scales y and λ by 1/s_y and the coefficients back "
        "by s_y. So λ = (λ₁ + 2s_yλ₂)/n and α = λ₁/(λ₁ + 2s_yλ₂); Lasso (λ₂ = 0) is unaffected, "
        "and for λ₂ > 0 the documented mapping is right only when s_y = 1. Executed against "
        "python-glmnet 2.2.1 (Fortran glmnet5.f90, 5/12/14); other glmnet versions, R's "
        "included, are not executed here. glmnet returns 0 when s_y = 0 (constant y) and drops "
        "constant columns, so F is not reachable there.",
        conventions.glmnet,
    ),
    Clause(
        "CONVENTION-GLUM",
        "glum parameters",
        "GeneralizedLinearRegressor(family='normal', fit_intercept=False, alpha, l1_ratio, P1, "
        "P2) minimises 1/(2W)·Σsᵢrᵢ² + α·l1_ratio·Σvⱼ|wⱼ| + ½α(1 − l1_ratio)·Σvⱼwⱼ² with "
        "W = Σsᵢ (s = sample_weight, P1 = P2 = v as 1-d arrays; P2 1-d is diagonal) = F_{s,v}/W "
        "when alpha = (λ₁ + 2λ₂)/W and l1_ratio = λ₁/(λ₁ + 2λ₂). Scaling all weights by c "
        "changes nothing; with unit weights W = n (scikit-learn's ElasticNet mapping). Executed "
        "against glum 3.4.1: unit weights, integer weights against repeated rows, and "
        "P1 = v, P2 = v² against columns scaled by 1/v.",
        conventions.glum,
    ),
    Clause(
        "CONFORMANCE-TOLERANCE",
        "The conformance gate's tolerances, all from one accuracy G",
        "An implementation is judged on the exact rationals of the float64 data it received, "
        "against the exact minimiser w*, so evaluating a certificate adds no rounding error. "
        "The one tolerance is the accuracy demanded, G = gap_rtol·S with S = ½‖y‖² + "
        "½λ₁²/max_j(‖x_j‖² + 2λ₂) and gap_rtol = 10⁻⁹ by default (--gap-rtol). The exact "
        "identity below (every term ≥ 0) turns F(w) − F* ≤ G into: the fit bound "
        "‖X(w − w*)‖² ≤ 2G; the KKT residual against the exact support ρ_j ≤ δ_j = "
        "√(2G(‖x_j‖² + 2λ₂)) (GAP-DISTANCE-BOUND); |w_j| ≤ G/s_j where w*_j = 0 with slack "
        "s_j = λ₁ − |c*_j| > 0; where s_j > δ_j every acceptable w has |c_j(w)| < λ₁, so an "
        "implementation that declares exact zeros must return 0.0 there. Where the minimiser "
        "is unique, on E = {j : |c*_j| = λ₁} with H = X̃_EᵀX̃_E nonsingular, "
        "|w_i − w*_i| ≤ √((H⁻¹)_ii)·(√(2G) + Σ_{j∉E}‖x̃_j‖·G/s_j). A correct solver that "
        "reaches F(w) − F* ≤ G never fails any of these; the objective check is the verdict "
        "and the others say where a wrong answer is wrong (tests/conformance/verdict.py).",
        duality.conformance_tolerance,
    ),
    Clause(
        "FLOAT-DOT-ERROR",
        "Rounding error of an inner product",
        "In binary64 with unit roundoff u = 2⁻⁵³, an inner product of length m computed in any "
        "order (with or without FMA), barring underflow/overflow, satisfies "
        "|fl(aᵀb) − aᵀb| ≤ γ_m|a|ᵀ|b|, γ_m = mu/(1 − mu) (Higham, eq. 3.5). All tolerances are "
        "evaluated in exact rational arithmetic from the binary64 inputs.",
        _float("gamma"),
    ),
    Clause(
        "FLOAT-RESIDUAL-ERROR",
        "Rounding error of the residual",
        "The computed residual r̂ = fl(y − Xw) satisfies |r̂_i − r_i| ≤ e_i with "
        "e_i = γ_{p+1}(|y_i| + Σ_k|X_ik||w_k|) (an inner product of length p + 1).",
        _float("residual"),
    ),
    Clause(
        "FLOAT-KKT-TOLERANCE",
        "Float KKT check with derived tolerances",
        "Computing ĉ_j = fl(x_jᵀr̂ − 2λ₂w_j) gives |ĉ_j − c_j(ŵ)| ≤ τ_j. A float solution ŵ whose "
        "exact duality gap is at most G is accepted against the exact support of w* when "
        "|ĉ_j| ≤ λ₁ + τ_j + δ_j (w*_j = 0) and |ĉ_j − λ₁ sign w*_j| ≤ τ_j + δ_j (w*_j ≠ 0), "
        "δ_j = √(2G(‖x_j‖² + 2λ₂)) (GAP-DISTANCE-BOUND). A correct solver can never fail this "
        "test; it is decided exactly, squaring instead of taking the root. "
        "reference.certify_float evaluates an upper bound of τ_j in float64 without a second "
        "pass over X, by Cauchy–Schwarz: |x_j|ᵀe ≤ ‖x_j‖·γ_{p+1}(‖y‖ + ‖X‖_F‖w‖) and "
        "|x_j|ᵀ|r̂| ≤ ‖x_j‖‖r̂‖.",
        _float("kkt"),
    ),
)

BY_ID = {clause.id: clause for clause in CLAUSES}
