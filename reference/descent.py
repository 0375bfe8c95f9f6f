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

from ._bounds import _bound
from ._exact import column, dot
from ._options_certificate import dual_gap
from ._validate import ProblemError, as_penalty, as_problem, to_fraction
from .options import as_options

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
    intercept: object = None  # b with fit_intercept=True (float or Fraction), else None


def coordinate_descent(
    X,
    y,
    l1,
    l2=0,
    *,
    tol=1e-12,
    max_sweeps=10_000,
    exact=False,
    trace=False,
    fit_intercept=False,
    sample_weight=None,
    positive=False,
    penalty_factor=None,
):
    """Minimise F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² by cyclic coordinate descent.

    With the options (spec OPTIONS-OBJECTIVE, OPTIONS-CD-UPDATE) the update of wⱼ is
    S(Σᵢ sᵢxᵢⱼrᵢ⁽ʲ⁾, λ₁vⱼ) / (Σᵢ sᵢxᵢⱼ² + 2λ₂vⱼ), r⁽ʲ⁾ the residual without feature j,
    and under ``positive`` max(Σᵢ sᵢxᵢⱼrᵢ⁽ʲ⁾ − λ₁vⱼ, 0) / (…): the exact minimiser of F in
    wⱼ ≥ 0; each sweep ends with b ← Σᵢ sᵢ(yᵢ − xᵢᵀw)/Σᵢ sᵢ, the exact minimiser in b,
    so that Σᵢ sᵢrᵢ = 0 after every sweep.  The target is tol·½Σsᵢyᵢ², the bound the
    duality gap of spec OPTIONS-DUAL-GAP.  ``intercept`` is the final b (or None).

    >>> X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    >>> run = coordinate_descent(X, y, 1, exact=True, max_sweeps=2, trace=True)
    >>> [[str(v) for v in w] for w in run.trace], run.converged
    ([['2', '1/2'], ['7/4', '5/8']], False)
    >>> run = coordinate_descent(X, y, 1)
    >>> run.converged, [round(v, 9) for v in run.w]
    (True, [1.666666667, 0.666666667])
    >>> run = coordinate_descent(X, y, 0.5, fit_intercept=True)
    >>> run.converged, [round(v, 9) for v in run.w], round(run.intercept, 9)
    (True, [0.75, 0.0], 1.5)
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    tol = as_penalty(tol, "tol")
    if isinstance(max_sweeps, bool) or not isinstance(max_sweeps, int) or max_sweeps < 0:
        raise ProblemError(f"max_sweeps must be a non-negative int, got {max_sweeps!r}")
    number = Fraction if exact else float
    X = [[number(v) for v in row] for row in X]
    y = [number(v) for v in y]
    l1, l2 = number(l1), number(l2)
    s = [number(v) for v in options.weights(len(X))]
    v = [number(vj) for vj in options.factors(len(X[0]))]
    cols = [column(X, j) for j in range(len(X[0]))]
    weighted = [[si * xi for si, xi in zip(s, x_j, strict=True)] for x_j in cols]  # S·x_j
    w = [number(0)] * len(cols)
    b = number(0) if options.fit_intercept else None
    r = list(y)
    target = number(tol) * dot([si * yi for si, yi in zip(s, y, strict=True)], y) / 2

    def certified_bound():
        if options.default:
            return _certified_bound(X, cols, r, w, l1, l2)
        return dual_gap(X, y, s, w, b, l1, l2, v, options.positive, number)

    iterates = []
    bound = certified_bound()
    sweeps = 0
    polished = False  # the last sweep started certified and moved nothing to or from zero
    while (bound > target or not polished) and sweeps < max_sweeps:
        polished = bound <= target
        for j, (x_j, sx_j) in enumerate(zip(cols, weighted, strict=True)):
            was_zero = w[j] == 0
            r = [ri + xi * w[j] for ri, xi in zip(r, x_j, strict=True)]
            g_j = dot(sx_j, r)
            denominator = dot(sx_j, x_j) + 2 * l2 * v[j]
            w[j] = _update(g_j, l1 * v[j], denominator, options.positive, number)
            r = [ri - xi * w[j] for ri, xi in zip(r, x_j, strict=True)]
            polished &= (w[j] == 0) == was_zero
        if b is not None:
            shift = dot(s, r) / sum(s)  # b ← Σsᵢ(yᵢ − xᵢᵀw)/Σsᵢ = b + Σsᵢrᵢ/Σsᵢ
            b, r = b + shift, [ri - shift for ri in r]
        sweeps += 1
        if trace:
            iterates.append(tuple(w))
        bound = certified_bound()
    return CDResult(tuple(w), bound <= target, sweeps, bound, tuple(iterates), b)


def _update(g, t, denominator, positive, number):
    """S(g, t)/denominator (max(g − t, 0)/denominator under w ≥ 0); 0 for a zero denominator."""
    if denominator == 0:
        return number(0)
    if positive:
        return max(g - t, 0 * g) / denominator
    return soft_threshold(g, t) / denominator


def _certified_bound(X, cols, r, w, l1, l2):
    """The certificate's bound on F(w) − F* for the current iterate (reference.certificate)."""
    c = [dot(x_j, r) - 2 * l2 * wj for x_j, wj in zip(cols, w, strict=True)]
    return _bound(X, r, w, c, l1, l2)
