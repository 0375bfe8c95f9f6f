"""An exact oracle for the option family, independent of ``reference/`` and of the rendered
formulas it is used to check.

The family (OPTIONS-OBJECTIVE): F(w, b) = 1/2 sum_i s_i (y_i - b - x_i^T w)^2 +
l1 sum_j v_j |w_j| + l2 sum_j v_j w_j^2, optionally subject to w >= 0; b = 0 unless fitted.

``solve`` proposes a minimiser by enumerating sign patterns of the weighted-centred
normal equations, and then *certifies* it without any of the derived conditions: every
coordinate (w_j, and b) is checked to be an exact one-dimensional minimiser of F, each
one-dimensional problem being a quadratic on each half-line that is recovered from three
exact evaluations of F.  F is convex and its nonsmooth part (the L1 term and the
constraint) is separable, so coordinatewise minimality is global minimality (Tseng 2001,
Lemma 3.1).  Proposals that fail the certificate are skipped, and no certified proposal
raises: the oracle never returns an uncertified answer.  Exact (``Fraction``); p <= 3.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache, lru_cache

from . import exact as E

fr = Fraction
HALF = Fraction(1, 2)


@dataclass(frozen=True)
class OptionCase:
    """One exact instance of the family with a candidate (w, b) and a free number u."""

    X: tuple
    y: tuple
    w: tuple
    l1: Fraction
    l2: Fraction
    s: tuple
    v: tuple
    positive: bool = False
    intercept: bool = False
    b: Fraction = Fraction(0)
    u: Fraction = Fraction(1, 2)

    @property
    def n(self) -> int:
        return len(self.X)

    @property
    def p(self) -> int:
        return len(self.X[0])

    @property
    def W(self) -> Fraction:
        """The total weight sum_i s_i."""
        return sum(self.s, fr(0))

    @property
    def penalised(self) -> tuple[int, ...]:
        return tuple(j for j in range(self.p) if self.v[j] > 0)

    @property
    def unpenalised(self) -> tuple[int, ...]:
        return tuple(j for j in range(self.p) if self.v[j] == 0)


def _exact(key, val):
    if key in ("w", "s", "v", "y"):
        return tuple(fr(x) for x in val)
    if key == "X":
        return tuple(tuple(fr(x) for x in row) for row in val)
    return fr(val) if key in ("l1", "l2", "b", "u") else bool(val)


def ocase(X, y, w, l1, l2=0, s=None, v=None, positive=False, intercept=False, b=0, u=HALF):
    """An OptionCase with every number exact (s = 1 and v = 1 when not given; b = 0 without
    an intercept)."""
    s = [1] * len(X) if s is None else s
    v = [1] * len(X[0]) if v is None else v
    fields = dict(
        X=X,
        y=y,
        w=w,
        l1=l1,
        l2=l2,
        s=s,
        v=v,
        positive=positive,
        intercept=intercept,
        b=b if intercept else 0,
        u=u,
    )
    return OptionCase(**{key: _exact(key, val) for key, val in fields.items()})


def at(cs: OptionCase, **changes) -> OptionCase:
    """The case with some fields replaced (numbers converted exactly)."""
    return replace(cs, **{key: _exact(key, val) for key, val in changes.items()})


# --- the definitions -------------------------------------------------------------------------


def residual(cs, w=None, b=None):
    """r_i = y_i - b - x_i^T w."""
    w, b = (cs.w if w is None else w), (cs.b if b is None else b)
    return tuple(yi - b - E.dot(row, w) for yi, row in zip(cs.y, cs.X, strict=True))


def smooth(cs, w=None, b=None) -> Fraction:
    """1/2 sum s_i r_i^2 + l2 sum v_j w_j^2 (the differentiable part of F)."""
    return _smooth(cs, tuple(cs.w if w is None else w), cs.b if b is None else b)


@lru_cache(maxsize=1 << 16)
def _smooth(cs, w, b):
    r = residual(cs, w, b)
    return sum((si * ri * ri for si, ri in zip(cs.s, r, strict=True)), fr(0)) / 2 + cs.l2 * sum(
        (vj * wj * wj for vj, wj in zip(cs.v, w, strict=True)), fr(0)
    )


def objective(cs, w=None, b=None) -> Fraction:
    """F(w, b) from the definition (the constraint w >= 0 is not part of the value)."""
    w = cs.w if w is None else w
    return smooth(cs, w, b) + cs.l1 * sum(
        (vj * abs(wj) for vj, wj in zip(cs.v, w, strict=True)), fr(0)
    )


def feasible(cs, w) -> bool:
    return not cs.positive or all(wj >= 0 for wj in w)


def unit(p, j, t=1):
    return tuple(fr(t) if k == j else fr(0) for k in range(p))


def shifted(w, j, t):
    return tuple(fr(t) if k == j else wk for k, wk in enumerate(w))


def smooth_gradient(cs, j, w=None, b=None) -> Fraction:
    """d/dw_j of the smooth part: an exact central difference (it is quadratic)."""
    w = cs.w if w is None else w
    return (smooth(cs, shifted(w, j, w[j] + 1), b) - smooth(cs, shifted(w, j, w[j] - 1), b)) / 2


def intercept_gradient(cs, w=None, b=None) -> Fraction:
    """d/db of F: an exact central difference."""
    b = cs.b if b is None else b
    return (smooth(cs, w, b + 1) - smooth(cs, w, b - 1)) / 2


# --- exact one-dimensional minimisation (the certificate) -------------------------------------


def _quadratic(phi, t0, t1, t2):
    """(alpha, beta, gamma) of alpha t^2 + beta t + gamma through three points of phi."""
    f0, f1, f2 = phi(t0), phi(t1), phi(t2)
    d1, d2 = (f1 - f0) / (t1 - t0), (f2 - f1) / (t2 - t1)
    alpha = (d2 - d1) / (t2 - t0)
    beta = d1 - alpha * (t0 + t1)
    return alpha, beta, f0 - alpha * t0 * t0 - beta * t0


def _min_on_ray(phi, sign):
    """min of phi over {sign * t >= 0} (phi quadratic there), as (value, argmin)."""
    alpha, beta, gamma = _quadratic(phi, fr(0), fr(sign), fr(2 * sign))
    t = fr(0)
    if alpha > 0:
        t = -beta / (2 * alpha)
        if sign * t < 0:
            t = fr(0)
    elif sign * beta < 0:  # linear and decreasing along the ray: unbounded (never for F >= 0)
        raise ArithmeticError("unbounded one-dimensional problem")
    return alpha * t * t + beta * t + gamma, t


def coordinate_minimum(cs, j, w=None, b=None):
    """(min value, argmin) of t -> F(w with w_j = t, b) (t >= 0 when positive)."""
    w, b = (cs.w if w is None else w), (cs.b if b is None else b)

    def phi(t):
        return objective(cs, shifted(w, j, t), b)

    rays = (1,) if cs.positive else (1, -1)
    return min((_min_on_ray(phi, sign) for sign in rays), key=lambda vt: vt[0])


def best_intercept(cs, w=None) -> Fraction:
    """argmin_b F(w, b) by exact quadratic interpolation (W > 0); 0 without an intercept."""
    if not cs.intercept:
        return fr(0)
    alpha, beta, _ = _quadratic(lambda t: objective(cs, w, t), fr(-1), fr(0), fr(1))
    return -beta / (2 * alpha)


def certified(cs, w, b) -> bool:
    """Every coordinate and the intercept are exact one-dimensional minimisers of F."""
    if not feasible(cs, w):
        return False
    value = objective(cs, w, b)
    if cs.intercept and best_intercept(cs, w) != b:
        return False
    return all(coordinate_minimum(cs, j, w, b)[0] == value for j in range(cs.p))


# --- the proposal: sign patterns of the weighted-centred normal equations ----------------------


def centred(cs):
    """(X~, y~): weighted-centred data when an intercept is fitted, (X, y) otherwise."""
    if not cs.intercept:
        return cs.X, cs.y
    W = cs.W
    xbar = [
        sum((si * row[j] for si, row in zip(cs.s, cs.X, strict=True)), fr(0)) / W
        for j in range(cs.p)
    ]
    ybar = E.dot(cs.s, cs.y) / W
    return (
        tuple(tuple(x - m for x, m in zip(row, xbar, strict=True)) for row in cs.X),
        tuple(yi - ybar for yi in cs.y),
    )


def gram(cs):
    """G = X~^T S X~ + 2 l2 V and c = X~^T S y~ (computed from the data, not from a formula)."""
    Xc, yc = centred(cs)
    cols = [E.column(Xc, j) for j in range(cs.p)]
    sx = [tuple(si * x for si, x in zip(cs.s, col, strict=True)) for col in cols]
    G = tuple(
        tuple(E.dot(sx[a], cols[k]) + (2 * cs.l2 * cs.v[a] if a == k else 0) for k in range(cs.p))
        for a in range(cs.p)
    )
    return G, tuple(E.dot(sx[a], yc) for a in range(cs.p))


def _proposals(cs):
    G, c = gram(cs)
    signs = (0, 1) if cs.positive else (0, 1, -1)
    for sigma in sorted(itertools.product(signs, repeat=cs.p), key=lambda t: sum(map(abs, t))):
        active = [j for j in range(cs.p) if sigma[j]]
        rhs = [c[j] - cs.l1 * cs.v[j] * sigma[j] for j in active]
        sol = E.solve_linear(tuple(tuple(G[a][k] for k in active) for a in active), rhs)
        if sol is None and active:
            continue
        w = [fr(0)] * cs.p
        for k, j in enumerate(active):
            w[j] = sol[k]
        slack = [c[j] - E.dot(G[j], w) for j in range(cs.p)]  # c-hat; a cheap filter only
        inactive_ok = all(
            slack[j] <= cs.l1 * cs.v[j] and (cs.positive or -slack[j] <= cs.l1 * cs.v[j])
            for j in range(cs.p)
            if not sigma[j]
        )
        if inactive_ok and all(E.sign(w[j]) == sigma[j] for j in active):
            yield tuple(w)


@cache
def solve(cs: OptionCase):
    """(w*, b*): a certified minimiser of F (the candidate (w, b) of cs is ignored)."""
    for w in _proposals(cs):
        b = best_intercept(cs, w)
        if certified(cs, w, b):
            return w, b
    raise ArithmeticError("no certified minimiser: this cannot happen for l1, l2 >= 0")


def optimum(cs) -> Fraction:
    return objective(cs, *solve(cs))


def is_minimiser(cs, w, b=None) -> bool:
    """(w, b) is feasible and F(w, b) = F*, decided exactly (b defaults to the case's)."""
    b = cs.b if b is None else b
    if not cs.intercept and b != 0:
        return False
    return feasible(cs, w) and objective(cs, w, b) == optimum(cs)


def restricted_fit(cs, fixed=None):
    """(w°, b°): w_P fixed (default 0), (w_U, b) minimising F: the unpenalised refit.

    It is the family on the columns U = {j : v_j = 0} with y - X_P w_P, solved by ``solve``."""
    fixed = tuple(fr(0) for _ in range(cs.p)) if fixed is None else fixed
    U = cs.unpenalised
    offset = tuple(
        yi - sum((row[j] * fixed[j] for j in cs.penalised), fr(0))
        for yi, row in zip(cs.y, cs.X, strict=True)
    )
    if not U:
        w = tuple(fixed[j] if j in cs.penalised else fr(0) for j in range(cs.p))
        return w, best_intercept(cs, w)
    columns, zeros = [[row[j] for j in U] for row in cs.X], [0] * len(U)
    wu, b = solve(ocase(columns, offset, zeros, 0, 0, cs.s, zeros, cs.positive, cs.intercept))
    w = list(fixed)
    for k, j in enumerate(U):
        w[j] = wu[k]
    return tuple(w), b
