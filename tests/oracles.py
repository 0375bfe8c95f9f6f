"""Independent exact oracles for the tests: written without reference/'s own helpers.

``kkt_holds``         the KKT conditions of F, checked coordinate by coordinate
``brute_force``       every vertex candidate (support S, signs s_S) of a small problem
``determinant``       of a square matrix, exactly (elimination on Fractions)
"""

from fractions import Fraction
from itertools import combinations, product


def _solve(A, b):
    """Gauss–Jordan on Fractions; None when A is singular."""
    n = len(A)
    M = [[Fraction(v) for v in A[i]] + [Fraction(b[i])] for i in range(n)]
    for k in range(n):
        rows = [i for i in range(k, n) if M[i][k] != 0]
        if not rows:
            return None
        M[k], M[rows[0]] = M[rows[0]], M[k]
        M[k] = [v / M[k][k] for v in M[k]]
        for i in range(n):
            if i != k:
                M[i] = [a - M[i][k] * bk for a, bk in zip(M[i], M[k])]
    return [M[i][n] for i in range(n)]


def correlations(problem, w):
    """c_j = x_jᵀ(y − Xw) − 2λ₂w_j."""
    X, y = problem.X, problem.y
    r = [yi - sum(a * b for a, b in zip(row, w)) for row, yi in zip(X, y)]
    return [
        sum(row[j] * ri for row, ri in zip(X, r)) - 2 * problem.l2 * w[j] for j in range(len(w))
    ]


def kkt_holds(problem, w, l1=None):
    """|c_j| ≤ λ₁ where w_j = 0 and c_j = λ₁·sign(w_j) where w_j ≠ 0, exactly."""
    l1 = problem.l1 if l1 is None else l1
    for wj, cj in zip(w, correlations(problem, w)):
        if wj == 0 and not abs(cj) <= l1:
            return False
        if wj != 0 and cj != (l1 if wj > 0 else -l1):
            return False
    return True


def objective(problem, w):
    X, y = problem.X, problem.y
    r = [yi - sum(a * b for a, b in zip(row, w)) for row, yi in zip(X, y)]
    return (
        sum(v * v for v in r) / 2
        + problem.l1 * sum(abs(v) for v in w)
        + problem.l2 * sum(v * v for v in w)
    )


def brute_force(problem):
    """All optimal vertex solutions, by enumerating supports S and signs s_S.

    On a support S with signs s the stationarity condition is
    (X_SᵀX_S + 2λ₂I) w_S = X_Sᵀy − λ₁s_S; a candidate counts when its signs
    are s (strictly) and the full KKT conditions hold.  Every vertex of the
    solution set has linearly independent support columns, so it is found.
    Returns (F*, set of optimal vertices).
    """
    X, y, l1, l2 = problem.X, problem.y, problem.l1, problem.l2
    p = len(X[0])
    G = [
        [sum(r[i] * r[j] for r in X) + (2 * l2 if i == j else 0) for j in range(p)]
        for i in range(p)
    ]
    c = [sum(r[j] * yi for r, yi in zip(X, y)) for j in range(p)]
    optimal = set()
    for size in range(p + 1):
        for S in combinations(range(p), size):
            for signs in product((1, -1), repeat=size):
                wS = _solve(
                    [[G[i][j] for j in S] for i in S], [c[i] - l1 * s for i, s in zip(S, signs)]
                )
                if wS is None or any(v * s <= 0 for v, s in zip(wS, signs)):
                    continue
                w = [Fraction(0)] * p
                for j, v in zip(S, wS):
                    w[j] = v
                if kkt_holds(problem, w):
                    optimal.add(tuple(w))
    values = {objective(problem, w) for w in optimal}
    assert len(values) == 1, "all optimal vertices must share one objective value"
    return values.pop(), optimal


def determinant(A):
    """det A, exactly: elimination on Fractions (0 when a column has no pivot)."""
    n, M, det = len(A), [list(map(Fraction, row)) for row in A], Fraction(1)
    for k in range(n):
        pivot = next((i for i in range(k, n) if M[i][k] != 0), None)
        if pivot is None:
            return Fraction(0)
        M[k], M[pivot] = M[pivot], M[k]
        det *= M[k][k]
        for i in range(k + 1, n):
            M[i] = [a - M[i][k] / M[k][k] * e for a, e in zip(M[i], M[k])]
    return det
