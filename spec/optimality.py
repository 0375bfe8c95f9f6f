"""Derivations, with sympy, of the objective, its subdifferential and the optimality conditions.

Every function returns sympy results computed here (never typed-in answers),
the checks that close the derivation (booleans sympy decided exactly), and
``Formula`` objects whose ``check`` evaluates the rendered right-hand side on
an exact ``Case`` against an independent computation (``spec.exact``'s brute
force, or the definitions).  Index-form expressions use ``IndexedBase`` with
symbolic n and p; matrix identities use ``MatrixSymbol``.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .formula import Formula, colvec, eq, evaluate, matrix, q

i, j, k = sp.symbols("i j k", integer=True, positive=True)
n, p = sp.symbols("n p", integer=True, positive=True)
X, Y, W = sp.IndexedBase("X"), sp.IndexedBase("y"), sp.IndexedBase("w")
l1, l2 = sp.symbols("lambda_1 lambda_2", nonnegative=True)
Xs, ys = sp.MatrixSymbol("X", n, p), sp.MatrixSymbol("y", n, 1)
ws, xj = sp.MatrixSymbol("w", p, 1), sp.MatrixSymbol("x_j", n, 1)


def residual_i():
    """r_i = y_i - sum_j X_ij w_j."""
    return Y[i] - sp.Sum(X[i, j] * W[j], (j, 1, p))


def smooth_part():
    """1/2 ||y - Xw||^2 + l2 ||w||^2 in index form."""
    return sp.Rational(1, 2) * sp.Sum(residual_i() ** 2, (i, 1, n)) + l2 * sp.Sum(
        W[j] ** 2, (j, 1, p)
    )


def objective_expr():
    """F(w) = 1/2 sum_i r_i^2 + l1 sum_j |w_j| + l2 sum_j w_j^2."""
    return smooth_part() + l1 * sp.Sum(sp.Abs(W[j]), (j, 1, p))


def index_values(cs, w=None):
    """Bindings of the index-form symbols to the exact data of a case."""
    w = cs.w if w is None else w
    return {
        n: cs.n, p: cs.p, l1: q(cs.l1), l2: q(cs.l2),
        X: lambda r, c: q(cs.X[r - 1][c - 1]),
        Y: lambda r: q(cs.y[r - 1]),
        W: lambda c: q(w[c - 1]),
    }


def matrix_values(cs, w=None):
    """Bindings of the MatrixSymbols X, y, w (and n, p, the penalties) for a case."""
    w = cs.w if w is None else w
    return {Xs: matrix(cs.X), ys: colvec(cs.y), ws: colvec(w), n: cs.n, p: cs.p,
            l1: q(cs.l1), l2: q(cs.l2)}


def drop_range_guard(expr):
    """sympy returns Piecewise((value, k <= p), (0, True)) for d/dw_k; we take k <= p."""
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[0][0])


def _objective_check(rhs, cs):
    return evaluate(rhs, index_values(cs)) == q(E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2))


def _gradient_check(rhs, cs):
    """The rendered d/dw_k equals the exact central difference of the (quadratic) smooth part."""
    return all(
        evaluate(rhs, {**index_values(cs), k: kk + 1}) == q(probes.smooth_gradient(cs, kk))
        for kk in range(cs.p)
    )


@cache
def objective():
    """OBJECTIVE: F and the gradient of its smooth part, d/dw_k = -x_k^T r + 2 l2 w_k."""
    grad = drop_range_guard(sp.simplify(sp.diff(smooth_part(), W[k])))
    xk_r = sp.Sum(X[i, k] * residual_i(), (i, 1, n))
    claimed = -xk_r + 2 * l2 * W[k]
    check = sp.simplify(sp.expand(sp.Sum(sp.expand(grad - claimed), (i, 1, n)).doit())) == 0
    if not check:  # sympy may keep grad as a sum of sums; compare termwise
        check = sp.simplify((grad - claimed).doit()) == 0
    formulas = (
        Formula("F(w)", objective_expr(), check=_objective_check, cases=probes.CASES),
        Formula(r"\frac{\partial}{\partial w_k}\left(F - \lambda_1\|w\|_1\right)", grad,
                check=_gradient_check, cases=probes.CASES),
    )
    return {"formulas": formulas, "checks": {"gradient is -x_k^T r + 2 l2 w_k": bool(check)}}


def _subgradient_check(sign):
    """At b = the case's u with this sign (u, -u or 0): s is in the rendered set iff
    |b + h| >= |b| + s h for every h of a grid (the subgradient inequality)."""

    def check(rhs, cs):
        if sign and cs.u == 0:
            return True  # b = 0 does not have this sign
        b0 = abs(cs.u) * sign
        grid = [q(v) / 4 for v in range(-12, 13)] + [q(cs.u), -q(cs.u)]
        for s_ in probes.SUBGRADIENT_CANDIDATES:
            inequality = all(abs(q(b0) + h) >= abs(q(b0)) + s_ * h for h in grid)
            if bool(rhs.contains(s_)) != inequality:
                return False
        return True

    return check


@cache
def subdifferential_abs():
    """SUBDIFF-ABS: d|b| = {sign b} for b != 0, and [-1, 1] at 0.

    At 0, s is a subgradient iff |u| >= s u for all u; by positive homogeneity
    it suffices to take u = 1 and u = -1, i.e. s <= 1 and -s <= 1.
    """
    bp = sp.Symbol("b", positive=True)
    bn = sp.Symbol("b", negative=True)
    s = sp.Symbol("s", real=True)
    positive = sp.diff(sp.Abs(bp), bp)
    negative = sp.diff(sp.Abs(bn), bn)
    at_zero = sp.solveset(1 - s >= 0, s, sp.S.Reals).intersect(
        sp.solveset(1 + s >= 0, s, sp.S.Reals)
    )
    cases = probes.SCALAR_CASES
    formulas = (
        Formula(r"\partial|b|\;(b>0)", sp.FiniteSet(positive), check=_subgradient_check(1),
                cases=cases),
        Formula(r"\partial|b|\;(b<0)", sp.FiniteSet(negative), check=_subgradient_check(-1),
                cases=cases),
        Formula(r"\partial|b|\;(b=0)", at_zero, check=_subgradient_check(0), cases=cases),
    )
    checks = {
        "d|b| = 1 for b > 0": positive == 1,
        "d|b| = -1 for b < 0": negative == -1,
        "d|b| at 0 is [-1, 1]": at_zero == sp.Interval(-1, 1),
    }
    return {"formulas": formulas, "checks": checks}


def _c_symbol():
    """x_j^T r, as one real symbol (the per-coordinate data gradient, negated)."""
    return sp.Symbol(r"x_j^{T} r", real=True)


XR = _c_symbol()
WJ = sp.Symbol("w_j", real=True)


def _kkt_check(zero_ok, nonzero_value):
    """KKT characterisation with one condition taken from the rendered formula:
    the conditions hold at w iff w minimises F (compared by objective value), at the
    candidate w and at the exact minimiser."""

    def check(rhs, cs):
        for w in (cs.w, probes.minimiser(cs)):
            c = [E.dot(E.column(cs.X, jj), E.residual(cs.X, cs.y, w)) for jj in range(cs.p)]
            conditions = all(
                zero_ok(rhs, cs, cj) if wj == 0 else q(cj) == nonzero_value(rhs, cs, wj)
                for cj, wj in zip(c, w, strict=True)
            )
            if conditions != probes.is_minimiser(cs, w):
                return False
        return True

    return check


def _true_nonzero(_rhs, cs, wj):
    return q(cs.l1 * E.sign(wj) + 2 * cs.l2 * wj)


def _rendered_nonzero(rhs, cs, wj):
    return evaluate(rhs, {l1: q(cs.l1), l2: q(cs.l2), WJ: q(wj)})


def _true_zero(_rhs, cs, cj):
    return abs(cj) <= cs.l1


def _set_zero(rhs, cs, cj):
    return bool(evaluate(rhs, {l1: q(cs.l1)}).contains(q(cj)))


def _relation_zero(rhs, cs, cj):
    return bool(evaluate(rhs, {l1: q(cs.l1), XR: q(cj)}))


@cache
def kkt():
    """KKT-ZERO and KKT-NONZERO: 0 in -x_j^T r + 2 l2 w_j + l1 d|w_j|, per coordinate."""
    xr = XR
    wp = sp.Symbol("w_j", positive=True)
    wn = sp.Symbol("w_j", negative=True)
    s = sp.Symbol("s", real=True)
    pos = sp.solve(sp.Eq(-xr + 2 * l2 * wp + l1, 0), xr)[0]
    neg = sp.solve(sp.Eq(-xr + 2 * l2 * wn - l1, 0), xr)[0]
    nonzero = l1 * sp.sign(WJ) + 2 * l2 * WJ
    lp = sp.Symbol("lambda_1", positive=True)
    # at w_j = 0: x_j^T r must lie in l1 * [-1, 1]
    image = lp * s  # increasing in s, so it maps [-1, 1] onto [image(-1), image(1)]
    zero_set = sp.Interval(image.subs(s, -1), image.subs(s, 1))
    increasing = sp.diff(image, s).is_positive
    abs_set = sp.solveset(sp.Abs(xr) <= lp, xr, sp.S.Reals)
    checks = {
        "w_j > 0: x_j^T r = l1 + 2 l2 w_j": sp.simplify(pos - nonzero.subs(WJ, wp)) == 0,
        "w_j < 0: x_j^T r = -l1 + 2 l2 w_j": sp.simplify(neg - nonzero.subs(WJ, wn)) == 0,
        "w_j = 0: x_j^T r in l1 [-1, 1] iff |x_j^T r| <= l1": bool(increasing)
        and zero_set == abs_set,
    }
    cases = probes.CASES
    return {
        "zero": (
            Formula(r"w_j = 0 \implies x_j^{T} r \in", zero_set.subs(lp, l1), "",
                    check=_kkt_check(_set_zero, _true_nonzero), cases=cases),
            Formula(r"\iff", sp.Le(sp.Abs(xr), l1), "",
                    check=_kkt_check(_relation_zero, _true_nonzero), cases=cases),
        ),
        "nonzero": (
            Formula(r"w_j \neq 0 \implies x_j^{T} r", nonzero,
                    check=_kkt_check(_true_zero, _rendered_nonzero), cases=cases),
        ),
        "checks": checks,
    }


def symbolic_matrix(name: str, rows: int, cols: int) -> sp.Matrix:
    """A rows x cols matrix of independent real symbols name_ij."""
    return sp.Matrix(rows, cols, lambda r, c: sp.Symbol(f"{name}_{r + 1}{c + 1}", real=True))


def _stationarity_check(rhs, cs):
    """X^T r(w) equals the rendered right side at w iff w minimises the Ridge/OLS objective."""
    ridge = probes.with_penalties(cs, 0, cs.l2)
    for w in (cs.w, probes.minimiser(ridge)):
        lhs = colvec([E.dot(E.column(cs.X, jj), E.residual(cs.X, cs.y, w)) for jj in range(cs.p)])
        if eq(lhs, evaluate(rhs, matrix_values(cs, w))) != probes.is_minimiser(ridge, w):
            return False
    return True


def _closed_form_check(rhs, cs):
    """The rendered w* equals the exact Ridge minimiser (l2 > 0; l1 is ignored)."""
    if cs.l2 == 0:
        return True
    w = E.ridge_solution(cs.X, cs.y, cs.l2)
    return eq(evaluate(rhs, matrix_values(cs)), colvec(w))


def _coordinate_form_check(rhs, cs):
    if cs.l2 == 0:
        return True
    w = E.ridge_solution(cs.X, cs.y, cs.l2)
    return all(
        eq(evaluate(rhs, {**matrix_values(cs), xj: colvec(E.column(cs.X, jj))}), q(w[jj]))
        for jj in range(cs.p)
    )


@cache
def ridge():
    """KKT-RIDGE: with l1 = 0, grad = 0 gives X^T r = 2 l2 w and w = (X^T X + 2 l2 I)^{-1} X^T y.

    Verified on a 3 x 2 matrix of independent symbols; the push-through
    identity (X^T X + cI)^{-1} X^T = X^T (X X^T + cI)^{-1} is verified there too.
    """
    Xm, ym = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1)
    wm = symbolic_matrix("w", 2, 1)
    lp = sp.Symbol("lambda_2", positive=True)
    F = (ym - Xm * wm).dot(ym - Xm * wm) / 2 + lp * wm.dot(wm)
    grad = sp.Matrix([sp.diff(F, v) for v in wm])
    stationarity = sp.simplify(grad + Xm.T * (ym - Xm * wm) - 2 * lp * wm) == sp.zeros(2, 1)
    solved = sp.solve(list(grad), list(wm), dict=True)[0]
    A = Xm.T * Xm + 2 * lp * sp.eye(2)
    closed = A.inv() * Xm.T * ym
    closed_ok = all(sp.simplify(solved[wm[r]] - closed[r]) == 0 for r in range(2))
    push = sp.simplify(A.inv() * Xm.T - Xm.T * (Xm * Xm.T + 2 * lp * sp.eye(3)).inv())
    general = (Xs.T * Xs + 2 * l2 * sp.Identity(p)).I * Xs.T * ys
    cases = probes.CASES
    formulas = (
        Formula(r"X^{T} (y - X w)", 2 * l2 * ws, check=_stationarity_check, cases=cases),
        Formula("w^{*}", general, check=_closed_form_check, cases=cases),
        Formula("w^{*}_j", xj.T * (Xs * Xs.T + 2 * l2 * sp.Identity(n)).I * ys,
                check=_coordinate_form_check, cases=cases),
    )
    checks = {
        "grad = -X^T r + 2 l2 w": stationarity,
        "solve(grad = 0) = (X^T X + 2 l2 I)^{-1} X^T y": closed_ok,
        "push-through identity": push == sp.zeros(2, 3),
    }
    return {"formulas": formulas, "checks": checks}
