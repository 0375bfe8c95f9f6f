"""Generate the language-neutral test vectors ``spec/vectors/*.json`` from the exact reference.

    python -m lasso_spec.porting.generate_vectors            # rewrite the files
    python -m lasso_spec.porting.generate_vectors --check    # exit 1 if a file is stale

Deterministic: the same bytes on every run and machine (fixed seeds, sorted
keys, no timestamps).  Every expected answer is computed by ``reference.solve``
and certified exactly by ``reference.certify`` here; where a closed form exists
(one feature, orthogonal designs, Ridge) it is checked against that too, so no
expected value rests on the homotopy alone.

tcIds are numbered in file order; new cases are appended at the end of a file
so that existing tcIds keep their meaning.
"""

import json
import random
import sys
from fractions import Fraction
from math import lcm
from pathlib import Path

from lasso_spec.porting.exact_checks import (
    column,
    dot,
    orthogonal_columns,
    ridge_closed_form,
    separable_closed_form,
)
from lasso_spec.porting.vector_answers import answer_flags, invalid_group, result, solved
from lasso_spec.porting.vector_format import (
    document,
    dumps,
    entry,
    exact_and_float,
    exact_data,
    expected_json,
    group_json,
    is_binary64,
    numbers_note,
)
from lasso_spec.reference import solve

ROOT = Path(__file__).resolve().parent.parent
VECTOR_DIR = ROOT / "spec" / "vectors"
COUNTEREXAMPLES = ROOT / "spec" / "counterexamples.json"

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


# --------------------------------------------------------------------------- numbers


def _odd_part(n):
    while n % 2 == 0:
        n //= 2
    return n


class Spec:
    """One test: l1, l2 and what it is about."""

    def __init__(self, l1, l2=0, comment="", flags=(), clauses=(), claims=(), closed_form=False):
        self.l1, self.l2 = Fraction(l1), Fraction(l2)
        self.comment, self.flags = comment, set(flags)
        self.clauses, self.claims = set(clauses), set(claims)
        self.closed_form = closed_form


def _solved_test(X, y, spec, with_path):
    """The JSON of one solvable test, with its exact expected answer (certified here)."""
    l1, l2 = spec.l1, spec.l2
    solution, cert = solved(X, y, l1, l2)
    w = solution.w
    if spec.closed_form:
        assert w == separable_closed_form(X, y, l1, l2), "closed form disagrees with the homotopy"
    flags, clauses = answer_flags(solution, "LAMBDA-MAX")
    flags |= spec.flags
    clauses |= {"OBJECTIVE", "DUAL-GAP", "GAP-DISTANCE-BOUND"} | spec.clauses
    if l1 == 0 and l2 > 0:
        assert w == ridge_closed_form(X, y, l2), "Ridge closed form disagrees"
        clauses.add("KKT-RIDGE")
        if any(v == 0 for v in w) and any(y):
            flags.add("RidgeExactZero")
            clauses.add("RIDGE-NO-DEAD-ZONE")
    expected = expected_json(solution, [dot(row, w) for row in X], cert.c, with_path)
    test = entry(spec.comment, flags, result(solution), clauses, {
        **exact_and_float("l1", l1), **exact_and_float("l2", l2), "expected": expected})
    if spec.claims:
        test["claims"] = sorted(spec.claims)
    return test


def group(comment, X, y, specs, flags=(), clauses=(), with_path=None):
    """A test group: X and y shared by several tests (one per Spec).

    ``flags`` and ``clauses`` apply to every test; OneFeature and Orthogonal
    groups are checked against the soft-threshold closed form.
    """
    X, y = exact_data(X, y)
    p = len(X[0])
    if with_path is None:
        with_path = p <= 8
    if orthogonal_columns(X):
        flags = {*flags, "OneFeature" if p == 1 else "Orthogonal"}
    tests = []
    for spec in specs:
        spec.flags |= set(flags)
        spec.clauses |= set(clauses)
        if spec.flags & {"OneFeature", "Orthogonal"}:
            spec.closed_form = True
            spec.clauses |= {"SOFT-THRESHOLD", "CD-UPDATE"}
        tests.append(_solved_test(X, y, spec, with_path))
    return group_json(comment, X, y, tests)


