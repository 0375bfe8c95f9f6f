"""certify: exact optima pass, every wrong answer fails, the gap bounds the suboptimality."""

from fractions import Fraction

import numpy as np
import pytest
from exact_strategies import problems
from hypothesis import assume, given
from hypothesis import strategies as st
from oracles import correlations, objective

from lasso_spec.reference import ProblemError, certify, certify_float, solve


def _cert(problem, w):
    return certify(problem.X, problem.y, w, problem.l1, problem.l2)


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO", "DUAL-GAP")
@given(problems())
def test_exact_optimum_passes_with_zero_gap(problem):
    s = solve(problem.X, problem.y, problem.l1, problem.l2)
    cert = _cert(problem, s.w)
    assert cert.optimal and cert.violations == ()
    assert cert.gap == 0 and cert.bound == 0
    assert list(cert.c) == correlations(problem, s.w)
    assert cert.objective == objective(problem, s.w) == s.objective


@pytest.mark.spec("DUAL-GAP", "GAP-DISTANCE-BOUND")
@given(problems(), st.lists(st.fractions(-3, 3, max_denominator=5), min_size=6, max_size=6))
def test_gap_bounds_suboptimality_of_any_candidate(problem, values):
    """F(w) − F* ≤ bound ≤ gap for ANY w, and |c_j(w) − c_j(w*)|² ≤ 2·G·(‖x_j‖² + 2λ₂)."""
    p = len(problem.X[0])
    w = values[:p]
    s = solve(problem.X, problem.y, problem.l1, problem.l2)
    cert = _cert(problem, w)
    assert 0 <= cert.objective - s.objective <= cert.bound <= cert.gap
    star = _cert(problem, s.w)
    for j in range(p):
        col_sq = sum(row[j] ** 2 for row in problem.X) + 2 * problem.l2
        assert (cert.c[j] - star.c[j]) ** 2 <= 2 * cert.bound * col_sq


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@given(problems(), st.integers(0, 5), st.fractions(-2, 2, max_denominator=7))
def test_perturbed_unique_solution_fails(problem, index, delta):
    s = solve(problem.X, problem.y, problem.l1, problem.l2)
    assume(s.unique and delta != 0)
    j = index % len(s.w)
    w = list(s.w)
    w[j] += delta
    cert = _cert(problem, w)
    # Unique optimum, so w is not optimal: some KKT condition fails, and the gap is positive
    # (gap = 0 would make w optimal by weak duality).
    assert not cert.optimal
    assert cert.violations
    assert cert.gap > 0


@pytest.mark.spec("KKT-NONZERO")
@given(problems())
def test_wrong_sign_and_wrong_support_fail(problem):
    s = solve(problem.X, problem.y, problem.l1, problem.l2)
    assume(s.unique and any(s.w))
    j = next(j for j, v in enumerate(s.w) if v != 0)
    flipped = list(s.w)
    flipped[j] = -flipped[j]
    dropped = list(s.w)
    dropped[j] = 0
    assert not _cert(problem, flipped).optimal
    assert not _cert(problem, dropped).optimal


def test_residuals_are_the_distance_to_the_subdifferential():
    X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    cert = certify(X, y, [2, 0], 1)  # r = (1, 0, 1): c = (1, 2)
    assert cert.c == (1, 2) and cert.residual == (0, 1) and cert.violations == (1,)
    cert = certify(X, y, [0, -1], 1)  # r = (4, 2, 2): c = (6, 6); w_2 < 0 needs c_2 = −1
    assert cert.residual == (5, 7)


def test_floats_are_certified_exactly():
    X, y = [[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]], [3.0, 2.0, 1.0]
    w = [5 / 3, 2 / 3]  # the nearest floats: not the exact optimum
    cert = certify(X, y, w, 1.0)
    assert not cert.optimal and cert.gap > 0
    assert cert.residual[0] == abs(cert.c[0] - 1) and cert.c[0] != 1
    # The gap is linear in the rounding error u = 2⁻⁵³ (a few terms of size u·|w_j|·λ).
    assert 0 < cert.bound < Fraction(1, 2**50)


