"""The options' cases for non-negativity, for penalty factors and for the options together:
the groups of ``positive_test.json``, ``penalty_factor_test.json`` and
``options_combined_test.json`` (the files: porting/option_vectors.py).
New cases go at the end of a file, so that the tcIds keep their meaning (vector_format.number).
"""

from fractions import Fraction

from lasso_spec.porting.designs import (
    DUPLICATE_X,
    DUPLICATE_Y,
    GENERIC_X,
    GENERIC_Y,
    HADAMARD_X,
    NEGATED_X,
    NEGATED_Y,
    TALL_X,
    WORKED_X,
    WORKED_Y,
)
from lasso_spec.porting.option_family import JUST, base_problem, invalid_option_group, option_group
from lasso_spec.porting.option_family import OptionSpec as S


def positive_groups():
    """positive = true: one-sided conditions and lambda_max = max(0, ·)."""
    return [
        option_group(
            "X^T y = (5, -8, 2): lambdaMax = 5 under positive, 8 without",
            [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, -1, 1]], [3, -6, 0, 2],
            [S(9, comment="above both lambda_max"),
             S(8, comment="l1 = 8, the unconstrained lambda_max: w = 0 under positive"),
             S(6, comment="between: w = 0 under positive; without it w_2 < 0"),
             S(5, comment="l1 = lambdaMax = max(0, X^T y) = 5"),
             S(5 - Fraction(1, 1024), flags=JUST),
             S(1), S(1, comment="the same without the constraint: w_2 < 0", positive=False,
                     flags={"Contrast"}),
             S(1, Fraction(1, 2), comment="Elastic Net"),
             S(0, 1, comment="Ridge: the constraint holds w_2 at 0"),
             S(0, comment="non-negative least squares")],
            positive=True,
        ),
        option_group(
            "every correlation is negative: lambdaMax = 0 under positive, w = 0 for every l1",
            [[1, 2], [2, 1]], [-1, -2],
            [S(1), S(0, 1, comment="Ridge: w = 0"),
             S(0, comment="non-negative least squares: w = 0 (least squares has w = (-1, 0))")],
            positive=True,
        ),
        option_group(
            "non-negative least squares where least squares has a negative coefficient",
            TALL_X, [3, 4, -1, 1],
            [S(0), S(Fraction(1, 4)), S(0, Fraction(1, 4))],
            positive=True,
        ),
        option_group(
            "an orthogonal design: w_j = max(x_j^T y - l1, 0)/(x_j^T x_j + 2 l2)",
            HADAMARD_X, [1, 3, -3, 1],
            [S(1), S(1, 1), S(0, Fraction(1, 2))],
            positive=True,
        ),
        option_group(
            "duplicate columns under positive: not unique",
            DUPLICATE_X, DUPLICATE_Y,
            [S(Fraction(1, 2))],
            flags={"DuplicateColumns"}, positive=True,
        ),
        option_group(
            "a column and its negative under positive: unique (the negative copy cannot help)",
            NEGATED_X, NEGATED_Y,
            [S(1), S(1, positive=False, comment="without the constraint: not unique",
                     flags={"Contrast"})],
            flags={"CollinearColumns"}, positive=True,
        ),
        option_group(
            "a generic design under positive",
            GENERIC_X, [1, -4, 2, 3],
            [S(1), S(Fraction(1, 8)), S(1, Fraction(1, 2))],
            positive=True,
        ),
        invalid_option_group([
            ("positive is the number 1", {"NotABoolean"}, base_problem(positive=1)),
            ("positive is the string \"yes\"", {"NotABoolean"}, base_problem(positive="yes")),
            ("positive is null", {"NotABoolean"}, base_problem(positive=None)),
            ("positive is a list", {"NotABoolean"}, base_problem(positive=[False])),
        ]),
    ]


