"""Data of the KKT band figure: each c_j = x_jᵀr − 2λ₂w_j against the band [−λ₁, λ₁].

w is optimal exactly when (spec KKT-ZERO, KKT-NONZERO) every zero coefficient
has its c_j inside the band and every nonzero one has c_j = λ₁·sign(w_j), on
the band's edge.  The numbers are ``reference.certify``'s: exact, also for a
float w (a float is a rational).  A coordinate is a violation when its KKT
residual ρ_j exceeds the tolerance: 0 by default (the exact verdict), or e.g.
``certify_float(...).tolerance`` for a float solution judged in float64.
"""

from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

from lasso_spec.reference import Problem, certify

__all__ = ["Band", "BandPoint", "as_problem", "kkt_band"]


@dataclass(frozen=True)
class BandPoint:
    """One coordinate: where its c_j is, where the KKT conditions want it, and the verdict."""

    j: int  # 0-based feature index
    w: Fraction
    c: Fraction
    residual: Fraction  # ρ_j = |c_j − target|
    target: Fraction  # the nearest point of the subdifferential: clip(c_j) or λ₁·sign(w_j)
    violation: bool

    @property
    def kind(self):
        """'violation', 'zero' (w_j = 0, inside the band) or 'positive'/'negative' (on an edge)."""
        if self.violation:
            return "violation"
        if self.w == 0:
            return "zero"
        return "positive" if self.w > 0 else "negative"


@dataclass(frozen=True)
class Band:
    """The KKT band of a candidate w for one problem."""

    l1: Fraction
    l2: Fraction
    points: tuple  # BandPoint per feature
    gap: Fraction  # the certificate's duality gap (≥ F(w) − F*)
    exact_verdict: bool = True  # no tolerance: a violation is any ρ_j > 0

    @property
    def violations(self):
        """The 0-based indices of the violating coordinates."""
        return tuple(p.j for p in self.points if p.violation)


def as_problem(problem):
    """A ``reference.Problem`` from a Problem, a JSON dict, or a tuple (X, y, l1[, l2])."""
    if isinstance(problem, Problem):
        return problem
    if isinstance(problem, dict):
        return Problem.from_json(problem)
    return Problem(*problem)


def _target(wj, cj, l1):
    if wj != 0:
        return l1 if wj > 0 else -l1
    return min(max(cj, -l1), l1)


def _exact(value):
    """A real number (int, Fraction, float, numpy scalar) as the exact Fraction it is."""
    return Fraction(value) if isinstance(value, Rational) else Fraction(float(value))


def _tolerances(tolerance, p):
    if hasattr(tolerance, "__len__"):
        if len(tolerance) != p:
            raise ValueError(f"tolerance must have length {p}, got {len(tolerance)}")
        return [_exact(t) for t in tolerance]
    return [_exact(tolerance)] * p


def kkt_band(problem, w, tolerance=0):
    """The band data of candidate ``w`` (floats or exact numbers) for ``problem``.

    ``tolerance`` (a number or one per coordinate) is the allowed KKT residual.

    >>> from figures.examples import NOTES_PROBLEM
    >>> band = kkt_band(NOTES_PROBLEM, [2, 0])
    >>> [str(p.c) for p in band.points], band.violations
    (['1', '2'], (1,))
    """
    problem = as_problem(problem)
    cert = certify(problem.X, problem.y, w, problem.l1, problem.l2)
    w = [_exact(v) for v in w]
    tols = _tolerances(tolerance, len(w))
    points = tuple(
        BandPoint(j, wj, cj, rho, _target(wj, cj, problem.l1), rho > tol)
        for j, (wj, cj, rho, tol) in enumerate(zip(w, cert.c, cert.residual, tols, strict=True))
    )
    exact = all(t == 0 for t in tols)
    return Band(problem.l1, problem.l2, points, cert.gap, exact)
