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
a, g, b, z, t = sp.symbols("a g b z t", real=True)
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


def _drop_range_guard(expr):
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
    grad = _drop_range_guard(sp.simplify(sp.diff(smooth_part(), W[k])))
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


def _h(bvar):
    """The one-dimensional coordinate problem h(b) = 1/2 a b^2 - g b + l1 |b| + l2 b^2."""
    return a * bvar**2 / 2 - g * bvar + l1 * sp.Abs(bvar) + l2 * bvar**2


def soft_threshold_expr(zz, tt):
    """S(z, t) = sign(z) max(|z| - t, 0)."""
    return sp.sign(zz) * sp.Max(sp.Abs(zz) - tt, 0)


def _coordinates(cs, need_curvature=True):
    """(j, a, g) per coordinate of the case: a = x_j^T x_j, g = x_j^T r_(-j); with
    need_curvature only those with a + 2 l2 > 0 (where the update is defined)."""
    out = []
    for jj in range(cs.p):
        aa, gg = probes.coordinate(cs, jj)
        if not need_curvature or aa + 2 * cs.l2 > 0:
            out.append((jj, aa, gg))
    return out


def _coordinate_values(cs, aa, gg, lam1=None, lam2=None):
    return {a: q(aa), g: q(gg), l1: q(cs.l1 if lam1 is None else lam1),
            l2: q(cs.l2 if lam2 is None else lam2)}


def _update_check(rhs, cs):
    """The rendered update equals the exact minimiser of F over w_j (others fixed)."""
    return all(
        evaluate(rhs, _coordinate_values(cs, aa, gg)) == q(probes.coordinate_minimiser(cs, jj))
        for jj, aa, gg in _coordinates(cs)
    )


def _reduction_check(rhs, cs):
    """F(w with w_j = b) - h(b) does not depend on b (b in {0, 1, -1, u})."""
    for jj, aa, gg in _coordinates(cs, need_curvature=False):
        values = _coordinate_values(cs, aa, gg)
        diffs = set()
        for bb in (0, 1, -1, cs.u):
            w = list(cs.w)
            w[jj] = bb
            diffs.add(q(E.objective(cs.X, cs.y, w, cs.l1, cs.l2)) - evaluate(rhs, {**values,
                                                                                  b: q(bb)}))
        if len(diffs) != 1:
            return False
    return True


def _condition(solution, var):
    """The relational sympy returns for a one-sided linear inequality (x > c or x < c)."""
    rel = solution
    if isinstance(rel, sp.And):  # g > l1 & g < oo for a real g
        rel = next(r for r in rel.args if not r.has(sp.oo))
    if not (isinstance(rel, sp.core.relational.Relational) and rel.has(var)):
        raise ValueError(f"unexpected solution {solution}")
    return rel


@cache
def cd_update():
    """CD-UPDATE: argmin_b h(b) by the cases b > 0, b < 0, b = 0, for a + 2 l2 > 0.

    Each smooth branch is solved from h'(b) = 0; its admissibility condition (the
    root has the branch's sign) is solved for g by sympy, with a + 2 l2 = D > 0.
    b = 0 is optimal on the rest, which is exactly 0 in -g + l1 [-1, 1].
    """
    bp, bn = sp.Symbol("b", positive=True), sp.Symbol("b", negative=True)
    root_pos = sp.solve(sp.diff(_h(bp), bp), bp, dict=False, check=False)[0]
    root_neg = sp.solve(sp.diff(_h(bn), bn), bn, dict=False, check=False)[0]
    D = sp.Symbol("D", positive=True)  # a + 2 l2 > 0
    in_d = {a: D - 2 * l2}
    cond_pos = _condition(sp.solve(sp.simplify(root_pos.subs(in_d)) > 0, g), g)
    cond_neg = _condition(sp.solve(sp.simplify(root_neg.subs(in_d)) < 0, g), g)
    update = sp.Piecewise((root_pos, cond_pos), (root_neg, cond_neg), (0, True))
    notes = soft_threshold_expr(g, l1) / (a + 2 * l2)
    bb = sp.Symbol("b", real=True)
    cases = probes.CASES
    return {
        "update": update,
        "notes": notes,
        "formulas": (
            Formula("h(b)", _h(bb), r"= \text{const} +", check=_reduction_check, cases=cases),
            Formula(r"\operatorname{argmin}_b\, h(b)", update, check=_update_check, cases=cases),
            Formula("", notes, check=_update_check, cases=cases),
        ),
        "checks": _cd_checks(update, notes, cond_pos, cond_neg),
    }