def penalty_factor_groups():
    """Penalty factors: v != 1, unpenalised features, none penalised, a scaled column."""
    scaled_x = [[row[0], 4 * row[1], row[2]] for row in GENERIC_X]
    return [
        option_group(
            "factors (2, 1/2) on the notes' worked example",
            WORKED_X, WORKED_Y,
            [S(1), S(8, comment="l1 = lambdaMax = max_j |x_j^T y|/v_j = max(5/2, 8)"),
             S(8 - Fraction(1, 1024), flags=JUST),
             S(1, Fraction(1, 2), comment="Elastic Net: v_j scales the L2 term too"),
             S(0, 1, comment="Ridge: (X^T X + 2 l2 V)^-1 X^T y")],
            penalty_factor=[2, Fraction(1, 2)],
        ),
        option_group(
            "an unpenalised feature (v_1 = 0) on a generic design",
            GENERIC_X, GENERIC_Y,
            [S(20, comment="above lambdaMax: only w_1, the least-squares fit on x_1"),
             S(1), S(Fraction(1, 16)), S(1, Fraction(1, 2), comment="Elastic Net"),
             S(0, 1, comment="Ridge: w_1 is not shrunk")],
            penalty_factor=[0, 1, 1],
        ),
        option_group(
            "every feature unpenalised: least squares whatever l1, l2; no lambdaMax",
            GENERIC_X, GENERIC_Y,
            [S(1), S(1000, comment="a huge l1 changes nothing"),
             S(1, 1, comment="nor does l2: v_j = 0 removes the L2 term too"),
             S(1, fit_intercept=True, comment="with an intercept")],
            penalty_factor=[0, 0, 0],
        ),
        option_group(
            "an unpenalised zero column: its coefficient is arbitrary",
            [[1, 0], [2, 0], [-1, 0]], [1, 3, 0],
            [S(1, comment="w_2 can be anything: not unique"),
             S(1, 1, comment="l2 > 0 does not help: v_2 = 0 removes the L2 term too")],
            flags={"ZeroColumn"}, penalty_factor=[1, 0],
        ),
        option_group(
            "factors (1, 1/2, 2) on a generic design (the pair of the next group)",
            GENERIC_X, GENERIC_Y,
            [S(1, pair="scaled-1", scale={1: 4}, comment="w_2 is 4 times that of the next "
               "group"),
             S(Fraction(1, 4), pair="scaled-2", scale={1: 4})],
            penalty_factor=[1, Fraction(1, 2), 2],
        ),
        option_group(
            "column 2 times 4 and its factor times 4: factors (1, 2, 2)",
            scaled_x, GENERIC_Y,
            [S(1, pair="scaled-1", comment="w_2 is a quarter of that of the previous group"),
             S(Fraction(1, 4), pair="scaled-2")],
            flags={"ScaledColumn"}, penalty_factor=[1, 2, 2],
        ),
        option_group(
            "a column of ones with factor 0 acts as an intercept",
            [[1, 1, 0], [1, 0, 1], [1, 2, 1], [1, -1, 2]], [3, 2, 5, 0],
            [S(Fraction(1, 2)), S(Fraction(1, 2), Fraction(1, 2))],
            flags={"UnpenalisedOnes"}, penalty_factor=[0, 1, 1],
        ),
        option_group(
            "large and small factors: v = (1024, 1/1024, 1)",
            GENERIC_X, GENERIC_Y,
            [S(1), S(Fraction(1, 2), Fraction(1, 8))],
            penalty_factor=[1024, Fraction(1, 1024), 1],
        ),
        invalid_option_group([
            ("a negative factor", {"NegativeFactor"}, base_problem(penalty_factor=[1, -1])),
            ("a tiny negative factor as a string", {"NegativeFactor"},
             base_problem(penalty_factor=["-1/1024", "1"])),
            ("p - 1 factors", {"OptionLength"}, base_problem(penalty_factor=[1])),
            ("p + 1 factors", {"OptionLength"}, base_problem(penalty_factor=[1, 1, 1])),
            ("n factors instead of p (n = 3, p = 2)", {"OptionLength"},
             base_problem(penalty_factor=[1, 2, 3])),
            ("a NaN factor", {"NonFinite"}, base_problem(penalty_factor=["NaN", 1])),
            ("an infinite factor", {"NonFinite"}, base_problem(penalty_factor=[1, "Infinity"])),
            ("a boolean factor", {"NotANumber"}, base_problem(penalty_factor=[False, 1])),
            ("an unparsable factor", {"NotANumber"}, base_problem(penalty_factor=["none", 1])),
            ("penalty_factor is a number", {"OptionNotAList"}, base_problem(penalty_factor=1)),
            ("penalty_factor is a string", {"OptionNotAList"}, base_problem(penalty_factor="1/2")),
        ]),
    ]


