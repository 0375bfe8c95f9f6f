"""The option verdict at its exact boundaries, and every label of the option triage
(conformance/option_verdict.py, option_triage.py).

Found by the first mutation run of the two modules (TESTING.md: 921 mutants, 77.2 %): a fit
or KKT tolerance of 3G instead of 2G, a strict slack resolvable at 3G or by s/s, the
coefficient bound's spill multiplied by the slack or summed over slacks above 1, S with
λ₁³ or ¼ instead of ½, the KKT summary scaled by λ₁ instead of divided, and each weights
normalisation, the penalised intercept, the unweighted centring and the rescaled penalty
factors built wrongly, all passed every test.  G is placed on each boundary with a Fraction
``gap_rtol``; every number below is derived by hand in the docstrings.
"""

from dataclasses import replace
from fractions import Fraction

import pytest
from test_check_details import ORTHO

from lasso_spec.conformance.certificate_checks import Check
from lasso_spec.conformance.option_verdict import option_scale
from lasso_spec.conformance.received import exact_solution
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem

#: positive=True on ORTHO (x₁ = (2, 0), x₂ = (0, 1), y = (4, 1), λ₁ = 2): G = XᵀX =
#: diag(4, 1), u* = (3/2, 0), c*₂ = 1 so w₂'s slack is t − c = 2 − 1 = 1.  S = 17/2 + 1/2 = 9.
POSITIVE = replace(ORTHO, positive=True)


def _checks(problem, u, G):
    verdict = judge(problem, u, gap_rtol=G / option_scale(problem))
    return verdict.checks, verdict


def test_the_scale_of_an_option_problem():
    """S = ½Σsᵢ(yᵢ − m)² + ½λ₁²/maxⱼ Gⱼⱼ, Gⱼⱼ = Σsᵢxᵢⱼ² + 2λ₂vⱼ (uncentred).  No intercept:
    m = 0, S = 17/2 + 1/2.  With one: X = (1, −1)ᵀ, y = (3, 1), s = (1, 3), λ₁ = 2: m = 3/2,
    Σs(y − m)² = 9/4 + 3/4 = 3, G₁₁ = 1 + 3 = 4, S = 3/2 + ½·4/4 = 2."""
    assert option_scale(POSITIVE) == 9
    weighted = Problem(X=[[1], [-1]], y=[3, 1], l1=2, fit_intercept=True, sample_weight=[1, 3])
    assert option_scale(weighted) == 2


def test_each_check_passes_on_its_boundary_and_fails_beyond_it():
    """u = (2, 0), d = u − u* = (1/2, 0): F(u) − F* = ½·4·(1/2)² = 1/2, dᵀGd = 1,
    c₁ = 2(4 − 4) = 0 so ρ₁ = |0 − λ₁| = 2 and δ₁ = √(2G·4).
    G = 1/2: objective 1/2 ≤ G, fit 1 ≤ 2G, KKT 4 ≤ 8G: all on their boundaries; the slack
    1 is not resolvable (1² > 2G·1 is false).  G = 2/5: all three fail (with 3G the fit and
    KKT would pass), and the slack is resolvable (1 > 4/5; at 3G it would not be)."""
    checks, verdict = _checks(POSITIVE, [2, 0], Fraction(1, 2))
    assert verdict.gap == Fraction(1, 2) and verdict.kkt_rel == 1.0  # ρ/λ₁ = 2/2
    assert [checks[k].status for k in ("objective", "fit", "kkt")] == ["pass"] * 3
    assert checks["kkt"] == Check("kkt", "pass", "worst j = 0: ρ = 2, δ = 2")
    assert checks["fit"] == Check("fit", "pass", "‖X'(u − u*)‖_S = 1, tolerance √(2G) = 1")
    assert checks["exact-zeros"] == Check("exact-zeros", "skip",
                                          "no coefficient of w* has resolvable strict slack")
    checks, _ = _checks(POSITIVE, [2, 0], Fraction(2, 5))
    assert [checks[k].status for k in ("objective", "fit", "kkt")] == ["fail"] * 3
    assert checks["kkt"] == Check("kkt", "fail", "coordinates [0] violate OPTIONS-KKT beyond "
                                                 "δ_j; worst j = 0: ρ = 2, δ = 1.79")
    assert checks["exact-zeros"] == Check("exact-zeros", "skip", "not declared; support read "
                                                                 "from KKT slack at [1]")



