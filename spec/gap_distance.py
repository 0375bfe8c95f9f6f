"""GAP-DISTANCE-BOUND: what a bound G on F(w) - F* certifies about the fit, c and w.

F is a Lasso on the augmented data (``spec.duality``), so around a minimiser
P(w) - P* >= 1/2 ||X~ (w - w*)||^2, and c(w) - c(w*) = X~^T X~ (w* - w) turns that
into |c_j(w) - c_j(w*)| <= sqrt(2 G (||x_j||^2 + 2 l2)); for l2 > 0, 2 l2-strong
convexity bounds the excess by the KKT residual and ||w - w*||^2 by G / l2.  The
identities are verified by sympy on the 2 x 2 symbolic instance of ``spec.duality``;
every rendered formula has an exact check, sharp where the bound is attained.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .duality import P, correlations, l2, squared_norm, symbolic_setup
from .formula import Formula, eq, evaluate, le, q
from .optimality import symbolic_matrix

#: named quantities a formula's check binds to exact values
G, A2 = sp.symbols(r"G \|x_j\|^{2}", nonnegative=True)
RHO2, Q = sp.symbols(r"\|\rho\|^{2} \|\tilde{X}(w-w^{*})\|^{2}", nonnegative=True)


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


def bound(le_side, rhs_value, attained):
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
        if not bound(q(abs(c[jj] - c_star[jj])), value, cs.p == 1 and cs.l1 == 0):
            return False
    return True


def _strong_convexity_check(rhs, cs):
    """F(w) - F* <= rendered value (l2 > 0); attained when X = 0 and l1 = 0."""
    if cs.l2 == 0:
        return True
    rho = kkt_residual(cs, cs.w)
    value = evaluate(rhs, {RHO2: q(sum(v * v for v in rho)), l2: q(cs.l2)})
    attained = cs.l1 == 0 and not any(v for row in cs.X for v in row)
    return bound(q(probes.excess(cs)), value, attained)


def _distance_check(rhs, cs):
    """||w - w*||^2 <= rendered value at G = F(w) - F* (l2 > 0); attained when X = 0, l1 = 0."""
    if cs.l2 == 0:
        return True
    d = [u - v for u, v in zip(cs.w, probes.minimiser(cs), strict=True)]
    value = evaluate(rhs, {G: q(probes.excess(cs)), l2: q(cs.l2)})
    attained = cs.l1 == 0 and not any(v for row in cs.X for v in row)
    return bound(q(E.dot(d, d)), value, attained)


@cache
def distance_bound():
    """GAP-DISTANCE-BOUND: P(w) - P* >= 1/2 ||X~ (w - w*)||^2, so
    |c_j(w) - c_j(w*)| <= sqrt(2 G (||x_j||^2 + 2 l2)); for l2 > 0 also
    P(w) - P* <= ||rho||^2 / (4 l2) and ||w - w*||^2 <= G / l2."""
    Xm, ym, wm, _, Xt, ytm = symbolic_setup()
    wst = symbolic_matrix("v", P, 1)  # plays w*
    quad = lambda v: squared_norm(ytm - Xt * v) / 2  # noqa: E731
    identity = (
        sp.expand(
            quad(wm)
            - quad(wst)
            - (squared_norm(Xt * (wm - wst)) / 2 - ((wm - wst).T * Xt.T * (ytm - Xt * wst))[0])
        )
        == 0
    )
    c_of = lambda v: Xm.T * (ym - Xm * v) - 2 * l2 * v  # noqa: E731
    c_diff = sp.expand(c_of(wm) - c_of(wst) - Xt.T * Xt * (wst - wm)) == sp.zeros(P, 1)
    column_norm = sp.expand(squared_norm(Xt[:, 0]) - (squared_norm(Xm[:, 0]) + 2 * l2)) == 0
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