def test_ridge_strong_convexity_bound_is_used():
    X, y = [[1, 0], [0, 1]], [1, 1]
    # λ₁ = 0, λ₂ = 1/2: w* = (1/2, 1/2). At w = 0: c = (1, 1), the gap is 1 but ‖ρ‖²/(4λ₂) = 1.
    cert = certify(X, y, [0, 0], 0, Fraction(1, 2))
    assert cert.gap == 1 and cert.bound == 1
    cert = certify(X, y, [Fraction(1, 4), Fraction(1, 4)], 0, Fraction(1, 2))
    # c = (1/2, 1/2); s = 0 so the gap is ½(‖r‖² + 2λ₂‖w‖²) = 5/8, but ‖ρ‖²/(4λ₂) = 1/4.
    assert cert.gap == Fraction(5, 8) and cert.bound == Fraction(1, 4)
    assert cert.objective - Fraction(1, 2) <= cert.bound  # F* = 1/2


@pytest.mark.spec("FLOAT-KKT-TOLERANCE")
@given(problems())
def test_float_certificate_accepts_the_rounded_optimum(problem):
    """Round the exact optimum of the float64 data to float64: if the rounded point is still
    provably ε-optimal (its exact bound ≤ ε/2), the float certificate must accept it.

    The data are first rounded to float64 and the optimum is that of the rounded data (rounding
    X can change it drastically: a rank-deficient X may become barely full-rank, with a huge
    w*).  Rounding w* (|δ_j| ≤ u|w*_j|) costs about 2u·λ₁‖w*‖₁ + ½‖Xδ‖², which is tiny
    unless w* is huge, i.e. unless the rounded data are ill-conditioned: those are skipped.
    """
    X = np.array([[float(v) for v in row] for row in problem.X])
    y = np.array([float(v) for v in problem.y])
    l1, l2 = float(problem.l1), float(problem.l2)
    s = solve(X.tolist(), y.tolist(), l1, l2)  # the exact optimum of the float data
    w = np.array([float(v) for v in s.w])
    eps = 1e-9 * (float(y @ y) / 2 or 1.0)
    exact = certify(X.tolist(), y.tolist(), w.tolist(), l1, l2)
    assume(exact.bound <= Fraction(eps) / 2)
    cert = certify_float(X, y, w, l1, l2, gap_tol=eps)
    assert cert.optimal, (cert.residual, cert.tolerance, cert.gap)


def test_float_certificate_rejects_a_wrong_answer():
    X = np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    y = np.array([3.0, 2.0, 1.0])
    cert = certify_float(X, y, np.array([2.0, 0.0]), 1.0, gap_tol=1e-9)
    assert not cert.optimal and cert.residual[1] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([[1.0]], [1.0, 2.0], [0.0], 1.0), "y must have shape"),
        (([[1.0]], [1.0], [0.0, 1.0], 1.0), "w must have shape"),
        (([1.0], [1.0], [0.0], 1.0), "X must be a non-empty 2-D array"),
        (([[float("nan")]], [1.0], [0.0], 1.0), "X must be finite"),
        (([[1.0]], [1.0], [0.0], -1.0), "l1 must be >= 0"),
    ],
)
def test_float_certificate_rejects_bad_input(args, message):
    with pytest.raises(ProblemError, match=message):
        certify_float(*args, gap_tol=1e-9)


@pytest.mark.spec("FLOAT-DOT-ERROR", "FLOAT-RESIDUAL-ERROR", "FLOAT-KKT-TOLERANCE")
@given(problems(), st.lists(st.floats(-1e3, 1e3), min_size=6, max_size=6))
def test_float_certificate_error_bound_holds(problem, values):
    """|fl(c_j) − c_j(w)| ≤ c_error_j, with c_j(w) computed exactly from the same doubles."""
    X = np.array([[float(v) for v in row] for row in problem.X])
    y = np.array([float(v) for v in problem.y])
    w = np.array(values[: X.shape[1]])
    l1, l2 = float(problem.l1), float(problem.l2)
    cert = certify_float(X, y, w, l1, l2, gap_tol=1e-9)
    exact = certify(X.tolist(), y.tolist(), w.tolist(), l1, l2)
    for j, cj in enumerate(exact.c):
        assert abs(Fraction(float(cert.c[j])) - cj) <= Fraction(float(cert.c_error[j])), j
