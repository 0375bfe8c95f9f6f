"""OPTIONS-KKT: the optimality conditions of the option family, per coordinate and for b.

F is convex with the separable nonsmooth part sum_j g_j(w_j), g_j(t) = l1 v_j |t| (+ the
indicator of t >= 0), so (w, b) minimises F iff dF/db = 0 and c_j is in dg_j(w_j) for
every j.  The subdifferentials are derived from the subgradient inequality over the feasible
directions; each rendered condition is checked by the characterisation it claims, against
the certified oracle ``spec.options_exact``.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import options_exact as O
from .formula import Formula, q
from .optimality import drop_range_guard
from .options import (
    VJ,
    WJ,
    Wv,
    b,
    evaluate,
    i,
    in_residuals,
    k,
    l1,
    objective_expr,
    residual_i,
    smooth_expr,
    values,
)
from .options_cases import CASES, points


@cache
def correlation_expr():
    """c_k = -d/dw_k of the smooth part (derived by sympy), in terms of r_i."""
    return in_residuals(-drop_range_guard(sp.diff(smooth_expr(), Wv[k]).doit()))


def intercept_derivative():
    """dF/db (derived by sympy), in terms of r_i."""
    return in_residuals(sp.diff(objective_expr(), b))


def _residual_check(rhs, cs):
    return all(
        evaluate(rhs, {**values(cs, w, bb), i: a + 1}) == q(O.residual(cs, w, bb)[a])
        for w, bb in points(cs)
        for a in range(cs.n)
    )


def truth(cs, cj, vj, wj) -> bool:
    """The coordinate condition, decided from the definitions of the subdifferential."""
    if cs.positive and wj < 0:
        return False
    if wj == 0:
        return cj <= cs.l1 * vj if cs.positive else abs(cj) <= cs.l1 * vj
    return cj == cs.l1 * vj * (1 if wj > 0 else -1)


def _member(rhs, cs, cj, vj, wj):
    return bool(evaluate(rhs, {l1: q(cs.l1), VJ: q(vj)}).contains(q(cj)))


def _value(rhs, cs, cj, vj, wj):
    return evaluate(rhs, {l1: q(cs.l1), VJ: q(vj), WJ: q(wj)}) == q(cj)


#: situation -> (applies(cs, vj, wj), how the rendered rhs decides the condition)
SITUATIONS = {
    "zero": (lambda cs, vj, wj: not cs.positive and wj == 0, _member),
    "nonzero": (lambda cs, vj, wj: wj != 0 and (wj > 0 or not cs.positive), _value),
    "positive-zero": (lambda cs, vj, wj: cs.positive and wj == 0, _member),
    "positive-nonzero": (lambda cs, vj, wj: cs.positive and wj > 0, _value),
    "unpenalised-zero": (lambda cs, vj, wj: not cs.positive and vj == 0 and wj == 0, _member),
    "unpenalised-positive-zero": (lambda cs, vj, wj: cs.positive and vj == 0 and wj == 0, _member),
}


def _kkt_check(situation):
    """The conditions, with this situation's taken from the rendered rhs, hold at a point
    iff the point minimises F (every point of ``points``)."""
    applies, decide = SITUATIONS[situation]

    def check(rhs, cs):
        for w, bb in points(cs):
            ok = not cs.intercept or O.intercept_gradient(cs, w, bb) == 0
            for jj in range(cs.p):
                cj, vj = -O.smooth_gradient(cs, jj, w, bb), cs.v[jj]
                if applies(cs, vj, w[jj]):
                    ok = ok and decide(rhs, cs, cj, vj, w[jj])
                else:
                    ok = ok and truth(cs, cj, vj, w[jj])
            if ok != O.is_minimiser(cs, w, bb):
                return False
        return True

    return check


def _correlation_check(rhs, cs):
    return all(
        evaluate(rhs, {**values(cs, w, bb), k: kk + 1}) == -q(O.smooth_gradient(cs, kk, w, bb))
        for w, bb in points(cs)
        for kk in range(cs.p)
    )


def _intercept_check(rhs, cs):
    """The rendered dF/db equals the exact difference; with it = 0 and the true coordinate
    conditions, a point is optimal iff it minimises F."""
    if not cs.intercept:
        return True
    for w, bb in points(cs):
        value = evaluate(rhs, values(cs, w, bb))
        if value != q(O.intercept_gradient(cs, w, bb)):
            return False
        ok = value == 0 and all(
            truth(cs, -O.smooth_gradient(cs, jj, w, bb), cs.v[jj], w[jj]) for jj in range(cs.p)
        )
        if ok != O.is_minimiser(cs, w, bb):
            return False
    return True


def subdifferentials():
    """The subdifferential of g(t) = l1 v |t| (+ the indicator of t >= 0), from the
    subgradient inequality g(u) >= g(t) + sigma (u - t) over the feasible directions."""
    sg = sp.Symbol("sigma", real=True)
    up = sp.solveset(l1 * VJ * 1 - sg * 1 >= 0, sg, sp.S.Reals)  # u = +1
    down = sp.solveset(l1 * VJ * 1 + sg * 1 >= 0, sg, sp.S.Reals)  # u = -1
    zero = sp.Interval(down.inf, up.sup)  # up is (-oo, a], down is [-a, oo); -a <= a
    cone = sp.solveset(sg * 1 <= 0, sg, sp.S.Reals)  # normal cone of [0, oo) at 0: u = 1
    positive_zero = up  # only u >= 0 is feasible
    tp = sp.Symbol("t", positive=True)
    slope = sp.diff(l1 * VJ * sp.Abs(tp), tp)
    return {
        "zero": zero,
        "up": up,
        "down": down,
        "cone": cone,
        "positive_zero": positive_zero,
        "slope": slope,
    }


@cache
def kkt():
    """OPTIONS-KKT: 0 in -c_j + d g_j(w_j) per coordinate, and dF/db = 0."""
    sets = subdifferentials()
    zero, positive_zero, slope = sets["zero"], sets["positive_zero"], sets["slope"]
    nonzero = slope * sp.sign(WJ)
    minkowski = sp.Interval(zero.inf + sets["cone"].inf, zero.sup + sets["cone"].sup)
    checks = {
        "d(l1 v|t|) at 0 is [-l1 v, l1 v] (needs -l1 v <= l1 v)": (
            zero.sup - zero.inf
        ).is_nonnegative
        is True
        and zero.sup == l1 * VJ,
        "w >= 0 at 0: [-l1 v, l1 v] + normal cone (-oo, 0] = (-oo, l1 v]": minkowski
        == positive_zero,
        "t > 0: d(l1 v|t|)/dt = l1 v": slope == l1 * VJ,
        "v = 0: the zero set is {0}": zero.subs(VJ, 0) == sp.FiniteSet(0),
        "dF/db is linear in b (its b-derivative is sum_i s_i, free of b)": sp.diff(
            sp.diff(objective_expr(), b), b, 2
        )
        == 0,
    }
    cases = CASES
    formulas = (
        Formula("r_i", residual_i(), check=_residual_check, cases=cases),
        Formula(
            r"\hat c_k = -\frac{\partial}{\partial w_k}\left(F - \lambda_1 \sum_j v_j|w_j|"
            r"\right)",
            correlation_expr(),
            "=",
            check=_correlation_check,
            cases=cases,
        ),
        Formula(
            r"\frac{\partial F}{\partial b} \;(\text{must be } 0)",
            intercept_derivative(),
            check=_intercept_check,
            cases=cases,
        ),
        Formula(r"w_j = 0 \implies \hat c_j \in", zero, "", check=_kkt_check("zero"), cases=cases),
        Formula(r"w_j \neq 0 \implies \hat c_j", nonzero, check=_kkt_check("nonzero"), cases=cases),
        Formula(
            r"w \ge 0,\ w_j = 0 \implies \hat c_j \in",
            positive_zero,
            "",
            check=_kkt_check("positive-zero"),
            cases=cases,
        ),
        Formula(
            r"w \ge 0,\ w_j > 0 \implies \hat c_j",
            slope,
            check=_kkt_check("positive-nonzero"),
            cases=cases,
        ),
        Formula(
            r"v_j = 0,\ w_j = 0 \implies \hat c_j \in",
            zero.subs(VJ, 0),
            "",
            check=_kkt_check("unpenalised-zero"),
            cases=cases,
        ),
        Formula(
            r"v_j = 0,\ w \ge 0,\ w_j = 0 \implies \hat c_j \in",
            positive_zero.subs(VJ, 0),
            "",
            check=_kkt_check("unpenalised-positive-zero"),
            cases=cases,
        ),
    )
    return {"formulas": formulas, "checks": checks, "sets": sets}
