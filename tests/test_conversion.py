"""Exact conversion at the door: the same problem in any numeric container gives the same answer.

Issue 12: numpy integer arrays overflowed inside the exact arithmetic (wrong answers
from ridge, solve, lambda_max without a word) or crashed it (AssertionError,
OverflowError).  Every input now becomes Python ints / Fractions before any arithmetic.
"""

import io
import json
import sys
import tracemalloc
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lasso_spec.reference import (
    Problem,
    ProblemError,
    certify,
    coordinate_descent,
    lambda_max,
    objective,
    ridge,
    solve,
)
from lasso_spec.reference.__main__ import main
from lasso_spec.reference.problem import loads

INT_DTYPES = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)
FLOAT_DTYPES = (np.float16, np.float32, np.float64, np.longdouble)


def _python(X, y):
    return [list(map(Fraction, row)) for row in X], [Fraction(v) for v in y]


# ----------------------------------------------------------------------------- the defects


def _random_int_problems(count, low, high, shape=(6, 4), dtype=np.int64, seed=12):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        yield (rng.integers(low, high + 1, size=shape).astype(dtype),
               rng.integers(low, high + 1, size=shape[0]).astype(dtype))


def test_ridge_on_int64_arrays_equals_ridge_on_lists():
    """Was: 14 wrong answers in 60 (int64 products overflowed inside Fraction)."""
    for X, y in _random_int_problems(60, -9, 9):
        assert ridge(X, y, 1) == ridge(X.tolist(), y.tolist(), 1)


def test_elastic_net_on_int64_arrays_equals_lists():
    """Was: 7 of these 60 wrong for solve(l2=1) or OverflowError: too large to convert to C long."""
    for X, y in _random_int_problems(60, -9, 9, shape=(8, 4)):
        assert solve(X, y, 1, 1).w == solve(X.tolist(), y.tolist(), 1, 1).w
        w = [1, -1, 0, 2]
        assert objective(X, y, w, 1, 1) == objective(X.tolist(), y.tolist(), w, 1, 1)


def test_uint8_image_data_is_not_read_as_zero():
    """Was: w = 0 for 20 × 5 uint8 data where the exact answer is not zero."""
    (X, y), = _random_int_problems(1, 0, 255, shape=(20, 5), dtype=np.uint8)
    exact = solve(X.tolist(), y.tolist(), 1000)
    assert any(exact.w)
    assert solve(X, y, 1000) == exact


def test_lambda_max_of_int8_data():
    """Was: 124 instead of 11900 (100·100 + 100·19 wrapped in int8)."""
    X, y = np.array([[100, 100], [100, -100]], np.int8), np.array([100, 19], np.int8)
    assert lambda_max(X, y) == 11900


def test_int8_penalty_with_int8_data():
    """Was: a wrong w for l1 = np.int8(100)."""
    X, y = np.array([[100, 100], [100, -100]], np.int8), np.array([100, 19], np.int8)
    assert solve(X, y, np.int8(100)).w == (Fraction(59, 100), Fraction(2, 5))
    assert solve(X, y, np.int8(100)) == solve(X.tolist(), y.tolist(), 100)


@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.uint64])
def test_narrow_and_unsigned_dtypes_no_longer_crash(dtype):
    """Was: AssertionError (int8, int32), OverflowError (int64 in solve/objective, uint64)."""
    for X, y in _random_int_problems(20, 0, 8, shape=(8, 4), dtype=dtype, seed=3):
        l1, zero = dtype(1), np.zeros(4, dtype)
        lists = (X.tolist(), y.tolist())
        assert solve(X, y, l1) == solve(*lists, 1)
        assert objective(X, y, zero, l1) == objective(*lists, [0] * 4, 1)
        assert certify(X, y, zero, l1) == certify(*lists, [0] * 4, 1)


