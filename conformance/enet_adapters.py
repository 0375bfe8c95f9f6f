"""Adapters for the peers of the α, l1_ratio convention: scikit-learn, statsmodels, glum.

All three take the penalty as α = (λ₁ + 2λ₂)/W and the l1_ratio ρ, against a loss scaled by
1/W (statsmodels: 1/n), computed by ``_enet_parameters``; standardisation is off.  The family
they are mapped from, and how an option reaches them, are in adapters.py.

Mappings (n rows; W = Σsᵢ, n without weights; ρ = λ₁/(λ₁ + 2λ₂)):

scikit-learn  Lasso:       Σsᵢrᵢ²/(2W) + α‖w‖₁                        α = λ₁/W
  (CONVENTION-SKLEARN, -SKLEARN-WEIGHTS)
              ElasticNet:  Σsᵢrᵢ²/(2W) + αρ‖w‖₁ + ½α(1 − ρ)‖w‖²       α = (λ₁ + 2λ₂)/W
              Ridge:       Σsᵢrᵢ² + α‖w‖²  (no ½, no 1/W)              α = 2λ₂
                           (positive=True: solver="lbfgs", its only one for it)
              LinearRegression (λ₁ = λ₂ = 0): least squares
              options: fit_intercept, sample_weight (fit's), positive; no penalty factors
statsmodels   OLS(y, X), or WLS(y, X, weights=s), .fit_regularized(method="elastic_net"):
  (CONVENTION-STATSMODELS, -STATSMODELS-VECTOR-ALPHA)
              ½Σsᵢrᵢ²/n + (W/n)Σⱼαⱼ((1 − L1_wt)wⱼ²/2 + L1_wt|wⱼ|) = F/n  αⱼ = vⱼ(λ₁ + 2λ₂)/W
              (WLS multiplies α by W/n itself; OLS: W = n)            L1_wt = ρ
              fit_intercept: a first constant column with αⱼ = 0 (as sm.add_constant)
              zero_tol = 0: no active-set freezing (STATSMODELS_ZERO_TOL)
              (λ₁ = λ₂ = 0: .fit(method="pinv"); λ₁ = 0 is statsmodels' _fit_ridge)
              options: fit_intercept, sample_weight, penalty_factor; no positive (no bounds)
glum          GeneralizedLinearRegressor(family="normal", scale_predictors=False),
  (CONVENTION-GLUM, -GLUM-P1P2)    .fit(X, y, sample_weight=s):
              Σsᵢrᵢ²/(2W) + αρΣP1ⱼ|wⱼ| + ½α(1 − ρ)wᵀdiag(P2)w         α = (λ₁ + 2λ₂)/W,
              P1 = P2 = v, lower_bounds = 0 for w ≥ 0, fit_intercept    l1_ratio = ρ
              options: all four
"""

from __future__ import annotations

import warnings

from .implementations import Implementation, capabilities, require


def _enet_parameters(n, l1, l2):
    """(α, ρ) of the 1/(2n) convention shared by scikit-learn, statsmodels and glum."""
    alpha = (l1 + 2 * l2) / n
    return alpha, l1 / (l1 + 2 * l2)


#: Sweeps scikit-learn's coordinate descent may take.  10⁶ was too few: on two nearly
#: parallel columns (corpus/nearly-parallel-2x2) it needs 1.1·10⁷ sweeps (about 1 s); the
#: gate's per-problem timeout bounds the rest.
SKLEARN_MAX_ITER = 10**8


def sklearn():
    """scikit-learn: Lasso, ElasticNet, Ridge (Cholesky), LinearRegression."""
    skl = require("sklearn", "scikit-learn")
    lm = require("sklearn.linear_model", "scikit-learn")
    from sklearn.exceptions import ConvergenceWarning

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, positive=False):
        # With weights s, scikit-learn's Lasso/ElasticNet minimise
        # Σsᵢrᵢ²/(2Σs) + αρ‖w‖₁ + ½α(1 − ρ)‖w‖² (it rescales s to sum to n), i.e. F/Σs:
        # α = (λ₁ + 2λ₂)/Σs; without weights Σs = n (spec CONVENTION-SKLEARN-WEIGHTS).
        total = X.shape[0] if sample_weight is None else float(sample_weight.sum())
        common = {"fit_intercept": fit_intercept}
        if l1 == 0 and l2 == 0:
            model = lm.LinearRegression(positive=positive, **common)
        elif l1 == 0:  # positive=True: scikit-learn's only solver for it is L-BFGS-B
            model = (lm.Ridge(alpha=2 * l2, solver="lbfgs", positive=True, tol=1e-15,
                              max_iter=100_000, **common) if positive
                     else lm.Ridge(alpha=2 * l2, solver="cholesky", **common))
        elif l2 == 0:
            model = lm.Lasso(alpha=l1 / total, tol=1e-13, max_iter=SKLEARN_MAX_ITER,
                             positive=positive, **common)
        else:
            alpha, ratio = _enet_parameters(total, l1, l2)
            model = lm.ElasticNet(alpha=alpha, l1_ratio=ratio, tol=1e-13,
                                  max_iter=SKLEARN_MAX_ITER, positive=positive, **common)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            fitted = model.fit(X, y, sample_weight=sample_weight)
        return (fitted.coef_, fitted.intercept_) if fit_intercept else fitted.coef_

    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "positive": True})
    return Implementation(solve, "sklearn", skl.__version__, caps)


