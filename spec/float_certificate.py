"""FLOAT-CERTIFICATE: the exact quantities whose float64 bounds certify_float computes.

G(t) = F(w) − D(t·r̃(w)), the gap at a scaled residual (DUAL-GAP's D), bounds F(w) − F*
above for a feasible t; the gain Δ_j(d) = F(w) − F(w + d·e_j) of a coordinate step bounds
it below.  Each rendered formula's check evaluates it exactly on ``probes.CASES`` against
the definitions.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from .formula import Formula

_T, _D = sp.Symbol("t", real=True), sp.Symbol("d", real=True)
_L1 = sp.Symbol("lambda_1", nonnegative=True)
_L2 = sp.Symbol("lambda_2", nonnegative=True)
_RR, _WW = sp.symbols(r"\|r\|^{2} \|w\|^{2}", nonnegative=True)
_WI, _CI = sp.IndexedBase("w"), sp.IndexedBase("c")
_J, _P = sp.symbols("j p", integer=True, positive=True)
_CJ, _AJ, _WJ = sp.symbols("c_j a_j w_j", real=True)


def _fr(v):
    return Fraction(str(v))


def _gap_at_t_check(rhs, cs):
    """rhs at t = u against F(w) − D(t·r̃(w)) from the definitions (DUAL-GAP's D)."""
    from . import exact as E
    from .formula import evaluate

    r = E.residual(cs.X, cs.y, cs.w)
    c = E.correlations(cs.X, cs.y, cs.w, cs.l2)
    ww = E.dot(cs.w, cs.w)
    dual = (
        E.dot(cs.y, cs.y) / 2
        - (
            sum((yi - cs.u * ri) ** 2 for yi, ri in zip(cs.y, r, strict=True))
            + cs.u**2 * 2 * cs.l2 * ww
        )
        / 2
    )
    want = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2) - dual
    got = evaluate(
        rhs,
        {
            _T: cs.u,
            _RR: E.dot(r, r),
            _WW: ww,
            _L1: cs.l1,
            _L2: cs.l2,
            _P: cs.p,
            _WI: lambda i: cs.w[i - 1],
            _CI: lambda i: c[i - 1],
        },
    )
    return _fr(got) == want


def _move_check(rhs, cs):
    """rhs at d = u, j = 1 against F(w) − F(w + d·e_1), from the objective."""
    from . import exact as E
    from .formula import evaluate

    moved = (cs.w[0] + cs.u, *cs.w[1:])
    want = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2) - E.objective(
        cs.X, cs.y, moved, cs.l1, cs.l2
    )
    c = E.correlations(cs.X, cs.y, cs.w, cs.l2)
    a = E.dot(E.column(cs.X, 0), E.column(cs.X, 0)) + 2 * cs.l2
    got = evaluate(rhs, {_D: cs.u, _CJ: c[0], _AJ: a, _WJ: cs.w[0], _L1: cs.l1})
    return _fr(got) == want


def certificate_formulas():
    """FLOAT-CERTIFICATE: the exact quantities whose float bounds certify_float computes."""
    from . import probes

    gap = (1 - _T) ** 2 * (_RR + 2 * _L2 * _WW) / 2 + sp.Sum(
        _L1 * sp.Abs(_WI[_J]) - _T * _WI[_J] * _CI[_J], (_J, 1, _P)
    )
    move = _CJ * _D - _AJ * _D**2 / 2 - _L1 * (sp.Abs(_WJ + _D) - sp.Abs(_WJ))
    return (
        Formula(r"G(t) = F(w) - D(t\,\tilde r(w))", gap, check=_gap_at_t_check, cases=probes.CASES),
        Formula(r"F(w) - F^{*} \ge \Delta_j(d)", move, "=", check=_move_check, cases=probes.CASES),
    )
