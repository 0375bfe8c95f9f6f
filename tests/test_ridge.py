"""Ridge: no dead zone (its zeros are measure-zero accidents), unlike Lasso's stable zeros."""

from fractions import Fraction
from math import isqrt

import pytest
from exact_strategies import problems
from hypothesis import assume, given
from hypothesis import strategies as st
from oracles import correlations

from lasso_spec.reference import Problem, ProblemError, ridge, solve


@pytest.mark.spec("KKT-RIDGE")
@given(problems(ridge=True))
def test_ridge_stationarity_holds_exactly(problem):
    w = ridge(problem.X, problem.y, problem.l2)
    r = [yi - sum(a * b for a, b in zip(row, w)) for row, yi in zip(problem.X, problem.y)]
    for j, wj in enumerate(w):
        assert sum(row[j] * ri for row, ri in zip(problem.X, r)) == 2 * problem.l2 * wj
    assert w == solve(problem.X, problem.y, 0, problem.l2).w


@pytest.mark.spec("RIDGE-NO-DEAD-ZONE")
@given(problems(ridge=True))
def test_ridge_zero_iff_the_data_gradient_is_zero(problem):
    """w_j = 0 ⇔ x_jᵀr = 0: at zero the penalty gradient 2λ₂w_j is 0, so nothing can cancel."""
    w = ridge(problem.X, problem.y, problem.l2)
    for j, wj in enumerate(w):
        xr = sum(
            row[j] * (yi - sum(a * b for a, b in zip(row, w)))
            for row, yi in zip(problem.X, problem.y)
        )
        assert (wj == 0) == (xr == 0)


def test_ridge_does_produce_exact_zeros():
    """The notes' "Ridge never produces zeros" is not literally true."""
    assert ridge([[1, 2], [3, 4]], [0, 0], 1) == (0, 0)  # y = 0
    assert ridge([[1, 0], [0, 1]], [5, 0], 1)[1] == 0  # a column orthogonal to y (orthogonal X)


@pytest.mark.spec("RIDGE-NO-DEAD-ZONE")
@given(
    problems(ridge=True),
    st.lists(st.integers(-3, 3), min_size=8, max_size=8),
    st.integers(1, 10**6),
)
def test_ridge_zero_disappears_under_a_generic_perturbation(problem, direction, size):
    """For λ₂ > 0, w(y) = Xᵀ(XXᵀ + 2λ₂I)⁻¹y is linear in y and row j of that map is 0 iff
    x_j = 0, so w_j(y + εe) = w_j(y) + ε·(row_j·e): a ridge zero at a nonzero column moves off
    zero for every direction e outside one hyperplane, however small ε > 0."""
    n = len(problem.y)
    zero_y = Problem(X=problem.X, y=[0] * n, l1=0, l2=problem.l2)  # ridge zeros everywhere
    e = direction[:n]
    eps = Fraction(1, size)
    moved = ridge(problem.X, [eps * v for v in e], problem.l2)
    unit = ridge(problem.X, e, problem.l2)
    for j in range(len(problem.X[0])):
        assert ridge(zero_y.X, zero_y.y, zero_y.l2)[j] == 0
        column_is_zero = all(row[j] == 0 for row in problem.X)
        if column_is_zero:
            assert moved[j] == 0
        else:
            assert moved[j] == eps * unit[j]  # linear in y
    # Row j of the linear map is not zero: some coordinate direction moves w_j off zero.
    nonzero_cols = [j for j in range(len(problem.X[0])) if any(row[j] for row in problem.X)]
    basis_moves = [ridge(problem.X, [int(i == k) for i in range(n)], problem.l2) for k in range(n)]
    for j in nonzero_cols:
        assert any(m[j] != 0 for m in basis_moves)  # row j of the linear map is not zero


def _sqrt_upper(v, digits=10**6):
    """A rational q with √v ≤ q ≤ √v + 1/digits."""
    return Fraction(isqrt(int(v * digits * digits)) + 1, digits)


@pytest.mark.spec("KKT-ZERO")
@given(problems(), st.lists(st.integers(-3, 3), min_size=8, max_size=8))
def test_lasso_zero_with_slack_survives_every_small_perturbation(problem, direction):
    """If w_j = 0 with slack σ_j = λ₁ − |c_j| > 0, then w_j(y + e) = 0 whenever
    ‖e‖·√(‖x_j‖² + 2λ₂) < σ_j: the (augmented) residual is the projection of y onto a convex
    set, hence 1-Lipschitz in y, so c_j moves by at most √(‖x_j‖² + 2λ₂)·‖e‖."""
    s = solve(problem.X, problem.y, problem.l1, problem.l2)
    c = correlations(problem, s.w)
    n = len(problem.y)
    e = direction[:n]
    assume(any(e))
    for j, wj in enumerate(s.w):
        slack = problem.l1 - abs(c[j])
        if wj != 0 or slack <= 0:
            continue
        norm_sq = sum(row[j] ** 2 for row in problem.X) + 2 * problem.l2
        e_sq = sum(v * v for v in e)
        # Scale e to 99% of the radius: t = 0.99·σ_j/q with q ≥ √(‖e‖²·norm_sq) rational.
        t = Fraction(99, 100) * slack / _sqrt_upper(e_sq * norm_sq)
        assert t * t * e_sq * norm_sq < slack * slack
        moved = solve(
            problem.X, [yi + t * ei for yi, ei in zip(problem.y, e)], problem.l1, problem.l2
        )
        assert moved.w[j] == 0


def test_singular_least_squares_is_refused():
    with pytest.raises(ProblemError, match="not unique"):
        ridge([[1, 1], [2, 2]], [1, 2], 0)
    assert ridge([[1, 0], [0, 2]], [3, 4], 0) == (3, 2)