def test_the_fit_is_the_weighted_fit_without_the_ridge_term():
    """X = 0 (2 × 2), y = (1, 0), s = (2, 0), λ₁ = 0, λ₂ = 1/8: u* = 0, S = ½·2·1² = 1.
    u = (1/10, −1/10) fits exactly (X'd = 0), but dᵀGd = 2λ₂‖d‖² = 1/200 and F(u) − F* =
    1/400.  At G = 1/1000 the objective fails and the fit passes, as the default judge
    decides on the repeated-row problem (row 1 twice, y = (1, 1)).  The fit was dᵀGd, which
    failed here: a re-seeded run of test_the_judge_is_invariant_under_the_theorem_map."""
    zero = [[0, 0], [0, 0]]
    weighted = Problem(X=zero, y=[1, 0], l1=0, l2=Fraction(1, 8), sample_weight=[2, 0])
    u = [Fraction(1, 10), Fraction(-1, 10)]
    checks, verdict = _checks(weighted, u, Fraction(1, 1000))
    assert verdict.gap == Fraction(1, 400) and option_scale(weighted) == 1
    assert checks["objective"].status == "fail"
    assert checks["fit"] == Check("fit", "pass", "‖X'(u − u*)‖_S = 0, tolerance √(2G) = 0.0447")
    repeated = judge(Problem(X=zero, y=[1, 1], l1=0, l2=Fraction(1, 8)), u,
                     gap_rtol=Fraction(1, 1000))
    assert {k: c.status for k, c in repeated.checks.items()} == {
        k: c.status for k, c in checks.items() if k != "feasibility"}

#: λ₁ = 3/2: u* = ((8 − 3/2)/4, 0) = (13/8, 0), w₂'s slack 3/2 − 1 = 1/2, S = 17/2 + 9/32.
HALF_SLACK = replace(POSITIVE, l1=Fraction(3, 2))


def test_the_coefficient_bound_with_its_spill_at_its_boundary():
    """E = {0}, (G_EE)⁻¹ = 1/4; the spill of w₂ is √G₂₂·G/slack = 2G.  At G = 1/8 the bound
    is √(1/4)·(√(2G) + 2G) = ½·(½ + ¼) = 3/8, in float64 exactly, widened by ROOT_SLACK:
    u₁ = 2 is exactly on it and passes; 0.38 off fails, 0.37 passes (spill G·slack = G/16
    or no spill would fail it).  A coordinate with slack: |u₂|·slack = 1/16 ≤ G passes
    (|u₂|/slack = 1/4 would not)."""
    G = Fraction(1, 8)
    assert _checks(HALF_SLACK, [2, 0], G)[0]["coefficients"] == Check(
        "coefficients", "pass", "max |u_j − u*_j| = 0.375 at j = 0")
    assert _checks(HALF_SLACK, [Fraction(13, 8) + Fraction(37, 100), 0], G)[0][
        "coefficients"].status == "pass"
    assert _checks(HALF_SLACK, [Fraction(13, 8) + Fraction(38, 100), 0], G)[0][
        "coefficients"] == Check("coefficients", "fail", "coordinates [0] outside the derived "
                                 "bound; max |u_j − u*_j| = 0.38 at j = 0")
    assert _checks(HALF_SLACK, [Fraction(13, 8), Fraction(1, 8)], G)[0]["coefficients"] == Check(
        "coefficients", "pass", "max |u_j − u*_j| = 0.125 at j = 1")


