"""Small exact linear-algebra helpers on lists of Fractions (or ints).

Nothing here knows about regression; these are the building blocks the
solvers read like equations: ``dot``, ``gram`` (XᵀX), ``xt_times`` (Xᵀv),
``solve_linear`` (Gaussian elimination) and ``nonnegative_solution_exists``
(phase one of the simplex method, used to decide uniqueness exactly).
"""

from fractions import Fraction
from math import lcm

__all__ = [
    "column",
    "dot",
    "gram",
    "integer_scale",
    "is_nonsingular",
    "mat_vec",
    "nonnegative_solution_exists",
    "projection_norm_sq",
    "solve_linear",
    "xt_times",
]


def dot(u, v):
    """uᵀv."""
    return sum((a * b for a, b in zip(u, v, strict=True)), Fraction(0))


def column(X, j):
    """The j-th column x_j of X (a list of rows)."""
    return [row[j] for row in X]


def mat_vec(X, v):
    """Xv, computed on integers after clearing denominators (one Fraction per row).

    >>> mat_vec([[1, Fraction(1, 2)], [0, 3]], [Fraction(2, 3), 4])
    [Fraction(8, 3), Fraction(12, 1)]
    """
    Xi, L = _integers(X)
    vi, M = _integers([v])
    return [Fraction(sum(a * b for a, b in zip(row, vi[0], strict=True)), L * M) for row in Xi]


def xt_times(X, v):
    """Xᵀv, i.e. (x_jᵀv)_j, computed on integers after clearing denominators."""
    Xi, L = _integers(X)
    vi, M = _integers([v])
    return [
        Fraction(sum(row[j] * vk for row, vk in zip(Xi, vi[0], strict=True)), L * M)
        for j in range(len(X[0]))
    ]


def gram(X, shift=0):
    """XᵀX + shift·I, computed on integers after clearing denominators."""
    Xi, L = _integers(X)
    cols = list(zip(*Xi, strict=True))
    G = [
        [Fraction(sum(a * b for a, b in zip(u, v, strict=True)), L * L) for v in cols] for u in cols
    ]
    for j in range(len(G)):
        G[j][j] += shift
    return G


def _integers(X):
    """(K·X as integers, K) for the least K that clears every denominator of X."""
    fractions = [[v if type(v) is Fraction else Fraction(v) for v in row] for row in X]
    K = integer_scale(*(v for row in fractions for v in row))
    return [[v.numerator * (K // v.denominator) for v in row] for row in fractions], K


def integer_scale(*values):
    """The least positive integer K such that K·v is an integer for every v given.

    >>> integer_scale(Fraction(1, 2), Fraction(2, 3), 5)
    6
    """
    return lcm(1, *{v.denominator if type(v) is Fraction else Fraction(v).denominator
                     for v in values})  # distinct denominators: few for float data (2^k)


def solve_linear(A, b):
    """The solution x of A x = b for square nonsingular A, or None if A is singular.

    Plain Gaussian elimination with exact pivots (any nonzero pivot will do).

    >>> solve_linear([[2, 1], [1, 2]], [4, 3])
    [Fraction(5, 3), Fraction(2, 3)]
    >>> solve_linear([[1, 1], [1, 1]], [1, 1]) is None
    True
    """
    n = len(A)
    rows = [[Fraction(a) for a in A[i]] + [Fraction(b[i])] for i in range(n)]
    for k in range(n):
        pivot = next((i for i in range(k, n) if rows[i][k] != 0), None)
        if pivot is None:
            return None
        rows[k], rows[pivot] = rows[pivot], rows[k]
        for i in range(n):
            if i != k and rows[i][k] != 0:
                factor = rows[i][k] / rows[k][k]
                rows[i] = [a - factor * c for a, c in zip(rows[i], rows[k], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def is_nonsingular(A):
    """Whether the square rational matrix A is nonsingular (fraction-free Bareiss elimination).

    >>> is_nonsingular([[1, 2], [2, 4]]), is_nonsingular([[Fraction(1, 2), 1], [0, 1]])
    (False, True)
    """
    M, _ = _integers(A)
    n, previous = len(M), 1
    for k in range(n):
        pivot = next((i for i in range(k, n) if M[i][k] != 0), None)
        if pivot is None:
            return False
        M[k], M[pivot] = M[pivot], M[k]
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                M[i][j] = (M[i][j] * M[k][k] - M[i][k] * M[k][j]) // previous
        previous = M[k][k]
    return True


def projection_norm_sq(X, v):
    """‖P v‖², P the orthogonal projector onto the column space of X, exactly.

    With S a maximal set of independent columns (found greedily), P v = X_S z
    where X_SᵀX_S z = X_Sᵀv, and ‖P v‖² = zᵀX_Sᵀv.

    >>> projection_norm_sq([[1, 1], [0, 0], [1, 1]], [1, 2, 3])
    Fraction(8, 1)
    """
    G, b = gram(X), xt_times(X, v)
    S = []
    for j in range(len(G)):
        if is_nonsingular([[G[a][c] for c in [*S, j]] for a in [*S, j]]):
            S.append(j)
    z = solve_linear([[G[a][c] for c in S] for a in S], [b[a] for a in S]) if S else []
    return sum((zi * b[a] for zi, a in zip(z, S, strict=True)), Fraction(0))


def nonnegative_solution_exists(A, b):
    """Decide exactly whether A x = b has a solution with x ≥ 0.

    Phase one of the simplex method with Bland's rule (which cannot cycle):
    minimise the sum of artificial variables; the system is feasible exactly
    when that minimum is 0.

    >>> nonnegative_solution_exists([[1, -1]], [0])   # x = (1, 1) works
    True
    >>> nonnegative_solution_exists([[1, 1], [1, 1]], [1, -1])
    False
    """
    m, n = len(A), len(A[0])
    # Tableau rows [A | I | b] with b ≥ 0; columns n..n+m-1 are the artificials.
    tableau = []
    for i in range(m):
        sign = -1 if b[i] < 0 else 1
        unit = [Fraction(int(k == i)) for k in range(m)]
        tableau.append([sign * Fraction(a) for a in A[i]] + unit + [sign * Fraction(b[i])])
    basis = list(range(n, n + m))
    while True:
        # Reduced costs of the phase-one objective (sum of artificials).
        # c_k − Σ_i c_basis[i]·T[i][k], where c is 1 on artificials and 0 elsewhere.
        cost = [
            int(k >= n) - sum(row[k] for i, row in enumerate(tableau) if basis[i] >= n)
            for k in range(n + m)
        ]
        entering = next((k for k in range(n + m) if cost[k] < 0), None)
        if entering is None:
            return sum(row[-1] for i, row in enumerate(tableau) if basis[i] >= n) == 0
        ratios = [
            (row[-1] / row[entering], basis[i], i)
            for i, row in enumerate(tableau)
            if row[entering] > 0
        ]
        _, _, leave = min(ratios)  # ties broken by smallest basic index (Bland)
        pivot = tableau[leave][entering]
        tableau[leave] = [a / pivot for a in tableau[leave]]
        for i, row in enumerate(tableau):
            if i != leave and row[entering] != 0:
                factor = row[entering]
                tableau[i] = [a - factor * c for a, c in zip(row, tableau[leave], strict=True)]
        basis[leave] = entering
