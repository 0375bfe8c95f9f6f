"""Exact integer linear algebra for the refinement solver: FLINT when installed, else Python.

Every function takes and returns Python ints (lists of rows for matrices), so the
two back ends are interchangeable; ``fast=False`` forces the pure-Python one,
which is the readable definition.  Both return the same integers: a matrix
product is unique, ``solve`` returns the unique solution in lowest terms over a
common denominator, and ``independent`` the greedy (leftmost) basis of columns.
FLINT (python-flint's ``fmpz_mat``) is about 100× faster on realistic sizes:
the exact XᵀX of a 1000 × 500 float matrix takes 1 s instead of minutes.
"""

from fractions import Fraction
from math import lcm

from ._exact import solve_linear

try:
    import flint
except ImportError:  # the pure-Python path below gives identical results, only slower
    flint = None

__all__ = ["HAVE_FLINT", "independent", "matmul", "prepare", "solve", "transpose"]

HAVE_FLINT = flint is not None


def transpose(A):
    """Aᵀ (a list of rows)."""
    return [list(col) for col in zip(*A, strict=True)]


def prepare(A, fast=HAVE_FLINT):
    """A held for repeated products: an fmpz_mat (converted once) or the list itself."""
    return flint.fmpz_mat(A) if fast else A


def matmul(A, B, fast=HAVE_FLINT):
    """The integer product A·B (A a list of rows or ``prepare``-d; B a list of rows)."""
    if fast:
        left = A if isinstance(A, flint.fmpz_mat) else flint.fmpz_mat(A)
        return _rows(left * flint.fmpz_mat(B))
    columns = list(zip(*B, strict=True))
    return [[sum(a * b for a, b in zip(row, col, strict=True)) for col in columns] for row in A]


def solve(A, b, fast=HAVE_FLINT):
    """(u, D) with A·u = D·b, D > 0 the least common denominator of A⁻¹b; None if A is singular.

    >>> solve([[2, 1], [1, 3]], [1, 1], fast=False)
    ([2, 1], 5)
    """
    if fast:
        try:
            numer, denom = flint.fmpz_mat(A).solve(flint.fmpz_mat([[v] for v in b])).numer_denom()
        except ZeroDivisionError:  # FLINT's way of saying "singular matrix"
            return None
        return [int(row[0]) for row in _rows(numer)], int(denom)
    x = solve_linear(A, b)
    if x is None:
        return None
    D = lcm(*(v.denominator for v in x))
    return [int(v * D) for v in x], D


def independent(A, fast=HAVE_FLINT):
    """The positions of the leftmost linearly independent columns of the square matrix A.

    For A = X_BᵀX_B (the null spaces of A and X_B coincide) these are the columns
    of X_B that a greedy left-to-right choice keeps: the pivot columns of the
    row echelon form.

    >>> independent([[1, 2, 1], [2, 4, 0], [1, 2, 5]], fast=False)
    [0, 2]
    """
    if fast:
        reduced, _, rank = flint.fmpz_mat(A).rref()
        rows = _rows(reduced)[:rank]
    else:
        rows = _echelon(A)
    return [next(j for j, v in enumerate(row) if v != 0) for row in rows]


def _echelon(A):
    """The nonzero rows of a row echelon form of A (Gaussian elimination on Fractions)."""
    rows = [[Fraction(v) for v in row] for row in A]
    done = []
    for j in range(len(A[0]) if A else 0):
        pivot = next((row for row in rows if row[j] != 0), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        rows = [
            [a - row[j] / pivot[j] * b for a, b in zip(row, pivot, strict=True)] for row in rows
        ]
        done.append(pivot)
    return done


def _rows(M):
    """An fmpz_mat as a list of rows of Python ints."""
    entries = [int(v) for v in M.entries()]
    cols = M.ncols()
    return [entries[i * cols : (i + 1) * cols] for i in range(M.nrows())]