def test_the_kkt_summary_names_the_intercept():
    """X = (1, −1)ᵀ, y = (3, 1), λ₁ = 1 with an intercept: centred, x = (1, −1), y = (1, −1),
    w* = (2 − 1)/2 = 1/2, b* = ȳ = 2.  At b = 2 + 1/4 the residuals sum to −1/2: ρ_b = 1/2,
    relative to λ₁ = 1; the w coordinate has ρ = 0."""
    problem = Problem(X=[[1], [-1]], y=[3, 1], l1=1, fit_intercept=True)
    verdict = judge(problem, ([0.5], 2.25))
    assert verdict.kkt_rel == 0.5
    assert verdict.checks["kkt"].detail.startswith(
        "coordinates [1] violate OPTIONS-KKT beyond δ_j; worst b: ρ = 0.5, δ = ")


# ----------------------------------------------------------------------------- the triage

#: n = 3 rows; the variants below are built by hand, not by the triage's own code.
X, Y = [[1, 0], [0, 1], [1, 1]], [2, 1, 3]
MISSTATED = "option mismatch: the answer is (within tolerance) the optimum of a mis-stated " \
            "problem: "


def _optimum(problem):
    solution = exact_solution(problem)
    w = list(solution.w)
    return (w, solution.intercept) if problem.fit_intercept else w


@pytest.mark.parametrize(("factor", "name"), [
    (Fraction(4, 3), "Σs/n"), (Fraction(3, 4), "n/Σs"), (4, "Σs"), (Fraction(1, 4), "1/Σs"),
])
def test_each_weights_normalisation_is_named(factor, name):
    """s = (1, 1, 2): Σs = 4, n = 3.  Weights rescaled by a constant are λ divided by it."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), sample_weight=[1, 1, 2])
    answer = _optimum(replace(problem, l1=problem.l1 / factor))
    assert judge(problem, answer).triage == (
        MISSTATED + f"sample weights normalised: rescaled by {name}, i.e. λ divided by {name}")


@pytest.mark.parametrize(("options", "variant", "label"), [
    ({"sample_weight": [1, 1, 2]}, {"sample_weight": None}, "sample weights ignored"),
    ({"penalty_factor": [1, 3]}, {"penalty_factor": None},
     "penalty factors ignored (every v_j = 1)"),
    ({"penalty_factor": [1, 3]}, {"penalty_factor": [Fraction(1, 2), Fraction(3, 2)]},
     "penalty factors rescaled to sum to p (glmnet's convention)"),
])
def test_each_ignored_or_rescaled_option_is_named(options, variant, label):
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), **options)
    assert judge(problem, _optimum(replace(problem, **variant))).triage == MISSTATED + label


def test_a_penalised_intercept_is_named():
    """The intercept as a third column of ones, penalised like the others."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True)
    u = exact_solution(Problem(X=[[*row, 1] for row in X], y=Y, l1=Fraction(1, 2))).w
    assert judge(problem, (list(u[:2]), u[2])).triage == (
        MISSTATED + "intercept penalised (the intercept column got penalty factor 1)")


