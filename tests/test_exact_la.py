"""The judge's exact linear algebra (conformance/exact_la.py): the fraction-free and the FLINT
paths give exactly diag(H⁻¹) of plain Gaussian elimination, or None for a singular H."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lasso_spec.conformance.exact_la import gram_inverse_diagonal, inverse_diagonal
from lasso_spec.reference._exact import solve_linear
from lasso_spec.reference._flint import HAVE_FLINT

dyadic = st.builds(Fraction, st.integers(-6, 6), st.sampled_from([1, 2, 4, 8]))


def _reference(H):
    diag = []
    for i in range(len(H)):
        column = solve_linear(H, [int(j == i) for j in range(len(H))])
        if column is None:
            return None
        diag.append(column[i])
    return diag


@st.composite
def designs(draw):
    n, p = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    X = [[draw(dyadic) for _ in range(p)] for _ in range(n)]
    if p > 1 and draw(st.booleans()):
        for row in X:  # a duplicate column: singular without λ₂
            row[1] = row[0]
    E = sorted(draw(st.sets(st.integers(0, p - 1))))
    l2 = draw(st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(5, 2)]))
    return X, E, l2


@given(designs())
def test_gram_inverse_diagonal_is_exact(case):
    X, E, l2 = case
    H = [[sum(r[i] * r[j] for r in X) + (2 * l2 if i == j else 0) for j in E] for i in E]
    expected = _reference(H)
    assert gram_inverse_diagonal(X, E, l2, fast=False) == expected
    assert inverse_diagonal(H) == expected
    if HAVE_FLINT:
        assert gram_inverse_diagonal(X, E, l2, fast=True) == expected
        assert inverse_diagonal(H, fast=True) == expected


@pytest.mark.skipif(not HAVE_FLINT, reason="python-flint is not installed")
def test_flint_reports_a_singular_matrix_as_none():
    assert inverse_diagonal([[1, 2], [2, 4]], fast=True) is None
    assert inverse_diagonal([[Fraction(1, 2), 0], [0, 3]], fast=True) == [2, Fraction(1, 3)]
