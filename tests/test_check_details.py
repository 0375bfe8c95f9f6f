"""Each check of the verdict in each of its states, whole: name, status and detail
(conformance/certificate_checks.py, received.py, tolerance.py; an unreadable entry's
message, whole, is in test_answers.py, the zero-scale triage's in test_verdict_notes.py).

Found by the judge's mutation run (TESTING.md): a check renamed, its status upper-cased,
its detail dropped, the worst coefficient taken as the last one, the coefficient bound's
spill summed over slacks above 1 instead of above 0, a strict slack "resolvable" by s/s
instead of s², and −∞ shown as +∞, all passed every test.  It also found the KKT summary
of a problem with λ₁ = 0 and Xᵀy = 0 labelled "of λ_max" although λ_max = 0 (it is
relative to 1: now said so).  Every number below is derived by hand in the docstrings.
"""

import math
from fractions import Fraction

import pytest

from lasso_spec.conformance.certificate_checks import Check
from lasso_spec.conformance.received import as_float
from lasso_spec.conformance.tolerance import gap_relative
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem

#: x₁ = (2, 0), x₂ = (0, 1), y = (4, 1), λ₁ = 2: w* = ((x₁ᵀy − λ₁)/‖x₁‖², 0) = (3/2, 0);
#: r* = (1, 1), so x₂ᵀr* = 1 and w₂'s slack is λ₁ − 1 = 1.  S = ½‖y‖² + ½λ₁²/max a = 9.
ORTHO = Problem(X=[[2, 0], [0, 1]], y=[4, 1], l1=2)


def _check(problem, w, name, G=None, S=None, **kw):
    verdict = judge(problem, w, **kw) if G is None else judge(problem, w, gap_rtol=G / S, **kw)
    return verdict.checks[name]


@pytest.mark.parametrize(("answer", "exact_zeros", "expected"), [
    ([1.5, 1e-12], False, Check("exact-zeros", "skip", "not declared; support read from KKT "
                                "slack at [1]; tiny values w_1 = 1e-12")),
    ([1.5, 0.0], False, Check("exact-zeros", "skip",
                              "not declared; support read from KKT slack at [1]")),
    ([1.5, 1e-12], True, Check("exact-zeros", "fail", "declared, but nonzero where w*_j = 0 "
                               "with strict slack: w_1 = 1e-12")),
    ([1.5, 0.0], True, Check("exact-zeros", "pass", "0.0 exactly at [1]")),
])
def test_the_exact_zeros_check_in_each_state(answer, exact_zeros, expected):
    assert _check(ORTHO, answer, "exact-zeros", exact_zeros=exact_zeros) == expected


def test_no_resolvable_slack_skips_the_exact_zeros_check():
    worked = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)  # w* = (5/3, 2/3)
    assert _check(worked, [5 / 3, 2 / 3], "exact-zeros", exact_zeros=True) == Check(
        "exact-zeros", "skip", "no coefficient of w* has resolvable strict slack")


def test_a_strict_slack_is_resolvable_by_its_square():
    """λ₁ = 3/2: w* = (13/8, 0), w₂'s slack s = 3/2 − 1 = 1/2.  At G = 1/4, s² = 1/4 is not
    above 2G·a₂ = 1/2, so nothing is resolvable (s/s = 1 would be).  S = 17/2 + 9/32."""
    problem = Problem(X=[[2, 0], [0, 1]], y=[4, 1], l1=Fraction(3, 2))
    check = _check(problem, [1.625, 0.0], "exact-zeros", Fraction(1, 4),
                   Fraction(17, 2) + Fraction(9, 32), exact_zeros=True)
    assert check == Check("exact-zeros", "skip", "no coefficient of w* has resolvable strict "
                                                 "slack")


