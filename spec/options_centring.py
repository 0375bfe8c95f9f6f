"""Eliminating the intercept by weighted centring, and the weighted coordinate update.

OPTIONS-INTERCEPT-CENTRING: dF/db = 0 is linear in b; its root is the weighted mean of
y - Xw, b* = ybar - xbar^T w, and substituting it gives the same objective on the
weighted-centred data X~ = X - 1 xbar^T, y~ = y - ybar 1 (identities expanded by sympy on a
3 x 2 instance with symbolic weights).  OPTIONS-CD-UPDATE: F restricted to one coordinate,
and its exact minimiser, unconstrained and over t >= 0.
"""

from __future__ import annotations

from functools import cache

import sympy as sp
from sympy.simplify.simplify import factor_sum

from . import options_exact as O
from .formula import Formula, colvec, eq, q
from .optimality import symbolic_matrix
from .options import (
    Sm,
    Vm,
    Wv,
    X,
    Y,
    b,
    evaluate,
    i,
    in_residuals,
    j,
    l2,
    n,
    objective_expr,
    p,
    values,
    ym,
)
from .options_cases import CASES, points

XB, YB = sp.IndexedBase(r"\bar{x}"), sp.Symbol(r"\bar{y}", real=True)
XT, YT = sp.IndexedBase(r"\tilde{X}"), sp.IndexedBase(r"\tilde{y}")
XTm = sp.MatrixSymbol(r"\tilde{X}", n, p)


def intercept_solution():
    """b*(w) from dF/db = A + B b = 0: B = d^2F/db^2 = sum s_i, A = dF/db at b = 0."""
    d = sp.diff(objective_expr(), b)
    slope, at_zero = sp.diff(d, b), d.subs(b, 0)

    def tidy(e):
        return e.replace(
            lambda x: isinstance(x, sp.Sum),
            lambda x: factor_sum(sp.Sum(sp.factor_terms(x.function), *x.limits)),
        )

    num = tidy(at_zero)  # a single sum, negated into its summand: -(sum f) = sum (-f)
    if not isinstance(num, sp.Sum):
        raise ArithmeticError(f"unexpected dF/db at b = 0: {num}")
    num = sp.Sum(sp.factor_terms(sp.expand(-num.function, deep=False)), *num.limits)
    return in_residuals(num / tidy(slope)), slope


def _means(cs):
    """(xbar, ybar) read off the exact minimiser in b: ybar = b*(0), xbar_j = b*(-e_j) - b*(0)."""
    base = O.best_intercept(cs, (0,) * cs.p)
    return [O.best_intercept(cs, O.unit(cs.p, jj, -1)) - base for jj in range(cs.p)], base


def _mean_values(cs):
    xbar, ybar = _means(cs)
    return {XB: lambda c: q(xbar[c - 1]), YB: q(ybar)}


def _centred_values(cs):
    xbar, ybar = _means(cs)
    return {
        XT: lambda a, c: q(cs.X[a - 1][c - 1] - xbar[c - 1]),
        YT: lambda a: q(cs.y[a - 1] - ybar),
    }


def intercept_check(rhs, cs):
    """The rendered b*(w) (or ybar - xbar^T w) is the exact argmin over b, at every point."""
    if not cs.intercept:
        return True
    return all(
        evaluate(rhs, {**values(cs, w, 0), **_mean_values(cs)}) == q(O.best_intercept(cs, w))
        for w, _ in points(cs)
    )


def _xbar_check(rhs, cs):
    if not cs.intercept:
        return True
    xbar, _ = _means(cs)
    return all(evaluate(rhs, {**values(cs), j: c + 1}) == q(xbar[c]) for c in range(cs.p))


def _ybar_check(rhs, cs):
    return not cs.intercept or evaluate(rhs, values(cs)) == q(_means(cs)[1])


def _profile(cs, w):
    """min_b F(w, b), from the definitions."""
    return O.objective(cs, w, O.best_intercept(cs, w))


def _profiled_check(rhs, cs):
    """The rendered objective on the centred data (bound independently) is min_b F(w, b)."""
    if not cs.intercept:
        return True
    return all(
        evaluate(rhs, {**values(cs, w, 0), **_centred_values(cs)}) == q(_profile(cs, w))
        for w, _ in points(cs)
    )


