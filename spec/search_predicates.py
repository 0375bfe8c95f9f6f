"""The predicates of the counterexample searches: each claim's negation, decided exactly.

A predicate takes the data (X, y) that ``spec.search`` enumerates and returns a dict of exact
facts (the witness, stored in ``spec/counterexamples.json``) or None.  The facts come from
the oracle ``spec.exact``: exact solutions, the exact Lasso path (sampled at its knots and
midpoints, ``sample_lambdas``), coordinate-descent traces; ``corner_fraction`` is the exact
fraction of (0, λ_max) that the solution spends at a corner, which the census averages.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from . import exact as E

HALF = Fraction(1, 2)


# --- predicates: each returns a dict of exact facts (the witness) or None -----------------


def ridge_zero(X, y, l2=HALF, require_correlated=False):
    """The Ridge solution (l1 = 0, l2 > 0) has an exact zero coordinate."""
    p = len(X[0])
    if require_correlated and any(E.dot(E.column(X, j), y) == 0 for j in range(p)):
        return None
    w = E.ridge_solution(X, y, l2)
    if 0 not in w:
        return None
    return {"l1": 0, "l2": l2, "w": w, "XTy": tuple(E.dot(E.column(X, j), y) for j in range(p))}


def soft_threshold_without_norm(X, y, l1=1):
    """p = 1: the notes' b = S(rho, l1) differs from the true minimiser S(rho, l1) / x^T x."""
    x = E.column(X, 0)
    rho = E.dot(x, y)
    notes = E.cd_update(rho, 1, Fraction(l1))
    true = E.solve(X, y, l1)[0]
    if notes == true:
        return None
    return {"l1": l1, "rho": rho, "notes_b": notes, "w": (true,)}


def kill_converse(X, y, l1=1):
    """At the optimum some |x_j^T r*| <= l1 although w*_j != 0."""
    w = E.solve(X, y, l1)
    c = E.correlations(X, y, w)
    hits = [j for j, (cj, wj) in enumerate(zip(c, w, strict=True)) if abs(cj) <= l1 and wj != 0]
    if not hits:
        return None
    return {"l1": l1, "w": w, "XTr": c, "j": hits[0] + 1}


def nondifferentiable_optimum(X, y, l1=2):
    """The optimum has a zero coordinate with strict slack |c_j| < l1, where F has no gradient
    (its one-sided slopes -c_j - l1 < 0 < -c_j + l1 differ)."""
    w = E.solve(X, y, l1)
    c = E.correlations(X, y, w)
    hits = [j for j, (wj, cj) in enumerate(zip(w, c, strict=True)) if wj == 0 and abs(cj) < l1]
    if not hits:
        return None
    j = hits[0]
    return {"l1": l1, "w": w, "j": j + 1, "slopes": (-c[j] - l1, -c[j] + l1)}


def threshold_without_unit_norm(X, y, l1=1, l2=Fraction(1, 4)):
    """p = 1, x^T x != 1 and |rho| > l1, yet the notes' S(rho, l1) is the exact minimiser
    (because x^T x + 2 l2 = 1): the 'only if x^T x = 1' reading fails."""
    x = E.column(X, 0)
    a, rho = E.dot(x, x), E.dot(x, y)
    if a == 1 or abs(rho) <= l1:
        return None
    notes, true = E.cd_update(rho, 1, Fraction(l1)), E.solve(X, y, l1, l2)[0]
    if notes != true:
        return None
    return {"l1": l1, "l2": l2, "xTx": a, "rho": rho, "notes_b": notes, "w": (true,)}


def _en_and_lasso(X, y, l1, l2):
    return E.solve(X, y, l1), E.solve(X, y, l1, l2)


def l2_revives_zero(X, y, l1=HALF, l2=HALF):
    """Adding the L2 term makes a zero Lasso coefficient nonzero."""
    lasso, enet = _en_and_lasso(X, y, l1, l2)
    hits = [j for j in range(len(lasso)) if lasso[j] == 0 and enet[j] != 0]
    if not hits:
        return None
    return {"l1": l1, "l2": l2, "w_lasso": lasso, "w_enet": enet, "j": hits[0] + 1}


