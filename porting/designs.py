"""The small designs that several vector groups share, by name: X (and its usual y).

Integers; a group makes them exact Fractions.  The same design in several files (the
worked example under Lasso, Elastic Net, Ridge, least squares and every option) lets a
port's author compare the answers across the files.
"""

#: The notes' worked example (section 14): w = (5/3, 2/3) at l1 = 1.
WORKED_X, WORKED_Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
#: The worked example's X with a fourth row (1, 2).
TALL_X = [*WORKED_X, [1, 2]]
#: One feature: x^T y = 5, x^T x = 6.
ONE_FEATURE_X, ONE_FEATURE_Y = [[2], [1], [-1]], [3, 1, 2]
#: Hadamard columns: orthogonal, x_j^T x_j = 4; x^T y = (4, 0, 8).
HADAMARD_X, HADAMARD_Y = [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]], [4, 2, -2, 0]
#: A generic design of full column rank: lambdaMax = x_1^T y = 13.
GENERIC_X, GENERIC_Y = [[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 1, 1]], [3, -1, 2, 4]
#: The second column is 0.
ZERO_COLUMN_X, ZERO_COLUMN_Y = [[1, 0, 2], [0, 0, 1], [1, 0, 0]], [2, 1, 3]
#: Two equal columns: x_1 = x_2.
DUPLICATE_X, DUPLICATE_Y = [[1, 1, 0], [1, 1, 1], [0, 0, 1]], [2, 3, -1]
#: A column and its negative: x_2 = -x_1.
NEGATED_X, NEGATED_Y = [[1, -1, 0], [2, -2, 1], [0, 0, 1]], [3, 1, 2]
#: Linearly dependent columns: x_3 = x_1 + x_2.
COLLINEAR_X, COLLINEAR_Y = [[1, 0, 1], [0, 1, 1], [1, 1, 2], [1, -1, 0]], [1, 2, 4, -1]
#: n < p: 2 observations, 5 features.
WIDE_X, WIDE_Y = [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]], [4, 1]
#: A square nonsingular design (used with y = 0).
SQUARE_X = [[1, 2], [3, 4]]