def _cd_checks(update, notes, cond_pos, cond_neg):
    """The case formula equals S(g, l1)/(a + 2 l2) on each region; the zero region is the
    subgradient condition |g| <= l1; h reduces from F."""
    d = sp.Symbol("d", positive=True)  # distance beyond the threshold
    den_pos = {a: sp.Symbol("a", positive=True)}
    above = sp.simplify((update - notes).subs(g, l1 + d).subs(den_pos))
    below = sp.simplify((update - notes).subs(g, -l1 - d).subs(den_pos))
    grid = [(sp.Rational(u_, 4), sp.Rational(m, 3)) for u_ in range(-8, 9) for m in range(0, 4)]
    zero_region = all(
        (not cond_pos.subs({g: gv, l1: lv}) and not cond_neg.subs({g: gv, l1: lv}))
        == (abs(gv) <= lv)
        for gv, lv in grid
    )
    inside = [(update - notes).subs({g: l1 * u_, l1: m}) for u_, m in grid if abs(u_) <= 1]
    return {
        "g > l1: equals S(g, l1)/(a + 2 l2)": above == 0,
        "g < -l1: equals S(g, l1)/(a + 2 l2)": below == 0,
        "zero region (neither root admissible) is |g| <= l1, on a rational grid": zero_region,
        "|g| <= l1 (rational grid): both are 0": all(sp.simplify(e) == 0 for e in inside),
        "F restricted to coordinate j is h(b) + const": _coordinate_reduction(),
    }


def _coordinate_reduction() -> bool:
    """F(w with w_1 = b) - h(b) does not depend on b (3 x 2 symbolic X), with
    a = x_1^T x_1 and g = x_1^T (y - x_2 w_2), the partial residual correlation."""
    Xm, ym = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1)
    w2 = sp.Symbol("w_2", real=True)
    bb = sp.Symbol("b", real=True)
    wv = sp.Matrix([bb, w2])
    F = (ym - Xm * wv).dot(ym - Xm * wv) / 2 + l1 * (sp.Abs(bb) + sp.Abs(w2)) + l2 * wv.dot(wv)
    x1 = Xm[:, 0]
    subs = {a: x1.dot(x1), g: x1.dot(ym - Xm[:, 1] * w2)}
    h = (a * bb**2 / 2 - g * bb + l1 * sp.Abs(bb) + l2 * bb**2).subs(subs)
    return sp.simplify(sp.diff(sp.expand(F - h), bb)) == 0


def _scalar_threshold_check(rhs, cs):
    """S(z, t) at z in {y_1, u} and t = l1 equals the exact argmin of 1/2 (b - z)^2 + t|b|."""
    for zz in (cs.y[0], cs.u):
        truth = E.solve(((1,),), (zz,), cs.l1)[0]
        if evaluate(rhs, {z: q(zz), t: q(cs.l1)}) != q(truth):
            return False
    return True


def _unit_curvature_check(rhs, cs):
    """Off the dead zone (|g| > l1): a is in the rendered set iff the notes' S(g, l1) is the
    exact coordinate minimiser."""
    allowed = evaluate(rhs, {l2: q(cs.l2)})
    for jj, aa, gg in _coordinates(cs):
        if abs(gg) > cs.l1:
            notes = E.cd_update(gg, 1, cs.l1)  # sign(g) max(|g| - l1, 0)
            if bool(allowed.contains(q(aa))) != (notes == probes.coordinate_minimiser(cs, jj)):
                return False
    return True


