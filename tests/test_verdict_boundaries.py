"""The verdict's derived tolerances at their exact boundaries (certificate_checks.py).

Every tolerance is derived from G = gap_rtol·S, and ``gap_rtol`` may be a Fraction, so a
test can put G exactly where a check turns: each check passes on its boundary and fails
just beyond it.  Found by the judge's mutation run: a KKT or fit tolerance of 3G instead of
2G, or a strict slack test at 3G, passed every other test.  Every number below is derived
by hand in the docstrings.
"""

from fractions import Fraction

from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem

#: w* = (5/3, 2/3); S = ½‖y‖² + ½λ₁²/max a_j = 7 + 1/4 = 29/4, a = (2, 2).
WORKED = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)
S_WORKED = Fraction(29, 4)


def _statuses(problem, w, G, S, **kw):
    verdict = judge(problem, w, gap_rtol=G / S, **kw)
    return {name: check.status for name, check in verdict.checks.items()}, verdict


def test_each_check_passes_on_its_boundary_and_fails_beyond_it():
    """w = (2, 0): F(w) − F* = 3 − 8/3 = 1/3; ‖X(w − w*)‖² = ‖(−1/3, 1/3, −2/3)‖² = 2/3;
    c = Xᵀr = (1, 2) with r = (1, 0, 1), so ρ = (0, |2 − λ₁|) = (0, 1) against w*'s support.

    G = 1/3: objective 1/3 ≤ G, fit 2/3 ≤ 2G, KKT 1 ≤ 2G·a₂ = 4/3: all pass (the answer sits
    exactly on the objective's and the fit's boundaries).
    G = 1/4: objective and fit fail; KKT 1 ≤ 2G·a₂ = 1 passes, on its boundary.
    G = 1/6: KKT fails too (1 > 2/3; with 3G it would be 1 ≤ 1).
    """
    statuses, verdict = _statuses(WORKED, [2, 0], Fraction(1, 3), S_WORKED)
    assert verdict.gap == Fraction(1, 3)
    assert statuses["objective"] == statuses["fit"] == statuses["kkt"] == "pass"
    # the coefficient bound on E = {0, 1}: √((H⁻¹)ᵢᵢ)·√(2G) = √(2/3)·√(2/3) = 2/3 at G = 1/3,
    # exactly |w₂ − w*₂|: it passes by the float roots' widening of 10⁻⁹ (ROOT_SLACK)
    assert statuses["coefficients"] == "pass"
    statuses, _ = _statuses(WORKED, [2, 0], Fraction(1, 4), S_WORKED)
    assert (statuses["objective"], statuses["fit"], statuses["kkt"]) == ("fail", "fail", "pass")
    assert statuses["coefficients"] == "fail"  # √(2/3)·√(1/2) ≈ 0.577 < 2/3 (with 3G: 0.707)
    statuses, _ = _statuses(WORKED, [2, 0], Fraction(1, 6), S_WORKED)
    assert statuses["kkt"] == "fail"


#: An orthogonal design: w*_j = S(x_jᵀy, λ₁)/‖x_j‖², x_jᵀy = (8, 1), ‖x_j‖² = a = (4, 1).
ORTHO = ([[2, 0], [0, 1]], [4, 1])


def test_the_kkt_summary_is_the_worst_residual_relative_to_lambda():
    """λ₁ = 1/2: w* = (15/8, 1/2), both nonzero.  w = (0, 0): c = Xᵀy = (8, 1), so
    ρ = (|8 − 1/2|, |1 − 1/2|) = (15/2, 1/2): the worst is j = 0, 15 relative to λ₁ = 1/2
    (not λ_max = 8: λ₁ > 0)."""
    X, y = ORTHO
    verdict = judge(Problem(X=X, y=y, l1=Fraction(1, 2)), [0, 0])
    assert verdict.kkt_rel == 15.0
    assert verdict.checks["kkt"].detail.startswith("coordinates [0, 1] violate KKT beyond δ_j; "
                                                   "worst j = 0: ρ = 7.5 (15 of λ₁)")


def test_strict_slack_is_resolvable_exactly_below_its_boundary():
    """λ₁ = 2: w* = ((8 − 2)/4, 0) = (3/2, 0), slack s₂ = λ₁ − |c*₂| = 2 − 1 = 1, a₂ = 1;
    S = 17/2 + ½·4/4 = 9.  Coordinate 2 is resolvable iff s₂² > 2G·a₂, i.e. G < 1/2: at
    G = 1/3 it is (with 3G it would not be), at G = 1/2 it is not (with ≥ it would be)."""
    X, y = ORTHO
    problem = Problem(X=X, y=y, l1=2)
    _, verdict = _statuses(problem, [Fraction(3, 2), 0], Fraction(1, 3), Fraction(9))
    assert verdict.passed
    assert verdict.checks["exact-zeros"].detail == (
        "not declared; support read from KKT slack at [1]")
    _, verdict = _statuses(problem, [Fraction(3, 2), 0], Fraction(1, 2), Fraction(9))
    assert verdict.checks["exact-zeros"].detail == (
        "no coefficient of w* has resolvable strict slack")