def test_unweighted_centring_is_named():
    """s = (1, 1, 2): the plain means x̄ = (2/3, 2/3), ȳ = 2; w is the weighted fit of the
    centred data, b = ȳ − x̄ᵀw."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True, sample_weight=[1, 1, 2])
    xbar, ybar = [Fraction(2, 3), Fraction(2, 3)], Fraction(2)
    centred = Problem(X=[[a - m for a, m in zip(row, xbar)] for row in X],
                      y=[v - ybar for v in Y], l1=Fraction(1, 2), sample_weight=[1, 1, 2])
    w = exact_solution(centred).w
    b = ybar - sum(m * v for m, v in zip(xbar, w))
    assert judge(problem, (list(w), b)).triage == (
        MISSTATED + "unweighted centring: the intercept and the centring use unweighted means "
        "although sample weights are given")


def test_a_zero_answer_below_lambda_max_names_the_rule():
    """ĉ = Xᵀy = (5, 4) at the unpenalised fit (no intercept): λ_max = 5 under positive=True
    (max(0, ĉⱼ)), and with v = (1, 3) max(5/1, 4/3) = 5 under |ĉⱼ|/vⱼ."""
    positive = judge(Problem(X=X, y=Y, l1=Fraction(1, 2), positive=True), [0, 0])
    assert positive.triage == (
        "wrong: w = 0 although λ₁ = 0.5 < λ_max = 5 = maxⱼ max(0, ĉⱼ)/vⱼ (ĉ at the "
        "unpenalised fit): a λ_max or screening slip; under positive=True the rule is "
        "max(0, ĉⱼ), neither |ĉⱼ| nor max(0, −ĉⱼ)")
    factors = judge(Problem(X=X, y=Y, l1=Fraction(1, 2), penalty_factor=[1, 3]), [0, 0])
    assert factors.triage == (
        "wrong: w = 0 although λ₁ = 0.5 < λ_max = 5 = maxⱼ |ĉⱼ|/vⱼ (ĉ at the unpenalised "
        "fit): a λ_max or screening slip")


def test_a_misstated_problem_with_l2_divides_both_penalties():
    """λ₂ = 1/2 with s = (1, 1, 2): rescaled weights divide λ₁ and λ₂ alike (here by Σs)."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), l2=Fraction(1, 2), sample_weight=[1, 1, 2])
    answer = _optimum(replace(problem, l1=problem.l1 / 4, l2=problem.l2 / 4))
    assert judge(problem, answer).triage == (
        MISSTATED + "sample weights normalised: rescaled by Σs, i.e. λ divided by Σs")


def test_a_normalisation_by_two_is_tried():
    """s = (2, 2, 2): Σs/n = 2 (only a factor of 1 is skipped)."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), sample_weight=[2, 2, 2])
    assert judge(problem, _optimum(replace(problem, l1=problem.l1 / 2))).triage == (
        MISSTATED + "sample weights normalised: rescaled by Σs/n, i.e. λ divided by Σs/n")


def test_labels_that_coincide_are_listed_together_with_the_zero_slip():
    """v = (2, 2): ignoring the factors and rescaling them to sum to p give the same v = 1.
    With v = (1/2, 1/2) and λ₁ = 6, w = 0 is that variant's optimum (its λ_max is 5) but
    not the problem's (λ_max = 5/(1/2) = 10)."""
    both = ("penalty factors ignored (every v_j = 1); or penalty factors rescaled to sum to p "
            "(glmnet's convention)")
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), penalty_factor=[2, 2])
    assert judge(problem, _optimum(replace(problem, penalty_factor=None))).triage == (
        MISSTATED + both)
    zero = Problem(X=X, y=Y, l1=6, penalty_factor=[Fraction(1, 2), Fraction(1, 2)])
    assert judge(zero, [0, 0]).triage == (
        MISSTATED + both + " (and w = 0 although λ₁ = 6 < λ_max = 10 = maxⱼ |ĉⱼ|/vⱼ (ĉ at the "
        "unpenalised fit): a λ_max or screening slip)")


def test_the_zero_slip_under_an_intercept_and_unequal_factors():
    """With an intercept the answer (0, b) still zeroes every feature: centred, ĉ = (1, 0),
    λ_max = 1.  With v = (3, 1), λ_max = max(5/3, 4/1) = 4 (not max|ĉⱼ| = 5)."""
    intercept = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True)
    assert judge(intercept, ([0, 0], 2)).triage == (
        "wrong: w = 0 although λ₁ = 0.5 < λ_max = 1 = maxⱼ |ĉⱼ|/vⱼ (ĉ at the unpenalised "
        "fit): a λ_max or screening slip")
    factors = Problem(X=X, y=Y, l1=Fraction(1, 2), penalty_factor=[3, 1])
    assert "< λ_max = 4 = maxⱼ |ĉⱼ|/vⱼ" in judge(factors, [0, 0]).triage


