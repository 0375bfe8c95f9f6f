"""The dual of the (augmented) Lasso and the duality gap of a built dual point.

Elastic Net as a Lasso: with X~ = [X; sqrt(2 l2) I] and y~ = [y; 0],
P(w) = 1/2 ||y~ - X~ w||^2 + l1 ||w||_1 equals F(w).  Its dual is
D(theta) = 1/2 ||y~||^2 - 1/2 ||y~ - theta||^2 subject to ||X~^T theta||_inf <= l1,
which is justified by the weak-duality identity verified below:
P(w) - D(theta) = 1/2 ||r~ - theta||^2 + (l1 ||w||_1 - w^T X~^T theta),
both terms >= 0 for feasible theta, and zero at theta = r~(w*) (KKT).  What a gap
certifies is derived in ``spec.gap_distance``, the gate's tolerances in
``spec.gate_tolerance``.

Identities are verified by sympy on matrices of independent symbols
(n = 2 rows, p = 2 columns), which is what the dimension-free algebra
reduces to; absolute values |w_j| are kept as free symbols.  Every rendered
formula carries a check (``spec.formula``) evaluated exactly on cases; the
inequalities are checked for equality where they are attained (``sharp``).
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .formula import Formula, colvec, eq, evaluate, le, q
from .optimality import Xs, matrix_values, symbolic_matrix, ws, ys

N, P = 2, 2
l1 = sp.Symbol("lambda_1", positive=True)
l2 = sp.Symbol("lambda_2", positive=True)
s = sp.Symbol("s", real=True)  # the dual scale (DUAL-GAP); the slack is eta_j
n, p = sp.symbols("n p", integer=True, positive=True)
jx = sp.Symbol("j", integer=True, positive=True)
Wi, Ci = sp.IndexedBase("w"), sp.IndexedBase("c")
#: named quantities a formula's check binds to exact values
RR, WW, CINF = sp.symbols(r"\|r\|^{2} \|w\|^{2} \|c\|_{\infty}", nonnegative=True)
yt = sp.MatrixSymbol(r"\tilde{y}", n + p, 1)
theta = sp.MatrixSymbol(r"\theta", n + p, 1)
rs = sp.MatrixSymbol("r", n, 1)


def symbolic_setup():
    """Symbolic X, y, w, |w| and the augmented X~, y~."""
    Xm, ym, wm = symbolic_matrix("X", N, P), symbolic_matrix("y", N, 1), symbolic_matrix("w", P, 1)
    absw = sp.Matrix([sp.Symbol(f"a_{r + 1}", nonnegative=True) for r in range(P)])  # |w_r|
    Xt = Xm.col_join(sp.sqrt(2 * l2) * sp.eye(P))
    ytm = ym.col_join(sp.zeros(P, 1))
    return Xm, ym, wm, absw, Xt, ytm


def squared_norm(v):
    return v.dot(v)


# --- exact quantities of a case, from the definitions ---------------------------------------


def correlations(cs, w=None):
    """c(w) = -gradient of the smooth part, by exact central differences."""
    w = cs.w if w is None else w
    return tuple(-probes.smooth_gradient(cs, kk, w) for kk in range(cs.p))


def dual_scale(cs, w=None) -> Fraction:
    """The largest s in [0, 1] with ||s c||_inf <= l1 (s = 1 when c = 0)."""
    cmax = max(abs(v) for v in correlations(cs, w))
    return Fraction(1) if cmax <= cs.l1 else cs.l1 / cmax


def dual_value(cs, kappa, w) -> Fraction:
    """D(kappa r~(w)) = 1/2||y||^2 - 1/2(||y - kappa r||^2 + kappa^2 2 l2 ||w||^2), exactly."""
    r = E.residual(cs.X, cs.y, w)
    diff = sum((yi - kappa * ri) ** 2 for yi, ri in zip(cs.y, r, strict=True))
    return E.dot(cs.y, cs.y) / 2 - (diff + kappa * kappa * 2 * cs.l2 * E.dot(w, w)) / 2


def direct_gap(cs, w=None) -> Fraction:
    """P(w) - D(theta~) from the definitions."""
    w = cs.w if w is None else w
    return E.objective(cs.X, cs.y, w, cs.l1, cs.l2) - dual_value(cs, dual_scale(cs, w), w)


def augmented_residual(cs, w):
    """r~ = y~ - X~ w with X~ = [X; sqrt(2 l2) I] built explicitly (sympy, exact roots)."""
    Xt = sp.Matrix([[q(v) for v in row] for row in cs.X]).col_join(
        sp.sqrt(2 * q(cs.l2)) * sp.eye(cs.p))
    ytm = sp.Matrix([q(v) for v in cs.y] + [0] * cs.p)
    return ytm - Xt * colvec(w)


KAPPAS = tuple(sp.Rational(v, 16) for v in (0, 8, 15, 16, 17, 18, 20, 24, 32))
DUAL_KAPPAS = tuple(sp.Rational(v, 16) for v in (0, 8, 17, 32))


# --- DUAL-GAP ------------------------------------------------------------------------------


def _c_check(rhs, cs):
    return eq(evaluate(rhs, matrix_values(cs)), colvec(correlations(cs)))


def _dual_objective_check(rhs, cs):
    """Weak duality D(theta) <= F* for feasible theta = kappa r~(w), kappa r~(w*), and strong
    duality D(r~(w*)) = F*; D is the rendered expression evaluated on explicit vectors."""
    w_star = probes.minimiser(cs)
    f_star = q(probes.optimum(cs))
    ytv = sp.Matrix([q(v) for v in cs.y] + [0] * cs.p)
    values = {n: cs.n, p: cs.p, yt: sp.ImmutableMatrix(ytv)}
    for w in (w_star, cs.w):
        c = correlations(cs, w)
        for kappa in DUAL_KAPPAS:
            if max(abs(kappa * q(v)) for v in c) > q(cs.l1):
                continue  # infeasible
            th = sp.ImmutableMatrix(kappa * augmented_residual(cs, w))
            value = evaluate(rhs, {**values, theta: th})
            if not le(value[0] if isinstance(value, sp.MatrixBase) else value, f_star):
                return False
    th = sp.ImmutableMatrix(augmented_residual(cs, w_star))
    value = evaluate(rhs, {**values, theta: th})
    return eq(value, f_star)


def _constraint_check(rhs, cs):
    """theta = kappa r~ (kappa >= 0) within the rendered constraint has D(theta) <= F*, and
    theta* = r~(w*) is within it."""
    w_star = probes.minimiser(cs)
    f_star = probes.optimum(cs)
    bound = evaluate(rhs, {l1: q(cs.l1)})
    for w in (w_star, cs.w):
        cmax = max(abs(v) for v in correlations(cs, w))
        for kappa in KAPPAS:
            if kappa * q(cmax) <= bound and q(dual_value(cs, Fraction(str(kappa)), w)) > q(f_star):
                return False
    return bool(q(max(abs(v) for v in correlations(cs, w_star))) <= bound)


def _scale_check(rhs, cs):
    """The rendered s is in [0, 1], makes s r~ feasible and is the largest such scale."""
    c = correlations(cs)
    cmax = max(abs(v) for v in c)
    if cmax == 0:
        return True  # s = 1 by convention
    value = evaluate(rhs, {l1: q(cs.l1), CINF: q(cmax)})
    feasible = value * q(cmax) <= q(cs.l1)
    return bool(0 <= value <= 1 and feasible and (value == 1 or value * q(cmax) == q(cs.l1)))


def _theta_check(rhs, cs):
    """The rendered theta~ (s the dual scale) equals s (y~ - X~ w) with X~ built explicitly."""
    scale = q(dual_scale(cs))
    values = {**matrix_values(cs), rs: colvec(E.residual(cs.X, cs.y, cs.w)), s: scale,
              l2: q(cs.l2)}
    value = evaluate(rhs, values)
    return eq(value, scale * augmented_residual(cs, cs.w))


def _gap_check(rhs, cs):
    """The rendered G equals P(w) - D(theta~) from the definitions; G >= 0; G = 0 iff optimal."""
    r = E.residual(cs.X, cs.y, cs.w)
    c = correlations(cs)
    values = {RR: q(E.dot(r, r)), WW: q(E.dot(cs.w, cs.w)), s: q(dual_scale(cs)), p: cs.p,
              l1: q(cs.l1), l2: q(cs.l2), Wi: lambda jj: q(cs.w[jj - 1]),
              Ci: lambda jj: q(c[jj - 1])}
    value = evaluate(rhs, values)
    truth = q(direct_gap(cs))
    return value == truth and truth >= 0 and (truth == 0) == probes.is_minimiser(cs, cs.w)


@cache
def dual_gap():
    """DUAL-GAP: the weak-duality identity and the gap at theta~ = s (r, -sqrt(2 l2) w)."""
    Xm, ym, wm, absw, Xt, ytm = symbolic_setup()
    r = ym - Xm * wm
    rt = ytm - Xt * wm
    c = Xm.T * r - 2 * l2 * wm
    l1norm = sum(absw)
    primal = squared_norm(rt) / 2 + l1 * l1norm
    augmented = sp.expand(primal - (squared_norm(r) / 2 + l1 * l1norm + l2 * squared_norm(wm))) == 0
    th = symbolic_matrix("theta", N + P, 1)
    dual = lambda v: squared_norm(ytm) / 2 - squared_norm(ytm - v) / 2  # noqa: E731
    weak = (
        sp.expand(
            primal - dual(th)
            - (squared_norm(rt - th) / 2 + l1 * l1norm - (wm.T * Xt.T * th)[0])
        )
        == 0
    )
    theta_s = s * rt
    gap = sp.expand(primal - dual(theta_s))
    formula = (1 - s) ** 2 * (squared_norm(r) + 2 * l2 * squared_norm(wm)) / 2 + sum(
        l1 * absw[r_] - s * wm[r_] * c[r_] for r_ in range(P)
    )
    checks = {
        "P(w) = F(w) with the augmented data": augmented,
        "weak-duality identity": weak,
        "X~^T theta~ = s c": sp.expand(Xt.T * theta_s - s * c) == sp.zeros(P, 1),
        "gap(theta~) equals the closed form": sp.expand(gap - formula) == 0,
    }
    return {"formulas": _gap_formulas(), "checks": checks}


def _gap_formulas():
    """The general (dimension-free) formulas, rendered from sympy expressions."""
    l2n = sp.Symbol("lambda_2", nonnegative=True)
    from .optimality import l2 as l2_opt

    c_expr = Xs.T * (ys - Xs * ws) - 2 * l2_opt * ws
    dual_expr = (yt.T * yt) / 2 - ((yt - theta).T * (yt - theta)) / 2
    theta_expr = s * sp.BlockMatrix([[rs], [-sp.sqrt(2 * l2) * ws]])
    gap = (1 - s) ** 2 * (RR + 2 * l2 * WW) / 2 + sp.Sum(
        l1 * sp.Abs(Wi[jx]) - s * Wi[jx] * Ci[jx], (jx, 1, p))
    cases = probes.CASES
    del l2n
    return (
        Formula("c", c_expr, check=_c_check, cases=cases),
        Formula(r"D(\theta)", dual_expr, check=_dual_objective_check, cases=cases),
        Formula(r"\|\tilde X^{T}\theta\|_\infty", l1, r"\le", check=_constraint_check,
                cases=cases),
        Formula("s", sp.Min(1, l1 / CINF), check=_scale_check, cases=cases),
        Formula(r"\tilde\theta", theta_expr, check=_theta_check, cases=cases),
        Formula(r"G = P(w) - D(\tilde\theta)", gap, check=_gap_check, cases=cases),
    )

