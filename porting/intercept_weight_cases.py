"""The options' cases for an intercept and for sample weights: the groups of
``intercept_test.json`` and ``sample_weight_test.json`` (the files: porting/option_vectors.py).
New cases go at the end of a file, so that the tcIds keep their meaning (vector_format.number).
"""

from fractions import Fraction

from lasso_spec.porting.designs import (
    DUPLICATE_X,
    DUPLICATE_Y,
    GENERIC_X,
    GENERIC_Y,
    HADAMARD_X,
    HADAMARD_Y,
    WIDE_X,
    WIDE_Y,
    WORKED_X,
    WORKED_Y,
)
from lasso_spec.porting.option_family import JUST, base_problem, invalid_option_group, option_group
from lasso_spec.porting.option_family import OptionSpec as S


def intercept_groups():
    """fit_intercept = true, with and without weights."""
    return [
        option_group(
            "the notes' worked example with an intercept",
            WORKED_X, WORKED_Y,
            [S(Fraction(1, 2), comment="l1 = 1/2: w = (3/4, 0), b = 3/2"),
             S(1, comment="l1 = lambdaMax = 1 (centred correlations): w = 0, b = ybar = 2"),
             S(2, comment="above lambdaMax: w = 0, b = 2"),
             S(Fraction(1023, 1024), comment="l1 = lambdaMax - 1/1024", flags=JUST),
             S(Fraction(1, 16), comment="l1 small"),
             S(Fraction(1, 2), Fraction(1, 2), comment="Elastic Net with an intercept"),
             S(0, 1, comment="Ridge with an intercept: the intercept is not shrunk"),
             S(0, comment="least squares with an intercept: [X 1] is square and nonsingular, "
               "a perfect fit")],
            fit_intercept=True,
        ),
        option_group(
            "one feature with an intercept: w = S(x~^T y~, l1)/(x~^T x~ + 2 l2), b = ybar - xbar w",
            [[2], [1], [-1], [0]], [3, 1, 2, -2],
            [S(1, comment="x~^T y~ = 3, x~^T x~ = 5: w = (3 - 1)/5 = 2/5, b = 1 - w/2 = 4/5"),
             S(1, 1, comment="w = (3 - 1)/(5 + 2) = 2/7"),
             S(3, comment="l1 = lambdaMax = x~^T y~ = 3: w = 0, b = ybar = 1"),
             S(Fraction(1, 2), sample_weight=[1, 2, Fraction(1, 2), 1],
               comment="weighted: the means and the inner products are weighted")],
            fit_intercept=True,
        ),
        option_group(
            "an orthogonal design whose first column is constant",
            HADAMARD_X, HADAMARD_Y,
            [S(2, comment="the constant column gets 0: the intercept b = ybar fits it"),
             S(1, Fraction(1, 4)),
             S(0, 2, comment="Ridge: the constant column still gets 0 (the L2 term is not free)"),
             S(0, comment="least squares: w_1 + b is determined, not w_1 and b: not unique")],
            flags={"ConstantColumn"},
            fit_intercept=True,
        ),
        option_group(
            "a constant response: w = 0 and b = 5 whatever the penalty",
            GENERIC_X, [5, 5, 5, 5],
            [S(1), S(0, 1, comment="Ridge"), S(Fraction(1, 4), Fraction(1, 4))],
            flags={"ConstantResponse"},
            fit_intercept=True,
        ),
        option_group(
            "weighted centring on a generic design",
            [[1, 0], [0, 1], [2, 1], [1, 3]], [1, 2, 4, 0],
            [S(Fraction(1, 2), comment="Lasso"),
             S(Fraction(1, 2), Fraction(1, 2), comment="Elastic Net"),
             S(0, 1, comment="Ridge"),
             S(0, comment="weighted least squares with an intercept"),
             S(16, comment="above lambdaMax: w = 0, b = the weighted mean of y")],
            fit_intercept=True, sample_weight=[1, 4, Fraction(1, 2), 2],
        ),
        option_group(
            "the generic design with an intercept, without and with weights",
            GENERIC_X, GENERIC_Y,
            [S(1), S(Fraction(1, 8)), S(1, Fraction(1, 2)),
             S(1, sample_weight=[3, 1, 2, Fraction(1, 4)]),
             S(Fraction(1, 8), sample_weight=[3, 1, 2, Fraction(1, 4)])],
            fit_intercept=True,
        ),
        option_group(
            "duplicate columns with an intercept",
            DUPLICATE_X, DUPLICATE_Y,
            [S(Fraction(1, 2), comment="any split of the shared coefficient: not unique"),
             S(Fraction(1, 2), Fraction(1, 8), comment="the L2 term splits it equally: unique")],
            flags={"DuplicateColumns"},
            fit_intercept=True,
        ),
        option_group(
            "n < p with an intercept",
            WIDE_X, WIDE_Y,
            [S(Fraction(1, 2)), S(Fraction(1, 2), Fraction(1, 4))],
            flags={"Underdetermined"},
            fit_intercept=True,
        ),
        invalid_option_group([
            ("fit_intercept is the number 1", {"NotABoolean"}, base_problem(fit_intercept=1)),
            ("fit_intercept is the number 0", {"NotABoolean"}, base_problem(fit_intercept=0)),
            ("fit_intercept is the string \"true\"", {"NotABoolean"},
             base_problem(fit_intercept="true")),
            ("fit_intercept is null", {"NotABoolean"}, base_problem(fit_intercept=None)),
            ("fit_intercept is a list", {"NotABoolean"}, base_problem(fit_intercept=[True])),
        ]),
    ]


