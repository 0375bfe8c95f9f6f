"""Optimality conditions, objective and duality gap of the objective family (the options).

For F(w, b) = ½ Σᵢ sᵢrᵢ² + Σⱼ (tⱼ|wⱼ| + qⱼwⱼ²), r = y − b − Xw, tⱼ = λ₁vⱼ, qⱼ = λ₂vⱼ
(spec OPTIONS-OBJECTIVE), optionally subject to w ≥ 0:

* the correlations ĉⱼ = Σᵢ sᵢxᵢⱼrᵢ − 2qⱼwⱼ, minus the gradient of the smooth part;
* the KKT residual ρⱼ, the distance from 0 to the subdifferential of F in coordinate j
  (spec OPTIONS-KKT): ρⱼ = max(0, |ĉⱼ| − tⱼ) where wⱼ = 0, |ĉⱼ − tⱼ sign wⱼ| where
  wⱼ ≠ 0; under w ≥ 0: max(0, ĉⱼ − tⱼ) where wⱼ = 0, |ĉⱼ − tⱼ| where wⱼ > 0, and
  ρⱼ = −wⱼ > 0 (the distance to w ≥ 0) where wⱼ < 0, an infeasible candidate;
* the intercept row Σᵢ sᵢrᵢ = 0;
* the duality gap of spec OPTIONS-DUAL-GAP (:func:`dual_gap`).

Every function works in the arithmetic of its inputs (Fractions, or floats for
coordinate descent); only the small projection of :func:`dual_gap` is solved exactly.
"""

from fractions import Fraction

from ._exact import is_nonsingular, solve_linear

__all__ = ["dual_gap", "kkt_residual", "primal", "residual", "residual_and_correlations"]


def _dot(u, v, zero):
    return sum((a * b for a, b in zip(u, v, strict=True)), zero)


def residual(X, y, w, b):
    """r = y − b − Xw (no b when b is None)."""
    zero = 0 * y[0]
    return [yi - (b or zero) - _dot(row, w, zero) for row, yi in zip(X, y, strict=True)]


def residual_and_correlations(X, y, s, w, b, l2, v):
    """(r, ĉ, Σsᵢrᵢ) with r = y − b − Xw and ĉⱼ = Σᵢ sᵢxᵢⱼrᵢ − 2λ₂vⱼwⱼ."""
    r = residual(X, y, w, b)
    zero = 0 * r[0]
    sr = [si * ri for si, ri in zip(s, r, strict=True)]
    c = [
        sum((row[j] * u for row, u in zip(X, sr, strict=True)), zero) - 2 * l2 * v[j] * w[j]
        for j in range(len(w))
    ]
    return r, c, sum(sr, zero)


def primal(r, s, w, l1, l2, v):
    """F(w, b) = ½Σsᵢrᵢ² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ² (without the constraint w ≥ 0)."""
    zero = 0 * r[0]
    return (
        sum((si * ri * ri for si, ri in zip(s, r, strict=True)), zero) / 2
        + l1 * sum((vj * abs(wj) for vj, wj in zip(v, w, strict=True)), zero)
        + l2 * sum((vj * wj * wj for vj, wj in zip(v, w, strict=True)), zero)
    )


def kkt_residual(wj, cj, t, nonneg):
    """ρⱼ: the distance from 0 to the subdifferential of F in coordinate j (see above)."""
    if nonneg and wj < 0:
        return -wj
    if wj == 0:
        return max((cj if nonneg else abs(cj)) - t, 0 * cj)
    return abs(cj - t * (1 if wj > 0 else -1))


def _project(s, r, columns, number):
    """ρ = r − X_P δ with δ the weighted least-squares fit of r on the columns P, so that
    X_PᵀSρ = 0 (a maximal independent set of them, found greedily; solved exactly)."""
    A = [
        [sum(si * a * b for si, a, b in zip(s, u, x, strict=True)) for x in columns]
        for u in columns
    ]
    rhs = [sum(si * a * ri for si, a, ri in zip(s, u, r, strict=True)) for u in columns]
    chosen = []
    for k in range(len(columns)):
        if is_nonsingular([[A[i][m] for m in [*chosen, k]] for i in [*chosen, k]]):
            chosen.append(k)
    delta = solve_linear([[A[i][m] for m in chosen] for i in chosen], [rhs[i] for i in chosen])
    fit = [
        sum((number(d) * columns[k][i] for d, k in zip(delta, chosen, strict=True)), 0 * r[i])
        for i in range(len(r))
    ]
    return [ri - fi for ri, fi in zip(r, fit, strict=True)]


def dual_gap(X, y, s, w, b, l1, l2, v, positive, number=Fraction):
    """F(w, b) − D(αSρ): a proven bound on F(w, b) − F* for any feasible (w, b).

    The Fenchel dual of F (spec OPTIONS-DUAL-GAP), over u ∈ ℝⁿ with uᵢ = 0 where sᵢ = 0:

        D(u) = uᵀy − Σᵢ uᵢ²/(2sᵢ) − Σⱼ gⱼ*(x_jᵀu),   Σᵢuᵢ = 0 with an intercept,

    gⱼ(ω) = tⱼ|ω| + qⱼω² (+ the indicator of ω ≥ 0), so gⱼ*(a) = max(σ(a) − tⱼ, 0)²/(4qⱼ)
    for qⱼ > 0; for qⱼ = 0, gⱼ* = 0 on σ(a) ≤ tⱼ and +∞ beyond; σ(a) = a under w ≥ 0,
    else |a|.  The dual point is u = αSρ: ρ is r made orthogonal (Σᵢ sᵢxᵢⱼρᵢ = 0) to
    the intercept and to the coordinates with tⱼ = qⱼ = 0 that are free or nonzero, and
    to those with wⱼ = 0 under w ≥ 0 whose x_jᵀSρ > 0 (repeated until none is); and
    α = min(1, tⱼ/σ(x_jᵀSρ)) over the qⱼ = 0 < tⱼ coordinates, which makes u feasible.
    By weak duality D(u) ≤ F*.  At a minimiser ρ = r and α = 1, and every term of
    F − D = Σⱼ [gⱼ(wⱼ) + gⱼ*(aⱼ) − wⱼaⱼ] vanishes (Fenchel–Young, aⱼ = x_jᵀSr): gap 0.
    """
    zero = 0 * y[0]
    r = residual(X, y, w, b)
    p = len(w)
    t, q = [l1 * vj for vj in v], [l2 * vj for vj in v]
    features = [[row[j] for row in X] for j in range(p)]
    hard = [j for j in range(p) if t[j] == 0 and q[j] == 0]
    projected = [j for j in hard if not positive or w[j] > 0]
    ones = [[number(1)] * len(y)] if b is not None else []
    while True:
        rho = _project(s, r, ones + [features[j] for j in projected], number)
        a = [_dot([si * ri for si, ri in zip(s, rho, strict=True)], x, zero) for x in features]
        more = [j for j in hard if j not in projected and a[j] > 0]
        if not more:
            break
        projected += more
    sigma = [aj if positive else abs(aj) for aj in a]
    alpha = min([number(1)] + [t[j] / sigma[j] for j in range(p) if q[j] == 0 < t[j] < sigma[j]])
    value = alpha * sum((si * ri * yi for si, ri, yi in zip(s, rho, y, strict=True)), zero)
    value -= alpha * alpha * sum((si * ri * ri for si, ri in zip(s, rho, strict=True)), zero) / 2
    for j in range(p):
        if q[j] > 0:
            value -= max(alpha * sigma[j] - t[j], zero) ** 2 / (4 * q[j])
    return primal(r, s, w, l1, l2, v) - value
