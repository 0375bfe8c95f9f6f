"""OPTIONS-CD-UPDATE: the weighted coordinate update, unconstrained and under w >= 0.

With the other coordinates (and b) fixed, F restricted to w_j = t is
h(t) = 1/2 a t^2 - g t + l1 v_j |t| + l2 v_j t^2 + const, a = sum_i s_i X_ij^2,
g = sum_i s_i X_ij r_i^(j) (the partial residual).  Its minimiser is derived branch by branch
from h'(t) = 0, each branch's admissibility solved for g by sympy; under w >= 0 only the
branch t > 0 and the bound t = 0 remain.  The intercept's update is b*(w)
(OPTIONS-INTERCEPT-CENTRING).
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import options_exact as O
from .coordinate import condition, soft_threshold_expr
from .formula import Formula, q
from .optimality import symbolic_matrix
from .options import VJ, R, X, evaluate, i, in_residuals, j, l1, l2, n, values
from .options_cases import CASES, points
from .options_centring import centring, intercept_check

a, g = sp.symbols("a g", real=True)
Ss = sp.IndexedBase("s")


def h_expr(tv):
    """h(t) = 1/2 a t^2 - g t + l1 v_j |t| + l2 v_j t^2."""
    return a * tv**2 / 2 - g * tv + l1 * VJ * sp.Abs(tv) + l2 * VJ * tv**2


def coordinate_data(cs, jj, w, bb):
    """(a, g) of coordinate j at (w, b), from the data: a = sum s x^2, g = sum s x r^(j)."""
    col = [row[jj] for row in cs.X]
    partial = O.residual(cs, O.shifted(w, jj, 0), bb)
    return (
        sum((si * x * x for si, x in zip(cs.s, col, strict=True)), O.fr(0)),
        sum((si * x * r for si, x, r in zip(cs.s, col, partial, strict=True)), O.fr(0)),
    )


def _coordinates(cs, curvature=True):
    for w, bb in points(cs):
        for jj in range(cs.p):
            aa, gg = coordinate_data(cs, jj, w, bb)
            if not curvature or aa + 2 * cs.l2 * cs.v[jj] > 0:
                yield w, bb, jj, aa, gg


def _bind(cs, jj, aa, gg):
    return {a: q(aa), g: q(gg), l1: q(cs.l1), l2: q(cs.l2), VJ: q(cs.v[jj])}


def _reduction_check(rhs, cs):
    """F(w with w_j = t, b) - h(t) does not depend on t (t in {0, 1, -1, u})."""
    tv = sp.Symbol("t", real=True)
    for w, bb, jj, aa, gg in _coordinates(cs, curvature=False):
        diffs = {
            q(O.objective(cs, O.shifted(w, jj, x), bb))
            - evaluate(rhs, {**_bind(cs, jj, aa, gg), tv: q(x)})
            for x in (0, 1, -1, cs.u)
        }
        if len(diffs) != 1:
            return False
    return True


def _curvature_check(rhs, cs):
    """a_j + 2 l2 v_j is the exact second difference of F's smooth part along e_j."""
    for w, bb in points(cs):
        for jj in range(cs.p):
            second = (
                O.smooth(cs, O.shifted(w, jj, w[jj] + 1), bb)
                + O.smooth(cs, O.shifted(w, jj, w[jj] - 1), bb)
                - 2 * O.smooth(cs, w, bb)
            )
            value = evaluate(rhs, {**values(cs, w, bb), j: jj + 1})
            if value + 2 * q(cs.l2 * cs.v[jj]) != q(second):
                return False
    return True


def _linear_check(rhs, cs):
    """g_j is minus the exact derivative of the smooth part at w_j = 0."""
    return all(
        evaluate(rhs, {**values(cs, w, bb), j: jj + 1})
        == -q(O.smooth_gradient(cs, jj, O.shifted(w, jj, 0), bb))
        for w, bb in points(cs)
        for jj in range(cs.p)
    )


def _update_check(positive):
    """The rendered update is the exact minimiser of F over w_j (others fixed)."""

    def check(rhs, cs):
        if cs.positive != positive:
            return True
        return all(
            evaluate(rhs, _bind(cs, jj, aa, gg)) == q(O.coordinate_minimum(cs, jj, w, bb)[1])
            for w, bb, jj, aa, gg in _coordinates(cs)
        )

    return check


