"""The float tolerances of FLOAT-DOT-ERROR, FLOAT-RESIDUAL-ERROR and FLOAT-KKT-TOLERANCE hold.

Every comparison is exact: binary64 values are converted to Fractions, and the
bounds are evaluated in rational arithmetic (spec.floating).  The data include values whose
products underflow (gradual underflow, the u_sub term of the bounds).
"""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lasso_spec.reference as reference
from lasso_spec.spec import exact, float_acceptance, floating

#: doubles of ordinary size, and ones near 2⁻⁵⁴⁰ and subnormals, whose products underflow (the
#: bounds carry the underflow term of FLOAT-DOT-ERROR)
doubles = st.one_of(
    st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
    st.builds(lambda m, e: m * 2.0**e, st.floats(-4, 4, allow_nan=False), st.integers(-560, -500)),
    st.sampled_from([5e-324, -5e-324, 2.0**-1022, 3 * 2.0**-537]),
)


@st.composite
def float_problems(draw):
    n, p = draw(st.integers(1, 6)), draw(st.integers(1, 4))
    X = [[draw(doubles) for _ in range(p)] for _ in range(n)]
    return X, [draw(doubles) for _ in range(n)], [draw(doubles) for _ in range(p)]


def exact_dot(a, b):
    return sum((Fraction(u) * Fraction(v) for u, v in zip(a, b, strict=True)), Fraction(0))


@pytest.mark.spec("FLOAT-DOT-ERROR")
@given(st.lists(st.tuples(doubles, doubles), min_size=1, max_size=40))
def test_inner_product_error_within_gamma_bound(pairs):
    a, b = [u for u, _ in pairs], [v for _, v in pairs]
    bound = floating.dot_error_bound(a, b)
    loop = 0.0
    for u, v in zip(a, b, strict=True):
        loop += u * v
    for computed in (
        loop,
        float(np.dot(np.array(a), np.array(b))),
        math.fsum(u * v for u, v in pairs),
    ):
        assert abs(Fraction(computed) - exact_dot(a, b)) <= bound


def test_gamma_is_exact_and_guards_its_domain():
    assert floating.gamma(1) == Fraction(1, 2**53 - 1) and floating.gamma(0) == 0
    with pytest.raises(ValueError):
        floating.gamma(2**53)


@pytest.mark.spec("FLOAT-RESIDUAL-ERROR")
@given(float_problems())
def test_residual_error_within_bound(prob):
    X, y, w = prob
    r_hat = np.array(y) - np.array(X) @ np.array(w)
    exact_r = exact.residual(exact.as_matrix(X), exact.as_vector(y), exact.as_vector(w))
    for computed, true, e in zip(
        r_hat, exact_r, floating.residual_error_bounds(X, y, w), strict=True
    ):
        assert abs(Fraction(float(computed)) - true) <= e


@pytest.mark.spec("FLOAT-KKT-TOLERANCE")
@given(float_problems(), st.sampled_from([0.0, 0.5, 2.0]))
def test_computed_correlations_within_tau(prob, l2):
    X, y, w = prob
    Xa, wa = np.array(X), np.array(w)
    r_hat = np.array(y) - Xa @ wa
    c_hat = Xa.T @ r_hat - 2 * l2 * wa
    c = exact.correlations(exact.as_matrix(X), exact.as_vector(y), exact.as_vector(w), Fraction(l2))
    taus = floating.kkt_tolerances(X, y, w, [float(v) for v in r_hat], l2)
    for computed, true, tau in zip(c_hat, c, taus, strict=True):
        assert abs(Fraction(float(computed)) - true) <= tau


small_ints = st.integers(-3, 3)


@pytest.mark.spec("FLOAT-KKT-TOLERANCE", "GAP-DISTANCE-BOUND")
@given(
    st.integers(1, 3),
    st.integers(1, 3),
    st.data(),
    st.sampled_from([1, 2]),
    st.sampled_from([0, 1]),
)
def test_float_solver_output_passes_the_sound_kkt_check(n, p, data, l1, l2):
    """A float CD solution, its exact gap G, and the exact w*: every coordinate passes."""
    X = [[data.draw(small_ints) for _ in range(p)] for _ in range(n)]
    y = [data.draw(small_ints) for _ in range(n)]
    run = reference.coordinate_descent(X, y, l1, l2, tol=1e-10, max_sweeps=2000)
    w_hat = [float(v) for v in run.w]
    Xf = exact.as_matrix(X)
    w_exact = exact.as_vector(w_hat)
    G = reference.certify(X, y, w_exact, l1, l2).gap
    w_star = exact.solve(X, y, l1, l2)
    Xa, wa = np.array(X, dtype=float), np.array(w_hat)
    r_hat = np.array(y, dtype=float) - Xa @ wa
    c_hat = Xa.T @ r_hat - 2 * l2 * wa
    taus = floating.kkt_tolerances(X, y, w_hat, [float(v) for v in r_hat], l2)
    for j in range(p):
        xj = exact.column(Xf, j)
        assert float_acceptance.kkt_float_check_passes(
            float(c_hat[j]), l1, w_star[j], taus[j], G, exact.dot(xj, xj), l2
        )


@pytest.mark.spec("FLOAT-KKT-TOLERANCE")
def test_float_check_rejects_a_wrong_support():
    """The worked example: claiming w*_2 = 0 at w_hat = w* is rejected (c_2 = 1 = l1 is fine,
    but claiming w*_1 < 0 is not: |c_1 + l1| = 2 > tau + delta for a tiny gap)."""
    assert float_acceptance.kkt_float_check_passes(1.0, 1, Fraction(0), Fraction(0), Fraction(0), 1)
    assert not float_acceptance.kkt_float_check_passes(
        1.0, 1, Fraction(-5, 3), Fraction(1, 10**15), Fraction(1, 10**12), 2
    )
