"""Floating-point tolerances: every tolerance the project uses, with its derivation.

Model (IEEE 754 binary64, round to nearest): fl(a op b) = (a op b)(1 + d),
|d| <= u = 2^-53, barring underflow and overflow.  For k u < 1 write
gamma_k = k u / (1 - k u).  Standard result (Higham, *Accuracy and Stability
of Numerical Algorithms*, 2nd ed., eq. (3.5)): an inner product of length m,
summed in any order, satisfies |fl(a^T b) - a^T b| <= gamma_m |a|^T |b|.
Fused multiply-adds only remove roundings, so the bound still holds.

Every bound is evaluated in exact rational arithmetic from the binary64 data
(each double is a rational number), so evaluating a tolerance adds no error.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from .formula import Formula

UNIT_ROUNDOFF = Fraction(1, 2**53)


def gamma(m: int) -> Fraction:
    """gamma_m = m u / (1 - m u), exactly; requires m u < 1."""
    if m * UNIT_ROUNDOFF >= 1:
        raise ValueError("gamma_m needs m u < 1")
    return m * UNIT_ROUNDOFF / (1 - m * UNIT_ROUNDOFF)


def dot_error_bound(a, b) -> Fraction:
    """gamma_m |a|^T |b|: bounds |fl(a^T b) - a^T b| (FLOAT-DOT-ERROR)."""
    a, b = [Fraction(v) for v in a], [Fraction(v) for v in b]
    return gamma(len(a)) * sum((abs(u) * abs(v) for u, v in zip(a, b, strict=True)), Fraction(0))


def residual_error_bounds(X, y, w) -> tuple[Fraction, ...]:
    """e_i = gamma_{p+1} (|y_i| + sum_k |X_ik| |w_k|) bounds |fl(r_i) - r_i| (FLOAT-RESIDUAL-ERROR).

    r_i = y_i - sum_k X_ik w_k is an inner product of length p + 1 of
    (y_i, X_i.) with (1, -w); the product y_i * 1 is exact, which only helps.
    """
    p = len(w)
    return (
        tuple(
            gamma(p + 1)
            * (
                abs(Fraction(yi))
                + sum(abs(Fraction(x)) * abs(Fraction(v)) for x, v in zip(row, w, strict=True))
            )
            for row, yi in zip(X, y, strict=True)
        )
        if p
        else tuple(Fraction(0) for _ in y)
    )


def kkt_tolerances(X, y, w, r_hat, l2=0) -> tuple[Fraction, ...]:
    """tau_j, with |fl(c_j) - c_j(w)| <= tau_j (FLOAT-KKT-TOLERANCE).

    fl(c_j) is computed from the computed residual r_hat as the length-(n+1)
    inner product of (x_j, 2 l2 w_j) with (r_hat, -1), so
    tau_j = |x_j|^T e + gamma_{n+1} (|x_j|^T |r_hat| + 2 l2 |w_j|),
    where e bounds the residual error (FLOAT-RESIDUAL-ERROR).
    """
    e = residual_error_bounds(X, y, w)
    n = len(y)
    l2 = Fraction(l2)
    taus = []
    for j in range(len(w)):
        xj = [Fraction(row[j]) for row in X]
        propagated = sum((abs(x) * ej for x, ej in zip(xj, e, strict=True)), Fraction(0))
        rounding = gamma(n + 1) * (
            sum((abs(x) * abs(Fraction(r)) for x, r in zip(xj, r_hat, strict=True)), Fraction(0))
            + 2 * l2 * abs(Fraction(w[j]))
        )
        taus.append(propagated + rounding)
    return tuple(taus)


def kkt_float_check_passes(c_hat_j, l1, w_star_j, tau_j, gap_bound, col_sq_j, l2=0) -> bool:
    """The sound float KKT acceptance test of FLOAT-KKT-TOLERANCE, decided exactly.

    Let w* be exactly optimal and w_hat a float solution whose exact duality
    gap is at most G.  Then |c_j(w_hat) - c_j(w*)| <= delta_j with
    delta_j^2 = 2 G (||x_j||^2 + 2 l2) (GAP-DISTANCE-BOUND), and c_j(w*) is
    l1 sign(w*_j) on the support and in [-l1, l1] off it.  Hence the computed
    c_hat_j must satisfy  dist(c_hat_j, target set) <= tau_j + delta_j.
    The square root is avoided: (excess - tau_j)_+^2 <= delta_j^2.
    """
    l1 = Fraction(l1)
    c_hat_j = Fraction(c_hat_j)
    if w_star_j == 0:
        excess = max(Fraction(0), abs(c_hat_j) - l1)
    else:
        excess = abs(c_hat_j - l1 * (1 if w_star_j > 0 else -1))
    beyond = max(Fraction(0), excess - Fraction(tau_j))
    return beyond * beyond <= 2 * Fraction(gap_bound) * (Fraction(col_sq_j) + 2 * Fraction(l2))


def formulas():
    """The tolerance formulas, rendered from sympy expressions."""
    m, u = sp.symbols("m u", positive=True)
    gamma_m = m * u / (1 - m * u)
    return {
        "gamma": (
            Formula("u", sp.Rational(1, 2**53)),
            Formula(r"\gamma_m", gamma_m),
            Formula(
                r"|\mathrm{fl}(a^{T} b) - a^{T} b|", sp.Symbol(r"\gamma_m |a|^{T} |b|"), r"\le"
            ),
        ),
        "residual": (
            Formula(
                r"|\hat r_i - r_i| \le e_i",
                sp.Symbol(r"\gamma_{p+1}")
                * sp.Symbol(r"(|y_i| + \textstyle\sum_k |X_{ik}|\,|w_k|)"),
                "=",
            ),
        ),
        "kkt": (
            Formula(
                r"|\hat c_j - c_j(\hat w)| \le \tau_j",
                sp.Symbol(r"|x_j|^{T} e")
                + sp.Symbol(r"\gamma_{n+1}")
                * sp.Symbol(r"(|x_j|^{T} |\hat r| + 2\lambda_2 |\hat w_j|)"),
            ),
            Formula(
                r"\delta_j^{2}",
                2 * sp.Symbol("G") * (sp.Symbol(r"\|x_j\|^{2}") + 2 * sp.Symbol("lambda_2")),
            ),
            Formula(
                r"w^{*}_j = 0:\ |\hat c_j|",
                sp.Symbol("lambda_1") + sp.Symbol(r"\tau_j") + sp.Symbol(r"\delta_j"),
                r"\le",
            ),
            Formula(
                r"w^{*}_j \ne 0:\ |\hat c_j - \lambda_1 \operatorname{sign} w^{*}_j|",
                sp.Symbol(r"\tau_j") + sp.Symbol(r"\delta_j"),
                r"\le",
            ),
        ),
    }


# --- FLOAT-CERTIFICATE: the quantities certify_float bounds, with exact checks -----------

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
    dual = E.dot(cs.y, cs.y) / 2 - (
        sum((yi - cs.u * ri) ** 2 for yi, ri in zip(cs.y, r, strict=True))
        + cs.u**2 * 2 * cs.l2 * ww
    ) / 2
    want = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2) - dual
    got = evaluate(rhs, {
        _T: cs.u, _RR: E.dot(r, r), _WW: ww, _L1: cs.l1, _L2: cs.l2, _P: cs.p,
        _WI: lambda i: cs.w[i - 1], _CI: lambda i: c[i - 1],
    })
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
        Formula(r"G(t) = F(w) - D(t\,\tilde r(w))", gap, check=_gap_at_t_check,
                cases=probes.CASES),
        Formula(r"F(w) - F^{*} \ge \Delta_j(d)", move, "=", check=_move_check,
                cases=probes.CASES),
    )