# --------------------------------------------------------------------------- the cases


def lasso_groups():
    """l2 = 0, l1 > 0: the small hand-checkable Lasso cases."""
    worked = group(
        "the notes' worked example (section 14)",
        [[1, 1], [1, 0], [0, 1]],
        [3, 2, 1],
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
        [[2], [1], [-1]],
        [3, 1, 2],
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
        [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]],
        [4, 2, -2, 0],
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
        [[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 1, 1]],
        [3, -1, 2, 4],
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
        [[1, 0, 2], [0, 0, 1], [1, 0, 0]],
        [2, 1, 3],
        [Spec(1, comment="the zero column gets w_2 = 0"), Spec(Fraction(1, 16))],
        flags={"ZeroColumn"},
        clauses={"CD-UPDATE"},
    )
    duplicate = group(
        "duplicate columns: x_1 = x_2",
        [[1, 1, 0], [1, 1, 1], [0, 0, 1]],
        [2, 3, -1],
        [Spec(1, comment="any split of the shared coefficient with equal signs is optimal"),
         Spec(Fraction(1, 2))],
        flags={"DuplicateColumns"},
    )
    collinear = group(
        "collinear columns: x_3 = x_1 + x_2",
        [[1, 0, 1], [0, 1, 1], [1, 1, 2], [1, -1, 0]],
        [1, 2, 4, -1],
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
        [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]],
        [4, 1],
        [Spec(1), Spec(Fraction(1, 32)), Spec(7)],
        flags={"Underdetermined"},
    )
    zero_y = group(
        "y = 0",
        [[1, 2], [3, 4]],
        [0, 0],
        [Spec(1, comment="w = 0; lambdaMax = 0 < l1")],
        flags={"ZeroResponse"},
    )
    negated = group(
        "a column and its negative: x_2 = -x_1",
        [[1, -1, 0], [2, -2, 1], [0, 0, 1]],
        [3, 1, 2],
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
            [[1, 1], [1, 0], [0, 1]],
            [3, 2, 1],
            [Spec(1, Fraction(1, 2), comment="w = (9/8, 5/8)"), Spec(1, 2), Spec(5, 1)],
        ),
        group(
            "one feature: w = S(x^T y, l1)/(x^T x + 2 l2)",
            [[2], [1], [-1]],
            [3, 1, 2],
            [Spec(1, 1, comment="w = (5 - 1)/(6 + 2) = 1/2"), Spec(5, 3, comment="w = 0")],
        ),
        group(
            "orthogonal design: the notes' Elastic Net update is the whole answer",
            [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]],
            [4, 2, -2, 0],
            [Spec(2, 1, comment="x^T y = (4, 0, 8): w = (2, 0, 6)/(4 + 2)"),
             Spec(5, Fraction(1, 4))],
        ),
        group(
            "duplicate columns: the L2 term makes the minimiser unique (equal split)",
            [[1, 1, 0], [1, 1, 1], [0, 0, 1]],
            [2, 3, -1],
            [Spec(1, Fraction(1, 2)), Spec(Fraction(1, 2), Fraction(1, 16))],
            flags={"DuplicateColumns"},
        ),
        group(
            "collinear columns x_3 = x_1 + x_2, unique under the L2 term",
            [[1, 0, 1], [0, 1, 1], [1, 1, 2], [1, -1, 0]],
            [1, 2, 4, -1],
            [Spec(1, 1), Spec(Fraction(1, 4), Fraction(1, 1024))],
            flags={"CollinearColumns"},
        ),
        group(
            "n < p under the L2 term",
            [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]],
            [4, 1],
            [Spec(1, Fraction(1, 2)), Spec(Fraction(1, 32), Fraction(1, 8))],
            flags={"Underdetermined"},
        ),
        group(
            "a zero column: the denominator 0 + 2 l2 is positive, the update gives 0",
            [[1, 0, 2], [0, 0, 1], [1, 0, 0]],
            [2, 1, 3],
            [Spec(1, Fraction(1, 2))],
            flags={"ZeroColumn"},
            clauses={"CD-UPDATE"},
        ),
        group(
            "lambdaMax does not depend on l2",
            [[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 1, 1]],
            [3, -1, 2, 4],
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
            [[1, 1], [1, 0], [0, 1]],
            [3, 2, 1],
            [Spec(0, Fraction(1, 2), comment="(X^T X + I) w = X^T y = (5, 4): w = (11/8, 7/8)"),
             Spec(0, 4), Spec(0, Fraction(1, 2**20), comment="tiny l2: close to least squares")],
        ),
        group(
            "orthogonal design with a column orthogonal to y: an exact Ridge zero",
            [[1, 1, 1], [1, -1, 1], [1, 1, -1], [1, -1, -1]],
            [3, 1, -1, 1],
            [Spec(0, 1, comment="x^T y = (4, 0, 4), so w = (4/6, 0, 4/6): w_2 = 0 exactly")],
        ),
        group(
            "correlated columns, y = (1, 2, 0) chosen so that X^T y = (X^T X + I)(1, 0)",
            [[1, 1], [1, 0], [0, 1]],
            [1, 2, 0],
            [Spec(0, Fraction(1, 2), comment="l2 = 1/2: w = (1, 0), an exact zero"),
             Spec(0, 2, comment="l2 = 2: w = (17/35, 3/35), no zero: the zero is not a dead zone")],
        ),
        group(
            "y = 0: w = 0 for every l2",
            [[1, 2], [3, 4]],
            [0, 0],
            [Spec(0, 1)],
            flags={"ZeroResponse"},
        ),
        group(
            "duplicate columns: Ridge splits the weight equally",
            [[1, 1, 0], [1, 1, 1], [0, 0, 1]],
            [2, 3, -1],
            [Spec(0, Fraction(1, 2))],
            flags={"DuplicateColumns"},
        ),
        group(
            "n < p",
            [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]],
            [4, 1],
            [Spec(0, Fraction(1, 2)), Spec(0, 8)],
            flags={"Underdetermined"},
        ),
        group(
            "a zero column",
            [[1, 0, 2], [0, 0, 1], [1, 0, 0]],
            [2, 1, 3],
            [Spec(0, 1)],
            flags={"ZeroColumn"},
        ),
    ]


