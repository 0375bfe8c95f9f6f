"""Tests written against the survivors of the random sample that finished the mutation run
of all of reference/ (``mutation/sample.py``; TESTING.md): what the drawn mutants showed no
test asserted.  Each names the behaviour, not the mutant."""

import subprocess
import sys
import textwrap
from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.reference import (
    Problem,
    ProblemError,
    certify,
    homotopy,
    lambda_max,
    objective,
)
from lasso_spec.reference._unique import is_unique
from lasso_spec.reference._validate import as_matrix, to_fraction
from lasso_spec.reference.options import as_options, quadratic

X, Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]


@pytest.mark.parametrize("key", ["fit_intercept", "positive"])
def test_a_numpy_bool_option_is_stored_as_a_python_bool(key):
    """Every input becomes a Python value at the door: np.True_ is stored as True, so the
    problem's JSON, equality and hash are those of the same problem with True."""
    given = Problem(X, Y, 1, **{key: np.True_})
    assert type(getattr(given, key)) is bool and getattr(given, key) is True
    assert given == Problem(X, Y, 1, **{key: True})
    assert given.to_json() == Problem(X, Y, 1, **{key: True}).to_json()


def test_the_infeasible_objective_says_f_is_infinite():
    with pytest.raises(ProblemError, match=r"\(F is \+infinity there\)$"):
        objective(X, Y, [2, -1], 0, positive=True)


@pytest.mark.parametrize(("rows", "message"), [
    ([[1, 2], [3]], "X is ragged: row 0 has 2 entries, row 1 has 1"),
    ([], "X must have at least one row"),
    ([[]], "X must have at least one column"),
])
def test_the_matrix_is_named_x_by_default(rows, message):
    """A message names the parameter: X unless the caller names another."""
    with pytest.raises(ProblemError, match=f"^{message}$"):
        as_matrix(rows)
    with pytest.raises(ProblemError, match=f"^{message.replace('X', 'A', 1)}$"):
        as_matrix(rows, "A")


def test_a_fraction_of_numpy_integers_becomes_a_fraction_of_python_ints():
    """Fraction(np.int64(2), np.int64(6)) keeps numpy integers inside (CPython's Fraction
    does not convert them): the door must, or a fixed-width integer reaches exact code."""
    given = Fraction(np.int64(2), np.int64(6))
    assert type(given.numerator) is np.int64  # the hazard is real
    exact = to_fraction(given, "l1")
    assert exact == Fraction(1, 3)
    assert type(exact.numerator) is int and type(exact.denominator) is int


def test_weights_and_factors_of_all_ones_are_the_default():
    given = Problem(X, Y, 1, sample_weight=[1, 1, 1], penalty_factor=[1, Fraction(2, 2)])
    assert given.sample_weight is None and given.penalty_factor is None
    assert given == Problem(X, Y, 1)


#: Knots where the homotopy's first guess is not optimal below it and the second basis tried
#: is optimal only on an interval that ends *below* the knot, found by searches of small
#: degenerate problems (1 in 3 000 with random options, 2 in 6 000 without).  Accepting a
#: basis by its lower end alone gives, for the first, w = (−15/28, 0, 0, −25/28) at λ = 3
#: and no basis at all below λ = 1; for the second, w = (3/2, 1/4, 0, 0, 0) at λ = 1.
KNOTS = [
    ({"X": [[-2, 2, 2, 0], [-1, 0, -1, 0], [1, 0, 0, -2]], "y": [1, 0, 2],
      "fit_intercept": True, "sample_weight": [3, 2, 2]},
     [4, 3, Fraction(5, 2), 2, 1, Fraction(1, 2), 0],
     {3: ((0, 0, 0, Fraction(-7, 40)), Fraction(9, 10))}),
    ({"X": [[0, -2, 4, -4, -2], [2, -2, -4, -2, -2], [0, -2, 2, -4, -2]], "y": [0, 3, -1]},
     [14, Fraction(74, 13), 2, Fraction(24, 13), Fraction(4, 3), 1, Fraction(1, 2)],
     {1: ((Fraction(19, 20), 0, Fraction(-3, 20), 0, 0), None)}),
]


