"""The optimality certificate of any candidate w, exact or in float64.

For F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂², with r = y − Xw:

* the correlations c_j = x_jᵀr − 2λ₂w_j, i.e. minus the gradient of the
  smooth part (spec KKT-ZERO, KKT-NONZERO);
* the KKT residual of each coordinate, the distance from 0 to the coordinate's
  subdifferential:  ρ_j = max(0, |c_j| − λ₁) where w_j = 0 and
  ρ_j = |c_j − λ₁·sign(w_j)| where w_j ≠ 0.  w is optimal iff every ρ_j = 0;
* the duality gap (spec DUAL-GAP): with s = min(1, λ₁/‖c‖∞) (s = 1 when c = 0)
  the scaled residual is dual feasible and

      gap = ½(1 − s)²(‖r‖² + 2λ₂‖w‖²) + Σ_j (λ₁|w_j| − s·w_j·c_j),

  a sum of nonnegative terms (so it is computed without cancellation) with
  F(w) − F* ≤ gap.  When λ₂ > 0, F is 2λ₂-strongly convex and also
  F(w) − F* ≤ ‖ρ‖²/(4λ₂); ``bound`` is the smaller of the two.  For plain
  least squares (λ₁ = λ₂ = 0) ``bound`` is the exact excess ½‖P_X r‖².

With exact input (ints, Fractions; floats converted exactly by ``Fraction``)
the verdict is exact: every ρ_j == 0, no tolerance.  ``certify_float`` does the
same in float64 for large problems, with tolerances derived in the spec
(FLOAT-KKT-TOLERANCE).
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ._exact import dot, mat_vec, projection_norm_sq, xt_times
from ._validate import ProblemError, as_problem, as_vector

__all__ = ["Certificate", "FloatCertificate", "certify", "certify_float", "objective"]


def _sign(v):
    return (v > 0) - (v < 0)


def objective(X, y, w, l1, l2=0):
    """F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², exactly.

    >>> objective([[1, 1], [1, 0], [0, 1]], [3, 2, 1], [Fraction(5, 3), Fraction(2, 3)], 1)
    Fraction(8, 3)
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    w = as_vector(w, "w", length=len(X[0]))
    r = [yi - xw for yi, xw in zip(y, mat_vec(X, w), strict=True)]
    return dot(r, r) / 2 + l1 * sum(abs(v) for v in w) + l2 * dot(w, w)


@dataclass(frozen=True)
class Certificate:
    """The exact certificate of a candidate w (all fields are Fractions)."""

    c: tuple  # c_j = x_jᵀr − 2·l2·w_j
    residual: tuple  # KKT residual ρ_j of each coordinate
    gap: Fraction  # duality gap, ≥ F(w) − F*
    bound: Fraction  # best proven bound on F(w) − F*
    objective: Fraction  # F(w)
    optimal: bool  # every ρ_j == 0 (equivalently gap == 0)

    @property
    def violations(self):
        """The coordinates whose KKT condition fails."""
        return tuple(j for j, rho in enumerate(self.residual) if rho != 0)


def _kkt_residual(wj, cj, l1):
    """ρ_j: the distance from 0 to the subdifferential of F in coordinate j."""
    if wj == 0:
        return max(abs(cj) - l1, 0 * cj)
    return abs(cj - l1 * _sign(wj))


def _dual_scale(c, l1):
    """s = min(1, λ₁/‖c‖∞), and 1 when c = 0: the largest feasible scaling of the residual."""
    largest = max(abs(cj) for cj in c)
    return 1 if largest <= l1 else l1 / largest


def _gap(r, w, c, l1, l2):
    s = _dual_scale(c, l1)
    smooth = (1 - s) ** 2 * (sum(v * v for v in r) + 2 * l2 * sum(v * v for v in w)) / 2
    return smooth + sum(l1 * abs(wj) - s * wj * cj for wj, cj in zip(w, c, strict=True))


def _bound(X, r, w, c, l1, l2):
    """The best proven bound on F(w) − F*.

    The duality gap; for λ₂ > 0 also ‖ρ‖²/(4λ₂); and for plain least squares
    (λ₁ = λ₂ = 0), where the scaled residual is dual feasible only if Xᵀr = 0,
    the exact excess F(w) − F* = ½‖P_X r‖² instead.
    """
    if l1 == 0 and l2 == 0:
        return projection_norm_sq(X, r) / 2
    gap = _gap(r, w, c, l1, l2)
    if l2 == 0:
        return gap
    residual = [_kkt_residual(wj, cj, l1) for wj, cj in zip(w, c, strict=True)]
    return min(gap, sum(rho * rho for rho in residual) / (4 * l2))