def _reduction_symbolic() -> bool:
    """F(w with w_1 = t, b) - h(t) is free of t (3 x 2 symbolic X, weights, factors)."""
    Xs, ys = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1)
    sv = [sp.Symbol(f"s_{r}", nonnegative=True) for r in (1, 2, 3)]
    v1, v2 = sp.symbols("v_1 v_2", nonnegative=True)
    w1, w2, bb, tv = sp.symbols("w_1 w_2 b t", real=True)
    r = ys - Xs * sp.Matrix([tv, w2]) - bb * sp.ones(3, 1)
    F = (
        sum(s * x**2 for s, x in zip(sv, r, strict=True)) / 2
        + l1 * (v1 * sp.Abs(tv) + v2 * sp.Abs(w2))
        + l2 * (v1 * tv**2 + v2 * w2**2)
    )
    full = ys - Xs * sp.Matrix([w1, w2]) - bb * sp.ones(3, 1)  # r at the current w
    subs = {
        a: sum(s * x**2 for s, x in zip(sv, Xs[:, 0], strict=True)),
        g: sum(s * x * (ri + x * w1) for s, x, ri in zip(sv, Xs[:, 0], full, strict=True)),
        VJ: v1,
    }
    return sp.simplify(sp.diff(sp.expand(F - h_expr(tv).subs(subs)), tv)) == 0


@cache
def cd_update():
    """OPTIONS-CD-UPDATE, derived for D = a + 2 l2 v_j > 0."""
    tp, tn = sp.Symbol("t", positive=True), sp.Symbol("t", negative=True)
    root_pos = sp.solve(sp.diff(h_expr(tp), tp), tp, check=False)[0]
    root_neg = sp.solve(sp.diff(h_expr(tn), tn), tn, check=False)[0]
    D = sp.Symbol("D", positive=True)
    in_d = {a: D - 2 * l2 * VJ}
    cond_pos = condition(sp.solve(sp.simplify(root_pos.subs(in_d)) > 0, g), g)
    cond_neg = condition(sp.solve(sp.simplify(root_neg.subs(in_d)) < 0, g), g)
    update = sp.Piecewise((root_pos, cond_pos), (root_neg, cond_neg), (0, True))
    positive = sp.Piecewise((root_pos, cond_pos), (0, True))  # t > 0, or the bound t = 0
    thresholded = soft_threshold_expr(g, l1 * VJ) / (a + 2 * l2 * VJ)
    clipped = sp.Max(g - l1 * VJ, 0) / (a + 2 * l2 * VJ)
    d = sp.Symbol("d", positive=True)
    ap, vp, lp = (
        sp.Symbol("a", positive=True),
        sp.Symbol("v", positive=True),
        sp.Symbol("lambda", positive=True),
    )
    on = lambda e, gv: sp.simplify(e.subs(g, gv).subs({a: ap, VJ: vp, l1: lp}))  # noqa: E731
    inside = [sp.Rational(u, 4) for u in range(-4, 5)]
    checks = {
        "g > l1 v: the piecewise minimiser is S(g, l1 v)/(a + 2 l2 v)": on(
            update - thresholded, lp * vp + d
        )
        == 0,
        "g < -l1 v: likewise": on(update - thresholded, -lp * vp - d) == 0,
        "|g| <= l1 v (rational grid): both are 0": all(
            on(update, u * lp * vp) == 0 == on(thresholded, u * lp * vp) for u in inside
        ),
        "w >= 0, g > l1 v: (g - l1 v)/(a + 2 l2 v)": on(positive - clipped, lp * vp + d) == 0,
        "w >= 0, g <= l1 v (rational grid and far below): 0": all(
            on(positive, u * lp * vp) == 0 == on(clipped, u * lp * vp) for u in inside
        )
        and on(positive, -lp * vp - d) == 0 == on(clipped, -lp * vp - d),
        "F restricted to w_j is h(t) + const (3 x 2, symbolic s, v)": _reduction_symbolic(),
    }
    tv = sp.Symbol("t", real=True)
    cases = CASES
    a_expr = sp.Sum(Ss[i] * X[i, j] ** 2, (i, 1, n))
    g_expr = in_residuals(
        sp.Sum(Ss[i] * X[i, j] * (R[i] + X[i, j] * sp.IndexedBase("w")[j]), (i, 1, n))
    )
    formulas = (
        Formula("h(t)", h_expr(tv), r"= \text{const} +", check=_reduction_check, cases=cases),
        Formula("a_j", a_expr, check=_curvature_check, cases=cases),
        Formula("g_j", g_expr, check=_linear_check, cases=cases),
        Formula(r"\operatorname{argmin}_t\, h(t)", update, check=_update_check(False), cases=cases),
        Formula("", thresholded, check=_update_check(False), cases=cases),
        Formula(
            r"\operatorname{argmin}_{t \ge 0}\, h(t)",
            positive,
            check=_update_check(True),
            cases=cases,
        ),
        Formula("", clipped, check=_update_check(True), cases=cases),
        Formula(
            r"b \leftarrow b^{*}(w)", centring()["b_star"], check=intercept_check, cases=cases
        ),
    )
    return {"formulas": formulas, "checks": checks, "update": update, "positive": positive}
