"""The fixed example problems the spec figures are drawn from (exact data)."""

from fractions import Fraction

from lasso_spec.reference import Problem

__all__ = ["BAND_PROBLEM", "NOTES_PROBLEM", "PATH_PROBLEM"]

# The source notes' worked example (seed 003, section 14): w* = (5/3, 2/3) at λ₁ = 1.
NOTES_PROBLEM = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)

# A Lasso path on which variable 1 leaves and re-enters: knots λ = 6, 7/2, 7/17, 1/3, 2/17, 0;
# w₁ ≠ 0 on (1/3, 7/2), w₁ = 0 on [2/17, 1/3], w₁ ≠ 0 again below 2/17.
PATH_PROBLEM = Problem(X=[[-2, -1, 1], [-1, 0, 1], [0, 1, 2]], y=[3, 0, 1], l1=0)

# A 10 × 8 integer problem (random.Random(6), entries in [−3, 3]) at λ₁ = λ_max/4 = 8:
# the exact solution has four zeros and four nonzeros.
BAND_PROBLEM = Problem(
    X=[
        [3, 1, 3, -3, 0, 3, -1, -3],
        [-3, -2, 2, 1, 0, 3, 2, -1],
        [-1, 3, -3, -1, 0, 3, -2, 2],
        [3, 0, 1, 1, 2, -3, -2, 1],
        [1, 2, 3, 2, -1, 2, 3, 1],
        [2, -3, 3, 0, -1, -3, -1, 3],
        [0, 3, -1, 0, 2, -3, 3, -2],
        [2, 2, 3, -1, -3, -3, 1, -2],
        [3, 2, -1, 0, 3, -2, 1, 1],
        [2, 2, 3, 1, -3, 2, -1, -2],
    ],
    y=[3, 0, -2, -1, 3, -5, -5, 2, 4, 2],
    l1=Fraction(8),
)