def _centred_definition_check(which):
    """The rendered X~ (or y~), with the independent means, gives min_b F(w, b) through
    the (independently checked) profiled objective."""

    def check(rhs, cs):
        if not cs.intercept:
            return True
        profiled = centring()["profiled"]
        base = {**values(cs), **_mean_values(cs)}
        cells = (
            {XT: lambda a, c: evaluate(rhs, {**base, i: a, j: c})}
            if which == "X"
            else {YT: lambda a: evaluate(rhs, {**base, i: a})}
        )
        bound = {**_centred_values(cs), **cells}
        return all(
            evaluate(profiled, {**values(cs, w, 0), **bound}) == q(_profile(cs, w))
            for w, _ in points(cs)
        )

    return check


def _profile_hessian(cs):
    def f(w):
        return _profile(cs, w) - cs.l1 * sum(vj * abs(x) for vj, x in zip(cs.v, w, strict=True))

    def e(*cols):
        return tuple(sum(1 for c in cols if c == t) for t in range(cs.p))

    return sp.ImmutableMatrix(cs.p, cs.p, lambda a, c: q(f(e(a, c)) - f(e(a)) - f(e(c)) + f(e())))


def _matrix_values(cs):
    Xc, _ = O.centred(cs)
    return {
        XTm: sp.ImmutableMatrix([[q(x) for x in row] for row in Xc]),
        ym: colvec(cs.y),
        Sm: sp.ImmutableMatrix(sp.diag(*[q(x) for x in cs.s])),
        Vm: sp.ImmutableMatrix(sp.diag(*[q(x) for x in cs.v])),
        n: cs.n,
        p: cs.p,
        l2: q(cs.l2),
    }


def _gram_check(rhs, cs):
    return not cs.intercept or eq(evaluate(rhs, _matrix_values(cs)), _profile_hessian(cs))


def _linear_check(rhs, cs):
    """c~ is minus the gradient of the profiled smooth part at w = 0 (exact differences)."""
    if not cs.intercept:
        return True

    def f(t, c):
        w = O.unit(cs.p, c, t)
        return _profile(cs, w) - cs.l1 * sum(vj * abs(x) for vj, x in zip(cs.v, w, strict=True))

    truth = colvec([-(f(1, c) - f(-1, c)) / 2 for c in range(cs.p)])
    return eq(evaluate(rhs, _matrix_values(cs)), truth)


def _symbolic_instance():
    """3 x 2 symbolic X, y, w, |w|, weights s and factors v; F(w, b) on it."""
    Xs, ys, ws = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1), symbolic_matrix("w", 2, 1)
    sv = [sp.Symbol(f"s_{r}", positive=True) for r in (1, 2, 3)]
    vv = [sp.Symbol(f"v_{r}", nonnegative=True) for r in (1, 2)]
    av = [sp.Symbol(f"a_{r}", nonnegative=True) for r in (1, 2)]
    bind = {n: 3, p: 2}
    data = {
        **{X[a + 1, c + 1]: Xs[a, c] for a in range(3) for c in range(2)},
        **{Y[a + 1]: ys[a] for a in range(3)},
        **{Wv[c + 1]: ws[c] for c in range(2)},
        **{sp.IndexedBase("s")[a + 1]: sv[a] for a in range(3)},
        **{sp.IndexedBase("v")[c + 1]: vv[c] for c in range(2)},
    }
    absw = {sp.Abs(ws[c]): av[c] for c in range(2)}
    return Xs, ys, ws, sv, vv, bind, data, absw


def _instance(expr, bind, data, absw):
    return sp.expand(expr.subs(bind).doit().xreplace(data).xreplace(absw))


def _zero_given_total(sv):
    """zero(expr): expr (a polynomial in the data and 1/W, W = s_1 + s_2 + s_3 written as a
    symbol) is identically 0: W^2 expr expands to a polynomial that vanishes at
    s_3 = W - s_1 - s_2."""
    total = sp.Symbol("W", positive=True)

    def zero(expr) -> bool:
        poly = sp.expand(expr.xreplace({sum(sv): total}) * total**2)
        return sp.expand(poly.subs(sv[-1], total - sum(sv[:-1]))) == 0

    return zero


