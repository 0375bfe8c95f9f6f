"""CERTIFICATE-BOUND: a proven bound on F(w) − F* that is tight for every λ.

The dual gap of DUAL-GAP uses the dual point s·r̃(w); as λ₁ → 0 (and for Ridge
and least squares) s → 0 and the gap tends to F(w) even at a correctly rounded
optimum.  Any point v gives a dual point t·r̃(v), feasible iff |t|·‖c(v)‖∞ ≤ λ₁;
its dual value is a concave parabola in t, and weak duality makes it a lower
bound on F*.  With v the stationary point of F restricted to a sign pattern σ
(a linear system), v = w* when σ is the sign pattern of the minimiser, and the
bound is the exact excess.  reference.certificate implements it.

The identities are verified by sympy on a 2 × 2 instance; each rendered formula
has an exact check on ``probes.CASES``.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .formula import Formula, q
from .optimality import symbolic_matrix

t = sp.Symbol("t", real=True)
l1 = sp.Symbol("lambda_1", nonnegative=True)
l2 = sp.Symbol("lambda_2", nonnegative=True)
YR, RR, VV, CINF, FW, DV = sp.symbols(
    r"y^{T}r(v) \|r(v)\|^{2} \|v\|^{2} \|c(v)\|_{\infty} F(w) \max_{t}D(t\tilde{r}(v))"
)


def _pieces(cs, v):
    r = E.residual(cs.X, cs.y, v)
    return E.dot(cs.y, r), E.dot(r, r), E.dot(v, v), E.correlations(cs.X, cs.y, v, cs.l2)


def _value(rhs, values):
    return Fraction(str(sp.nsimplify(rhs.xreplace({k: q(x) for k, x in values.items()}))))


def _dual_value_check(rhs, cs):
    """rhs at (t, v) = (u, w) against ½‖ỹ‖² − ½‖ỹ − t·r̃(v)‖², from the definition."""
    v = cs.w
    yr, rr, vv, _ = _pieces(cs, v)
    r = E.residual(cs.X, cs.y, v)
    direct = E.dot(cs.y, cs.y) / 2 - (
        sum((yi - cs.u * ri) ** 2 for yi, ri in zip(cs.y, r, strict=True))
        + cs.u**2 * 2 * cs.l2 * vv
    ) / 2
    got = _value(rhs, {t: cs.u, YR: yr, RR: rr, VV: vv, l2: cs.l2})
    return got == direct


def _feasible_check(rhs, cs):
    """The largest feasible |t| attains ‖X̃ᵀ(t·r̃(v))‖∞ = |t|·‖c(v)‖∞ = λ₁ (when c(v) ≠ 0)."""
    cinf = max(abs(cj) for cj in _pieces(cs, cs.w)[3])
    if cinf == 0:
        return True
    return _value(rhs, {l1: cs.l1, CINF: cinf}) * cinf == cs.l1


def best_dual_value(cs, v) -> Fraction:
    """max over feasible t of D(t·r̃(v)), by the parabola's vertex clipped to |t| ≤ λ₁/‖c‖∞."""
    yr, rr, vv, c = _pieces(cs, v)
    norm_sq = rr + 2 * cs.l2 * vv
    if norm_sq == 0:
        return Fraction(0)
    best = yr / norm_sq
    cinf = max(abs(cj) for cj in c)
    if cinf:
        best = max(-cs.l1 / cinf, min(cs.l1 / cinf, best))
    return best * yr - best * best * norm_sq / 2


def _bound_check(rhs, cs):
    """≥ the excess at v = w, and = the excess at v = w* (sharp)."""
    F = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2)
    star = probes.minimiser(cs)
    at = lambda v: _value(rhs, {FW: F, DV: best_dual_value(cs, v)})  # noqa: E731
    return at(cs.w) >= probes.excess(cs) == at(star)


def _system_check(rhs, cs):
    """At the minimiser, H_S w*_S equals rhs (S = supp w*, σ = sign w*)."""
    star = probes.minimiser(cs)
    S = [j for j, v in enumerate(star) if v != 0]
    if not S:
        return True
    XS = tuple(tuple(row[j] for j in S) for row in cs.X)
    lhs = [
        sum(E.dot(E.column(XS, a), E.column(XS, b)) * star[S[b]] for b in range(len(S)))
        + 2 * cs.l2 * star[S[a]]
        for a in range(len(S))
    ]
    xty, sig = sp.symbols(r"x_{j}^{T}y \sigma_{j}")
    return all(
        lhs[a] == _value(rhs, {xty: E.dot(E.column(XS, a), cs.y), sig: E.sign(star[S[a]]),
                              l1: cs.l1})
        for a in range(len(S))
    )


@cache
def certificate_bound():
    """The identities behind CERTIFICATE-BOUND, and its rendered formulas."""
    Xm, ym, vm = symbolic_matrix("X", 2, 2), symbolic_matrix("y", 2, 1), symbolic_matrix("v", 2, 1)
    r = ym - Xm * vm
    c = Xm.T * r - 2 * l2 * vm
    rt_sq = r.dot(r) + 2 * l2 * vm.dot(vm)
    dual = (ym.dot(ym) - ((ym - t * r).dot(ym - t * r) + t**2 * 2 * l2 * vm.dot(vm))) / 2
    parabola = t * ym.dot(r) - t**2 * rt_sq / 2
    # yᵀr(v) = ‖r̃(v)‖² + vᵀc(v): with c_S = λ₁σ_S, D(r̃(v)) = F(v) when σᵀv = ‖v‖₁
    split = sp.expand(ym.dot(r) - rt_sq - vm.dot(c)) == 0
    checks = {
        "D(t r~(v)) = t y^T r - t^2 ||r~||^2 / 2": sp.expand(dual - parabola) == 0,
        "y^T r(v) = ||r~(v)||^2 + v^T c(v)": split,
    }
    xty, sig = sp.symbols(r"x_{j}^{T}y \sigma_{j}")
    cases = probes.CASES
    formulas = (
        Formula(r"D(t\,\tilde r(v))", t * YR - t**2 * (RR + 2 * l2 * VV) / 2,
                check=_dual_value_check, cases=cases),
        Formula(r"|t|", l1 / CINF, r"\le", check=_feasible_check, cases=cases,
                sharp="the largest feasible t"),
        Formula(r"F(w) - F^{*}", FW - DV, r"\le", check=_bound_check, cases=cases,
                sharp="v = w^{*}"),
        Formula(r"(X_S^{T}X_S + 2\lambda_2 I)\,v_S\ \text{row}\ j", xty - l1 * sig,
                check=_system_check, cases=cases),
    )
    return {"formulas": formulas, "checks": checks}
