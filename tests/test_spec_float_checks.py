"""The checks of FLOAT-DOT-ERROR, FLOAT-RESIDUAL-ERROR and FLOAT-KKT-TOLERANCE (issue 13).

Each rendered bound is evaluated from its sympy expression and compared, exactly, with the
error of the float64 computation it bounds.  Beyond the mutation test: the rendered bounds
hold on hypothesis-drawn data that underflows; the issue's kind of mutation (γ_m → γ_m/2, a
term dropped, a count lowered by one) fails on the adversarial cases; the old bound without
an underflow term is refuted; spec.floating's functions evaluate the rendered formulas; and
reference.certify_float's τ covers the same underflowing cases.
"""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from lasso_spec.reference.float_certificate import certify_float
from lasso_spec.spec import duality, exact, float_formulas, float_probes, floating
from lasso_spec.spec.clauses import BY_ID

DOT = BY_ID["FLOAT-DOT-ERROR"].formulas
RESIDUAL = BY_ID["FLOAT-RESIDUAL-ERROR"].formulas[0]
TAU = BY_ID["FLOAT-KKT-TOLERANCE"].formulas[0]
G = float_formulas.GAMMA

#: doubles of ordinary size, ~2⁻⁵⁴⁰ (their products underflow), subnormals and 0
doubles = st.one_of(
    st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
    st.builds(lambda m, e: m * 2.0**e, st.floats(-4, 4, allow_nan=False), st.integers(-560, -500)),
    st.sampled_from([0.0, 5e-324, -5e-324, 2.0**-1022, 3 * 2.0**-537]),
)


def case(note):
    return next(c for c in float_probes.DOT_CASES if c.note.startswith(note))


@pytest.mark.spec("FLOAT-DOT-ERROR")
@settings(max_examples=60)
@given(st.lists(st.tuples(doubles, doubles), min_size=1, max_size=12))
def test_rendered_dot_bound_holds_with_underflow(pairs):
    a, b = tuple(u for u, _ in pairs), tuple(v for _, v in pairs)
    assert DOT[3].holds(float_probes.DotCase(a, b))
    bound = floating.dot_error_bound(a, b)
    exact_value = sum((Fraction(u) * Fraction(v) for u, v in pairs), Fraction(0))
    for computed in float_probes.fl_dot_orders(a, b):
        assert abs(Fraction(computed) - exact_value) <= bound


@st.composite
def float_problems(draw):
    n, p = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    X = tuple(tuple(draw(doubles) for _ in range(p)) for _ in range(n))
    return float_probes.FloatProblem(
        X,
        tuple(draw(doubles) for _ in range(n)),
        tuple(draw(doubles) for _ in range(p)),
        draw(st.sampled_from([0.0, 0.5, 3 * 2.0**-1016])),
    )


@pytest.mark.spec("FLOAT-RESIDUAL-ERROR", "FLOAT-KKT-TOLERANCE")
@settings(max_examples=40)
@given(float_problems())
def test_rendered_residual_and_tau_bounds_hold_with_underflow(prob):
    assert RESIDUAL.holds(prob)
    assert TAU.holds(prob)


def _dot_value(expr, cs):
    m = len(cs.a)
    return floating.at_values(
        expr,
        {
            float_formulas.SUM_AB: floating.abs_dot(cs.a, cs.b),
            float_formulas.M: m,
            G["m"]: floating.gamma(m),
            G["m-1"]: floating.gamma(m - 1),
            float_formulas.USUB: floating.UNDERFLOW_UNIT,
        },
    )


@pytest.mark.spec("FLOAT-DOT-ERROR")
def test_tightened_dot_bounds_fail():
    """γ_m → γ_m/2, γ_m → γ_{m−1}, the underflow term halved or dropped, the γ term dropped:
    each is below an attained error."""
    bound = DOT[3].rhs
    under = float_formulas.M * (1 + G["m-1"]) * float_formulas.USUB
    tightened = {
        "γ_m/2": bound.subs(G["m"], G["m"] / 2),
        "γ_{m−1}": bound.subs(G["m"], G["m-1"]),
        "underflow/2": bound - under / 2,
        "no underflow term": bound - under,
        "no γ term": under,
    }
    for name, expr in tightened.items():
        assert not DOT[3].verify(expr), name
    stuck, ties = case("stuck at 1, m = 10"), case("five subnormal ties")
    assert not DOT[3].holds(stuck, tightened["γ_m/2"])
    assert not DOT[3].holds(ties, tightened["underflow/2"])


@pytest.mark.spec("FLOAT-DOT-ERROR")
def test_the_bound_without_underflow_is_false():
    """The old FLOAT-DOT-ERROR, γ_m|a|ᵀ|b|: one product 2⁻⁵³⁸·3·2⁻⁵³⁷ = 1.5·2⁻¹⁰⁷⁴ rounds
    to 2⁻¹⁰⁷³ at a tie, error 2⁻¹⁰⁷⁵ ≫ γ_1·1.5·2⁻¹⁰⁷⁴."""
    a, b = (2.0**-538,), (3 * 2.0**-537,)
    assert a[0] * b[0] == 2.0**-1073
    error = Fraction(a[0] * b[0]) - Fraction(a[0]) * Fraction(b[0])
    assert error == floating.UNDERFLOW_UNIT
    assert error > floating.gamma(1) * Fraction(a[0]) * Fraction(b[0])
    assert error <= floating.dot_error_bound(a, b)


