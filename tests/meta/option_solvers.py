"""Deliberately broken solvers of the option family: each a real way to get an option wrong.

The family (spec OPTIONS-OBJECTIVE): ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ², w ≥ 0
if positive.  ``correct`` is weighted coordinate descent on the weighted-centred data
(spec OPTIONS-INTERCEPT-CENTRING, OPTIONS-CD-UPDATE); each broken solver is the same code
with one mistake users have reported (issue 10).  tests/test_option_gate.py requires the
gate to accept ``correct`` and to reject each broken one with a triage naming the option.
"""

from __future__ import annotations

import numpy as np


def cd(X, y, l1, l2, *, fit_intercept=False, sample_weight=None, positive=False,
       penalty_factor=None, centre_weights=None, sweeps=200_000, tol=1e-15):
    """Weighted cyclic coordinate descent; returns w, or (w, b) with an intercept.

    ``centre_weights``: the weights of the means used for centring (default s).  The sweeps
    are followed by one Newton step on the support (``_polished``) and sweeps again.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, p = X.shape
    s = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    v = np.ones(p) if penalty_factor is None else np.asarray(penalty_factor, dtype=float)
    m = s if centre_weights is None else centre_weights
    xbar = m @ X / m.sum() if fit_intercept else np.zeros(p)
    ybar = m @ y / m.sum() if fit_intercept else 0.0
    Xc, yc = X - xbar, y - ybar
    problem = (Xc, yc, s, l1, l2, v, positive)
    w = _sweeps(problem, np.zeros(p), sweeps, tol)
    w = _sweeps(problem, _polished(problem, w), sweeps, tol)
    if fit_intercept:
        return [float(u) for u in w], float(ybar - xbar @ w)
    return [float(u) for u in w]


def _sweeps(problem, w, sweeps, tol):
    """Cyclic coordinate descent from w until no coordinate moves by more than tol."""
    Xc, yc, s, l1, l2, v, positive = problem
    w = w.copy()
    r = yc - Xc @ w
    a = s @ (Xc * Xc)
    for _ in range(sweeps):
        largest = 0.0
        for j in range(len(w)):
            denominator = a[j] + 2 * l2 * v[j]
            if denominator == 0:
                continue
            g = (s * Xc[:, j]) @ r + a[j] * w[j]
            new = np.sign(g) * max(abs(g) - l1 * v[j], 0.0) / denominator
            new = max(new, 0.0) if positive else new
            r -= Xc[:, j] * (new - w[j])
            largest = max(largest, abs(new - w[j]))
            w[j] = new
        if largest <= tol * (1 + np.max(np.abs(w), initial=0.0)):
            break
    return w


def _objective(problem, w):
    Xc, yc, s, l1, l2, v, _ = problem
    r = yc - Xc @ w
    return 0.5 * s @ (r * r) + l1 * v @ np.abs(w) + l2 * v @ (w * w)


def _polished(problem, w):
    """The stationary point of F on the support of w with its signs (least squares), kept
    when it keeps those signs and does not raise F.  Coordinate descent alone crawls along
    nearly parallel columns: x = (3, 2) and (49/16, 33/16), both unpenalised, were 0.5 off
    after 200 000 sweeps (a re-seeded run of the metamorphic tests)."""
    Xc, yc, s, l1, l2, v, _ = problem
    support = np.flatnonzero(w)
    if not len(support):
        return w
    A = Xc[:, support]
    H = (A.T * s) @ A + np.diag(2 * l2 * v[support])
    rhs = (A.T * s) @ yc - l1 * v[support] * np.sign(w[support])
    step = w.copy()
    step[support] = np.linalg.lstsq(H, rhs, rcond=None)[0]
    keeps = np.all(np.sign(step[support]) == np.sign(w[support]))
    return step if keeps and _objective(problem, step) <= _objective(problem, w) else w


def correct(X, y, l1, l2, **options):
    """The control: the gate must accept it."""
    return cd(X, y, l1, l2, **options)


correct.capabilities = {"fit_intercept": True, "sample_weight": True, "positive": True,
                        "penalty_factor": True}


def penalised_intercept(X, y, l1, l2, fit_intercept=False, penalty_factor=None, **options):
    """The intercept as a column of ones with the L1/L2 penalty of the features."""
    if not fit_intercept:
        return cd(X, y, l1, l2, penalty_factor=penalty_factor, **options)
    X = np.column_stack([X, np.ones(len(X))])
    v = None if penalty_factor is None else np.append(penalty_factor, 1.0)
    positive = options.pop("positive", False)
    if positive:  # the intercept column must stay free: emulate by a sign flip trick
        raise NotImplementedError("penalised_intercept is only defined without positive")
    u = cd(X, y, l1, l2, penalty_factor=v, **options)
    return u[:-1], u[-1]


penalised_intercept.capabilities = {"fit_intercept": True, "sample_weight": True,
                                    "penalty_factor": True}


def unweighted_centring(X, y, l1, l2, sample_weight=None, **options):
    """Centres X and y with the plain means although sample weights are given."""
    return cd(X, y, l1, l2, sample_weight=sample_weight, centre_weights=np.ones(len(X)),
              **options)


unweighted_centring.capabilities = correct.capabilities


def weights_normalised_twice(X, y, l1, l2, sample_weight=None, **options):
    """Rescales the weights to sum to n (as scikit-learn does), then divides by n again."""
    if sample_weight is not None:
        n = len(sample_weight)
        sample_weight = np.asarray(sample_weight) * n / np.sum(sample_weight) / n
    return cd(X, y, l1, l2, sample_weight=sample_weight, **options)


weights_normalised_twice.capabilities = correct.capabilities


def positive_lambda_max_slip(X, y, l1, l2, positive=False, **options):
    """Returns w = 0 when λ₁ ≥ max(0, −Xᵀy)-style λ_max: the sign of the positive rule
    flipped (it must be max(0, ĉⱼ)/vⱼ, ĉ = XᵀS(y − ȳ)), so it zeroes problems it must fit."""
    if positive:
        Xa, ya = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        s = options.get("sample_weight")
        s = np.ones(len(ya)) if s is None else np.asarray(s, dtype=float)
        if options.get("fit_intercept"):
            Xa = Xa - s @ Xa / s.sum()
            ya = ya - s @ ya / s.sum()
        v = options.get("penalty_factor")
        v = np.ones(Xa.shape[1]) if v is None else np.asarray(v, dtype=float)
        c = (s * ya) @ Xa
        slip = max((max(0.0, -cj) / vj for cj, vj in zip(c, v) if vj > 0), default=0.0)
        if l1 >= slip:
            zero = [0.0] * Xa.shape[1]
            if options.get("fit_intercept"):
                return zero, float(np.asarray(y, dtype=float) @ s / s.sum())
            return zero
    return cd(X, y, l1, l2, positive=positive, **options)


positive_lambda_max_slip.capabilities = correct.capabilities

#: name -> (solver, a phrase the triage must contain)
BROKEN = {
    "penalised_intercept": (penalised_intercept, "intercept penalised"),
    "unweighted_centring": (unweighted_centring, "unweighted centring"),
    "weights_normalised_twice": (weights_normalised_twice, "sample weights normalised"),
    "positive_lambda_max_slip": (positive_lambda_max_slip, "λ_max"),
}
