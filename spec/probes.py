"""Exact cases and independent computations that the formulas' checks compare against.

Everything here comes from the definitions or from the brute-force oracle
``spec.exact`` (KKT over sign patterns), never from a rendered formula:

* ``minimiser`` / ``is_minimiser`` -- exact.solve, and comparison of objective values;
* ``coordinate_minimiser`` -- the exact minimiser of F over one coordinate, as a
  one-column problem solved by exact.solve;
* ``smooth_gradient`` -- the central difference of the quadratic smooth part (exact);
* ``CASES`` -- the deterministic cases of the mutation test, chosen to include the
  cases where each bound is attained (``formula.Formula.sharp``).
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from . import exact as E
from .formula import Case, case

HALF = Fraction(1, 2)

CASES: tuple[Case, ...] = (
    # p = 1, l1 = 0: every bound of GAP-DISTANCE-BOUND and CONFORMANCE-TOLERANCE is attained
    case([[1]], [0], [1], 0, 0, u=2),
    case([[1]], [0], [1], 0, HALF, u=-1),
    # X = 0: the strong-convexity bounds are attained (l1 = 0)
    case([[0]], [1], [1], 0, HALF),
    # zero column, l2 = 0: the slack bound |w_j| <= G / eta_j is attained
    case([[0]], [1], [HALF], 2, 0),
    # the notes' worked example, a candidate and the optimum
    case([[1, 1], [1, 0], [0, 1]], [3, 2, 1], [1, HALF], 1, 0, u=3),
    case([[1, 1], [1, 0], [0, 1]], [3, 2, 1], [Fraction(5, 3), Fraction(2, 3)], 1, 0),
    case([[1, 2], [3, HALF]], [1, -2], [HALF, -1], HALF, Fraction(1, 3), u=Fraction(-3, 2)),
    # w = 0 not optimal, |x^T y| = 2 > l1 = 1
    case([[2]], [1], [0], 1, 0, u=Fraction(1, 4)),
    # the SOFT-THRESHOLD case: a + 2 l2 = 1, S(2, 1) = 1 = w*
    case([[HALF], [HALF]], [2, 2], [1], 1, Fraction(1, 4)),
    # the KILLS-AND-SHRINKS case (Elastic Net revives a Lasso zero)
    case([[-1, -1], [-1, 0]], [-2, -2], [0, 0], HALF, HALF, u=1),
    # x^T y = 0 (g = 0), and a nonzero active coordinate with l2 > 0
    case([[1], [1]], [1, -1], [Fraction(1, 3)], 0, Fraction(1, 3)),
    case([[1, 0], [1, 1], [0, 2]], [2, -1, 3], [0, 1], Fraction(1, 4), Fraction(1, 6), u=-2),
    # inside the dead zone but beyond half the threshold, of both signs
    case([[1]], [Fraction(3, 4)], [0], 1, 0, u=Fraction(-3, 4)),
    case([[2]], [-1], [0], 1, 0, u=Fraction(3, 2)),
    case([[1]], [Fraction(-3, 4)], [0], 1, 0, u=Fraction(-3, 2)),
)

#: the points tested for membership in a subdifferential
SUBGRADIENT_CANDIDATES = tuple(sp.Rational(v, 4) for v in range(-9, 10))
#: cases whose u ranges over small positive numbers (SUBDIFF-ABS puts b = u, -u, 0)
SCALAR_CASES = tuple(case([[1]], [1], [0], 0, 0, u=v) for v in (HALF, 2, Fraction(1, 8)))


def with_penalties(cs: Case, l1, l2) -> Case:
    """The same data and candidate with other penalties."""
    return Case(cs.X, cs.y, cs.w, Fraction(str(l1)) if isinstance(l1, sp.Basic) else Fraction(l1),
                Fraction(str(l2)) if isinstance(l2, sp.Basic) else Fraction(l2), cs.u)


def minimiser(cs: Case):
    """An exact minimiser of F (exact.solve: brute force over sign patterns)."""
    return E.solve(cs.X, cs.y, cs.l1, cs.l2)


def optimum(cs: Case) -> Fraction:
    """F* exactly."""
    return E.objective(cs.X, cs.y, minimiser(cs), cs.l1, cs.l2)


def is_minimiser(cs: Case, w) -> bool:
    """F(w) == F*, decided exactly."""
    return E.objective(cs.X, cs.y, tuple(Fraction(v) for v in w), cs.l1, cs.l2) == optimum(cs)


def excess(cs: Case, w=None) -> Fraction:
    """F(w) - F* >= 0."""
    w = cs.w if w is None else w
    return E.objective(cs.X, cs.y, w, cs.l1, cs.l2) - optimum(cs)


def smooth(cs: Case, w) -> Fraction:
    """1/2 ||y - Xw||^2 + l2 ||w||^2."""
    r = E.residual(cs.X, cs.y, w)
    return E.dot(r, r) / 2 + cs.l2 * E.dot(w, w)


def smooth_gradient(cs: Case, k: int, w=None) -> Fraction:
    """d/dw_k of the smooth part: the central difference, exact because it is quadratic."""
    w = list(cs.w if w is None else w)
    up, down = list(w), list(w)
    up[k] += 1
    down[k] -= 1
    return (smooth(cs, up) - smooth(cs, down)) / 2


def coordinate(cs: Case, j: int):
    """(a, g) = (x_j^T x_j, x_j^T r_(-j)), the partial residual r_(-j) = y - sum_{k!=j} x_k w_k."""
    xj = E.column(cs.X, j)
    partial = partial_residual(cs, j)
    return E.dot(xj, xj), E.dot(xj, partial)


def partial_residual(cs: Case, j: int):
    w = list(cs.w)
    w[j] = Fraction(0)
    return E.residual(cs.X, cs.y, w)


def coordinate_minimiser(cs: Case, j: int, lam1=None, lam2=None) -> Fraction:
    """argmin_b F(w with w_j = b): the one-column problem (x_j, r_(-j)), solved exactly."""
    lam1 = cs.l1 if lam1 is None else lam1
    lam2 = cs.l2 if lam2 is None else lam2
    column = tuple((v,) for v in E.column(cs.X, j))
    return E.solve(column, partial_residual(cs, j), lam1, lam2)[0]


def foreign_zero_optimal(cs: Case, mapping, strength, mix) -> bool:
    """Whether w = 0 minimises a documented foreign objective at (strength, mix).

    The objective is a k RSS + b N1 + c N2; it equals 2a F' with lambda_1' = b/(2a) and
    lambda_2' = c/(2a) -- checked here exactly at w = 0 and at the case's w -- so its
    minimisers are those of F', found by exact.solve."""
    RSS, N1, N2 = sp.symbols("RSS N1 N2", nonnegative=True)
    n = sp.Symbol("n", integer=True, positive=True)  # the n of the documented objectives
    obj = sp.expand(mapping["objective"].subs({mapping["strength"]: strength,
                                               mapping["mix"]: mix, n: cs.n}))
    cr, c1, c2 = (obj.coeff(v) for v in (RSS, N1, N2))
    l1, l2 = c1 / (2 * cr), c2 / (2 * cr)
    mapped = with_penalties(cs, l1, l2)
    for w in ((Fraction(0),) * cs.p, cs.w):
        r = E.residual(cs.X, cs.y, w)
        values = {RSS: E.dot(r, r), N1: sum(abs(v) for v in w), N2: E.dot(w, w)}
        foreign_value = obj.subs({key: sp.Rational(str(v)) for key, v in values.items()})
        canonical = E.objective(cs.X, cs.y, w, mapped.l1, mapped.l2)
        if sp.simplify(foreign_value - 2 * cr * sp.Rational(str(canonical))) != 0:
            raise AssertionError("documented objective is not 2a F' + const")
    return is_minimiser(mapped, (0,) * cs.p)
