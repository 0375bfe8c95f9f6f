"""The gate reads an answer of any numeric type exactly (issue 12 part 5, answer side).

Was: a correct implementation returning np.int64 zeros failed 12 checks with an
OverflowError inside the verdict, and np.int64 / np.int8 answers hit
"TypeError: numpy boolean subtract" — internal errors shown as verdicts.
"""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lasso_spec.conformance.answers import AnswerError, as_answer
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem, solve

INT_DTYPES = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)
FLOAT_DTYPES = (np.float16, np.float32, np.float64, np.longdouble)

WORKED = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)  # w* = (5/3, 2/3)
ABOVE_MAX = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=10)  # w* = 0
INTEGRAL = Problem(X=[[1, 0], [0, 1]], y=[3, -5], l1=1)  # w* = (2, -4): integers


@pytest.mark.parametrize("dtype", INT_DTYPES + FLOAT_DTYPES)
def test_zeros_of_every_dtype_pass(dtype):
    """Was: OverflowError (np.int64, np.int8, np.uint64) inside the verdict."""
    verdict = judge(ABOVE_MAX, np.zeros(2, dtype=dtype))
    assert verdict.passed, verdict.describe()
    assert verdict.w == (0, 0) and all(type(v.numerator) is int for v in verdict.w)


@pytest.mark.parametrize("dtype", (np.int8, np.int16, np.int32, np.int64))
def test_integer_answers_are_judged_not_crashed(dtype):
    """Was: TypeError: numpy boolean subtract, for np.int64 and np.int8 answers."""
    assert judge(INTEGRAL, np.array([2, -4], dtype=dtype)).passed
    assert judge(INTEGRAL, [dtype(2), dtype(-4)]).passed
    wrong = judge(WORKED, np.array([2, 1], dtype=dtype))  # a wrong answer: a verdict, not a crash
    assert not wrong.passed and wrong.triage.startswith("wrong")


@pytest.mark.parametrize(
    "answer",
    [
        [Fraction(5, 3), Fraction(2, 3)],
        (5 / 3, 2 / 3),
        np.array([5 / 3, 2 / 3]),
        np.array([5 / 3, 2 / 3], dtype=np.float32),
        np.array([Fraction(5, 3), Fraction(2, 3)], dtype=object),
        [np.float64(5 / 3), np.float32(2 / 3)],
        [np.longdouble(5) / 3, np.longdouble(2) / 3],
        # a generator, made afresh by each run of the test (a generator object as the
        # parameter itself is exhausted by the first run: a rerun, mutmut's, then fails)
        lambda: (v for v in (Fraction(5, 3), Fraction(2, 3))),
    ],
    ids=["fractions", "floats", "float64", "float32", "object", "numpy-scalars", "longdouble",
         "generator"],
)
def test_correct_answers_in_any_form_pass(answer):
    assert judge(WORKED, answer() if callable(answer) else answer).passed


def test_pandas_series_and_decimals():
    pd = pytest.importorskip("pandas")
    assert judge(INTEGRAL, pd.Series([2, -4], dtype="int8")).passed
    assert as_answer([Decimal("0.1"), 2], 2) == [Fraction(1, 10), 2]


def _exact(v):
    return Fraction(int(v)) if isinstance(v, np.integer) else Fraction(*v.as_integer_ratio())


@given(
    st.lists(st.integers(-(2**15), 2**15), min_size=1, max_size=4),
    st.sampled_from(INT_DTYPES + FLOAT_DTYPES),
)
def test_as_answer_is_exact_for_every_dtype(values, dtype):
    info = np.iinfo(dtype) if np.issubdtype(dtype, np.integer) else None
    values = [v for v in values if info is None or info.min <= v <= info.max] or [0]
    array = np.array(values, dtype=dtype)
    expected = [_exact(v) for v in array]  # numpy's own exact value
    answer = as_answer(array, len(values))
    assert answer == expected == as_answer(array.tolist(), len(values))
    assert all(type(v) is Fraction and type(v.numerator) is int for v in answer)


