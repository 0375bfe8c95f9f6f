"""Built-in implementations: the reference, its coordinate descent, and adapters for peers.

Each adapter maps the problem family (spec OPTIONS-OBJECTIVE)

    F(w, b) = ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ²   (w ≥ 0 if positive)

onto the library's own convention (spec CONVENTION-*), with standardisation off and
tolerances tight enough for the verdicts (F − F* ≤ 10⁻⁹·S).  The canonical problem is
s = 1, v = 1, no b, no constraint: F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂².  The gate passes an
option as a keyword (fit_intercept=True, sample_weight=s, positive=True, penalty_factor=v)
only when it is not the default and the adapter declares it in its capabilities; with
fit_intercept the adapter returns (w, b).  Every mapping is checked against the exact
answer by the conformance run itself (the option checks: generated/options/*, and the
metamorphic pairs), and by ``tests/test_conformance_meta.py`` when the peer is installed.

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
glmnet        python-glmnet ElasticNet(alpha=a, lambda_path=[λ], standardize=False),
  (CONVENTION-GLMNET, -GLMNET-WEIGHTS, -GLMNET-PENALTY-FACTOR)
              .fit(X, y, sample_weight=s, relative_penalties=v), one supplied λ:
              ½Σ(sᵢ/W)rᵢ² + λΣⱼv'ⱼ(a|wⱼ| + (1 − a)wⱼ²/(2σ)) = F/W     λ = (λ₁ + 2σλ₂)‖v‖₁/(pW),
              v'ⱼ = pvⱼ/‖v‖₁ (glmnet rescales the factors to sum p)  a = λ₁/(λ₁ + 2σλ₂)
              σ = the s-weighted sd of y about its s-weighted mean (1/W; its Fortran
              standardises y even with fit_intercept=False); lower_limits = 0 for w ≥ 0
              options: all four
cvxpy         the family itself (s and v as elementwise factors, b a free variable,
              w ≥ 0 a constraint), solved by OSQP with polishing, or by Clarabel when OSQP
              reports an inaccurate solution (or a solver raises); no exact zeros; under
              w ≥ 0 the answer is projected onto it (the solvers meet it to ~1e-16).
              options: all four
"""

from __future__ import annotations

import warnings

from .implementations import Implementation, LoadError, capabilities


def _require(module_name, package):
    import importlib

    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        raise LoadError(
            f"the {package} adapter needs {package}, which is not installed here ({error}); "
            f"install it (pip install {package}) or use its tox env, e.g. tox -e "
            f"conformance-{module_name.partition('.')[0]}"
        ) from None


def _enet_parameters(n, l1, l2):
    """(α, ρ) of the 1/(2n) convention shared by scikit-learn, statsmodels and glum."""
    alpha = (l1 + 2 * l2) / n
    return alpha, l1 / (l1 + 2 * l2)


# ----------------------------------------------------------------------------- reference


def reference_exact():
    """The exact solver, rounded to the nearest doubles: the best float64 answer there is."""
    import lasso_spec.reference as reference

    def solve(X, y, l1, l2, **options):
        options = {k: v if isinstance(v, bool) else v.tolist() for k, v in options.items()}
        solution = reference.solve(X.tolist(), y.tolist(), l1, l2, **options)
        w = [float(v) for v in solution.w]
        return (w, float(solution.intercept)) if options.get("fit_intercept") else w

    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "positive": True, "penalty_factor": True})
    return Implementation(solve, "reference", _project_version(), caps)


#: reference-cd stops when its certificate proves F(w) − F* ≤ tol·½‖y‖²: 10⁻¹³, four
#: decades inside the verdict's 10⁻⁹, because the certificate is itself evaluated in
#: float64.  max_sweeps only caps the work on very ill-conditioned designs.
CD_TOL = 1e-13
CD_MAX_SWEEPS = 200_000


def reference_cd():
    """The notes' coordinate descent (reference.coordinate_descent) in float64."""
    import lasso_spec.reference as reference

    def solve(X, y, l1, l2):
        run = reference.coordinate_descent(
            X.tolist(), y.tolist(), l1, l2, tol=CD_TOL, max_sweeps=CD_MAX_SWEEPS
        )
        return list(run.w)

    # Exact zeros: the run ends with a sweep that starts from a certified point and moves no
    # coefficient to or from zero, so a coefficient whose exact value is 0 with strict slack
    # comes back as 0.0 (before that rule, the suite found X = [[0, 3/2, 2]], y = [1],
    # l1 = 1/8 leaving ~1e-17 there).
    return Implementation(
        solve, "reference-cd", _project_version(), capabilities({"exact_zeros": True})
    )


