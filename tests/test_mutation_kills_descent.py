"""The notes' coordinate descent (reference/descent.py): its cap, its polishing sweep and the
arithmetic of its bound, stated precisely (TESTING.md).

Written against the mutants of ``tox -e mutation`` that survived in descent.py.
"""

import inspect
from fractions import Fraction

import pytest

from lasso_spec.reference import ProblemError, coordinate_descent

X, Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]  # the worked example: λ_max = 5


def test_the_default_cap_is_ten_thousand_sweeps():
    assert inspect.signature(coordinate_descent).parameters["max_sweeps"].default == 10_000


def test_zero_sweeps_is_allowed_and_a_negative_count_is_refused():
    run = coordinate_descent(X, Y, 1, max_sweeps=0)
    assert run.sweeps == 0 and run.w == (0.0, 0.0) and not run.converged
    with pytest.raises(ProblemError, match="max_sweeps must be a non-negative int, got -1"):
        coordinate_descent(X, Y, 1, max_sweeps=-1)


@pytest.mark.parametrize("exact", [False, True])
def test_a_start_that_is_already_certified_still_gets_one_polishing_sweep(exact):
    """At λ₁ = λ_max, w = 0 is optimal with bound 0 before any sweep; the loop still runs one
    sweep, to see that no coordinate leaves zero (the sweep that ends every run)."""
    run = coordinate_descent(X, Y, 5, exact=exact)
    assert run.converged and run.sweeps == 1 and run.w == (0, 0) and run.bound == 0


def test_a_float_run_with_options_bounds_in_float64_and_an_exact_run_in_fractions():
    float_run = coordinate_descent(X, Y, 1, fit_intercept=True)
    exact_run = coordinate_descent(X, Y, 1, fit_intercept=True, exact=True, max_sweeps=3)
    assert type(float_run.bound) is float and type(exact_run.bound) is Fraction
