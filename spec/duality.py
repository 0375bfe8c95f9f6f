"""The dual of the (augmented) Lasso, the duality gap of a built dual point, and its bounds.

Elastic Net as a Lasso: with X~ = [X; sqrt(2 l2) I] and y~ = [y; 0],
P(w) = 1/2 ||y~ - X~ w||^2 + l1 ||w||_1 equals F(w).  Its dual is
D(theta) = 1/2 ||y~||^2 - 1/2 ||y~ - theta||^2 subject to ||X~^T theta||_inf <= l1,
which is justified by the weak-duality identity verified below:
P(w) - D(theta) = 1/2 ||r~ - theta||^2 + (l1 ||w||_1 - w^T X~^T theta),
both terms >= 0 for feasible theta, and zero at theta = r~(w*) (KKT).

Identities are verified by sympy on matrices of independent symbols
(n = 2 rows, p = 2 columns), which is what the dimension-free algebra
reduces to; absolute values |w_j| are kept as free symbols.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from .formula import Formula
from .optimality import symbolic_matrix

N, P = 2, 2
l1 = sp.Symbol("lambda_1", positive=True)
l2 = sp.Symbol("lambda_2", positive=True)
s = sp.Symbol("s", real=True)


def _setup():
    """Symbolic X, y, w, |w| and the augmented X~, y~."""
    Xm, ym, wm = symbolic_matrix("X", N, P), symbolic_matrix("y", N, 1), symbolic_matrix("w", P, 1)
    absw = sp.Matrix([sp.Symbol(f"a_{q + 1}", nonnegative=True) for q in range(P)])  # |w_q|
    Xt = Xm.col_join(sp.sqrt(2 * l2) * sp.eye(P))
    yt = ym.col_join(sp.zeros(P, 1))
    return Xm, ym, wm, absw, Xt, yt


def _sq(v):
    return v.dot(v)


@cache
def dual_gap():
    """DUAL-GAP: the weak-duality identity and the gap at theta~ = s (r, -sqrt(2 l2) w)."""
    Xm, ym, wm, absw, Xt, yt = _setup()
    r = ym - Xm * wm
    rt = yt - Xt * wm
    c = Xm.T * r - 2 * l2 * wm
    l1norm = sum(absw)
    primal = _sq(rt) / 2 + l1 * l1norm
    augmented = sp.expand(primal - (_sq(r) / 2 + l1 * l1norm + l2 * _sq(wm))) == 0
    theta = symbolic_matrix("theta", N + P, 1)
    dual = lambda th: _sq(yt) / 2 - _sq(yt - th) / 2  # noqa: E731
    weak = (
        sp.expand(
            primal - dual(theta) - (_sq(rt - theta) / 2 + l1 * l1norm - (wm.T * Xt.T * theta)[0])
        )
        == 0
    )
    theta_s = s * rt
    gap = sp.expand(primal - dual(theta_s))
    formula = (1 - s) ** 2 * (_sq(r) + 2 * l2 * _sq(wm)) / 2 + sum(
        l1 * absw[q] - s * wm[q] * c[q] for q in range(P)
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
    rr, ww, cinf = sp.symbols(r"\|r\|^{2} \|w\|^{2} \|c\|_{\infty}", nonnegative=True)
    wj, cj = sp.symbols("w_j c_j", real=True)
    j, p = sp.symbols("j p", integer=True, positive=True)
    gap = (1 - s) ** 2 * (rr + 2 * l2 * ww) / 2 + sp.Sum(l1 * sp.Abs(wj) - s * wj * cj, (j, 1, p))
    return (
        Formula("c", r"X^{T} r - 2 \lambda_{2} w"),
        Formula(
            r"D(\theta)", sp.Symbol(r"\tfrac12\|\tilde y\|^{2} - \tfrac12\|\tilde y - \theta\|^{2}")
        ),
        Formula(r"\|\tilde X^{T}\theta\|_\infty", l1, r"\le"),
        Formula("s", sp.Min(1, l1 / cinf)),
        Formula(r"\tilde\theta", sp.Symbol(r"s\,(r, -\sqrt{2\lambda_2}\,w)")),
        Formula(r"G = P(w) - D(\tilde\theta)", gap),
    )


@cache
def distance_bound():
    """GAP-DISTANCE-BOUND: P(w) - P* >= 1/2 ||X~ (w - w*)||^2, so
    |c_j(w) - c_j(w*)| <= sqrt(2 G (||x_j||^2 + 2 l2)); for l2 > 0 also
    P(w) - P* <= ||rho||^2 / (4 l2) and ||w - w*||^2 <= G / l2."""
    Xm, ym, wm, _, Xt, yt = _setup()
    ws = symbolic_matrix("v", P, 1)  # plays w*
    quad = lambda v: _sq(yt - Xt * v) / 2  # noqa: E731
    identity = (
        sp.expand(
            quad(wm)
            - quad(ws)
            - (_sq(Xt * (wm - ws)) / 2 - ((wm - ws).T * Xt.T * (yt - Xt * ws))[0])
        )
        == 0
    )
    c_of = lambda v: Xm.T * (ym - Xm * v) - 2 * l2 * v  # noqa: E731
    c_diff = sp.expand(c_of(wm) - c_of(ws) - Xt.T * Xt * (ws - wm)) == sp.zeros(P, 1)
    column_norm = sp.expand(_sq(Xt[:, 0]) - (_sq(Xm[:, 0]) + 2 * l2)) == 0
    d, gq = sp.Symbol("d", real=True), sp.Symbol("g", real=True)
    lower = gq * d + l2 * d**2  # strong convexity, modulus mu = 2 l2
    dmin = sp.solve(sp.diff(lower, d), d)[0]
    strong = sp.simplify(lower.subs(d, dmin) + gq**2 / (4 * l2)) == 0
    G, a2 = sp.symbols(r"G \|x_j\|^{2}", nonnegative=True)
    rho2 = sp.Symbol(r"\|\rho\|^{2}", nonnegative=True)
    formulas = (
        Formula(r"P(w) - P^{*}", sp.Symbol(r"\tfrac12\|\tilde X (w - w^{*})\|^{2}"), r"\ge"),
        Formula(r"|c_j(w) - c_j(w^{*})|", sp.sqrt(2 * G * (a2 + 2 * l2)), r"\le"),
        Formula(r"P(w) - P^{*}\;(\lambda_2 > 0)", rho2 / (4 * l2), r"\le"),
        Formula(r"\|w - w^{*}\|^{2}\;(\lambda_2 > 0)", G / l2, r"\le"),
    )
    checks = {
        "quadratic expansion around w*": identity,
        "c(w) - c(w*) = X~^T X~ (w* - w)": c_diff,
        "||x~_j||^2 = ||x_j||^2 + 2 l2": column_norm,
        "min_d g d + l2 d^2 = -g^2 / (4 l2)": strong,
    }
    return {"formulas": formulas, "checks": checks}


@cache
def conformance_tolerance():
    """CONFORMANCE-TOLERANCE: the excess identity around a minimiser and what G implies.

    With c* = c(w*) and KKT (c*_j w*_j = l1 |w*_j|):
        F(w) - F* = 1/2 ||X~ (w - w*)||^2 + sum_j (l1 |w_j| - c*_j w_j),
    every term >= 0, and l1 |w_j| - c*_j w_j >= s_j |w_j| with s_j = l1 - |c*_j|.
    """
    _, _, wm, absw, Xt, yt = _setup()
    ws = symbolic_matrix("v", P, 1)  # plays w*
    abs_ws = sp.Matrix([sp.Symbol(f"b_{q + 1}", nonnegative=True) for q in range(P)])  # |w*_q|
    c_star = Xt.T * (yt - Xt * ws)
    F = lambda v, a: _sq(yt - Xt * v) / 2 + l1 * sum(a)  # noqa: E731
    excess = F(wm, absw) - F(ws, abs_ws)
    claimed = _sq(Xt * (wm - ws)) / 2 + sum(l1 * absw[q] - c_star[q] * wm[q] for q in range(P))
    # KKT at w*: c*_q w*_q = l1 |w*_q|, so |w*_q| = c*_q w*_q / l1.
    kkt = {abs_ws[q]: c_star[q] * ws[q] / l1 for q in range(P)}
    identity = sp.expand((excess - claimed).subs(kkt)) == 0
    # l1 |w| - c w >= (l1 - |c|) |w|  <=>  |c| |w| >= c w, on each sign of w and c.
    x, cc = sp.symbols("x c", real=True)
    slack_ok = all(
        sp.simplify(sp.Abs(cc) * sp.Abs(x) - cc * x).subs({x: sx, cc: sc}) >= 0
        for sx in (-2, 0, 3)
        for sc in (-5, 0, 7)
    )
    G, rtol, a2 = sp.symbols(r"G \mathrm{gap\_rtol} \|x_j\|^{2}", nonnegative=True)
    yy, amax, sj = sp.symbols(r"\|y\|^{2} \max_j(\|x_j\|^{2}+2\lambda_2) s_j", positive=True)
    formulas = (
        Formula(
            r"F(w) - F^{*}",
            sp.Symbol(r"\tfrac12\|\tilde X (w - w^{*})\|^{2}")
            + sp.Symbol(r"\sum_j (\lambda_1 |w_j| - c^{*}_j w_j)"),
        ),
        Formula("G", rtol * (yy / 2 + l1**2 / (2 * amax))),
        Formula(r"\|X(w - w^{*})\|^{2}", 2 * G, r"\le"),
        Formula(
            r"\rho_j(w) \text{ (against the exact support)}", sp.sqrt(2 * G * (a2 + 2 * l2)), r"\le"
        ),
        Formula(r"|w_j| \;(w^{*}_j = 0,\ s_j = \lambda_1 - |c^{*}_j| > 0)", G / sj, r"\le"),
    )
    checks = {
        "excess identity, using KKT c*_j w*_j = l1 |w*_j|": identity,
        "l1 |w_j| - c*_j w_j >= s_j |w_j|": slack_ok,
    }
    return {"formulas": formulas, "checks": checks}
