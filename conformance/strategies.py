"""Hypothesis strategies for exact conformance problems (small, rational, float64-exact).

Entries are small integers and dyadic fractions k/2^e, so the float64 data an
implementation receives are exactly the rational problem drawn (only λ₁ may
round, when it is a non-dyadic path knot that we keep anyway), and the exact
reference answer stays cheap.  Shapes go up to 8 × 6.

Families:

generic      small integer / dyadic entries
correlated   strongly correlated design: columns x_k = x_j + (small dyadic noise)/16,
             groups of 2 or 3 nearly identical columns (where weak solvers go wrong)
duplicate    one column repeats another, possibly negated or scaled
collinear    one column is a combination of two others
zero_column  one column is identically zero
wide         n < p
orthogonal   orthogonal columns (soft thresholding is the whole answer)
ties         entries in {−1, 0, 1}: exact ties at knots, degenerate bases

Not generated: a problem whose scale S is 0, where the tolerance G = gap_rtol·S
is 0 and only the exact minimiser would be acceptable (a float64 answer off by
1e-30 fails: an artefact of the suite, not a finding).  Without options that is
X = 0 together with y = 0 (F(t·w) is then homogeneous in t, so no accuracy
relative to the data exists; see tolerance.objective_scale), and for Ridge
(λ₁ = 0) y = 0 alone; with options
(option_problems) y constant on the rows of positive weight with an intercept,
or y = 0 there without one, together with λ₁ = 0 or X = 0 on those rows
(option_verdict.option_scale).  A user's own problem with S = 0 is still
judged: the verdict then says that S = 0 demands the exact answer.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from lasso_spec.reference import Problem, lambda_max, solve

from .option_verdict import option_scale  # no cycle: option_verdict never imports strategies

FAMILIES = (
    "generic",
    "correlated",
    "duplicate",
    "collinear",
    "zero_column",
    "wide",
    "orthogonal",
    "ties",
)

dyadics = st.builds(lambda k, e: Fraction(k, 2**e), st.integers(-12, 12), st.integers(1, 3))


def weighted(*groups):
    """The values of one ``sampled_from`` in which every group is equally likely, and every
    value within its group: each value repeated so that each group weighs the same.

    This is what ``one_of(*groups)`` says, in one hypothesis draw instead of three or four
    (an 8 × 6 matrix in 2.0 ms instead of 6.7 ms, ``benchmarks/bench_draws.py``); hypothesis's
    ``one_of`` did not even draw its branches evenly (62 % of the former entries here were
    non-integers, not 1/3 · 0.69).  Index 0, where hypothesis shrinks to, is the first value
    of the first group.

    >>> weighted([0, 1], [2, 3, 4])
    [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4]
    """
    from math import lcm

    size = lcm(*(len(group) for group in groups))
    return [v for group in groups for v in group for _ in range(size // len(group))]


_SMALL = [Fraction(k) for k in (0, 1, -1, 2, -2, 3, -3, 4, -4)]
_DYADIC = [Fraction(k, 2**e) for k in range(-12, 13) for e in (1, 2, 3)]
#: An integer in [−4, 4] (probability 2/3) or a dyadic k/2^e, k in [−12, 12], e in 1..3,
#: in one draw.
entries = st.sampled_from(weighted(_SMALL, _SMALL, _DYADIC))


def _columns(draw, n, p, values=entries):
    return [[draw(values) for _ in range(n)] for _ in range(p)]


def _design(draw, family):
    """The columns of X for a family."""
    n, p = draw(st.integers(1, 8)), draw(st.integers(1, 6))
    if family == "wide":
        p = draw(st.integers(2, 6))
        n = draw(st.integers(1, p - 1))
    if family == "orthogonal":
        n = max(n, p)
        rows = draw(st.permutations(range(n)))
        scales = st.sampled_from([-3, -2, -1, Fraction(1, 2), 1, 2, 3])
        return [[Fraction(draw(scales)) if i == rows[j] else Fraction(0) for i in range(n)]
                for j in range(p)]
    if family == "ties":
        return _columns(draw, n, p, st.integers(-1, 1).map(Fraction))
    if family in ("duplicate", "zero_column", "correlated"):
        p = max(p, 2)
    if family == "collinear":
        p = max(p, 3)
    if family == "correlated":
        n = max(n, 2)
    cols = _columns(draw, n, p)
    j, k = draw(st.integers(0, p - 1)), draw(st.integers(0, p - 1))
    if family == "zero_column":
        cols[j] = [Fraction(0)] * n
    elif family == "duplicate" and j != k:
        factor = draw(st.sampled_from([1, -1, 2, Fraction(1, 2)]))
        cols[k] = [factor * v for v in cols[j]]
    elif family == "collinear":
        a, b = draw(dyadics), draw(dyadics)
        cols[2] = [a * u + b * v for u, v in zip(cols[0], cols[1])]
    elif family == "correlated":
        group = draw(st.lists(st.integers(0, p - 1), min_size=1, max_size=2, unique=True))
        for k in group:
            if k != j:
                noise = [Fraction(draw(st.integers(-1, 1)), 16) for _ in range(n)]
                cols[k] = [v + e for v, e in zip(cols[j], noise)]
    return cols


@st.composite
def problems(draw, kind="lasso", family=None):
    """A Problem of the given kind (lasso, elastic_net, ridge) from a family (or any);
    family ``"options:NAME"`` draws a problem with the options of OPTION_SETS[NAME]."""
    if family and family.startswith("options:"):
        return draw(option_problems(kind, family.partition(":")[2]))
    family = family or draw(st.sampled_from(FAMILIES))
    cols = _design(draw, family)
    X = [list(row) for row in zip(*cols)]
    y_values = st.integers(-2, 2).map(Fraction) if family == "ties" else entries
    y = [draw(y_values) for _ in X]
    l2 = Fraction(draw(st.integers(1, 16)), 8) if kind in ("elastic_net", "ridge") else 0
    if kind == "ridge":  # S = ½‖y‖² (λ₁ = 0): keep a scale, y ≠ 0
        assume(any(y))
        return Problem(X=X, y=y, l1=0, l2=l2)
    top = lambda_max(X, y)
    if top == 0:  # Xᵀy = 0: w* = 0.  Keep a scale (tolerance.objective_scale): y ≠ 0 or X ≠ 0.
        assume(any(y) or any(any(row) for row in X))
        return Problem(X=X, y=y, l1=draw(st.sampled_from([Fraction(1, 2), 1])), l2=l2)
    if draw(st.integers(0, 3)) == 0:  # exactly at a knot of the path (λ_max is one)
        knots = [k.lam for k in solve(X, y, 0, l2).path if k.lam > 0]
        l1 = draw(st.sampled_from(knots))
    else:
        l1 = top * Fraction(draw(st.integers(1, 19)), 16)
    return Problem(X=X, y=y, l1=l1, l2=l2)


# ----------------------------------------------------------------------------- options

#: The option sets of the generated option checks (spec OPTIONS-OBJECTIVE), by name.
OPTION_SETS = {
    "intercept": ("fit_intercept",),
    "weights": ("sample_weight",),
    "positive": ("positive",),
    "penalty-factors": ("penalty_factor",),
    "intercept-weights": ("fit_intercept", "sample_weight"),
    "intercept-weights-positive": ("fit_intercept", "sample_weight", "positive"),
    "all": ("fit_intercept", "sample_weight", "positive", "penalty_factor"),
}

#: Weights include 0 (a row that must not count) and non-integers; factors include 0
#: (an unpenalised feature).  All are dyadic: float64 receives them exactly.
_weights = st.sampled_from([0, Fraction(1, 2), 1, 1, 2, 3]).map(Fraction)
_factors = st.sampled_from([0, Fraction(1, 2), 1, 1, 2]).map(Fraction)


@st.composite
def option_problems(draw, kind, option_set):
    """A Problem of ``kind`` with the options of ``OPTION_SETS[option_set]``."""
    keys = OPTION_SETS[option_set]
    cols = _design(draw, draw(st.sampled_from(("generic", "correlated", "ties", "zero_column"))))
    X = [list(row) for row in zip(*cols)]
    n, p = len(X), len(X[0])
    y = [draw(entries) for _ in X]
    options = {}
    if "fit_intercept" in keys:
        options["fit_intercept"] = True
    if "positive" in keys:
        options["positive"] = True
    if "sample_weight" in keys:
        weights = [draw(_weights) for _ in range(n)]
        assume(any(weights))
        options["sample_weight"] = weights
    if "penalty_factor" in keys:
        factors = [draw(_factors) for _ in range(p)]
        assume(any(factors))
        options["penalty_factor"] = factors
    l2 = Fraction(draw(st.integers(1, 16)), 8) if kind in ("elastic_net", "ridge") else 0
    if kind == "ridge":
        l1 = Fraction(0)
    elif (top := lambda_max(X, y, **options)) == 0:  # w = 0 optimal for every λ₁: a fixed λ₁
        l1 = Fraction(1, 2)
    else:
        l1 = top * Fraction(draw(st.integers(1, 19)), 16)
    problem = Problem(X=X, y=y, l1=l1, l2=l2, **options)
    # A scale S > 0 (option_verdict.option_scale), else the tolerance G = gap_rtol·S is 0
    # and only the exact minimiser passes: y constant on the rows of positive weight (an
    # intercept; y = 0 there without one) with λ₁ = 0 (Ridge) or X = 0 on those rows (Lasso).
    assume(option_scale(problem) > 0)
    return problem
