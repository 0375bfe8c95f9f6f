"""``certify_float``: a rigorous float64 certificate, at the cost of about two mat-vecs.

It decides, for float64 data and a float64 candidate w, whether F(w) − F* ≤ gap_tol,
and answers one of three things (``FloatCertificate.optimal``):

* ``True``:  a proven upper bound on F(w) − F* is ≤ gap_tol;
* ``False``: a proven lower bound on F(w) − F* is > gap_tol (one coordinate move
  improves F by more than gap_tol);
* ``None``:  float64 cannot decide (the bounds straddle gap_tol, or an intermediate
  overflowed); ``reason`` says so and points to the exact ``certify``.

Rigour (spec FLOAT-DOT-ERROR, FLOAT-RESIDUAL-ERROR, FLOAT-KKT-TOLERANCE, FLOAT-CERTIFICATE):
the three reductions over X (r̂ = fl(y − Xw), ĉ = fl(Xᵀr̂ − 2λ₂w), ‖x_j‖²) carry the
a-priori bound γ_m|a|ᵀ|b| + m·2⁻¹⁰⁷⁴ (underflow included); every later O(n + p)
quantity is evaluated with emulated directed rounding (``np.nextafter`` after each
operation), so each computed bound is ≥ (or ≤) the exact quantity it bounds.
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ._validate import ProblemError, as_matrix, as_penalty, as_vector, to_fraction

__all__ = ["FloatCertificate", "certify_float"]

_U = Fraction(1, 2**53)  # unit roundoff of float64
_ETA = 2.0**-1074  # the smallest subnormal: bounds the absolute error of an underflow
_MAX_EXACT_INT = 2**53


@dataclass(frozen=True)
class FloatCertificate:
    """A float64 certificate of w, every bound proven (see the module docstring).

    ``c`` is ĉ = fl(Xᵀr̂ − 2λ₂w); ``c_error[j]`` = τ_j ≥ |ĉ_j − c_j(w)| (FLOAT-KKT-TOLERANCE).
    ``gap`` ≥ F(w) − F* ≥ ``lower`` (FLOAT-CERTIFICATE).  ``support`` is the support
    read from the KKT slack: w_j ≠ 0 unless λ₁ − |ĉ_j| > τ_j + √(2·gap_tol·a_j), which
    proves w*_j = 0 for a gap_tol-optimal w.  ``residual`` is ρ̂ against that support
    and ``tolerance[j]`` = √(2·gap_tol·a_j) + τ_j its KKT band, a_j = ‖x_j‖² + 2λ₂.
    ``optimal`` is True (gap ≤ gap_tol), False (lower > gap_tol) or None (undecided).
    """

    c: np.ndarray
    residual: np.ndarray
    gap: float
    lower: float
    c_error: np.ndarray
    tolerance: np.ndarray
    support: np.ndarray
    gap_tol: float
    optimal: bool | None
    reason: str

    @property
    def decidable(self):
        """Whether float64 decided the question."""
        return self.optimal is not None


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


# ---------------------------------------------------------------------------- input checks


def _exact_float(value, name):
    """float(value) if value is exactly a binary64 number, else ProblemError."""
    try:
        result = float(value)
    except OverflowError:
        result = None
    if result is None or Fraction(result) != value:
        raise ProblemError(
            f"{name} = {value} is not a float64 number; certify_float certifies float64 data "
            "(use the exact certify for other numbers)"
        )
    return result


def _fast_array(value, ndim):
    """The float64 copy of a numeric numpy array that converts exactly, else None."""
    if not isinstance(value, np.ndarray) or value.ndim != ndim or value.dtype.kind not in "fiu":
        return None
    if value.dtype.kind in "iu" and value.size and (
        value.max() > _MAX_EXACT_INT or value.min() < -_MAX_EXACT_INT
    ):
        return None  # may not be exact in float64: the exact path decides entry by entry
    converted = np.asarray(value, dtype=np.float64)  # no copy for float64 data
    if value.dtype.kind == "f" and value.dtype.itemsize > 8:
        if not np.array_equal(converted.astype(value.dtype), value):
            return None
    return converted


def _float_matrix(X):
    fast = _fast_array(X, 2)
    if fast is not None:
        if fast.size == 0:
            raise ProblemError(f"X must be a non-empty 2-D array, got shape {fast.shape}")
        return fast  # a non-finite entry is found from the column norms (no extra pass)
    if isinstance(X, np.ndarray) and X.ndim != 2:
        raise ProblemError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    rows = as_matrix(X, "X")
    return np.array(
        [[_exact_float(v, f"X[{i}][{j}]") for j, v in enumerate(row)] for i, row in enumerate(rows)]
    )


def _float_vector(v, name, length):
    fast = _fast_array(v, 1)
    if fast is not None:
        if fast.shape != (length,):
            raise ProblemError(f"{name} must have shape ({length},), got {fast.shape}")
        if not np.all(np.isfinite(fast)):
            raise ProblemError(f"{name} must be finite")
        return fast
    if isinstance(v, np.ndarray) and v.ndim != 1:
        raise ProblemError(f"{name} must have shape ({length},), got {v.shape}")
    values = as_vector(v, name, length)
    return np.array([_exact_float(x, f"{name}[{i}]") for i, x in enumerate(values)], dtype=float)


def _tolerance(gap_tol):
    """gap_tol as a float64 ≤ the value given (rounding down only demands more)."""
    exact = to_fraction(gap_tol, "gap_tol")
    if exact < 0:
        raise ProblemError(f"gap_tol must be >= 0, got {gap_tol!r}")
    try:
        value = float(exact)
    except OverflowError:
        raise ProblemError(f"gap_tol must be finite in float64, got {gap_tol!r}") from None
    return float(_dn(value)) if Fraction(value) > exact else value


def _as_float_problem(X, y, w, l1, l2):
    X = _float_matrix(X)
    n, p = X.shape
    y, w = _float_vector(y, "y", n), _float_vector(w, "w", p)
    l1 = _exact_float(as_penalty(l1, "l1"), "l1")
    l2 = _exact_float(as_penalty(l2, "l2"), "l2")
    return X, y, w, l1, l2


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


def _undecidable(what):
    return f"not decidable in float64 ({what}); use the exact certify"


#: gram_bound=None factorises XᵀX (n·p² flops) only when the cheap bounds leave the verdict
#: open and n·p² is at most this.
_GRAM_FLOPS = 10**8


def certify_float(X, y, w, l1, l2=0.0, *, gap_tol, gram_bound=None):
    """The float64 certificate of w: one blocked pass over X (r, Xᵀr, ‖x_j‖²) and O(n + p).

    ``gap_tol`` is the accuracy demanded: the largest acceptable F(w) − F*.
    ``optimal`` is True when F(w) − F* ≤ gap_tol is proven, False when F(w) − F* >
    gap_tol is proven, None when float64 cannot decide (``reason`` says why).

    >>> cert = certify_float([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]], [3.0, 2.0, 1.0],
    ...                      [5 / 3, 2 / 3], 1.0, gap_tol=1e-9)
    >>> cert.optimal, cert.gap < 1e-12
    (True, True)
    """
    X, y, w, l1, l2 = _as_float_problem(X, y, w, l1, l2)
    gap_tol = _tolerance(gap_tol)
    with np.errstate(all="ignore"):
        return _certify(X, y, w, l1, l2, gap_tol, gram_bound)


def _certify(X, y, w, l1, l2, gap_tol, gram_bound):
    r, xtr, col_sq = _one_pass(X, y, w)
    if not np.all(np.isfinite(col_sq)) and not np.all(np.isfinite(X)):
        raise ProblemError("X must be finite")
    c = xtr - 2 * l2 * w
    col_sq_up, _, e_bar, tau = _kkt_errors(X.shape, y, w, r, col_sq, l2)
    support, delta = _slack_support(w, c, tau, col_sq_up, l1, l2, gap_tol)
    residual = np.where(
        support, np.abs(c - l1 * np.sign(w)), np.maximum(np.abs(c) - l1, 0.0)
    )
    finite = all(np.all(np.isfinite(v)) for v in (r, c, col_sq_up, tau, [e_bar]))
    upper, lower = np.inf, 0.0
    if finite:
        upper = _gap_upper(y, w, r, c, tau, e_bar, l1, l2)
        rho_sq = _rho_sq_upper(w, c, tau, l1)
        if l2 > 0:  # F is 2λ₂-strongly convex: F(w) − F* ≤ ‖ρ‖²/(4λ₂)
            upper = min(upper, float(_up(rho_sq / (4 * l2))))
        lower = _move_lower(w, c, tau, col_sq, col_sq_up, l1, l2)
        n, p = X.shape
        if gram_bound is None:
            gram_bound = lower <= gap_tol < upper and n * p * p <= _GRAM_FLOPS
        if gram_bound and upper > gap_tol:  # F is (μ₀ + 2λ₂)-strongly convex
            mu = float(_dn(_gram_floor(X, col_sq_up) + 2 * l2))
            if mu > 0:
                upper = min(upper, float(_up(rho_sq / _dn(2 * mu))))
    if not finite or not np.isfinite(upper):
        optimal, reason = None, _undecidable("an intermediate quantity overflowed")
    elif upper <= gap_tol:
        optimal, reason = True, f"F(w) - F* <= {upper!r} <= gap_tol"
    elif lower > gap_tol:
        optimal, reason = False, f"F(w) - F* >= {lower!r} > gap_tol"
    else:
        optimal = None
        reason = _undecidable(f"{lower!r} <= F(w) - F* <= {upper!r}, gap_tol = {gap_tol!r}")
    return FloatCertificate(
        c=c,
        residual=residual,
        gap=upper,
        lower=lower,
        c_error=tau,
        tolerance=_up(delta + tau),
        support=support,
        gap_tol=gap_tol,
        optimal=optimal,
        reason=reason,
    )