def test_the_coefficient_bound_spills_a_slack_of_one():
    """E = {0} (slack 0), (X_EᵀX_E)⁻¹ = 1/4; w₂ has slack 1, ‖x₂‖ = 1.  At G = 1/8 the bound
    is √(1/4)·(√(2G) + ‖x₂‖·G/1) = ½·(½ + ⅛) = 5/16 = 0.3125 (times ROOT_SLACK): 0.3 passes,
    0.32 fails; without the spill the bound would be 1/4.  The worst j is 0, not the last."""
    G, S = Fraction(1, 8), Fraction(9)
    assert _check(ORTHO, [1.8, 0.0], "coefficients", G, S) == Check(
        "coefficients", "pass", "max |w_j − w*_j| = 0.3 at j = 0")
    assert _check(ORTHO, [1.82, 0.0], "coefficients", G, S) == Check(
        "coefficients", "fail",
        "coordinates [0] outside the derived bound; max |w_j − w*_j| = 0.32 at j = 0")


def test_the_coefficient_check_skips_without_a_unique_minimiser_or_a_bound():
    """x₁ = x₂ = (1), y = (2), λ₁ = 1: many minimisers.  y = (1), λ₁ = λ_max = 1: w* = 0 is
    unique (F = ½ + ½s² + (|w₁| + |w₂| − s) ≥ ½ with s = w₁ + w₂), but both slacks are 0 and
    X_E = [1 1] is rank deficient, so no coefficient bound is derived."""
    assert _check(Problem(X=[[1, 1]], y=[2], l1=1), [1, 0], "coefficients") == Check(
        "coefficients", "skip", "the minimiser is not unique: only F and Xw are determined")
    assert _check(Problem(X=[[1, 1]], y=[1], l1=1), [0, 0], "coefficients") == Check(
        "coefficients", "skip",
        "unique only through the sign constraints (X̃_E is rank deficient): no coefficient bound")


def test_a_kkt_summary_with_no_lambda_is_relative_to_one_and_says_so():
    """X = (1, 1)ᵀ, y = (1, −1), λ₁ = 0, λ₂ = 1: Xᵀy = 0, so λ_max = 0 and w* = 0.  At w = 1,
    c = Xᵀ(y − Xw) − 2λ₂w = −2 − 2 = −4, ρ = |c| = 4, relative to 1."""
    verdict = judge(Problem(X=[[1], [1]], y=[1, -1], l1=0, l2=1), [1])
    assert verdict.kkt_rel == 4.0
    assert "worst j = 0: ρ = 4 (4 of 1, as λ₁ = λ_max = 0), δ_j = " in verdict.checks["kkt"].detail
    ridge = judge(Problem(X=[[1], [1]], y=[1, 0], l1=0, l2=1), [0])  # λ_max = 1, ρ = 1
    assert "ρ = 1 (1 of λ_max)" in ridge.checks["kkt"].detail


def test_numbers_beyond_float64_show_as_signed_infinities():
    assert as_float(Fraction(10**400)) == math.inf
    assert as_float(Fraction(-(10**400))) == -math.inf


def test_the_relative_gap_at_scale_zero_is_zero_or_infinite():
    assert gap_relative(Fraction(0), 0) == 0.0
    assert gap_relative(Fraction(1, 10**30), 0) == math.inf
    assert gap_relative(Fraction(1, 2), Fraction(2)) == 0.25


def test_every_tiny_value_is_listed():
    """A third orthogonal column x₃ = (0, 0, 1) with y₃ = 1: its slack is 1 as well."""
    problem = Problem(X=[[2, 0, 0], [0, 1, 0], [0, 0, 1]], y=[4, 1, 1], l1=2)
    assert _check(problem, [1.5, 1e-12, 2e-12], "exact-zeros", exact_zeros=True) == Check(
        "exact-zeros", "fail",
        "declared, but nonzero where w*_j = 0 with strict slack: w_1 = 1e-12, w_2 = 2e-12")


def test_the_coefficient_bound_covers_the_support_under_l2():
    """λ₂ = 1/2: w* = ((8 − 2)/(4 + 1), 0) = (6/5, 0).  On the support c*₁ = x₁ᵀr* − 2λ₂w*₁ =
    λ₁ exactly, so its slack is 0 and it is in E; without the −2λ₂w* term it would be
    −6/5 and coordinate 0 would have no bound."""
    problem = Problem(X=[[2, 0], [0, 1]], y=[4, 1], l1=2, l2=Fraction(1, 2))
    assert _check(problem, [2, 0], "coefficients") == Check(
        "coefficients", "fail",
        "coordinates [0] outside the derived bound; max |w_j − w*_j| = 0.8 at j = 0")
