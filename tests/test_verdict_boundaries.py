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
