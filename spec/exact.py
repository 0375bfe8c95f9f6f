"""An independent exact oracle for small problems, in rational arithmetic.

Nothing here imports ``reference/``: this is the spec's own solver, used to
compute the worked example and to search for counterexamples.  It is a brute
force over sign patterns, so it is meant for p <= 3.

Problem (OBJECTIVE): minimise F(w) = 1/2 ||y - Xw||^2 + l1 ||w||_1 + l2 ||w||^2.

Method: w is optimal iff the KKT conditions hold (F is convex, so they are
sufficient).  For a sign pattern sigma in {-1, 0, 1}^p with active set
A = {j : sigma_j != 0}, the KKT equalities on A are linear:
(X_A^T X_A + 2 l2 I) w_A = X_A^T y - l1 sigma_A.  A pattern is *valid* when
that solution has the signs sigma_A and every inactive j has |x_j^T r| <= l1.
There is always an optimal w whose active columns are linearly independent
(or l2 > 0), so enumerating the nonsingular patterns finds an optimum.

Matrices are tuples of rows; every number is a ``fractions.Fraction``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

Vector = tuple[Fraction, ...]
Matrix = tuple[Vector, ...]


def as_matrix(rows) -> Matrix:
    """Rows of numbers (int, str like '5/3', Fraction) as a Fraction matrix."""
    return tuple(tuple(Fraction(v) for v in row) for row in rows)


def as_vector(values) -> Vector:
    """A sequence of numbers as a Fraction vector."""
    return tuple(Fraction(v) for v in values)


def column(X: Matrix, j: int) -> Vector:
    """The j-th column x_j of X."""
    return tuple(row[j] for row in X)


def dot(a, b) -> Fraction:
    """a^T b, exactly."""
    return sum((u * v for u, v in zip(a, b, strict=True)), Fraction(0))


def matvec(X: Matrix, w) -> Vector:
    """Xw."""
    return tuple(dot(row, w) for row in X)


def residual(X: Matrix, y, w) -> Vector:
    """r = y - Xw."""
    return tuple(yi - fi for yi, fi in zip(y, matvec(X, w), strict=True))


def sign(v: Fraction) -> int:
    """sign(v) in {-1, 0, 1}."""
    return (v > 0) - (v < 0)


def objective(X: Matrix, y, w, l1, l2=0) -> Fraction:
    """F(w) = 1/2 ||y - Xw||^2 + l1 ||w||_1 + l2 ||w||_2^2 (OBJECTIVE)."""
    r = residual(X, y, w)
    return dot(r, r) / 2 + l1 * sum(abs(v) for v in w) + l2 * dot(w, w)


def correlations(X: Matrix, y, w, l2=0) -> Vector:
    """c_j = x_j^T r - 2 l2 w_j, minus the gradient of the smooth part of F."""
    r = residual(X, y, w)
    p = len(w)
    return tuple(dot(column(X, j), r) - 2 * l2 * w[j] for j in range(p))


def kkt_holds(X: Matrix, y, w, l1, l2=0) -> bool:
    """Exact KKT test: |c_j| <= l1 where w_j = 0, c_j = l1 sign(w_j) elsewhere."""
    c = correlations(X, y, w, l2)
    return all(
        abs(cj) <= l1 if wj == 0 else cj == l1 * sign(wj) for cj, wj in zip(c, w, strict=True)
    )


def solve_columns(A: Matrix, *rhs) -> tuple[Vector, ...] | None:
    """Solve A x = b for each right-hand side b by Gauss-Jordan elimination; None if singular."""
    n = len(A)
    M = [[*row, *(b[i] for b in rhs)] for i, row in enumerate(A)]
    for k in range(n):
        pivot = next((i for i in range(k, n) if M[i][k] != 0), None)
        if pivot is None:
            return None
        M[k], M[pivot] = M[pivot], M[k]
        for i in range(n):
            if i != k and M[i][k] != 0:
                f = M[i][k] / M[k][k]
                M[i] = [a - f * c for a, c in zip(M[i], M[k], strict=True)]
    return tuple(tuple(M[i][n + m] / M[i][i] for i in range(n)) for m in range(len(rhs)))


def solve_linear(A: Matrix, b) -> Vector | None:
    """Solve A x = b exactly; None when A is singular."""
    solved = solve_columns(A, b)
    return None if solved is None else solved[0]


def gram(X: Matrix, cols) -> Matrix:
    """X_A^T X_A for the columns A."""
    return tuple(tuple(dot(column(X, i), column(X, j)) for j in cols) for i in cols)


def sign_patterns(p: int):
    """All sigma in {-1, 0, 1}^p, sparsest first (a fixed, deterministic order)."""
    patterns = itertools.product((0, 1, -1), repeat=p)
    return sorted(patterns, key=lambda s: sum(v != 0 for v in s))


def pattern_affine(X: Matrix, y, sigma, l2=0):
    """w(l1) = u - l1 v on the pattern sigma, or None when the system is singular.

    From (X_A^T X_A + 2 l2 I) w_A = X_A^T y - l1 sigma_A, w is affine in l1.
    """
    active = [j for j, s in enumerate(sigma) if s]
    p = len(sigma)
    G = gram(X, active)
    G = tuple(
        tuple(g + (2 * l2 if i == k else 0) for k, g in enumerate(row)) for i, row in enumerate(G)
    )
    rhs = [dot(column(X, j), y) for j in active]
    solved = solve_columns(G, rhs, [Fraction(sigma[j]) for j in active]) if active else ((), ())
    if solved is None:
        return None
    u_a, v_a = solved
    u = [Fraction(0)] * p
    v = [Fraction(0)] * p
    for k, j in enumerate(active):
        u[j], v[j] = u_a[k], v_a[k]
    return tuple(u), tuple(v)


def pattern_solution(X: Matrix, y, sigma, l1, l2=0) -> Vector | None:
    """The KKT point with sign pattern sigma at this l1, if the pattern is valid."""
    affine = pattern_affine(X, y, sigma, l2)
    if affine is None:
        return None
    u, v = affine
    w = tuple(ui - l1 * vi for ui, vi in zip(u, v, strict=True))
    if any(sign(wj) != s for wj, s in zip(w, sigma, strict=True)):
        return None
    return w if kkt_holds(X, y, w, l1, l2) else None


def solve(X, y, l1, l2=0) -> Vector:
    """A minimiser of F, exactly (the unique one when X has full column rank or l2 > 0)."""
    X, y, l1, l2 = as_matrix(X), as_vector(y), Fraction(l1), Fraction(l2)
    for sigma in sign_patterns(len(X[0])):
        w = pattern_solution(X, y, sigma, l1, l2)
        if w is not None:
            return w
    raise ArithmeticError("no valid sign pattern: this cannot happen for l1 >= 0")


def lambda_max(X, y) -> Fraction:
    """max_j |x_j^T y|: the smallest l1 for which w = 0 is optimal (LAMBDA-MAX)."""
    X, y = as_matrix(X), as_vector(y)
    return max(abs(dot(column(X, j), y)) for j in range(len(X[0])))


def full_column_rank(X) -> bool:
    """True when X^T X is nonsingular."""
    X = as_matrix(X)
    p = len(X[0])
    return solve_linear(gram(X, range(p)), [Fraction(0)] * p) is not None


@dataclass(frozen=True)
class Knot:
    """A point of the solution path: at l1 = lam the solution is w."""

    lam: Fraction
    w: Vector


def _pattern_interval(X, y, sigma, l2, affine):
    """The closed l1-interval [lo, hi] (hi may be None = infinity) where sigma is valid.

    Validity is a set of linear inequalities in l1: sign conditions on
    w(l1) = u - l1 v and |x_j^T r(l1)| <= l1 for inactive j.  We return the
    closure of the solution set, or None when it is empty or a single point.
    """
    u, v = affine
    lo, hi = Fraction(0), None
    constraints = []  # each (a, b) means a + b * l1 >= 0 (closure of the strict ones)
    for j, s in enumerate(sigma):
        if s:
            constraints.append((s * u[j], -s * v[j]))
    r_u = residual(X, y, u)
    r_v = matvec(X, v)  # r(l1) = r_u + l1 * X v
    for j, s in enumerate(sigma):
        if not s:
            xj = column(X, j)
            cu, cv = dot(xj, r_u), dot(xj, r_v)  # c_j(l1) = cu + l1 cv
            constraints.append((-cu, 1 - cv))  # l1 - c_j >= 0
            constraints.append((cu, 1 + cv))  # l1 + c_j >= 0
    for a, b in constraints:
        if b > 0:
            lo = max(lo, -a / b)
        elif b < 0:
            hi = -a / b if hi is None else min(hi, -a / b)
        elif a < 0:
            return None
    if hi is not None and hi <= lo:
        return None
    return lo, hi


def lasso_path(X, y, l2=0) -> tuple[Knot, ...]:
    """The exact solution path l1 -> w*(l1) for full-column-rank X (or l2 > 0).

    The solution is unique and piecewise affine in l1; each valid sign pattern
    owns an interval of l1 on which w*(l1) = u - l1 v.  The knots are the
    interval end points, from the largest (lambda_max, where w* = 0) down to
    l1 = 0, each with its exact w*.
    """
    X, y, l2 = as_matrix(X), as_vector(y), Fraction(l2)
    at = {}
    for sigma in sign_patterns(len(X[0])):
        affine = pattern_affine(X, y, sigma, l2)
        interval = None if affine is None else _pattern_interval(X, y, sigma, l2, affine)
        if interval is None:
            continue
        u, v = affine
        for lam in interval:
            if lam is not None:
                at[lam] = tuple(ui - lam * vi for ui, vi in zip(u, v, strict=True))
    return tuple(Knot(lam, at[lam]) for lam in sorted(at, reverse=True))


def path_solution(knots: tuple[Knot, ...], lam: Fraction) -> Vector:
    """w*(lam) by linear interpolation between the knots (w* is affine between them)."""
    if lam >= knots[0].lam:
        return knots[0].w
    for hi, lo in itertools.pairwise(knots):
        if lo.lam <= lam <= hi.lam:
            t = (lam - lo.lam) / (hi.lam - lo.lam)
            return tuple(a + t * (b - a) for a, b in zip(lo.w, hi.w, strict=True))
    raise ValueError("lam below the last knot")


def cd_update(g, a, l1, l2=0) -> Fraction:
    """argmin_b 1/2 a b^2 - g b + l1 |b| + l2 b^2 = S(g, l1) / (a + 2 l2) (CD-UPDATE).

    When a + 2 l2 = 0 (a zero column, no ridge term) the minimiser for
    l1 > 0 is 0, and 0 is the conventional choice for l1 = 0.
    """
    denominator = a + 2 * l2
    if abs(g) <= l1 or denominator == 0:
        return Fraction(0)
    return (g - l1 * sign(g)) / denominator


def cd_sweeps(X, y, l1, l2=0, sweeps=1, w0=None) -> list[Vector]:
    """Cyclic coordinate descent (j = 1..p in order) from w0 (default 0); w after each sweep."""
    X, y = as_matrix(X), as_vector(y)
    p = len(X[0])
    w = list(as_vector(w0) if w0 is not None else (Fraction(0),) * p)
    r = list(residual(X, y, w))
    trace = []
    for _ in range(sweeps):
        for j in range(p):
            xj = column(X, j)
            rho = dot(xj, r) + dot(xj, xj) * w[j]  # x_j^T r_(-j), the partial residual
            new = cd_update(rho, dot(xj, xj), Fraction(l1), Fraction(l2))
            r = [ri - xij * (new - w[j]) for ri, xij in zip(r, xj, strict=True)]
            w[j] = new
        trace.append(tuple(w))
    return trace


def ridge_solution(X, y, l2) -> Vector:
    """(X^T X + 2 l2 I)^{-1} X^T y, the unique Ridge minimiser for l2 > 0 (KKT-RIDGE)."""
    return solve(X, y, 0, l2)