def test_the_coefficient_check_skips_without_uniqueness_or_a_bound_and_passes_with_no_e():
    """Duplicate columns with an intercept: many minimisers.  positive=True, x₁ = x₂ = (1),
    y = (1), λ₁ = 1 = λ_max: w* = 0 is unique, both slacks are 0, G_EE = [[1, 1], [1, 1]] is
    singular.  λ₁ = 20 > λ_max: every slack is strict, E is empty, and w = 0 passes."""
    many = Problem(X=[[1, 1], [-1, -1]], y=[3, 1], l1=1, fit_intercept=True)
    assert judge(many, ([0, 0.5], 2.0)).checks["coefficients"] == Check(
        "coefficients", "skip", "the minimiser is not unique")
    singular = Problem(X=[[1, 1]], y=[1], l1=1, positive=True)
    assert judge(singular, [0, 0]).checks["coefficients"] == Check(
        "coefficients", "skip", "G_EE is singular: no coefficient bound")
    above = Problem(X=X, y=Y, l1=20, positive=True)
    assert judge(above, [0, 0]).checks["coefficients"] == Check(
        "coefficients", "pass", "max |u_j − u*_j| = 0 at j = 0")


def test_an_intercept_answer_must_be_the_pair():
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True)
    why = ("; with fit_intercept=True the answer is the pair (w, b): the p coefficients and the "
           "intercept")
    assert judge(problem, [0.5, 2]).checks == {
        "output": Check("output", "fail", "returned list" + why)}
    assert judge(problem, ([0.5, 0.5], [2])).checks["output"] == Check(
        "output", "fail", "returned tuple" + why)


def test_the_kkt_summary_without_lambda1_and_with_a_feature_worst():
    """Ridge with v = (2): X = (1, 1)ᵀ, y = (1, −1), w* = 0; at w = 1, c = −2 − 2λ₂v·1 = −6,
    ρ = 6, relative to 1 (λ₁ = 0).  With an intercept and b = ȳ − x̄ᵀw the intercept's
    residual is 0, so the worst is a feature (x̄ = (2/3, 2/3), ȳ = 2, w = (3/2, 1/2))."""
    ridge = judge(Problem(X=[[1], [1]], y=[1, -1], l1=0, l2=1, penalty_factor=[2]), [1])
    assert ridge.kkt_rel == 6.0
    intercept = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True)
    w = [Fraction(3, 2), Fraction(1, 2)]
    detail = judge(intercept, (w, 2 - Fraction(2, 3) * sum(w))).checks["kkt"].detail
    assert "worst j = " in detail and "worst b" not in detail


def test_a_zero_coordinate_s_slack_depends_on_the_sign_constraint():
    """x₂ᵀr* = −1 at w* = (3/2, 0) for y = (4, −1), λ₁ = 2 (S = 9).  Under positive=True the
    slack is t − c = 3 (any c < t is dual feasible): resolvable at G = 2 (9 > 4).  Without
    it (here with penalty factors (1, 2), so t₂ = 4 and S = 9 still) the slack is t − |c| = 3:
    not resolvable at G = 5 (9 > 10 is false; t − c = 5 would be)."""
    positive = Problem(X=[[2, 0], [0, 1]], y=[4, -1], l1=2, positive=True)
    assert _checks(positive, [1.5, 0], Fraction(2))[0]["exact-zeros"] == Check(
        "exact-zeros", "skip", "not declared; support read from KKT slack at [1]")
    factors = Problem(X=[[2, 0], [0, 1]], y=[4, -1], l1=2, penalty_factor=[1, 2])
    assert option_scale(factors) == 9
    assert _checks(factors, [1.5, 0], Fraction(5))[0]["exact-zeros"] == Check(
        "exact-zeros", "skip", "no coefficient of w* has resolvable strict slack")


