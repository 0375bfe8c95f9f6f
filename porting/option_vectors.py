"""The option vector files: their names, titles and headers.

The options' files, written with the canonical ones by ``python -m
lasso_spec.porting.generate_vectors``: ``intercept_test.json``, ``sample_weight_test.json``,
``positive_test.json``, ``penalty_factor_test.json`` and ``options_combined_test.json``.
Their tests: porting/option_family.py; their cases: porting/intercept_weight_cases.py and
porting/positive_factor_cases.py.  Their header extends the canonical one
(porting/canonical_vectors.py) with what the options' keys, fields and flags mean.
"""

from lasso_spec.porting.canonical_vectors import FIELDS, FLAGS, RESULTS
from lasso_spec.porting.intercept_weight_cases import intercept_groups, sample_weight_groups
from lasso_spec.porting.option_family import link_pairs
from lasso_spec.porting.positive_factor_cases import (
    combined_groups,
    penalty_factor_groups,
    positive_groups,
)
from lasso_spec.porting.vector_format import numbers_note

OBJECTIVE = (
    "F(w, b) = 1/2 sum_i s_i (y_i - b - x_i^T w)^2 + l1 sum_j v_j |w_j| + l2 sum_j v_j w_j^2, "
    "subject to w >= 0 if positive"
)
CONVENTION = (
    "X is n x p, given as a list of n rows; y has length n; minimise F over w in R^p (and b "
    "in R when fit_intercept). No 1/n factor, no standardisation; l2 multiplies v_j w_j^2 "
    "itself. The options are optional keys of a test, sent as they are together with the "
    "group's X and y and the test's l1 and l2 (the process protocol's keys): fit_intercept "
    "(a boolean; b is fitted, unpenalised and never constrained; absent: b = 0), "
    "sample_weight s (n numbers >= 0, not all 0; absent: every s_i = 1), positive (a "
    "boolean; the constraint w >= 0, never on b; absent: false) and penalty_factor v (p "
    "numbers >= 0; v_j = 0 leaves feature j unpenalised, by neither l1 nor l2; absent: every "
    "v_j = 1). Nothing is normalised: the weights are not rescaled to sum to n or to 1 and "
    "the factors are not rescaled to sum to p (libraries that do so are mapped onto F in the "
    "spec, CONVENTION-*). A port replies {\"w\": [...]} and, with fit_intercept, "
    "{\"w\": [...], \"intercept\": b}."
)
NUMBERS = numbers_note(("X", "y", "l1", "l2", "sample_weight", "penalty_factor"))
OPTION_RESULTS = {
    **RESULTS,
    "valid": "the minimiser (w, b) is unique: coefficients, intercept, objective, fitted "
    "values and KKT must match",
    "acceptable": "the minimiser is not unique (flag NonUnique): check the objective, the "
    "fitted values b + Xw at the rows with s_i > 0 and the correlations (these are the same "
    "for every minimiser), not w or b; the expected w (and b) is one vertex solution",
}
OPTION_FIELDS = {
    **FIELDS,
    "lambdaMax": "group: max_j |x_j^T y| of the group's X and y without any option (the "
    "canonical lambda_max); for the options see expected.lambdaMax",
    "fit_intercept": "true: fit the unpenalised intercept b (send as is; absent: no intercept)",
    "sample_weight": "the sample weights s_i >= 0 (send as is; absent: every s_i = 1)",
    "positive": "true: minimise subject to w >= 0 (send as is; absent: no constraint)",
    "penalty_factor": "the penalty factors v_j >= 0 (send as is; absent: every v_j = 1)",
    "equivalentTo": "tcIds (same file) of tests that a theorem named by the flags makes "
    "equivalent to this one: the same objective and the same w and b (ScaledColumn: w_j of "
    "the scaled column times its scale a is w_j of the unscaled one); the generator checks it",
    "w": "the exact minimiser w* (for acceptable tests: one vertex minimiser)",
    "intercept": "the exact intercept b* (present exactly when fit_intercept is true)",
    "objective": "F(w*, b*), the optimal value",
    "fitted": "b* + X w*, one value per row; the same for every minimiser at the rows with "
    "s_i > 0 (a row of weight 0 does not determine its own fitted value)",
    "correlations": "c_j = sum_i s_i x_ij (y_i - b* - x_i^T w*) - 2 l2 v_j w*_j for the p "
    "features: the j-th entry of X'^T S (y - b - X w) - 2 l2 V' (w, b) with X' = [X 1] "
    "(or X without an intercept), S = diag(s), V' = diag(v, 0); its intercept entry "
    "sum_i s_i r_i is 0 at every minimiser and is not stored. The same for every minimiser. "
    "KKT: c_j = l1 v_j sign(w*_j) where w*_j != 0 and |c_j| <= l1 v_j where w*_j = 0; under "
    "positive, c_j = l1 v_j where w*_j > 0 and c_j <= l1 v_j where w*_j = 0 (one-sided)",
    "expected.lambdaMax": "lambda_max of the problem with its options (spec "
    "OPTIONS-LAMBDA-MAX): the smallest l1 at which every penalised coefficient is 0, i.e. "
    "max over v_j > 0 of |c_j(w_U, b_U)|/v_j, under positive max(0, c_j(w_U, b_U))/v_j, "
    "where (w_U, b_U) is the (weighted; under positive non-negative) least-squares fit on "
    "the unpenalised features and the intercept (0 without any); null when no feature is "
    "penalised (every v_j = 0): then there is no lambda_max and l1 has no effect",
    "knots": "the number of knots of the exact path from lambdaMax down to l1 (l2 and the "
    "options fixed; 1 when no feature is penalised)",
    "path": "the knots (lambda, w) of that path, for small problems: w is linear in lambda "
    "between consecutive knots; with an intercept b = sum_i s_i (y_i - x_i^T w)/sum_i s_i "
    "at every knot",
}

