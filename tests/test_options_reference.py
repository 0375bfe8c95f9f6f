"""The objective family in reference/: every option and combination, solved exactly.

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   optionally w ≥ 0

Against the independent oracle of tests/test_options_oracle.py.  The metamorphic
theorems are in tests/test_options_metamorphic.py; certify, coordinate descent and bad
input in tests/test_options_certify.py.
"""

from dataclasses import replace
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_options_oracle import (
    KINDS,
    Case,
    F,
    bounded,
    brute_force,
    cases,
    correlations,
    intercept_at,
    kkt_holds,
)

from lasso_spec.reference import (
    ProblemError,
    certify,
    coordinate_descent,
    lambda_max,
    objective,
    solve,
)

# --- solve: exact KKT under every combination, and the oracle ------------------------------

COMBINATIONS = list(product([False, True], [False, True], [False, True], [False, True], KINDS))


@pytest.mark.parametrize(
    ("fit_intercept", "weighted", "positive", "penalised", "kind"), COMBINATIONS
)
@settings(max_examples=8)
@given(data=st.data())
def test_every_combination_is_solved_with_exact_kkt(
    fit_intercept, weighted, positive, penalised, kind, data
):
    case = data.draw(
        cases(
            kind=kind,
            fit_intercept=fit_intercept,
            weighted=weighted,
            positive=positive,
            penalised=penalised,
        )
    )
    s = case.solve()
    assert (s.intercept is None) == (not fit_intercept)
    assert kkt_holds(case, s.w, s.intercept)
    assert s.objective == F(case, s.w, s.intercept)
    cert = case.certify(s.w, s.intercept)
    assert cert.optimal and cert.feasible and cert.gap == 0 and cert.bound == 0
    for knot in s.path:
        assert kkt_holds(case, knot.w, intercept_at(case, knot.w), l1=knot.lam), knot


@settings(max_examples=120)
@given(cases(max_p=3))
def test_agrees_with_the_brute_force_oracle(case):
    s = case.solve()
    best, points = brute_force(case)
    assert s.objective == best
    assert (s.w, s.intercept) in points
    if s.unique:
        assert len(points) == 1
    if len(points) > 1:
        assert not s.unique
    if bounded(case):  # the solution set is a polytope: a single point iff one vertex
        assert s.unique == (len(points) == 1)


@settings(max_examples=60)
@given(cases(kind="lasso", penalised=True))
def test_lambda_max_is_where_the_penalised_coefficients_vanish(case):
    assume(any(vj > 0 for vj in case.v))
    top = lambda_max(case.X, case.y, **case.options)
    at = replace(case, l1=top).solve()
    penalised = [j for j, vj in enumerate(case.v) if vj > 0]
    assert all(at.w[j] == 0 for j in penalised)
    assert at.lambda_max == top
    if all(vj > 0 for vj in case.v):  # w_U is b = ȳ alone (or nothing): the formula directly
        p = len(case.X[0])
        c = correlations(case, (0,) * p, intercept_at(case, (0,) * p))
        bound = [(max(cj, 0) if case.positive else abs(cj)) / vj for cj, vj in zip(c, case.v)]
        assert top == max(bound)
    if top > 0:
        below = replace(case, l1=top * Fraction(99, 100)).solve()
        assert any(below.w[j] != 0 for j in penalised)


def test_positive_lambda_max_uses_the_max_not_the_absolute_max():
    """x₁ᵀy = −5 dominates |·| but cannot enter under w ≥ 0: λ_max(positive) = x₂ᵀy = 2."""
    X, y = [[-1, 1], [-2, 0], [0, 1]], [1, 2, 1]
    assert lambda_max(X, y) == 5
    assert lambda_max(X, y, positive=True) == 2
    assert solve(X, y, 3, positive=True).w == (0, 0)  # at λ₁ = 3 < 5, w = 0 under w ≥ 0
    assert solve(X, y, 3).w != (0, 0)
    assert lambda_max([[1], [1]], [-1, -2], positive=True) == 0


