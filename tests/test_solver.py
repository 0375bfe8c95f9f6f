"""The exact solver: KKT holds exactly, the path is right, brute force agrees."""

from fractions import Fraction

import pytest
from exact_strategies import problems
from hypothesis import given
from hypothesis import strategies as st
from oracles import brute_force, correlations, kkt_holds

from lasso_spec.reference import Problem, lambda_max, solve

WORKED = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)


def _solve(problem, l1=None):
    return solve(problem.X, problem.y, problem.l1 if l1 is None else l1, problem.l2)


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
def test_worked_example_is_exact():
    s = _solve(WORKED)
    assert s.w == (Fraction(5, 3), Fraction(2, 3))
    assert s.objective == Fraction(8, 3)
    assert s.unique is True
    assert [(k.lam, k.w) for k in s.path] == [(5, (0, 0)), (3, (1, 0)), (1, s.w)]


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@given(problems())
def test_solution_and_every_knot_satisfy_kkt_exactly(problem):
    s = _solve(problem)
    assert kkt_holds(problem, s.w)
    for knot in s.path:
        assert kkt_holds(problem, knot.w, l1=knot.lam), knot


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@given(problems(), st.fractions(0, 1))
def test_path_is_linear_between_knots(problem, t):
    """Between consecutive knots the solution is the linear interpolation (when unique)."""
    s = _solve(problem)
    for a, b in zip(s.path, s.path[1:]):
        if a.lam == b.lam:
            continue  # a repeated knot: two vertex solutions at one λ (non-unique)
        lam = a.lam + t * (b.lam - a.lam)
        w = tuple(u + t * (v - u) for u, v in zip(a.w, b.w))
        assert kkt_holds(problem, w, l1=lam), (lam, w)


def test_path_runs_from_lambda_max_down_to_l1():
    s = _solve(WORKED, l1=Fraction(1, 2))
    assert s.path[0] == (5, (0, 0))
    assert s.path[-1].lam == Fraction(1, 2) and s.path[-1].w == s.w
    assert [k.lam for k in s.path] == sorted((k.lam for k in s.path), reverse=True)


@pytest.mark.spec("OBJECTIVE")
@given(problems().filter(lambda p: len(p.X[0]) <= 5))
def test_objective_and_uniqueness_match_brute_force(problem):
    s = _solve(problem)
    best, vertices = brute_force(problem)
    assert s.objective == best
    assert s.w in vertices
    if problem.l1 > 0 or problem.l2 > 0:
        # The solution set is a polytope: a single point iff it has one vertex.
        assert s.unique == (len(vertices) == 1)


@pytest.mark.spec("LAMBDA-MAX")
@given(problems())
def test_zero_solution_iff_lambda_at_least_lambda_max(problem):
    top = lambda_max(problem.X, problem.y)
    assert top == max(
        abs(sum(r[j] * yi for r, yi in zip(problem.X, problem.y))) for j in range(len(problem.X[0]))
    )
    s = _solve(problem)
    assert s.lambda_max == top
    assert (all(v == 0 for v in s.w)) == (problem.l1 >= top)


@pytest.mark.spec("LAMBDA-MAX")
@given(problems(), st.fractions(0, 1))
def test_lambda_max_does_not_depend_on_l2(problem, extra):
    above = _solve(Problem(X=problem.X, y=problem.y, l1=problem.l1, l2=problem.l2 + extra))
    assert above.lambda_max == lambda_max(problem.X, problem.y)


def test_tie_two_variables_enter_at_one_knot():
    s = solve([[1, 0], [0, 1]], [1, 1], Fraction(1, 2))
    assert s.w == (Fraction(1, 2), Fraction(1, 2))
    assert [k.lam for k in s.path] == [1, Fraction(1, 2)]


def test_duplicate_columns_give_a_vertex_and_say_not_unique():
    problem = Problem(X=[[1, 1], [1, 1]], y=[2, 2], l1=1)
    s = _solve(problem)
    assert s.unique is False
    assert sorted(s.w) == [0, Fraction(3, 2)]  # a vertex: one of the duplicates carries it all
    swapped = tuple(reversed(s.w))
    assert kkt_holds(problem, swapped) and swapped != s.w  # another minimiser exists


