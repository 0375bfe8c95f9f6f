"""What an implementation receives, and the exact problem judged.

The implementation receives float64 data: ``float_data`` and ``float_options`` round the
problem's exact numbers to the nearest doubles.  The problem judged is the exact rational
problem of those doubles (every double is a rational number), ``as_received``, solved
exactly by ``reference.solve`` (``exact_solution``, cached: the checks and the triage
share it).  ``f`` goes the other way, for the accounts of a verdict: an exact number as
a float, ±inf when it is beyond the float64 range.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from lasso_spec.reference import Problem, solve


def float_data(problem):
    """The float64 data an implementation receives for a problem: (X, y, l1, l2)."""
    X = np.array([[float(v) for v in row] for row in problem.X], dtype=np.float64)
    y = np.array([float(v) for v in problem.y], dtype=np.float64)
    return X, y, float(problem.l1), float(problem.l2)


def float_options(problem):
    """The problem's non-default options as an implementation receives them: bools, and
    float64 arrays for ``sample_weight`` and ``penalty_factor`` (absent: the default)."""
    return {
        key: value if isinstance(value, bool) else np.array([float(v) for v in value])
        for key, value in problem.options.items()
    }


def as_received(problem):
    """The exact problem of the doubles the implementation receives (float64 rounding)."""
    X, y, l1, l2 = float_data(problem)
    options = {key: value if isinstance(value, bool) else value.tolist()
               for key, value in float_options(problem).items()}
    return Problem(X=X.tolist(), y=y.tolist(), l1=l1, l2=l2, **options)


@lru_cache(maxsize=512)
def exact_solution(problem):
    """reference.solve on an exact problem, with its options (cached: triage and checks
    share it)."""
    return solve(problem.X, problem.y, problem.l1, problem.l2, **problem.options)


def as_float(value):
    """float(value), or ±inf when an exact number is beyond float64 (a diverged answer)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf
