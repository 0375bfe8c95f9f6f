"""Derivations, with sympy, of the coordinate-descent update and its special cases.

The coordinate problem h(b) (F restricted to w_j, the others fixed, up to a constant) is
solved by cases for its minimiser (CD-UPDATE); the notes' soft threshold is the case a = 1,
l2 = 0 (SOFT-THRESHOLD); with l1 = 0 the update has no dead zone, and the zero set
of the Ridge minimiser's w*_j is a hyperplane in y (RIDGE-NO-DEAD-ZONE).  As in
``spec.optimality``, every function returns the sympy results computed here, the
checks that close the derivation, and ``Formula`` objects with exact checks.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .formula import Formula, colvec, eq, evaluate, q
from .optimality import Xs, l1, l2, matrix_values, n, symbolic_matrix, xj

a, g, b, z, t = sp.symbols("a g b z t", real=True)


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


def condition(solution, var):
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
    cond_pos = condition(sp.solve(sp.simplify(root_pos.subs(in_d)) > 0, g), g)
    cond_neg = condition(sp.solve(sp.simplify(root_neg.subs(in_d)) < 0, g), g)
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
