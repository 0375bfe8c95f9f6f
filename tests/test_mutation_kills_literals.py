"""Number literals, JSON problems and error messages, stated precisely (TESTING.md).

Written against the mutants that survived ``tox -e mutation`` in reference/problem.py and
reference/_validate.py: every message names the parameter and shows the value given (cut to
80 characters), digit separators are not digits, and every key of a JSON problem is read.
Expected values are worked out by hand from the documented syntax and limits.
"""

from fractions import Fraction

import pytest

from lasso_spec.reference import Problem, ProblemError, format_number, parse_number
from lasso_spec.reference._validate import MAX_DIGITS, show
from lasso_spec.reference.problem import loads


def _message(function, *args):
    with pytest.raises(ProblemError) as info:
        function(*args)
    return str(info.value)


# ------------------------------------------------------------------------------ show


def test_show_cuts_a_long_repr_to_80_characters_with_an_ellipsis():
    assert show("a" * 78) == "'" + "a" * 78 + "'"  # a repr of exactly 80 characters: whole
    long = show("a" * 79)  # 81 characters: 79 kept and an ellipsis
    assert long == "'" + "a" * 78 + "…" and len(long) == 80
    assert show(list(range(100)), limit=10) == "[0, 1, 2,…"


# ------------------------------------------------------------------------ digit separators


def test_underscores_are_separators_not_digits():
    assert parse_number("0.1_5", "v") == Fraction(15, 100)
    assert parse_number("1_0/3", "v") == Fraction(10, 3)
    assert parse_number("-2_5", "v") == -25
    # 10 000 digits and a separator: within the limit of MAX_DIGITS digits
    half = "9" * (MAX_DIGITS // 2)
    assert parse_number(f"{half}_{half}", "v") == 10**MAX_DIGITS - 1
    assert parse_number(f".{half[1:]}_{half}", "v") == 1 - Fraction(1, 10 ** (MAX_DIGITS - 1))
    assert parse_number(f"{half}_{half}/7", "v") == Fraction(10**MAX_DIGITS - 1, 7)
    assert parse_number(f"1/{half}_{half}", "v") == Fraction(1, 10**MAX_DIGITS - 1)
    # an exponent of 10 000 written with a separator: 0.1 × 10^10000 = 10^9999 (10 000 digits)
    assert parse_number("0.1e1_0000", "v") == 10**9_999
    assert parse_number("2e0_3", "v") == 2000


# ------------------------------------------------------------------------ messages


def test_literal_messages_name_the_parameter_and_show_the_literal():
    assert _message(parse_number, "1/0", "l1") == (
        "l1 must be a number or a \"p/q\" string with q > 0, got '1/0'"
    )
    assert _message(parse_number, "1e999999999", "l1") == (
        "l1 is too large to read exactly: '1e999999999' has an exponent of 9 digits; "
        "the limit is |exponent| <= 10000"
    )
    assert _message(parse_number, True, "l1") == "l1 must be a real number, not a bool: True"
    ones = "1" * (MAX_DIGITS + 1)
    for text in (f"{ones}/3", f"3/{ones}", ones):
        shown = repr(text)[:79] + "…"  # the literal's repr cut to 80 characters
        assert _message(parse_number, text, "l1") == (
            f"l1 is too large to read exactly: {shown} has 10001 digits and exponent 0; the "
            "limit is 10000 digits and |exponent| <= 10000 (pass an exact int or Fraction instead)"
        ), text[:5]
    assert _message(parse_number, "1e10001", "l1").startswith(
        "l1 is too large to read exactly: '1e10001' has 1 digits and exponent 10001;"
    )
    assert _message(format_number, "x") == "value must be a real number, got str: 'x'"


def test_json_integer_and_nesting_messages():
    assert _message(loads, "1" * (MAX_DIGITS + 1)).startswith(
        "a JSON integer is too large to read exactly: '" + "1" * 78 + "… has 10001 digits"
    )
    assert loads("-12") == -12 and loads("[-0, 7]") == [0, 7]
    assert _message(loads, "[" * 100_000) == "the JSON is nested too deeply to read"


def test_json_problem_messages_name_the_entry():
    base = {"X": [[1]], "y": [1], "l1": 1}
    assert _message(Problem.from_json, [1]) == "a problem must be a JSON object, got [1]"
    assert _message(Problem.from_json, {**base, "X": "1"}) == "X must be a list, got '1'"
    assert _message(Problem.from_json, {**base, "y": "1"}) == "y must be a list, got '1'"
    assert _message(Problem.from_json, {**base, "X": [["a"]]}) == (
        "X[0][0] must be a number or a \"p/q\" string, got 'a'"
    )
    assert _message(Problem.from_json, {**base, "y": ["a"]}) == (
        "y[0] must be a number or a \"p/q\" string, got 'a'"
    )
    assert _message(Problem.from_json, {**base, "l2": "a"}) == (
        "l2 must be a number or a \"p/q\" string, got 'a'"
    )
    assert _message(Problem.from_json, {**base, "y": [[1]]}) == (
        "y must be a flat JSON list of numbers, not a column matrix [[...], ...]: got [[1]]"
    )


def test_json_problem_reads_l2():
    problem = Problem.from_json({"X": [[1]], "y": [1], "l1": "1/3", "l2": "1/2"})
    assert (problem.l1, problem.l2) == (Fraction(1, 3), Fraction(1, 2))
    assert Problem.from_json({"X": [[1]], "y": [1], "l1": 0, "l2": 2.5}).l2 == Fraction(5, 2)
    assert Problem.from_json({"X": [[1]], "y": [1], "l1": 0}).l2 == 0


# ------------------------------------------------------------------------ options in JSON


def test_json_problem_reads_every_option():
    data = {"X": [[1, 2], [3, 4]], "y": [1, 2], "l1": 1}
    problem = Problem.from_json(
        {
            **data,
            "fit_intercept": True,
            "positive": True,
            "sample_weight": ["1/2", 2],
            "penalty_factor": [0, "3"],
        }
    )
    assert problem.options == {
        "fit_intercept": True,
        "positive": True,
        "sample_weight": (Fraction(1, 2), Fraction(2)),
        "penalty_factor": (Fraction(0), Fraction(3)),
    }
    assert problem.to_json() == {
        "X": [["1", "2"], ["3", "4"]],
        "y": ["1", "2"],
        "l1": "1",
        "l2": "0",
        "fit_intercept": True,
        "positive": True,
        "sample_weight": ["1/2", "2"],
        "penalty_factor": ["0", "3"],
    }
    assert Problem.from_json({**data, "sample_weight": None}) == Problem.from_json(data)


def test_json_option_messages():
    data = {"X": [[1, 2], [3, 4]], "y": [1, 2], "l1": 1}
    assert _message(Problem.from_json, {**data, "fit_intercept": 1}) == (
        "fit_intercept must be true or false, got 1"
    )
    assert _message(Problem.from_json, {**data, "positive": "yes"}) == (
        "positive must be true or false, got 'yes'"
    )
    assert _message(Problem.from_json, {**data, "sample_weight": [[1], [2]]}) == (
        "sample_weight must be a flat JSON list of numbers, got [[1], [2]]"
    )
    assert _message(Problem.from_json, {**data, "penalty_factor": [1, "a"]}) == (
        "penalty_factor[1] must be a number or a \"p/q\" string, got 'a'"
    )
    assert _message(Problem.from_json, {"X": [[1]], "colour": 1}) == (
        "a problem has keys X, y, l1 and optionally l2, fit_intercept, sample_weight, positive, "
        "penalty_factor; missing ['l1', 'y'], unknown ['colour']"
    )
