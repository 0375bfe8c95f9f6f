"""The float64 proposal of refinement (reference/_proposal.py), stated precisely (TESTING.md).

A wrong proposal costs exact repair rounds, never a wrong answer, so the tests of the
answers cannot see one.  Written against the mutants of ``tox -e mutation`` that survived
in _proposal.py: the Gram form with the options, the entering sign, the signs the polish
starts from, and the proposal of problems with options, each against its documentation.
"""

from fractions import Fraction

import numpy as np

from lasso_spec.reference import solve
from lasso_spec.reference._proposal import _sign, float_quadratic, polish, proposal
from lasso_spec.reference.options import Options


def test_the_gram_form_with_every_option():
    """G = X'ᵀSX' + 2λ₂V', c = X'ᵀSy, X' = [X 1] with the intercept's factor 0 and no sign
    constraint (options.quadratic)."""
    X, y, s = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, -1.0]), np.array([1.0, 2.0])
    options = Options(
        fit_intercept=True,
        sample_weight=(Fraction(1), Fraction(2)),
        positive=True,
        penalty_factor=(Fraction(1), Fraction(1, 2)),
    )
    G, c, v, nonneg = float_quadratic(X.tolist(), y.tolist(), 0.5, options)
    Xp = np.hstack([X, np.ones((2, 1))])
    assert np.array_equal(G, (Xp * s[:, None]).T @ Xp + np.diag([1.0, 0.5, 0.0]))
    assert np.array_equal(c, (Xp * s[:, None]).T @ y)
    assert v.tolist() == [1.0, 0.5, 0.0] and nonneg.tolist() == [True, True, False]


def test_the_entering_sign():
    """0 if free (tⱼ = 0, no constraint), +1 under wⱼ ≥ 0, else the sign of ĉⱼ (+1 at 0)."""
    t = np.array([0.0, 0.0, 1.0, 1.0, 1.0, 1.0])
    nonneg = np.array([False, True, False, True, False, False])
    grad = np.array([5.0, -5.0, -2.0, -3.0, 0.0, 0.5])
    assert [_sign(j, grad, t, nonneg) for j in range(6)] == [0, 1, -1, 1, 1, 1]


def test_the_polish_starts_from_the_free_coordinates_and_the_signs_of_w():
    """rounds = 0 returns the start: the free coordinates (sign 0), then supp(w) with w's
    signs, whatever the signs of c."""
    G, c = np.eye(3), np.array([1.0, 3.0, -3.0])
    lam = np.array([0.0, 1.0, 1.0])
    active, signs = polish(G, c, lam, np.array([0.0, -2.0, 2.0]), rounds=0)
    assert active == [0, 1, 2] and signs == {0: 0, 1: -1, 2: 1}


def test_the_proposal_of_problems_with_options_is_their_exact_support_and_signs():
    """Unique, nondegenerate solutions: a sign constraint that binds, and penalty factors
    that move the support (each checked against the exact solve)."""
    X = [[1, 0, 1], [0, 1, 1], [1, 1, 0], [2, -1, 1]]
    y = [3, -1, 2, 4]
    cases = [
        ({"positive": True}, Fraction(1, 2)),
        ({"penalty_factor": (Fraction(1, 4), 4, 1)}, 1),
        ({"fit_intercept": True, "sample_weight": (1, 2, 1, Fraction(1, 2))}, Fraction(1, 3)),
    ]
    for keywords, l1 in cases:
        exact = solve(X, y, l1, Fraction(1, 10), **keywords)
        active, signs = proposal(X, y, l1, Fraction(1, 10), Options(**keywords))
        support = [j for j, wj in enumerate(exact.w) if wj != 0]
        assert sorted(j for j in active if j < 3) == support, keywords
        assert all(signs[j] == (1 if exact.w[j] > 0 else -1) for j in support), keywords
