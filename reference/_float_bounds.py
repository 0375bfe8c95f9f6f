"""The rigorous error bounds of :func:`float_certificate.certify_float`, and its rounding.

Directed rounding is emulated: ``_up``/``_dn`` move a float64 one ulp outward
(``np.nextafter``) after each operation, so a chain of them bounds the exact quantity from
above/below.  γ_k = k·u/(1 − k·u) with u = 2⁻⁵³ (Higham §3.1); η = 2⁻¹⁰⁷⁴ bounds the
absolute error of an underflowing product or quotient.  Each bound cites its spec clause:
FLOAT-DOT-ERROR, FLOAT-RESIDUAL-ERROR, FLOAT-KKT-TOLERANCE, FLOAT-CERTIFICATE.
"""

from fractions import Fraction

import numpy as np

_U = Fraction(1, 2**53)  # unit roundoff of float64
_ETA = 2.0**-1074  # the smallest subnormal: bounds the absolute error of an underflow


def _up(x):
    return np.nextafter(x, np.inf)


def _dn(x):
    return np.nextafter(x, -np.inf)


def _gamma_up(k):
    """A float64 ≥ γ_k = k·u/(1 − k·u)."""
    return float(_up(float(k * _U / (1 - k * _U))))


def _sum_nonneg_up(v):
    """A float64 ≥ Σ v for v ≥ 0: a float sum of m terms is ≥ (1 − γ_m)·Σ v."""
    return float(_up(float(np.sum(v)) * _up(1 + 2 * _gamma_up(max(len(v), 1)))))


def _sum_up(v):
    """A float64 ≥ Σ v, any signs: |fl(Σ v) − Σ v| ≤ γ_m Σ|v| ≤ 2γ_m·fl(Σ|v|)."""
    err = _up(float(np.sum(np.abs(v))) * 2 * _gamma_up(max(len(v), 1)))
    return float(_up(float(np.sum(v)) + err))


def _norm_up(v):
    return float(_up(np.sqrt(_sum_nonneg_up(_up(v * v)))))


#: certify_float reads X in row blocks of about this many bytes, so that r = y − Xw, Xᵀr
#: and the column norms come from one pass over memory, each block still in cache.
_BLOCK_BYTES = 4_000_000


