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

from ._float_bounds import (
    _dn,
    _gap_upper,
    _gram_floor,
    _kkt_errors,
    _move_lower,
    _one_pass,
    _rho_sq_upper,
    _slack_support,
    _up,
)
from ._validate import ProblemError, as_matrix, as_penalty, as_vector, to_fraction

__all__ = ["FloatCertificate", "certify_float"]

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
    if (
        value.dtype.kind in "iu"
        and value.size
        and (value.max() > _MAX_EXACT_INT or value.min() < -_MAX_EXACT_INT)
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
    residual = np.where(support, np.abs(c - l1 * np.sign(w)), np.maximum(np.abs(c) - l1, 0.0))
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