def l2_grows_coefficient(X, y, l1=HALF, l2=HALF):
    """Adding the L2 term makes a nonzero Lasso coefficient larger in magnitude."""
    lasso, enet = _en_and_lasso(X, y, l1, l2)
    hits = [j for j in range(len(lasso)) if 0 != abs(lasso[j]) < abs(enet[j])]
    if not hits:
        return None
    return {"l1": l1, "l2": l2, "w_lasso": lasso, "w_enet": enet, "j": hits[0] + 1}


def full_residual_update(X, y, l1=1, l2=HALF):
    """At the exact minimiser, the notes' update S(x_j^T r, l1)/(x_j^T x_j + 2 l2) with the
    full residual r moves w_j away from w*_j."""
    w = E.solve(X, y, l1, l2)
    r = E.residual(X, y, w)
    for j in range(len(w)):
        x = E.column(X, j)
        moved = E.cd_update(E.dot(x, r), E.dot(x, x), Fraction(l1), Fraction(l2))
        if moved != w[j]:
            return {"l1": l1, "l2": l2, "w": w, "j": j + 1, "xTr": E.dot(x, r),
                    "full_residual_update": moved}
    return None


def ols_zero_lasso_nonzero(X, y):
    """A coefficient that is exactly 0 in least squares is nonzero in the Lasso at some l1."""
    ols = E.solve(X, y, 0)
    zeros = [j for j, v in enumerate(ols) if v == 0]
    if not zeros or not any(ols):
        return None
    knots = E.lasso_path(X, y)
    for lam in sample_lambdas(knots):
        w = E.path_solution(knots, lam)
        for j in zeros:
            if w[j] != 0:
                return {"l1": lam, "w": w, "w_ols": ols, "j": j + 1}
    return None


def not_soft_thresholding(X, y, l1=1, l2=HALF):
    """Lasso is not coordinatewise soft thresholding of the correlations, nor Ridge a uniform
    shrinkage: w*_j != S(x_j^T y, l1)/x_j^T x_j and w_ridge,j != x_j^T y/(x_j^T x_j + 2 l2)."""
    p = len(X[0])
    cols = [E.column(X, j) for j in range(p)]
    a, xty = [E.dot(x, x) for x in cols], [E.dot(x, y) for x in cols]
    lasso, ridge = E.solve(X, y, l1), E.ridge_solution(X, y, l2)
    thresholded = tuple(E.cd_update(xty[j], a[j], Fraction(l1)) for j in range(p))
    shrunk = tuple(xty[j] / (a[j] + 2 * l2) for j in range(p))
    if lasso == thresholded or ridge == shrunk:
        return None
    return {"l1": l1, "l2": l2, "w": lasso, "thresholded": thresholded, "w_ridge": ridge,
            "shrunk": shrunk}


def data_gradient_sign(X, y):
    """At w = 0 the data gradient d/dw_j 1/2||y - Xw||^2 is -x_j^T r (§7), not x_j^T r (§12):
    the exact central difference of the quadratic t -> 1/2||y - t x_1||^2 at t = 0."""
    x = E.column(X, 0)
    xr = E.dot(x, y)  # r = y at w = 0
    if xr == 0:
        return None
    half_rss = lambda t: sum((yi - t * xi) ** 2 for yi, xi in zip(y, x, strict=True)) / 2  # noqa: E731
    gradient = (half_rss(1) - half_rss(-1)) / 2
    return {"w": (Fraction(0),), "xTr": xr, "gradient": gradient}


def correlated_both_survive(X, y, l1=1):
    """Two non-orthogonal columns (x_1^T x_2 != 0) are both nonzero at the Lasso solution."""
    x1, x2 = E.column(X, 0), E.column(X, 1)
    if E.dot(x1, x2) == 0:
        return None
    w = E.solve(X, y, l1)
    if 0 in w:
        return None
    return {"l1": l1, "w": w, "x1Tx2": E.dot(x1, x2)}


def ols_inside_diamond(X, y):
    """With the OLS point inside the diamond (t >= ||w_ols||_1) the constrained minimiser is
    the OLS point itself (lambda_1 = 0), which has no zero coordinate: no corner is hit."""
    ols = E.solve(X, y, 0)
    if 0 in ols:
        return None
    return {"w_ols": ols, "t": sum(abs(v) for v in ols) + 1, "w": ols}


