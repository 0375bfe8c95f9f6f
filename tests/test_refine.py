"""Iterative refinement agrees exactly with the homotopy, and certifies float64 problems."""

import importlib
import sys
from fractions import Fraction

import numpy as np
import pytest
from exact_strategies import FAMILIES, problems
from hypothesis import given, settings
from hypothesis import strategies as st

from lasso_spec.reference import ProblemError, _flint, certify, homotopy, solve
from lasso_spec.reference._proposal import coordinate_descent as _coordinate_descent
from lasso_spec.reference._proposal import polish as _polish
from lasso_spec.reference.refine import refine

BACKENDS = [False, True] if _flint.HAVE_FLINT else [False]


def _agree(problem, fast):
    exact = solve(problem.X, problem.y, problem.l1, problem.l2, method="homotopy")
    refined = refine(problem.X, problem.y, problem.l1, problem.l2, fast=fast)
    assert refined.objective == exact.objective
    assert refined.unique == exact.unique
    assert refined.lambda_max == exact.lambda_max
    assert (refined.l1, refined.l2) == (exact.l1, exact.l2)
    if exact.unique:
        assert refined.w == exact.w
    assert certify(problem.X, problem.y, refined.w, problem.l1, problem.l2).optimal


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO", "EXACT-REFINEMENT")
@pytest.mark.parametrize("fast", BACKENDS)
@pytest.mark.parametrize("family", FAMILIES)
@given(data=st.data())
def test_refine_agrees_with_the_homotopy_exactly(family, fast, data):
    _agree(data.draw(problems(family=family)), fast)


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@settings(max_examples=10, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1), ridge=st.booleans(), fraction=st.sampled_from([0.5, 0.1, 0.01])
)
def test_float64_gaussian_medium_problems_are_certified(seed, ridge, fraction):
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((60, 40)), rng.standard_normal(60)
    l1 = fraction * float(np.max(np.abs(X.T @ y)))
    l2 = 0.5 if ridge else 0.0
    s = solve(X.tolist(), y.tolist(), l1, l2)  # auto: 60·40 entries is above the threshold
    assert s.path == ()
    cert = certify(X.tolist(), y.tolist(), s.w, l1, l2)
    assert cert.optimal
    assert s.objective == cert.objective


integer_rows = st.integers(1, 5).flatmap(
    lambda k: st.lists(st.lists(st.integers(-3, 3), min_size=k, max_size=k), min_size=k, max_size=k)
)


@pytest.mark.skipif(not _flint.HAVE_FLINT, reason="python-flint is not installed")
@given(A=integer_rows, data=st.data())
def test_flint_and_python_back_ends_agree_exactly(A, data):
    b = data.draw(st.lists(st.integers(-5, 5), min_size=len(A), max_size=len(A)))
    G = _flint.matmul(_flint.transpose(A), A, fast=False)
    assert _flint.matmul(_flint.transpose(A), A, fast=True) == G
    assert _flint.solve(A, b, fast=True) == _flint.solve(A, b, fast=False)
    assert _flint.independent(G, fast=True) == _flint.independent(G, fast=False)
    solved = _flint.solve(A, b, fast=False)
    if solved is not None:
        u, D = solved
        assert _flint.matmul(A, [[v] for v in u], fast=False) == [[D * v] for v in b]


def test_duplicate_columns_are_cut_to_an_independent_basis():
    X = [[1, 1, 0], [1, 1, 1], [0, 0, 1]]
    for fast in BACKENDS:
        s = refine(X, [3, 2, 1], Fraction(1, 2), fast=fast)
        assert s.unique is False
        assert s.w[0] == 0 or s.w[1] == 0
        assert certify(X, [3, 2, 1], s.w, Fraction(1, 2)).optimal


def test_stalled_refinement_falls_back_to_the_homotopy():
    X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    s = refine(X, y, 1, max_rounds=0)
    assert s.w == (Fraction(5, 3), Fraction(2, 3))
    assert len(s.path) == 3  # the homotopy's path: it did the work


def test_a_cycle_of_active_sets_falls_back_to_the_homotopy():
    """From w₀ = 0 the repairs revisit an active set here (found by a random search)."""
    X = [[1, 1, 1, 0, -1], [0, -1, 1, -1, 1], [-1, 0, 0, 0, 1], [1, -1, 1, -1, 0]]
    X.append([0, 1, -1, -1, 0])
    y, l1 = [-2, 0, 2, 0, 1], Fraction(1, 3)
    s = refine(X, y, l1, start=[0] * 5)
    assert s.path != ()  # the homotopy finished the job
    assert s == solve(X, y, l1, method="homotopy")


@settings(deadline=None)
@given(problems(), st.data())
def test_any_start_is_repaired_to_the_exact_answer(problem, data):
    p = len(problem.X[0])
    start = data.draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=p, max_size=p))
    s = refine(problem.X, problem.y, problem.l1, problem.l2, start=start)
    exact = solve(problem.X, problem.y, problem.l1, problem.l2, method="homotopy")
    assert s.objective == exact.objective
    assert certify(problem.X, problem.y, s.w, problem.l1, problem.l2).optimal


def test_float_proposal_stops_at_its_caps():
    """One CD sweep leaves w₀ = 0 with |ĉ₀| > λ; a polish of 0 rounds keeps CD's support."""
    G, c = np.array([[1.0, 0.99], [0.99, 1.0]]), np.array([0.005, 1.0])
    w = _coordinate_descent(G, c, 0.01, sweeps=1)
    assert w[0] == 0 and abs(c[0] - G[0] @ w) > 0.01  # not converged: the cap stopped it
    assert _polish(G, c, 0.01, w, rounds=0)[0] == [1]
    assert sorted(_polish(G, c, 0.01, w)[0]) == [0, 1]  # the polish repairs it


def test_solve_dispatches_by_size_and_path():
    rng = np.random.default_rng(0)
    X, y = rng.integers(-3, 4, (20, 21)).tolist(), rng.integers(-3, 4, 20).tolist()
    assert len(X) * len(X[0]) > homotopy.AUTO_REFINE_SIZE
    auto = solve(X, y, 1)
    traced = solve(X, y, 1, path=True)
    assert auto.path == () and len(traced.path) >= 2
    assert auto.objective == traced.objective
    assert solve([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1, method="refine").path == ()
    with pytest.raises(ProblemError, match="method"):
        solve(X, y, 1, method="simplex")
    with pytest.raises(ProblemError, match="path"):
        solve(X, y, 1, method="refine", path=True)


def test_without_flint_the_python_back_end_is_used(monkeypatch):
    monkeypatch.setitem(sys.modules, "flint", None)  # makes `import flint` fail
    try:
        assert importlib.reload(_flint).HAVE_FLINT is False
    finally:
        monkeypatch.undo()
        importlib.reload(_flint)
