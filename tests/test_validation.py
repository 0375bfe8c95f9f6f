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


# ------------------------------------------------------------------------ containers (issue 12)

WORKED_X, WORKED_Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
WORKED_W = (Fraction(5, 3), Fraction(2, 3))


def _sparse_formats():
    sparse = pytest.importorskip("scipy.sparse")
    return [sparse.coo_matrix, sparse.csr_matrix, sparse.csc_matrix, sparse.lil_matrix,
            sparse.coo_array, sparse.csr_array]


def test_scipy_sparse_matrices_are_read_exactly():
    for form in _sparse_formats():
        X = form(np.array(WORKED_X, dtype=np.int8))
        assert solve(X, WORKED_Y, 1).w == WORKED_W, form.__name__
        assert solve(X, form(np.array([WORKED_Y], dtype=np.int64).T), 1).w == WORKED_W
    sparse = pytest.importorskip("scipy.sparse")
    with pytest.raises(ProblemError, match="X must hold real numbers, not bools"):
        solve(sparse.coo_matrix(np.array(WORKED_X, dtype=bool)), WORKED_Y, 1)
    with pytest.raises(ProblemError, match="dtype complex128"):
        solve(sparse.csr_matrix(np.array(WORKED_X, dtype=complex)), WORKED_Y, 1)


def test_pandas_frames_are_read_column_by_column():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": [1, 1, 0], "b": [1.0, 0.0, 1.0]})
    assert solve(frame, pd.Series(WORKED_Y), 1).w == WORKED_W
    assert solve(frame, frame[["a"]] * 0 + pd.DataFrame({"y": WORKED_Y}).to_numpy(), 1).w
    # int64 next to float64 stays exact (to_numpy() of the whole frame would round 2**53 + 1)
    mixed = pd.DataFrame({"a": [2**53 + 1], "b": [0.5]})
    assert Problem(mixed, [1], 0).X == ((2**53 + 1, Fraction(1, 2)),)
    # MultiIndex column labels are labels only: w[j] is the j-th column, as for the values
    multi = frame.copy()
    multi.columns = pd.MultiIndex.from_tuples([(7, 8), (9, 10)])
    assert solve(multi, WORKED_Y, 1).w == WORKED_W
    assert Problem(multi, WORKED_Y, 1) == Problem(WORKED_X, WORKED_Y, 1)
    with pytest.raises(ProblemError, match=r"X column 1 \('flag'\) must hold real numbers, not"):
        solve(pd.DataFrame({"a": [1, 2], "flag": [True, False]}), [1, 2], 1)
    with pytest.raises(ProblemError, match=r"X\[0\]\[1\] must be a real number, got str: 'x'"):
        solve(pd.DataFrame({"a": [1, 2], "s": ["x", "y"]}), [1, 2], 1)
    with pytest.raises(ProblemError, match=r"X\[1\]\[0\] must be (finite|a real number)"):  # NA
        solve(pd.DataFrame({"a": pd.array([1, None], dtype="Int64")}), [1, 2], 1)
    with pytest.raises(ProblemError, match="X must have at least one column"):
        solve(pd.DataFrame(index=[0, 1]), [1, 2], 1)


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_numpy_matrix_and_column_vectors():
    assert solve(np.matrix(WORKED_X), np.matrix(WORKED_Y).T, 1).w == WORKED_W
    assert solve(WORKED_X, np.array(WORKED_Y).reshape(3, 1), 1).w == WORKED_W
    assert solve(WORKED_X, [[3], [2], [1]], 1).w == WORKED_W
    assert certify(WORKED_X, WORKED_Y, np.array(WORKED_W, dtype=object).reshape(2, 1), 1).optimal
    with pytest.raises(ProblemError, match=r"an \(n, 1\) column, but y\[0\] has 2"):
        solve(WORKED_X, np.ones((3, 2)), 1)
    with pytest.raises(ProblemError, match=r"an \(n, 1\) column, but y\[0\] has 3"):
        solve(WORKED_X, np.matrix(WORKED_Y), 1)  # a (1, n) row
    with pytest.raises(ProblemError, match=r"y must be a 1-d or 2-d array, got shape \(3, 1, 1\)"):
        solve(WORKED_X, np.ones((3, 1, 1)), 1)
    with pytest.raises(ProblemError, match=r"y\[1\] must be a real number, got list"):
        solve(WORKED_X, [3, [2], 1], 1)


@pytest.mark.parametrize(
    "container",
    [{0: 3, 1: 2, 2: 1}, {3, 2, 1}, frozenset({3, 2, 1}), {3: 0, 2: 0, 1: 0}.keys(),
     {0: 3, 1: 2, 2: 1}.values()],
)
def test_mappings_and_sets_are_refused(container):
    name = type(container).__name__
    with pytest.raises(ProblemError, match=f"y must be a sequence of numbers, not a {name}"):
        solve(WORKED_X, container, 1)
    with pytest.raises(ProblemError, match=f"X must be a sequence of numbers, not a {name}"):
        lambda_max(container, WORKED_Y)
    with pytest.raises(ProblemError, match=rf"X\[0\] must be a sequence of numbers, not a {name}"):
        Problem([container], [1], 1)
    with pytest.raises(ProblemError, match=f"w must be a sequence of numbers, not a {name}"):
        certify(WORKED_X, WORKED_Y, container, 1)


@pytest.mark.parametrize(
    ("X", "message"),
    [
        (np.array(WORKED_X, dtype=bool), "X must hold real numbers, not bools"),
        (np.array(WORKED_X, dtype=complex),
         "X must hold real numbers, got an array of dtype compl"),
        (np.array([["1", "2"]] * 3), "got an array of dtype <U1"),
        (np.array(5), r"X must be a 2-d array, got shape \(\)"),
        (np.ones((3, 2, 1)), r"X must be a 2-d array, got shape \(3, 2, 1\)"),
        (np.array([[1, 2], [3]], dtype=object), r"X must be a 2-d array, got shape \(2,\)"),
        ([np.ones(2), np.ones(3), np.ones(2)], "X is ragged: row 0 has 2 entries, row 1 has 3"),
        ([np.ones((1, 2))] * 3, r"X\[0\] must be a 1-d array, got shape \(1, 2\)"),
        (None, "X must be a sequence of numbers, got None"),
        (iter(WORKED_X), "X must be a sequence of numbers, got <list_iterator"),
        ([[1, None]] * 3, r"X\[0\]\[1\] must be a real number, got NoneType"),
        ([[1, np.array([1, 2])]] * 3, r"X\[0\]\[1\] must be a real number, got ndarray"),
    ],
)
def test_bad_containers_name_the_parameter(X, message):
    with pytest.raises(ProblemError, match=message):
        solve(X, WORKED_Y, 1)


def test_array_likes_and_object_arrays_are_read_exactly():
    class ArrayLike:
        def __array__(self, dtype=None, copy=None):
            return np.array(WORKED_X, dtype=np.uint16)

    assert solve(ArrayLike(), WORKED_Y, 1).w == WORKED_W
    fractions = np.array([[Fraction(1, 3), 1], [1, 0], [0, 1]], dtype=object)
    assert Problem(fractions, WORKED_Y, 1).X[0][0] == Fraction(1, 3)
    assert solve(tuple(map(tuple, WORKED_X)), range(3, 0, -1), 1).w == WORKED_W