def test_unpenalised_features_under_positive_start_from_nonnegative_least_squares():
    """Feature 0 (v = 0, w ≥ 0) alone would take the least-squares coefficient −5/2; NNLS
    holds it at 0 (ĉ₀ = −5 < 0), and λ_max = max(0, ĉ₁(w_U))/v₁ = x₁ᵀy = 1 from there."""
    X, y = [[1, 1], [1, 0], [0, 1]], [-3, -2, 4]
    options = {"positive": True, "penalty_factor": [0, 1]}
    assert lambda_max(X, y, **options) == 1
    assert solve(X, y, 1, **options).w == (0, 0)
    s = solve(X, y, 0, **options)
    assert s.w == (0, Fraction(1, 2))
    case = Case(X=X, y=y, l1=Fraction(0), l2=Fraction(0), positive=True, penalty_factor=(0, 1))
    assert kkt_holds(case, s.w, None)
    assert correlations(case, s.w, None)[0] == Fraction(-11, 2)


def test_nothing_penalised_is_least_squares_and_has_no_lambda_max():
    X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 0]
    with pytest.raises(ProblemError, match=r"penalty_factor is 0 for every feature"):
        lambda_max(X, y, penalty_factor=[0, 0])
    s = solve(X, y, 7, penalty_factor=[0, 0], fit_intercept=True)
    assert s.lambda_max is None and len(s.path) == 1 and s.path[0].lam == 7
    case = Case(X=X, y=y, l1=Fraction(7), l2=Fraction(0), fit_intercept=True, penalty_factor=(0, 0))
    assert all(cj == 0 for cj in correlations(case, s.w, s.intercept))  # the normal equations


def test_defaults_spelled_out_are_the_defaults():
    X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    explicit = {
        "fit_intercept": False,
        "sample_weight": [1, 1, 1],
        "positive": False,
        "penalty_factor": [1.0, 1],
    }
    assert solve(X, y, 1, **explicit) == solve(X, y, 1)
    assert certify(X, y, [2, 0], 1, **explicit) == certify(X, y, [2, 0], 1)
    assert lambda_max(X, y, **explicit) == lambda_max(X, y) == 5
    assert objective(X, y, [2, 0], 1, **explicit) == objective(X, y, [2, 0], 1)
    run = coordinate_descent(X, y, 1, exact=True, max_sweeps=3, **explicit)
    assert run == coordinate_descent(X, y, 1, exact=True, max_sweeps=3)
    assert solve(X, y, 1).intercept is None and certify(X, y, [2, 0], 1).intercept is None


# --- the intercept: the column of ones is weighted centring ------------------------------


@settings(max_examples=60)
@given(cases(fit_intercept=True))
def test_the_intercept_column_is_weighted_centring(case):
    """With x̄ = Σsᵢxᵢ/Σsᵢ, ȳ = Σsᵢyᵢ/Σsᵢ: the problem in w on x̃ = x − x̄, ỹ = y − ȳ
    without intercept has the same minimisers w and the same F*, and b = ȳ − x̄ᵀw."""
    total = sum(case.s)
    x_bar = [
        sum(si * row[j] for si, row in zip(case.s, case.X)) / total for j in range(len(case.X[0]))
    ]
    y_bar = sum(si * yi for si, yi in zip(case.s, case.y)) / total
    centred = replace(
        case,
        X=tuple(tuple(a - m for a, m in zip(row, x_bar)) for row in case.X),
        y=tuple(yi - y_bar for yi in case.y),
        fit_intercept=False,
    )
    s, t = case.solve(), centred.solve()
    assert s.objective == t.objective
    assert s.unique == t.unique
    assert kkt_holds(centred, s.w, None) and kkt_holds(case, t.w, y_bar - _dot(x_bar, t.w))
    if s.unique:
        assert s.w == t.w
    assert s.intercept == y_bar - _dot(x_bar, s.w)
    assert s.lambda_max == t.lambda_max


def _dot(u, v):
    return sum(a * b for a, b in zip(u, v))