def test_every_check_of_an_option_verdict_whole():
    """POSITIVE: an infeasible answer stops at feasibility and F = +∞; the exact answer passes
    every check, with its numbers (u* unique, so no note); an answer that is not numbers
    keeps the problems and what was returned."""
    infeasible = judge(POSITIVE, [-1, 0])
    assert infeasible.checks == {
        "output": Check("output", "pass", "2 finite numbers"),
        "feasibility": Check("feasibility", "fail", "w_j < 0 at [0] although positive=True"),
        "objective": Check("objective", "fail", "F(w) = +∞: the answer is infeasible"),
    }
    assert infeasible.triage == "wrong: negative coefficients under positive=True"
    exact = judge(POSITIVE, [1.5, 0])
    assert list(exact.checks) == ["output", "feasibility", "objective", "kkt", "fit",
                                  "coefficients", "exact-zeros"]
    assert exact.checks["output"] == Check("output", "pass", "2 finite numbers")
    assert exact.checks["feasibility"] == Check("feasibility", "pass", "w ≥ 0")
    assert exact.checks["objective"].status == "pass"
    assert exact.w == (Fraction(3, 2), 0) and exact.gap == 0 and exact.gap_rel == 0.0
    assert exact.passed and exact.notes == [] and exact.triage is None
    off = judge(POSITIVE, [2, 0])
    assert off.gap_rel == 0.5 / 9
    factors = judge(Problem(X=[[2, 0], [0, 1]], y=[4, 1], l1=2, penalty_factor=[1, 2]), [1.5, 0])
    assert factors.checks["feasibility"] == Check("feasibility", "pass", "no constraint")
    bad = judge(POSITIVE, ["a", 0], shown=HALF_SLACK)
    assert (bad.problem, bad.shown, bad.returned) == (POSITIVE, HALF_SLACK, (["a", 0],))
    assert bad.checks["output"].status == "fail"
    assert bad.triage == "wrong: " + bad.checks["output"].detail


def test_more_labels_under_an_intercept():
    """The penalised intercept keeps the features' factors (1, 3) beside its own 1; with an
    intercept and weights, ignoring the weights is still named (b read from the pair)."""
    factors = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True, penalty_factor=[1, 3])
    u = exact_solution(Problem(X=[[*row, 1] for row in X], y=Y, l1=Fraction(1, 2),
                               penalty_factor=[1, 3, 1])).w
    assert judge(factors, (list(u[:2]), u[2])).triage == (
        MISSTATED + "intercept penalised (the intercept column got penalty factor 1)")
    weighted = Problem(X=X, y=Y, l1=Fraction(1, 2), fit_intercept=True, sample_weight=[1, 1, 2])
    assert judge(weighted, _optimum(replace(weighted, sample_weight=None))).triage == (
        MISSTATED + "sample weights ignored")


def test_no_rescaling_of_factors_that_sum_to_zero():
    """v = (0, 0): nothing is penalised, so there is nothing to rescale (a division by 0)."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), penalty_factor=[0, 0])
    assert judge(problem, [0, 0]).triage == (
        "wrong: fails objective, kkt, fit, coefficients and no option bug explains it")


def test_a_zero_scale_option_triage_states_no_distance_without_uniqueness():
    """Duplicate columns, y constant, an intercept, λ₁ = 0: S = 0 and w₁ + w₂ = 0 is a line
    of minimisers, so no distance to "the" minimiser is stated."""
    problem = Problem(X=[[1, 1], [2, 2]], y=[3, 3], l1=0, fit_intercept=True,
                      sample_weight=[1, 2])
    triage = judge(problem, ([Fraction(1, 10**30), 0], 3)).triage
    assert triage.startswith("S = 0: ") and "from the exact minimiser" not in triage
    assert judge(POSITIVE, [1.5, 0]).checks["objective"].name == "objective"


def test_the_option_triage_judges_its_variants_at_the_verdicts_tolerance():
    """s = (1, 1, 2): the unweighted optimum is (11/6, 5/6), both nonzero, and ‖x₁‖² = 2.
    Moved by 1/100 in w₁ it is ½·2·(1/100)² = 10⁻⁴ above the unweighted F*: within that
    problem's G at gap_rtol = 10⁻⁴ (S = 113/16 there), far beyond it at the default 10⁻⁹."""
    problem = Problem(X=X, y=Y, l1=Fraction(1, 2), sample_weight=[1, 1, 2])
    u = [Fraction(11, 6) + Fraction(1, 100), Fraction(5, 6)]
    assert judge(problem, u, gap_rtol=Fraction(1, 10**4)).triage == (
        MISSTATED + "sample weights ignored")
    assert judge(problem, u).triage == (
        "wrong: fails objective, kkt, fit, coefficients and no option bug explains it")