def test_zero_column_stays_zero_and_l1_zero_gives_least_squares():
    s = solve([[1, 0], [2, 0], [0, 0]], [1, 3, 5], 0)
    assert s.w == (Fraction(7, 5), 0)
    assert s.unique is False  # the zero column's coefficient is arbitrary at λ₁ = λ₂ = 0


def test_wide_problem_at_l1_zero_interpolates():
    problem = Problem(X=[[1, 2, 3]], y=[6], l1=0)
    s = _solve(problem)
    assert sum(a * b for a, b in zip(problem.X[0], s.w)) == 6
    assert sum(1 for v in s.w if v != 0) == 1  # a vertex: one independent column
    assert s.unique is False


def test_variable_leaves_the_path_and_re_enters():
    """A drop (Osborne et al.): w_1 is active, reaches exactly 0 at λ = 1/3, and returns."""
    problem = Problem(X=[[-2, -1, 1], [-1, 0, 1], [0, 1, 2]], y=[3, 0, 1], l1=0)
    s = _solve(problem)
    assert [k.lam for k in s.path] == [
        6,
        Fraction(7, 2),
        Fraction(7, 17),
        Fraction(1, 3),
        Fraction(2, 17),
        0,
    ]
    assert [k.w[0] for k in s.path] == [0, Fraction(-1, 2), Fraction(-16, 17), 0, 0, 4]
    for knot in s.path:
        assert kkt_holds(problem, knot.w, l1=knot.lam)
    # Just above 1/3 w_1 < 0, just below it w_1 = 0 (inactive), and at λ = 0 it is back.
    assert solve(problem.X, problem.y, Fraction(1, 4)).w[0] == 0


def test_non_unique_knot_records_both_vertices():
    """At λ = 1/2 the minimiser is not unique and the path moves to another vertex there."""
    problem = Problem(
        X=[[0, 1, 1, 0, 1], [0, 1, 1, 1, 0], [1, -1, -1, 1, -1]], y=[-1, 2, -2], l1=Fraction(1, 2)
    )
    s = _solve(Problem(X=problem.X, y=problem.y, l1=0))
    at_half = [k.w for k in s.path if k.lam == Fraction(1, 2)]
    assert len(at_half) == 2 and at_half[0] != at_half[1]
    for w in at_half:
        assert kkt_holds(problem, w)
    assert _solve(problem).unique is False


@pytest.mark.parametrize("seed", range(3))
def test_degenerate_knots_use_the_fallback_and_stay_optimal(seed):
    """Problems with entries in {−1, 0, 1} where the one-step LARS guess fails at a knot."""
    problems_with_ties = [
        Problem(X=[[-1, 0, -1], [1, -1, 0], [0, 1, 0]], y=[1, -1, 2], l1=0),
        Problem(X=[[0, 1, 1, 0], [1, 0, -1, -1], [0, 1, 0, 0]], y=[0, 2, 1], l1=0),
        Problem(
            X=[[-1, 1, -1, 1], [1, 1, 0, 1], [1, -1, 0, 1], [0, -1, 0, 1]], y=[-2, -1, -2, 1], l1=0
        ),
    ]
    problem = problems_with_ties[seed]
    for knot in _solve(problem).path:
        assert kkt_holds(problem, knot.w, l1=knot.lam)


@given(problems(ridge=True))
def test_elastic_net_is_always_unique(problem):
    assert _solve(problem).unique is True


@given(problems(family="orthogonal", ridge=False))
def test_orthogonal_design_is_soft_thresholding(problem):
    """With orthogonal columns, w_j = S(x_jᵀy, λ₁)/‖x_j‖² exactly."""
    s = _solve(problem)
    for j, wj in enumerate(s.w):
        col = [row[j] for row in problem.X]
        z = sum(a * b for a, b in zip(col, problem.y))
        shrunk = max(abs(z) - problem.l1, 0) * (1 if z > 0 else -1)
        assert wj == shrunk / sum(a * a for a in col)


def test_correlations_helper_matches_definition():
    assert correlations(WORKED, (Fraction(5, 3), Fraction(2, 3))) == [1, 1]
