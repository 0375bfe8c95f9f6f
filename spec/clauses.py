"""The clause registry: stable IDs, statements, and the sympy derivation behind each.

``CLAUSES`` is ordered; ``clause.formulas`` and ``clause.checks`` run the
derivation on first use (cached).  IDs are stable: tests cite them with
``@pytest.mark.spec("ID")`` and other documents refer to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import (
    certificates,
    conventions,
    duality,
    floating,
    optimality,
    options_clauses,
    screening,
)


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
    def prose(self) -> bool:
        """Stated in words only (porting advice, an algorithm): it renders no formula."""
        return self.derive is _prose

    @property
    def checks(self) -> dict[str, bool]:
        """The derivation's exact checks; all must be True."""
        return dict(self.derive().get("checks", {}))

    @property
    def latex(self) -> tuple[str, ...]:
        """The formulas as LaTeX, from ``sympy.latex``."""
        return tuple(f.latex for f in self.formulas)


def _prose():
    """A clause stated in words and checked by its tests; it renders no formula."""
    return {"formulas": (), "checks": {}}


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
        "For λ₁ = 0, λ₂ > 0: the coordinate update (CD-UPDATE at λ₁ = 0) is g/(a + 2λ₂), which "
        "vanishes only at g = 0 — no interval of data maps to zero. At the minimiser "
        "w*_j = n_jᵀy with n_j = (XXᵀ + 2λ₂I)⁻¹x_j, so {y : w*_j = 0} is the hyperplane "
        "n_jᵀy = 0 when x_j ≠ 0 (n_j = 0 iff x_j = 0, as XXᵀ + 2λ₂I is invertible); a "
        "hyperplane has Lebesgue measure zero, and moving y along x_j changes w*_j at the rate "
        "x_jᵀ(XXᵀ + 2λ₂I)⁻¹x_j > 0, so a Ridge zero never survives that perturbation. The set "
        "is not empty: exact Ridge zeros occur. For λ₁ > 0, by contrast, w* = 0 on the open "
        "set ‖Xᵀy‖∞ < λ₁ (LAMBDA-MAX).",
        optimality.ridge_no_dead_zone,
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
        "S(z, t) = sign(z)·max(|z| − t, 0) = argmin_b ½(b − z)² + t|b| for t ≥ 0. The notes' "
        "b_j = S(ρ_j, λ₁) is the coordinate minimiser S(ρ_j, λ₁)/(x_jᵀx_j + 2λ₂) (CD-UPDATE) "
        "exactly when |ρ_j| ≤ λ₁ (both are 0) or x_jᵀx_j + 2λ₂ = 1 — for example x_jᵀx_j = 1 "
        "with λ₂ = 0, but also x_jᵀx_j = 1/2 with λ₂ = 1/4.",
        optimality.soft_threshold,
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
        optimality.lambda_max,
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
        duality.distance_bound,
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
    Clause(
        "PORT-NONUNIQUE",
        "What to return when the minimiser is not unique",
        "For λ₂ = 0 with linearly dependent active columns (duplicate columns, n < p) the "
        "minimisers form a convex polytope. Every point of it is a correct answer: Xw*, "
        "c* = c(w*) and F* are the same for all of them (two minimisers w₁, w₂ have "
        "F(w₁) − F* = 0 ≥ ½‖X̃(w₁ − w₂)‖² by the excess identity of CONFORMANCE-TOLERANCE). "
        "Return any minimiser; the gate compares F(w) − F* and the fit, never the coefficients "
        "where they are not determined. The reference returns one vertex of the polytope with "
        "unique = False. For λ₂ > 0 the minimiser is unique (2λ₂-strong convexity).",
        _prose,
    ),
    Clause(
        "PORT-ZEROS",
        "Exact zeros and −0.0",
        "A coordinate the solver sets to zero is returned as 0.0; −0.0 is the same number "
        "(both convert to the rational 0, and the gate treats them alike). An implementation "
        "that declares exact zeros (gate option exact_zeros) promises ±0.0 wherever the exact "
        "solution has slack η_j > δ_j (CONFORMANCE-TOLERANCE); returning a tiny nonzero there "
        "then fails the exact-zeros check though the objective verdict passes. Without the "
        "declaration tiny values are reported, not failed.",
        _prose,
    ),
    Clause(
        "PORT-ORDER",
        "Coordinate order",
        "The notes' pseudocode and reference.coordinate_descent sweep the coordinates "
        "cyclically in the order j = 1, …, p. The order changes the iterates (a sweep in "
        "another order is a sweep of the column-permuted problem) but not the minimiser: "
        "permuting the columns of X permutes w*. The gate judges only the returned w, so any "
        "order (cyclic, random, greedy) conforms; a port that compares iterates with the "
        "reference's trace must sweep j = 1, …, p.",
        _prose,
    ),
    Clause(
        "EXACT-REFINEMENT",
        "The exact minimiser at realistic sizes: iterative refinement",
        "reference.solve chooses the homotopy (the knots of the path) for n·p ≤ 400 or when the "
        "path is asked for, and otherwise iterative refinement, the method of exact LP solvers "
        "(SoPlex, QSopt_ex), with or without the options of OPTIONS-OBJECTIVE. It works on the "
        "quadratic of OPTIONS-INTERCEPT-CENTRING: G = X'ᵀSX' + 2λ₂V', c = X'ᵀSy, thresholds "
        "t_j = λ₁v_j, the intercept a last coordinate with t = 0 and no sign (canonically "
        "G = XᵀX + 2λ₂I, c = Xᵀy, t_j = λ₁). (1) A float64 solver proposes an active set B "
        "with signs s_B; the free coordinates (t_j = 0 without a sign constraint) are always "
        "in B with s_j = 0, and under positive every other s_j = +1; (2) G_BB w_B = c_B − "
        "t_B s_B is solved exactly on integers (float data are dyadic, so one integer scale "
        "clears every denominator, the weights' and factors' included; G_BB is formed from "
        "the columns in B only; B is first cut to its leftmost linearly independent columns "
        "when G_BB is singular); (3) the conditions of KKT-ZERO and KKT-NONZERO, under the "
        "options those of OPTIONS-KKT (one-sided under positive), are checked exactly over "
        "all coordinates; (4) sign-inconsistent coordinates leave B, the worst violator "
        "enters, and (2) repeats. λ_max (OPTIONS-LAMBDA-MAX) comes from the same loop "
        "restricted to the unpenalised coordinates. Termination: every round returns a "
        "certified point or moves to a pair (B, s_B), of which there are finitely many; a "
        "pair met twice (a cycle, possible at ties and with non-unique minimisers) or a "
        "round cap hands over to the homotopy, which terminates by its own argument. "
        "Correctness never rests on the floats: nothing is returned before the exact check "
        "(3). Uniqueness is decided exactly on the equicorrelation set, as in the homotopy. "
        "Both methods return the same w and intercept where the minimiser is unique and the "
        "same F*, uniqueness and λ_max always (tested on every family of small problems, "
        "under every combination of the options).",
        _prose,
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
        "alpha = (λ₁ + 2λ₂)/n and L1_wt = λ₁/(λ₁ + 2λ₂). Its coordinate descent (statsmodels "
        "0.15.0, statsmodels/base/elastic_net.py) has an active-set rule: from the second sweep "
        "on, a coefficient with |w_j| < zero_tol is set to 0 and never revisited, and every "
        "|w_j| < zero_tol is rounded to 0 at the end (default zero_tol = 10⁻⁸), so with "
        "zero_tol > 0 it can stop with a coefficient frozen at 0 that must re-enter, which is "
        "not the minimiser. zero_tol = 0 switches the rule off (|w_j| < 0 never holds); the "
        "gate's statsmodels adapter passes zero_tol = 0, and the gate's checks that the rule "
        "failed at zero_tol = 10⁻¹⁵ (edge/wide, the wide and Elastic Net families, three scale "
        "designs, the intercept and weights Lasso option checks) pass with it (tox -e "
        "conformance-statsmodels). The mapping itself is executed on fixed, well-separated "
        "data, where the rule does not fire.",
        conventions.statsmodels,
    ),
    Clause(
        "CONVENTION-GLMNET",
        "glmnet parameters",
        "glmnet(x, y, family='gaussian', intercept=FALSE, standardize=FALSE) documents the "
        "objective 1/(2N)·RSS + λ((1 − α)/2‖β‖² + α‖β‖₁), but at a supplied λ it minimises "
        "1/(2N)·RSS + λ((1 − α)/(2s_y)‖β‖² + α‖β‖₁) = F/n: it scales y and λ by 1/s_y and the "
        "coefficients back by s_y. So λ = (λ₁ + 2s_yλ₂)/n and α = λ₁/(λ₁ + 2s_yλ₂); Lasso "
        "(λ₂ = 0) is unaffected, and for λ₂ > 0 the documented mapping is right only when "
        "s_y = 1. s_y depends on the version: python-glmnet 2.2.1 (Fortran glmnet5.f90, "
        "5/12/14) and R glmnet up to 3.0-2 use s_y = sd(y) (centred, 1/N, even without an "
        "intercept; the s_y rendered below); R glmnet from 4.0 on uses the uncentred "
        "s_y = √(Σᵢyᵢ²/N) = ‖y‖/√N without an intercept (read in every cran/glmnet version: "
        "src/glmnet5dpclean.f line 133, centred in 3.0-2 (8959307), uncentred in 4.0 "
        "(8d764f2) to 4.1-2; glmnetpp standardize.hpp line 46, 'trevor changed 3/24/2020', "
        "in 4.1-3 to 4.1-8). Executed against python-glmnet 2.2.1 and R glmnet 4.1-6 "
        "(Rscript, tests/test_conventions_r.py; R 4.1-6's src/ is 4.1-8's): each at its own "
        "s_y reaches w*, and at the other's misses it for λ₂ > 0 (X = [[1, 1], [1, 0], [0, 1]], "
        "y = (3, 2, 1), λ₁ = 1, λ₂ = ½: w* = (9/8, 5/8); python-glmnet's λ = 0.6055, α = 0.5505 "
        "gives R (1.3990, 0.6733)). Both drop constant columns (chkvars), so F is not reachable "
        "there. For a constant y python-glmnet returns 0; R fits it without an intercept (its "
        "s_y > 0 unless y = 0) and stops with an error with one. R refuses a one-column x.",
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
        "√(2G(‖x_j‖² + 2λ₂)) (GAP-DISTANCE-BOUND); |w_j| ≤ G/η_j where w*_j = 0 with slack "
        "η_j = λ₁ − |c*_j| > 0; where η_j > δ_j every acceptable w has |c_j(w)| < λ₁, so an "
        "implementation that declares exact zeros must return 0.0 there. Where the minimiser "
        "is unique, on E = {j : |c*_j| = λ₁} with H = X̃_EᵀX̃_E nonsingular, "
        "|w_i − w*_i| ≤ √((H⁻¹)_ii)·(√(2G) + Σ_{j∉E}‖x̃_j‖·G/η_j) (proof: X̃_E d_E = X̃d − "
        "X̃_{Eᶜ}d_{Eᶜ} for d = w − w*, ‖X̃_E H⁻¹e_i‖² = (H⁻¹)_ii, Cauchy–Schwarz, then "
        "‖X̃d‖ ≤ √(2G) and |d_j| ≤ G/η_j). A correct solver that reaches F(w) − F* ≤ G "
        "never fails any of these; the objective check is the verdict and the others say "
        "where a wrong answer is wrong (conformance/verdict.py, which calls the slack s_j).",
        duality.conformance_tolerance,
    ),
    Clause(
        "FLOAT-DOT-ERROR",
        "Rounding error of an inner product",
        "Binary64, round to nearest, gradual underflow, barring overflow (Higham 2nd ed. §2.1, "
        "eq. 2.8): fl(a op b) = (a op b)(1 + δ) + η, |δ| ≤ u = 2⁻⁵³, |η| ≤ u_sub = 2⁻¹⁰⁷⁵ "
        "(half the subnormal spacing), δη = 0; an addition has η = 0, since a sum of multiples "
        "of 2⁻¹⁰⁷⁴ that lands in the subnormal range is representable. In an inner product of "
        "length m computed in any order (with or without FMA) each product is rounded once and "
        "then passes through at most m − 1 additions, so by Higham's Lemma 3.1 "
        "(|Π_{≤k}(1 + δ_i)^{±1} − 1| ≤ γ_k = ku/(1 − ku)) the error is at most "
        "γ_m|a|ᵀ|b| + m(1 + γ_{m−1})u_sub: Higham's eq. 3.5 plus an underflow term, which "
        "reference.certify_float bounds by m·2⁻¹⁰⁷⁴. All tolerances are evaluated in exact "
        "rational arithmetic from the binary64 inputs; the checks compute the float quantities "
        "in float64 (sequentially, as the model says, and in other orders) on adversarial "
        "instances whose errors reach a large fraction of each bound (within a factor "
        "1 − (2m + 2)u for the inner product, 1 − 3u for m products that underflow at a tie).",
        _float("gamma"),
    ),
    Clause(
        "FLOAT-RESIDUAL-ERROR",
        "Rounding error of the residual",
        "The computed residual r̂ = fl(y − Xw) satisfies |r̂_i − r_i| ≤ e_i with "
        "e_i = γ_{p+1}(|y_i| + Σ_k|X_ik||w_k|) + p(1 + γ_p)u_sub (an inner product of length "
        "p + 1 of (y_i, X_i·) with (1, −w); y_i·1 is exact, so only p products can underflow).",
        _float("residual"),
    ),
    Clause(
        "FLOAT-KKT-TOLERANCE",
        "Float KKT check with derived tolerances",
        "Computing ĉ_j = fl(x_jᵀr̂ − 2λ₂w_j) (an inner product of length n + 1; 2λ₂ is exact) "
        "gives |ĉ_j − c_j(ŵ)| ≤ τ_j, underflow included. A float solution ŵ whose "
        "exact duality gap is at most G is accepted against the exact support of w* when "
        "|ĉ_j| ≤ λ₁ + τ_j + δ_j (w*_j = 0) and |ĉ_j − λ₁ sign w*_j| ≤ τ_j + δ_j (w*_j ≠ 0), "
        "δ_j = √(2G(‖x_j‖² + 2λ₂)) (GAP-DISTANCE-BOUND). A correct solver can never fail this "
        "test; it is decided exactly, squaring instead of taking the root. "
        "reference.certify_float evaluates an upper bound of τ_j in float64 without a second "
        "pass over X, by Cauchy–Schwarz: |x_j|ᵀe ≤ ‖x_j‖·(γ_{p+1}(‖y‖ + ‖X‖_F‖w‖) + "
        "√n(p + 1)·2⁻¹⁰⁷⁴) and |x_j|ᵀ|r̂| ≤ ‖x_j‖‖r̂‖, with the underflow term (n + 1)·2⁻¹⁰⁷⁴.",
        _float("kkt"),
    ),
    Clause(
        "FLOAT-CERTIFICATE",
        "The rigorous float64 certificate and its three outcomes",
        "reference.certify_float(X, y, w, λ₁, λ₂, gap_tol) answers True only with a proven "
        "F(w) − F* ≤ gap_tol, False only with a proven F(w) − F* > gap_tol, and None (\"not "
        "decidable in float64; use the exact certify\") otherwise, including on overflow. "
        "Its three reductions over X carry the bounds of FLOAT-DOT-ERROR with the underflow "
        "term m·2⁻¹⁰⁷⁴; every later quantity is rounded outward (nextafter after each "
        "operation). Upper bounds: G(t) below at t ≤ λ₁/max_j(|ĉ_j| + τ_j) (so t·r̃(w) is "
        "feasible), with ‖r‖ ≤ ‖r̂‖ + ē and −t·w_j·c_j ≤ −t·w_j·ĉ_j + |t||w_j|τ_j; for λ₂ > 0 "
        "‖ρ‖²/(4λ₂); and ‖ρ‖²/(2(μ₀ + 2λ₂)) with μ₀ ≤ λ_min(XᵀX) verified by a Cholesky "
        "factorisation of fl(XᵀX) − 0.9·λ̂_min·I (Higham Thm 10.3; n·p² flops, used when the "
        "other bounds leave the verdict open), ρ_j ≤ ρ̂_j + τ_j. Lower bound: the gain Δ_j(d) "
        "below of the float coordinate-descent step d, since F* ≤ F(w + d·e_j). The support is "
        "read from the KKT slack: w_j ≠ 0 counts as off the support where λ₁ − |ĉ_j| > τ_j + "
        "√(2·gap_tol·a_j). Ridge and λ₁ well above the noise of ĉ decide with two mat-vecs; "
        "λ₁ ≈ 0 with λ₂ = 0 needs μ₀ > 0 (full column rank), else the answer is None.",
        lambda: {"formulas": floating.certificate_formulas(), "checks": {}},
    ),
)

