"""Iterative refinement under the options agrees exactly with the homotopy (spec EXACT-REFINEMENT).

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   optionally w ≥ 0

Every combination of the four options, on every design family of tests/exact_strategies.py
(ties, duplicate and collinear columns, zero columns, n < p, …), with zero sample weights
and zero penalty factors drawn often; and the conformance strategy's option sets.  Each
answer is also judged by the independent oracle of tests/test_options_oracle.py and by
``certify`` with its intercept.
"""

from dataclasses import replace
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from exact_strategies import FAMILIES, problems
from hypothesis import given, settings
from hypothesis import strategies as st
from test_options_oracle import Case, F, factor, kkt_holds, weight

from lasso_spec.conformance.strategies import OPTION_SETS, option_problems
from lasso_spec.reference import _flint, certify, homotopy, lambda_max, solve
from lasso_spec.reference.refine import refine

BACKENDS = [False, True] if _flint.HAVE_FLINT else [False]
COMBINATIONS = list(product([False, True], repeat=4))  # intercept, weights, positive, factors


@st.composite
def option_cases(draw, fit_intercept, weighted, positive, penalised):
    """A Case of a drawn family with the given options; zero weights and factors are common."""
    base = draw(problems(family=draw(st.sampled_from(FAMILIES))))
    n, p = len(base.X), len(base.X[0])
    weights = factors = None
    if weighted:
        weights = draw(st.lists(weight, min_size=n, max_size=n))
        weights[draw(st.integers(0, n - 1))] = draw(st.sampled_from([1, 2, Fraction(3, 2)]))
    if penalised:
        factors = draw(st.lists(factor, min_size=p, max_size=p))
    case = Case(
        X=tuple(map(tuple, base.X)),
        y=tuple(base.y),
        l1=Fraction(0),
        l2=base.l2,
        fit_intercept=fit_intercept,
        sample_weight=None if weights is None else tuple(weights),
        positive=positive,
        penalty_factor=None if factors is None else tuple(factors),
    )
    if all(vj == 0 for vj in case.v) or lambda_max(case.X, case.y, **case.options) == 0:
        return replace(case, l1=draw(st.sampled_from([Fraction(0), Fraction(1)])))
    if draw(st.integers(0, 3)) == 0:  # exactly a knot of the path
        knots = solve(case.X, case.y, 0, case.l2, method="homotopy", **case.options).path
        return replace(case, l1=draw(st.sampled_from([k.lam for k in knots])))
    top = lambda_max(case.X, case.y, **case.options)
    return replace(case, l1=top * Fraction(draw(st.integers(0, 24)), 20))


def _agree(case, fast, **kwargs):
    """Refinement returns the homotopy's answer, certified, with its intercept."""
    exact = solve(case.X, case.y, case.l1, case.l2, method="homotopy", **case.options)
    refined = refine(case.X, case.y, case.l1, case.l2, fast=fast, **case.options, **kwargs)
    assert refined.objective == exact.objective == F(case, refined.w, refined.intercept)
    assert refined.unique == exact.unique
    assert refined.lambda_max == exact.lambda_max
    assert (refined.l1, refined.l2) == (exact.l1, exact.l2)
    assert (refined.intercept is None) == (not case.fit_intercept)
    if exact.unique:
        assert (refined.w, refined.intercept) == (exact.w, exact.intercept)
    assert kkt_holds(case, refined.w, refined.intercept)  # the independent oracle
    cert = case.certify(refined.w, refined.intercept)
    assert cert.optimal and cert.objective == refined.objective
    return refined, exact


