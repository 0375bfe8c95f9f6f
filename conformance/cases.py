"""The notes' worked example and the edge-case pack: exact problems with a stated purpose.

Every entry is exactly representable in float64 (integers and dyadic fractions),
so the problem an implementation receives is exactly the problem listed, except
where a case says otherwise (λ just below λ_max is the next double down).

``kind(problem)`` names the problem class an implementation may declare it does
not support: ``least_squares`` (λ₁ = λ₂ = 0), ``ridge`` (λ₁ = 0 < λ₂),
``lasso`` (λ₂ = 0 < λ₁), ``elastic_net`` (both > 0).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from lasso_spec.reference import Problem, lambda_max

KINDS = ("lasso", "elastic_net", "ridge", "least_squares")


def kind(problem):
    """The problem class: lasso, elastic_net, ridge or least_squares."""
    if problem.l1 > 0:
        return "elastic_net" if problem.l2 > 0 else "lasso"
    return "ridge" if problem.l2 > 0 else "least_squares"


@dataclass(frozen=True)
class Case:
    """An edge case: check ID, problem, why it is here, and a closed form where one is known."""

    id: str
    problem: Problem
    why: str
    closed_form: tuple | None = None
    clauses: tuple = ()


def _p(X, y, l1, l2=0):
    return Problem(X=X, y=y, l1=l1, l2=l2)


def _scaled(problem, factor):
    """The same data with λ₁ = factor·λ_max."""
    return _p(problem.X, problem.y, lambda_max(problem.X, problem.y) * factor, problem.l2)


def _soft(z, t):
    return z - t if z > t else z + t if z < -t else Fraction(0)


def _orthogonal_closed_form(problem):
    """w_j = S(x_jᵀy, λ₁)/(‖x_j‖² + 2λ₂) when the columns are orthogonal (spec CD-UPDATE)."""
    p = len(problem.X[0])
    cols = [[row[j] for row in problem.X] for j in range(p)]
    return tuple(
        _soft(sum(a * b for a, b in zip(col, problem.y)), problem.l1)
        / (sum(a * a for a in col) + 2 * problem.l2)
        for col in cols
    )


WORKED = _p([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1)
_GENERIC = _p(
    [[1, 2, -1], [2, -1, 0], [0, 1, 3], [1, 1, 1], [-2, 0, 1]], [4, 1, -2, 3, 0], 0
)
_ORTHOGONAL = _p([[2, 0, 0], [0, -1, 0], [0, 0, 3], [0, 0, 0]], [5, 3, -1, 2], Fraction(3, 2))
_ORTHOGONAL_ENET = _p(_ORTHOGONAL.X, _ORTHOGONAL.y, Fraction(3, 2), Fraction(1, 4))
_AT_MAX = _scaled(_GENERIC, 1)
_BELOW = Problem(
    X=_GENERIC.X, y=_GENERIC.y, l1=math.nextafter(float(_AT_MAX.l1), 0.0), l2=0
)


CASES = (
    Case("worked-example", WORKED, "the notes' worked example: w* = (5/3, 2/3)",
         (Fraction(5, 3), Fraction(2, 3)), ("OBJECTIVE", "KKT-NONZERO")),
    Case("edge/at-knot", _p(WORKED.X, WORKED.y, 3), "λ exactly at a path knot: w_2 = 0 with "
         "zero slack (|c_2| = λ₁)", (Fraction(1), Fraction(0)), ("KKT-ZERO",)),
    Case("edge/zero-column", _scaled(_p([[1, 0, 2], [2, 0, -1], [0, 0, 1], [1, 0, 1]],
         [3, 1, -2, 2], 0), Fraction(1, 4)), "a zero column (x_jᵀx_j = 0: the update divides "
         "by zero)", clauses=("CD-UPDATE",)),
    Case("edge/duplicate-columns", _scaled(_p([[1, 1, 2], [2, 2, -1], [0, 0, 1], [1, 1, 0]],
         [3, 4, -1, 2], 0), Fraction(1, 5)), "duplicate columns: the minimiser is not unique",
         clauses=("KKT-NONZERO",)),
    Case("edge/duplicate-columns-elastic-net", _p([[1, 1, 2], [2, 2, -1], [0, 0, 1], [1, 1, 0]],
         [3, 4, -1, 2], 2, Fraction(1, 2)), "duplicate columns with λ₂ > 0: unique, split evenly"),
    Case("edge/y-zero", _p(_GENERIC.X, [0, 0, 0, 0, 0], 1), "y = 0: w* = 0, F* = 0",
         (Fraction(0),) * 3, ("LAMBDA-MAX",)),
    Case("edge/above-lambda-max", _scaled(_GENERIC, 2), "λ₁ = 2λ_max: w* = 0 with slack",
         (Fraction(0),) * 3, ("LAMBDA-MAX",)),
    Case("edge/at-lambda-max", _AT_MAX, "λ₁ = λ_max exactly: w* = 0, one coordinate with zero "
         "slack", (Fraction(0),) * 3, ("LAMBDA-MAX",)),
    Case("edge/just-below-lambda-max", _BELOW, "λ₁ one double below λ_max: one tiny nonzero "
         "coefficient", clauses=("LAMBDA-MAX",)),
    Case("edge/below-lambda-max", _scaled(_GENERIC, Fraction(1023, 1024)), "λ₁ = (1 − 2⁻¹⁰)λ_max: "
         "the first coefficient has just entered", clauses=("LAMBDA-MAX",)),
    Case("edge/wide", _scaled(_p([[1, 2, -1, 0, 3, 1], [0, 1, 2, -2, 1, 1],
         [2, -1, 1, 1, 0, -1]], [3, -1, 2], 0), Fraction(1, 8)), "n < p (3 × 6): at most n "
         "nonzeros in a vertex solution"),
    Case("edge/orthogonal", _ORTHOGONAL, "orthogonal design: w_j = S(x_jᵀy, λ₁)/‖x_j‖²",
         _orthogonal_closed_form(_ORTHOGONAL), ("SOFT-THRESHOLD", "CD-UPDATE")),
    Case("edge/orthogonal-elastic-net", _ORTHOGONAL_ENET, "orthogonal design, λ₂ > 0: "
         "w_j = S(x_jᵀy, λ₁)/(‖x_j‖² + 2λ₂)", _orthogonal_closed_form(_ORTHOGONAL_ENET),
         ("CD-UPDATE",)),
    Case("edge/pure-ridge", _p(_GENERIC.X, _GENERIC.y, 0, Fraction(1, 2)), "λ₁ = 0 < λ₂: "
         "w* = (XᵀX + 2λ₂I)⁻¹Xᵀy", clauses=("KKT-RIDGE",)),
    Case("edge/ridge-wide", _p([[1, 2, -1, 0], [0, 1, 2, -2]], [3, -1], 0, Fraction(1, 4)),
         "λ₁ = 0 < λ₂ with n < p", clauses=("KKT-RIDGE",)),
    Case("edge/ridge-exact-zero", _p([[1, 0], [0, 1], [0, 0]], [2, 0, 5], 0, Fraction(1, 2)),
         "λ₁ = 0 < λ₂ and x_2ᵀy = 0: an exact Ridge zero (no dead zone, but zeros exist)",
         (Fraction(1), Fraction(0)), ("RIDGE-NO-DEAD-ZONE",)),
    Case("edge/least-squares", _GENERIC, "λ₁ = λ₂ = 0, full column rank: ordinary least "
         "squares"),
    Case("edge/least-squares-rank-deficient", _p([[1, 1, 2], [2, 2, -1], [0, 0, 1], [1, 1, 0]],
         [3, 4, -1, 2], 0), "λ₁ = λ₂ = 0 with duplicate columns: many minimisers, one fit"),
    Case("edge/badly-scaled", _scaled(_p([[2**10, Fraction(1, 2**10), 1], [-2**10,
         Fraction(3, 2**10), 2], [2**11, 0, -1], [0, Fraction(-1, 2**10), 1]], [1, 2, -3, 1], 0),
         Fraction(1, 6)), "columns scaled by 2¹⁰ and 2⁻¹⁰"),
    Case("edge/correlated-elastic-net", _p([[1, Fraction(9, 8)], [2, 2], [-1, -1], [1, 1]],
         [3, 4, -2, 2], Fraction(1, 2), Fraction(1, 8)), "two nearly identical columns, λ₂ > 0"),
    Case("edge/one-by-one", _p([[3]], [2], 1), "n = p = 1: w* = S(6, 1)/9 = 5/9",
         (Fraction(5, 9),), ("SOFT-THRESHOLD",)),
)

#: The curated corpus of known-hard problems (corpus.json), appended to the cases.
CORPUS_PATH = Path(__file__).with_name("corpus.json")


def _corpus():
    data = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
    return tuple(
        Case(f"corpus/{entry['id']}", Problem.from_json(entry["problem"]), entry["why"])
        for entry in data["problems"]
    )


CASES = (*CASES, *_corpus())

BY_ID = {case.id: case for case in CASES}
