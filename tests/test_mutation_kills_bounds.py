"""The sign patterns and the exact solves of the certificate's tight bound
(reference/_bounds.py), each checked against its documented rule on cases worked by hand.

Written against the mutants of ``tox -e mutation`` that survived in _bounds.py (TESTING.md):
the bound stays proven whatever pattern is tried (only its tightness changes), so the
certificate's own tests could not tell these rules apart.
"""

from fractions import Fraction as F

import pytest

from lasso_spec.reference import _bounds

# (w, c, λ₁) → (own, grown): supp(w) with w's signs; grown adds each violator (w_j = 0,
# |c_j| > λ₁) with the sign of c_j, and every zero coordinate when λ₁ = 0 (sign of c_j, or
# 1 for c_j = 0).
SIGN_PATTERNS = [
    ((0, 0, 0, 2, -1), (3, -3, 1, 0, 0), 2, (0, 0, 0, 1, -1), (1, -1, 0, 1, -1)),
    ((0, 0, 1), (-2, 0, 5), 0, (0, 0, 1), (-1, 1, 1)),
    ((0, 3), (2, -2), 2, (0, 1), (0, 1)),  # |c_j| = λ₁ is no violator; w's sign is kept
    ((F(-1, 2), 0), (0, F(-5, 2)), 1, (-1, 0), (-1, -1)),
]


@pytest.mark.parametrize(("w", "c", "l1", "own", "grown"), SIGN_PATTERNS)
def test_the_sign_patterns_are_the_support_and_the_support_grown_by_the_violators(
    w, c, l1, own, grown
):
    assert _bounds._sign_patterns(w, c, l1) == (own, grown)


# (c, λ₁, B, a) → which coordinates the slack proves zero: λ₁ − |c_j| > 0 and
# (λ₁ − |c_j|)² > 2B·a_j; signs (1, …, 1) in, 0 where proven.
SLACK = [
    # d = λ₁ − |c| = 3, 2, 0, −3 with 2Ba = 4: 9 > 4 yes; 4 > 4 no (strict); d ≤ 0 never
    ((0, 1, 3, 6), 3, 2, (1, 1, 1, 1), (0, 1, 1, 1)),
    # d = 3 with 2Ba = 8 (yes, 9 > 8) and 2Ba = 12 (no); d = 1 with B = 0 (yes)
    ((0, 0), 3, 4, (1, F(3, 2)), (0, 1)),
    ((2,), 3, 0, (1,), (0,)),
    # d = 1/2: d² = 1/4 > 2Ba = 1/5 (yes), although d³ = 1/8 is not
    ((F(5, 2),), 3, F(1, 10), (1,), (0,)),
]


@pytest.mark.parametrize(("c", "l1", "best", "a", "expected"), SLACK)
def test_the_slack_pattern_zeroes_exactly_the_coordinates_the_slack_proves_zero(
    c, l1, best, a, expected
):
    signs = tuple(1 for _ in c)
    assert _bounds._slack_pattern(signs, c, l1, best, a) == expected
    assert _bounds._slack_pattern(tuple(-s for s in signs), c, l1, best, a) == tuple(
        -e for e in expected
    )


def test_the_nonsingular_solve_is_exact_and_says_when_a_system_is_singular():
    assert _bounds._solve_nonsingular([[2, 1], [1, 2]], [4, 3]) == [F(5, 3), F(2, 3)]
    assert _bounds._solve_nonsingular([[F(1, 3)]], [F(1, 2)]) == [F(3, 2)]
    assert _bounds._solve_nonsingular([[1, 2], [2, 4]], [1, 2]) is None


def test_the_dual_bound_clips_a_negative_maximiser_to_the_feasible_interval():
    """X = [[1]], y = [1], v = 3: r = −2, yᵀr = −2, ‖r̃‖² = 4, so the parabola's maximiser
    is t = −1/2; c = −2 and λ₁ = 1/2 allow |t| ≤ 1/4, so t = −1/4 and
    D = (−1/4)(−2) − ½(1/16)·4 = 3/8, which is F* (w* = 1/2).  Clipping at +1/4 would
    give −5/8; not clipping, 1/2 > F* (an infeasible dual point)."""
    assert _bounds.dual_bound([[1]], [1], [3], F(1, 2), 0) == F(3, 8)


def test_the_cheap_bound_is_the_exact_excess_for_least_squares_and_uses_strong_convexity():
    """Least squares: F(w) − F* = ½‖P_X r‖² exactly; X = [[1], [1]], y = (1, 3), w = 0:
    P_X r = (2, 2), so 4 (= F(0) − F* = 5 − 1).  Ridge, X = [[1]], y = 1, λ₂ = 1/2,
    w = 2/5 (w* = 1/2): r = 3/5, c = 3/5 − 2/5 = 1/5, ‖ρ‖²/(4λ₂) = 1/50, below the gap
    (λ₁ = 0 scales the dual point to 0: ½(‖r‖² + 2λ₂w²) = 13/50); the excess is 1/100."""
    assert _bounds._bound([[1], [1]], [1, 3], [0], [4], 0, 0) == 4
    w, r, c = [F(2, 5)], [F(3, 5)], [F(1, 5)]
    assert _bounds._bound([[1]], r, w, c, 0, F(1, 2)) == F(1, 50)
