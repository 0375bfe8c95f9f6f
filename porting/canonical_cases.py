"""The canonical vectors' small cases, which a person can check by hand: the groups of
``lasso_test.json``, ``elastic_net_test.json``, ``ridge_test.json`` and
``least_squares_test.json`` (the files: porting/canonical_vectors.py).
New cases go at the end of a file, so that the tcIds keep their meaning (vector_format.number).
"""

from fractions import Fraction

from lasso_spec.porting.canonical_family import group
from lasso_spec.porting.designs import (
    COLLINEAR_X,
    COLLINEAR_Y,
    DUPLICATE_X,
    DUPLICATE_Y,
    GENERIC_X,
    GENERIC_Y,
    HADAMARD_X,
    HADAMARD_Y,
    NEGATED_X,
    NEGATED_Y,
    ONE_FEATURE_X,
    ONE_FEATURE_Y,
    SQUARE_X,
    WIDE_X,
    WIDE_Y,
    WORKED_X,
    WORKED_Y,
    ZERO_COLUMN_X,
    ZERO_COLUMN_Y,
)
from lasso_spec.porting.vector_answers import Spec


def lasso_groups():
    """l2 = 0, l1 > 0: the small hand-checkable Lasso cases."""
    worked = group(
        "the notes' worked example (section 14)",
        WORKED_X, WORKED_Y,
        [
            Spec(1, comment="l1 = 1: w = (5/3, 2/3) exactly", flags={"WorkedExample"}),
            Spec(3, comment="l1 = 3, the knot where x_2 enters", flags={"AtKnot"}),
            Spec(4, comment="l1 = 4: only x_1 active, w = (1/2, 0)"),
            Spec(5, comment="l1 = lambdaMax = 5"),
            Spec(Fraction(1, 4), comment="l1 = 1/4, near least squares"),
        ],
    )
    one = group(
        "one feature: a single soft-threshold step",
        ONE_FEATURE_X, ONE_FEATURE_Y,
        [
            Spec(1, comment="x^T y = 5, x^T x = 6: w = (5 - 1)/6 = 2/3"),
            Spec(5, comment="l1 = x^T y: w = 0"),
            Spec(Fraction(9, 2), comment="l1 just below x^T y: w = 1/12"),
            Spec(7, comment="l1 > x^T y: w = 0"),
        ],
        flags={"OneFeature"},
    )
    one_feature_negative = group(
        "one feature with a negative correlation",
        [[1], [1]],
        [-3, 1],
        [Spec(1, comment="x^T y = -2: w = (-2 + 1)/2 = -1/2")],
        flags={"OneFeature"},
    )
    orthogonal = group(
        "orthogonal design (Hadamard columns): soft thresholding is the whole answer",
        HADAMARD_X, HADAMARD_Y,
        [
            Spec(2, comment="x^T y = (4, 0, 8), x_j^T x_j = 4: w = (1/2, 0, 3/2)"),
            Spec(4, comment="x_1 exactly at its threshold, x_2 uncorrelated: w = (0, 0, 1)"),
            Spec(6, comment="w = (0, 0, 1/2)"),
            Spec(8, comment="l1 = lambdaMax"),
        ],
        flags={"Orthogonal"},
    )
    orthogonal_scaled = group(
        "orthogonal columns of different norms and signs",
        [[2, 0, 0], [0, 3, 0], [0, 0, -1], [0, 0, 0]],
        [1, -6, 2, 5],
        [
            Spec(1, comment="w_j = S(x_j^T y, 1)/x_j^T x_j = (1/4, -17/9, -1)"),
            Spec(Fraction(5, 2), comment="only x_2 survives"),
        ],
        flags={"Orthogonal"},
    )
    lam_max_family = group(
        "around lambdaMax on a generic design",
        GENERIC_X, GENERIC_Y,
        [
            Spec(20, comment="far above lambdaMax = 13"),
            Spec(13, comment="l1 = lambdaMax = x_1^T y = 13"),
            Spec(Fraction(13 * 1024 - 1, 1024), comment="l1 = lambdaMax - 1/1024",
                 flags={"JustBelowLambdaMax"}),
            Spec(Fraction(13 * 2**20 - 1, 2**20), comment="l1 = lambdaMax - 2^-20",
                 flags={"JustBelowLambdaMax"}),
            Spec(Fraction(13, 2), comment="l1 = lambdaMax / 2"),
            Spec(Fraction(1, 8), comment="l1 small"),
        ],
        clauses={"LAMBDA-MAX"},
    )
    zero_column = group(
        "a zero column",
        ZERO_COLUMN_X, ZERO_COLUMN_Y,
        [Spec(1, comment="the zero column gets w_2 = 0"), Spec(Fraction(1, 16))],
        flags={"ZeroColumn"},
        clauses={"CD-UPDATE"},
    )
    duplicate = group(
        "duplicate columns: x_1 = x_2",
        DUPLICATE_X, DUPLICATE_Y,
        [Spec(1, comment="any split of the shared coefficient with equal signs is optimal"),
         Spec(Fraction(1, 2))],
        flags={"DuplicateColumns"},
    )
    collinear = group(
        "collinear columns: x_3 = x_1 + x_2",
        COLLINEAR_X, COLLINEAR_Y,
        [Spec(1), Spec(3), Spec(Fraction(1, 4))],
        flags={"CollinearColumns"},
    )
    parallel = group(
        "a column and its double: x_2 = 2 x_1",
        [[1, 2], [2, 4], [-1, -2]],
        [1, 3, 0],
        [Spec(1, comment="the longer column is cheaper: w = (0, 13/24), the unique minimiser")],
        flags={"CollinearColumns"},
    )
    wide = group(
        "n < p: 2 observations, 5 features",
        WIDE_X, WIDE_Y,
        [Spec(1), Spec(Fraction(1, 32)), Spec(7)],
        flags={"Underdetermined"},
    )
    zero_y = group(
        "y = 0",
        SQUARE_X, [0, 0],
        [Spec(1, comment="w = 0; lambdaMax = 0 < l1")],
        flags={"ZeroResponse"},
    )
    negated = group(
        "a column and its negative: x_2 = -x_1",
        NEGATED_X, NEGATED_Y,
        [Spec(1, comment="only w_1 - w_2 is determined: any w_1 >= 0 >= w_2 with that difference")],
        flags={"CollinearColumns"},
    )
    tie = group(
        "two variables enter at the same knot",
        [[1, 0, 1], [0, 1, 1], [0, 0, 1]],
        [2, 2, -1],
        [Spec(1), Spec(Fraction(1, 4))],
    )
    return [worked, one, one_feature_negative, orthogonal, orthogonal_scaled, lam_max_family,
            zero_column, duplicate, collinear, parallel, wide, zero_y, tie, negated]


