"""Deliberately broken solvers: each one a real way to get Lasso / Elastic Net wrong.

The conformance suite must reject every one of them (tests/test_conformance_meta.py)
and accept the reference.  Each is the notes' coordinate descent (numpy, float64)
with one mistake; ``correct`` is the same code without a mistake.  Keep adding to
``BROKEN`` whenever you think of a new way to be wrong.

Not here: a float32 solver.  The verdict is on the objective, and rounding w to
float32 (relative error 6·10⁻⁸) changes F only to second order on the support,
≈ 10⁻¹⁵ of S, far inside 10⁻⁹: in objective terms a float32 answer is accurate.

Every solver takes (X, y, l1, l2) in the canonical convention
F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² and returns the p coefficients.
"""

from __future__ import annotations

import numpy as np


def _soft(z, t):
    return np.sign(z) * max(abs(z) - t, 0.0)


def cd(X, y, l1, l2, *, sweeps=100_000, tol=1e-15, threshold=None, denominator=None,
       update=None, frozen=None, skip=(), stale=False, dtype=np.float64):
    """Cyclic coordinate descent with hooks for the mistakes below.

    Stops when no coefficient moved by more than tol·(1 + max|w|) in a sweep.
    """
    X, y = np.asarray(X, dtype=dtype), np.asarray(y, dtype=dtype)
    p = X.shape[1]
    a = (X * X).sum(axis=0)
    w = np.zeros(p, dtype=dtype)
    r = y.copy()
    threshold = threshold or (lambda j: l1)
    denominator = denominator or (lambda j: a[j] + 2 * l2)
    update = update or (lambda g, j: _soft(g, threshold(j)) / denominator(j))
    zero_after_first = np.zeros(p, dtype=bool)
    for sweep in range(sweeps):
        start = w.copy()
        base = r.copy()
        for j in range(p):
            if j in skip or zero_after_first[j] or denominator(j) == 0:
                continue
            g = X[:, j] @ (base if stale else r) + a[j] * w[j]
            new = update(g, j)
            r -= X[:, j] * (new - w[j])
            w[j] = new
            if frozen and sweep > 0 and new == 0:
                zero_after_first[j] = True
        if np.max(np.abs(w - start), initial=0.0) <= tol * (1 + np.max(np.abs(w), initial=0.0)):
            break
    return [float(v) for v in w]


def correct(X, y, l1, l2):
    """The notes' algorithm without a mistake (a control: the suite must accept it)."""
    return cd(X, y, l1, l2)


correct.capabilities = {"exact_zeros": True}


def one_over_n(X, y, l1, l2):
    """Minimises ½‖y − Xw‖²/n + l1‖w‖₁ + l2‖w‖² (the 1/n of scikit-learn's loss, λ unscaled)."""
    n = len(y)
    return cd(X, y, n * l1, n * l2)


def l2_not_doubled(X, y, l1, l2):
    """Denominator x_jᵀx_j + λ₂ instead of x_jᵀx_j + 2λ₂."""
    a = (np.asarray(X) ** 2).sum(axis=0)
    return cd(X, y, l1, l2, denominator=lambda j: a[j] + l2)


def threshold_doubled(X, y, l1, l2):
    """Soft threshold at 2λ₁."""
    return cd(X, y, l1, l2, threshold=lambda j: 2 * l1)


def threshold_after_dividing(X, y, l1, l2):
    """b_j = S(g_j/‖x_j‖², λ₁): the notes' section-4 shortcut, right only when ‖x_j‖² = 1."""
    a = (np.asarray(X) ** 2).sum(axis=0)
    return cd(X, y, l1, l2, update=lambda g, j: _soft(g / (a[j] + 2 * l2), l1))


def sign_error(X, y, l1, l2):
    """Shrinks away from zero: (g + sign(g)·λ₁)/a where |g| > λ₁."""
    a = (np.asarray(X) ** 2).sum(axis=0)

    def update(g, j):
        return (g + np.sign(g) * l1) / (a[j] + 2 * l2) if abs(g) > l1 else 0.0

    return cd(X, y, l1, l2, update=update, sweeps=100)


def too_few_sweeps(X, y, l1, l2):
    """Stops after two sweeps, certified or not."""
    return cd(X, y, l1, l2, sweeps=2)


def loose_stopping(X, y, l1, l2):
    """Stops when no coefficient moved by more than 10⁻³: slow progress looks like convergence."""
    return cd(X, y, l1, l2, tol=1e-3)


def stuck_at_zero(X, y, l1, l2):
    """A coefficient that is zero after the first sweep is never updated again."""
    return cd(X, y, l1, l2, frozen=True)


def ignores_last_column(X, y, l1, l2):
    """Never updates the last column (an off-by-one in the loop)."""
    return cd(X, y, l1, l2, skip=(np.asarray(X).shape[1] - 1,))


def stale_residual(X, y, l1, l2):
    """Computes every g_j of a sweep from the residual at the start of the sweep (Jacobi).

    Jacobi iterations diverge on correlated designs: the overflow is the bug, not noise."""
    with np.errstate(over="ignore", invalid="ignore"):
        return cd(X, y, l1, l2, stale=True, sweeps=2000)