# The option family (issue 10): weights, penalty factors, w >= 0, the intercept; conventions.
CLAUSES += tuple(Clause(*entry) for entry in options_clauses.ENTRIES)

# Issue 9: Gap Safe screening, in the Gram form of the option family.
CLAUSES += (
    Clause(
        "GAP-SAFE",
        "Gap Safe screening: zeros certified from any point and a gap",
        options_clauses._text(
            """
            Fercoq, Gramfort & Salmon (2015, "Mind the duality gap: safer rules for the Lasso",
            ICML); Ndiaye, Fercoq, Gramfort & Salmon (2017, "Gap Safe screening rules for
            sparsity enforcing penalties", JMLR 18). In the Gram form of OPTIONS-OBJECTIVE,
            P(z) = ½zᵀGz − cᵀz + Σⱼ tⱼ|zⱼ| with z = (w, b), G = X'ᵀSX' + 2λ₂V' ⪰ 0, c = X'ᵀSy,
            tⱼ = λ₁vⱼ (the intercept a coordinate with t = 0; canonically G = XᵀX + 2λ₂I, so
            Gⱼⱼ = ‖xⱼ‖² + 2λ₂), and ĉ = c − Gz. Let 𝒢 ≥ F(z) − F* (the gap of DUAL-GAP or
            OPTIONS-DUAL-GAP, or CERTIFICATE-BOUND). The excess identity F(z) − F* =
            ½(z − z*)ᵀG(z − z*) + Σⱼ(tⱼ|zⱼ| − ĉ*ⱼzⱼ) has every summand ≥ 0 by OPTIONS-KKT, and
            ĉ(z) − ĉ* = G(z* − z) with (eⱼᵀGd)² ≤ Gⱼⱼ·dᵀGd, so |ĉⱼ(z) − ĉ*ⱼ| ≤ √(2𝒢Gⱼⱼ):
            GAP-DISTANCE-BOUND in the Gram form, and the same for every minimiser z* (they share
            ĉ*). Hence the screening rule: if |ĉⱼ(z)| + √(2𝒢Gⱼⱼ) < λ₁vⱼ then |ĉ*ⱼ| < λ₁vⱼ and
            w*ⱼ = 0 in every minimiser (KKT-NONZERO); under w ≥ 0 the one-sided test
            ĉⱼ(z) + √(2𝒢Gⱼⱼ) < λ₁vⱼ suffices (a positive coefficient needs ĉ*ⱼ = λ₁vⱼ). Solved
            for 𝒢 by sympy it is the threshold below. It is Fercoq et al.'s Gap Safe sphere
            test: ĉⱼ(z) = aⱼᵀr̃(z) for G = AᵀA, A = [S^½X'; √(2λ₂V')], and the dual optimum
            θ* = r̃(z*) lies in the ball of radius ‖A(z − z*)‖ ≤ √(2𝒢) around the residual
            r̃(z) = ỹ − Az (they centre the ball at the rescaled, feasible θ̃ instead). The
            unpenalised coordinates and the intercept (tⱼ = 0) are never screened; a zero
            column (Gⱼⱼ = 0) has ĉⱼ = 0 and is screened whenever tⱼ > 0. The rule is rigorous
            with an exact 𝒢 and ĉ; in float64 it is a heuristic. reference.refine does not
            screen: in its float64 proposal the full sweeps that screening shortens take under
            2 % of coordinate descent's time at 200 × 2000 and 1000 × 500 (λ₁ = λ_max/100), and
            a prototype that screened after every full sweep was no faster (issue 9; the
            measurements are in that commit's message). Checked on the option cases against
            the certified oracle, and on one-column cases where each bound is attained (so a
            loosened rule screens a nonzero coefficient there and a tightened one misses the
            equality).
            """
        ),
        screening.gap_safe,
    ),
)

BY_ID = {clause.id: clause for clause in CLAUSES}