def elastic_net_groups():
    """l1 > 0 and l2 > 0."""
    return [
        group(
            "the notes' worked example with an L2 term",
            WORKED_X, WORKED_Y,
            [Spec(1, Fraction(1, 2), comment="w = (9/8, 5/8)"), Spec(1, 2), Spec(5, 1)],
        ),
        group(
            "one feature: w = S(x^T y, l1)/(x^T x + 2 l2)",
            ONE_FEATURE_X, ONE_FEATURE_Y,
            [Spec(1, 1, comment="w = (5 - 1)/(6 + 2) = 1/2"), Spec(5, 3, comment="w = 0")],
        ),
        group(
            "orthogonal design: the notes' Elastic Net update is the whole answer",
            HADAMARD_X, HADAMARD_Y,
            [Spec(2, 1, comment="x^T y = (4, 0, 8): w = (2, 0, 6)/(4 + 2)"),
             Spec(5, Fraction(1, 4))],
        ),
        group(
            "duplicate columns: the L2 term makes the minimiser unique (equal split)",
            DUPLICATE_X, DUPLICATE_Y,
            [Spec(1, Fraction(1, 2)), Spec(Fraction(1, 2), Fraction(1, 16))],
            flags={"DuplicateColumns"},
        ),
        group(
            "collinear columns x_3 = x_1 + x_2, unique under the L2 term",
            COLLINEAR_X, COLLINEAR_Y,
            [Spec(1, 1), Spec(Fraction(1, 4), Fraction(1, 1024))],
            flags={"CollinearColumns"},
        ),
        group(
            "n < p under the L2 term",
            WIDE_X, WIDE_Y,
            [Spec(1, Fraction(1, 2)), Spec(Fraction(1, 32), Fraction(1, 8))],
            flags={"Underdetermined"},
        ),
        group(
            "a zero column: the denominator 0 + 2 l2 is positive, the update gives 0",
            ZERO_COLUMN_X, ZERO_COLUMN_Y,
            [Spec(1, Fraction(1, 2))],
            flags={"ZeroColumn"},
            clauses={"CD-UPDATE"},
        ),
        group(
            "lambdaMax does not depend on l2",
            GENERIC_X, GENERIC_Y,
            [Spec(13, 5, comment="l1 = lambdaMax = 13: w = 0 whatever l2"),
             Spec(Fraction(13 * 1024 - 1, 1024), 5, flags={"JustBelowLambdaMax"})],
            clauses={"LAMBDA-MAX"},
        ),
    ]