@pytest.mark.parametrize(("knot", "l1"), [(k, l1) for k, (_, lams, _) in enumerate(KNOTS)
                                          for l1 in lams])
def test_the_path_through_a_knot_where_the_guess_fails_is_optimal(knot, l1):
    problem, _, known = KNOTS[knot]
    options = {k: v for k, v in problem.items() if k not in ("X", "y")}
    solution = homotopy.solve(problem["X"], problem["y"], l1, 0, **options)
    certificate = certify(problem["X"], problem["y"], solution.w, l1, 0,
                          intercept=solution.intercept, **options)
    assert certificate.optimal and certificate.gap == 0 and certificate.bound == 0
    if l1 in known:
        assert (solution.w, solution.intercept) == known[l1]


@pytest.mark.parametrize(("X", "y", "l1"), [
    ([[1, 1], [1, 1]], [2, 2], 1),  # duplicate columns: a segment of minimisers
    ([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1),  # the notes' worked example: unique
    ([[1, 2], [2, 4]], [1, 1], Fraction(1, 2)),  # proportional columns
])
def test_uniqueness_without_factors_is_that_with_factors_of_one(X, y, l1):
    """is_unique's defaults (v = 1, no sign constraint) are the canonical problem's."""
    solution = homotopy.solve(X, y, l1, 0)
    options = as_options(X, fit_intercept=False, sample_weight=None, positive=False,
                         penalty_factor=None)
    q = quadratic(X, y, 0, options)
    w = list(solution.w)
    p = len(w)
    assert is_unique(q.G, q.c, w, l1, 0) == is_unique(q.G, q.c, w, l1, 0, [1] * p, [False] * p)
    assert is_unique(q.G, q.c, w, l1, 0) == solution.unique


def test_the_reference_needs_neither_pandas_nor_scipy_loaded():
    """The container policy looks pandas and scipy.sparse up only if the caller has loaded
    them (they are optional): in a process with neither, the door still converts."""
    code = textwrap.dedent("""\
        import sys
        import numpy as np
        from lasso_spec.reference import Problem, solve
        assert "pandas" not in sys.modules and "scipy" not in sys.modules
        p = Problem(np.array([[1, 1], [1, 0], [0, 1]]), [3, 2, 1], 1)
        print(solve(p.X, p.y, p.l1).w)
        """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(Fraction(5, 3), Fraction(2, 3))"


def test_lambda_max_with_nothing_penalised_says_so():
    with pytest.raises(ProblemError, match=r"penalty_factor is 0 for every feature \(\['0', "
                       r"'0'\]\): nothing is penalised, so there is no lambda_max$"):
        lambda_max(X, Y, penalty_factor=[0, 0])


def test_a_missing_intercept_says_how_to_pass_it():
    with pytest.raises(ProblemError, match=r"^intercept is required when fit_intercept=True "
                       r"\(pass intercept=b\)$"):
        certify(X, Y, [1, 1], 1, fit_intercept=True)


@pytest.mark.parametrize("given", [{0: 3, 1: 2, 2: 1}, {3, 2, 1}])
def test_a_mapping_or_set_says_why_and_what_to_pass(given):
    with pytest.raises(ProblemError, match=r"^y must be a sequence of numbers, not a \w+ "
                       r"\(it has no order to read the data in\); pass a list or an array$"):
        Problem(X, given, 1)


def test_auto_uses_the_homotopy_up_to_the_documented_size_and_refines_above_it():
    """method="auto": the homotopy (which records the path) when n·p ≤ AUTO_REFINE_SIZE,
    refinement (path == ()) above it."""
    size = homotopy.AUTO_REFINE_SIZE
    at = homotopy.solve([[1] * size], [0], 1)  # n·p = size: the homotopy
    above = homotopy.solve([[1] * (size + 1)], [0], 1)  # n·p = size + 1: refinement
    assert at.path != () and above.path == ()
    assert at.w == (0,) * size and above.w == (0,) * (size + 1)
