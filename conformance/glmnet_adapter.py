"""The adapter for glmnet (python-glmnet, the Fortran of R's glmnet) at one supplied λ.

glmnet divides its L2 term by σ, the sd of y, which its Fortran standardises even without an
intercept, and rescales the penalty factors to sum p (``_glmnet_parameters``); the family
mapped from, and how an option reaches it, are in adapters.py.  Mapping (n rows;
W = Σsᵢ, n without weights):

glmnet        python-glmnet ElasticNet(alpha=a, lambda_path=[λ], standardize=False),
  (CONVENTION-GLMNET, -GLMNET-WEIGHTS, -GLMNET-PENALTY-FACTOR)
              .fit(X, y, sample_weight=s, relative_penalties=v), one supplied λ:
              ½Σ(sᵢ/W)rᵢ² + λΣⱼv'ⱼ(a|wⱼ| + (1 − a)wⱼ²/(2σ)) = F/W     λ = (λ₁ + 2σλ₂)‖v‖₁/(pW),
              v'ⱼ = pvⱼ/‖v‖₁ (glmnet rescales the factors to sum p)  a = λ₁/(λ₁ + 2σλ₂)
              σ = the s-weighted sd of y about its s-weighted mean (1/W; its Fortran
              standardises y even with fit_intercept=False); lower_limits = 0 for w ≥ 0
              options: all four
"""

from __future__ import annotations

import warnings

from .implementations import Implementation, capabilities, require


def _glmnet_parameters(total, s, l1, l2, mean_factor=1.0):
    """(λ, α) of glmnet as executed (CONVENTION-GLMNET, -WEIGHTS, -PENALTY-FACTOR).

    The L2 term carries 1/s, s = the (weighted) sd of y; λ is divided by W = Σsᵢ (n without
    weights) and multiplied by the mean penalty factor ‖v‖₁/p, which glmnet divides out.
    λ₁ = λ₂ = 0 is λ = 0 (α is then irrelevant: 1).  With s = 0 (constant y) glmnet has no
    mapping for λ₂ > 0 (it divides y by s); the Lasso mapping is passed and the verdict
    judges what glmnet returns.
    """
    denominator = l1 + 2 * s * l2
    return denominator * mean_factor / total, (l1 / denominator if denominator > 0 else 1.0)


#: glmnet's ``thr``: a pass stops when max_j x_jᵀx_j·Δ_j²/n < thr·var(y) (y is scaled to
#: unit variance inside), i.e. every coordinate moved less than 10⁻¹⁴·sd(y)/‖x_j‖·√n —
#: far inside the verdict's 10⁻⁹ relative accuracy, and above the ~10⁻³² of a float64
#: fixed point, so the loop ends.  max_iter caps the passes.
GLMNET_THR = 1e-28
GLMNET_MAX_ITER = 10**6


def glmnet():
    """python-glmnet (the Fortran of R's glmnet): ElasticNet at one supplied λ, no CV."""
    module = require("glmnet", "glmnet")
    import numpy as np

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, positive=False,
              penalty_factor=None):
        if X.shape[0] == 1:  # python-glmnet refuses n = 1 (check_X_y, ensure_min_samples=2);
            # a zero row adds 0 to ‖y − Xw‖², so F is unchanged; n and s are then those of
            # the data glmnet receives, which is what its convention uses.  With an
            # intercept the row (0, y = 0) would count: it gets weight 0.
            X, y = np.vstack([X, np.zeros_like(X)]), np.append(y, 0.0)
            if sample_weight is not None or fit_intercept:
                given = np.ones(1) if sample_weight is None else sample_weight
                sample_weight = np.append(given, 0.0 if fit_intercept else 1.0)
        n, p = X.shape
        weights = np.ones(n) if sample_weight is None else sample_weight
        total = float(weights.sum())
        # glmnet's s: the sd of y about its weighted mean with the weights normalised to
        # sum 1 (ddof 0), with or without an intercept (CONVENTION-GLMNET-WEIGHTS).
        share = weights / total
        s = float(np.sqrt(np.sum(share * (y - np.sum(share * y)) ** 2)))
        mean_factor = 1.0 if penalty_factor is None else float(penalty_factor.sum()) / p
        lam, alpha = _glmnet_parameters(total, s, l1, l2, mean_factor)
        model = module.ElasticNet(
            alpha=alpha, lambda_path=np.array([lam]), standardize=False,
            fit_intercept=fit_intercept, tol=GLMNET_THR, max_iter=GLMNET_MAX_ITER, n_splits=0,
            lower_limits=0.0 if positive else -np.inf,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y, sample_weight=sample_weight, relative_penalties=penalty_factor)
        if model.coef_path_.shape[1] != 1:  # glmnet returned no solution (maxit reached)
            raise RuntimeError(f"glmnet returned {model.coef_path_.shape[1]} solutions for 1 λ")
        coef = model.coef_path_[:, 0]
        return (coef, model.intercept_path_[0]) if fit_intercept else coef

    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "positive": True, "penalty_factor": True})
    return Implementation(solve, "glmnet", module.__version__, caps)