def _nonzero_somewhere(expr) -> bool:
    """Not identically 0: some rational point makes it nonzero (a proof, not a guess)."""
    free = sorted(expr.free_symbols, key=str)
    point = {sym: sp.Rational(2 + idx % 5, 1 + idx % 3) for idx, sym in enumerate(free)}
    return expr.subs(point) != 0


@cache
def centring():
    """OPTIONS-INTERCEPT-CENTRING."""
    b_star, slope = intercept_solution()
    Ss = sp.IndexedBase("s")
    xbar = sp.Sum(Ss[i] * X[i, j], (i, 1, n)) / sp.Sum(Ss[i], (i, 1, n))
    ybar = sp.Sum(Ss[i] * Y[i], (i, 1, n)) / sp.Sum(Ss[i], (i, 1, n))
    via_means = YB - sp.Sum(XB[j] * Wv[j], (j, 1, p))
    profiled = objective_expr().xreplace({b: 0}).xreplace({Y: YT, X: XT})
    Xs, ys, ws, sv, _, bind, data, absw = _symbolic_instance()
    inst = lambda e: _instance(e, bind, data, absw)  # noqa: E731
    bs = inst(b_star)
    xb = [inst(xbar.subs(j, c + 1)) for c in range(2)]
    yb = inst(ybar)
    F_b = inst(objective_expr()).subs(b, bs)
    cen = {XT[a + 1, c + 1]: Xs[a, c] - xb[c] for a in range(3) for c in range(2)}
    cen |= {YT[a + 1]: ys[a] - yb for a in range(3)}
    F_c = _instance(profiled.subs(bind).doit().xreplace(cen), {}, data, absw)
    unweighted = {
        XT[a + 1, c + 1]: Xs[a, c] - sum(Xs[:, c]) / 3 for a in range(3) for c in range(2)
    } | {YT[a + 1]: ys[a] - sum(ys) / 3 for a in range(3)}
    F_u = _instance(profiled.subs(bind).doit().xreplace(unweighted), {}, data, absw)
    Sd = sp.diag(*sv)
    Xc = sp.Matrix(3, 2, lambda a, c: Xs[a, c] - xb[c])
    _zero = _zero_given_total(sv)
    checks = {
        "d^2F/db^2 = sum_i s_i (> 0 when W > 0): one root": sp.simplify(
            factor_sum(slope) - sp.Sum(Ss[i], (i, 1, n))
        )
        == 0,
        "b* = ybar - xbar^T w (3 x 2, symbolic s)": _zero(
            bs - (yb - sum(x * wv for x, wv in zip(xb, ws, strict=True)))
        ),
        "F(w, b*(w)) = the objective on (X~, y~) (3 x 2, symbolic s, v)": _zero(F_b - F_c),
        "X~^T S 1 = 0": all(_zero(e) for e in Xc.T * Sd * sp.ones(3, 1)),
        "X~^T S y~ = X~^T S y": all(
            _zero(e) for e in Xc.T * Sd * (ys - yb * sp.ones(3, 1)) - Xc.T * Sd * ys
        ),
        "unweighted centring does not give F(w, b*(w)) (s symbolic)": _nonzero_somewhere(F_b - F_u),
    }
    cases = CASES
    formulas = (
        Formula(
            r"b^{*}(w) = \operatorname{argmin}_b F(w, b)",
            b_star,
            check=intercept_check,
            cases=cases,
        ),
        Formula(r"\bar{x}_j", xbar, check=_xbar_check, cases=cases),
        Formula(r"\bar{y}", ybar, check=_ybar_check, cases=cases),
        Formula(r"b^{*}(w)", via_means, check=intercept_check, cases=cases),
        Formula(
            r"\tilde{X}_{i,j}", X[i, j] - XB[j], check=_centred_definition_check("X"), cases=cases
        ),
        Formula(r"\tilde{y}_{i}", Y[i] - YB, check=_centred_definition_check("y"), cases=cases),
        Formula(r"F(w, b^{*}(w))", profiled, check=_profiled_check, cases=cases),
        Formula(r"\tilde{G}", XTm.T * Sm * XTm + 2 * l2 * Vm, check=_gram_check, cases=cases),
        Formula(r"\tilde{c}", XTm.T * Sm * ym, check=_linear_check, cases=cases),
    )
    return {"formulas": formulas, "checks": checks, "profiled": profiled, "b_star": b_star}
