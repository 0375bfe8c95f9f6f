"""The test vectors of the options: intercept, sample weights, non-negativity, penalty factors.

Part of ``python -m lasso_spec.porting.generate_vectors`` (which writes these files with
the others): ``intercept_test.json``, ``sample_weight_test.json``, ``positive_test.json``,
``penalty_factor_test.json`` and ``options_combined_test.json``.  The problem family is
that of spec OPTIONS-OBJECTIVE::

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   w ≥ 0 if positive

A test carries its options as the optional keys of the process protocol (``fit_intercept``,
``sample_weight``, ``positive``, ``penalty_factor``), sent as they are with the group's X,
y and the test's l1, l2.  Every expected answer is computed by ``reference.solve`` with
the options and certified by ``reference.certify`` with them, and for p ≤ 5 also found by
an independent enumeration of every active set and sign pattern (porting/exact_checks.py: its own
G = X'ᵀSX' + 2λ₂V', its own KKT test); the intercept is checked against the weighted
centring of spec OPTIONS-INTERCEPT-CENTRING (the same w from the centred problem without
intercept, b = ȳ − x̄ᵀw), the separable cases against the (one-sided) soft threshold,
λ_max against ``reference.lambda_max``, and every pair of tests that a theorem makes
equivalent (integer weights ≡ repeated rows, zero weight ≡ the row removed, a column
and its factor scaled together) against each other.
"""

from fractions import Fraction

from lasso_spec.porting.exact_checks import (
    centring_flags,
    dot,
    enumerate_minimisers,
    factors,
    separable_closed_form,
    weights,
)
from lasso_spec.porting.generate_vectors import FIELDS, FLAGS, RESULTS
from lasso_spec.porting.vector_answers import answer_flags, invalid_group, result, solved
from lasso_spec.porting.vector_format import (
    entry,
    exact_and_float,
    exact_data,
    exact_or_null,
    expected_json,
    group_json,
    is_binary64,
    number,
    numbers_note,
)
from lasso_spec.reference import Problem, ProblemError, certify, lambda_max, solve

OPTION_KEYS = ("fit_intercept", "sample_weight", "positive", "penalty_factor")

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

#: The flags of the options themselves: a port that does not declare an option skips them.
CLAUSES = {"OPTIONS-OBJECTIVE", "OPTIONS-KKT", "OPTIONS-DUAL-GAP"}


# --------------------------------------------------------------------------- one test


class OptionSpec:
    """One test: l1, l2, the options and what it is about.

    ``pair``: tests with the same pair label are equivalent (equivalentTo); ``scale``,
    for a ScaledColumn pair, maps j -> a: this test's w_j is a times the partner's.
    """

    def __init__(self, l1, l2=0, comment="", flags=(), clauses=(), *, fit_intercept=None,
                 sample_weight=None, positive=None, penalty_factor=None, pair=None, scale=None):
        self.l1, self.l2 = Fraction(l1), Fraction(l2)
        self.comment, self.flags, self.clauses = comment, set(flags), set(clauses)
        self.options = {}
        if fit_intercept is not None:
            self.options["fit_intercept"] = fit_intercept
        if sample_weight is not None:
            self.options["sample_weight"] = [Fraction(v) for v in sample_weight]
        if positive is not None:
            self.options["positive"] = positive
        if penalty_factor is not None:
            self.options["penalty_factor"] = [Fraction(v) for v in penalty_factor]
        self.pair, self.scale = pair, dict(scale or {})

    def keywords(self):
        """The options as keyword arguments of the reference (explicit defaults included)."""
        return dict(self.options)


def _lambda_max(X, y, options):
    try:
        return lambda_max(X, y, **options)
    except ProblemError:
        return None


def _option_test(X, y, spec, with_path):
    """The JSON of one solvable test with options, its exact answer certified here."""
    l1, l2, options = spec.l1, spec.l2, spec.keywords()
    for key in ("sample_weight", "penalty_factor"):
        assert all(is_binary64(v) for v in options.get(key, ())), (key, options[key])
    Problem(X=X, y=y, l1=l1, l2=l2, **options)  # the reference accepts it
    solution, cert = solved(X, y, l1, l2, options)
    w, b = solution.w, solution.intercept
    assert (b is not None) == bool(options.get("fit_intercept"))
    assert _lambda_max(X, y, options) == solution.lambda_max
    flags, clauses = answer_flags(solution, "OPTIONS-LAMBDA-MAX")
    flags |= spec.flags | _option_flags(X, y, options, solution)
    clauses |= CLAUSES | spec.clauses
    # independent computations of the same answer
    if len(w) <= 5:
        found = enumerate_minimisers(X, y, l1, l2, options)
        assert (w, b) in found, "the enumeration does not find the homotopy's answer"
        if solution.unique:
            assert found == {(w, b)}, "a unique minimiser, but the enumeration finds others"
        elif len(found) < 2:
            assert any(vj == 0 for vj in factors(X, options)) or l2 == 0, \
                "non-unique without a reason"
        for w_other, b_other in found:
            assert certify(X, y, w_other, l1, l2, intercept=b_other, **options).optimal
    closed = separable_closed_form(X, y, l1, l2, options)
    if closed is not None and solution.unique:
        assert w == closed, "the separable closed form disagrees"
        flags.add("OneFeature" if len(w) == 1 else "Orthogonal")
        clauses |= {"OPTIONS-CD-UPDATE", "SOFT-THRESHOLD"}
    if b is not None:
        flags |= {"Intercept"} | centring_flags(X, y, l1, l2, options, solution)
        clauses.add("OPTIONS-INTERCEPT-CENTRING")
    expected = expected_json(solution, [(b or 0) + dot(row, w) for row in X], cert.c, with_path,
                             exact_or_null("lambdaMax", solution.lambda_max))
    inputs = {**exact_and_float("l1", l1), **exact_and_float("l2", l2)}
    for key in OPTION_KEYS:
        if key in options:
            value = options[key]
            inputs.update({key: value} if isinstance(value, bool) else exact_and_float(key, value))
    if spec.pair is not None:
        inputs["_pair"] = (spec.pair, spec.scale, solution)
    return entry(spec.comment, flags, result(solution), clauses, {**inputs, "expected": expected})


def _option_flags(X, y, options, solution):
    """The flags read off the options themselves, and what positivity does to the answer."""
    l1, l2, lam_max = solution.l1, solution.l2, solution.lambda_max
    s, v = weights(X, options), factors(X, options)
    flags = set()
    if any(si != 1 for si in s):
        flags.add("SampleWeight")
    if any(si == 0 for si in s):
        flags.add("ZeroWeight")
    if options.get("positive"):
        flags.add("Positive")
        unconstrained = _lambda_max(X, y, {**options, "positive": False})
        if lam_max is not None and lam_max < unconstrained:
            flags.add("PositiveLambdaMax")
            if lam_max <= l1 < unconstrained and l1 > 0:
                flags.add("BetweenLambdaMaxes")
        if (l1 == 0 and l2 == 0) or lam_max is None:
            free = solve(X, y, l1, l2, **{**options, "positive": False})
            if free.objective < solution.objective:
                flags.add("NonNegativeLeastSquares")
    if any(vj != 1 for vj in v):
        flags.add("PenaltyFactor")
    if any(vj == 0 for vj in v):
        flags.add("AllUnpenalised" if all(vj == 0 for vj in v) else "UnpenalisedFeature")
    non_default = [k for k in OPTION_KEYS if k in options and options[k] not in (False, None)
                   and not (k == "sample_weight" and all(si == 1 for si in s))
                   and not (k == "penalty_factor" and all(vj == 1 for vj in v))]
    if len(non_default) >= 2:
        flags.add("Combined")
    return flags