def test_results_hold_python_ints_only():
    X, y = np.array([[100, 100], [100, -100]], np.int8), np.array([100, 19], np.int8)
    s = solve(X, y, np.int8(3), np.int8(1))
    numbers = [*s.w, s.objective, s.lambda_max, s.l1, s.l2]
    assert all(type(v) is Fraction and type(v.numerator) is int for v in numbers)
    assert all(type(v.denominator) is int for v in numbers)
    assert all(type(v.numerator) is int for row in Problem(X, y, 1).X for v in row)


# ----------------------------------------------------------------------------- the property


@st.composite
def integral_problems(draw):
    """An integer or dyadic problem, with a magnitude that overflows narrow dtypes."""
    n, p = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    bound = draw(st.sampled_from([9, 100, 127, 255, 2047, 40_000, 2**31 - 1, 2**53, 2**62]))
    low = 0 if draw(st.booleans()) else -bound
    shift = draw(st.sampled_from([0, 0, 1, 3]))  # entries k / 2**shift: floats hold them

    def entry(low=low):
        return Fraction(draw(st.integers(low, bound)), 2**shift)

    X = [[entry() for _ in range(p)] for _ in range(n)]
    y = [entry() for _ in range(n)]
    w = [entry() for _ in range(p)]
    l1 = entry(low=0)
    l2 = draw(st.sampled_from([Fraction(0), Fraction(1), Fraction(bound)]))
    return X, y, w, l1, l2


def _holds(dtype, values):
    """Whether every value is exactly representable in dtype."""
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return all(v.denominator == 1 and info.min <= v <= info.max for v in values)
    with np.errstate(over="ignore"):  # a value beyond float16 becomes inf: not held
        cast = [dtype(float(v)) for v in values]
    return all(np.isfinite(c) and Fraction(*c.as_integer_ratio()) == v
               for c, v in zip(cast, values))


def _cast(dtype, values):
    if np.issubdtype(dtype, np.integer):
        return np.array([int(v) for v in values], dtype=dtype)
    return np.array([float(v) for v in values], dtype=dtype)


def _answers(X, y, w, l1, l2):
    """Every reference function's exact answer (or its error message) on one problem."""

    def attempt(function, *args):
        try:
            return function(*args)
        except ProblemError as error:
            return ("ProblemError", str(error))

    return {
        "solve": attempt(solve, X, y, l1, l2),
        "ridge": attempt(ridge, X, y, l2),
        "certify": attempt(certify, X, y, w, l1, l2),
        "objective": attempt(objective, X, y, w, l1, l2),
        "lambda_max": attempt(lambda_max, X, y),
        "problem": attempt(Problem, X, y, l1, l2),
    }


@given(integral_problems(), st.sampled_from(INT_DTYPES + FLOAT_DTYPES))
def test_every_dtype_that_holds_the_problem_gives_the_same_exact_answers(problem, dtype):
    X, y, w, l1, l2 = problem
    values = [v for row in X for v in row] + y + w + [l1, l2]
    assume(_holds(dtype, values))
    expected = _answers(X, y, w, l1, l2)
    X_array = np.array([_cast(dtype, row) for row in X])
    y_array, w_array = _cast(dtype, y), _cast(dtype, w)
    l1_scalar, l2_scalar = _cast(dtype, [l1])[0], _cast(dtype, [l2])[0]
    assert X_array.dtype == dtype and isinstance(l1_scalar, dtype)
    assert _answers(X_array, y_array, w_array, l1_scalar, l2_scalar) == expected
    # the same as 0-d arrays, Decimals, and rows of arrays in a list
    l1_0d, l2_decimal = np.array(l1_scalar), Decimal(l2.numerator) / Decimal(l2.denominator)
    assert _answers(list(X_array), y_array, w_array, l1_0d, l2_decimal) == expected


# ----------------------------------------------------------------------------- scalars


