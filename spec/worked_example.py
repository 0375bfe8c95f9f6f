"""The notes' worked example, computed exactly by the spec (never by ``reference/``).

X = [[1, 1], [1, 0], [0, 1]], y = (3, 2, 1), lambda_1 = 1, lambda_2 = 0.

Cyclic coordinate descent from w = 0: while both coordinates stay positive
and above threshold, each update is affine, w1' = (x1^T y - l1 - x1^T x2 w2)/a1
and w2' = (x2^T y - l1 - x2^T x1 w1')/a2, a linear recurrence that sympy
solves in closed form.  The closed form then shows the pattern persists
(all iterates stay positive with |g| > l1), so it is the CD trace for every k.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E

X = ((1, 1), (1, 0), (0, 1))
Y = (3, 2, 1)
L1 = 1
SWEEPS_SHOWN = 6


def _inner(j, k):
    return sum(row[j] * row[k] for row in X)


def _xty(j):
    return sum(row[j] * yi for row, yi in zip(X, Y, strict=True))


@cache
def closed_form():
    """(w1(k), w2(k)) as sympy expressions in the sweep number k >= 1, from rsolve."""
    k = sp.Symbol("k", integer=True, positive=True)
    u = sp.Function("u")
    a1, a2, c12 = _inner(0, 0), _inner(1, 1), _inner(0, 1)
    g1, g2 = _xty(0) - L1, _xty(1) - L1
    # w1(k) = (g1 - c12 w2(k-1)) / a1 with w2(k-1) = (g2 - c12 w1(k-1)) / a2
    rec = u(k) - (sp.Rational(g1, a1) - sp.Rational(c12, a1) * (g2 - c12 * u(k - 1)) / a2)
    w1_first = sp.Rational(g1, a1)  # from w2(0) = 0
    w1 = sp.simplify(sp.rsolve(rec, u(k), {u(1): w1_first}))
    w2 = sp.simplify((g2 - c12 * w1) / a2)
    return k, w1, w2


@cache
def trace():
    """The exact CD iterates after sweeps 1..SWEEPS_SHOWN."""
    return tuple(E.cd_sweeps(X, Y, L1, sweeps=SWEEPS_SHOWN))


@cache
def facts():
    """Everything the SPEC.md section shows, computed exactly."""
    k, w1, w2 = closed_form()
    w_star = E.solve(X, Y, L1)
    limit = (sp.limit(w1, k, sp.oo), sp.limit(w2, k, sp.oo))
    return {
        "closed_form": (w1, w2),
        "k": k,
        "limit": limit,
        "trace": trace(),
        "w_star": w_star,
        "objective": E.objective(E.as_matrix(X), E.as_vector(Y), w_star, Fraction(L1)),
        "path": E.lasso_path(X, Y),
        "lambda_max": E.lambda_max(X, Y),
        "correlations": E.correlations(E.as_matrix(X), E.as_vector(Y), w_star),
    }


def in_t(expr):
    """The closed form as a polynomial in t = 4^(-k), 0 < t <= 1/4 for k >= 1."""
    k, t = closed_form()[0], sp.Symbol("t", positive=True)
    return sp.expand(sp.powsimp(sp.expand(expr)).subs({4**k: 1 / t, 2 ** (2 * k): 1 / t}))


def pattern_persists() -> bool:
    """For all k >= 1: w1(k) > 0, w2(k) > 0 and both thresholds are exceeded.

    In t = 4^(-k) both iterates are affine: w1 = 5/3 + (4/3) t decreases to 5/3 and
    w2 = 2/3 - (2/3) t increases to 2/3 as k grows, so over all sweeps
    g1 = x1^T y - x1^T x2 w2 > 5 - 2/3 and g2 = x2^T y - x2^T x1 w1 >= 4 - w1(1) stay
    above l1 = 1: the affine recurrence is the CD trace for every k.
    """
    _, w1, w2 = closed_form()
    t = sp.Symbol("t", positive=True)
    p1, p2 = sp.Poly(in_t(w1), t), sp.Poly(in_t(w2), t)
    affine = p1.degree() == 1 and p2.degree() == 1
    w1_max = p1.as_expr().subs(t, sp.Rational(1, 4))  # k = 1, the largest t
    w2_min, w2_sup = p2.as_expr().subs(t, sp.Rational(1, 4)), p2.as_expr().subs(t, 0)
    monotone = p1.LC() > 0 and p2.LC() < 0  # in t, hence w1 decreasing, w2 increasing in k
    g1_min = _xty(0) - _inner(0, 1) * w2_sup
    g2_min = _xty(1) - _inner(0, 1) * w1_max
    return bool(affine and monotone and w2_min > 0 and g1_min > L1 and g2_min > L1)