@given(st.sampled_from(INT_DTYPES + FLOAT_DTYPES), st.integers(0, 5), st.integers(0, 5))
def test_the_verdict_depends_only_on_the_exact_values(dtype, a, b):
    """The same exact numbers, as numpy of any width or as Fractions: the same verdict."""
    answer = np.array([a, b], dtype=dtype)
    exact = [_exact(v) for v in answer]
    typed, plain = judge(INTEGRAL, answer), judge(INTEGRAL, exact)
    assert typed.checks == plain.checks and typed.triage == plain.triage
    assert typed.passed == ((a, b) == (2, -4))  # a, b >= 0: never the answer


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        (np.zeros((2, 1)), r"returned an array of shape \(2, 1\); expected shape \(2,\)"),
        (np.float64(0), r"returned an array of shape \(\); expected shape \(2,\)"),
        (np.zeros(3), "returned 3 coefficients; the problem has p = 2"),
        ([0], "returned 1 coefficients; the problem has p = 2"),
        (np.array([True, False]), "returned an array of dtype bool; expected 2 real numbers"),
        (np.zeros(2, dtype=complex), "returned an array of dtype complex128"),
        (np.array(["1", "2"]), "returned an array of dtype <U1"),
        ([0, float("nan")], r"returned w\[1\] = nan \(float\): not finite"),
        ([np.float16("inf"), 0], r"returned w\[0\] = np.float16\(inf\) \(float16\): not finite"),
        ([np.longdouble("-inf"), 0], r"returned w\[0\] = .*\(longdouble\): not finite"),
        ([Decimal("NaN"), 0], r"returned w\[0\] = Decimal\('NaN'\) \(Decimal\): not finite"),
        ([Decimal("1e99999"), 0], r"\(Decimal\): a Decimal too large to read exactly$"),
        ([True, 0], r"returned w\[0\] = True \(bool\): a bool, not a number"),
        ([np.bool_(True), 0], r"\(bool\): a bool, not a number"),
        ([0, "1"], r"returned w\[1\] = '1' \(str\): not a real number"),
        ([0, None], r"returned w\[1\] = None \(NoneType\): not a real number"),
        ([0, 1j], r"returned w\[1\] = 1j \(complex\): not a real number"),
        ([0, [1]], r"returned w\[1\] = \[1\] \(list\): not a real number"),
        ("01", "returned str '01'; expected 2 numbers"),
        (None, "returned NoneType None; expected 2 numbers"),
        (3.0, "returned float 3.0; expected 2 numbers"),
        ({0: 1, 1: 2}, r"returned dict \{0: 1, 1: 2\}; expected 2 numbers"),
        ({1, 2}, "returned set"),
    ],
)
def test_bad_answers_are_verdicts_on_the_implementation(returned, message):
    with pytest.raises(AnswerError, match=message):
        as_answer(returned, 2)
    verdict = judge(WORKED, returned)
    assert not verdict.passed and verdict.failed_checks() == ["output"]
    assert verdict.triage.startswith("wrong: returned")


def test_a_bad_answer_is_shown_as_returned():
    """The verdict keeps what was returned for display: an iterable as its items, anything
    else as itself."""
    assert judge(WORKED, [0, "1"]).returned == (0, "1")
    assert judge(WORKED, None).returned == (None,)


class _Real:
    """A real type that float() would round (registered as numbers.Real below)."""


class _BrokenIterable:
    def __iter__(self):
        raise RuntimeError("the implementation's bug")


class _BrokenArray:
    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("the implementation's bug")


def test_objects_that_fail_when_read():
    import numbers

    numbers.Real.register(_Real)
    with pytest.raises(AnswerError, match=r"\(_Real\): a real type that cannot be read exactly "
                       r"\(return floats or Fractions\)$"):
        as_answer([_Real(), 0], 2)
    with pytest.raises(AnswerError, match="returned a _BrokenIterable that fails when read"):
        as_answer(_BrokenIterable(), 2)
    with pytest.raises(AnswerError, match="returned a _BrokenArray that is not readable as an"):
        as_answer(_BrokenArray(), 2)


def test_huge_exact_answers_are_judged():
    """A diverged answer beyond float64 is a failing verdict, not an OverflowError."""
    verdict = judge(WORKED, [10**400, 0])
    assert not verdict.passed
    assert solve(WORKED.X, WORKED.y, WORKED.l1).w == (Fraction(5, 3), Fraction(2, 3))


def test_the_summary_of_a_failing_verdict_carries_its_numbers_and_enough_to_recertify():
    """Verdict.summary(), the failure entry of the JSON report: the numbers of the verdict,
    and the exact problem judged with the exact answer, from which it re-certifies.

    w = (2, 0) on WORKED: r = (1, 0, 1), F(w) = 1 + 2 = 3; F* = 1/3 + 7/3 = 8/3 (w* = (5/3,
    2/3)), so the gap is 1/3; S = ½‖y‖² + ½λ₁²/max a_j = 7 + 1/4 = 29/4; c = Xᵀr = (1, 2), and
    w*₂ > 0 gives ρ₂ = |2 − λ₁| = 1: the worst KKT residual is 1 relative to λ₁ = 1.
    """
    from lasso_spec.reference import certify

    verdict = judge(WORKED, [2, 0])
    summary = verdict.summary()
    assert set(summary) == {"passed", "failed_checks", "gap", "gap_rel", "kkt_rel", "tiny",
                            "triage", "problem", "problem_judged", "w"}
    assert summary["passed"] is False and "objective" in summary["failed_checks"]
    assert summary["failed_checks"] == verdict.failed_checks()
    assert summary["gap"] == float(Fraction(1, 3))
    assert summary["gap_rel"] == float(Fraction(1, 3) / Fraction(29, 4))
    assert summary["kkt_rel"] == 1.0 and summary["tiny"] == []
    assert summary["triage"] == verdict.triage and summary["triage"]
    assert summary["problem"] == summary["problem_judged"] == WORKED.to_json()
    assert summary["w"] == ["2", "0"]
    judged = Problem.from_json(summary["problem_judged"])
    w = [Fraction(v) for v in summary["w"]]
    excess = certify(judged.X, judged.y, w, judged.l1, judged.l2).objective - Fraction(8, 3)
    assert excess == Fraction(1, 3) == verdict.gap
