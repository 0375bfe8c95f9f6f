"""What the two vector test files check alike (tests/test_vectors.py: the canonical files;
tests/test_option_vectors.py: the options'): a family of committed files and its vectors,
the schema, exact strings and nearest floats, the notes, tcIds and clauses, the fields an
expected answer re-derives from w (and b), and the λ of a stored path.
"""

import json
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

import pytest

from lasso_spec.porting import schema_check, vector_file
from lasso_spec.reference import Problem, ProblemError
from lasso_spec.spec.clauses import BY_ID

ROOT = Path(__file__).resolve().parent.parent
VECTOR_DIR = ROOT / "spec" / "vectors"
SCHEMA = json.loads((VECTOR_DIR / "schema.json").read_text(encoding="utf-8"))


def load(names):
    """(files, vectors, solved, invalid) of the committed files ``names``: each file parsed,
    and its vectors as the runner loads them, all, the solvable ones and the invalid ones."""
    files = {name: json.loads((VECTOR_DIR / name).read_text(encoding="utf-8"))
             for name in sorted(names)}
    vectors = [v for v in vector_file.load_vectors(VECTOR_DIR) if v.file in files]
    return (files, vectors, [v for v in vectors if v.result != "invalid"],
            [v for v in vectors if v.result == "invalid"])


def q(values):
    return [Fraction(v) for v in values]


def data(vector):
    """The group's X and y, exactly."""
    return [q(row) for row in vector.group["X"]], q(vector.group["y"])


def find(vectors, key):
    return next(v for v in vectors if v.key == key)


# --------------------------------------------------------------------------- the files


def assert_schema_valid(document):
    assert schema_check.errors(document, SCHEMA) == []
    try:
        import jsonschema
    except ImportError:  # not a project dependency; the small validator above is the gate
        return
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(document)) == []


def schema_errors_with_a_broken_test(document, breaks):
    """The schema errors, as one text, of a copy of ``document`` whose first test the
    function ``breaks`` has changed."""
    copy = json.loads(json.dumps(document))
    breaks(copy["testGroups"][0]["tests"][0])
    return "\n".join(schema_check.errors(copy, SCHEMA))


def _exact_and_float(node):
    """(key, exact value, float value) for every key of ``node`` that has a key + "Float"."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key + "Float" in node:
                yield key, value, node[key + "Float"]
            yield from _exact_and_float(value)
    elif isinstance(node, list):
        for item in node:
            yield from _exact_and_float(item)


def _entries(exact, approx):
    """The scalar entries of an exact value and its float, which have the same shape."""
    if isinstance(exact, list):
        assert isinstance(approx, list) and len(approx) == len(exact)
        for e, a in zip(exact, approx):
            yield from _entries(e, a)
    else:
        assert not isinstance(approx, list)
        yield exact, approx


def count_canonical_exact_strings(documents, nullable=()):
    """Check that every exact string of the groups is canonical (lowest terms, no "/1") and
    that its float is the nearest binary64; how many there are.  Only the keys ``nullable``
    may be null, with their float."""
    count = 0
    for document in documents:
        for key, exact, approx in _exact_and_float(document["testGroups"]):
            for e, a in _entries(exact, approx):
                if e is None and key in nullable:
                    assert a is None
                    continue
                assert str(Fraction(e)) == e  # lowest terms, no "/1"
                assert float(Fraction(e)) == a  # the nearest binary64
                count += 1
    return count


def assert_notes_ids_and_clauses(files, vectors):
    """Each file notes exactly the flags it uses, counts its tests and numbers them 1, 2, ...
    in order; every test cites spec clauses, and no two share a key."""
    for name, document in files.items():
        mine = [v for v in vectors if v.file == name]
        used = {f for v in mine for f in v.flags}
        assert set(document["notes"]) == used, name
        assert all(document["notes"][f] for f in used)
        assert document["numberOfTests"] == len(mine)
        assert [v.tc_id for v in mine] == list(range(1, len(mine) + 1))
    for vector in vectors:
        assert vector.test["clauses"] and set(vector.test["clauses"]) <= set(BY_ID)
    keys = [v.key for v in vectors]
    assert len(keys) == len(set(keys))


def assert_rejected_by_the_reference(vector):
    with pytest.raises(ProblemError):
        Problem.from_json(vector.test["problem"])


# --------------------------------------------------------------------------- one answer


def assert_fields_of(vector, X, y, w, b=None):
    """The fields an expected answer re-derives from w (and b): the fitted values b + Xw,
    the support, the group's λ_max (of X and y, without options) and its shape."""
    expected, group = vector.test["expected"], vector.group
    assert q(expected["fitted"]) == [(b or 0) + sum(a * c for a, c in zip(row, w)) for row in X]
    assert expected["support"] == ["+" if v > 0 else "-" if v < 0 else "0" for v in w]
    assert Fraction(group["lambdaMax"]) == max(
        abs(sum(row[j] * yi for row, yi in zip(X, y))) for j in range(len(w)))
    assert (group["n"], group["p"]) == (len(X), len(w)) and all(len(r) == len(w) for r in X)


def assert_binary64(numbers):
    """Every input is exactly a binary64 number, so a float port solves this very problem."""
    for value in numbers:
        assert Fraction(float(value)) == value


def assert_result(vector, unique):
    """valid exactly when the minimiser is unique, acceptable (flag NonUnique) otherwise."""
    assert (vector.result == "valid") == unique
    assert ("NonUnique" in vector.flags) == (vector.result == "acceptable")


def path_lambdas(vector):
    """The λ of the stored path's knots: as many as "knots" says, non-increasing."""
    path = vector.test["expected"]["path"]
    assert vector.test["expected"]["knots"] == len(path)
    lams = [Fraction(k["lambda"]) for k in path]
    assert all(a >= b for a, b in pairwise(lams))
    return lams