@contextmanager
def _little_memory(limit=1 << 20):
    """Refused unread: reading 1e999999999 would build a 415 MB int (deterministic, no clock)."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit, f"{peak} bytes allocated"


def test_scalars_of_every_kind_convert_exactly():
    X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    third = np.longdouble(1) / np.longdouble(3)
    assert lambda_max(X, [third, 0, 0]) == Fraction(*third.as_integer_ratio())
    if np.finfo(np.longdouble).nmant > 52:  # a wider long double: more than the float64 value
        assert Fraction(*third.as_integer_ratio()) != Fraction(float(third))
    assert solve(X, y, Decimal("0.5")).l1 == Fraction(1, 2)  # the decimal 1/2, exactly
    assert solve(X, y, Decimal("0.1")).l1 == Fraction(1, 10)  # Decimal 0.1 is 1/10
    assert solve(X, y, np.array(1.0)).l1 == 1 and solve(X, y, np.array(np.int8(2))).l1 == 2
    assert solve(X, y, np.float16(0.1)).l1 == Fraction(*np.float16(0.1).as_integer_ratio())
    assert solve(X, y, np.uint64(2**64 - 1)).l1 == 2**64 - 1


class _Ratio:
    """A foreign rational type whose numerator and denominator are numpy integers."""

    numerator, denominator = np.int64(3), np.int64(4)


class _RealNumber:
    """A foreign real type (an arbitrary-precision float, say) that float() would round."""


def test_foreign_number_types():
    import numbers

    numbers.Rational.register(_Ratio)
    numbers.Real.register(_RealNumber)
    value = solve([[1]], [1], _Ratio()).l1
    assert value == Fraction(3, 4) and type(value.numerator) is int
    with pytest.raises(ProblemError, match="l1: a _RealNumber cannot be read exactly"):
        solve([[1]], [1], _RealNumber())


@pytest.mark.parametrize(
    ("l1", "message"),
    [
        (Decimal("NaN"), "l1 must be finite"),
        (Decimal("-Infinity"), "l1 must be finite"),
        (Decimal("1e999999999"), "l1 is too large to read exactly.*exponent 999999999"),
        (Decimal("1" * 10_001), "has 10001 digits"),
        (np.array([1.0]), "l1 must be a real number, got ndarray"),
        (np.complex128(1), "l1 must be a real number, got complex"),
        (np.float32("nan"), "l1 must be finite"),
        (np.longdouble("inf"), "l1 must be finite"),
        (np.array(True), "l1 must be a real number, not a bool"),
        ("1", "l1 must be a real number, got str"),
    ],
)
def test_bad_scalars(l1, message):
    with _little_memory(), pytest.raises(ProblemError, match=message):
        solve([[1]], [1], l1)


def test_decimal_at_the_limit_is_read():
    assert solve([[1]], [1], Decimal("1e9999")).l1 == 10**9_999
    assert solve([[1]], [1], Decimal("9" * 10_000)).l1 == 10**10_000 - 1
    assert solve([[1]], [1], Decimal("1e-9999")).l1 == Fraction(1, 10**9_999)
    with pytest.raises(ProblemError, match=r"l1 is too large to read exactly.*10001 digits"):
        solve([[1]], [1], Decimal("1e10000"))
    with pytest.raises(ProblemError, match="exponent 10001"):
        solve([[1]], [1], Decimal("1e10001"))


# ----------------------------------------------------------------------------- literals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-3/4", Fraction(-3, 4)),
        (" 3 / 4 ", Fraction(3, 4)),
        ("+.5", Fraction(1, 2)),
        ("5.", Fraction(5)),
        ("1_000", Fraction(1000)),
        ("1.5e-3", Fraction(3, 2000)),
        ("-2E+2", Fraction(-200)),
        ("0e-10000", Fraction(0)),
        ("1e9999", Fraction(10**9_999)),  # 10 000 digits: the largest power of ten
        ("0." + "0" * 9_998 + "1", Fraction(1, 10**9_999)),
        ("7" * 5_000, Fraction(7 * (10**5_000 - 1) // 9)),  # beyond int()'s default limit
        ("1/" + "3" * 10_000, Fraction(3, 10**10_000 - 1)),
        ("1e-9999", Fraction(1, 10**9_999)),
    ],
)
def test_literals_are_read_exactly(text, value):
    problem = Problem.from_json({"X": [[text]], "y": [1], "l1": 0})
    assert problem.X[0][0] == value
    assert Problem.from_json(problem.to_json()) == problem  # the repr round trip, any size


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1e999999999", r"exponent of 9 digits; the limit is \|exponent\| <= 10000"),
        ("1e-999999999999999999999", "exponent of 22 digits"),
        ("1e10001", "has 1 digits and exponent 10001"),
        ("12.5e-10000", "has 3 digits and exponent -10001"),
        ("1e10000", "is p/q with 10001 digits"),
        ("." + "0" * 9_999 + "1", "is p/q with 10001 digits"),
        ("0." + "0" * 10_000 + "1", "has 10002 digits"),
        ("1" * 10_001, "has 10001 digits"),
        ("1/" + "1" * 10_001, "has 10001 digits"),
        ("1/0", 'must be a number or a "p/q" string with q > 0'),
        ("1/2.5", 'must be a number or a "p/q" string'),
        (".", 'must be a number or a "p/q" string'),
        ("e5", 'must be a number or a "p/q" string'),
        ("inf", 'must be a number or a "p/q" string'),
        ("nan", 'must be a number or a "p/q" string'),
        ("١", 'must be a number or a "p/q" string'),  # non-ASCII digits
    ],
)
def test_literal_size_limit_and_syntax(text, message):
    with _little_memory(), pytest.raises(ProblemError, match=message) as info:
        Problem.from_json({"X": [[1]], "y": [1], "l1": text})
    assert str(info.value).startswith("l1 ")


def test_the_interpreter_int_string_limit_does_not_matter():
    """Python refuses int('1' * 5000) by default; the reference reads it and prints it."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        problem = Problem.from_json({"X": [[1]], "y": [1], "l1": "1" * 5_000})
        assert problem.l1 == (10**5_000 - 1) // 9
        assert problem.to_json()["l1"] == "1" * 5_000
        big = Problem([[1]], [1], 10**5_000)
        assert eval(repr(big), {"Problem": Problem}) == big
        with pytest.raises(ProblemError, match=r"l1 must be >= 0, got <an int of \d+ bits>"):
            Problem([[1]], [1], -(10**5_000))
    finally:
        sys.set_int_max_str_digits(old)


