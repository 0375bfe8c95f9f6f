"""Real solver configurations hunted with the thorough profile (issue 9): each is a library
at settings a user would plausibly choose, beside the built-in peers (``--impl NAME``).

A failure that the thorough profile found and the default ``ci`` run did not became an
entry of ``conformance/corpus.json`` (check ``corpus/<id>``), so the default run rejects
that configuration; tests/test_corpus_hunts.py checks that it does.  What the hunts found:

sklearn_random  corpus/one-row-exact-zero-1x2 (a leftover 2e-16 where w*_j = 0 with slack)
celer           corpus/wide-parallel-pairs-2x4 (its pruned working set stalls, 1e-3·S off)
lbfgsb_tight    corpus/nearly-parallel-wide-2x5 (stops when a step no longer decreases F)
lbfgsb          fails the default run already (generated/lasso/correlated, 2.2e-4·S off)
cvxpy_default   fails the default run already (metamorphic/scaling-y-and-lambda, y/256)

and the built-in peers: statsmodels corpus/nearly-parallel-3x2, glmnet corpus/constant-y-2x1
and corpus/constant-column-2x2; scikit-learn, glum and cvxpy none.

Hunt one with

    PYTHONPATH=tests lasso-spec verify --impl meta.hunted_solvers:NAME --profile thorough \
        --scale off -k generated

Every solver takes (X, y, l1, l2) in the canonical convention
F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² and returns the p coefficients.  The scikit-learn and
celer mappings are the built-in adapter's (conformance/enet_adapters.py, CONVENTION-SKLEARN):
Lasso α = λ₁/n; ElasticNet α = (λ₁ + 2λ₂)/n, l1_ratio = λ₁/(λ₁ + 2λ₂).
"""

from __future__ import annotations

import warnings

import numpy as np

from lasso_spec.conformance.enet_adapters import SKLEARN_MAX_ITER, _enet_parameters

# ----------------------------------------------------------------------------- scikit-learn


def sklearn_random(X, y, l1, l2):
    """The built-in scikit-learn adapter with one setting changed: Lasso / ElasticNet
    ``selection="random"`` (a coordinate drawn at random per update instead of cyclic
    sweeps; random_state=0 so that the verdict is reproducible).  Ridge and least squares,
    which have no selection, are the adapter's."""
    from sklearn import linear_model as lm
    from sklearn.exceptions import ConvergenceWarning

    n = X.shape[0]
    common = {"fit_intercept": False, "tol": 1e-13, "max_iter": SKLEARN_MAX_ITER,
              "selection": "random", "random_state": 0}
    if l1 == 0 and l2 == 0:
        model = lm.LinearRegression(fit_intercept=False)
    elif l1 == 0:
        model = lm.Ridge(alpha=2 * l2, solver="cholesky", fit_intercept=False)
    elif l2 == 0:
        model = lm.Lasso(alpha=l1 / n, **common)
    else:
        alpha, ratio = _enet_parameters(n, l1, l2)
        model = lm.ElasticNet(alpha=alpha, l1_ratio=ratio, **common)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(X, y).coef_


sklearn_random.capabilities = {"exact_zeros": True}


# ----------------------------------------------------------------------------- celer


#: celer's tol bounds its duality gap (in its 1/n units): 10⁻¹³ as the scikit-learn adapter's.
CELER_TOL = 1e-13


def celer(X, y, l1, l2):
    """celer (working sets, dual extrapolation) Lasso / ElasticNet, no intercept, tol 10⁻¹³,
    its default max_iter = 100 working-set iterations and max_epochs = 50 000."""
    import celer as celer_module

    n = X.shape[0]
    if l2 == 0:
        model = celer_module.Lasso(alpha=l1 / n, fit_intercept=False, tol=CELER_TOL)
    else:
        alpha, ratio = _enet_parameters(n, l1, l2)
        model = celer_module.ElasticNet(alpha=alpha, l1_ratio=ratio, fit_intercept=False,
                                        tol=CELER_TOL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.fit(X, y).coef_


# Ridge and least squares: celer has no l1_ratio = 0 path worth testing.
celer.capabilities = {"ridge": False, "least_squares": False}


# ----------------------------------------------------------------------------- scipy


def lbfgsb(X, y, l1, l2):
    """scipy.optimize.minimize(method="L-BFGS-B") at its default options on the split
    w = u − v, u, v ≥ 0 (a smooth objective with bounds), with the exact gradient, from 0:

        ½‖y − X(u − v)‖² + λ₁Σ(u + v) + λ₂‖u − v‖².
    """
    return _lbfgsb(X, y, l1, l2, {})


#: L-BFGS-B's own stopping tests switched off: it runs until its line search can make no
#: more progress in float64 (or 10⁵ iterations).
LBFGSB_TIGHT = {"ftol": 0.0, "gtol": 0.0, "maxiter": 100_000, "maxfun": 1_000_000}


def lbfgsb_tight(X, y, l1, l2):
    """``lbfgsb`` with ftol = gtol = 0 (LBFGSB_TIGHT): as accurate as its line search gets."""
    return _lbfgsb(X, y, l1, l2, LBFGSB_TIGHT)


def _lbfgsb(X, y, l1, l2, options):
    from scipy.optimize import minimize

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    p = X.shape[1]

    def objective(z):
        w = z[:p] - z[p:]
        r = y - X @ w
        g = -X.T @ r + 2 * l2 * w
        value = 0.5 * r @ r + l1 * z.sum() + l2 * w @ w
        return value, np.concatenate([g + l1, -g + l1])

    z = minimize(objective, np.zeros(2 * p), jac=True, method="L-BFGS-B",
                 bounds=[(0, None)] * (2 * p), options=options).x
    return z[:p] - z[p:]


# ----------------------------------------------------------------------------- cvxpy


def cvxpy_default(X, y, l1, l2):
    """The built-in cvxpy adapter's problem, solved by ``problem.solve()`` at cvxpy's
    defaults (its default solver and tolerances) instead of OSQP/Clarabel at 10⁻¹³."""
    import cvxpy as cp

    w = cp.Variable(X.shape[1])
    problem = cp.Problem(cp.Minimize(0.5 * cp.sum_squares(y - X @ w)
                                     + l1 * cp.norm1(w) + l2 * cp.sum_squares(w)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        problem.solve()
    return None if w.value is None else w.value