def _one_pass(X, y, w):
    """(r = y − Xw, Xᵀr, ‖x_j‖²) in one pass over X by row blocks.

    Each r_i is still one length-p dot product and each (Xᵀr)_j one length-n sum of
    products (in a different order), so the rounding bounds of FLOAT-KKT-TOLERANCE hold.
    """
    n, p = X.shape
    rows = max(1, _BLOCK_BYTES // (8 * p))
    r = np.empty(n)
    xtr = np.zeros(p)
    col_sq = np.zeros(p)
    for start in range(0, n, rows):
        block = X[start : start + rows]
        r[start : start + rows] = y[start : start + rows] - block @ w
        xtr += block.T @ r[start : start + rows]
        col_sq += np.einsum("ij,ij->j", block, block)
    return r, xtr, col_sq


# ------------------------------------------------------------------------- error bounds


def _kkt_errors(X_shape, y, w, r, col_sq, l2):
    """(‖x_j‖² upper, ‖x_j‖ upper, ē ≥ ‖r̂ − r‖, τ_j ≥ |ĉ_j − c_j|), FLOAT-KKT-TOLERANCE.

    With underflow (FLOAT-DOT-ERROR): ‖x_j‖² ≤ (fl‖x_j‖² + nη)(1 + 2γ_n);
    ē = γ_{p+1}(‖y‖ + ‖X‖_F‖w‖) + √n(p+1)η, from e_i of FLOAT-RESIDUAL-ERROR by
    Cauchy–Schwarz; τ_j = ‖x_j‖ē + γ_{n+1}(‖x_j‖‖r̂‖ + 2λ₂|w_j|) + (n+1)η.
    """
    n, p = X_shape
    col_sq_up = _up(_up(col_sq + n * _ETA) * _up(1 + 2 * _gamma_up(n)))
    col_norm = _up(np.sqrt(col_sq_up))
    frob = float(_up(np.sqrt(_sum_nonneg_up(col_sq_up))))
    e_bar = _up(
        _up(_gamma_up(p + 1) * _up(_norm_up(y) + _up(frob * _norm_up(w))))
        + _up(_up(np.sqrt(n)) * ((p + 1) * _ETA))
    )
    smooth = _up(_up(col_norm * _norm_up(r)) + _up(2 * l2 * np.abs(w)))
    tau = _up(_up(_up(col_norm * e_bar) + _up(_gamma_up(n + 1) * smooth)) + (n + 1) * _ETA)
    return col_sq_up, col_norm, float(e_bar), tau


def _gap_upper(y, w, r, c, tau, e_bar, l1, l2):
    """An upper bound on G(t) = F(w) − D(t·r̃(w)) at a feasible t (FLOAT-CERTIFICATE).

    t ≤ λ₁/max_j(|ĉ_j| + τ_j) makes t·r̃(w) exactly dual feasible (|c_j| ≤ |ĉ_j| + τ_j);
    G(t) = ½(1 − t)²(‖r‖² + 2λ₂‖w‖²) + Σ_j(λ₁|w_j| − t·w_j·c_j) with ‖r‖ ≤ ‖r̂‖ + ē and
    −t·w_j·c_j ≤ −t·w_j·ĉ_j + |t||w_j|τ_j, every operation rounded outward.
    """
    largest = float(np.max(_up(np.abs(c) + tau)))
    cap = max(0.0, float(_dn(l1 / _up(largest)))) if largest > 0 else np.inf
    ww = _sum_nonneg_up(_up(w * w))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = float(np.float64(y @ r) / (np.float64(r @ r) + 2 * l2 * np.float64(w @ w)))
    t = min(max(t if np.isfinite(t) else 1.0, -cap), cap)
    rr = _up(_up(_up(_norm_up(r) + e_bar) * _up(_norm_up(r) + e_bar)))
    quad = _up(_up(0.5 * _up(_up(abs(1 - t)) * _up(abs(1 - t)))) * _up(rr + _up(2 * l2 * ww)))
    tw = t * w
    cross = _up(np.maximum(-_dn(tw) * c, -_up(tw) * c))
    terms = _up(_up(l1 * np.abs(w)) + cross)
    linear = _up(_sum_up(terms) + _up(abs(t) * _sum_nonneg_up(_up(np.abs(w) * tau))))
    return float(_up(quad + max(linear, 0.0)))


def _rho_sq_upper(w, c, tau, l1):
    """‖ρ‖² rounded up, with ρ_j ≤ ρ̂_j + τ_j (ρ_j is 1-Lipschitz in c_j)."""
    zero = np.maximum(_up(_up(np.abs(c) + tau) - l1), 0.0)
    nonzero = _up(_up(np.abs(c - l1 * np.sign(w))) + tau)
    rho = np.where(w == 0, zero, nonzero)
    return _sum_nonneg_up(_up(rho * rho))


def _gram_floor(X, col_sq_up):
    """A proven lower bound μ₀ ≥ 0 on λ_min(XᵀX), from one verified Cholesky factorisation.

    A = fl(XᵀX) has ‖A − XᵀX‖₂ ≤ γ_n‖X‖_F² + pnη (FLOAT-DOT-ERROR, entrywise, then the
    Frobenius norm).  With α = 0.9·(estimated λ_min(A)), a Cholesky factorisation R of
    B = fl(A − αI) that succeeds has RᵀR = B + ΔB, |ΔB| ≤ γ_{p+1}|Rᵀ||R| (Higham,
    Thm 10.3, which assumes no underflow; γ_{2p+2} is used for blocked orders), so
    B ⪰ −γ‖R‖_F²·I; forming B costs at most u·max|B_ii| (a subtraction does not underflow).
    Underflow adds an absolute error of at most η = 2⁻¹⁰⁷⁴ to each rounded product and
    quotient (sums and square roots cannot underflow): entry (i, j) of RᵀR − B gains at most
    (i − 1)·η from the products r_ki·r_kj and, through r_ij = (b_ij − Σ r_ki·r_kj)/r_ii,
    r_ii·η from the quotient; with the (1 + γ) factors this is below 2(p + max r_ii)·η per
    entry, so ‖·‖₂ ≤ ‖·‖_F ≤ 2p(p + 1)(p + max r_ii)·η.  Hence
    λ_min(XᵀX) ≥ α − (those four terms).
    """
    n, p = X.shape
    A = X.T @ X
    if not np.all(np.isfinite(A)):
        return 0.0
    try:
        alpha = 0.9 * float(np.linalg.eigvalsh(A)[0])
        B = A - alpha * np.eye(p)
        R = np.linalg.cholesky(B) if alpha > 0 else None
    except np.linalg.LinAlgError:  # B not numerically positive definite
        R = None
    if R is None:
        return 0.0
    frob_sq = _sum_nonneg_up(col_sq_up)
    error = _up(_gamma_up(n) * frob_sq + p * n * _ETA)
    error = _up(error + _up(float(_U) * float(np.max(np.abs(np.diag(B))))))
    error = _up(error + _up(_gamma_up(2 * p + 2) * _sum_nonneg_up(_up((R * R).ravel()))))
    r_max = float(np.max(np.abs(np.diag(R))))
    error = _up(error + _up(_up(2.0 * p * (p + 1) * _up(p + r_max)) * _ETA))
    return max(0.0, float(_dn(alpha - error)))


def _move_lower(w, c, tau, col_sq, col_sq_up, l1, l2):
    """A lower bound on F(w) − F*: the best single-coordinate move, rounded inward.

    Moving w_j by a float d changes F by exactly −Δ_j(d), Δ_j(d) = c_j·d − ½a_j·d² −
    λ₁(|w_j + d| − |w_j|), a_j = ‖x_j‖² + 2λ₂; F* ≤ F(w + d·e_j), so F(w) − F* ≥ Δ_j(d).
    d is the coordinate-descent step (CD-UPDATE) computed in float; any d is valid.
    """
    a_hat = col_sq + 2 * l2
    with np.errstate(divide="ignore", invalid="ignore"):
        g = a_hat * w + c
        z = np.where(a_hat > 0, np.sign(g) * np.maximum(np.abs(g) - l1, 0.0) / a_hat, w)
    d = np.where(np.isfinite(z), z - w, 0.0)
    a_up = _up(col_sq_up + 2 * l2)
    gain = _dn(_dn(c * d) - _up(tau * np.abs(d)))
    gain = _dn(gain - _up(0.5 * _up(a_up * _up(d * d))))
    moved = w + d
    new_abs = _up(np.maximum(np.abs(_up(moved)), np.abs(_dn(moved))))
    gain = _dn(gain - _up(l1 * _up(new_abs - np.abs(w))))
    gain = np.where(np.isnan(gain), -np.inf, gain)
    return max(0.0, float(np.max(gain)))


def _slack_support(w, c, tau, col_sq_up, l1, l2, gap_tol):
    """w_j ≠ 0, except where λ₁ − |ĉ_j| > τ_j + δ_j proves w*_j = 0 (δ_j² = 2·gap_tol·a_j).

    If F(w) − F* ≤ gap_tol then |c_j(w) − c*_j| ≤ δ_j (GAP-DISTANCE-BOUND), so there
    |c*_j| < λ₁ and w*_j = 0.  δ_j is rounded up, the comparison made strict.
    """
    delta = _up(np.sqrt(_up(_up(2 * gap_tol) * _up(col_sq_up + 2 * l2))))
    return (w != 0) & ~(_up(_up(np.abs(c) + tau) + delta) < l1), delta