def certify(X, y, w, l1, l2=0):
    """The exact optimality certificate of the candidate w.

    >>> X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    >>> certify(X, y, [Fraction(5, 3), Fraction(2, 3)], 1).optimal
    True
    >>> cert = certify(X, y, [2, 0], 1)
    >>> cert.optimal, [str(v) for v in cert.residual], cert.violations
    (False, ['0', '1'], (1,))
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    w = as_vector(w, "w", length=len(X[0]))
    r = [yi - xw for yi, xw in zip(y, mat_vec(X, w), strict=True)]
    c = [xr - 2 * l2 * wj for xr, wj in zip(xt_times(X, r), w, strict=True)]
    residual = [_kkt_residual(wj, cj, l1) for wj, cj in zip(w, c, strict=True)]
    return Certificate(
        c=tuple(c),
        residual=tuple(residual),
        gap=_gap(r, w, c, l1, l2),
        bound=_bound(X, r, w, c, l1, l2),
        objective=dot(r, r) / 2 + l1 * sum(abs(v) for v in w) + l2 * dot(w, w),
        optimal=all(rho == 0 for rho in residual),
    )


@dataclass(frozen=True)
class FloatCertificate:
    """A float64 certificate: the same quantities, with rounding-error bounds.

    ``c_error[j]`` bounds |fl(c_j) − c_j| for the c_j of the given float w
    (spec FLOAT-KKT-TOLERANCE); ``tolerance[j]`` is the KKT tolerance for a
    gap bound ``gap_tol``: √(2·gap_tol·(‖x_j‖² + 2λ₂)) + c_error[j].
    ``optimal`` means gap ≤ gap_tol and every ρ_j ≤ tolerance[j].
    """

    c: np.ndarray
    residual: np.ndarray
    gap: float  # the best bound on F(w) − F*, as in Certificate.bound (rounded)
    c_error: np.ndarray
    tolerance: np.ndarray
    gap_tol: float
    optimal: bool


_U = 2.0**-53  # unit roundoff of float64


def _gamma(k):
    """γ_k = k·u/(1 − k·u), Higham's bound for a k-term float dot product."""
    return k * _U / (1 - k * _U)


def _as_float_problem(X, y, w, l1, l2):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.size == 0:
        raise ProblemError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    arrays = {"y": np.asarray(y, dtype=np.float64), "w": np.asarray(w, dtype=np.float64)}
    for name, expected in (("y", X.shape[0]), ("w", X.shape[1])):
        if arrays[name].shape != (expected,):
            raise ProblemError(f"{name} must have shape ({expected},), got {arrays[name].shape}")
    # X is checked by certify_float from its column norms, which it needs anyway: a NaN or
    # infinity in X makes its column's ‖x_j‖² non-finite.  That saves a pass over X.
    for name, value in (*arrays.items(), ("l1", l1), ("l2", l2)):
        if not np.all(np.isfinite(value)):
            raise ProblemError(f"{name} must be finite")
    for name, value in (("l1", l1), ("l2", l2)):
        if value < 0:
            raise ProblemError(f"{name} must be >= 0, got {value!r}")
    return X, arrays["y"], arrays["w"], float(l1), float(l2)


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


def certify_float(X, y, w, l1, l2=0.0, *, gap_tol):
    """The float64 certificate of w: one blocked pass over X (r, Xᵀr, ‖x_j‖²) and O(n + p).

    ``gap_tol`` is the accuracy demanded: the largest acceptable F(w) − F*.
    """
    X, y, w, l1, l2 = _as_float_problem(X, y, w, l1, l2)
    n, p = X.shape
    with np.errstate(over="ignore", invalid="ignore"):  # a non-finite X is refused just below
        r, xtr, col_sq = _one_pass(X, y, w)
    if not np.all(np.isfinite(col_sq)) and not np.all(np.isfinite(X)):
        raise ProblemError("X must be finite")
    c = xtr - 2 * l2 * w
    col_norm = np.sqrt(col_sq)
    # Rounding: spec FLOAT-RESIDUAL-ERROR and FLOAT-KKT-TOLERANCE give
    #     τ_j = |x_j|ᵀe + γ_{n+1}(|x_j|ᵀ|r̂| + 2λ₂|w_j|),  e = γ_{p+1}(|y| + |X||w|),
    # and Cauchy–Schwarz bounds it without another pass over X:  |x_j|ᵀe ≤ ‖x_j‖‖e‖ with
    # ‖e‖ ≤ γ_{p+1}(‖y‖ + ‖X‖_F‖w‖), and |x_j|ᵀ|r̂| ≤ ‖x_j‖‖r̂‖.
    e_norm = _gamma(p + 1) * (np.linalg.norm(y) + np.sqrt(col_sq.sum()) * np.linalg.norm(w))
    c_error = col_norm * e_norm + _gamma(n + 1) * (
        col_norm * np.linalg.norm(r) + 2 * l2 * np.abs(w)
    )
    nonzero = w != 0
    residual = np.where(nonzero, np.abs(c - l1 * np.sign(w)), np.maximum(np.abs(c) - l1, 0.0))
    largest = float(np.max(np.abs(c)))
    s = 1.0 if largest <= l1 else l1 / largest
    gap = 0.5 * (1 - s) ** 2 * (r @ r + 2 * l2 * (w @ w))
    gap += float(np.sum(l1 * np.abs(w) - s * w * c))
    if l1 == 0 and l2 == 0:  # plain least squares: the excess ½‖P_X r‖², by a float lstsq
        projected = X @ np.linalg.lstsq(X, r, rcond=None)[0]
        gap = 0.5 * float(projected @ projected)
    elif l2 > 0:  # strong convexity, as in the exact certificate
        gap = min(gap, float(residual @ residual) / (4 * l2))
    tolerance = np.sqrt(2 * gap_tol * (col_sq + 2 * l2)) + c_error
    return FloatCertificate(
        c=c,
        residual=residual,
        gap=gap,
        c_error=c_error,
        tolerance=tolerance,
        gap_tol=float(gap_tol),
        optimal=bool(gap <= gap_tol and np.all(residual <= tolerance)),
    )
