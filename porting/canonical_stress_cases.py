"""The canonical vectors that stress a port rather than teach it: the claims ledger's
counterexamples (``claims_test.json``), larger problems with long exact paths
(``large_test.json``) and inputs that are not problems (``invalid_test.json``).
"""

import json
import random
from fractions import Fraction
from math import lcm
from pathlib import Path

from lasso_spec.porting.canonical_family import group
from lasso_spec.porting.exact_checks import canonical_lambda_max
from lasso_spec.porting.vector_answers import Spec, invalid_group
from lasso_spec.porting.vector_format import is_binary64
from lasso_spec.reference import solve

COUNTEREXAMPLES = Path(__file__).resolve().parent.parent / "spec" / "counterexamples.json"


def _odd_part(n):
    while n % 2 == 0:
        n //= 2
    return n


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
        lam_max = canonical_lambda_max(X, y)
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
        lam_max = canonical_lambda_max(X, y)
        specs = [Spec(lam_max / d, l2, comment=f"l1 = lambdaMax/{d}") for d in divisors]
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
