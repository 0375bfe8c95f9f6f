"""A Problem carries its options (spec OPTIONS-OBJECTIVE): exact, pasteable, read from JSON."""

from fractions import Fraction

import pytest

from lasso_spec.reference import Problem, ProblemError, solve

DATA = {"X": [[1, 2], [3, 4], [5, 1]], "y": [1, 2, 3], "l1": "1/2"}


def test_options_round_trip_through_json_and_repr():
    problem = Problem.from_json({**DATA, "fit_intercept": True, "sample_weight": [1, "1/2", 0],
                                 "positive": True, "penalty_factor": [0, 2]})
    assert problem.options == {
        "fit_intercept": True,
        "sample_weight": (Fraction(1), Fraction(1, 2), Fraction(0)),
        "positive": True,
        "penalty_factor": (Fraction(0), Fraction(2)),
    }
    assert Problem.from_json(problem.to_json()) == problem
    assert eval(repr(problem), {"Problem": Problem}) == problem
    exact = solve(problem.X, problem.y, problem.l1, problem.l2, **problem.options)
    assert exact.intercept is not None


def test_default_options_are_the_canonical_problem():
    canonical = Problem.from_json(DATA)
    spelled = Problem.from_json({**DATA, "fit_intercept": False, "sample_weight": [1, 1, 1],
                                 "positive": False, "penalty_factor": [1, 1]})
    assert spelled == canonical and spelled.options == {}
    assert set(spelled.to_json()) == {"X", "y", "l1", "l2"}
    assert Problem(X=[[1]], y=[1], l1=0, sample_weight=None).options == {}


@pytest.mark.parametrize(("extra", "message"), [
    ({"fit_intercept": 1}, "fit_intercept must be true or false"),
    ({"positive": "yes"}, "positive must be true or false"),
    ({"sample_weight": [1, -1, 1]}, "sample_weight"),
    ({"sample_weight": [0, 0, 0]}, "must not be all zero"),
    ({"sample_weight": [1, 1]}, "sample_weight"),
    ({"penalty_factor": [1, -2]}, "penalty_factor"),
    ({"penalty_factor": "1"}, "penalty_factor must be a list"),
    ({"sample_weight": [[1], [1], [1]]}, "sample_weight must be a flat JSON list"),
    ({"intercept": True}, "unknown ['intercept']"),
])
def test_bad_options_are_refused_naming_the_parameter(extra, message):
    with pytest.raises(ProblemError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Problem.from_json({**DATA, **extra})


def test_a_null_vector_option_is_the_default():
    assert Problem.from_json({**DATA, "sample_weight": None}) == Problem.from_json(DATA)
