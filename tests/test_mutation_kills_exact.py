"""The exact helpers and the float proposal of refinement, stated precisely (TESTING.md).

Written against the mutants that survived ``tox -e mutation`` in reference/_flint.py,
reference/_validate.py and reference/refine.py.  Coordinate descent is checked on problems
small enough to minimise by hand; the exact answers come from the homotopy.
"""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.reference import ProblemError, _flint, solve
from lasso_spec.reference._proposal import coordinate_descent as _coordinate_descent
from lasso_spec.reference._proposal import proposal as _float_proposal
from lasso_spec.reference._proposal import sweep as _sweep
from lasso_spec.reference._validate import digit_count, to_fraction

WORKED_X, WORKED_Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]


def test_digit_count():
    assert [digit_count(n) for n in (0, 1, 9, 10, -10, 10**50)] == [1, 1, 1, 2, 2, 51]


def test_decimal_messages_show_the_decimal():
    with pytest.raises(ProblemError) as info:
        to_fraction(Decimal("1e10001"), "l1")
    assert str(info.value).startswith(
        "l1 is too large to read exactly: Decimal('1E+10001') has 1 digits and exponent 10001;"
    )
    with pytest.raises(ProblemError) as info:
        to_fraction(Decimal("1e10000"), "l1")  # 1 digit, but 10^10000 has 10 001
    assert str(info.value).startswith(
        "l1 is too large to read exactly: Decimal('1E+10000') is p/q with 10001 digits;"
    )


def test_the_independent_columns_of_an_empty_matrix():
    assert _flint.independent([], fast=False) == []


# -------------------------------------------------------------------- coordinate descent


def test_one_sweep_minimises_each_coordinate_exactly():
    """½·2w² − 5w + |w| is least at w = (5 − 1)/2 = 2, where the gradient c − Gw is 1 = λ."""
    G, c = np.array([[2.0]]), np.array([5.0])
    w, grad, diag = np.zeros(1), c.copy(), np.diag(G).copy()
    assert _sweep(G, w, grad, diag, 1.0, range(1)) == 4.0  # |Δw|·G_jj = 2·2
    assert w.tolist() == [2.0] and grad.tolist() == [1.0]
    assert _sweep(G, w, grad, diag, 1.0, range(1)) == 0.0  # at the minimum nothing moves
    assert w.tolist() == [2.0] and grad.tolist() == [1.0]


def test_a_sweep_skips_a_zero_column():
    G, c = np.array([[0.0, 0.0], [0.0, 1.0]]), np.array([0.0, 3.0])
    w, grad = np.zeros(2), c.copy()
    _sweep(G, w, grad, np.diag(G).copy(), 1.0, range(2))
    assert w.tolist() == [0.0, 2.0] and grad.tolist() == [0.0, 1.0]


def test_coordinate_descent_reaches_the_worked_example():
    """G = XᵀX = [[2, 1], [1, 2]], c = Xᵀy = (5, 4), λ = 1: w* = (5/3, 2/3)."""
    G, c = np.array([[2.0, 1.0], [1.0, 2.0]]), np.array([5.0, 4.0])
    w = _coordinate_descent(G, c, 1.0, sweeps=100)
    np.testing.assert_allclose(w, [5 / 3, 2 / 3], rtol=1e-12)


@pytest.mark.parametrize(
    ("y", "l1", "l2"),
    [
        (WORKED_Y, 1, 0),
        (WORKED_Y, 1, 1),
        (WORKED_Y, Fraction(7, 2), 0),
        ([-3, -2, -1], 1, 0),
        ([3, -2, 4], Fraction(1, 2), Fraction(3, 2)),
    ],
)
def test_the_float_proposal_is_the_exact_support_and_signs(y, l1, l2):
    """On these problems (unique solutions, no ties) the float proposal is already exact."""
    exact = solve(WORKED_X, y, l1, l2).w
    active, signs = _float_proposal(WORKED_X, y, l1, l2)
    assert sorted(active) == [j for j, v in enumerate(exact) if v != 0]
    assert all(signs[j] == (1 if exact[j] > 0 else -1) for j in active)
