"""Deliberately broken solvers that a metamorphic theorem catches (conformance/metamorphic.py).

Each is ``option_solvers.cd`` (weighted coordinate descent; ``option_solvers.correct`` is the
control) or a plain coordinate descent, with one mistake that breaks one theorem: it
treats weights differently from repeated rows, counts a zero-weight row, depends on row
or column order or carries state from one call to the next, or is not equivariant in the
units of y, of a column or of the mean of y.  Several are accurate on every problem the
plain families draw (unit-scale data, unrelated consecutive problems), so only the pair
shows them; tests/test_metamorphic_gate.py requires each to be rejected by the check named
in BROKEN, with a message naming the theorem.
"""

from __future__ import annotations

import numpy as np
from meta.option_solvers import cd, correct

OPTIONS = correct.capabilities  # every option declared


def _plain_cd(X, y, l1, l2, w=None, r=None, sweeps=100_000, tol=1e-15):
    """Cyclic CD on ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖², started at (w, r) (default (0, y))."""
    p = X.shape[1]
    w = np.zeros(p) if w is None else np.array(w, dtype=float)
    r = np.array(y, dtype=float) if r is None else np.array(r, dtype=float)
    a = (X * X).sum(axis=0) + 2 * l2
    for _ in range(sweeps):
        largest = 0.0
        for j in range(p):
            if a[j] == 0:
                continue
            g = X[:, j] @ r + (a[j] - 2 * l2) * w[j]
            new = np.sign(g) * max(abs(g) - l1, 0.0) / a[j]
            r -= X[:, j] * (new - w[j])
            largest, w[j] = max(largest, abs(new - w[j])), new
        if largest <= tol * (1 + np.max(np.abs(w), initial=0.0)):
            break
    return w, r


def dedups_rows(X, y, l1, l2, sample_weight=None, **options):
    """Treats a repeated observation (x_i, y_i) as one: keeps only the first of equal rows."""
    seen, keep = set(), []
    for i, key in enumerate(zip(map(tuple, X), y)):
        if key not in seen:
            seen.add(key)
            keep.append(i)
    s = None if sample_weight is None else np.asarray(sample_weight)[keep]
    return cd(X[keep], y[keep], l1, l2, sample_weight=s, **options)


def zero_weight_as_one(X, y, l1, l2, sample_weight=None, **options):
    """Guards against zero weights by using them as 1: a row of weight 0 counts fully."""
    s = None if sample_weight is None else np.where(np.asarray(sample_weight) == 0, 1.0,
                                                    sample_weight)
    return cd(X, y, l1, l2, sample_weight=s, **options)


_WARM = {}


def stale_residual(X, y, l1, l2):
    """Warm-starts from the previous call's (w, r) when the data have the same fingerprint
    (shape and sorted entries), keeping the cached residual r instead of recomputing
    y − Xw: after a row permutation r is in the old row order."""
    key = (X.shape, tuple(np.sort(X, axis=None)), tuple(np.sort(y)))
    w, r = _plain_cd(X, y, l1, l2, *_WARM.get(key, (None, None)))
    _WARM.clear()
    _WARM[key] = (w, r)
    return list(w)


_GRAM = {}


def stale_gram(X, y, l1, l2):
    """Covariance-update CD with a Gram cache keyed by (shape, sorted entries of X): a key
    that a column permutation leaves unchanged, so the permuted problem gets the old XᵀX.
    (A row permutation leaves XᵀX unchanged: harmless there.)"""
    key = (X.shape, tuple(np.sort(X, axis=None)))
    if key not in _GRAM:
        _GRAM.clear()
        _GRAM[key] = X.T @ X
    G, c = _GRAM[key], X.T @ y
    p = len(c)
    w = np.zeros(p)
    for _ in range(100_000):
        largest = 0.0
        for j in range(p):
            if G[j, j] + 2 * l2 == 0:
                continue
            g = c[j] - G[j] @ w + G[j, j] * w[j]
            new = np.sign(g) * max(abs(g) - l1, 0.0) / (G[j, j] + 2 * l2)
            largest, w[j] = max(largest, abs(new - w[j])), new
        if largest <= 1e-15 * (1 + np.max(np.abs(w), initial=0.0)):
            break
    return list(w)


def drops_last_column(X, y, l1, l2):
    """An off-by-one beyond its unrolled width: for p > 4 the last column is never updated."""
    if X.shape[1] <= 4:
        return list(_plain_cd(X, y, l1, l2)[0])
    return [*_plain_cd(X[:, :-1], y, l1, l2)[0], 0.0]


def _split(answer, fit_intercept):
    """(w, b) of an answer of ``cd`` (b = None without an intercept)."""
    return (np.asarray(answer[0]), answer[1]) if fit_intercept else (np.asarray(answer), None)


def _join(w, b):
    w = [float(v) for v in w]
    return w if b is None else (w, float(b))


def clips_coefficients(X, y, l1, l2, **options):
    """A divergence guard: every coefficient clipped to ±10⁶ (fine for unit-scale data)."""
    w, b = _split(cd(X, y, l1, l2, **options), options.get("fit_intercept", False))
    return _join(np.clip(w, -1e6, 1e6), b)


def drops_tiny_columns(X, y, l1, l2, penalty_factor=None, **options):
    """Treats a column with ‖x_j‖² < 10⁻⁸ as a zero column (w_j = 0): an absolute threshold,
    so a column in small units is dropped although its coefficient is large."""
    keep = (X * X).sum(axis=0) >= 1e-8
    v = None if penalty_factor is None else np.asarray(penalty_factor)[keep]
    w = np.zeros(X.shape[1])
    if not keep.any():  # every column "zero": w = 0 (and b the weighted mean of y)
        return cd(np.zeros_like(X), y, l1, l2, penalty_factor=penalty_factor, **options)
    part, b = _split(cd(X[:, keep], y, l1, l2, penalty_factor=v, **options),
                     options.get("fit_intercept", False))
    w[keep] = part
    return _join(w, b)


def float32_means(X, y, l1, l2, fit_intercept=False, sample_weight=None, **options):
    """Mixed precision: the (weighted) means that eliminate the intercept are kept in
    float32 (24 bits); exact enough for a mean of order 1, not for y shifted by 2¹⁶ + 2⁻⁹."""
    if not fit_intercept:
        return cd(X, y, l1, l2, sample_weight=sample_weight, **options)
    s = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    xbar = (s @ X / s.sum()).astype(np.float32).astype(float)
    ybar = float(np.float32(s @ y / s.sum()))
    w = np.asarray(cd(X - xbar, y - ybar, l1, l2, sample_weight=s, **options))
    return [float(u) for u in w], float(ybar - xbar @ w)


for _solver in (dedups_rows, zero_weight_as_one, clips_coefficients, drops_tiny_columns,
                float32_means):
    _solver.capabilities = OPTIONS

#: name -> (solver, the metamorphic check meant to reject it)
BROKEN = {
    "dedups_rows": (dedups_rows, "metamorphic/integer-weights-are-repeated-rows"),
    "zero_weight_as_one": (zero_weight_as_one, "metamorphic/zero-weight-is-row-removed"),
    "stale_residual": (stale_residual, "metamorphic/row-permutation"),
    "stale_gram": (stale_gram, "metamorphic/column-permutation"),
    "drops_last_column": (drops_last_column, "metamorphic/column-permutation"),
    "clips_coefficients": (clips_coefficients, "metamorphic/scaling-y-and-lambda"),
    "drops_tiny_columns": (drops_tiny_columns, "metamorphic/column-scaling-with-penalty-factor"),
    "float32_means": (float32_means, "metamorphic/intercept-shift"),
}
