"""Problems whose scale S is 0 (issue 10): the strategies draw none, and the judge says so.

S = 0 makes the demanded accuracy G = gap_rtol·S zero, so only the exact minimiser passes.
The gate's own strategies must not draw such a problem (a float64 answer off by 1e-30
failing there is an artefact of the suite, not a finding).  A user's problem (a corpus
case, a vector, a file) can still have S = 0: then the verdict states it, in the objective
check's detail and first in the triage, and names no option or convention bug that does not
differ from the problem here (the former mislabel: "intercept penalised" for an answer 1e-30
from the exact optimum of X = 0, y = 0 with an intercept).
"""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lasso_spec.conformance.catalogue import GENERATED
from lasso_spec.conformance.option_verdict import option_scale
from lasso_spec.conformance.received import exact_solution
from lasso_spec.conformance.strategies import problems
from lasso_spec.conformance.tolerance import objective_scale
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem

OPTION_CHECKS = [(check, kind, family) for check, kind, family in GENERATED
                 if family and family.startswith("options:")]
PLAIN_CHECKS = [(check, kind, family) for check, kind, family in GENERATED
                if not (family and family.startswith(("options:", "metamorphic:")))]


@pytest.mark.parametrize(("check", "kind", "family"), OPTION_CHECKS,
                         ids=[c for c, _, _ in OPTION_CHECKS])
@given(data=st.data())
def test_the_option_strategies_draw_no_problem_of_scale_zero(check, kind, family, data):
    problem = data.draw(problems(kind, family))
    assert option_scale(problem) > 0  # S of the default judge too when the options are default


@pytest.mark.parametrize(("check", "kind", "family"), PLAIN_CHECKS,
                         ids=[c for c, _, _ in PLAIN_CHECKS])
@given(data=st.data())
def test_the_default_strategies_draw_no_problem_of_scale_zero(check, kind, family, data):
    problem = data.draw(problems(kind, family))
    assert not problem.options and objective_scale(problem) > 0


def _answer(problem, u):
    return (list(u[:-1]), u[-1]) if problem.fit_intercept else list(u)


def _star(problem):
    solution = exact_solution(problem)
    return (*solution.w, *((solution.intercept,) if problem.fit_intercept else ()))


#: Problems of scale 0, each with why (as the verdict words it).
ZERO = [
    (Problem(X=[[1], [2]], y=[0, 0], l1=0, l2=1), "y = 0, and λ₁ = 0"),
    (Problem(X=[[0, 0]], y=[0], l1=1, l2=0), "y = 0, and X = 0 with λ₂ = 0"),
    (Problem(X=[[0]], y=[0], l1=Fraction(1, 2), l2=0, fit_intercept=True),
     "y is constant (an intercept), and every Gⱼⱼ = Σsᵢxᵢⱼ² + 2λ₂vⱼ is 0 (X = 0, no L2 term)"),
    (Problem(X=[[0]], y=[0], l1=Fraction(1, 2), l2=0, positive=True),
     "y = 0, and every Gⱼⱼ = Σsᵢxᵢⱼ² + 2λ₂vⱼ is 0 (X = 0, no L2 term)"),
    (Problem(X=[[1], [2]], y=[3, 5], l1=0, l2=1, fit_intercept=True, sample_weight=[1, 0]),
     "y is constant on the rows of positive weight (an intercept), and λ₁ = 0"),
]


@pytest.mark.parametrize(("problem", "why"), ZERO, ids=range(len(ZERO)))
def test_scale_zero_the_exact_answer_passes_and_one_off_by_1e_30_is_told_why(problem, why):
    scale = option_scale(problem) if problem.options else objective_scale(problem)
    assert scale == 0
    star = _star(problem)
    assert judge(problem, _answer(problem, star)).passed
    off = (star[0] + Fraction(1, 10**30), *star[1:])
    verdict = judge(problem, _answer(problem, off))
    assert not verdict.passed and "objective" in verdict.failed_checks()
    note = (f"the scale S is 0 ({why}), so the demanded accuracy G = gap_rtol·S is 0 and only "
            "the exact minimiser passes")
    assert verdict.checks["objective"].detail.endswith(note)
    assert "of S" not in verdict.checks["objective"].detail
    assert verdict.gap > 0 and verdict.gap_rel == float("inf")
    assert verdict.triage.startswith(f"S = 0: {note}; this answer is F(w) − F* = ")
    assert "at most 1e-30 from the exact minimiser in every coordinate" in verdict.triage
    otherwise = verdict.triage.partition("; the triage otherwise: ")[2]
    assert otherwise.startswith("wrong: ")  # no mis-stated problem differs from it here
    assert "mismatch" not in verdict.triage and "penalised" not in verdict.triage


def test_scale_zero_still_names_an_option_bug_whose_optimum_differs():
    """S = 0 (y constant on the one row of weight 1), and the answer is the exact optimum of
    the unweighted problem, which differs: that label stays, after the S = 0 note."""
    problem = ZERO[4][0]
    unweighted = Problem(X=problem.X, y=problem.y, l1=0, l2=1, fit_intercept=True)
    u = _star(unweighted)
    assert u != _star(problem)
    verdict = judge(problem, _answer(problem, u))
    assert verdict.triage.startswith("S = 0: the scale S is 0 (")
    assert verdict.triage.endswith("; the triage otherwise: option mismatch: the answer is "
                                   "(within tolerance) the optimum of a mis-stated problem: "
                                   "sample weights "
                                   "ignored")


def test_a_variant_with_the_problems_optimum_explains_nothing_at_a_positive_scale():
    """The option triage's rule that a variant's optimum must differ, at S = 1: X = (1, −1),
    y = (1, 1), an intercept, weights ¼, λ₁ = 1 has (w*, b*) = (0, 1), and so do the variants
    "weights rescaled by Σs/n" (λ₁ = 4) and "by Σs" (λ₁ = 2), whose tolerances are 16 and 4
    times larger.  w = 2⁻²⁹, b = 1 is F − F* = ε + ε²/4 above F*: beyond G = 10⁻⁹, within
    theirs; the triage named both (a mislabel) before the rule."""
    problem = Problem(X=[[1], [-1]], y=[1, 1], l1=1, l2=0, fit_intercept=True,
                      sample_weight=[Fraction(1, 4)] * 2)
    assert option_scale(problem) == 1 and _star(problem) == (0, 1)
    eps = Fraction(1, 2**29)
    for l1 in (4, 2):  # the two variants: the same optimum, the answer within their tolerance
        variant = Problem(X=problem.X, y=problem.y, l1=l1, l2=0, fit_intercept=True,
                          sample_weight=problem.sample_weight)
        assert _star(variant) == (0, 1) and judge(variant, ([eps], 1)).passed
    verdict = judge(problem, ([eps], 1))
    assert verdict.gap == eps + eps**2 / 4 and verdict.failed_checks() == ["objective",
                                                                           "coefficients"]
    assert verdict.triage == "wrong: fails objective, coefficients and no option bug explains it"
