"""The triage of a failing answer does not mislead (issue 12, item 7).

Each case is a real failure, confirmed by the exact judge (``reference.certify`` and the
exact optimum), whose old label named one cause where the answer cannot tell it apart
from others, or named the wrong kind of failure:

(a) w = 0 just below λ_max was "convention mismatch: λ multiplied by n … or λ₁ doubled";
    w = 0 is optimal for every λ₁ ≥ λ_max, so it identifies no convention;
(b) a not-converged answer (gap 5.9e-9·S) was "wrong" because of a coefficient −2⁻⁵³;
(c) scikit-learn's LassoLars answer on a problem whose path has a tie at λ_max was
    "not converged"; the tie is the cause (breaking it by 2⁻²⁰ makes LassoLars exact);
(d) the λ₂-not-doubled slip on pure Ridge was "the loss is ‖y − Xw‖² without the ½" only;
    both conventions give the same problem when λ₁ = 0, so both are listed.
"""

from fractions import Fraction

import pytest
from exact_strategies import problems
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lasso_spec.conformance.received import exact_solution
from lasso_spec.conformance.tolerance import (
    augmented_column_norms_sq,
    gap_tolerance,
    objective_scale,
)
from lasso_spec.conformance.triage import path_ties, sign_errors, triage
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem, certify, objective

X, Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]  # the worked example: λ_max = 5


# ----------------------------------------------------------------------------- (a)


def test_zero_just_below_lambda_max_is_ambiguous_not_a_convention():
    problem = Problem(X=X, y=Y, l1=Fraction(99, 20), l2=0)
    verdict = judge(problem, [0.0, 0.0])
    assert not verdict.passed and verdict.gap > gap_tolerance(problem)
    # The exact judge: w = 0 is the optimum of every larger λ₁, n·λ₁ and 2λ₁ among them.
    for factor in (2, 3, Fraction(5, 1) / problem.l1, 1000):
        assert certify(X, Y, [0, 0], problem.l1 * factor).optimal
    text = verdict.triage
    assert text.startswith("ambiguous (cannot be told apart)")
    assert "convention mismatch" not in text
    for explanation in ("multiplied by n", "λ₁ doubled", "¼‖y − Xw‖²", "returns w = 0"):
        assert explanation in text, explanation


@settings(max_examples=40, deadline=None)
@given(problem=problems(ridge=False), digits=st.integers(2, 5))
def test_a_zero_answer_below_lambda_max_never_names_one_convention(problem, digits):
    top = exact_solution(problem).lambda_max
    assume(top > 0)
    below = Problem(X=problem.X, y=problem.y, l1=top * (1 - Fraction(1, 10**digits)), l2=0)
    zero = [0] * len(problem.X[0])
    verdict = judge(below, zero)
    assume(not verdict.passed)
    assert certify(below.X, below.y, zero, top).optimal  # optimal from λ_max on
    assert not verdict.triage.startswith("convention mismatch"), verdict.triage
    if verdict.triage.startswith("ambiguous"):
        assert "returns w = 0" in verdict.triage


# ----------------------------------------------------------------------------- (b)


def test_a_not_converged_answer_with_a_rounding_sign_is_not_wrong():
    problem = Problem(X=X, y=Y, l1=Fraction(29999, 10000), l2=0)  # just below the knot λ = 3
    star = exact_solution(problem)
    assert star.unique and star.w[1] == Fraction(1, 30000)  # tiny and positive
    w = [float(star.w[0]) + 2.5e-4, -(2.0**-53)]
    assert Fraction(w[1]) == -Fraction(1, 2**53)  # exactly −2⁻⁵³: the opposite sign
    gap = objective(X, Y, w, problem.l1) - star.objective
    S = objective_scale(problem)
    assert Fraction(59, 10**10) * S < gap < Fraction(6, 10**9) * S  # 5.9e-9·S: beyond G
    verdict = judge(problem, w)
    assert verdict.failed_checks() and not verdict.passed
    assert verdict.triage.startswith("not converged"), verdict.triage
    assert sign_errors(problem, w) == []


@settings(max_examples=40, deadline=None)
@given(problem=problems(), data=st.data())
def test_the_sign_test_counts_only_signs_beyond_the_zero_tolerance(problem, data):
    star = exact_solution(problem)
    nonzero = [j for j, v in enumerate(star.w) if v != 0]
    assume(star.unique and nonzero)
    j = data.draw(st.sampled_from(nonzero))
    a = augmented_column_norms_sq(problem)[j]
    z_sq = 2 * gap_tolerance(problem) / a  # z_j² = 2G/a_j
    sign = 1 if star.w[j] > 0 else -1
    w = list(star.w)
    w[j] = -sign * Fraction(1, 2**53) * min(1, z_sq)  # |w_j| ≤ z_j (z_j ≥ z_j² when z_j ≤ 1)
    assert w[j] * w[j] <= z_sq and j not in sign_errors(problem, w)
    w[j] = -sign * 2 * (1 + z_sq)  # |w_j| > z_j in either case
    assert j in sign_errors(problem, w)


# ----------------------------------------------------------------------------- (c)

#: An exact tie at λ_max = 16: |x_0ᵀy| = |x_2ᵀy| = 16 (random pool problem, seed 370).
TIED = Problem.from_json(
    {"X": [["4", "-3", "-2", "-31/16"], ["0", "0", "-4", "-4"]], "y": ["4", "2"], "l1": "4",
     "l2": "0"}
)
#: scikit-learn 1.9.1 LassoLars(alpha=l1/n, fit_intercept=False).fit(X, y).coef_ on TIED.
LARS_ANSWER = [0.5814393939393939, 0.0, -0.36742424242424243, 0.0]


