"""Bad input: always ProblemError (a ValueError) naming the parameter and the value."""

from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.reference import (
    Problem,
    ProblemError,
    certify,
    coordinate_descent,
    lambda_max,
    objective,
    parse_number,
    ridge,
    solve,
)

GOOD_X, GOOD_Y = [[1, 2], [3, 4]], [1, 2]

BAD_PROBLEMS = [
    (([], GOOD_Y, 1), "X must have at least one row"),
    (([[], []], GOOD_Y, 1), "X must have at least one column"),
    (([[1, 2], [3]], GOOD_Y, 1), "X is ragged: row 0 has 2 entries, row 1 has 1"),
    ((GOOD_X, [1, 2, 3], 1), "y must have length 2, got length 3"),
    ((GOOD_X, [1], 1), "y must have length 2, got length 1"),
    (([[1, float("nan")], [3, 4]], GOOD_Y, 1), r"X\[0\]\[1\] must be finite, got nan"),
    ((GOOD_X, [1, float("inf")], 1), r"y\[1\] must be finite, got inf"),
    ((GOOD_X, GOOD_Y, -1), "l1 must be >= 0, got -1"),
    ((GOOD_X, GOOD_Y, float("nan")), "l1 must be finite"),
    ((GOOD_X, GOOD_Y, 1, -Fraction(1, 2)), r"l2 must be >= 0, got Fraction\(-1, 2\)"),
    (([[1, "2"], [3, 4]], GOOD_Y, 1), r"X\[0\]\[1\] must be a real number, got str: '2'"),
    (([[1, True], [3, 4]], GOOD_Y, 1), r"X\[0\]\[1\] must be a real number, not a bool: True"),
    (([[1, 2j], [3, 4]], GOOD_Y, 1), r"X\[0\]\[1\] must be a real number, got complex"),
    ((GOOD_X, GOOD_Y, None), "l1 must be a real number, got NoneType"),
    ((GOOD_X, GOOD_Y, 1 + 0j), "l1 must be a real number, got complex"),
    (([1, 2], GOOD_Y, 1), r"X\[0\] must be a sequence of numbers, got 1"),
    (([[[1], [2]], [[3], [4]]], GOOD_Y, 1), r"X\[0\]\[0\] must be a real number, got list"),
    (("12", GOOD_Y, 1), "X must be a sequence of numbers, got '12'"),
    ((GOOD_X, 5, 1), "y must be a sequence of numbers, got 5"),
    ((np.array([1.0, 2.0]), GOOD_Y, 1), r"X must be a 2-d array, got shape \(2,\)"),
    ((GOOD_X, GOOD_Y, np.bool_(True)), "l1 must be a real number, not a bool"),
]


@pytest.mark.parametrize(("args", "message"), BAD_PROBLEMS)
@pytest.mark.parametrize("function", [solve, coordinate_descent])
def test_solvers_reject_bad_input(function, args, message):
    with pytest.raises(ProblemError, match=message) as info:
        function(*args)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("args", "message"), [(a, m) for a, m in BAD_PROBLEMS if "l" not in m[:2]])
def test_lambda_max_rejects_bad_data(args, message):
    with pytest.raises(ProblemError, match=message):
        lambda_max(*args[:2])


@pytest.mark.parametrize(
    ("l2", "message"),
    [
        (-1, "l2 must be >= 0, got -1"),
        (float("inf"), "l2 must be finite"),
        ("1", "l2 must be a real"),
    ],
)
def test_ridge_rejects_bad_penalty(l2, message):
    with pytest.raises(ProblemError, match=message):
        ridge(GOOD_X, GOOD_Y, l2)


@pytest.mark.parametrize("function", [certify, objective])
def test_candidate_w_is_checked(function):
    with pytest.raises(ProblemError, match="w must have length 2, got length 3"):
        function(GOOD_X, GOOD_Y, [0, 0, 0], 1)
    with pytest.raises(ProblemError, match=r"w\[1\] must be finite"):
        function(GOOD_X, GOOD_Y, [0, float("inf")], 1)


def test_numpy_input_is_accepted_and_converted_exactly():
    X = np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    y = np.array([3, 2, 1], dtype=np.int64)
    assert solve(X, y, np.float64(1.0)).w == (Fraction(5, 3), Fraction(2, 3))
    assert lambda_max(X, [0.1, 0, 0]) == Fraction(0.1)  # the binary value, not 1/10


def test_problem_json_round_trip_and_errors():
    problem = Problem.from_json({"X": [["1/2", 1], [0.25, "-3"]], "y": ["1", 2], "l1": "1/3"})
    assert problem.X == ((Fraction(1, 2), 1), (Fraction(1, 4), -3)) and problem.l2 == 0
    assert Problem.from_json(problem.to_json()) == problem
    assert eval(repr(problem), {"Problem": Problem}) == problem  # pasteable
    assert problem.shape == (2, 2)
    with pytest.raises(ProblemError, match=r"missing \['l1'\], unknown \['z'\]"):
        Problem.from_json({"X": [[1]], "y": [1], "z": 1})
    with pytest.raises(ProblemError, match="a problem must be a JSON object"):
        Problem.from_json([1])
    with pytest.raises(ProblemError, match="X must be a list"):
        Problem.from_json({"X": "1", "y": [1], "l1": 1})
    with pytest.raises(ProblemError, match=r"X\[0\]\[0\] must be a number or a \"p/q\" string"):
        Problem.from_json({"X": [["1/0"]], "y": [1], "l1": 1})
    with pytest.raises(ProblemError, match="l1 must be >= 0"):
        Problem.from_json({"X": [[1]], "y": [1], "l1": "-1"})
    assert parse_number("0.25", "v") == Fraction(1, 4)
