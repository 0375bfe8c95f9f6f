"""OPTIONS-DUAL-GAP's definitions: the dual objective, the constraints decided from their
definitions, the probed dual pairs, and the symbolic identities behind weak duality.

Nothing here uses a rendered formula; ``spec.options_duality`` checks the rendered ones
against these.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from . import options_exact as O
from .optimality import symbolic_matrix
from .options import VJ, l1, l2
from .options_cases import points

KJ = sp.Symbol(r"\kappa_j", real=True)
tt = sp.Symbol("t", nonnegative=True)
TS = (0, Fraction(1, 2), Fraction(15, 16), 1, Fraction(17, 16), Fraction(3, 2), 2, -1)


def dual_value(cs, theta, zeta) -> Fraction:
    """D(theta, zeta) from the definition."""
    return (
        sum((si * ti * yi for si, ti, yi in zip(cs.s, theta, cs.y, strict=True)), O.fr(0))
        - sum((si * ti * ti for si, ti in zip(cs.s, theta, strict=True)), O.fr(0)) / 2
        - cs.l2 * sum((vj * z * z for vj, z in zip(cs.v, zeta, strict=True)), O.fr(0))
    )


def kappas(cs, theta, zeta):
    return tuple(
        sum((si * row[jj] * ti for si, row, ti in zip(cs.s, cs.X, theta, strict=True)), O.fr(0))
        - 2 * cs.l2 * cs.v[jj] * zeta[jj]
        for jj in range(cs.p)
    )


def feasible_pair(cs, theta, zeta) -> bool:
    """The dual constraints, decided from the definitions (not from a rendered formula)."""
    if cs.intercept and sum(si * ti for si, ti in zip(cs.s, theta, strict=True)) != 0:
        return False
    for kj, vj in zip(kappas(cs, theta, zeta), cs.v, strict=True):
        if (kj > cs.l1 * vj) or (not cs.positive and -kj > cs.l1 * vj):
            return False
    return True


def refit(cs, w):
    """(w', b'): w_P kept, w_U and b refitted (OPTIONS-DUAL-GAP's dual point is built there)."""
    return O.restricted_fit(cs, w)


def pairs(cs, ts=TS):
    """(theta, zeta) = t (r(w, b), w) over the points (and their refits) and scales t."""
    seen = set()
    for w, bb in points(cs):
        for ww, b2 in {(w, bb), refit(cs, w)}:
            r = O.residual(cs, ww, b2)
            for t in ts:
                pair = (tuple(t * x for x in r), tuple(t * x for x in ww))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def scale_bound(cs, w, b):
    """M(w): the smallest l1 at which (r, w) itself is feasible (0 if none binds)."""
    c = [-O.smooth_gradient(cs, jj, w, b) for jj in range(cs.p)]
    vals = [(c[jj] if cs.positive else abs(c[jj])) / cs.v[jj] for jj in cs.penalised]
    return max([O.fr(0), *vals])


def gap_value(cs, w, b, t):
    r = O.residual(cs, w, b)
    return O.objective(cs, w, b) - dual_value(cs, tuple(t * x for x in r), tuple(t * x for x in w))


def ray_constraints():
    """Where inf_u [u * slope] over a ray is finite: the slope's sign, solved by sympy.

    Coordinate j contributes l1 v_j |w_j| - w_j kappa_j: along w_j -> +oo the slope is
    l1 v_j - kappa_j, along w_j -> -oo (not feasible under w >= 0) it is l1 v_j + kappa_j;
    b contributes -b sum s_i theta_i along both rays b -> +-oo."""
    up = sp.solveset(l1 * VJ - KJ >= 0, KJ, sp.S.Reals)
    down = sp.solveset(l1 * VJ + KJ >= 0, KJ, sp.S.Reals)
    two_sided = sp.Interval(down.inf, up.sup)
    sig = sp.Symbol("sigma", real=True)
    intercept = sp.solveset(sig >= 0, sig, sp.S.Reals).intersect(
        sp.solveset(-sig >= 0, sig, sp.S.Reals)
    )
    return two_sided, up, intercept


def weak_duality_identity() -> dict:
    """The identity in the module docstring, and the gap of t (r, w), on a 2 x 2 instance."""
    Xs, ys, ws = symbolic_matrix("X", 2, 2), symbolic_matrix("y", 2, 1), symbolic_matrix("w", 2, 1)
    th, ze = symbolic_matrix("theta", 2, 1), symbolic_matrix("zeta", 2, 1)
    sv = [sp.Symbol(f"s_{a}", nonnegative=True) for a in (1, 2)]
    vv = [sp.Symbol(f"v_{a}", nonnegative=True) for a in (1, 2)]
    av = [sp.Symbol(f"a_{a}", nonnegative=True) for a in (1, 2)]  # |w_a|
    bb = sp.Symbol("b", real=True)
    r = ys - Xs * ws - bb * sp.ones(2, 1)
    F = (
        sum(s * x**2 for s, x in zip(sv, r, strict=True)) / 2
        + l1 * sum(v * x for v, x in zip(vv, av, strict=True))
        + l2 * sum(v * x**2 for v, x in zip(vv, ws, strict=True))
    )

    def D(t_, z_):
        return (
            sum(s * x * y for s, x, y in zip(sv, t_, ys, strict=True))
            - sum(s * x**2 for s, x in zip(sv, t_, strict=True)) / 2
            - l2 * sum(v * x**2 for v, x in zip(vv, z_, strict=True))
        )

    kap = [
        sum(sv[a] * Xs[a, c] * th[a] for a in range(2)) - 2 * l2 * vv[c] * ze[c] for c in range(2)
    ]
    terms = (
        sum(s * (x - t_) ** 2 for s, x, t_ in zip(sv, r, th, strict=True)) / 2
        + l2 * sum(v * (x - z) ** 2 for v, x, z in zip(vv, ws, ze, strict=True))
        - bb * sum(s * t_ for s, t_ in zip(sv, th, strict=True))
        + sum(l1 * vv[c] * av[c] - ws[c] * kap[c] for c in range(2))
    )
    chat = [
        sum(sv[a] * Xs[a, c] * r[a] for a in range(2)) - 2 * l2 * vv[c] * ws[c] for c in range(2)
    ]
    closed = (1 - tt) ** 2 / 2 * (
        sum(s * x**2 for s, x in zip(sv, r, strict=True))
        + 2 * sum(v * x**2 for v, x in zip(vv, ws, strict=True)) * l2
    ) + sum(l1 * vv[c] * av[c] - tt * ws[c] * chat[c] for c in range(2))
    offset = -tt * bb * sum(s * x for s, x in zip(sv, r, strict=True))  # 0 at b = b*(w)
    return {
        "F - D = the sum of the four terms (2 x 2, symbolic s, v, b)": sp.expand(
            F - D(th, ze) - terms
        )
        == 0,
        "the gap of t (r, w) is the closed form - t b sum s_i r_i (0 at b = b*(w))": sp.expand(
            F - D(tt * r, tt * ws) - closed - offset
        )
        == 0,
        "kappa of t (r, w) is t c(w)": all(
            sp.expand(
                kap[c].subs(
                    {**dict(zip(th, tt * r, strict=True)), **dict(zip(ze, tt * ws, strict=True))}
                )
                - tt * chat[c]
            )
            == 0
            for c in range(2)
        ),
    }
