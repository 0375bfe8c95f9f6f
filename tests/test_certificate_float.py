"""certify_float: input checks, three outcomes, and soundness against the exact certificate.

Soundness is the property that matters: ``optimal is True`` only if the exact excess
F(w) − F* of the float data is ≤ gap_tol, ``False`` only if it is > gap_tol, and always
lower ≤ F(w) − F* ≤ gap (decided exactly, with Fractions).
"""

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from exact_strategies import problems
from hypothesis import assume, given
from hypothesis import strategies as st
from oracles import determinant

from lasso_spec.reference import ProblemError, _float_bounds, certify, certify_float, solve

WORKED_X = [[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]]


def _exact_excess(X, y, w, l1, l2):
    X, y, w = np.asarray(X).tolist(), np.asarray(y).tolist(), np.asarray(w).tolist()
    return certify(X, y, w, l1, l2).objective - solve(X, y, l1, l2).objective


def test_blocked_pass_matches_the_plain_products(monkeypatch):
    rng = np.random.default_rng(1)
    X, y, w = rng.standard_normal((37, 5)), rng.standard_normal(37), rng.standard_normal(5)
    monkeypatch.setattr(_float_bounds, "_BLOCK_BYTES", 8 * 5 * 4)  # blocks of 4 rows
    r, xtr, col_sq = _float_bounds._one_pass(X, y, w)
    np.testing.assert_allclose(r, y - X @ w, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(xtr, X.T @ (y - X @ w), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(col_sq, (X * X).sum(axis=0), rtol=1e-13)
    cert = certify_float(X, y, w, 0.5, 0.25, gap_tol=1e-9)
    np.testing.assert_allclose(cert.c, X.T @ (y - X @ w) - 0.5 * w, rtol=1e-12, atol=1e-12)


# ------------------------------------------------------------------------------ soundness

special = st.sampled_from([0.0, 1.0, -1.0, 0.5, 3.0, -2.0, 1e-300, -1e-200, 5e-324, 1e-8, 1e5])
entries = st.one_of(st.integers(-3, 3).map(float), special)


@st.composite
def float_problems(draw):
    n, p = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    X = np.array([[draw(entries) for _ in range(p)] for _ in range(n)])
    y = np.array([draw(entries) for _ in range(n)])
    l1 = draw(st.sampled_from([0.0, 1e-20, 1e-3, 0.5, 2.0]))
    l2 = draw(st.sampled_from([0.0, 0.0, 1e-12, 0.25]))
    return X, y, l1, l2


@pytest.mark.spec("FLOAT-CERTIFICATE")
@given(float_problems(), st.data(), st.sampled_from([0.0, 1e-12, 1e-6, 1e-2, 1.0]))
def test_float_verdict_never_contradicts_the_exact_excess(problem, data, gap_tol):
    X, y, l1, l2 = problem
    s = solve(X.tolist(), y.tolist(), l1, l2)
    exact_w = [float(v) if abs(v) < 1e300 else 0.0 for v in s.w]  # 1/5e-324 is no float
    near = [v + data.draw(st.sampled_from([0.0, 1e-15, -1e-9, 0.1])) for v in exact_w]
    w = np.array(data.draw(st.sampled_from([exact_w, near, [data.draw(entries) for _ in near]])))
    cert = certify_float(X, y, w, l1, l2, gap_tol=gap_tol)
    excess = _exact_excess(X, y, w, l1, l2)
    assert Fraction(cert.lower) <= excess
    assert cert.optimal is None or excess <= Fraction(cert.gap)
    if cert.optimal is True:
        assert excess <= Fraction(gap_tol)
    if cert.optimal is False:
        assert excess > Fraction(gap_tol)


@pytest.mark.spec("FLOAT-CERTIFICATE")
@given(problems())
def test_float_certificate_accepts_the_rounded_optimum_of_a_well_conditioned_problem(problem):
    """At the gate's default tolerance G = 10⁻⁹·S, S = ½‖y‖² + ½λ₁²/max_j a_j.

    Well-conditioned: X̃ = [X; √(2λ₂)I] has λ_min(X̃ᵀX̃) ≥ 10⁻⁶·max_j a_j, or λ₁ ≥ 10⁻⁶‖X‖²‖y‖
    (far above the rounding noise of c), and the rounded optimum is within G/2 exactly.  Both
    are strict (> 0): for X = 0, λ₂ = 0 they held as 0 ≥ 0, and X = [[0, 0, 0]], y = [1],
    λ₁ = 0 (every w optimal) is undecidable in float64, rightly: with λ₁ = 0 dual feasibility
    is Xᵀθ = 0 exactly, which c's error bound cannot prove, and F is not strongly convex.
    """
    X = np.array([[float(v) for v in row] for row in problem.X])
    y = np.array([float(v) for v in problem.y])
    l1, l2 = float(problem.l1), float(problem.l2)
    s = solve(X.tolist(), y.tolist(), l1, l2)
    w = np.array([float(v) for v in s.w])
    a = (X * X).sum(axis=0) + 2 * l2
    mu = float(np.linalg.eigvalsh(X.T @ X + 2 * l2 * np.eye(X.shape[1]))[0])
    assume(0 < mu >= 1e-6 * a.max() or 0 < l1 >= 1e-6 * a.max() * np.linalg.norm(y))
    G = 1e-9 * (float(y @ y) / 2 + (l1 * l1 / a.max() / 2 if a.max() else 0.0))
    exact = certify(X.tolist(), y.tolist(), w.tolist(), l1, l2)
    assume(G > 0 and exact.bound <= Fraction(G) / 2)
    cert = certify_float(X, y, w, l1, l2, gap_tol=G)
    assert cert.optimal is True, cert.reason


@pytest.mark.spec("FLOAT-KKT-TOLERANCE")
@given(problems(), st.lists(st.floats(-1e3, 1e3), min_size=6, max_size=6))
def test_float_certificate_error_bound_holds(problem, values):
    """|fl(c_j) − c_j(w)| ≤ c_error_j, with c_j(w) computed exactly from the same doubles."""
    X = np.array([[float(v) for v in row] for row in problem.X])
    y = np.array([float(v) for v in problem.y])
    w = np.array(values[: X.shape[1]])
    l1, l2 = float(problem.l1), float(problem.l2)
    cert = certify_float(X, y, w, l1, l2, gap_tol=1e-9)
    exact = certify(X.tolist(), y.tolist(), w.tolist(), l1, l2)
    for j, cj in enumerate(exact.c):
        assert abs(Fraction(float(cert.c[j])) - cj) <= Fraction(float(cert.c_error[j])), j


# ------------------------------------------------------------------------------ examples


def test_a_wrong_answer_is_rejected_with_a_proven_lower_bound():
    cert = certify_float(WORKED_X, [3.0, 2.0, 1.0], [2.0, 0.0], 1.0, gap_tol=1e-9)
    # moving w_2 by the CD step gains (|c_2| − λ₁)²/(2a_2) = 1/4 exactly
    assert cert.optimal is False and 0.2499 < cert.lower <= 0.25
    assert cert.residual[1] == pytest.approx(1.0) and "F(w) - F* >=" in cert.reason


def test_the_support_is_read_from_the_kkt_slack():
    """Issue 13: at the worked example with λ₁ = 4, w = (0.5, 1e-300) has excess 5e-301."""
    cert = certify_float(WORKED_X, [3.0, 2.0, 1.0], [0.5, 1e-300], 4.0, gap_tol=1e-9)
    assert cert.optimal is True and list(cert.support) == [True, False]
    assert cert.residual[1] == 0.0 and cert.decidable


def test_ridge_example_of_issue_13_is_accepted():
    cert = certify_float([[1.0], [2.0]], [1.0, 1.0], [9 / 17], 0.0, 1 / 3, gap_tol=1e-9)
    assert cert.optimal is True and cert.gap < 1e-25


def test_lasso_with_tiny_lambda_needs_and_gets_the_gram_bound():
    """λ₁ = 1e-20, λ₂ = 0: no dual point is feasible at float accuracy; the verified
    λ_min(XᵀX) decides it (gram_bound=None uses it for a problem this small)."""
    X, y, l1 = WORKED_X, [3.0, 2.0, 2.0], 1e-20
    w = [float(v) for v in solve(X, y, l1).w]
    assert certify_float(X, y, w, l1, gap_tol=1e-9).optimal is True
    cert = certify_float(X, y, w, l1, gap_tol=1e-9, gram_bound=False)
    assert cert.optimal is None and "use the exact certify" in cert.reason


def test_gram_bound_gives_nothing_for_a_singular_or_huge_gram_matrix():
    X = np.array([[1.0, 1.0], [1.0, 1.0]])  # rank 1: λ_min = 0
    assert _float_bounds._gram_floor(X, np.array([2.0, 2.0])) == 0.0
    with np.errstate(over="ignore"):
        assert _float_bounds._gram_floor(np.array([[1e200]]), np.array([np.inf])) == 0.0
    cert = certify_float(X, [1.0, 2.0], [0.75, 0.75], 0.0, gap_tol=1e-9, gram_bound=True)
    assert cert.optimal is None  # least squares with a rank-deficient X: not decidable


def _principal_minors_nonnegative(M):
    """M symmetric (Fractions) is positive semidefinite iff every principal minor is ≥ 0."""
    p = len(M)
    return all(
        determinant([[M[i][j] for j in idx] for i in idx]) >= 0
        for k in range(1, p + 1)
        for idx in combinations(range(p), k)
    )


@given(
    st.lists(st.lists(st.integers(-8, 8), min_size=3, max_size=3), min_size=3, max_size=5),
    st.sampled_from([0, -300, -520, -530, -537, -545]),
)
def test_gram_floor_is_below_the_exact_smallest_eigenvalue(rows, scale):
    """μ₀ ≤ λ_min(XᵀX) exactly, also where XᵀX is subnormal (the underflow terms)."""
    X = np.ldexp(np.array(rows, dtype=float), scale)
    col_sq_up = _float_bounds._up((X * X).sum(axis=0) * (1 + 2.0**-40))
    mu = _float_bounds._gram_floor(X, col_sq_up)
    assert mu >= 0
    exact = [[Fraction(float(v)) for v in row] for row in X]
    gram = [
        [sum(r[i] * r[j] for r in exact) - (Fraction(mu) if i == j else 0) for j in range(3)]
        for i in range(3)
    ]
    assert _principal_minors_nonnegative(gram)


def test_gram_bound_survives_a_failed_factorisation(monkeypatch):
    def fail(_):
        raise np.linalg.LinAlgError("not positive definite")

    monkeypatch.setattr(np.linalg, "cholesky", fail)
    assert _float_bounds._gram_floor(np.eye(2), np.ones(2)) == 0.0


def test_zero_data_is_certified():
    """Only the underflow terms (a few times 2⁻¹⁰⁷⁴) remain: any positive tolerance passes."""
    cert = certify_float([[0.0]], [0.0], [0.0], 0.0, gap_tol=1e-300)
    assert cert.optimal is True and 0 < cert.gap < 1e-320


def test_gap_tol_zero_accepts_no_rounded_answer():
    w = [5 / 3, 2 / 3]  # the nearest floats to the exact optimum, not the optimum
    cert = certify_float(WORKED_X, [3.0, 2.0, 1.0], w, 1.0, gap_tol=0)
    assert cert.optimal is not True


# ------------------------------------------------------------- overflow: a third outcome


@pytest.mark.parametrize(
    ("X", "y"),
    [
        ([[1.0], [1.0]], [1e160, 1e160]),  # ‖y‖² overflows
        ([[1e308, 1e308]], [1e308]),  # r and the column norms overflow
        ([[1e200, 0.0], [0.0, 1.0]], [1.0, 1.0]),  # ‖x_1‖² overflows, X is finite
    ],
)
def test_overflow_is_reported_as_undecidable(X, y):
    w = [0.0] * len(X[0])
    cert = certify_float(X, y, w, 1.0, gap_tol=1e-9)
    assert cert.optimal is None and not cert.decidable
    assert "not decidable in float64" in cert.reason and "use the exact certify" in cert.reason


def test_huge_finite_entries_are_not_mistaken_for_infinities():
    cert = certify_float([[1e200, 0.0], [0.0, 1.0]], [1.0, 1.0], [0.0, 0.0], 1.0, gap_tol=1e-9)
    assert cert.c[1] == 1.0  # x_2ᵀr with r = y: computed, not refused


# -------------------------------------------------------------------------- input checks

GOOD = (WORKED_X, [3.0, 2.0, 1.0], [0.0, 0.0], 1.0)


@pytest.mark.parametrize(
    ("index", "bad", "message"),
    [
        (0, [["1", 1.0], [1.0, 0.0], [0.0, 1.0]], r"X\[0\]\[0\] must be a real number"),
        (0, [[True, 1.0], [1.0, 0.0], [0.0, 1.0]], "bool"),
        (0, [[1.0, 1.0], [1.0], [0.0, 1.0]], "ragged"),
        (0, [[1j, 1.0], [1.0, 0.0], [0.0, 1.0]], "real number"),
        (0, np.array([[True, False]] * 3), "bool"),
        (0, np.array([1.0, 2.0]), "X must be a non-empty 2-D array"),
        (0, np.zeros((3, 0)), "X must be a non-empty 2-D array"),
        (0, [[1.0, 1.0], [1.0, 0.0], [0.0, Fraction(1, 3)]], "not a float64 number"),
        (0, np.array([[2**53 + 1, 0]] * 3, dtype=np.int64), "not a float64 number"),
        (1, [3.0, 2.0, 10**400], "not a float64 number"),
        (1, [3.0, 2.0], "y must have length 3"),
        (1, np.array([3.0, 2.0]), r"y must have shape \(3,\)"),
        (1, np.array([[3.0, 2.0, 1.0]]), r"y must have shape \(3,\)"),
        (1, np.array([np.nan, 2.0, 1.0]), "y must be finite"),
        (2, np.array([np.inf, 0.0]), "w must be finite"),
        (2, [0.0, 0.0, 0.0], "w must have length 2"),
        (3, "1.0", "l1 must be a real number"),
        (3, True, "bool"),
        (3, -1.0, "l1 must be >= 0"),
        (3, np.nan, "l1 must be finite"),
        (3, Fraction(1, 3), "l1 = 1/3 is not a float64 number"),
    ],
)
def test_bad_input_is_refused(index, bad, message):
    args = list(GOOD)
    args[index] = bad
    with pytest.raises(ProblemError, match=message):
        certify_float(*args, gap_tol=1e-9)


@pytest.mark.parametrize(
    ("gap_tol", "message"),
    [
        (np.inf, "finite"),
        (np.nan, "finite"),
        (-1e-9, ">= 0"),
        ("1e-9", "real number"),
        (True, "bool"),
        (10**400, "finite in float64"),
    ],
)
def test_bad_tolerances_are_refused(gap_tol, message):
    with pytest.raises(ProblemError, match=f"gap_tol.*{message}"):
        certify_float(*GOOD, gap_tol=gap_tol)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_non_finite_entry_of_x_is_rejected(bad):
    with pytest.raises(ProblemError, match="X must be finite"):
        certify_float(np.array([[1.0, 2.0], [3.0, bad]]), np.ones(2), np.zeros(2), 1.0, gap_tol=1)


def test_a_tolerance_that_is_not_a_float_is_rounded_down():
    cert = certify_float(*GOOD, gap_tol=Fraction(1, 3))
    assert Fraction(cert.gap_tol) < Fraction(1, 3) and cert.gap_tol == pytest.approx(1 / 3)


def test_every_exact_dtype_gives_the_same_certificate():
    X = np.array([[1, 1], [1, 0], [0, 1]])
    reference = certify_float(X.astype(float), [3.0, 2.0, 1.0], [2.0, 0.0], 1.0, gap_tol=1e-9)
    for dtype in (np.int8, np.int64, np.uint8, np.float32, np.float16, np.longdouble):
        cert = certify_float(X.astype(dtype), [3.0, 2.0, 1.0], [2.0, 0.0], 1.0, gap_tol=1e-9)
        assert cert.optimal is reference.optimal and np.array_equal(cert.c, reference.c)
    big = np.array([[2**60, 0]] * 3, dtype=np.int64)  # 2^60 is a float64: exact path accepts
    assert certify_float(big, [0.0] * 3, [0.0, 0.0], 0.0, gap_tol=1.0).c[0] == 0.0


def test_a_long_double_that_is_not_a_float64_is_refused():
    third = np.longdouble(1) / np.longdouble(3)
    assume_extended = Fraction(float(third)) != Fraction(*third.as_integer_ratio())
    if not assume_extended:
        pytest.skip("long double is float64 on this platform")
    X = np.array([[third, 1.0], [1.0, 0.0], [0.0, 1.0]], dtype=np.longdouble)
    with pytest.raises(ProblemError, match="not a float64 number"):
        certify_float(X, [3.0, 2.0, 1.0], [0.0, 0.0], 1.0, gap_tol=1e-9)
