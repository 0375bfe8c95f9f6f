"""The process protocol: an implementation in any language, spoken to over a pipe.

A *port* is any command that reads problems from stdin, one JSON object per
line, and writes exactly one JSON line per problem to stdout, in order,
flushing after each, until stdin closes::

    → {"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1, "l2": 0}
    ← {"w": [1.6666666666666667, 0.6666666666666666]}
    → {"X": [[1]], "y": [1], "l1": -1, "l2": 0}
    ← {"error": "l1 must be >= 0, got -1"}

Problem lines have the keys X (a list of n rows of p numbers), y (n numbers),
l1 and l2 (numbers >= 0; l2 may be omitted and then means 0); the port minimises
F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² (spec OBJECTIVE).  The options of spec
OPTIONS-OBJECTIVE are optional keys, sent only to a port that declares them and only
when not at their default: ``fit_intercept`` and ``positive`` (booleans),
``sample_weight`` (n numbers) and ``penalty_factor`` (p numbers); with
``fit_intercept`` the reply carries ``"intercept"`` (a number) beside ``"w"``.
A number is a JSON number or an exact string "p/q" (or "p"); non-finite
values, which JSON cannot carry, are sent as the strings "NaN", "Infinity" and
"-Infinity", and a port must reject them.  A reply is an object with exactly
one of ``"w"`` (p numbers, JSON numbers or "p/q" strings) or ``"error"`` (a
string), plus optionally ``"info"`` (any JSON, for diagnostics; ignored).

One optional request lets a port describe itself::

    → {"capabilities": true}
    ← {"name": "lasso_cd.js", "version": "1.0.0",
       "capabilities": {"least_squares": false, "exact_zeros": true},
       "relative_gap": 1e-10, "reasons": {"least_squares": "why not"}}

All keys are optional.  ``capabilities`` maps the conformance suite's names
(``lasso``, ``elastic_net``, ``ridge``, ``least_squares`` — the problem kinds —
and ``exact_zeros``) to booleans; kinds not listed are supported, exact zeros
are not promised unless listed.  ``relative_gap`` is the port's own statement of its
accuracy, (F(w) − F*)/S with S the gate's objective scale (0, the default, means exact
answers); it never sets the accuracy demanded, which is the suite's (``--gap-rtol``): a
coarser declared value is a declared limitation, reported as LIMITED, never a pass
(porting/run_vectors.py).  ``reasons`` says why a kind is declined.  A port that does not
implement the request simply answers ``{"error": ...}`` (as it must for any
line that is not a problem); it is then named by its command, its version is
"unknown", and it declares nothing.

This module holds the wire format: how a problem line is encoded, how a reply's numbers are
parsed (bounded: see :mod:`process_impl`), and the error a broken reply raises.
"""


from __future__ import annotations

import json
import math
from fractions import Fraction
from numbers import Integral, Real

from lasso_spec.reference import ProblemError, parse_number

FLOAT_MAX = Fraction(1.7976931348623157e308)

__all__ = ["DESCRIBE", "MALFORMED", "ImplementationError", "encode_problem"]

NUMBER_STRING = "a JSON number or a \"p/q\" string"
_SHOW = 600  # characters of a problem line quoted in an error message
MALFORMED = "wrong: malformed reply (the port broke the protocol)"
DESCRIBE = {"capabilities": True}  # the optional self-description request


class ImplementationError(Exception):
    """The process did not answer a request correctly (crash, hang, malformed reply, ...).

    ``triage`` is the one-line label of the failure for the verdict.
    """

    def __init__(self, message, triage=MALFORMED):
        super().__init__(message)
        self.triage = triage


def _encode_number(value):
    """A JSON-ready number: ints stay ints, Fractions become "p/q", floats stay floats."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value  # sent as is: the port must reject what is not a number
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        value = float(value)
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    return value


def _encode(value):
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return _encode_number(value)


def encode_problem(X, y, l1, l2=0, **options):
    """The problem object sent on one line (numbers encoded as described in the module doc);
    non-default options are optional keys (booleans, or lists of numbers)."""
    line = {"X": _encode(X), "y": _encode(y), "l1": _encode(l1), "l2": _encode(l2)}
    for key, value in options.items():
        line[key] = value if isinstance(value, bool) else _encode(value)
    return line


def parse_coefficient(value, j):
    """An exact Fraction from a reply entry; ProblemError saying why when it is not one."""
    name = "intercept" if j is None else f"w[{j}]"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ProblemError(f"{name} must be {NUMBER_STRING}, got {str(value)[:80]!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ProblemError(f"{name} must be finite, got {value!r} (a JSON number beyond "
                           "float64 reads as infinite)")
    return parse_number(value, name)


def describe_problem(problem):
    """A short description of a problem for error messages: shape, penalties, and the line."""
    text = json.dumps(problem)
    if len(text) > _SHOW:
        text = text[:_SHOW] + f"... ({len(text)} characters)"
    shape = ""
    if isinstance(problem, dict) and isinstance(problem.get("X"), list):
        X = problem["X"]
        p = len(X[0]) if X and isinstance(X[0], list) else "?"
        shape = f"n={len(X)}, p={p}, l1={problem.get('l1')!r}, l2={problem.get('l2', 0)!r}; "
    return f"{shape}line: {text}"