def test_a_coefficient_with_strict_slack_is_bounded_by_g_over_the_slack():
    """λ₁ = 3: w* = ((8 − 3)/4, 0) = (5/4, 0), s₂ = 3 − 1 = 2; S = 17/2 + ½·9/4 = 77/8.  The
    coefficient bound |w₂| ≤ G/s₂: with G = 1/100, w₂ = 1/200 is on it (passes) and
    w₂ = 1/100 is beyond it (fails; |w₂|/s₂ ≤ G would let it pass)."""
    X, y = ORTHO
    problem = Problem(X=X, y=y, l1=3)
    S, G = Fraction(77, 8), Fraction(1, 100)
    statuses, _ = _statuses(problem, [Fraction(5, 4), Fraction(1, 200)], G, S)
    assert statuses["coefficients"] == "pass"
    statuses, verdict = _statuses(problem, [Fraction(5, 4), Fraction(1, 100)], G, S)
    assert statuses["coefficients"] == "fail"
    assert verdict.checks["coefficients"].detail.startswith("coordinates [1] outside")


def test_the_bound_on_e_adds_the_spill_of_the_slack_coordinates():
    """λ₁ = 3, E = {0} (w*₁ = 5/4 ≠ 0), s₂ = 2, H = ‖x₁‖² = 4: the bound on |w₁ − w*₁| is
    √(1/4)·(√(2G) + ‖x₂‖·G/s₂) = ½(√0.02 + 0.005) ≈ 0.07321 at G = 1/100 (with G·s₂ in
    place of G/s₂ it would be ≈ 0.08071): w₁ = w*₁ + 0.077 is beyond it."""
    X, y = ORTHO
    problem = Problem(X=X, y=y, l1=3)
    w = [Fraction(5, 4) + Fraction(77, 1000), 0]
    statuses, verdict = _statuses(problem, w, Fraction(1, 100), Fraction(77, 8))
    assert statuses["coefficients"] == "fail"
    assert verdict.checks["coefficients"].detail.startswith("coordinates [0] outside")


def test_the_account_of_a_failing_verdict_states_every_number():
    """Verdict.describe() for w = (2, 0) on WORKED, every number derived above: the gap 1/3
    (4/87 ≈ 0.046 of S = 29/4), G = 29/4·10⁻⁹, ρ₂ = 1 against δ₂ = √(2G·2), ‖X(w − w*)‖ =
    √(2/3) ≈ 0.816 against √(2G), |w₂ − w*₂| = 2/3 the largest error."""
    verdict = judge(WORKED, [2, 0])
    lines = verdict.describe("mysolver").splitlines()
    assert lines[0] == "mysolver on"
    assert lines[1] == "    " + repr(WORKED)
    assert lines[2].startswith("  triage: wrong: ")
    assert lines[3:] == [
        "  output       PASS  2 finite numbers",
        "  objective    FAIL  F(w) − F* = 0.333 (0.046 of S); tolerance G = 7.25e-09",
        "  kkt          FAIL  coordinates [1] violate KKT beyond δ_j; worst j = 1: ρ = 1 "
        "(1 of λ₁), δ_j = 0.00017",
        "  fit          FAIL  ‖X(w − w*)‖ = 0.816, tolerance √(2G) = 0.00012",
        "  coefficients FAIL  coordinates [0, 1] outside the derived bound; "
        "max |w_j − w*_j| = 0.667 at j = 1",
        "  exact-zeros  SKIP  no coefficient of w* has resolvable strict slack",
        "  returned w = [2.0, 0.0]",
        "  exact w*   = (5/3, 2/3)   (unique: True; F* = 8/3)",
    ]


def test_the_account_shows_the_problem_received_and_cuts_a_long_answer():
    """A problem given in nicer numbers (1/10) than the doubles received is shown both ways;
    an answer whose display passes 400 characters is cut there with an ellipsis."""
    from lasso_spec.conformance.received import as_received

    shown = Problem(X=[[Fraction(1, 10)]], y=[Fraction(3, 10)], l1=0)
    text = judge(as_received(shown), [3.0], shown=shown).describe()
    assert ("    " + repr(shown) + "\n  which it received as float64, i.e. exactly (the problem "
            "judged):\n    " + repr(as_received(shown))) in text
    wide = Problem(X=[[1] * 100], y=[1], l1=10)  # λ_max = 1: w* = 0
    returned = [0.0] * 99 + [1e-300]
    line = next(line for line in judge(wide, returned).describe().splitlines()
                if line.startswith("  returned w = "))
    assert line == "  returned w = " + repr(returned)[:400] + "…"


def test_the_account_of_an_answer_with_an_intercept_names_w_and_b():
    """With fit_intercept, (w, b) = ((2, 0), 1/2) is shown as returned, and b* beside w*:
    X = [[1, 1], [1, 0], [0, 1]], y = (3, 2, 1), λ₁ = 1 gives w* = 0, b* = ȳ = 2."""
    problem = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1, fit_intercept=True)
    lines = judge(problem, ([2, 0], 0.5)).describe().splitlines()
    assert lines[-2:] == ["  returned (w, b) = [2.0, 0.0, 0.5]",
                          "  exact w*   = (0, 0), b* = 2   (unique: True; F* = 1)"]
