"""The float64 proposal of iterative refinement (:mod:`refine`, step 1): a guess, not a proof.

In the Gram form of :func:`options.quadratic` the problem is

    minimise  ½wᵀGw − cᵀw + Σⱼ tⱼ|wⱼ|,   wⱼ ≥ 0 where nonneg[j],   tⱼ = λ₁vⱼ,

with G = X'ᵀSX' + 2λ₂V' and c = X'ᵀSy (the intercept is the last coordinate, tⱼ = 0 and
no sign constraint; for the canonical problem G = XᵀX + 2λ₂I, c = Xᵀy, tⱼ = λ₁).  Cyclic
coordinate descent in float64, then a float active-set polish, proposes an active set B
with signs s_B.  Nothing here is rigorous and nothing needs to be: the proposal only
chooses where the exact loop of :mod:`refine` starts, and a wrong guess costs repair
rounds (or the homotopy), never a wrong answer.

A coordinate is *free* when tⱼ = 0 and it has no sign constraint (the intercept, an
unpenalised feature, every feature when λ₁ = 0): it is always in B, with sign 0.
"""

import numpy as np

from .options import Options

__all__ = ["float_quadratic", "proposal"]


def float_quadratic(X, y, l2, options):
    """(G, c, v, nonneg) in float64: G = X'ᵀSX' + 2λ₂V', c = X'ᵀSy, as in options.quadratic."""
    Xf = np.array([[float(v) for v in row] for row in X])
    yf = np.array([float(v) for v in y])
    n, p = Xf.shape
    extra = [0.0] if options.fit_intercept else []
    if options.fit_intercept:
        Xf = np.hstack([Xf, np.ones((n, 1))])
    s = np.array([float(v) for v in options.weights(n)])
    v = np.array([float(f) for f in options.factors(p)] + extra)
    nonneg = np.array([options.positive] * p + [False] * len(extra))
    weighted = Xf * s[:, None]
    return weighted.T @ Xf + np.diag(2 * float(l2) * v), weighted.T @ yf, v, nonneg


def proposal(X, y, l1, l2, options=None, sweeps=100):
    """(B, signs): the support and signs of a float64 coordinate-descent solution, polished."""
    G, c, v, nonneg = float_quadratic(X, y, l2, options or Options())
    t = float(l1) * v
    w = coordinate_descent(G, c, t, sweeps, nonneg)
    return polish(G, c, t, w, rounds=2 * len(c) + 30, nonneg=nonneg)


def _thresholds(lam, nonneg, p):
    """(t, nonneg) as arrays: λ may be one number (the canonical problem) or one per coordinate."""
    t = np.broadcast_to(np.asarray(lam, dtype=float), (p,))
    return t, np.zeros(p, dtype=bool) if nonneg is None else np.asarray(nonneg, dtype=bool)


def kkt_excess(grad, t, nonneg):
    """How far a coordinate at 0 is from optimal: ĉⱼ − tⱼ under wⱼ ≥ 0, else |ĉⱼ| − tⱼ."""
    return np.where(nonneg, grad, np.abs(grad)) - t


def _noise(c):
    """The float noise level of the gradients: 10⁻¹⁴ of the largest |cⱼ| (at least 10⁻¹⁴)."""
    return 1e-14 * max(float(np.max(np.abs(c))), 1.0)


def coordinate_descent(G, c, lam, sweeps, nonneg=None):
    """Cyclic CD on ½wᵀGw − cᵀw + Σⱼ λⱼ|wⱼ| (wⱼ ≥ 0 where nonneg): a full sweep, then sweeps of
    the support alone.

    Capped (``sweeps`` rounds of each kind): CD is slow where n < p and λ is small;
    the active-set polish that follows finishes such proposals faster.
    """
    t, nonneg = _thresholds(lam, nonneg, len(c))
    w, grad, diag = np.zeros(len(c)), c.copy(), np.diag(G).copy()
    tol = _noise(c)
    for _ in range(sweeps):
        sweep(G, w, grad, diag, t, range(len(c)), nonneg)
        support = np.flatnonzero(w)
        for _ in range(sweeps):
            if sweep(G, w, grad, diag, t, support, nonneg) <= tol:
                break
        at_zero = w == 0
        if np.all(kkt_excess(grad, t, nonneg)[at_zero] <= 1e-12 * t[at_zero] + tol):
            break
    return w


def sweep(G, w, grad, diag, lam, coordinates, nonneg=None):
    """One pass of exact coordinate minimisations; returns the largest change of a gradient.

    Coordinate j minimises at the soft threshold S(z, tⱼ)/Gⱼⱼ of z = ĉⱼ + Gⱼⱼwⱼ, and
    under wⱼ ≥ 0 at max(S(z, tⱼ), 0)/Gⱼⱼ (the one-sided threshold).
    """
    t, nonneg = _thresholds(lam, nonneg, len(w))
    change = 0.0
    for j in coordinates:
        if diag[j] > 0:
            z = grad[j] + diag[j] * w[j]
            shrunk = np.sign(z) * max(abs(z) - t[j], 0.0)
            new = (max(shrunk, 0.0) if nonneg[j] else shrunk) / diag[j]
            if new != w[j]:
                grad -= G[:, j] * (new - w[j])
                change = max(change, abs(new - w[j]) * diag[j])
                w[j] = new
    return change


def _sign(j, grad, t, nonneg):
    """The sign coordinate j enters with: 0 if free, +1 under wⱼ ≥ 0, else sign(ĉⱼ)."""
    if t[j] == 0 and not nonneg[j]:
        return 0
    return 1 if nonneg[j] or grad[j] >= 0 else -1


def polish(G, c, lam, w, rounds=30, nonneg=None):
    """The float analogue of the exact loop (sign drops, worst violator), from CD's support."""
    t, nonneg = _thresholds(lam, nonneg, len(c))
    signs = {j: _sign(j, c, t, nonneg) for j in range(len(c))}
    free = [j for j in range(len(c)) if signs[j] == 0]
    active = free + [int(j) for j in np.flatnonzero(w) if signs[j] != 0]
    for j in active:
        signs[j] = 0 if signs[j] == 0 else (1 if w[j] > 0 else -1)
    slack = 1e-12 * t + _noise(c)
    for _ in range(rounds):
        s = np.array([signs[j] for j in active], dtype=float)
        wB = np.zeros(0)
        if active:
            rhs = c[active] - t[active] * s
            wB = np.linalg.lstsq(G[np.ix_(active, active)], rhs, rcond=None)[0]
        grad = c - G[:, active] @ wB
        wrong = [j for j, v in zip(active, wB, strict=True) if signs[j] * v < 0]
        off = kkt_excess(grad, t, nonneg) - slack
        off[active] = -1
        if not wrong and np.max(off) <= 0:
            break
        active = [j for j in active if j not in wrong]
        if np.max(off) > 0:
            worst = int(np.argmax(off))
            signs[worst] = _sign(worst, grad, t, nonneg)
            active.append(worst)
    return active, signs