def option_group(comment, X, y, specs, flags=(), clauses=(), with_path=None, **options):
    """A test group with options: X and y shared by several tests (one per OptionSpec).

    ``options`` are defaults for every spec (a spec's own options win); ``flags`` and
    ``clauses`` apply to every test.
    """
    X, y = exact_data(X, y)
    if with_path is None:
        with_path = len(X[0]) <= 8
    tests = []
    for spec in specs:
        for key, value in options.items():
            if key not in spec.options:
                spec.options[key] = ([Fraction(v) for v in value] if isinstance(value, list)
                                     else value)
        spec.flags |= set(flags)
        spec.clauses |= set(clauses)
        tests.append(_option_test(X, y, spec, with_path))
    return group_json(comment, X, y, tests)


def link_pairs(groups):
    """Replace the pair labels by ``equivalentTo`` tcIds and check that every pair has the
    same answer."""
    members = {}
    for test in number(groups):
        if "_pair" in test:
            members.setdefault(test["_pair"][0], []).append((test["tcId"], test))
    for label, tests in members.items():
        assert len(tests) >= 2, f"pair {label!r} has one member"
        first = tests[0][1]["_pair"]
        for _, test in tests:
            _, scale, solution = test["_pair"]
            _, scale0, solution0 = first
            assert solution.objective == solution0.objective, label
            assert solution.intercept == solution0.intercept, label
            w = [wj / scale.get(j, 1) for j, wj in enumerate(solution.w)]
            w0 = [wj / scale0.get(j, 1) for j, wj in enumerate(solution0.w)]
            if solution.unique:
                assert w == w0, label
    for tests in members.values():
        for tc, test in tests:
            del test["_pair"]
            others = [other for other, _ in tests if other != tc]
            expected = test.pop("expected")
            test["equivalentTo"] = others
            test["expected"] = expected
    return groups


def invalid_option_group(entries):
    """Inputs with a bad option that every port declaring the option must reject."""
    return invalid_group('options that are not valid: reply {"error": ...}', "OPTIONS-OBJECTIVE",
                         entries)


# --------------------------------------------------------------------------- the cases

WORKED_X, WORKED_Y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
GENERIC_X, GENERIC_Y = [[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 1, 1]], [3, -1, 2, 4]
WIDE_X, WIDE_Y = [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]], [4, 1]
DUPLICATE_X, DUPLICATE_Y = [[1, 1, 0], [1, 1, 1], [0, 0, 1]], [2, 3, -1]
S = OptionSpec
JUST = {"JustBelowLambdaMax"}


