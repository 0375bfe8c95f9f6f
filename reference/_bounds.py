"""The canonical problem's certificate arithmetic: residuals, the duality gap, the tight bound.

For F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂² (spec OBJECTIVE), r = y − Xw: the correlations,
the KKT residuals, the gap of spec DUAL-GAP, ``dual_bound`` and the tight bound of spec
CERTIFICATE-BOUND (:mod:`certificate` explains them; ``certify`` is the entry point).
"""

from fractions import Fraction

from . import _flint
from ._exact import dot, gram, integer_scale, mat_vec, projection_norm_sq, xt_times

__all__ = ["dual_bound", "restricted_minimiser"]


def _sign(v):
    return (v > 0) - (v < 0)


def _residual(X, y, w):
    return [yi - xw for yi, xw in zip(y, mat_vec(X, w), strict=True)]


def _correlations(X, r, w, l2):
    return [xr - 2 * l2 * wj for xr, wj in zip(xt_times(X, r), w, strict=True)]


def _objective(r, w, l1, l2):
    return dot(r, r) / 2 + l1 * sum(abs(v) for v in w) + l2 * dot(w, w)


def _kkt_residual(wj, cj, l1):
    """ρ_j: the distance from 0 to the subdifferential of F in coordinate j."""
    if wj == 0:
        return max(abs(cj) - l1, 0 * cj)
    return abs(cj - l1 * _sign(wj))


def _dual_scale(c, l1):
    """s = min(1, λ₁/‖c‖∞), and 1 when c = 0: the largest feasible scaling of the residual."""
    largest = max(abs(cj) for cj in c)
    return 1 if largest <= l1 else l1 / largest


def _gap(r, w, c, l1, l2):
    s = _dual_scale(c, l1)
    smooth = (1 - s) ** 2 * (dot(r, r) + 2 * l2 * dot(w, w)) / 2
    return smooth + sum(l1 * abs(wj) - s * wj * cj for wj, cj in zip(w, c, strict=True))


def dual_bound(X, y, v, l1, l2):
    """max_t D(t·r̃(v)) over the feasible t: a lower bound on F* from any point v.

    r̃(v) = (r(v), −√(2λ₂)v) and X̃ᵀ(t·r̃(v)) = t·c(v), so t·r̃(v) is dual feasible iff
    |t|·‖c(v)‖∞ ≤ λ₁.  D(t·r̃) = t·yᵀr − ½t²‖r̃‖² with ‖r̃‖² = ‖r‖² + 2λ₂‖v‖² (no root) is a
    concave parabola in t: its maximiser yᵀr/‖r̃‖², clipped to the feasible interval.
    By weak duality (DUAL-GAP) the value is ≤ F*; it equals F* when v is a minimiser
    (then t = 1 is feasible and D(r̃(v)) = F(v)).

    >>> dual_bound([[1, 1], [1, 0], [0, 1]], [3, 2, 1], [Fraction(5, 3), Fraction(2, 3)], 1, 0)
    Fraction(8, 3)
    """
    r = _residual(X, y, v)
    c = _correlations(X, r, v, l2)
    norm_sq = dot(r, r) + 2 * l2 * dot(v, v)
    if norm_sq == 0:  # r̃(v) = 0: every multiple is the dual point 0, D(0) = 0
        return Fraction(0)
    b = dot(y, r)
    t = b / norm_sq
    largest = max(abs(cj) for cj in c)
    if largest != 0:
        t = max(-l1 / largest, min(l1 / largest, t))
    return t * b - t * t * norm_sq / 2


