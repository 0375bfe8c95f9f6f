"""Derivations, with sympy, of the objective, its subdifferential and the optimality conditions.

Every function returns sympy results computed here (never typed-in answers)
together with the checks that the derivation closes: a check is a boolean
that sympy decided exactly (``simplify(a - b) == 0``, set equality, ...).
Index-form expressions use ``IndexedBase`` with symbolic n and p; identities
that sympy cannot handle in index form are verified on matrices of
independent symbols of a fixed shape (stated where used).
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from .formula import Formula

i, j, k = sp.symbols("i j k", integer=True, positive=True)
n, p = sp.symbols("n p", integer=True, positive=True)
X, Y, W = sp.IndexedBase("X"), sp.IndexedBase("y"), sp.IndexedBase("w")
l1, l2 = sp.symbols("lambda_1 lambda_2", nonnegative=True)
a, g, b, z, t = sp.symbols("a g b z t", real=True)


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


def _drop_range_guard(expr):
    """sympy returns Piecewise((value, k <= p), (0, True)) for d/dw_k; we take k <= p."""
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[0][0])


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
        Formula("F(w)", objective_expr()),
        Formula(r"\frac{\partial}{\partial w_k}\left(F - \lambda_1\|w\|_1\right)", grad),
    )
    return {"formulas": formulas, "checks": {"gradient is -x_k^T r + 2 l2 w_k": bool(check)}}


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
    formulas = (
        Formula(r"\partial|b|\;(b>0)", sp.FiniteSet(positive)),
        Formula(r"\partial|b|\;(b<0)", sp.FiniteSet(negative)),
        Formula(r"\partial|b|\;(b=0)", at_zero),
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


@cache
def kkt():
    """KKT-ZERO and KKT-NONZERO: 0 in -x_j^T r + 2 l2 w_j + l1 d|w_j|, per coordinate."""
    xr = _c_symbol()
    wp = sp.Symbol("w_j", positive=True)
    wn = sp.Symbol("w_j", negative=True)
    s = sp.Symbol("s", real=True)
    pos = sp.solve(sp.Eq(-xr + 2 * l2 * wp + l1, 0), xr)[0]
    neg = sp.solve(sp.Eq(-xr + 2 * l2 * wn - l1, 0), xr)[0]
    wj = sp.Symbol("w_j", real=True)
    nonzero = l1 * sp.sign(wj) + 2 * l2 * wj
    lp = sp.Symbol("lambda_1", positive=True)
    # at w_j = 0: x_j^T r must lie in l1 * [-1, 1]
    image = lp * s  # increasing in s, so it maps [-1, 1] onto [image(-1), image(1)]
    zero_set = sp.Interval(image.subs(s, -1), image.subs(s, 1))
    increasing = sp.diff(image, s).is_positive
    abs_set = sp.solveset(sp.Abs(xr) <= lp, xr, sp.S.Reals)
    checks = {
        "w_j > 0: x_j^T r = l1 + 2 l2 w_j": sp.simplify(pos - nonzero.subs(wj, wp)) == 0,
        "w_j < 0: x_j^T r = -l1 + 2 l2 w_j": sp.simplify(neg - nonzero.subs(wj, wn)) == 0,
        "w_j = 0: x_j^T r in l1 [-1, 1] iff |x_j^T r| <= l1": bool(increasing)
        and zero_set == abs_set,
    }
    return {
        "zero": (
            Formula(r"w_j = 0 \implies x_j^{T} r \in", zero_set.subs(lp, l1), ""),
            Formula(r"\iff", sp.Le(sp.Abs(xr), l1), ""),
        ),
        "nonzero": (Formula(r"w_j \neq 0 \implies x_j^{T} r", nonzero),),
        "checks": checks,
    }


def symbolic_matrix(name: str, rows: int, cols: int) -> sp.Matrix:
    """A rows x cols matrix of independent real symbols name_ij."""
    return sp.Matrix(rows, cols, lambda r, c: sp.Symbol(f"{name}_{r + 1}{c + 1}", real=True))


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
    closed_ok = all(sp.simplify(solved[wm[q]] - closed[q]) == 0 for q in range(2))
    push = sp.simplify(A.inv() * Xm.T - Xm.T * (Xm * Xm.T + 2 * lp * sp.eye(3)).inv())
    Xs, ys = sp.MatrixSymbol("X", n, p), sp.MatrixSymbol("y", n, 1)
    ws, xj = sp.MatrixSymbol("w", p, 1), sp.MatrixSymbol("x_j", n, 1)
    general = (Xs.T * Xs + 2 * l2 * sp.Identity(p)).I * Xs.T * ys
    formulas = (
        Formula(r"X^{T} (y - X w)", 2 * l2 * ws),
        Formula("w^{*}", general),
        Formula("w^{*}_j", xj.T * (Xs * Xs.T + 2 * l2 * sp.Identity(n)).I * ys),
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


@cache
def cd_update():
    """CD-UPDATE: argmin_b h(b) by the cases b > 0, b < 0, b = 0, for a + 2 l2 > 0.

    Each smooth branch is solved from h'(b) = 0; a branch is admissible when its
    root has the branch's sign.  b = 0 is optimal iff 0 in -g + l1 [-1, 1].
    """
    bp, bn = sp.Symbol("b", positive=True), sp.Symbol("b", negative=True)
    root_pos = sp.solve(sp.diff(_h(bp), bp), bp, dict=False, check=False)[0]
    root_neg = sp.solve(sp.diff(_h(bn), bn), bn, dict=False, check=False)[0]
    update = sp.Piecewise((root_pos, g > l1), (root_neg, g < -l1), (0, True))
    notes = soft_threshold_expr(g, l1) / (a + 2 * l2)
    return {
        "update": update,
        "notes": notes,
        "formulas": (
            Formula(r"\operatorname{argmin}_b\, h(b)", update),
            Formula("", notes),
        ),
        "checks": _cd_checks(update, notes),
    }


def _cd_checks(update, notes):
    """The case formula equals S(g, l1)/(a + 2 l2) on each region; h reduces from F."""
    d = sp.Symbol("d", positive=True)  # distance beyond the threshold
    den_pos = {a: sp.Symbol("a", positive=True)}
    above = sp.simplify((update - notes).subs(g, l1 + d).subs(den_pos))
    below = sp.simplify((update - notes).subs(g, -l1 - d).subs(den_pos))
    # inside the dead zone g = l1 * u with |u| <= 1: update is 0, and so is S
    inside = [
        (update - notes).subs({g: l1 * sp.Rational(q, 4), l1: sp.Rational(m, 3)})
        for q in range(-4, 5)
        for m in range(0, 4)
    ]
    return {
        "g > l1: equals S(g, l1)/(a + 2 l2)": above == 0,
        "g < -l1: equals S(g, l1)/(a + 2 l2)": below == 0,
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


@cache
def soft_threshold():
    """SOFT-THRESHOLD: S(z, t) = argmin_b 1/2 (b - z)^2 + t|b| = CD-UPDATE at a = 1, l2 = 0.

    The notes' b = S(rho, l1) equals the coordinate minimiser S(rho, l1)/a
    (l2 = 0) off the dead zone iff a = x_j^T x_j = 1.
    """
    upd = cd_update()
    special = upd["update"].subs({a: 1, l2: 0, g: z, l1: t})
    tp = sp.Symbol("t", positive=True)
    d = sp.Symbol("d", positive=True)
    st = soft_threshold_expr(z, t)
    agree = [sp.simplify((special - st).subs({t: tp}).subs(z, v)) for v in (tp + d, -tp - d)]
    a_solutions = sp.solve(sp.Eq(soft_threshold_expr(g, l1) / a, soft_threshold_expr(g, l1)), a)
    return {
        "formulas": (
            Formula(r"S(z, t)", st),
            Formula(r"\operatorname{argmin}_b \tfrac12 (b-z)^2 + t|b|", special),
        ),
        "unit_norm_solutions": a_solutions,
        "checks": {
            "S equals the a = 1, l2 = 0 case of CD-UPDATE": all(e == 0 for e in agree),
            "notes' S(rho, l1) = S(rho, l1)/a only for a = 1 (off the dead zone)": a_solutions
            == [1],
        },
    }


@cache
def lambda_max():
    """LAMBDA-MAX: at w = 0, c_j = x_j^T y - 2 l2 w_j = x_j^T y, so l2 drops out."""
    c = sp.Sum(X[i, k] * residual_i(), (i, 1, n)) - 2 * l2 * W[k]
    at_zero = c.subs({W[j]: 0, W[k]: 0}).doit()
    at_zero = sp.Sum(X[i, k] * Y[i], (i, 1, n)) if at_zero.has(W) else at_zero
    return {
        "formulas": (
            Formula(r"c_k(0)", sp.simplify(at_zero)),
            Formula(
                r"\lambda_{\max}",
                r"\max_{1 \le k \le p} \left|" + sp.latex(sp.simplify(at_zero)) + r"\right|",
            ),
        ),
        "checks": {"l2 does not appear in c(0)": l2 not in sp.simplify(at_zero).free_symbols},
    }