def least_squares_groups():
    """l1 = l2 = 0."""
    return [
        group(
            "the notes' worked example without penalty: ordinary least squares",
            [[1, 1], [1, 0], [0, 1]],
            [3, 2, 1],
            [Spec(0, comment="w = (X^T X)^-1 X^T y = (2, 1), a perfect fit")],
        ),
        group(
            "full column rank, imperfect fit",
            [[1, 2, 0], [0, 1, 1], [1, 0, -1], [2, 1, 1]],
            [3, -1, 2, 4],
            [Spec(0)],
        ),
        group(
            "n < p: infinitely many least-squares solutions",
            [[1, 2, -1, 0, 3], [2, -1, 1, 1, 0]],
            [4, 1],
            [Spec(0)],
            flags={"Underdetermined"},
        ),
        group(
            "duplicate columns",
            [[1, 1, 0], [1, 1, 1], [0, 0, 1]],
            [2, 3, -1],
            [Spec(0)],
            flags={"DuplicateColumns"},
        ),
    ]


def _claim_ids():
    """Counterexample name -> the claims-ledger IDs that cite it (spec.claims holds only data)."""
    from lasso_spec.spec.claims import CLAIMS

    cited = {}
    for claim in CLAIMS:
        for name in claim.counterexamples:
            cited.setdefault(name, set()).add(claim.id)
    return cited