def sample_weight_groups():
    """Sample weights: zero weights, integer weights, fractional, uniform and unit weights."""
    outlier_x = [[1, 2], [2, -1], [1, 1], [3, 0], [0, 1]]
    outlier_y = [3, 1, 2, 100, -1]
    kept = [0, 1, 2, 4]
    rows_x = [[1, 0, 1], [0, 1, 1], [1, 1, 0], [2, -1, 1]]
    rows_y = [2, 1, 3, 0]
    counts = [2, 1, 3, 1]
    repeated = [i for i, k in enumerate(counts) for _ in range(k)]

    def pair_specs(prefix):
        return [
            S(1, comment="Lasso", pair=f"{prefix}-lasso"),
            S(1, Fraction(1, 2), comment="Elastic Net", pair=f"{prefix}-enet"),
            S(0, 1, comment="Ridge", pair=f"{prefix}-ridge"),
            S(Fraction(1, 2), comment="with an intercept", fit_intercept=True,
              pair=f"{prefix}-intercept"),
        ]

    return [
        option_group(
            "weights on the notes' worked example",
            WORKED_X, WORKED_Y,
            [S(1, comment="Lasso"),
             S(8, comment="l1 = lambdaMax = max_j |x_j^T S y| = max(8, 13/2)"),
             S(8 - Fraction(1, 1024), flags=JUST),
             S(1, Fraction(1, 2), comment="Elastic Net"), S(0, 1, comment="Ridge"),
             S(0, comment="weighted least squares: a perfect fit, the weights do not matter")],
            sample_weight=[2, 1, Fraction(1, 2)],
        ),
        option_group(
            "a zero-weight outlier row (y_4 = 100)",
            outlier_x, outlier_y, pair_specs("zero"),
            sample_weight=[1, 1, 1, 0, 1],
        ),
        option_group(
            "the same data with the zero-weight row removed, no weights",
            [outlier_x[i] for i in kept], [outlier_y[i] for i in kept], pair_specs("zero"),
            flags={"RowRemoved"},
        ),
        option_group(
            "integer weights (2, 1, 3, 1)",
            rows_x, rows_y, pair_specs("rows"),
            flags={"IntegerWeights"}, sample_weight=counts,
        ),
        option_group(
            "the same rows repeated 2, 1, 3 and 1 times, no weights",
            [rows_x[i] for i in repeated], [rows_y[i] for i in repeated], pair_specs("rows"),
            flags={"RepeatedRows"},
        ),
        option_group(
            "a zero weight on the only row where two columns differ: they become duplicates",
            [[1, 1], [2, 2], [1, 0]], [3, 5, 1],
            [S(1, comment="x_1 = x_2 on the rows that count: not unique"),
             S(1, sample_weight=[1, 1, Fraction(1, 1024)],
               comment="the same with weight 2^-10 instead of 0: unique, x_1 wins")],
            sample_weight=[1, 1, 0],
        ),
        option_group(
            "fractional weights on a generic design",
            GENERIC_X, GENERIC_Y,
            [S(1), S(Fraction(1, 16)), S(1, Fraction(1, 4)), S(0, Fraction(1, 2))],
            sample_weight=[Fraction(1, 4), Fraction(3, 2), 1, Fraction(5, 8)],
        ),
        option_group(
            "uniform and unit weights on the notes' worked example: w = (5/3, 2/3) at l1 = t",
            WORKED_X, WORKED_Y,
            [S(2, comment="2 F_unweighted(l1 = 1): the same w; a port that normalises the "
               "weights to sum n solves l1 = 2 unweighted instead", flags={"UniformWeights"}),
             S(1, sample_weight=[1, 1, 1], flags={"UnitWeights"},
               comment="unit weights sent explicitly: w = (5/3, 2/3)")],
            sample_weight=[2, 2, 2],
        ),
        option_group(
            "weights with duplicate columns: not unique, as without weights",
            DUPLICATE_X, DUPLICATE_Y,
            [S(Fraction(1, 2))],
            flags={"DuplicateColumns"}, sample_weight=[1, 3, Fraction(1, 2)],
        ),
        invalid_option_group([
            ("a negative weight", {"NegativeWeight"}, base_problem(sample_weight=[1, -1, 1])),
            ("a tiny negative weight as a string", {"NegativeWeight"},
             base_problem(sample_weight=["1", "-1/1024", "1"])),
            ("every weight is 0", {"AllZeroWeights"}, base_problem(sample_weight=[0, 0, 0])),
            ("every weight is 0, with an intercept", {"AllZeroWeights"},
             base_problem(sample_weight=[0, 0, 0], fit_intercept=True)),
            ("n - 1 weights", {"OptionLength"}, base_problem(sample_weight=[1, 1])),
            ("n + 1 weights", {"OptionLength"}, base_problem(sample_weight=[1, 1, 1, 1])),
            ("no weights: an empty list", {"OptionLength"}, base_problem(sample_weight=[])),
            ("p weights instead of n (n = 3, p = 2)", {"OptionLength"},
             base_problem(sample_weight=[1, 2])),
            ("a NaN weight", {"NonFinite"}, base_problem(sample_weight=["NaN", 1, 1])),
            ("an infinite weight", {"NonFinite"}, base_problem(sample_weight=[1, "Infinity", 1])),
            ("a boolean weight", {"NotANumber"}, base_problem(sample_weight=[True, 1, 1])),
            ("a null weight", {"NotANumber"}, base_problem(sample_weight=[1, None, 1])),
            ("an unparsable weight", {"NotANumber"}, base_problem(sample_weight=[1, 1, "heavy"])),
            ("a weight with a zero denominator", {"NotANumber"},
             base_problem(sample_weight=[1, "1/0", 1])),
            ("sample_weight is a number", {"OptionNotAList"}, base_problem(sample_weight=1)),
            ("sample_weight is an object", {"OptionNotAList"},
             base_problem(sample_weight={"0": 1, "1": 1, "2": 1})),
        ]),
    ]