@cache
def soft_threshold():
    """SOFT-THRESHOLD: S(z, t) = argmin_b 1/2 (b - z)^2 + t|b| = CD-UPDATE at a = 1, l2 = 0.

    Off the dead zone the notes' b = S(rho, l1) equals the coordinate minimiser
    S(rho, l1)/(a + 2 l2) iff a + 2 l2 = 1 (sympy solves for a).
    """
    upd = cd_update()
    special = upd["update"].subs({a: 1, l2: 0, g: z, l1: t})
    tp = sp.Symbol("t", positive=True)
    d = sp.Symbol("d", positive=True)
    st = soft_threshold_expr(z, t)
    agree = [sp.simplify((special - st).subs({t: tp}).subs(z, v)) for v in (tp + d, -tp - d)]
    beyond = sp.Symbol("d", positive=True)  # S(g, l1) = +-d != 0 off the dead zone
    a_solutions = sp.solve(sp.Eq(beyond / (a + 2 * l2), beyond), a)
    unit = sp.FiniteSet(*a_solutions)
    cases = probes.CASES
    return {
        "formulas": (
            Formula(r"S(z, t)", st, check=_scalar_threshold_check, cases=cases),
            Formula(r"\operatorname{argmin}_b \tfrac12 (b-z)^2 + t|b|", special,
                    check=_scalar_threshold_check, cases=cases),
            Formula(r"\{a : S(g, \lambda_1) = \tfrac{S(g, \lambda_1)}{a + 2\lambda_2},\ "
                    r"|g| > \lambda_1\}", unit, check=_unit_curvature_check, cases=cases),
        ),
        "unit_norm_solutions": a_solutions,
        "checks": {
            "S equals the a = 1, l2 = 0 case of CD-UPDATE": all(e == 0 for e in agree),
            "off the dead zone, S(g, l1) = S(g, l1)/(a + 2 l2) only for a = 1 - 2 l2":
            a_solutions == [1 - 2 * l2],
        },
    }


def _ridge_update_check(rhs, cs):
    return all(
        evaluate(rhs, _coordinate_values(cs, aa, gg, lam1=0))
        == q(probes.coordinate_minimiser(cs, jj, lam1=0))
        for jj, aa, gg in _coordinates(cs)
    )


def _ridge_zero_set_check(rhs, cs):
    """g is in the rendered set iff the exact l1 = 0 coordinate minimiser is 0."""
    return all(
        bool(evaluate(rhs, _coordinate_values(cs, aa, gg, lam1=0)).contains(q(gg)))
        == (probes.coordinate_minimiser(cs, jj, lam1=0) == 0)
        for jj, aa, gg in _coordinates(cs)
    )


def _normal_check(rhs, cs):
    """n_j^T y = w*_j (the Ridge zero set is the hyperplane n_j^T y = 0), n_j = 0 iff x_j = 0."""
    if cs.l2 == 0:
        return True
    w = E.ridge_solution(cs.X, cs.y, cs.l2)
    for jj in range(cs.p):
        col = E.column(cs.X, jj)
        nj = evaluate(rhs, {**matrix_values(cs), xj: colvec(col)})
        if not eq((nj.T * colvec(cs.y))[0], q(w[jj])):
            return False
        if (nj == sp.zeros(*nj.shape)) != (not any(col)):
            return False
    return True


def _perturbation_check(rhs, cs):
    """w*_j(y + u x_j) - w*_j(y) equals the rendered value, which is nonzero for x_j, u != 0."""
    if cs.l2 == 0:
        return True
    eps = sp.Symbol("epsilon", real=True)
    before = E.ridge_solution(cs.X, cs.y, cs.l2)
    for jj in range(cs.p):
        col = E.column(cs.X, jj)
        moved = tuple(yi + cs.u * xi for yi, xi in zip(cs.y, col, strict=True))
        change = E.ridge_solution(cs.X, moved, cs.l2)[jj] - before[jj]
        value = evaluate(rhs, {**matrix_values(cs), xj: colvec(col), eps: q(cs.u)})
        value = value[0] if isinstance(value, sp.MatrixBase) else value
        if not eq(value, q(change)):
            return False
        if any(col) and cs.u != 0 and change == 0:
            return False
    return True