def combined_groups():
    """Options together: intercept × weights × positive × factors × Lasso / ENet / Ridge."""
    design = [[1, 2, 0, 1], [0, 1, 1, -1], [1, 0, -1, 2], [2, 1, 1, 0], [-1, 1, 2, 1],
              [0, -2, 1, 1]]
    response = [3, -1, 2, 4, 1, -2]
    weights = [1, 2, Fraction(1, 2), 1, 3, Fraction(1, 4)]
    factors = [1, 0, 2, Fraction(1, 2)]
    everything = {"fit_intercept": True, "sample_weight": weights, "positive": True,
                  "penalty_factor": factors}
    return [
        option_group(
            "every option at once on a 6 x 4 design",
            design, response,
            [S(100, comment="far above lambdaMax"), S(1), S(Fraction(1, 16)),
             S(1, Fraction(1, 2), comment="Elastic Net"), S(0, 1, comment="Ridge"),
             S(0, comment="weighted non-negative least squares with an intercept")],
            **everything,
        ),
        option_group(
            "intercept and positive: lambdaMax from the centred correlations, max(0, .)",
            [[1, 0], [0, 1], [2, 1], [0, 3]], [4, 1, 2, -3],
            [S(8, comment="between the two lambda_max: w = 0 under positive"),
             S(5, comment="l1 = lambdaMax = 5, from max(0, c~) on the centred data"),
             S(5 - Fraction(1, 1024), flags=JUST), S(2), S(Fraction(1, 4)),
             S(8, positive=False, flags={"Contrast"},
               comment="the same at l1 = 8 without the constraint: w_2 < 0")],
            fit_intercept=True, positive=True,
        ),
        option_group(
            "weights and positive",
            GENERIC_X, [1, -4, 2, 3],
            [S(1), S(Fraction(1, 8)), S(0, 1, comment="Ridge")],
            sample_weight=[2, 1, Fraction(1, 2), 3], positive=True,
        ),
        option_group(
            "intercept and an unpenalised feature: both fitted before lambdaMax",
            GENERIC_X, GENERIC_Y,
            [S(20), S(1, comment="l1 = lambdaMax = 1: x_1 and b fitted, the rest 0"),
             S(1 - Fraction(1, 1024), flags=JUST), S(Fraction(1, 8)), S(1, Fraction(1, 2))],
            fit_intercept=True, penalty_factor=[0, 1, 1],
        ),
        option_group(
            "positive and an unpenalised feature whose least-squares fit is negative",
            TALL_X, [-3, -2, 3, 2],
            [S(5, comment="above lambdaMax: w_1 = 0, held by the constraint, not the penalty"),
             S(1), S(Fraction(1, 4)), S(0, comment="non-negative least squares")],
            positive=True, penalty_factor=[0, 1],
        ),
        option_group(
            "weights and factors under Ridge: (X^T S X + 2 l2 V)^-1 X^T S y",
            GENERIC_X, GENERIC_Y,
            [S(0, 1), S(0, 1, fit_intercept=True)],
            sample_weight=[1, 2, 3, 4], penalty_factor=[Fraction(1, 2), 1, 2],
        ),
        option_group(
            "intercept, weights and duplicate columns: not unique",
            DUPLICATE_X, DUPLICATE_Y,
            [S(Fraction(1, 4)), S(Fraction(1, 4), positive=True)],
            flags={"DuplicateColumns"}, fit_intercept=True, sample_weight=[2, 1, 1],
        ),
        option_group(
            "every option sent at its default: the notes' worked example",
            WORKED_X, WORKED_Y,
            [S(1, comment="w = (5/3, 2/3), answered without an intercept")],
            flags={"ExplicitDefaults", "WorkedExample"},
            fit_intercept=False, sample_weight=[1, 1, 1], positive=False, penalty_factor=[1, 1],
        ),
        invalid_option_group([
            ("a valid intercept and positivity, a negative weight", {"NegativeWeight"},
             base_problem(fit_intercept=True, positive=True, sample_weight=[1, -2, 1])),
            ("valid weights, fit_intercept \"yes\"", {"NotABoolean"},
             base_problem(fit_intercept="yes", sample_weight=[1, 2, 1])),
            ("sample_weight and penalty_factor swapped (n = 3, p = 2)", {"OptionLength"},
             base_problem(sample_weight=[1, 1], penalty_factor=[1, 1, 1])),
            ("valid factors, a negative l1", {"NegativePenalty"},
             base_problem(penalty_factor=[1, 0], l1=-1)),
            ("an unknown option key", {"UnknownField"},
             base_problem(fit_intercept=True, weights=[1, 1, 1])),
        ]),
    ]
