"""The notes' coordinate descent, line for line, stopped by a certificate.

The source note's pseudocode (section 13), with the Elastic Net denominator of
section 15 (spec CD-UPDATE)::

    Initialize w = 0, r = y
    Repeat:
      for each feature j:
        r = r + x_j * w_j
        g_j = x_jᵀ r
        w_j = SoftThreshold(g_j, λ₁) / (x_jᵀ x_j + 2λ₂)
        r = r − x_j * w_j

Two things the notes leave out: a zero column (x_jᵀx_j + 2λ₂ = 0) gets
w_j = 0, where the formula would divide by zero; and "Repeat" stops when the
certificate proves F(w) − F* ≤ tol·½‖y‖² (spec DUAL-GAP; for λ₂ > 0 also the
strong-convexity bound; for plain least squares the exact excess ½‖P_X r‖²), not after a bare
number of sweeps.  It then sweeps once more from the certified point, and again
until a sweep moves no coefficient to or from zero: a coefficient left at a
rounding-level value by the sweep that reached the certificate (its g_j was
barely above λ₁ before the others settled) is put back to exactly 0, so the
soft threshold's zero zone shows in the answer.  ``max_sweeps`` only caps the
work, and the result says whether the certificate was reached.

The arithmetic is that of the inputs: floats by default, or exact Fractions
with ``exact=True`` to trace the iterates (which for Lasso generally converge
only in the limit).
"""

from dataclasses import dataclass
from fractions import Fraction

from ._exact import column, dot
from ._validate import ProblemError, as_penalty, as_problem, to_fraction
from .certificate import _bound

__all__ = ["CDResult", "coordinate_descent", "soft_threshold"]


def soft_threshold(z, t):
    """S(z, t) = sign(z)·max(|z| − t, 0) (spec SOFT-THRESHOLD): zero on the zone |z| ≤ t.

    >>> soft_threshold(5, 1), soft_threshold(-5, 1), soft_threshold(0.5, 1)
    (4, -4, 0.0)
    """
    as_penalty(t, "t")
    to_fraction(z, "z")  # type and finiteness check only; the arithmetic keeps z's own type
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0 * z


@dataclass(frozen=True)
class CDResult:
    """The outcome of coordinate descent: the iterate, whether it is certified, and how."""

    w: tuple
    converged: bool  # bound ≤ tol·½‖y‖² was reached
    sweeps: int
    bound: object  # proven bound on F(w) − F* (float or Fraction, like the arithmetic)
    trace: tuple  # w after each sweep, when trace=True


def coordinate_descent(X, y, l1, l2=0, *, tol=1e-12, max_sweeps=10_000, exact=False, trace=False):
    """Minimise F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² by cyclic coordinate descent.

    >>> X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    >>> run = coordinate_descent(X, y, 1, exact=True, max_sweeps=2, trace=True)
    >>> [[str(v) for v in w] for w in run.trace], run.converged
    ([['2', '1/2'], ['7/4', '5/8']], False)
    >>> run = coordinate_descent(X, y, 1)
    >>> run.converged, [round(v, 9) for v in run.w]
    (True, [1.666666667, 0.666666667])
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    tol = as_penalty(tol, "tol")
    if isinstance(max_sweeps, bool) or not isinstance(max_sweeps, int) or max_sweeps < 0:
        raise ProblemError(f"max_sweeps must be a non-negative int, got {max_sweeps!r}")
    number = Fraction if exact else float
    X = [[number(v) for v in row] for row in X]
    y = [number(v) for v in y]
    l1, l2 = number(l1), number(l2)
    cols = [column(X, j) for j in range(len(X[0]))]
    w = [number(0)] * len(cols)
    r = list(y)
    target = number(tol) * dot(y, y) / 2
    iterates = []
    bound = _certified_bound(X, cols, r, w, l1, l2)
    sweeps = 0
    polished = False  # the last sweep started certified and moved nothing to or from zero
    while (bound > target or not polished) and sweeps < max_sweeps:
        polished = bound <= target
        for j, x_j in enumerate(cols):
            was_zero = w[j] == 0
            r = [ri + xi * w[j] for ri, xi in zip(r, x_j, strict=True)]
            g_j = dot(x_j, r)
            denominator = dot(x_j, x_j) + 2 * l2
            w[j] = soft_threshold(g_j, l1) / denominator if denominator != 0 else number(0)
            r = [ri - xi * w[j] for ri, xi in zip(r, x_j, strict=True)]
            polished &= (w[j] == 0) == was_zero
        sweeps += 1
        if trace:
            iterates.append(tuple(w))
        bound = _certified_bound(X, cols, r, w, l1, l2)
    return CDResult(tuple(w), bound <= target, sweeps, bound, tuple(iterates))


def _certified_bound(X, cols, r, w, l1, l2):
    """The certificate's bound on F(w) − F* for the current iterate (reference.certificate)."""
    c = [dot(x_j, r) - 2 * l2 * wj for x_j, wj in zip(cols, w, strict=True)]
    return _bound(X, r, w, c, l1, l2)