def _solve_any(A, b):
    """A solution of A x = b by Gauss–Jordan elimination, free variables 0.

    Columns without a pivot are skipped (their variables stay 0); rows left all zero
    are dropped even if b is nonzero there, so for an inconsistent system this is
    merely *some* x.  Any x is good enough for ``dual_bound``; for a consistent one it
    is a solution.

    >>> _solve_any([[1, 1], [1, 1]], [2, 2])
    [Fraction(2, 1), Fraction(0, 1)]
    """
    rows = [[Fraction(a) for a in row] + [Fraction(bi)] for row, bi in zip(A, b, strict=True)]
    m, pivots, k = len(A), [], 0
    for col in range(m):
        pivot = next((i for i in range(k, m) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[k], rows[pivot] = rows[pivot], rows[k]
        for i in range(m):
            if i != k and rows[i][col] != 0:
                factor = rows[i][col] / rows[k][col]
                rows[i] = [a - factor * e for a, e in zip(rows[i], rows[k], strict=True)]
        pivots.append(col)
        k += 1
    x = [Fraction(0)] * m
    for i, col in enumerate(pivots):
        x[col] = rows[i][m] / rows[i][col]
    return x


def restricted_minimiser(X, y, l1, l2, signs):
    """The stationary point of F on the support S = {j : signs[j] ≠ 0} with those signs.

    On S with fixed signs σ, F is the quadratic ½‖y − X_S v‖² + λ₁σᵀv + λ₂‖v‖², whose
    stationary points solve (X_SᵀX_S + 2λ₂I) v = X_Sᵀy − λ₁σ (v = 0 off S).  A
    singular system gets the solution with free variables 0 (``_solve_any``).
    """
    S = [j for j, sj in enumerate(signs) if sj != 0]
    v = [Fraction(0)] * len(signs)
    if S:
        XS = [[row[j] for j in S] for row in X]
        A = gram(XS, 2 * l2)
        rhs = [xy - l1 * signs[j] for xy, j in zip(xt_times(XS, y), S, strict=True)]
        for j, vj in zip(S, _solve_nonsingular(A, rhs) or _solve_any(A, rhs), strict=True):
            v[j] = vj
    return v


def _solve_nonsingular(A, b):
    """The unique solution of A x = b on integers (``_flint.solve``), or None if A is singular.

    Scaling the system by the least common denominator K of its entries changes no
    solution; FLINT (or the pure-Python fallback) returns x = u/D exactly.
    """
    K = integer_scale(*(a for row in A for a in row), *b)
    solved = _flint.solve([[int(a * K) for a in row] for row in A], [int(bi * K) for bi in b])
    if solved is None:
        return None
    u, D = solved
    return [Fraction(ui, D) for ui in u]


def _sign_patterns(w, c, l1):
    """The first sign patterns σ whose restricted minimisers are tried as dual points.

    supp(w) with w's signs; and the same plus each violator (w_j = 0, |c_j| > λ₁) with
    the sign of c_j, every coordinate when λ₁ = 0 (then the sign is irrelevant).
    """
    own = tuple(_sign(wj) for wj in w)
    grown = tuple(
        sj if sj else (_sign(cj) or 1 if (abs(cj) > l1 or l1 == 0) else 0)
        for sj, cj in zip(own, c, strict=True)
    )
    return own, grown


def _slack_pattern(signs, c, l1, best, a):
    """``signs`` without the coordinates whose KKT slack proves w*_j = 0.

    If F(w) − F* ≤ B then |c_j(w) − c_j(w*)| ≤ δ_j = √(2B·a_j), a_j = ‖x_j‖² + 2λ₂
    (GAP-DISTANCE-BOUND), so |c_j| < λ₁ − δ_j forces |c*_j| < λ₁, hence w*_j = 0.
    Decided without a root: λ₁ − |c_j| > 0 and (λ₁ − |c_j|)² > 2B·a_j.
    """
    return tuple(
        0 if (l1 - abs(cj) > 0 and (l1 - abs(cj)) ** 2 > 2 * best * aj) else sj
        for sj, cj, aj in zip(signs, c, a, strict=True)
    )


def _bound(X, r, w, c, l1, l2):
    """The cheap proven bound (coordinate descent's stopping rule, O(np) per call).

    The gap of DUAL-GAP; for λ₂ > 0 also ‖ρ‖²/(4λ₂); for plain least squares
    (λ₁ = λ₂ = 0) the exact excess ½‖P_X r‖².  ``_tight_bound`` adds restricted solves.
    """
    if l1 == 0 and l2 == 0:
        return projection_norm_sq(X, r) / 2
    best = _gap(r, w, c, l1, l2)
    if l2 > 0:
        residual = [_kkt_residual(wj, cj, l1) for wj, cj in zip(w, c, strict=True)]
        best = min(best, dot(residual, residual) / (4 * l2))
    return best


def _tight_bound(X, y, r, w, c, l1, l2):
    """A proven upper bound on F(w) − F*, tight for every λ (spec CERTIFICATE-BOUND).

    The minimum of
      (a) the gap of DUAL-GAP;
      (b) for λ₂ > 0, ‖ρ‖²/(4λ₂) (F is 2λ₂-strongly convex, GAP-DISTANCE-BOUND);
      (c) F(w) − dual_bound(v) for v = w and for the restricted minimisers v of the
          sign patterns of ``_sign_patterns`` and ``_slack_pattern`` (the support read
          from the KKT slack, with B the best bound so far).
    Proof: (a), (b) are DUAL-GAP and GAP-DISTANCE-BOUND; (c) is weak duality,
    D(θ) ≤ F* for every feasible θ, at θ = t·r̃(v).  Tightness: when a pattern is the
    sign pattern of a minimiser w* and its system has a solution with those signs
    (e.g. X̃_S of full column rank), v is a minimiser, dual_bound(v) = F* and the bound
    is the exact excess F(w) − F*: for every λ₁, λ₂ ≥ 0, Ridge (every coordinate is
    tried, v = (XᵀX + 2λ₂I)⁻¹Xᵀy) and least squares (F(w) − F* = ½‖P_X r‖²) included.
    """
    F = _objective(r, w, l1, l2)
    best = min(_bound(X, r, w, c, l1, l2), F - dual_bound(X, y, w, l1, l2))
    tried = set()
    own, grown = _sign_patterns(w, c, l1)
    a = [sum(row[j] * row[j] for row in X) + 2 * l2 for j in range(len(w))]
    for pattern in (own, grown, None):
        if best == 0:
            break
        signs = _slack_pattern(grown, c, l1, best, a) if pattern is None else pattern
        if signs not in tried:
            tried.add(signs)
            v = restricted_minimiser(X, y, l1, l2, signs)
            best = min(best, F - dual_bound(X, y, v, l1, l2))
    return best
