"""The rendered float tolerance formulas (FLOAT-DOT-ERROR, -RESIDUAL-ERROR, -KKT-TOLERANCE).

Each rendered formula's check computes the float quantity it bounds — by sequential
float64 operations exactly as the model of ``spec.floating`` says, and in other orders
(``spec.float_probes``) — on deterministic adversarial instances (sums stuck at a power
of two, products that underflow at a tie, cancellation, long vectors) and compares the
exact error with the bound evaluated from the rendered expression.  The acceptance test's
formulas are checked in ``spec.float_acceptance``.  The error bounds are never attained,
so their sharp texts say how close the instances come and which mutants survive.
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import cache

import sympy as sp

from . import duality, gap_distance, probes
from .float_acceptance import (
    ACCEPT_NONZERO,
    ACCEPT_ZERO,
    DELTA,
    L1,
    TAU,
    accept_check,
    delta_check,
)
from .float_probes import (
    DOT_CASES,
    KKT_CASES,
    RESIDUAL_CASES,
    DotCase,
    FloatProblem,
    fl_correlations,
    fl_dot_orders,
    fl_residuals,
)
from .floating import (
    UNDERFLOW_UNIT,
    UNIT_ROUNDOFF,
    abs_dot,
    at_values,
    gamma,
    residual_error_bounds,
)
from .formula import Formula, eq, le, number, q

_two = sp.UnevaluatedExpr(2)  # keeps 2^{-53}, 2^{-1075} readable (not a 324-digit fraction)
M = sp.Symbol("m", integer=True, positive=True)
U = sp.Symbol("u", positive=True)
USUB = sp.Symbol(r"u_{\mathrm{sub}}", positive=True)
GAMMA = {
    k: sp.Symbol(rf"\gamma_{{{k}}}", positive=True) for k in ("m", "m-1", "p+1", "p", "n+1", "n")
}
_I, _K, _JJ = sp.symbols("i k j", integer=True, positive=True)
_N, _P = sp.symbols("n p", integer=True, positive=True)
_A, _B = sp.IndexedBase("a"), sp.IndexedBase("b")
_XI, _YI, _WK = sp.IndexedBase("X"), sp.IndexedBase("y"), sp.IndexedBase("w")
_EI, _RH, _WH = sp.IndexedBase("e"), sp.IndexedBase(r"\hat r"), sp.IndexedBase(r"\hat w")

SUM_AB = sp.Sum(sp.Abs(_A[_I]) * sp.Abs(_B[_I]), (_I, 1, M))
DOT_BOUND = GAMMA["m"] * SUM_AB + M * (1 + GAMMA["m-1"]) * USUB
ROW_SUM = sp.Sum(sp.Abs(_XI[_I, _K]) * sp.Abs(_WK[_K]), (_K, 1, _P))
RESIDUAL_BOUND = GAMMA["p+1"] * (sp.Abs(_YI[_I]) + ROW_SUM) + _P * (1 + GAMMA["p"]) * USUB
PROPAGATED = sp.Sum(sp.Abs(_XI[_I, _JJ]) * _EI[_I], (_I, 1, _N))
COL_SUM = sp.Sum(sp.Abs(_XI[_I, _JJ]) * sp.Abs(_RH[_I]), (_I, 1, _N))
TAU_BOUND = (
    PROPAGATED
    + GAMMA["n+1"] * (COL_SUM + 2 * duality.l2 * sp.Abs(_WH[_JJ]))
    + (_N + 1) * (1 + GAMMA["n"]) * USUB
)


def _spacing_check(rhs, x):
    """u (x a power of two): rhs is half the relative spacing of binary64 just above x."""
    spacing = Fraction(math.nextafter(x, math.inf)) - Fraction(x)
    return eq(number(sp.sympify(rhs).doit()), q(spacing / (2 * Fraction(x))))


def _subnormal_spacing_check(rhs, x):
    """u_sub (x subnormal or 0): rhs is half the absolute spacing of binary64 at x, the
    largest error of rounding to nearest there."""
    spacing = Fraction(math.nextafter(x, math.inf)) - Fraction(x)
    return eq(number(sp.sympify(rhs).doit()), q(spacing / 2))


def _gamma_check(rhs, m):
    """Higham's Lemma 3.1: |Π_{i≤m}(1 + δ_i)^{±1} − 1| ≤ γ_m for |δ_i| ≤ u; the extremes
    are at δ_i = ±u, the largest (1 − u)^{−m} − 1."""
    u = UNIT_ROUNDOFF
    extremes = ((1 + u) ** m - 1, 1 - (1 - u) ** m, (1 - u) ** -m - 1, 1 - (1 + u) ** -m)
    value = at_values(rhs, {M: m, U: u})
    return all(le(q(v), value) for v in extremes)


def _dot_check(rhs, cs: DotCase):
    """Every order's exact error |fl(aᵀb) − aᵀb| ≤ rhs (γ and u_sub at their values)."""
    m = len(cs.a)
    bound = at_values(
        rhs,
        {
            SUM_AB: abs_dot(cs.a, cs.b),
            M: m,
            GAMMA["m"]: gamma(m),
            GAMMA["m-1"]: gamma(m - 1),
            USUB: UNDERFLOW_UNIT,
        },
    )
    exact = sum((Fraction(u) * Fraction(v) for u, v in zip(cs.a, cs.b, strict=True)), Fraction(0))
    return all(le(q(abs(Fraction(v) - exact)), bound) for v in fl_dot_orders(cs.a, cs.b))