KNOT = "a knot of the stored path"


def counterexample_groups():
    """Every problem of spec/counterexamples.json, at its own l1 / l2 and at its path knots.

    The ledger's stored solutions (computed there by brute force, spec.exact) are
    checked against the homotopy's here: two independent computations agree.
    """
    stored = json.loads(COUNTEREXAMPLES.read_text(encoding="utf-8"))
    claims = _claim_ids()
    groups = []
    for name in sorted(stored):
        entry = stored[name]
        if "X" not in entry or "y" not in entry:
            continue  # a census, not a problem
        X = [[Fraction(v) for v in row] for row in entry["X"]]
        y = [Fraction(v) for v in entry["y"]]
        # An entry that pairs a Lasso with a Ridge (w and w_ridge) keeps l2 for the Ridge half:
        # its w is the Lasso solution (l2 = 0).
        l2 = Fraction(0) if "w_ridge" in entry else Fraction(entry.get("l2", 0))
        lams = {}  # l1 -> (where it comes from, the ledger's stored w or None)
        for key, w_key in (("l1", "w"), ("l1_large", "w_large"), ("l1_small", "w_small")):
            if key in entry:
                lams[Fraction(entry[key])] = (f"the entry's {key}", entry.get(w_key))
        lam_max = max(abs(dot(column(X, j), y)) for j in range(len(X[0])))
        knots = [(Fraction(lam), w) for lam, w in entry.get("knots", [])]
        for lam, w in knots:
            if 0 < lam < lam_max and lam not in lams:
                lams[lam] = (KNOT, w)
        positive = [lam for lam, _ in knots if lam > 0]
        if len(positive) >= 2:  # below the last positive knot, where the path may turn again
            lams.setdefault(min(positive) / 2, ("half the smallest positive stored knot", None))
        if not lams:  # a Ridge entry gives only l2 (its w is the Ridge solution); an entry
            # with neither l1 nor l2 stores some other point as w, which is not compared
            lams[Fraction(0) if l2 > 0 else lam_max / 2] = (
                "chosen here", entry.get("w") if l2 > 0 else None)
        assert all(is_binary64(v) for row in X for v in row) and is_binary64(l2)
        scale = 1
        for v in [*y, *lams]:
            scale = lcm(scale, _odd_part(v.denominator))
        specs = []
        for lam, (origin, stored_w) in sorted(lams.items(), reverse=True):
            if stored_w is not None:
                assert solve(X, y, lam, l2).w == tuple(Fraction(v) for v in stored_w), name
            times = f", times {scale}" if scale != 1 else ""
            specs.append(Spec(
                lam * scale, l2,
                comment=f"l1 = {lam}{times} ({origin})",
                flags={"Counterexample", *(["AtKnot"] if origin == KNOT else [])},
                claims=claims.get(name, ()),
            ))
        scaled = f"; y and l1 scaled by {scale}, so w scales by {scale}" if scale != 1 else ""
        groups.append(group(
            f"claims-ledger counterexample '{name}'{scaled}",
            X, [v * scale for v in y], specs,
        ))
    return groups


def _random_design(rng, n, p, bound=5):
    return [[rng.randint(-bound, bound) for _ in range(p)] for _ in range(n)]