@pytest.mark.spec("OPTIONS-KKT", "OPTIONS-LAMBDA-MAX", "EXACT-REFINEMENT")
@pytest.mark.parametrize("fast", BACKENDS)
@pytest.mark.parametrize(("fit_intercept", "weighted", "positive", "penalised"), COMBINATIONS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_refinement_agrees_with_the_homotopy_under_every_option_combination(
    fit_intercept, weighted, positive, penalised, fast, data
):
    case = data.draw(option_cases(fit_intercept, weighted, positive, penalised))
    _agree(case, fast)


@pytest.mark.spec("OPTIONS-KKT", "EXACT-REFINEMENT")
@pytest.mark.parametrize("kind", ["lasso", "elastic_net"])
@pytest.mark.parametrize("option_set", list(OPTION_SETS))
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_refinement_agrees_on_the_gates_option_problems(option_set, kind, data):
    problem = data.draw(option_problems(kind, option_set))
    case = Case(
        X=tuple(map(tuple, problem.X)),
        y=tuple(problem.y),
        l1=problem.l1,
        l2=problem.l2,
        **problem.options,
    )
    _agree(case, BACKENDS[-1])


@pytest.mark.skipif(not _flint.HAVE_FLINT, reason="python-flint is not installed")
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_both_back_ends_return_the_same_solution(data):
    combination = data.draw(st.sampled_from(COMBINATIONS))
    case = data.draw(option_cases(*combination))
    slow = refine(case.X, case.y, case.l1, case.l2, fast=False, **case.options)
    assert refine(case.X, case.y, case.l1, case.l2, fast=True, **case.options) == slow


@settings(max_examples=40, deadline=None)
@given(data=st.data(), max_rounds=st.sampled_from([0, 1, 2]))
def test_a_stalled_refinement_returns_the_homotopys_answer(data, max_rounds):
    """Out of rounds (before λ_max or before λ₁), the homotopy does the whole job."""
    case = data.draw(option_cases(*data.draw(st.sampled_from(COMBINATIONS))))
    s, exact = _agree(case, BACKENDS[-1], max_rounds=max_rounds)
    if s.path != ():
        assert s == exact
    if max_rounds == 0:
        assert s == exact


def test_a_cycle_under_the_options_falls_back_to_the_homotopy():
    """n = 4 < 6 + 1 coordinates: the start's five active columns are dependent; the cut drops
    the newest, x₅, which then violates its condition again — a pair met twice."""
    X = [[0, 0, 0, 0, 0, 3], [0, 0, 0, -1, 0, 0], [0, 0, 0, 0, 2, 0], [0, 0, 1, 1, 0, 0]]
    y, l1 = [0, 0, 0, 1], Fraction(1, 20)
    for fast in BACKENDS:
        s = refine(X, y, l1, fit_intercept=True, start=[0, 0, 1, 1, -1, -1], fast=fast)
        assert s.path != ()  # the homotopy finished the job
        assert s == solve(X, y, l1, fit_intercept=True, method="homotopy")
    assert refine(X, y, l1, fit_intercept=True, start=[0, 0, 0, 1, -1, -1]).path == ()


def test_rows_of_weight_zero_do_not_count():
    """The weight-0 rows carry huge values: the answer is that of the problem without them."""
    X = [[1, 2, 0], [10**6, -(10**6), 7], [0, 1, 1], [2, 0, 1], [-(10**5), 3, 3]]
    y = [1, 10**7, 2, -1, 5]
    kept = [0, 2, 3]
    options = {"fit_intercept": True, "positive": True, "penalty_factor": [1, 0, 2]}
    l1, l2 = Fraction(1, 3), 1
    for fast in BACKENDS:
        s = refine(X, y, l1, l2, sample_weight=[1, 0, 2, 3, 0], fast=fast, **options)
        Xk, yk = [X[i] for i in kept], [y[i] for i in kept]
        t = refine(Xk, yk, l1, l2, sample_weight=[1, 2, 3], fast=fast, **options)
        assert s.path == () and s.unique and s == t


def test_unpenalised_duplicates_are_not_unique_and_lambda_max_is_that_of_the_fit():
    """x₀ = x₁ unpenalised: w₀ + w₁ is determined, the split is not.  λ_max comes from the
    least-squares fit on (x₀, x₁, 1): b = 3/2, w₀ + w₁ = 0, r = (−1, 3, 1, −3)/2, and
    ĉ₂ = x₂ᵀr = 2."""
    X = [[1, 1, 0], [0, 0, 1], [1, 1, 1], [0, 0, 0]]
    y = [1, 3, 2, 0]
    options = {"fit_intercept": True, "penalty_factor": [0, 0, 1]}
    exact = solve(X, y, Fraction(1, 2), method="homotopy", **options)
    for fast in BACKENDS:
        s = refine(X, y, Fraction(1, 2), fast=fast, **options)
        assert s.unique is False and exact.unique is False
        assert s.w[0] == 0 or s.w[1] == 0  # a vertex: independent columns
        assert s.lambda_max == exact.lambda_max == 2
        assert (s.w[2], s.intercept, s.objective) == (exact.w[2], exact.intercept, exact.objective)
        assert certify(X, y, s.w, Fraction(1, 2), intercept=s.intercept, **options).optimal


@pytest.mark.spec("OPTIONS-KKT", "EXACT-REFINEMENT")
@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), ridge=st.booleans())
def test_float64_option_problems_are_refined_and_certified(seed, ridge):
    """40 × 30 float64 data (above AUTO_REFINE_SIZE: "auto" refines), every option at once."""
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((40, 30)), rng.standard_normal(40)
    weights = rng.uniform(0.5, 2, 40) * (rng.uniform(size=40) > 0.1)
    factors = np.where(rng.uniform(size=30) < 0.2, 0.0, rng.uniform(0.5, 2, 30))
    options = {
        "fit_intercept": True,
        "sample_weight": weights.tolist(),
        "positive": True,
        "penalty_factor": factors.tolist(),
    }
    top = lambda_max(X.tolist(), y.tolist(), **options)
    l1, l2 = float(top) / 10, 0.5 if ridge else 0.0
    assert X.size > homotopy.AUTO_REFINE_SIZE
    s = solve(X.tolist(), y.tolist(), l1, l2, **options)
    assert s.path == () and s.lambda_max == top
    cert = certify(X.tolist(), y.tolist(), s.w, l1, l2, intercept=s.intercept, **options)
    assert cert.optimal and cert.objective == s.objective
