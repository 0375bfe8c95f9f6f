"""The dual of the (augmented) Lasso, the duality gap of a built dual point, and its bounds.

Elastic Net as a Lasso: with X~ = [X; sqrt(2 l2) I] and y~ = [y; 0],
P(w) = 1/2 ||y~ - X~ w||^2 + l1 ||w||_1 equals F(w).  Its dual is
D(theta) = 1/2 ||y~||^2 - 1/2 ||y~ - theta||^2 subject to ||X~^T theta||_inf <= l1,
which is justified by the weak-duality identity verified below:
P(w) - D(theta) = 1/2 ||r~ - theta||^2 + (l1 ||w||_1 - w^T X~^T theta),
both terms >= 0 for feasible theta, and zero at theta = r~(w*) (KKT).

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
Wi, Ci, Cstar = sp.IndexedBase("w"), sp.IndexedBase("c"), sp.IndexedBase("c^{*}")
#: named quantities a formula's check binds to exact values
RR, WW, CINF = sp.symbols(r"\|r\|^{2} \|w\|^{2} \|c\|_{\infty}", nonnegative=True)
G, A2 = sp.symbols(r"G \|x_j\|^{2}", nonnegative=True)
RHO2, Q = sp.symbols(r"\|\rho\|^{2} \|\tilde{X}(w-w^{*})\|^{2}", nonnegative=True)
RTOL, YY, AMAX = sp.symbols(r"\mathrm{gap\_rtol} \|y\|^{2} \max_j(\|x_j\|^{2}+2\lambda_2)",
                            positive=True)
ETA = sp.Symbol(r"\eta_j", positive=True)
HII = sp.Symbol(r"(H^{-1})_{ii}", positive=True)
XT, ETAS = sp.IndexedBase(r"\|\tilde{x}\|"), sp.IndexedBase(r"\eta")
m = sp.Symbol("m", integer=True, nonnegative=True)  # |complement of E|
yt = sp.MatrixSymbol(r"\tilde{y}", n + p, 1)
theta = sp.MatrixSymbol(r"\theta", n + p, 1)
rs = sp.MatrixSymbol("r", n, 1)


def _setup():
    """Symbolic X, y, w, |w| and the augmented X~, y~."""
    Xm, ym, wm = symbolic_matrix("X", N, P), symbolic_matrix("y", N, 1), symbolic_matrix("w", P, 1)
    absw = sp.Matrix([sp.Symbol(f"a_{r + 1}", nonnegative=True) for r in range(P)])  # |w_r|
    Xt = Xm.col_join(sp.sqrt(2 * l2) * sp.eye(P))
    ytm = ym.col_join(sp.zeros(P, 1))
    return Xm, ym, wm, absw, Xt, ytm


def _sq(v):
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


def objective_scale(cs) -> Fraction:
    """S = 1/2 ||y||^2 + 1/2 l1^2 / max_j(||x_j||^2 + 2 l2) (0 for the second term if the max
    is 0): the gate's scale (conformance.verdict.objective_scale; a test compares them)."""
    amax = max(E.dot(E.column(cs.X, jj), E.column(cs.X, jj)) + 2 * cs.l2 for jj in range(cs.p))
    return E.dot(cs.y, cs.y) / 2 + (cs.l1 ** 2 / amax / 2 if amax else 0)


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
    Xm, ym, wm, absw, Xt, ytm = _setup()
    r = ym - Xm * wm
    rt = ytm - Xt * wm
    c = Xm.T * r - 2 * l2 * wm
    l1norm = sum(absw)
    primal = _sq(rt) / 2 + l1 * l1norm
    augmented = sp.expand(primal - (_sq(r) / 2 + l1 * l1norm + l2 * _sq(wm))) == 0
    th = symbolic_matrix("theta", N + P, 1)
    dual = lambda v: _sq(ytm) / 2 - _sq(ytm - v) / 2  # noqa: E731
    weak = (
        sp.expand(primal - dual(th) - (_sq(rt - th) / 2 + l1 * l1norm - (wm.T * Xt.T * th)[0]))
        == 0
    )
    theta_s = s * rt
    gap = sp.expand(primal - dual(theta_s))
    formula = (1 - s) ** 2 * (_sq(r) + 2 * l2 * _sq(wm)) / 2 + sum(
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


# --- GAP-DISTANCE-BOUND ---------------------------------------------------------------------


def fit_distance(cs, w=None) -> Fraction:
    """||X~ (w - w*)||^2 = ||X (w - w*)||^2 + 2 l2 ||w - w*||^2."""
    w = cs.w if w is None else w
    d = [u - v for u, v in zip(w, probes.minimiser(cs), strict=True)]
    Xd = E.matvec(cs.X, d)
    return E.dot(Xd, Xd) + 2 * cs.l2 * E.dot(d, d)


def kkt_residual(cs, w, support=None):
    """rho_j: max(0, |c_j| - l1) where the sign pattern says 0, |c_j - l1 sign| elsewhere.

    The pattern is w's own (GAP-DISTANCE-BOUND) or the exact minimiser's (support=w*)."""
    c = correlations(cs, w)
    signs = w if support is None else support
    return tuple(
        max(Fraction(0), abs(cj) - cs.l1) if sj == 0 else abs(cj - cs.l1 * E.sign(sj))
        for cj, sj in zip(c, signs, strict=True)
    )


def _bound(le_side, rhs_value, attained):
    """lhs <= rhs, and lhs == rhs where the bound is attained."""
    return le(le_side, rhs_value) and (not attained or eq(le_side, rhs_value))


def _fit_lower_check(rhs, cs):
    """P(w) - P* >= rendered value; equality when l1 = 0 (F is then quadratic around w*)."""
    value = evaluate(rhs, {Q: q(fit_distance(cs))})
    ex = q(probes.excess(cs))
    return le(value, ex) and (cs.l1 != 0 or eq(value, ex))


def _correlation_check(rhs, cs):
    """|c_j(w) - c_j(w*)| <= rendered value at G = F(w) - F*; attained when p = 1, l1 = 0."""
    c, c_star = correlations(cs), correlations(cs, probes.minimiser(cs))
    for jj in range(cs.p):
        col = E.column(cs.X, jj)
        value = evaluate(rhs, {G: q(probes.excess(cs)), A2: q(E.dot(col, col)), l2: q(cs.l2)})
        if not _bound(q(abs(c[jj] - c_star[jj])), value, cs.p == 1 and cs.l1 == 0):
            return False
    return True


def _strong_convexity_check(rhs, cs):
    """F(w) - F* <= rendered value (l2 > 0); attained when X = 0 and l1 = 0."""
    if cs.l2 == 0:
        return True
    rho = kkt_residual(cs, cs.w)
    value = evaluate(rhs, {RHO2: q(sum(v * v for v in rho)), l2: q(cs.l2)})
    attained = cs.l1 == 0 and not any(v for row in cs.X for v in row)
    return _bound(q(probes.excess(cs)), value, attained)


def _distance_check(rhs, cs):
    """||w - w*||^2 <= rendered value at G = F(w) - F* (l2 > 0); attained when X = 0, l1 = 0."""
    if cs.l2 == 0:
        return True
    d = [u - v for u, v in zip(cs.w, probes.minimiser(cs), strict=True)]
    value = evaluate(rhs, {G: q(probes.excess(cs)), l2: q(cs.l2)})
    attained = cs.l1 == 0 and not any(v for row in cs.X for v in row)
    return _bound(q(E.dot(d, d)), value, attained)


@cache
def distance_bound():
    """GAP-DISTANCE-BOUND: P(w) - P* >= 1/2 ||X~ (w - w*)||^2, so
    |c_j(w) - c_j(w*)| <= sqrt(2 G (||x_j||^2 + 2 l2)); for l2 > 0 also
    P(w) - P* <= ||rho||^2 / (4 l2) and ||w - w*||^2 <= G / l2."""
    Xm, ym, wm, _, Xt, ytm = _setup()
    wst = symbolic_matrix("v", P, 1)  # plays w*
    quad = lambda v: _sq(ytm - Xt * v) / 2  # noqa: E731
    identity = (
        sp.expand(
            quad(wm)
            - quad(wst)
            - (_sq(Xt * (wm - wst)) / 2 - ((wm - wst).T * Xt.T * (ytm - Xt * wst))[0])
        )
        == 0
    )
    c_of = lambda v: Xm.T * (ym - Xm * v) - 2 * l2 * v  # noqa: E731
    c_diff = sp.expand(c_of(wm) - c_of(wst) - Xt.T * Xt * (wst - wm)) == sp.zeros(P, 1)
    column_norm = sp.expand(_sq(Xt[:, 0]) - (_sq(Xm[:, 0]) + 2 * l2)) == 0
    d, gq = sp.Symbol("d", real=True), sp.Symbol("g", real=True)
    lower = gq * d + l2 * d**2  # strong convexity, modulus mu = 2 l2
    dmin = sp.solve(sp.diff(lower, d), d)[0]
    strong = sp.simplify(lower.subs(d, dmin) + gq**2 / (4 * l2)) == 0
    cases = probes.CASES
    formulas = (
        Formula(r"P(w) - P^{*}", Q / 2, r"\ge", check=_fit_lower_check, cases=cases,
                sharp="equality when λ₁ = 0"),
        Formula(r"|c_j(w) - c_j(w^{*})|", sp.sqrt(2 * G * (A2 + 2 * l2)), r"\le",
                check=_correlation_check, cases=cases,
                sharp="equality when p = 1, λ₁ = 0 and G = F(w) − F*"),
        Formula(r"P(w) - P^{*}\;(\lambda_2 > 0)", RHO2 / (4 * l2), r"\le",
                check=_strong_convexity_check, cases=cases, sharp="equality when X = 0, λ₁ = 0"),
        Formula(r"\|w - w^{*}\|^{2}\;(\lambda_2 > 0)", G / l2, r"\le", check=_distance_check,
                cases=cases, sharp="equality when X = 0, λ₁ = 0 and G = F(w) − F*"),
    )
    checks = {
        "quadratic expansion around w*": identity,
        "c(w) - c(w*) = X~^T X~ (w* - w)": c_diff,
        "||x~_j||^2 = ||x_j||^2 + 2 l2": column_norm,
        "min_d g d + l2 d^2 = -g^2 / (4 l2)": strong,
    }
    return {"formulas": formulas, "checks": checks}


# --- CONFORMANCE-TOLERANCE ------------------------------------------------------------------


def _excess_identity_check(rhs, cs):
    c_star = correlations(cs, probes.minimiser(cs))
    values = {Q: q(fit_distance(cs)), l1: q(cs.l1), p: cs.p, Wi: lambda jj: q(cs.w[jj - 1]),
              Cstar: lambda jj: q(c_star[jj - 1])}
    return evaluate(rhs, values) == q(probes.excess(cs))


def _scale_definition_check(rhs, cs):
    cols = [E.dot(E.column(cs.X, jj), E.column(cs.X, jj)) + 2 * cs.l2 for jj in range(cs.p)]
    if max(cols) == 0:
        return True  # the second term is 0 by definition
    rtol = sp.Rational(1, 10**9)
    values = {RTOL: rtol, YY: q(E.dot(cs.y, cs.y)), AMAX: q(max(cols)), l1: q(cs.l1)}
    return evaluate(rhs, values) == rtol * q(objective_scale(cs))


def _fit_check(rhs, cs):
    """||X(w - w*)||^2 <= rendered value at G = F(w) - F*; attained when l1 = l2 = 0."""
    d = [u - v for u, v in zip(cs.w, probes.minimiser(cs), strict=True)]
    Xd = E.matvec(cs.X, d)
    value = evaluate(rhs, {G: q(probes.excess(cs))})
    return _bound(q(E.dot(Xd, Xd)), value, cs.l1 == 0 and cs.l2 == 0)


def _support_residual_check(rhs, cs):
    """rho_j against the exact support <= rendered value at G = F(w) - F*; attained when
    p = 1 and l1 = 0."""
    rho = kkt_residual(cs, cs.w, support=probes.minimiser(cs))
    for jj in range(cs.p):
        col = E.column(cs.X, jj)
        value = evaluate(rhs, {G: q(probes.excess(cs)), A2: q(E.dot(col, col)), l2: q(cs.l2)})
        if not _bound(q(rho[jj]), value, cs.p == 1 and cs.l1 == 0):
            return False
    return True


def slacks(cs):
    """eta_j = l1 - |c*_j| >= 0 at the exact minimiser."""
    return tuple(cs.l1 - abs(v) for v in correlations(cs, probes.minimiser(cs)))


def _slack_check(rhs, cs):
    """|w_j| <= rendered value where w*_j = 0 and eta_j > 0, at G = F(w) - F*; attained when
    x_j = 0, l2 = 0 and w agrees with w* off j."""
    w_star = probes.minimiser(cs)
    for jj, eta in enumerate(slacks(cs)):
        if w_star[jj] != 0 or eta <= 0:
            continue
        value = evaluate(rhs, {G: q(probes.excess(cs)), ETA: q(eta)})
        others = all(u == v for k_, (u, v) in enumerate(zip(cs.w, w_star, strict=True)) if k_ != jj)
        attained = not any(E.column(cs.X, jj)) and cs.l2 == 0 and others
        if not _bound(q(abs(cs.w[jj])), value, attained):
            return False
    return True


def _coefficient_check(rhs, cs):
    """|w_i - w*_i| <= rendered value for i in E (H = X~_E^T X~_E nonsingular), at
    G = F(w) - F*; attained when p = 1 and l1 = 0."""
    w_star = probes.minimiser(cs)
    eta = slacks(cs)
    support = [jj for jj in range(cs.p) if eta[jj] == 0]
    rest = [jj for jj in range(cs.p) if eta[jj] > 0]
    if not support:
        return True
    Xt = sp.Matrix([[q(v) for v in row] for row in cs.X]).col_join(
        sp.sqrt(2 * q(cs.l2)) * sp.eye(cs.p))
    H = Xt[:, support].T * Xt[:, support]
    if H.det() == 0:
        return True
    Hinv = H.inv()
    norms = [sp.sqrt(sum(v**2 for v in Xt[:, jj])) for jj in rest]
    values = {G: q(probes.excess(cs)), m: len(rest), XT: lambda k_: norms[k_ - 1],
              ETAS: lambda k_: q(eta[rest[k_ - 1]])}
    for pos, ii in enumerate(support):
        value = evaluate(rhs, {**values, HII: Hinv[pos, pos]})
        lhs = q(abs(cs.w[ii] - w_star[ii]))
        if not _bound(lhs, value, cs.p == 1 and cs.l1 == 0):
            return False
    return True


@cache
def conformance_tolerance():
    """CONFORMANCE-TOLERANCE: the excess identity around a minimiser and what G implies.

    With c* = c(w*) and KKT (c*_j w*_j = l1 |w*_j|):
        F(w) - F* = 1/2 ||X~ (w - w*)||^2 + sum_j (l1 |w_j| - c*_j w_j),
    every term >= 0, and l1 |w_j| - c*_j w_j >= eta_j |w_j| with eta_j = l1 - |c*_j|.
    For i in E = {j : eta_j = 0}: X~_E d_E = X~ d - X~_{E^c} d_{E^c} with d = w - w*, so
    |d_i| <= sqrt((H^-1)_ii) ||X~ d - X~_{E^c} d_{E^c}|| <= sqrt((H^-1)_ii)(sqrt(2G) +
    sum_{j not in E} ||x~_j|| G/eta_j) (Cauchy-Schwarz with ||X~_E H^-1 e_i||^2 = (H^-1)_ii).
    """
    _, _, wm, absw, Xt, ytm = _setup()
    wst = symbolic_matrix("v", P, 1)  # plays w*
    abs_ws = sp.Matrix([sp.Symbol(f"b_{r + 1}", nonnegative=True) for r in range(P)])  # |w*_r|
    c_star = Xt.T * (ytm - Xt * wst)
    F = lambda v, a: _sq(ytm - Xt * v) / 2 + l1 * sum(a)  # noqa: E731
    excess = F(wm, absw) - F(wst, abs_ws)
    claimed = _sq(Xt * (wm - wst)) / 2 + sum(l1 * absw[r] - c_star[r] * wm[r] for r in range(P))
    # KKT at w*: c*_r w*_r = l1 |w*_r|, so |w*_r| = c*_r w*_r / l1.
    kkt = {abs_ws[r]: c_star[r] * wst[r] / l1 for r in range(P)}
    identity = sp.expand((excess - claimed).subs(kkt)) == 0
    x, cc = sp.symbols("x c", real=True)
    slack_ok = all(
        sp.simplify(sp.Abs(cc) * sp.Abs(x) - cc * x).subs({x: sx, cc: sc}) >= 0
        for sx in (-2, 0, 3)
        for sc in (-5, 0, 7)
    )
    HE = symbolic_matrix("h", 2, 1)  # X~_E for |E| = 1, a 2 x 1 column: ||X~_E H^-1 e_1||^2
    H = HE.T * HE
    cs_ok = sp.simplify(_sq(HE * H.inv()) - H.inv()[0, 0]) == 0
    cases = probes.CASES
    excess_expr = Q / 2 + sp.Sum(l1 * sp.Abs(Wi[jx]) - Cstar[jx] * Wi[jx], (jx, 1, p))
    coefficient = sp.sqrt(HII) * (sp.sqrt(2 * G) + sp.Sum(XT[jx] * G / ETAS[jx], (jx, 1, m)))
    formulas = (
        Formula(r"F(w) - F^{*}", excess_expr, check=_excess_identity_check, cases=cases),
        Formula("G", RTOL * (YY / 2 + l1**2 / (2 * AMAX)), check=_scale_definition_check,
                cases=cases),
        Formula(r"\|X(w - w^{*})\|^{2}", 2 * G, r"\le", check=_fit_check, cases=cases,
                sharp="equality when λ₁ = λ₂ = 0 and G = F(w) − F*"),
        Formula(r"\rho_j(w) \text{ (against the exact support)}",
                sp.sqrt(2 * G * (A2 + 2 * l2)), r"\le", check=_support_residual_check,
                cases=cases, sharp="equality when p = 1, λ₁ = 0 and G = F(w) − F*"),
        Formula(r"|w_j| \;(w^{*}_j = 0,\ \eta_j = \lambda_1 - |c^{*}_j| > 0)", G / ETA, r"\le",
                check=_slack_check, cases=cases,
                sharp="equality when x_j = 0, λ₂ = 0, w = w* off j and G = F(w) − F*"),
        Formula(r"|w_i - w^{*}_i| \;(i \in E;\ j_1..j_m \text{ enumerate } E^{c})", coefficient,
                r"\le", check=_coefficient_check, cases=cases,
                sharp="equality when p = 1, λ₁ = 0 and G = F(w) − F* (E^c empty); "
                "the bound is never attained with E^c nonempty, so the 3 mutants inside "
                "the E^c sum (G → 2G, G/η_j → Gη_j, G/η_j → G/η_j²) survive the mutation test"),
    )
    checks = {
        "excess identity, using KKT c*_j w*_j = l1 |w*_j|": identity,
        "l1 |w_j| - c*_j w_j >= eta_j |w_j|": slack_ok,
        "||X~_E H^-1 e_i||^2 = (H^-1)_ii (|E| = 1, symbolic)": cs_ok,
    }
    return {"formulas": formulas, "checks": checks}