@pytest.mark.spec("FLOAT-DOT-ERROR")
def test_subnormal_additions_are_exact():
    """The model's η = 0 for additions: sums of subnormals are exact (checked exhaustively
    on small multiples of 2⁻¹⁰⁷⁴, and across the normal boundary)."""
    tiny = 5e-324
    for i in range(-40, 41):
        for j in range(-40, 41):
            assert Fraction(i * tiny + j * tiny) == (i + j) * Fraction(tiny)
    top = 2.0**-1022 - tiny
    assert Fraction(top + tiny) == Fraction(top) + Fraction(tiny)


@pytest.mark.spec("FLOAT-RESIDUAL-ERROR", "FLOAT-KKT-TOLERANCE")
def test_tightened_residual_and_tau_fail():
    """The counts of underflowing products are needed (p → p − 1, n + 1 → n), and so is the
    2 of 2λ₂ (the n = 1 case whose error is within a factor 1 − 7u of τ)."""
    usub = float_formulas.USUB
    residual = RESIDUAL.rhs
    assert not RESIDUAL.verify(residual - (1 + G["p"]) * usub)  # p → p − 1
    assert not RESIDUAL.verify(residual.subs(G["p+1"], G["p+1"] / 2))
    tau = TAU.rhs
    assert not TAU.verify(tau - (1 + G["n"]) * usub)  # n + 1 → n
    assert not TAU.verify(tau.subs(G["n+1"], G["n+1"] / 2))
    one_l2 = tau.subs(2 * duality.l2, duality.l2)
    assert one_l2 != tau and not TAU.verify(one_l2)


@pytest.mark.spec("FLOAT-DOT-ERROR", "FLOAT-RESIDUAL-ERROR", "FLOAT-KKT-TOLERANCE")
def test_the_functions_evaluate_the_rendered_formulas():
    for cs in float_probes.DOT_CASES:
        assert _dot_value(DOT[3].rhs, cs) == floating.dot_error_bound(cs.a, cs.b)
    for prob in (*float_probes.RESIDUAL_CASES, *float_probes.KKT_CASES):
        e = floating.residual_error_bounds(prob.X, prob.y, prob.w)
        p, n = len(prob.w), len(prob.y)
        for i, row in enumerate(prob.X):
            value = floating.at_values(
                RESIDUAL.rhs,
                {
                    float_formulas.ROW_SUM: floating.abs_dot(row, prob.w),
                    sp.Abs(float_formulas._YI[float_formulas._I]): abs(Fraction(prob.y[i])),
                    float_formulas._P: p,
                    G["p+1"]: floating.gamma(p + 1),
                    G["p"]: floating.gamma(p),
                    float_formulas.USUB: floating.UNDERFLOW_UNIT,
                },
            )
            assert value == e[i]
        r_hat = float_probes.fl_residuals(prob.X, prob.y, prob.w)[0]
        taus = floating.kkt_tolerances(prob.X, prob.y, prob.w, r_hat, prob.l2)
        for j, wj in enumerate(prob.w):
            xj = [Fraction(row[j]) for row in prob.X]
            value = floating.at_values(
                TAU.rhs,
                {
                    float_formulas.PROPAGATED: sum(
                        (abs(x) * v for x, v in zip(xj, e)), Fraction(0)
                    ),
                    float_formulas.COL_SUM: floating.abs_dot(xj, r_hat),
                    sp.Abs(float_formulas._WH[float_formulas._JJ]): abs(Fraction(wj)),
                    duality.l2: Fraction(prob.l2),
                    float_formulas._N: n,
                    G["n+1"]: floating.gamma(n + 1),
                    G["n"]: floating.gamma(n),
                    float_formulas.USUB: floating.UNDERFLOW_UNIT,
                },
            )
            assert value == taus[j]
    assert floating.gamma(0) == 0 and floating.underflow_term(3, 0) == 3 * floating.UNDERFLOW_UNIT


@pytest.mark.spec("FLOAT-DOT-ERROR", "FLOAT-KKT-TOLERANCE", "FLOAT-CERTIFICATE")
def test_certify_float_covers_the_corrected_bound():
    """reference.certify_float's underflow allowance m·2⁻¹⁰⁷⁴ is ≥ m(1 + γ_{m−1})·2⁻¹⁰⁷⁵, and
    its τ_j bounds the exact error of its own ĉ_j on every adversarial case, underflowing
    ones included."""
    for m in (1, 2, 10, 10**6):
        assert m * Fraction(2.0**-1074) >= floating.underflow_term(m, m - 1)
    for prob in float_probes.KKT_CASES:
        cert = certify_float(
            np.array(prob.X), np.array(prob.y), np.array(prob.w), 1.0, prob.l2, gap_tol=1e-300
        )
        c = exact.correlations(
            exact.as_matrix(prob.X),
            exact.as_vector(prob.y),
            exact.as_vector(prob.w),
            Fraction(prob.l2),
        )
        for j in range(len(prob.w)):
            assert abs(Fraction(float(cert.c[j])) - c[j]) <= Fraction(float(cert.c_error[j]))