OPTION_FLAGS = {
    **FLAGS,
    "OneFeature": "p = 1: w = T(c, l1 v)/(x~^T S x~ + 2 l2 v) with x~, y~ the (weighted) "
    "centred data when an intercept is fitted, c = x~^T S y~, T the soft threshold (under "
    "positive the one-sided max(c - l1 v, 0)). Checked against that closed form.",
    "Orthogonal": "The (weighted-centred) columns are orthogonal in the inner product "
    "u^T S x, so the problem separates: w_j = T(x~_j^T S y~, l1 v_j)/(x~_j^T S x~_j + "
    "2 l2 v_j). Checked against that closed form.",
    "AboveLambdaMax": "l1 > expected.lambdaMax (with the options): every penalised "
    "coefficient is 0; the unpenalised ones and b are the least-squares fit on them.",
    "AtLambdaMax": "l1 = expected.lambdaMax exactly: every penalised coefficient is 0, and "
    "one of them is at its bound.",
    "JustBelowLambdaMax": "l1 slightly below expected.lambdaMax: the first penalised "
    "variables have just entered, with tiny coefficients.",
    "Ridge": "l1 = 0 and l2 > 0: w = (X'^T S X' + 2 l2 V')^-1 X'^T S y without the "
    "constraint; under positive, the constraint may hold coefficients at 0.",
    "LeastSquares": "The problem is (weighted, with an intercept, or non-negative) least "
    "squares: l1 = l2 = 0, or no feature is penalised (every v_j = 0). A duality-gap "
    "certificate does not apply; ports that cannot certify it declare least_squares false.",
    "Intercept": "fit_intercept = true: an unpenalised intercept b is fitted (the reply "
    "carries \"intercept\"). Checked against the weighted centring of spec "
    "OPTIONS-INTERCEPT-CENTRING: the same w from the centred data without an intercept, "
    "b = ybar - xbar^T w with the weighted means.",
    "WeightedCentring": "An intercept with non-uniform weights: the means of the centring are "
    "weighted (xbar = sum s_i x_i / sum s_i). The generator checks that centring with the "
    "unweighted means gives an answer that is not optimal here.",
    "ConstantColumn": "A column of X is constant: with an intercept it is collinear with b, "
    "so a penalised coefficient there is 0 (the intercept fits it for free).",
    "ConstantResponse": "y is constant: with an intercept w = 0 and b = y_i for every l1, l2.",
    "NonUnique": "The minimiser (w, b) is not unique (decided exactly); the result is "
    "acceptable and only the objective, the fitted values at the rows with s_i > 0 and the "
    "correlations are checked.",
    "SampleWeight": "Sample weights s are given (not all equal to 1).",
    "UnitWeights": "sample_weight is sent with every s_i = 1: exactly the unweighted problem "
    "(the answer of the canonical problem).",
    "UniformWeights": "Every s_i = t != 1: F is t times the unweighted objective with l1/t "
    "and l2/t. A port that normalises the weights (to sum n or 1) solves another problem.",
    "ZeroWeight": "Some s_i = 0: those rows do not enter F (they may still hold any numbers). "
    "A paired test (equivalentTo) has those rows removed; the answers are equal.",
    "RowRemoved": "The rows of weight 0 of the paired test (equivalentTo) removed, no "
    "weights: the same answer.",
    "IntegerWeights": "Integer weights: s_i = k is the same as row i repeated k times; the "
    "paired test (equivalentTo, flag RepeatedRows) is that problem, with the same answer.",
    "RepeatedRows": "Rows repeated, no weights: the paired test (equivalentTo, flag "
    "IntegerWeights) gives each distinct row its count as a weight; the same answer.",
    "Positive": "positive = true: minimise subject to w >= 0 (b is never constrained). The "
    "KKT conditions are one-sided at w_j = 0: c_j <= l1 v_j.",
    "PositiveLambdaMax": "positive = true, and lambda_max = max_j max(0, c_j)/v_j (at the "
    "unpenalised fit) is smaller than max_j |c_j|/v_j, the lambda_max of the same problem "
    "without the constraint: a port or library that uses |c_j| gets lambda_max wrong.",
    "BetweenLambdaMaxes": "positive = true and lambdaMax <= l1 < the lambda_max of the same "
    "problem without the constraint: every penalised w_j = 0 here, while the unconstrained "
    "problem has a nonzero coefficient.",
    "NonNegativeLeastSquares": "positive = true with l1 = l2 = 0 (or nothing penalised): "
    "non-negative least squares; the unconstrained least-squares fit has a negative "
    "coefficient or the constraint binds.",
    "PenaltyFactor": "Penalty factors v are given (not all equal to 1): feature j is "
    "penalised by l1 v_j |w_j| + l2 v_j w_j^2.",
    "UnpenalisedFeature": "Some (not all) v_j = 0: those features are unpenalised (neither "
    "L1 nor L2); lambda_max is computed after fitting them (and b) by least squares.",
    "AllUnpenalised": "Every v_j = 0: no feature is penalised, so the problem is (weighted) "
    "least squares whatever l1 and l2, and there is no lambda_max: expected.lambdaMax is "
    "null (the reference raises for lambda_max; a port asked for one should refuse, not "
    "return max_j |x_j^T y|).",
    "ScaledColumn": "Column j and its penalty factor v_j multiplied by the same a > 0 (l2 = "
    "0): w_j is divided by a and nothing else changes; the paired test (equivalentTo) is "
    "the unscaled problem.",
    "UnpenalisedOnes": "A column of ones with v_j = 0 and no fit_intercept: it acts as an "
    "intercept (w_j plays b).",
    "ExplicitDefaults": "Every option is sent at its default value (fit_intercept false, "
    "positive false, every s_i = 1, every v_j = 1): exactly the canonical problem, answered "
    "with w only.",
    "Combined": "More than one option at a non-default value.",
    "Contrast": "The option under test sent explicitly at its default (e.g. positive false), "
    "for contrast with the neighbouring tests of the group.",
    "NotABoolean": "fit_intercept or positive is not a JSON boolean (a number, a string, "
    "null or a list).",
    "NegativeWeight": "A sample weight is negative.",
    "AllZeroWeights": "Every sample weight is 0: F does not depend on the data.",
    "NegativeFactor": "A penalty factor is negative.",
    "OptionLength": "sample_weight does not have n entries, or penalty_factor does not have "
    "p entries.",
    "OptionNotAList": "sample_weight or penalty_factor is not a list of numbers (a number, "
    "a string, an object).",
}

HEADER = {"objective": OBJECTIVE, "convention": CONVENTION, "numbers": NUMBERS,
          "results": OPTION_RESULTS, "fields": OPTION_FIELDS, "flags": OPTION_FLAGS}


def _linked(make):
    """The group builder ``make`` with its pairs linked (equivalentTo)."""
    def groups():
        return link_pairs(make())
    return groups


#: file name -> (title, group builder, header)
OPTION_FILES = {
    "intercept_test.json": ("an unpenalised intercept (fit_intercept), with and without "
                            "weights", _linked(intercept_groups), HEADER),
    "sample_weight_test.json": ("sample weights: zero weights, integer weights, fractional "
                                "and uniform weights", _linked(sample_weight_groups), HEADER),
    "positive_test.json": ("non-negativity (positive): one-sided KKT and lambda_max = "
                           "max(0, .)", _linked(positive_groups), HEADER),
    "penalty_factor_test.json": ("penalty factors: factors != 1, unpenalised features, none "
                                 "penalised", _linked(penalty_factor_groups), HEADER),
    "options_combined_test.json": ("the options combined: intercept x weights x positive x "
                                   "factors x Lasso / Elastic Net / Ridge",
                                   _linked(combined_groups), HEADER),
}