def _exact_residual(X, y, w):
    return tuple(
        Fraction(yi)
        - sum((Fraction(x) * Fraction(v) for x, v in zip(row, w, strict=True)), Fraction(0))
        for row, yi in zip(X, y, strict=True)
    )


def _residual_check(rhs, cs: FloatProblem):
    """|r̂_i − r_i| ≤ rhs for every row and every order of fl_residuals."""
    p = len(cs.w)
    exact = _exact_residual(cs.X, cs.y, cs.w)
    for i, (row, yi) in enumerate(zip(cs.X, cs.y, strict=True)):
        bound = at_values(
            rhs,
            {
                ROW_SUM: abs_dot(row, cs.w),
                sp.Abs(_YI[_I]): abs(Fraction(yi)),
                _P: p,
                GAMMA["p+1"]: gamma(p + 1),
                GAMMA["p"]: gamma(p),
                USUB: UNDERFLOW_UNIT,
            },
        )
        for r_hat in fl_residuals(cs.X, cs.y, cs.w):
            if not le(q(abs(Fraction(r_hat[i]) - exact[i])), bound):
                return False
    return True


def _tau_check(rhs, cs: FloatProblem):
    """|ĉ_j − c_j(ŵ)| ≤ rhs for every j, every residual order and every correlation order
    (e from FLOAT-RESIDUAL-ERROR, r̂ the residual the correlations were computed from)."""
    n, l2 = len(cs.y), Fraction(cs.l2)
    e = residual_error_bounds(cs.X, cs.y, cs.w)
    r = _exact_residual(cs.X, cs.y, cs.w)
    for r_hat in fl_residuals(cs.X, cs.y, cs.w):
        for c_hat in fl_correlations(cs.X, r_hat, cs.w, cs.l2):
            for j, wj in enumerate(cs.w):
                xj = [Fraction(row[j]) for row in cs.X]
                c = sum((x * ri for x, ri in zip(xj, r, strict=True)), Fraction(0))
                c -= 2 * l2 * Fraction(wj)
                bound = at_values(
                    rhs,
                    {
                        PROPAGATED: sum(
                            (abs(x) * ei for x, ei in zip(xj, e, strict=True)), Fraction(0)
                        ),
                        COL_SUM: abs_dot(xj, r_hat),
                        sp.Abs(_WH[_JJ]): abs(Fraction(wj)),
                        duality.l2: l2,
                        _N: n,
                        GAMMA["n+1"]: gamma(n + 1),
                        GAMMA["n"]: gamma(n),
                        USUB: UNDERFLOW_UNIT,
                    },
                )
                if not le(q(abs(Fraction(c_hat[j]) - c)), bound):
                    return False
    return True


#: mutants of the float formulas that survive, and why (tests/test_spec_mutation.py lists
#: the same; the sharp texts below render them)
_WEAKER = "mutants that only enlarge the bound survive: a weaker bound is still true"


