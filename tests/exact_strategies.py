"""Hypothesis strategies for exact problems (X, y, λ₁, λ₂), small enough to solve exactly.

Every number is a Fraction, and every drawn problem is a ``reference.Problem``
whose repr is a pasteable ``Problem.from_json({...})`` of exact "p/q" strings,
so a failing example is printed ready to paste into a test.

Families (chosen by ``problems(family=...)``, or all of them mixed):

generic      small integer / rational entries
zero_column  one column is identically zero
duplicate    one column repeats another (possibly with a sign flip or factor)
collinear    one column is a combination of two others
wide         n < p
orthogonal   orthogonal columns (signed, scaled unit vectors), where
             soft thresholding is the whole answer
correlated   columns that nearly coincide (strongly correlated design)
ties         entries in {−1, 0, 1}: many exact ties at knots, degenerate
             bases, non-unique solutions (y in {−2, …, 2} too)
"""

from fractions import Fraction

from hypothesis import strategies as st

from lasso_spec.conformance.strategies import weighted
from lasso_spec.reference import Problem, lambda_max, solve

FAMILIES = (
    "generic",
    "zero_column",
    "duplicate",
    "collinear",
    "wide",
    "orthogonal",
    "correlated",
    "ties",
)

rationals = st.builds(Fraction, st.integers(-6, 6), st.integers(1, 4))
positive_rationals = st.builds(Fraction, st.integers(1, 12), st.integers(1, 4))
_SMALL = [Fraction(k) for k in (0, 1, -1, 2, -2, 3, -3, 4, -4)]
_RATIONAL = [Fraction(a, b) for a in range(-6, 7) for b in range(1, 5)]
#: Mostly (2/3) an integer in [−4, 4], sometimes a small rational a/b, in one draw
#: (``conformance.strategies.weighted``; the former ``one_of(small_ints, small_ints,
#: rationals)`` drew 39 % non-integers).  Built once: a strategy built inside a draw is
#: validated again at every draw, which made drawing a problem 2× slower.
entries = st.sampled_from(weighted(_SMALL, _SMALL, _RATIONAL))


def entry(draw):
    """Mostly small integers, sometimes a small rational."""
    return draw(entries)


def _matrix(draw, n, p):
    return [[entry(draw) for _ in range(p)] for _ in range(n)]


def _design(draw, family):
    n = draw(st.integers(1, 8))
    p = draw(st.integers(1, 6))
    if family == "wide":
        n, p = draw(st.integers(1, 4)), draw(st.integers(2, 6))
        n = min(n, p - 1)
    if family in ("duplicate", "zero_column"):
        p = max(p, 2)
    if family == "collinear":
        p = max(p, 3)
    if family == "orthogonal":
        p = min(p, 6)
        n = max(n, p)
        X = [[Fraction(0)] * p for _ in range(n)]
        rows = draw(st.permutations(range(n)))
        for j in range(p):
            X[rows[j]][j] = draw(st.sampled_from([-3, -2, -1, 1, 2, 3]))
        return X
    if family == "ties":
        return [[Fraction(draw(st.integers(-1, 1))) for _ in range(p)] for _ in range(n)]
    X = _matrix(draw, n, p)
    j, k = draw(st.integers(0, p - 1)), draw(st.integers(0, p - 1))
    if family == "zero_column":
        for row in X:
            row[j] = Fraction(0)
    elif family == "duplicate" and j != k:
        factor = draw(st.sampled_from([1, -1, 2, Fraction(1, 2)]))
        for row in X:
            row[k] = factor * row[j]
    elif family == "collinear":
        a, b = draw(rationals), draw(rationals)
        for row in X:
            row[2] = a * row[0] + b * row[1]
    elif family == "correlated":
        for row in X:
            row[k] = row[j] + Fraction(draw(st.integers(-1, 1)), 8)
    return X


@st.composite
def problems(draw, family=None, ridge=None, lam=None):
    """A Problem; ridge=True forces λ₂ > 0, False forces λ₂ = 0.

    λ₁ is a rational fraction of λ_max in (0, 6/5], or exactly a path knot
    when lam == "knot" (and sometimes otherwise).
    """
    family = family or draw(st.sampled_from(FAMILIES))
    X = _design(draw, family)
    y = [Fraction(draw(st.integers(-2, 2))) if family == "ties" else entry(draw) for _ in X]
    with_ridge = draw(st.booleans()) if ridge is None else ridge
    l2 = draw(positive_rationals) / 4 if with_ridge else Fraction(0)
    top = lambda_max(X, y)
    if top == 0:
        return Problem(X=X, y=y, l1=draw(st.sampled_from([0, 1])), l2=l2)
    choice = lam or draw(st.sampled_from(["fraction", "fraction", "knot"]))
    if choice == "knot":
        knots = solve(X, y, 0, l2).path
        l1 = draw(st.sampled_from([k.lam for k in knots]))
    else:
        l1 = top * Fraction(draw(st.integers(1, 24)), 20)
    return Problem(X=X, y=y, l1=l1, l2=l2)