def large_groups():
    """p between 20 and 40: long exact paths, long rationals."""
    rng = random.Random(20260101)
    cases = []
    for comment, n, p, l2, divisors, extra in (
        ("random integer design, n > p", 40, 20, 0, (4, 16, 64), set()),
        ("random integer design, n = p", 40, 40, 0, (4, 32), set()),
        ("random integer design, n < p", 24, 40, 0, (8, 64), {"Underdetermined"}),
        ("random integer design, Elastic Net", 30, 36, Fraction(1, 2), (8, 64), set()),
    ):
        X = _random_design(rng, n, p)
        y = [rng.randint(-20, 20) for _ in range(n)]
        cases.append((comment, X, y, l2, divisors, extra))
    # Strongly correlated: every column is a shared factor plus a small perturbation.
    n, p = 40, 24
    factor = [rng.randint(-6, 6) for _ in range(n)]
    X = [[factor[i] * 4 + rng.randint(-1, 1) for _ in range(p)] for i in range(n)]
    y = [factor[i] * 10 + rng.randint(-8, 8) for i in range(n)]
    cases.append(("strongly correlated columns (a shared factor plus noise)", X, y, 0, (4, 64),
                  {"Correlated"}))
    # Duplicated columns in a larger design: the minimiser is not unique.
    base = _random_design(rng, 30, 20)
    X = [row + [row[j] for j in (0, 3, 7, 11)] for row in base]
    y = [rng.randint(-20, 20) for _ in range(30)]
    cases.append(("random design with four duplicated columns (p = 24)", X, y, 0, (4, 32),
                  {"DuplicateColumns"}))
    groups = []
    for comment, X, y, l2, divisors, extra in cases:
        lam_max = max(abs(sum(X[i][j] * y[i] for i in range(len(y)))) for j in range(len(X[0])))
        specs = [Spec(Fraction(lam_max, d), l2, comment=f"l1 = lambdaMax/{d}") for d in divisors]
        groups.append(group(comment, X, y, specs, flags={"LongPath", *extra}, with_path=False))
    return groups


INVALID = [
    ("negative l1", {"NegativePenalty"}, {"X": [[1, 2], [3, 4]], "y": [1, 2], "l1": -1, "l2": 0}),
    ("negative l1 as a string", {"NegativePenalty"},
     {"X": [[1]], "y": [1], "l1": "-1/2", "l2": "0"}),
    ("negative l2", {"NegativePenalty"}, {"X": [[1]], "y": [1], "l1": 1, "l2": -0.5}),
    ("negative zero-ish l2 string", {"NegativePenalty"},
     {"X": [[1]], "y": [1], "l1": "1", "l2": "-1/1024"}),
    ("l1 is NaN", {"NonFinite"}, {"X": [[1]], "y": [1], "l1": "NaN", "l2": 0}),
    ("X contains NaN", {"NonFinite"}, {"X": [[1, "NaN"], [0, 1]], "y": [1, 2], "l1": 1, "l2": 0}),
    ("y contains Infinity", {"NonFinite"}, {"X": [[1], [2]], "y": ["Infinity", 1], "l1": 1,
                                            "l2": 0}),
    ("l2 is -Infinity", {"NonFinite", "NegativePenalty"},
     {"X": [[1]], "y": [1], "l1": 1, "l2": "-Infinity"}),
    ("l1 is +Infinity", {"NonFinite"}, {"X": [[1]], "y": [1], "l1": "Infinity", "l2": 0}),
    ("ragged X", {"Ragged"}, {"X": [[1, 2], [3]], "y": [1, 2], "l1": 1, "l2": 0}),
    ("len(y) > rows of X", {"ShapeMismatch"}, {"X": [[1, 2], [3, 4]], "y": [1, 2, 3], "l1": 1,
                                               "l2": 0}),
    ("len(y) < rows of X", {"ShapeMismatch"}, {"X": [[1], [2], [3]], "y": [1, 2], "l1": 1,
                                               "l2": 0}),
    ("X is a flat list, not a list of rows", {"ShapeMismatch"},
     {"X": [1, 2, 3], "y": [1, 2, 3], "l1": 1, "l2": 0}),
    ("y is a column matrix, not a vector", {"ShapeMismatch"},
     {"X": [[1], [2]], "y": [[1], [2]], "l1": 1, "l2": 0}),
    ("X has no rows", {"Empty"}, {"X": [], "y": [], "l1": 1, "l2": 0}),
    ("X has rows but no columns", {"Empty"}, {"X": [[], []], "y": [1, 2], "l1": 1, "l2": 0}),
    ("a boolean entry in X", {"NotANumber"}, {"X": [[True, 1]], "y": [1], "l1": 1, "l2": 0}),
    ("a boolean l1", {"NotANumber"}, {"X": [[1]], "y": [1], "l1": True, "l2": 0}),
    ("null in y", {"NotANumber"}, {"X": [[1], [1]], "y": [1, None], "l1": 1, "l2": 0}),
    ("an unparsable string in X", {"NotANumber"}, {"X": [["abc"]], "y": [1], "l1": 1, "l2": 0}),
    ("a zero denominator", {"NotANumber"}, {"X": [[1]], "y": ["1/0"], "l1": 1, "l2": 0}),
    ("l1 is a list", {"NotANumber"}, {"X": [[1]], "y": [1], "l1": [1], "l2": 0}),
    ("an entry of X is a list", {"NotANumber"}, {"X": [[[1], 2]], "y": [1], "l1": 1, "l2": 0}),
    ("X is a number", {"ShapeMismatch"}, {"X": 3, "y": [1], "l1": 1, "l2": 0}),
    ("l1 is missing", {"MissingField"}, {"X": [[1]], "y": [1], "l2": 0}),
    ("y is missing", {"MissingField"}, {"X": [[1]], "l1": 1, "l2": 0}),
    ("an unknown key", {"UnknownField"}, {"X": [[1]], "y": [1], "l1": 1, "l2": 0, "alpha": 1}),
    ("the problem is a JSON array", {"NotAnObject"}, [[[1]], [1], 1, 0]),
]