def fits_intercept(X, y, l1, l2):
    """Centres X and y first (an intercept the canonical problem does not have)."""
    X, y = np.asarray(X), np.asarray(y)
    return cd(X - X.mean(axis=0), y - y.mean(), l1, l2)


def standardises(X, y, l1, l2):
    """Scales columns to unit norm, solves, and scales back (a different penalty)."""
    X = np.asarray(X)
    norms = np.sqrt((X * X).sum(axis=0))
    norms[norms == 0] = 1.0
    return list(np.asarray(cd(X / norms, y, l1, l2)) / norms)


def rounds_small_coefficients(X, y, l1, l2):
    """Sets |w_j| < 10⁻² to zero after solving (a 'cleanup' that changes the answer)."""
    w = np.asarray(cd(X, y, l1, l2))
    w[np.abs(w) < 1e-2] = 0.0
    return list(w)


def tiny_instead_of_zero(X, y, l1, l2):
    """Declares exact zeros but returns 10⁻³⁰⁰ where it should return 0.0."""
    return [v if v != 0 else 1e-300 for v in cd(X, y, l1, l2)]


tiny_instead_of_zero.capabilities = {"exact_zeros": True}


def wrong_length(X, y, l1, l2):
    """Drops the last coefficient."""
    return cd(X, y, l1, l2)[:-1]


def returns_nan(X, y, l1, l2):
    """Divides 0 by 0 on a zero column, as the notes' formula would."""
    X = np.asarray(X)
    a = (X * X).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return [float(v) for v in np.asarray(cd(X, y, l1, l2)) * a / a]


def raises(X, y, l1, l2):
    """Refuses λ₁ = 0 with an exception."""
    if l1 == 0:
        raise ZeroDivisionError("l1 must be positive")
    return cd(X, y, l1, l2)


#: name → (solver, the triage expected among its failures: a substring of the triage)
BROKEN = {
    "one_over_n": (one_over_n, "optimum with λ₁ and λ₂ multiplied by n"),
    "l2_not_doubled": (l2_not_doubled, "λ₂ used as λ₂/2"),
    "threshold_doubled": (threshold_doubled, "λ₁ doubled"),
    "threshold_after_dividing": (threshold_after_dividing, "wrong"),
    "sign_error": (sign_error, "wrong"),
    "too_few_sweeps": (too_few_sweeps, "not converged"),
    "loose_stopping": (loose_stopping, "not converged"),
    "stuck_at_zero": (stuck_at_zero, "stuck at zero"),
    "ignores_last_column": (ignores_last_column, "stuck at zero"),
    "stale_residual": (stale_residual, "wrong"),
    "fits_intercept": (fits_intercept, "wrong"),
    "standardises": (standardises, "wrong"),
    "rounds_small_coefficients": (rounds_small_coefficients, "wrong"),
    "tiny_instead_of_zero": (tiny_instead_of_zero, "exact zeros missing"),
    "wrong_length": (wrong_length, "returned"),
    "returns_nan": (returns_nan, "finite"),
    "raises": (raises, "raised"),
}


def lasso_only(X, y, l1, l2):
    """A correct Lasso / Elastic Net solver that declares it does not do λ₁ = 0."""
    return cd(X, y, l1, l2)


lasso_only.capabilities = {"ridge": False, "least_squares": False, "exact_zeros": True}
lasso_only.version = "1.2.3"


# ----------------------------------------------------------------------------- hostile solvers
# Not in BROKEN: they misbehave as processes (tests/test_isolation.py runs them in the
# gate's worker process), and calling them in a test process would end or patch it.


def exits_on_zero_column(X, y, l1, l2):
    """Correct, except that it ends its process with status 0 when X has a zero column."""
    import os

    if (np.asarray(X) == 0).all(axis=0).any():
        os._exit(0)
    return correct(X, y, l1, l2)


def hangs(X, y, l1, l2):
    """Never returns."""
    import time

    while True:
        time.sleep(1)


def kills_itself(X, y, l1, l2):
    """Dies of SIGKILL on problems with λ₂ > 0 (a signal, as an out-of-memory kill would)."""
    import os
    import signal

    if l2 > 0:
        os.kill(os.getpid(), signal.SIGKILL)
    return correct(X, y, l1, l2)


def calls_sys_exit(X, y, l1, l2):
    """Raises SystemExit(0) instead of answering."""
    import sys

    sys.exit(0)


def prints_to_stdout(X, y, l1, l2):
    """Correct, but chatty on stdout (print and fd 1): it must not corrupt the gate's channel."""
    import os

    print('{"returned": [0, 0]}')
    os.write(1, b"not json\n")
    return correct(X, y, l1, l2)


prints_to_stdout.capabilities = {"exact_zeros": True}


def patches_the_judge(X, y, l1, l2):
    """Returns zeros, after making the gate judge the exact optimum instead of its answer.

    In the judge's own process (--no-isolation) this passes every check: the threat
    isolation removes."""
    import lasso_spec.conformance.runner as runner
    from lasso_spec.conformance.received import exact_solution

    if not getattr(runner.judge, "patched", False):
        real = runner.judge

        def judge(problem, returned, **options):
            return real(problem, exact_solution(problem).w, **options)

        judge.patched = True
        runner.judge = judge
    return [0.0] * np.asarray(X).shape[1]