def _certify_cli(text):
    out, err = io.StringIO(), io.StringIO()
    status = main(["certify"], stdin=io.StringIO(text), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_reads_huge_integer_literals_exactly_and_bounds_them():
    """Was: a traceback on a 5000-digit JSON integer; a hang on l1 = "1e999999999"."""
    big = "1" * 5_000
    status, out, err = _certify_cli(f'{{"X": [[1]], "y": [1], "l1": {big}, "w": [0]}}')
    assert status == 0 and json.loads(out)["optimal"], err
    status, out, err = _certify_cli('{"X": [[1]], "y": [1], "l1": ' + "1" * 10_001 + ', "w": [0]}')
    assert status == 2 and "a JSON integer is too large to read exactly" in err
    status, out, err = _certify_cli('{"X": [[1]], "y": [1], "l1": "1e999999999", "w": [0]}')
    assert status == 2 and "l1 is too large to read exactly" in err


def test_cli_refuses_deeply_nested_json():
    status, _, err = _certify_cli("[" * 100_000 + "]" * 100_000)
    assert status == 2 and "nested too deeply" in err
    with pytest.raises(ProblemError, match="Expecting property name"):
        loads("{not json")
    assert loads('[-12, 1.5, "1/3"]') == [-12, 1.5, "1/3"]


def test_coordinate_descent_reads_numpy_input_exactly():
    X, y = np.array([[100, 100], [100, -100]], np.int8), np.array([100, 19], np.int8)
    assert coordinate_descent(X, y, np.int8(100)) == coordinate_descent(
        X.tolist(), y.tolist(), 100
    )
