"""The canonical vector files: their names, titles and headers.

The canonical problem (no options) F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂²; its tests:
porting/canonical_family.py, its cases: porting/canonical_cases.py and
porting/canonical_stress_cases.py.  The header says, in every file, what the numbers,
results and fields mean; ``FLAGS`` is the note of every flag (a file lists those it uses).
"""

from lasso_spec.porting.canonical_cases import (
    elastic_net_groups,
    lasso_groups,
    least_squares_groups,
    ridge_groups,
)
from lasso_spec.porting.canonical_stress_cases import (
    counterexample_groups,
    invalid_groups,
    large_groups,
)
from lasso_spec.porting.vector_format import numbers_note

OBJECTIVE = "F(w) = 1/2 ||y - X w||_2^2 + l1 ||w||_1 + l2 ||w||_2^2"
CONVENTION = (
    "X is n x p, given as a list of n rows; y has length n; minimise F over w in R^p. "
    "No intercept, no 1/n factor, no standardisation; l2 multiplies ||w||_2^2 itself "
    "(not 1/2 ||w||^2), so the Elastic Net coordinate update divides by x_j^T x_j + 2 l2."
)
NUMBERS = numbers_note(("X", "y", "l1", "l2"))
RESULTS = {
    "valid": "the solution is unique: coefficients, objective, fitted values and KKT must match",
    "acceptable": "the minimiser is not unique (flag NonUnique): check the objective, the fitted "
    "values Xw and the correlations c (these are the same for every minimiser), not w; the "
    "expected w is one vertex solution",
    "invalid": 'the input is not a valid problem: the port must reply {"error": "..."}',
}
FIELDS = {
    "lambdaMax": "max_j |x_j^T y|, the smallest l1 at which w = 0 is optimal (any l2)",
    "w": "the exact minimiser (for acceptable tests: one vertex minimiser)",
    "support": '"+", "-" or "0" for each coefficient of w',
    "objective": "F(w*), the optimal value",
    "fitted": "X w*, the same for every minimiser",
    "correlations": "c_j = x_j^T (y - X w*) - 2 l2 w*_j, the same for every minimiser; "
    "KKT: c_j = l1 sign(w*_j) where w*_j != 0 and |c_j| <= l1 where w*_j = 0",
    "knots": "the number of knots of the exact path from lambdaMax down to l1 (l2 fixed)",
    "path": "the knots (lambda, w) of that path, for small problems: w is linear in lambda "
    "between consecutive knots",
}

FLAGS = {
    "WorkedExample": "The notes' worked example (section 14): X = [[1,1],[1,0],[0,1]], "
    "y = (3,2,1), l1 = 1, whose solution is w = (5/3, 2/3).",
    "OneFeature": "p = 1: w = S(x^T y, l1)/(x^T x + 2 l2), one coordinate-descent update "
    "(S the soft threshold). Checked against that closed form.",
    "Orthogonal": "The columns of X are orthogonal, so the problem separates and "
    "w_j = S(x_j^T y, l1)/(x_j^T x_j + 2 l2) for each j. Checked against that closed form.",
    "AboveLambdaMax": "l1 > lambdaMax: w = 0.",
    "AtLambdaMax": "l1 = lambdaMax exactly: w = 0, with |x_j^T y| = l1 for some j.",
    "JustBelowLambdaMax": "l1 slightly below lambdaMax: the first variables have just entered, "
    "with tiny coefficients.",
    "AtKnot": "l1 is exactly a knot of the path, where the active set changes.",
    "Tie": "Several variables enter, or leave, the path at the same knot.",
    "ZeroColumn": "X has a column of zeros; its coefficient is 0 (the notes' update divides "
    "by x_j^T x_j = 0 there when l2 = 0).",
    "DuplicateColumns": "Two columns of X are equal.",
    "CollinearColumns": "Some columns of X are linearly dependent (not merely equal).",
    "Underdetermined": "n < p: more features than observations.",
    "ZeroResponse": "y = 0: the solution is w = 0 for every l1, l2.",
    "ElasticNet": "l1 > 0 and l2 > 0.",
    "Ridge": "l1 = 0 and l2 > 0: w = (X^T X + 2 l2 I)^-1 X^T y. Checked against that closed form.",
    "RidgeExactZero": "A pure Ridge solution with an exact zero coefficient: it happens exactly "
    "when x_j^T r = 0 at the solution (a measure-zero set of data, but not an empty one).",
    "LeastSquares": "l1 = l2 = 0: plain least squares. A duality-gap certificate does not "
    "apply (the scaled residual is dual feasible only at the optimum); ports that cannot "
    "certify it declare so.",
    "NonUnique": "The minimiser is not unique (decided exactly); the result is acceptable and "
    "only the objective, fitted values and correlations are checked.",
    "Counterexample": "A counterexample of the spec's claims ledger (spec/counterexamples.json, "
    "named in the comment), with y and l1 scaled by a common factor where needed so that every "
    "input is a binary64 number (w scales by the same factor).",
    "VariableLeaves": "Along the exact path from lambdaMax down to l1 some nonzero coefficient "
    "returns to exactly 0 (a drop, in LARS-lasso terms).",
    "ReEntry": "Along the path some variable enters, leaves, and enters again.",
    "NonmonotoneSparsity": "Along the path the number of nonzero coefficients decreases at "
    "some knot as l1 decreases: sparsity is not monotone in l1.",
    "LongPath": "A larger problem (p between 20 and 40) whose exact path has many knots and "
    "whose exact coefficients have long numerators and denominators: it stresses a port's "
    "convergence and rounding.",
    "Correlated": "Strongly correlated columns: coordinate descent converges slowly.",
    "NegativePenalty": "l1 or l2 is negative.",
    "NonFinite": 'An entry is not a finite number ("NaN", "Infinity" and "-Infinity" are sent '
    "as strings, since JSON has no such numbers).",
    "Ragged": "The rows of X have different lengths.",
    "ShapeMismatch": "len(y) differs from the number of rows of X, or X is not a matrix.",
    "Empty": "X has no rows or no columns.",
    "NotANumber": 'An entry is neither a JSON number nor a "p/q" string (a boolean, null, a '
    'list, an unparsable string, a zero denominator such as "1/0").',
    "MissingField": "A required key (X, y or l1) is missing.",
    "UnknownField": "The problem object has a key other than X, y, l1, l2.",
    "NotAnObject": "The line is valid JSON but not a JSON object.",
}


HEADER = {"objective": OBJECTIVE, "convention": CONVENTION, "numbers": NUMBERS,
          "results": RESULTS, "fields": FIELDS, "flags": FLAGS}

#: file name -> (title, group builder, header)
FILES = {
    "lasso_test.json": ("Lasso (l2 = 0, l1 > 0): small cases a person can check by hand",
                        lasso_groups, HEADER),
    "elastic_net_test.json": ("Elastic Net (l1 > 0, l2 > 0)", elastic_net_groups, HEADER),
    "ridge_test.json": ("pure Ridge (l1 = 0, l2 > 0), including exact zeros", ridge_groups,
                        HEADER),
    "least_squares_test.json": ("plain least squares (l1 = l2 = 0)", least_squares_groups,
                                HEADER),
    "claims_test.json": ("the counterexamples of the spec's claims ledger",
                         counterexample_groups, HEADER),
    "large_test.json": ("larger problems (p from 20 to 40) with long exact paths", large_groups,
                        HEADER),
    "invalid_test.json": ("invalid inputs that must be rejected", invalid_groups, HEADER),
}
