"""The violator test of the exact refinement (reference/refine.py), on the integer scale where
it is decided, checked against its documented rule on cases worked by hand.

Written against a mutant of ``tox -e mutation`` that survived in refine.py (TESTING.md):
``excess`` keeps the coordinates off B whose scaled excess D·S·(|ĉⱼ| − tⱼ) is positive, and
that excess is an integer, so "positive" and "at least 2" differ only where it is exactly 1,
which no drawn problem reached.  Missing such a violator would return a w that fails KKT.
"""

from lasso_spec.reference._validate import as_problem
from lasso_spec.reference.options import as_options
from lasso_spec.reference.refine import _IntegerProblem


def _data(X, y, l1, l2=0, positive=False):
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    options = as_options(X, fit_intercept=False, sample_weight=None, positive=positive,
                         penalty_factor=None)
    return _IntegerProblem(X, y, l1, l2, options, fast=False)


def test_an_excess_of_one_on_the_integer_scale_is_a_violator():
    """X = (1, 1)ᵀ on two columns, y = (1, 0), λ₁ = 1: all integers already, so S = 1, tⱼ = 1;
    at D = 1 a scaled correlation of ±2 exceeds tⱼ by exactly 1, of ±1 not at all."""
    data = _data([[1, 1], [0, 1]], [1, 0], 1)
    assert data.S == 1 and data.l1 * data.vi[0] == 1
    assert data.excess({0: 2, 1: -2}, 1, [0, 1]) == {0: 1, 1: 1}
    assert data.excess({0: 1, 1: -1}, 1, [0, 1]) == {}  # |ĉⱼ| = tⱼ is tight, not violating
    assert data.excess({0: 3, 1: 2}, 2, [0, 1]) == {0: 1}  # D = 2: 3 − 2·1 = 1, 2 − 2 = 0


def test_under_positivity_only_a_positive_correlation_violates():
    """w ≥ 0: the excess is ĉⱼ − tⱼ, so ĉⱼ = −2 (|ĉⱼ| − tⱼ = 1) is no violator."""
    data = _data([[1, 1], [0, 1]], [1, 0], 1, positive=True)
    assert data.excess({0: 2, 1: -2}, 1, [0, 1]) == {0: 1}
