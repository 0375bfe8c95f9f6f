"""The format of the vector files ``spec/vectors/*_test.json`` (their schema: ``schema.json``).

Every file, of the canonical problem and of the options, is written through this module,
so all share one skeleton: a header (what the objective, numbers, results, fields and
flags mean), test groups that share X and y, tests numbered by tcId in file order, and
the notes of exactly the flags the file uses.  Numbers are exact: a rational is the string
"p/q" (or "p") in lowest terms, and the same key plus "Float" holds the nearest binary64
value.  The text is deterministic (keys in a fixed order, no timestamps):

>>> exact_and_float("l1", Fraction(1, 3))
{'l1': '1/3', 'l1Float': 0.3333333333333333}
>>> print(dumps({"w": ["5/3", "2/3"], "tests": [{"tcId": 1}]}))
{
 "w": ["5/3", "2/3"],
 "tests": [
  {
   "tcId": 1
  }
 ]
}
"""

import json
from fractions import Fraction

from lasso_spec.porting.exact_checks import canonical_lambda_max
from lasso_spec.reference.problem import format_number

SCHEMA_NAME = "schema.json"
VERSION = "1"
ALGORITHM = "L1/L2-regularised least squares (Lasso, Ridge, Elastic Net)"
GENERATOR = "python -m lasso_spec.porting.generate_vectors"
#: What a file's header states, in this order; a header also holds "flags", the notes of
#: every flag its tests may use (the file lists those it does use).
HEADER_KEYS = ("objective", "convention", "numbers", "results", "fields")


# --------------------------------------------------------------------------- numbers


def exact(value):
    """The exact string of a rational: "p/q", or "p" for an integer."""
    return format_number(Fraction(value))


def nearest_float(value):
    return float(Fraction(value))  # int/int true division: correctly rounded


def exact_and_float(name, values):
    """{"name": [...p/q...], "nameFloat": [...floats...]} for a vector or a scalar."""
    if isinstance(values, (list, tuple)):
        return {name: [exact(v) for v in values],
                name + "Float": [nearest_float(v) for v in values]}
    return {name: exact(values), name + "Float": nearest_float(values)}


def exact_or_null(name, value):
    """exact_and_float, or both keys null where there is no value."""
    return {name: None, name + "Float": None} if value is None else exact_and_float(name, value)


def is_binary64(value):
    value = Fraction(value)
    return Fraction(float(value)) == value


def exact_data(X, y):
    """X and y as Fractions; every entry must be a binary64 number, so that a float port
    solves exactly the problem whose exact answer is given."""
    X = [[Fraction(v) for v in row] for row in X]
    y = [Fraction(v) for v in y]
    assert all(is_binary64(v) for row in X for v in row) and all(is_binary64(v) for v in y)
    return X, y


def sign(v):
    return "+" if v > 0 else "-" if v < 0 else "0"


def numbers_note(inputs):
    """The header's "numbers": how numbers are written; ``inputs`` names the input numbers."""
    return (
        'Exact rationals are strings "p/q" (or "p"); the field with the same name plus "Float" '
        f"holds the nearest binary64 value. Every input number ({', '.join(inputs)}) of a valid "
        "or acceptable test is exactly a binary64 number, so a float port solves exactly the "
        "problem whose exact answer is given. Expected values are exact; their floats are for "
        "convenience."
    )


# --------------------------------------------------------------------------- tests and groups


def entry(comment, flags, result, clauses, fields):
    """One test: what it is about, then ``fields`` (its inputs and answer) in their order.

    Its tcId is given by ``number`` once the file's groups are complete."""
    return {"tcId": None, "comment": comment, "flags": sorted(flags), "result": result,
            "clauses": sorted(clauses), **fields}


def expected_json(solution, fitted, correlations, with_path, extra=None):
    """A test's expected answer: w (and b where an intercept is fitted), its support, F*,
    the fitted values, the correlations, ``extra``, the number of knots of the path and,
    ``with_path``, the knots themselves."""
    expected = exact_and_float("w", solution.w)
    if solution.intercept is not None:
        expected.update(exact_and_float("intercept", solution.intercept))
    expected.update({
        "support": [sign(v) for v in solution.w],
        **exact_and_float("objective", solution.objective),
        **exact_and_float("fitted", fitted),
        **exact_and_float("correlations", correlations),
        **(extra or {}),
        "knots": len(solution.path),
    })
    if with_path:
        expected["path"] = [
            {**exact_and_float("lambda", knot.lam), **exact_and_float("w", knot.w)}
            for knot in solution.path
        ]
    return expected


def group_json(comment, X, y, tests):
    """A test group: the exact X and y that its tests share, and the canonical λ_max."""
    return {
        "comment": comment,
        "n": len(X),
        "p": len(X[0]),
        "X": [[exact(v) for v in row] for row in X],
        "XFloat": [[nearest_float(v) for v in row] for row in X],
        **exact_and_float("y", y),
        **exact_and_float("lambdaMax", canonical_lambda_max(X, y)),
        "tests": tests,
    }


# --------------------------------------------------------------------------- files


def number(groups):
    """Give every test its tcId, its place in the file counted from 1; the tests in order.

    A tcId names a test for good: new cases are appended at the end of a file."""
    tests = [test for g in groups for test in g["tests"]]
    for tc_id, test in enumerate(tests, start=1):
        test["tcId"] = tc_id
    return tests


def document(title, groups, header):
    """A whole vector file (a dict, before ``dumps``): the header, then the numbered groups."""
    tests = number(groups)
    used = {flag for test in tests for flag in test["flags"]}
    unknown = used - set(header["flags"])
    assert not unknown, f"flags without a note: {unknown}"
    return {
        "algorithm": ALGORITHM,
        "title": title,
        "schema": SCHEMA_NAME,
        "generator": GENERATOR,
        "generatorVersion": VERSION,
        **{key: header[key] for key in HEADER_KEYS},
        "numberOfTests": len(tests),
        "notes": {flag: header["flags"][flag] for flag in sorted(used)},
        "testGroups": groups,
    }


def _is_scalar(value):
    return not isinstance(value, (dict, list))


def dumps(value, indent=0):
    """Deterministic JSON: objects one key per line, lists of scalars on one line."""
    pad, inner = " " * indent, " " * (indent + 1)
    if _is_scalar(value):
        return json.dumps(value)
    if isinstance(value, list):
        if all(_is_scalar(v) for v in value):
            return "[" + ", ".join(json.dumps(v) for v in value) + "]"
        if not value:
            return "[]"
        items = ",\n".join(inner + dumps(v, indent + 1) for v in value)
        return "[\n" + items + "\n" + pad + "]"
    if not value:
        return "{}"
    items = ",\n".join(f"{inner}{json.dumps(k)}: {dumps(v, indent + 1)}" for k, v in value.items())
    return "{\n" + items + "\n" + pad + "}"