def invalid_groups():
    """Inputs every port must reject with {"error": ...}; the reference rejects each one."""
    return [invalid_group('inputs that are not problems: reply {"error": ...}', "OBJECTIVE",
                          INVALID)]


# --------------------------------------------------------------------------- files

FILES = {
    "lasso_test.json": ("Lasso (l2 = 0, l1 > 0): small cases a person can check by hand",
                        lasso_groups),
    "elastic_net_test.json": ("Elastic Net (l1 > 0, l2 > 0)", elastic_net_groups),
    "ridge_test.json": ("pure Ridge (l1 = 0, l2 > 0), including exact zeros", ridge_groups),
    "least_squares_test.json": ("plain least squares (l1 = l2 = 0)", least_squares_groups),
    "claims_test.json": ("the counterexamples of the spec's claims ledger",
                         counterexample_groups),
    "large_test.json": ("larger problems (p from 20 to 40) with long exact paths", large_groups),
    "invalid_test.json": ("invalid inputs that must be rejected", invalid_groups),
}


def all_files():
    """Every vector file: the canonical ones (FILES) and the options' (porting/option_vectors.py).

    An entry is (title, group builder) or (title, group builder, header overrides).
    """
    from lasso_spec.porting.option_vectors import OPTION_FILES  # it builds on this module

    return {**FILES, **OPTION_FILES}


HEADER = {"objective": OBJECTIVE, "convention": CONVENTION, "numbers": NUMBERS,
          "results": RESULTS, "fields": FIELDS, "flags": FLAGS}


def build_file(name):
    """The document of one vector file (a dict, before serialisation)."""
    title, make, *overrides = all_files()[name]
    return document(title, make(), {**HEADER, **(overrides[0] if overrides else {})})


def build_all():
    """File name -> exact file text, for every vector file."""
    return {name: dumps(build_file(name)) + "\n" for name in all_files()}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    texts = build_all()
    stale = []
    for name, text in texts.items():
        path = VECTOR_DIR / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("stale vector files (run python -m lasso_spec.porting.generate_vectors):", *stale)
        return 1
    total = sum(build_count for build_count in (t.count('"tcId"') for t in texts.values()))
    print(f"{'checked' if check else 'wrote'} {len(texts)} files, {total} tests, in {VECTOR_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
