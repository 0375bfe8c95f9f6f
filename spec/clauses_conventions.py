"""The clauses of other libraries' parameters: scikit-learn, statsmodels, glmnet, glum.

Each CONVENTION-* clause renders the mapping of a library's parameters onto λ₁, λ₂, solved by
sympy from its documented (for glmnet, its executed) objective: ``spec.conventions`` holds
the method, ``spec.conventions_sklearn_statsmodels``, ``spec.conventions_glmnet`` and
``spec.conventions_glum`` the libraries.  The option family's conventions (weights, penalty
factors) are in ``spec.options_clauses``.
"""

from __future__ import annotations

from . import conventions_glmnet, conventions_glum, conventions_sklearn_statsmodels
from .clause import Clause

CLAUSES: tuple[Clause, ...] = (
    Clause(
        "CONVENTION-SKLEARN",
        "scikit-learn parameters",
        "With fit_intercept=False: ElasticNet(alpha, l1_ratio) minimises F/n when "
        "alpha = (λ₁ + 2λ₂)/n and l1_ratio = λ₁/(λ₁ + 2λ₂); Lasso(alpha) minimises F/n (λ₂ = 0) "
        "when alpha = λ₁/n; Ridge(alpha) minimises ‖y − Xw‖² + α‖w‖² = 2F (λ₁ = 0) when "
        "alpha = 2λ₂ (no 1/n). Same minimisers, derived by matching coefficients.",
        conventions_sklearn_statsmodels.sklearn,
    ),
    Clause(
        "CONVENTION-STATSMODELS",
        "statsmodels parameters",
        "OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt) with no constant column "
        "minimises 0.5·RSS/n + alpha((1 − L1_wt)‖w‖²/2 + L1_wt‖w‖₁) = F/n when "
        "alpha = (λ₁ + 2λ₂)/n and L1_wt = λ₁/(λ₁ + 2λ₂). Its coordinate descent (statsmodels "
        "0.15.0, statsmodels/base/elastic_net.py) has an active-set rule: from the second sweep "
        "on, a coefficient with |w_j| < zero_tol is set to 0 and never revisited, and every "
        "|w_j| < zero_tol is rounded to 0 at the end (default zero_tol = 10⁻⁸), so with "
        "zero_tol > 0 it can stop with a coefficient frozen at 0 that must re-enter, which is "
        "not the minimiser. zero_tol = 0 switches the rule off (|w_j| < 0 never holds); the "
        "gate's statsmodels adapter passes zero_tol = 0, and the gate's checks that the rule "
        "failed at zero_tol = 10⁻¹⁵ (edge/wide, the wide and Elastic Net families, three scale "
        "designs, the intercept and weights Lasso option checks) pass with it (tox -e "
        "conformance-statsmodels). The mapping itself is executed on fixed, well-separated "
        "data, where the rule does not fire.",
        conventions_sklearn_statsmodels.statsmodels,
    ),
    Clause(
        "CONVENTION-GLMNET",
        "glmnet parameters",
        "glmnet(x, y, family='gaussian', intercept=FALSE, standardize=FALSE) documents the "
        "objective 1/(2N)·RSS + λ((1 − α)/2‖β‖² + α‖β‖₁), but at a supplied λ it minimises "
        "1/(2N)·RSS + λ((1 − α)/(2s_y)‖β‖² + α‖β‖₁) = F/n: it scales y and λ by 1/s_y and the "
        "coefficients back by s_y. So λ = (λ₁ + 2s_yλ₂)/n and α = λ₁/(λ₁ + 2s_yλ₂); Lasso "
        "(λ₂ = 0) is unaffected, and for λ₂ > 0 the documented mapping is right only when "
        "s_y = 1. s_y depends on the version: python-glmnet 2.2.1 (Fortran glmnet5.f90, "
        "5/12/14) and R glmnet up to 3.0-2 use s_y = sd(y) (centred, 1/N, even without an "
        "intercept; the s_y rendered below); R glmnet from 4.0 on uses the uncentred "
        "s_y = √(Σᵢyᵢ²/N) = ‖y‖/√N without an intercept (read in every cran/glmnet version: "
        "src/glmnet5dpclean.f line 133, centred in 3.0-2 (8959307), uncentred in 4.0 "
        "(8d764f2) to 4.1-2; glmnetpp standardize.hpp line 46, 'trevor changed 3/24/2020', "
        "in 4.1-3 to 4.1-8). Executed against python-glmnet 2.2.1 and R glmnet 4.1-6 "
        "(Rscript, tests/test_conventions_r.py; R 4.1-6's src/ is 4.1-8's): each at its own "
        "s_y reaches w*, and at the other's misses it for λ₂ > 0 (X = [[1, 1], [1, 0], [0, 1]], "
        "y = (3, 2, 1), λ₁ = 1, λ₂ = ½: w* = (9/8, 5/8); python-glmnet's λ = 0.6055, α = 0.5505 "
        "gives R (1.3990, 0.6733)). Both drop constant columns (chkvars), so F is not reachable "
        "there. For a constant y python-glmnet returns 0; R fits it without an intercept (its "
        "s_y > 0 unless y = 0) and stops with an error with one. R refuses a one-column x.",
        conventions_glmnet.glmnet,
    ),
    Clause(
        "CONVENTION-GLUM",
        "glum parameters",
        "GeneralizedLinearRegressor(family='normal', fit_intercept=False, alpha, l1_ratio, P1, "
        "P2) minimises 1/(2W)·Σsᵢrᵢ² + α·l1_ratio·Σvⱼ|wⱼ| + ½α(1 − l1_ratio)·Σvⱼwⱼ² with "
        "W = Σsᵢ (s = sample_weight, P1 = P2 = v as 1-d arrays; P2 1-d is diagonal) = F_{s,v}/W "
        "when alpha = (λ₁ + 2λ₂)/W and l1_ratio = λ₁/(λ₁ + 2λ₂). Scaling all weights by c "
        "changes nothing; with unit weights W = n (scikit-learn's ElasticNet mapping). Executed "
        "against glum 3.4.1: unit weights, integer weights against repeated rows, and "
        "P1 = v, P2 = v² against columns scaled by 1/v.",
        conventions_glum.glum,
    ),
)
