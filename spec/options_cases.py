"""The deterministic exact cases of the option clauses, and the points their checks probe.

Each case is a problem of the family (weights s, penalty factors v, positivity, intercept)
with a candidate (w, b).  Together they cover every option and the combinations the
formulas distinguish: zero weights, unpenalised features (v_j = 0), v_j != 1, w >= 0 with
an active bound, an intercept with non-uniform weights, Lasso, Elastic Net and Ridge.
``points`` adds the exact minimiser and the minimisers at other lambda_1, so a check sees
optimal and non-optimal points of every kind.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from . import options_exact as O
from .options_exact import ocase

H = Fraction(1, 2)
T = Fraction(1, 3)

X3 = ((1, 2), (3, H), (0, 1))
X4 = ((1, 0), (2, 1), (0, 3), (1, 1))

CASES = (
    # weights and an intercept, two-sided, a candidate off the optimum
    ocase(X3, (1, -2, 3), (H, -1), H, 0, s=(1, 2, 3), intercept=True, b=1, u=2),
    ocase(X3, (1, -2, 3), (0, 0), H, T, s=(2, 1, H), intercept=True, b=0, u=-1),
    # positive, with weights and an intercept: an active bound
    ocase(X3, (1, -2, 3), (1, 0), T, 0, s=(1, 2, 3), positive=True, intercept=True, b=H),
    ocase(
        X4,
        (2, -1, 3, 1),
        (0, H),
        Fraction(1, 4),
        Fraction(1, 6),
        s=(1, 0, 2, 1),
        positive=True,
        u=-2,
    ),
    # an unpenalised feature (v_1 = 0), no intercept and with one
    ocase(X4, (2, -1, 3, 1), (1, 1), 1, 0, v=(0, 1), u=3),
    ocase(X4, (2, -1, 3, 1), (0, 0), 2, H, s=(1, 2, 1, 3), v=(0, 2), intercept=True, b=1),
    ocase(X4, (3, 1, -2, 1), (H, 0), 1, 0, v=(0, H), positive=True, intercept=True, b=-1),
    # penalty factors other than 1, a zero-weight row, Elastic Net
    ocase(X3, (3, 2, 1), (1, H), 1, Fraction(1, 4), s=(H, 0, 2), v=(2, H), u=Fraction(-3, 2)),
    ocase(((1, 1), (1, 0), (0, 1)), (3, 2, 1), (Fraction(5, 3), Fraction(2, 3)), 1, 0),
    # Ridge (l1 = 0) with weights, factors and an intercept
    ocase(X3, (1, -2, 3), (1, 1), 0, H, s=(1, 3, 1), v=(1, 2), intercept=True, b=2),
    # one column: w = 0 inside the zone, at its edge and beyond it, of both signs
    ocase(((1,), (2,), (0,)), (1, 1, 4), (0,), 2, 0, s=(1, H, 1), intercept=True, b=2),
    ocase(((1,), (2,)), (-1, -2), (0,), 1, 0, s=(1, 2), positive=True, u=Fraction(3, 4)),
    ocase(((2,), (-1,)), (1, 1), (0,), Fraction(1, 4), 0, s=(H, 1), v=(3,), u=Fraction(-3, 4)),
    ocase(((1,), (1,)), (1, 2), (1,), 0, 0, s=(1, 1), v=(0,), intercept=True, b=H),
    # w = 0 violates its zone by half of it (|c| = 3/2 l1 v), of both kinds
    ocase(((1,), (1,)), (1, H), (0,), 2, 0, v=(H,), u=Fraction(-1, 4)),
    ocase(((1,), (-1,)), (1, -H), (0,), 1, 0, positive=True),
    ocase(((1,), (1,)), (1, H), (0,), 4, 0, v=(H,), positive=True),  # l1 v/2 < g < l1 v
    # all features unpenalised: lambda_max = 0
    ocase(((1, 0), (1, 1), (0, 2)), (2, -1, 3), (0, 1), 1, 0, v=(0, 0)),
)


def _with_intercept(cs, w):
    return w, O.best_intercept(cs, w)


def without(cs, jj):
    """The minimiser with w_j held at 0 (the problem without column j)."""
    if cs.p == 1:
        return (Fraction(0),)
    keep = [t for t in range(cs.p) if t != jj]
    sub = O.at(
        cs,
        X=tuple(tuple(row[t] for t in keep) for row in cs.X),
        w=[cs.w[t] for t in keep],
        v=[cs.v[t] for t in keep],
    )
    w = list(O.solve(sub)[0])
    w.insert(jj, Fraction(0))
    return tuple(w)


@cache
def points(cs):
    """(w, b) probed by the checks: the candidate, the minimiser, the minimisers at
    2 l1 and l1/2 (and at l1 = 1 when l1 = 0), the candidate with its best intercept, the
    minimiser with b + 1, the unpenalised refit of the candidate, and for each j the
    minimiser with w_j held at 0."""
    out = [(cs.w, cs.b), O.solve(cs)]
    for lam in {2 * cs.l1, cs.l1 / 2, Fraction(1) if cs.l1 == 0 else 3 * cs.l1}:
        out.append(_with_intercept(cs, O.solve(O.at(cs, l1=lam))[0]))
    out.append(_with_intercept(cs, cs.w))
    if cs.intercept:
        w_star, b_star = O.solve(cs)
        out.append((w_star, b_star + 1))
    out.append(O.restricted_fit(cs, cs.w))
    out += [_with_intercept(cs, without(cs, jj)) for jj in range(cs.p)]
    seen, unique = set(), []
    for pt in out:
        if pt not in seen:
            seen.add(pt)
            unique.append(pt)
    return tuple(unique)
