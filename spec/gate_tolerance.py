"""CONFORMANCE-TOLERANCE: the conformance gate's tolerances, all from one accuracy G.

The excess identity around a minimiser (KKT makes every term >= 0) turns
F(w) - F* <= G into bounds on the fit, on the KKT residual against the exact
support, on the coefficients where w*_j = 0 with a strict slack, and, where the
minimiser is unique, on every coefficient of the equicorrelation set E.  G itself is
gap_rtol times the gate's scale S (``objective_scale``, the twin of
conformance.tolerance.objective_scale).  The identities are verified by sympy on the
2 x 2 symbolic instance of ``spec.duality``; every rendered formula has an exact check.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .duality import P, Wi, correlations, jx, l1, l2, p, squared_norm, symbolic_setup
from .formula import Formula, evaluate, q
from .gap_distance import A2, G, Q, bound, fit_distance, kkt_residual
from .optimality import symbolic_matrix

Cstar = sp.IndexedBase("c^{*}")
#: named quantities a formula's check binds to exact values
RTOL, YY, AMAX = sp.symbols(r"\mathrm{gap\_rtol} \|y\|^{2} \max_j(\|x_j\|^{2}+2\lambda_2)",
                            positive=True)
ETA = sp.Symbol(r"\eta_j", positive=True)
HII = sp.Symbol(r"(H^{-1})_{ii}", positive=True)
XT, ETAS = sp.IndexedBase(r"\|\tilde{x}\|"), sp.IndexedBase(r"\eta")
m = sp.Symbol("m", integer=True, nonnegative=True)  # |complement of E|


def objective_scale(cs) -> Fraction:
    """S = 1/2 ||y||^2 + 1/2 l1^2 / max_j(||x_j||^2 + 2 l2) (0 for the second term if the max
    is 0): the gate's scale (conformance.tolerance.objective_scale; a test compares them)."""
    amax = max(E.dot(E.column(cs.X, jj), E.column(cs.X, jj)) + 2 * cs.l2 for jj in range(cs.p))
    return E.dot(cs.y, cs.y) / 2 + (cs.l1 ** 2 / amax / 2 if amax else 0)


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
    return bound(q(E.dot(Xd, Xd)), value, cs.l1 == 0 and cs.l2 == 0)


def _support_residual_check(rhs, cs):
    """rho_j against the exact support <= rendered value at G = F(w) - F*; attained when
    p = 1 and l1 = 0."""
    rho = kkt_residual(cs, cs.w, support=probes.minimiser(cs))
    for jj in range(cs.p):
        col = E.column(cs.X, jj)
        value = evaluate(rhs, {G: q(probes.excess(cs)), A2: q(E.dot(col, col)), l2: q(cs.l2)})
        if not bound(q(rho[jj]), value, cs.p == 1 and cs.l1 == 0):
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
        if not bound(q(abs(cs.w[jj])), value, attained):
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
        if not bound(lhs, value, cs.p == 1 and cs.l1 == 0):
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
    _, _, wm, absw, Xt, ytm = symbolic_setup()
    wst = symbolic_matrix("v", P, 1)  # plays w*
    abs_ws = sp.Matrix([sp.Symbol(f"b_{r + 1}", nonnegative=True) for r in range(P)])  # |w*_r|
    c_star = Xt.T * (ytm - Xt * wst)
    F = lambda v, a: squared_norm(ytm - Xt * v) / 2 + l1 * sum(a)  # noqa: E731
    excess = F(wm, absw) - F(wst, abs_ws)
    claimed = squared_norm(Xt * (wm - wst)) / 2 + sum(
        l1 * absw[r] - c_star[r] * wm[r] for r in range(P)
    )
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
    cs_ok = sp.simplify(squared_norm(HE * H.inv()) - H.inv()[0, 0]) == 0
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