@cache
def ridge_no_dead_zone():
    """RIDGE-NO-DEAD-ZONE: the l1 = 0 coordinate update is g/(a + 2 l2), zero only at g = 0;
    w*_j = n_j^T y with n_j = (X X^T + 2 l2 I)^{-1} x_j, so the zero set of w*_j is the
    hyperplane n_j^T y = 0 (n_j != 0 iff x_j != 0, as X X^T + 2 l2 I is invertible), and
    moving y along x_j changes w*_j at the rate x_j^T (X X^T + 2 l2 I)^{-1} x_j > 0."""
    bb = sp.Symbol("b", real=True)
    smooth = _h(bb).subs(l1, 0)
    update = sp.solve(sp.diff(smooth, bb), bb)[0]
    D = sp.Symbol("D", positive=True)
    zeros = sp.solveset(sp.Eq(update.subs(a, D - 2 * l2), 0), g, sp.S.Reals)
    M = Xs * Xs.T + 2 * l2 * sp.Identity(n)
    normal = M.I * xj
    eps = sp.Symbol("epsilon", real=True)
    # symbolic 3 x 2 check: w*_j = x_j^T (X X^T + c I)^{-1} y = n_j^T y (M symmetric)
    Xm, ym = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1)
    lp = sp.Symbol("lambda_2", positive=True)
    Mm = Xm * Xm.T + 2 * lp * sp.eye(3)
    linear = sp.simplify((Xm[:, 0].T * Mm.inv() * ym)[0] - ((Mm.inv() * Xm[:, 0]).T * ym)[0]) == 0
    cases = probes.CASES
    formulas = (
        Formula(r"\operatorname{argmin}_b\, h(b)\;(\lambda_1 = 0)", update,
                check=_ridge_update_check, cases=cases),
        Formula(r"\{g : \operatorname{argmin}_b\, h(b) = 0\}\;(\lambda_1 = 0)", zeros,
                check=_ridge_zero_set_check, cases=cases),
        Formula(r"n_j", normal, r"= \text{the normal of } \{y : w^{*}_j = 0\}:\ ",
                check=_normal_check, cases=cases),
        Formula(r"w^{*}_j(y + \epsilon x_j) - w^{*}_j(y)", eps * xj.T * M.I * xj,
                check=_perturbation_check, cases=cases),
    )
    checks = {
        "l1 = 0 update vanishes only at g = 0": zeros == sp.FiniteSet(0),
        "w*_j = n_j^T y (3 x 2 symbolic)": linear,
        "M = X X^T + 2 l2 I is symmetric": M.T.doit() == M.doit() or sp.simplify(M.T - M) == 0,
    }
    return {"formulas": formulas, "checks": checks}


class MaxOver(sp.Expr):
    """max_{var = lo..hi} expr: a sympy object that renders and evaluates (doit) once the
    bounds are numbers."""

    def __new__(cls, expr, limits):
        return sp.Expr.__new__(cls, sp.sympify(expr), sp.Tuple(*limits))

    def doit(self, **hints):
        expr, (var, lo, hi) = self.args[0], self.args[1]
        if lo.is_Integer and hi.is_Integer:
            return sp.Max(*[expr.subs(var, v).doit(**hints) for v in range(int(lo), int(hi) + 1)])
        return self

    def _latex(self, printer):
        expr, (var, lo, hi) = self.args[0], self.args[1]
        return (rf"\max_{{{printer._print(lo)} \le {printer._print(var)} \le "
                rf"{printer._print(hi)}}} {printer._print(expr)}")


LAMBDA_MAX = sp.Symbol(r"\lambda_{\max}", positive=True)


def _c_at_zero_check(rhs, cs):
    """c_k(0) equals minus the exact gradient of the smooth part at w = 0."""
    zero = (0,) * cs.p
    return all(
        evaluate(rhs, {**index_values(cs, zero), k: kk + 1})
        == -q(probes.smooth_gradient(cs, kk, zero))
        for kk in range(cs.p)
    )


def _lambda_max_check(rhs, cs):
    """w = 0 minimises F at l1 iff l1 >= the rendered value, probed at the case's l1, at the
    value, at the exact threshold, between them and just below (the exact oracle decides)."""
    value = evaluate(rhs, index_values(cs))
    truth = q(E.lambda_max(cs.X, cs.y))
    for lam in {q(cs.l1), value, truth, (value + truth) / 2, value * sp.Rational(99, 100)}:
        if lam < 0:
            continue
        zero_optimal = probes.is_minimiser(probes.with_penalties(cs, lam, cs.l2), (0,) * cs.p)
        if zero_optimal != bool(lam >= value):
            return False
    return True