#: statsmodels' zero_tol: its coordinate descent stops revisiting a coefficient once
#: |w_j| < zero_tol after the first sweep ("if a parameter becomes zero we do not try to
#: change it again", statsmodels/base/elastic_net.py), so any zero_tol > 0 freezes an exact
#: zero that must re-enter (its default is 1e-8; at 1e-15 it failed edge/wide, the wide and
#: Elastic Net families, three scale designs and two weighted option checks under the CI
#: profile).  0 switches that rule off (and the final rounding of |w_j| < zero_tol to 0):
#: exact zeros still come from _opt_1d's soft threshold, which returns 0.0 exactly.
STATSMODELS_ZERO_TOL = 0.0


def statsmodels():
    """statsmodels: OLS/WLS(y, X).fit_regularized(method="elastic_net"), or .fit()."""
    sm = require("statsmodels", "statsmodels")
    api = require("statsmodels.api", "statsmodels")
    import numpy as np

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, penalty_factor=None):
        # CONVENTION-STATSMODELS-VECTOR-ALPHA: WLS(weights=s) multiplies alpha by W/n itself
        # and fits OLS on the whitened rows, so alphaⱼ = vⱼ(λ₁ + 2λ₂)/W; the intercept is a
        # constant column with alpha 0 (statsmodels fits none of its own), put first as
        # sm.add_constant does.
        n, p = X.shape
        if fit_intercept:
            X = np.column_stack([np.ones(n), X])
        model = api.OLS(y, X) if sample_weight is None else api.WLS(y, X, weights=sample_weight)
        if l1 == 0 and l2 == 0:
            params = model.fit(method="pinv").params
        else:
            total = n if sample_weight is None else float(sample_weight.sum())
            alpha, weight = _enet_parameters(total, l1, l2)
            if fit_intercept or penalty_factor is not None:
                v = np.ones(p) if penalty_factor is None else penalty_factor
                alpha = alpha * (np.append(0.0, v) if fit_intercept else v)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = model.fit_regularized(
                    method="elastic_net", alpha=alpha, L1_wt=weight,
                    maxiter=10_000, cnvrg_tol=1e-15, zero_tol=STATSMODELS_ZERO_TOL,
                )
            params = np.asarray(result.params)
        return (params[1:], params[0]) if fit_intercept else params

    # positive: fit_regularized has no bounds.
    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "penalty_factor": True})
    return Implementation(solve, "statsmodels", sm.__version__, caps)


#: glum's max_inner_iter, the cap on the coordinate-descent sweeps of its inner solve (its
#: default 100 000): on nearly parallel columns the normal family's one outer iteration
#: stopped at that cap, 2.2·10⁻⁶ above F* on corpus/nearly-parallel-2x2 and 1.2·10⁻⁵ on a
#: correlated design with an unpenalised column (gradient_tol and max_iter change nothing);
#: at 10⁷ both are within 10⁻²³ of F*, in under a second.
GLUM_MAX_INNER_ITER = 10**7


def glum():
    """glum: GeneralizedLinearRegressor(family="normal"), no scaling."""
    glum_module = require("glum", "glum")
    import numpy as np

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, positive=False,
              penalty_factor=None):
        # CONVENTION-GLUM-P1P2: glum divides sample_weight by its sum W, so
        # α = (λ₁ + 2λ₂)/W; P1 = P2 = v (a 1-d P2 is diagonal), lower_bounds = 0 is w ≥ 0.
        n, p = X.shape
        total = n if sample_weight is None else float(sample_weight.sum())
        if l1 == 0 and l2 == 0:
            alpha, ratio = 0.0, 0.0
        else:
            alpha, ratio = _enet_parameters(total, l1, l2)
        factors = {} if penalty_factor is None else {"P1": penalty_factor, "P2": penalty_factor}
        model = glum_module.GeneralizedLinearRegressor(
            family="normal", alpha=alpha, l1_ratio=ratio, fit_intercept=fit_intercept,
            lower_bounds=np.zeros(p) if positive else None, scale_predictors=False,
            gradient_tol=1e-14, step_size_tol=1e-15, max_iter=10_000,
            max_inner_iter=GLUM_MAX_INNER_ITER, **factors,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted = model.fit(X, y, sample_weight=sample_weight)
        return (fitted.coef_, fitted.intercept_) if fit_intercept else fitted.coef_

    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "positive": True, "penalty_factor": True})
    return Implementation(solve, "glum", glum_module.__version__, caps)
