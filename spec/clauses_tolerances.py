"""The clauses of the tolerances: the conformance gate's, all from one accuracy G, and the
float64 rounding bounds with the rigorous float certificate (CONFORMANCE-TOLERANCE, FLOAT-*).

The gate's tolerances are derived in ``spec.gate_tolerance``; the rounding-error bounds are
rendered by ``spec.float_formulas`` (``_float`` picks one clause's formulas) and the float
certificate's by ``spec.float_certificate``.
"""

from __future__ import annotations

from . import float_certificate, float_formulas, gate_tolerance
from .clause import Clause


def _float(key):
    return lambda: {"formulas": float_formulas.formulas()[key], "checks": {}}


CLAUSES: tuple[Clause, ...] = (
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
        "where a wrong answer is wrong (conformance/certificate_checks.py, which calls the "
        "slack s_j).",
        gate_tolerance.conformance_tolerance,
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
        lambda: {"formulas": float_certificate.certificate_formulas(), "checks": {}},
    ),
)