def ridge_groups():
    """l1 = 0, l2 > 0: (XᵀX + 2 l2 I)⁻¹ Xᵀy, including exact zeros."""
    return [
        group(
            "the notes' worked example under pure Ridge",
            WORKED_X, WORKED_Y,
            [Spec(0, Fraction(1, 2), comment="(X^T X + I) w = X^T y = (5, 4): w = (11/8, 7/8)"),
             Spec(0, 4), Spec(0, Fraction(1, 2**20), comment="tiny l2: close to least squares")],
        ),
        group(
            "orthogonal design with a column orthogonal to y: an exact Ridge zero",
            HADAMARD_X, [3, 1, -1, 1],
            [Spec(0, 1, comment="x^T y = (4, 0, 4), so w = (4/6, 0, 4/6): w_2 = 0 exactly")],
        ),
        group(
            "correlated columns, y = (1, 2, 0) chosen so that X^T y = (X^T X + I)(1, 0)",
            WORKED_X, [1, 2, 0],
            [Spec(0, Fraction(1, 2), comment="l2 = 1/2: w = (1, 0), an exact zero"),
             Spec(0, 2, comment="l2 = 2: w = (17/35, 3/35), no zero: the zero is not a dead zone")],
        ),
        group(
            "y = 0: w = 0 for every l2",
            SQUARE_X, [0, 0],
            [Spec(0, 1)],
            flags={"ZeroResponse"},
        ),
        group(
            "duplicate columns: Ridge splits the weight equally",
            DUPLICATE_X, DUPLICATE_Y,
            [Spec(0, Fraction(1, 2))],
            flags={"DuplicateColumns"},
        ),
        group(
            "n < p",
            WIDE_X, WIDE_Y,
            [Spec(0, Fraction(1, 2)), Spec(0, 8)],
            flags={"Underdetermined"},
        ),
        group(
            "a zero column",
            ZERO_COLUMN_X, ZERO_COLUMN_Y,
            [Spec(0, 1)],
            flags={"ZeroColumn"},
        ),
    ]


def least_squares_groups():
    """l1 = l2 = 0."""
    return [
        group(
            "the notes' worked example without penalty: ordinary least squares",
            WORKED_X, WORKED_Y,
            [Spec(0, comment="w = (X^T X)^-1 X^T y = (2, 1), a perfect fit")],
        ),
        group(
            "full column rank, imperfect fit",
            GENERIC_X, GENERIC_Y,
            [Spec(0)],
        ),
        group(
            "n < p: infinitely many least-squares solutions",
            WIDE_X, WIDE_Y,
            [Spec(0)],
            flags={"Underdetermined"},
        ),
        group(
            "duplicate columns",
            DUPLICATE_X, DUPLICATE_Y,
            [Spec(0)],
            flags={"DuplicateColumns"},
        ),
    ]