def _foreign_lambda_max_check(mixing):
    """The rendered threshold of a foreign parameterisation: 0 minimises the documented
    objective at it and not at 99/100 of it.  The documented objective is evaluated exactly;
    its minimiser is the canonical one at the penalties read off its coefficients."""

    def check(rhs, cs):
        lam_max = q(E.lambda_max(cs.X, cs.y))
        if lam_max == 0:
            return True
        for m in {sp.Integer(1), sp.Rational(1, 2), *( [q(cs.u)] if 0 < cs.u <= 1 else [])}:
            values = {LAMBDA_MAX: lam_max, n: cs.n, mixing["mix"]: m}
            top = evaluate(rhs, values)
            for strength, zero_expected in ((top, True), (top * sp.Rational(99, 100), False)):
                if probes.foreign_zero_optimal(cs, mixing, strength, m) != zero_expected:
                    return False
        return True

    return check


def _equivalent_l1(objective, rss):
    """lambda_1 of an objective k F + const: its N1 coefficient over twice its RSS coefficient."""
    N1 = sp.Symbol("N1", nonnegative=True)
    return sp.expand(objective).coeff(N1) / (2 * sp.expand(objective).coeff(rss))


@cache
def lambda_max():
    """LAMBDA-MAX: c(w) = X^T r - 2 l2 w at w = 0 (a real substitution, checked), then the
    KKT-ZERO condition |c_k(0)| <= l1 for every k; and the same threshold in the
    parameterisations of scikit-learn and glmnet (their lambda_1 read off the N1 term)."""
    c = sp.Sum(X[i, k] * residual_i(), (i, 1, n)) - 2 * l2 * W[k]
    at_zero = c.replace(lambda e: isinstance(e, sp.Indexed) and e.base == W, lambda e: 0)
    at_zero = sp.simplify(at_zero.doit())
    threshold = MaxOver(sp.Abs(at_zero), (k, 1, p))
    RSS, N1, N2 = sp.symbols("RSS N1 N2", nonnegative=True)
    alpha, rho, lam_g, alpha_g = sp.symbols(r"\alpha \rho \lambda_{\mathrm{glmnet}} "
                                            r"\alpha_{\mathrm{glmnet}}", positive=True)
    documented = {  # objectives as documented (see CONVENTION-*), no intercept
        "sklearn-lasso": (RSS / (2 * n) + alpha * N1, alpha, None),
        "sklearn-enet": (RSS / (2 * n) + alpha * rho * N1 + alpha * (1 - rho) * N2 / 2,
                         alpha, rho),
        "glmnet": (RSS / (2 * n) + lam_g * ((1 - alpha_g) / 2 * N2 + alpha_g * N1),
                   lam_g, alpha_g),
    }
    foreign = {}
    for name, (obj, strength, mix) in documented.items():
        lam1 = _equivalent_l1(obj, RSS)
        (sol,) = sp.solve(sp.Eq(lam1, LAMBDA_MAX), strength)
        foreign[name] = {"threshold": sol, "l1_of": sp.Lambda((strength, mix or sp.Dummy()), lam1),
                         "objective": obj, "strength": strength,
                         "mix": mix if mix is not None else sp.Dummy("m")}
    cases = probes.CASES
    formulas = (
        Formula(r"c_k(0)", at_zero, check=_c_at_zero_check, cases=cases),
        Formula(r"\lambda_{\max}", threshold, check=_lambda_max_check, cases=cases),
        Formula(r"\texttt{Lasso}:\ \alpha_{\max}", foreign["sklearn-lasso"]["threshold"],
                check=_foreign_lambda_max_check(foreign["sklearn-lasso"]), cases=cases),
        Formula(r"\texttt{ElasticNet}(\texttt{l1\_ratio} = \rho):\ \alpha_{\max}",
                foreign["sklearn-enet"]["threshold"],
                check=_foreign_lambda_max_check(foreign["sklearn-enet"]), cases=cases),
        Formula(r"\texttt{glmnet}(\alpha_{\mathrm{glmnet}}):\ \lambda^{\mathrm{glmnet}}_{\max}",
                foreign["glmnet"]["threshold"],
                check=_foreign_lambda_max_check(foreign["glmnet"]), cases=cases),
    )
    checks = {
        "the substitution w = 0 leaves no w in c(0)": not at_zero.has(W),
        "l2 does not appear in c(0)": l2 not in at_zero.free_symbols,
    }
    return {"formulas": formulas, "checks": checks, "c": c, "c0": at_zero, "foreign": foreign}
