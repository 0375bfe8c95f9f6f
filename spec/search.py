"""Exhaustive searches for the counterexamples of the claims ledger.

Every search enumerates small integer data in a fixed order — by shape
(p, then n), then by the largest absolute entry, then by the sum of absolute
entries, then lexicographically — and returns the first case satisfying its
predicate, decided with the exact oracle in ``spec.exact``.  The first hit is
therefore minimal in that order.  ``python -m lasso_spec.spec.search`` re-runs
every search and rewrites ``spec/counterexamples.json``; the tests re-run them
and compare with the stored file.  What each search looks for (its predicate,
the claim's negation) is in ``spec.search_predicates``.
"""

from __future__ import annotations

import itertools
import json
import sys
from fractions import Fraction
from pathlib import Path

from . import exact as E
from .search_predicates import (
    HALF,
    cd_leaves_wall,
    corner_fraction,
    correlated_both_survive,
    data_gradient_sign,
    full_residual_update,
    kill_converse,
    l2_grows_coefficient,
    l2_revives_zero,
    nnz_not_monotone,
    nondifferentiable_optimum,
    not_soft_thresholding,
    ols_inside_diamond,
    ols_zero_lasso_nonzero,
    rarely_at_corner,
    ridge_grows_a_coordinate,
    ridge_zero,
    soft_threshold_without_norm,
    stronger_feature_dropped,
    threshold_without_unit_norm,
)

STORE = Path(__file__).with_name("counterexamples.json")


def _cells(count: int, bound: int):
    """Integer tuples of this length with max |entry| == bound, smallest |.|-sum first."""
    values = range(-bound, bound + 1)
    cells = [
        c for c in itertools.product(values, repeat=count) if max(map(abs, c), default=0) == bound
    ]
    return sorted(cells, key=lambda c: (sum(map(abs, c)), [(abs(v), v < 0) for v in c]))


def instances(shapes, max_bound: int, binary_x: bool = False, x_denominator: int = 1):
    """(X, y) for each shape (n, p), in the search order described in the module docstring.

    With binary_x, X ranges over {0, 1}^(n x p) only (a smaller, restricted search); with
    x_denominator d the entries of X are the enumerated integers divided by d.
    """
    for n, p in shapes:
        for bound in range(1, max_bound + 1):
            for cells in _cells(n * p + n, bound):
                if binary_x and any(v not in (0, 1) for v in cells[: n * p]):
                    continue
                X = tuple(
                    tuple(Fraction(v, x_denominator) for v in cells[i * p : (i + 1) * p])
                    for i in range(n)
                )
                y = tuple(Fraction(v) for v in cells[n * p :])
                yield X, y


def nondegenerate(X, y) -> bool:
    """y != 0, no zero column, and X of full column rank (so the Lasso solution is unique)."""
    p = len(X[0])
    return any(y) and all(any(E.column(X, j)) for j in range(p)) and E.full_column_rank(X)


def first(shapes, max_bound, predicate, binary_x=False, x_denominator=1):
    """The first nondegenerate instance (X, y) with predicate(X, y) truthy, and its witness."""
    for X, y in instances(shapes, max_bound, binary_x, x_denominator):
        if nondegenerate(X, y):
            witness = predicate(X, y)
            if witness is not None:
                return X, y, witness
    raise LookupError("no counterexample in the searched range")


def corner_census(bound=1, ybound=2):
    """Exact corner fractions over nondegenerate 2x2 X in [-bound, bound], y in [-ybound, ybound].

    Returns (number of data sets, mean fraction, min fraction, number with fraction <= 1/2).
    """
    values = range(-bound, bound + 1)
    yvalues = range(-ybound, ybound + 1)
    fractions = []
    for cells in itertools.product(values, repeat=4):
        X = E.as_matrix((cells[:2], cells[2:]))
        for y in itertools.product(yvalues, repeat=2):
            y = E.as_vector(y)
            if nondegenerate(X, y):
                fractions.append(corner_fraction(X, y))
    count = len(fractions)
    return {
        "data_sets": count,
        "mean": sum(fractions, Fraction(0)) / count,
        "min": min(fractions),
        "at_most_half": sum(f <= HALF for f in fractions),
    }


# --- the searches of the ledger -------------------------------------------------------------

P1 = [(1, 1), (2, 1), (3, 1)]
P2 = [(2, 2), (3, 2)]
P3 = [(3, 3)]

SEARCHES = {  # name: (shapes, largest |entry|, predicate[, X restricted to {0, 1}[, X denom]])
    "ridge-zero": (P1 + P2, 2, ridge_zero),
    "ridge-zero-correlated": (P2, 2, lambda X, y: ridge_zero(X, y, require_correlated=True)),
    "soft-threshold-unit-norm": (P1, 3, soft_threshold_without_norm),
    "kill-converse": (P1 + P2, 3, kill_converse),
    "nondifferentiable-optimum": (P1 + P2, 3, nondifferentiable_optimum),
    "cd-leaves-wall": (P2, 2, cd_leaves_wall),
    "nnz-not-monotone": (P2 + P3, 2, nnz_not_monotone),
    "stronger-feature-dropped": (P2 + P3, 1, stronger_feature_dropped, True),
    "ridge-grows-coordinate": (P2, 2, ridge_grows_a_coordinate),
    "rarely-at-corner": (P2, 3, rarely_at_corner),
    "threshold-without-unit-norm": (P1, 2, threshold_without_unit_norm, False, 2),
    "l2-revives-zero": (P2, 2, l2_revives_zero),
    "l2-grows-coefficient": (P2, 2, l2_grows_coefficient),
    "full-residual-update": (P1 + P2, 2, full_residual_update),
    "ols-zero-lasso-nonzero": (P2, 2, ols_zero_lasso_nonzero),
    "not-soft-thresholding": (P2, 2, not_soft_thresholding),
    "data-gradient-sign": (P1, 1, data_gradient_sign),
    "correlated-both-survive": (P2, 2, correlated_both_survive),
    "ols-inside-diamond": (P2, 2, ols_inside_diamond),
}


def run(name: str):
    """Run one search; the result as exact data (X, y, witness)."""
    shapes, bound, predicate, *binary = SEARCHES[name]
    X, y, witness = first(shapes, bound, predicate, *binary)
    return {"X": X, "y": y, **witness}


def _encode(value):
    """Fractions as strings 'a/b', tuples as lists (JSON)."""
    if isinstance(value, (Fraction, int)) and not isinstance(value, bool):
        return str(Fraction(value))
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def encode(results) -> str:
    """The JSON text stored in counterexamples.json (sorted keys, stable layout)."""
    return json.dumps(_encode(results), indent=1, sort_keys=True) + "\n"


def run_all() -> dict:
    """Every search, plus the corner census."""
    return {**{name: run(name) for name in SEARCHES}, "corner-census": corner_census()}


def _decode(value):
    if isinstance(value, str) and value.lstrip("-").replace("/", "").isdigit():
        return Fraction(value)
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def load() -> dict:
    """The stored counterexamples, with exact Fractions."""
    return _decode(json.loads(STORE.read_text()))


def main(argv=None) -> int:
    """Re-run every search; write the store (or with --check, compare with it)."""
    argv = sys.argv[1:] if argv is None else argv
    text = encode(run_all())
    if "--check" in argv:
        same = STORE.read_text() == text
        print("counterexamples.json is up to date" if same else "counterexamples.json differs")
        return 0 if same else 1
    STORE.write_text(text)
    print(f"wrote {STORE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