def _project_version():
    from importlib import metadata

    try:
        return metadata.version("lasso-spec")
    except metadata.PackageNotFoundError:
        return "0.1.0 (source tree)"


# ----------------------------------------------------------------------------- peers


#: Sweeps scikit-learn's coordinate descent may take.  10⁶ was too few: on two nearly
#: parallel columns (corpus/nearly-parallel-2x2) it needs 1.1·10⁷ sweeps (about 1 s); the
#: gate's per-problem timeout bounds the rest.
SKLEARN_MAX_ITER = 10**8


def sklearn():
    """scikit-learn: Lasso, ElasticNet, Ridge (Cholesky), LinearRegression."""
    skl = _require("sklearn", "scikit-learn")
    lm = _require("sklearn.linear_model", "scikit-learn")
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
    sm = _require("statsmodels", "statsmodels")
    api = _require("statsmodels.api", "statsmodels")
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
    glum_module = _require("glum", "glum")
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
    module = _require("glmnet", "glmnet")
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


#: cvxpy solvers tried in turn until one reports "optimal": OSQP (ADMM) with solution
#: polishing (an exact solve on the identified active set) is the more accurate when the
#: polish succeeds; Clarabel (interior point) is the fallback.  Tolerances are 10⁻¹³.
CVXPY_SOLVERS = (
    ("OSQP", {"eps_abs": 1e-13, "eps_rel": 1e-13, "max_iter": 200_000, "polishing": True}),
    ("CLARABEL", {"tol_gap_abs": 1e-13, "tol_gap_rel": 1e-13, "tol_feas": 1e-13}),
)


def cvxpy():
    """cvxpy: the objective family, verbatim, solved by OSQP or else Clarabel."""
    cp = _require("cvxpy", "cvxpy")
    import numpy as np

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, positive=False,
              penalty_factor=None):
        # ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ², w ≥ 0 if positive: each option is
        # its own term (s and v enter as constant elementwise factors, no square roots).
        w = cp.Variable(X.shape[1])
        b = cp.Variable() if fit_intercept else None
        residual = y - X @ w - b if fit_intercept else y - X @ w
        if sample_weight is None:
            loss = 0.5 * cp.sum_squares(residual)
        else:
            loss = 0.5 * cp.sum(cp.multiply(sample_weight, cp.square(residual)))
        if penalty_factor is None:
            penalty = l1 * cp.norm1(w) + l2 * cp.sum_squares(w)
        else:
            penalty = (l1 * cp.sum(cp.multiply(penalty_factor, cp.abs(w)))
                       + l2 * cp.sum(cp.multiply(penalty_factor, cp.square(w))))
        problem = cp.Problem(cp.Minimize(loss + penalty), [w >= 0] if positive else [])
        best = None
        for solver, options in CVXPY_SOLVERS:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    problem.solve(solver=solver, **options)
                except cp.error.SolverError:  # e.g. Clarabel's InsufficientProgress: no
                    continue  # point is returned; the other solver's answer is judged
            if w.value is not None and (best is None or problem.value < best[0]):
                best = (problem.value, w.value.copy(), float(b.value) if fit_intercept else None)
            if problem.status == "optimal":
                break
        if best is None:
            return None
        # The solvers meet w ≥ 0 only to their feasibility tolerance (−1e-16 and the like):
        # the answer is projected onto that convex set, which holds the minimiser, so the
        # projection moves it no farther from the minimiser.
        coef = np.maximum(best[1], 0.0) if positive else best[1]
        return (coef, best[2]) if fit_intercept else coef

    caps = capabilities({"fit_intercept": True, "sample_weight": True, "positive": True,
                         "penalty_factor": True})
    return Implementation(solve, "cvxpy", cp.__version__, caps)


BUILTINS = {
    "reference": reference_exact,
    "reference-cd": reference_cd,
    "sklearn": sklearn,
    "statsmodels": statsmodels,
    "glum": glum,
    "glmnet": glmnet,
    "cvxpy": cvxpy,
}