def test_a_lars_answer_at_a_tie_names_the_tie_not_only_slow_convergence():
    star = exact_solution(TIED)
    assert star.w == (Fraction(9, 16), 0, Fraction(-3, 8), 0) and star.unique
    assert [abs(v) for v in certify(TIED.X, TIED.y, [0] * 4, 16).c] == [16, 12, 16, Fraction(63, 4)]
    assert path_ties(TIED) == [(16, [0, 2])]
    verdict = judge(TIED, LARS_ANSWER)
    assert not verdict.passed and verdict.gap > gap_tolerance(TIED)
    # The answer's correlations are not equal on its support: it is no exact optimum.
    c = certify(TIED.X, TIED.y, LARS_ANSWER, TIED.l1).c
    assert c[2] == -4 and c[0] != 4
    text = verdict.triage
    assert not text.startswith("not converged") and not text.startswith("wrong")
    assert "tie at λ = 16" in text and "coordinates [0, 2]" in text and "LassoLars" in text
    assert "not converged" in text  # still listed: an iterative solver could stop there too


def test_lasso_lars_fails_at_the_tie_and_is_exact_once_it_is_broken():
    """The cause, confirmed: the same problem with the tie broken by 2⁻²⁰ is solved exactly."""
    linear_model = pytest.importorskip("sklearn.linear_model")
    import warnings

    import numpy as np

    from lasso_spec.conformance.received import float_data

    def lars(problem):
        X, y, l1, _ = float_data(problem)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = linear_model.LassoLars(alpha=l1 / len(y), fit_intercept=False)
            return model.fit(X, y).coef_

    tied = judge(TIED, lars(TIED))
    assert not tied.passed and "tie at λ = 16" in tied.triage
    broken = Problem(X=TIED.X, y=[TIED.y[0] + Fraction(1, 2**20), TIED.y[1]], l1=4, l2=0)
    assert path_ties(broken) == []
    assert judge(broken, np.asarray(lars(broken))).passed


def test_every_lasso_lars_failure_on_the_pool_names_the_tie():
    """scikit-learn's LassoLars fails only where the exact path has a tie (seeds 40–299 of the
    meta-test pool's generator: 5 failures); the triage says so on each."""
    linear_model = pytest.importorskip("sklearn.linear_model")
    import warnings

    from test_conformance_meta import _random_problem

    from lasso_spec.conformance.received import as_received, float_data

    failures = []
    for seed in range(40, 300):
        problem = as_received(_random_problem(seed))
        if problem.l2 != 0 or problem.l1 == 0:
            continue
        X, y, l1, _ = float_data(problem)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w = linear_model.LassoLars(alpha=l1 / len(y), fit_intercept=False).fit(X, y).coef_
        verdict = judge(problem, w)
        if not verdict.passed:
            failures.append(seed)
            assert path_ties(problem) and "the exact path has a tie at λ" in verdict.triage
    assert len(failures) >= 3, failures


@settings(max_examples=30, deadline=None)
@given(problem=problems(ridge=False))
def test_a_duplicated_top_column_is_a_tie_at_lambda_max(problem):
    top = exact_solution(problem).lambda_max
    assume(top > 0)
    c = certify(problem.X, problem.y, [0] * len(problem.X[0]), 0).c
    j = min(k for k, cj in enumerate(c) if abs(cj) == top)
    X = [[*row, row[j]] for row in problem.X]
    doubled = Problem(X=X, y=problem.y, l1=problem.l1, l2=0)
    lam, tied = path_ties(doubled)[0]
    assert lam == top and j in tied and len(X[0]) - 1 in tied


# ----------------------------------------------------------------------------- (d)


def test_l2_not_doubled_on_pure_ridge_lists_both_explanations():
    problem = Problem(X=X, y=Y, l1=0, l2=1)
    answer = exact_solution(Problem(X=X, y=Y, l1=0, l2=Fraction(1, 2))).w
    # The exact judge: the answer is the optimum of ½‖y − Xw‖² + ½‖w‖², i.e. of
    # ‖y − Xw‖² + ‖w‖² (both halved), and not of the canonical problem.
    assert certify(X, Y, answer, 0, Fraction(1, 2)).optimal
    assert not certify(X, Y, answer, 0, 1).optimal
    text = judge(problem, [float(v) for v in answer]).triage
    assert text.startswith("convention mismatch")
    assert "λ₂ used as λ₂/2" in text and "without the ½" in text
    assert "cannot be told apart here: λ₁ = 0" in text


@settings(max_examples=30, deadline=None)
@given(problem=problems(ridge=True))
def test_coinciding_conventions_are_listed_together_on_pure_ridge(problem):
    ridge = Problem(X=problem.X, y=problem.y, l1=0, l2=problem.l2)
    answer = exact_solution(Problem(X=problem.X, y=problem.y, l1=0, l2=problem.l2 / 2)).w
    verdict = judge(ridge, answer)
    assume(not verdict.passed)
    assert "λ₂ used as λ₂/2" in verdict.triage and "without the ½" in verdict.triage


def test_threshold_doubled_on_lasso_lists_the_quarter_loss_too():
    problem = Problem(X=X, y=Y, l1=1, l2=0)
    answer = exact_solution(Problem(X=X, y=Y, l1=2, l2=0)).w
    assert certify(X, Y, answer, 2).optimal and not certify(X, Y, answer, 1).optimal
    text = triage(problem, answer)
    assert "λ₁ doubled" in text and "¼‖y − Xw‖²" in text
    assert "cannot be told apart here: λ₂ = 0" in text