def _base(problem_x=None, **extra):
    return {"X": problem_x or [[1, 2], [3, 4], [5, 6]], "y": [1, 2, 3], "l1": 1, "l2": 0,
            **extra}


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
            [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]], [4, 2, -2, 0],
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
            ("fit_intercept is the number 1", {"NotABoolean"}, _base(fit_intercept=1)),
            ("fit_intercept is the number 0", {"NotABoolean"}, _base(fit_intercept=0)),
            ("fit_intercept is the string \"true\"", {"NotABoolean"},
             _base(fit_intercept="true")),
            ("fit_intercept is null", {"NotABoolean"}, _base(fit_intercept=None)),
            ("fit_intercept is a list", {"NotABoolean"}, _base(fit_intercept=[True])),
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
            ("a negative weight", {"NegativeWeight"}, _base(sample_weight=[1, -1, 1])),
            ("a tiny negative weight as a string", {"NegativeWeight"},
             _base(sample_weight=["1", "-1/1024", "1"])),
            ("every weight is 0", {"AllZeroWeights"}, _base(sample_weight=[0, 0, 0])),
            ("every weight is 0, with an intercept", {"AllZeroWeights"},
             _base(sample_weight=[0, 0, 0], fit_intercept=True)),
            ("n - 1 weights", {"OptionLength"}, _base(sample_weight=[1, 1])),
            ("n + 1 weights", {"OptionLength"}, _base(sample_weight=[1, 1, 1, 1])),
            ("no weights: an empty list", {"OptionLength"}, _base(sample_weight=[])),
            ("p weights instead of n (n = 3, p = 2)", {"OptionLength"},
             _base(sample_weight=[1, 2])),
            ("a NaN weight", {"NonFinite"}, _base(sample_weight=["NaN", 1, 1])),
            ("an infinite weight", {"NonFinite"}, _base(sample_weight=[1, "Infinity", 1])),
            ("a boolean weight", {"NotANumber"}, _base(sample_weight=[True, 1, 1])),
            ("a null weight", {"NotANumber"}, _base(sample_weight=[1, None, 1])),
            ("an unparsable weight", {"NotANumber"}, _base(sample_weight=[1, 1, "heavy"])),
            ("a weight with a zero denominator", {"NotANumber"},
             _base(sample_weight=[1, "1/0", 1])),
            ("sample_weight is a number", {"OptionNotAList"}, _base(sample_weight=1)),
            ("sample_weight is an object", {"OptionNotAList"},
             _base(sample_weight={"0": 1, "1": 1, "2": 1})),
        ]),
    ]


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
            [[1, 1], [1, 0], [0, 1], [1, 2]], [3, 4, -1, 1],
            [S(0), S(Fraction(1, 4)), S(0, Fraction(1, 4))],
            positive=True,
        ),
        option_group(
            "an orthogonal design: w_j = max(x_j^T y - l1, 0)/(x_j^T x_j + 2 l2)",
            [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]], [1, 3, -3, 1],
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
            [[1, -1, 0], [2, -2, 1], [0, 0, 1]], [3, 1, 2],
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
            ("positive is the number 1", {"NotABoolean"}, _base(positive=1)),
            ("positive is the string \"yes\"", {"NotABoolean"}, _base(positive="yes")),
            ("positive is null", {"NotABoolean"}, _base(positive=None)),
            ("positive is a list", {"NotABoolean"}, _base(positive=[False])),
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
            ("a negative factor", {"NegativeFactor"}, _base(penalty_factor=[1, -1])),
            ("a tiny negative factor as a string", {"NegativeFactor"},
             _base(penalty_factor=["-1/1024", "1"])),
            ("p - 1 factors", {"OptionLength"}, _base(penalty_factor=[1])),
            ("p + 1 factors", {"OptionLength"}, _base(penalty_factor=[1, 1, 1])),
            ("n factors instead of p (n = 3, p = 2)", {"OptionLength"},
             _base(penalty_factor=[1, 2, 3])),
            ("a NaN factor", {"NonFinite"}, _base(penalty_factor=["NaN", 1])),
            ("an infinite factor", {"NonFinite"}, _base(penalty_factor=[1, "Infinity"])),
            ("a boolean factor", {"NotANumber"}, _base(penalty_factor=[False, 1])),
            ("an unparsable factor", {"NotANumber"}, _base(penalty_factor=["none", 1])),
            ("penalty_factor is a number", {"OptionNotAList"}, _base(penalty_factor=1)),
            ("penalty_factor is a string", {"OptionNotAList"}, _base(penalty_factor="1/2")),
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
            [[1, 1], [1, 0], [0, 1], [1, 2]], [-3, -2, 3, 2],
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
             _base(fit_intercept=True, positive=True, sample_weight=[1, -2, 1])),
            ("valid weights, fit_intercept \"yes\"", {"NotABoolean"},
             _base(fit_intercept="yes", sample_weight=[1, 2, 1])),
            ("sample_weight and penalty_factor swapped (n = 3, p = 2)", {"OptionLength"},
             _base(sample_weight=[1, 1], penalty_factor=[1, 1, 1])),
            ("valid factors, a negative l1", {"NegativePenalty"},
             _base(penalty_factor=[1, 0], l1=-1)),
            ("an unknown option key", {"UnknownField"},
             _base(fit_intercept=True, weights=[1, 1, 1])),
        ]),
    ]


#: file name -> (title, group builder, header overrides)
HEADER = {"objective": OBJECTIVE, "convention": CONVENTION, "numbers": NUMBERS,
          "results": OPTION_RESULTS, "fields": OPTION_FIELDS, "flags": OPTION_FLAGS}


def _linked(make):
    def groups():
        return link_pairs(make())
    return groups


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