def cd_leaves_wall(X, y, l1=1, sweeps=4):
    """Cyclic CD from 0 sets some w_j = 0 by an update and makes it nonzero later."""
    trace = E.cd_sweeps(X, y, l1, sweeps=sweeps)
    for j in range(len(X[0])):
        column_j = [w[j] for w in trace]
        for k, v in enumerate(column_j):
            if v == 0 and any(u != 0 for u in column_j[k + 1 :]):
                return {"l1": l1, "trace": tuple(trace), "j": j + 1}
    return None


def _nnz(w) -> int:
    return sum(v != 0 for v in w)


def sample_lambdas(knots):
    """The knots and the midpoints between consecutive knots (the path is affine in between)."""
    lams = [k.lam for k in knots]
    mids = [(a + b) / 2 for a, b in itertools.pairwise(lams)]
    return sorted({*lams, *mids}, reverse=True)


def nnz_not_monotone(X, y):
    """Along the exact Lasso path, the number of nonzeros drops somewhere as l1 > 0 decreases."""
    knots = E.lasso_path(X, y)
    samples = [(lam, E.path_solution(knots, lam)) for lam in sample_lambdas(knots) if lam > 0]
    for (lam_big, w_big), (lam_small, w_small) in itertools.pairwise(samples):
        if _nnz(w_small) < _nnz(w_big):
            return {
                "l1_large": lam_big,
                "w_large": w_big,
                "l1_small": lam_small,
                "w_small": w_small,
                "knots": tuple((k.lam, k.w) for k in knots),
            }
    return None


def _ranked_pairs(X, y):
    """Pairs (j, k) with ||x_j|| = ||x_k|| and |x_j^T y| > |x_k^T y|."""
    p = len(X[0])
    cols = [E.column(X, j) for j in range(p)]
    norms = [E.dot(x, x) for x in cols]
    corr = [abs(E.dot(x, y)) for x in cols]
    return [
        (j, k)
        for j in range(p)
        for k in range(p)
        if j != k and norms[j] == norms[k] and corr[j] > corr[k]
    ]


def stronger_feature_dropped(X, y):
    """Columns j, k of equal norm with |x_j^T y| > |x_k^T y|, yet at some l1: w*_j = 0 != w*_k."""
    pairs = _ranked_pairs(X, y)
    if not pairs:
        return None
    knots = E.lasso_path(X, y)
    for lam in sample_lambdas(knots):
        w = E.path_solution(knots, lam)
        for j, k in pairs:
            if w[j] == 0 and w[k] != 0:
                xty = tuple(E.dot(E.column(X, i), y) for i in range(len(w)))
                return {"l1": lam, "w": w, "XTy": xty, "j": j + 1, "k": k + 1}
    return None


def ridge_grows_a_coordinate(X, y, l2=HALF):
    """Some |w_ridge,j| > |w_ols,j|: Ridge does not shrink every coefficient."""
    ols = E.solve(X, y, 0)
    ridge = E.ridge_solution(X, y, l2)
    hits = [j for j in range(len(ols)) if abs(ridge[j]) > abs(ols[j])]
    if not hits:
        return None
    return {"l2": l2, "w": ridge, "w_ols": ols, "j": hits[0] + 1}


def corner_fraction(X, y) -> Fraction:
    """p = 2: the fraction of l1 in (0, lambda_max) at which w* has exactly one zero."""
    knots = E.lasso_path(X, y)
    lam_max = knots[0].lam
    total = Fraction(0)
    for hi, lo in itertools.pairwise(knots):
        if _nnz(E.path_solution(knots, (hi.lam + lo.lam) / 2)) == 1:
            total += hi.lam - lo.lam
    return total / lam_max


def rarely_at_corner(X, y):
    """p = 2 and |x_1^T y| != |x_2^T y|: w* sits at a corner for at most half of (0, lambda_max)."""
    x1, x2 = E.column(X, 0), E.column(X, 1)
    if abs(E.dot(x1, y)) == abs(E.dot(x2, y)):
        return None
    fraction = corner_fraction(X, y)
    if fraction > HALF:
        return None
    return {"corner_fraction": fraction, "knots": tuple((k.lam, k.w) for k in E.lasso_path(X, y))}