def _underflow_factor(g, count):
    return (
        f"so does 1 − {g} for 1 + {g} in the underflow term: it lowers the bound by "
        f"{count}·{g}·2⁻¹⁰⁷⁵, closer than any checked error comes (the factor only "
        "covers later roundings of the underflow errors), so no case refutes it, though "
        "it is not proven"
    )


@cache
def formulas():
    """The tolerance formulas, rendered from sympy expressions, each with its check."""
    gamma_m = M * U / (1 - M * U)
    return {
        "gamma": (
            Formula("u", _two**-53, check=_spacing_check, cases=(1.0, 0.5, 2.0**-1022, 2.0**1000)),
            Formula(
                r"u_{\mathrm{sub}}",
                _two**-1075,
                check=_subnormal_spacing_check,
                cases=(0.0, 2.0**-1074, 2.0**-1030, 2.0**-1022 - 2.0**-1074),
            ),
            Formula(
                r"\gamma_m",
                gamma_m,
                check=_gamma_check,
                cases=(1, 2, 3, 8, 64),
                sharp="nearly: γ_m exceeds (1 − u)^{−m} − 1, the largest |θ_m| of Higham's "
                "Lemma 3.1, by about m(m − 1)u²/2; mutants that only enlarge γ_m survive: a "
                "weaker bound is still true",
            ),
            Formula(
                r"|\mathrm{fl}(a^{T} b) - a^{T} b|",
                DOT_BOUND,
                r"\le",
                check=_dot_check,
                cases=DOT_CASES,
                sharp="nearly: a sum stuck at 1 has error m(u − 2u²), within a factor "
                "1 − (2m + 2)u of the bound, and m products rounding at a subnormal tie "
                f"have error m·2⁻¹⁰⁷⁵; {_WEAKER}; {_underflow_factor('γ_{m−1}', '2m')}",
            ),
        ),
        "residual": (
            Formula(
                r"|\hat r_i - r_i| \le e_i",
                RESIDUAL_BOUND,
                "=",
                check=_residual_check,
                cases=RESIDUAL_CASES,
                sharp="nearly: p products just below u added to −1, or to an Xw "
                "stuck at −1, give error p(u − 2u²) against about (p + 1)u, and "
                f"underflowing products at a tie come within 1 − 3u; {_WEAKER}; "
                f"{_underflow_factor('γ_p', '2p')}",
            ),
        ),
        "kkt": (
            Formula(
                r"|\hat c_j - c_j(\hat w)| \le \tau_j",
                TAU_BOUND,
                "=",
                check=_tau_check,
                cases=KKT_CASES,
                sharp="nearly, within a factor 1 − 7u: n = 1, x_jr̂ = −u(1 − 2u) and "
                "fl(2λ₂w_j) = fl((1 − u)(1 + 2u)) = 1 both round by about u; "
                f"{_WEAKER}; {_underflow_factor('γ_n', '2(n + 1)')}",
            ),
            Formula(
                r"\delta_j^{2}",
                2 * gap_distance.G * (gap_distance.A2 + 2 * duality.l2),
                check=delta_check,
                cases=probes.CASES,
                sharp="equality in (c_j(ŵ) − c_j(w*))² ≤ δ_j² when p = 1, λ₁ = 0 and G = F(ŵ) − F*",
            ),
            Formula(
                r"w^{*}_j = 0:\ |\hat c_j|",
                L1 + TAU + DELTA,
                r"\le",
                check=accept_check,
                cases=ACCEPT_ZERO,
                sharp="equality at c*_j = ±λ₁, c_j(ŵ) = c*_j ± δ_j, ĉ_j = c_j(ŵ) ± τ_j",
            ),
            Formula(
                r"w^{*}_j \ne 0:\ |\hat c_j - \lambda_1 \operatorname{sign} w^{*}_j|",
                TAU + DELTA,
                r"\le",
                check=accept_check,
                cases=ACCEPT_NONZERO,
                sharp="equality at c_j(ŵ) = c*_j ± δ_j, ĉ_j = c_j(ŵ) ± τ_j",
            ),
        ),
    }
