"""The option family's clauses: (id, title, statement, derive, key), registered by
``spec.clauses`` after the canonical ones.  Sources cited by file and line were read at the
versions named; "executed" means a test of tests/test_spec_options_executed.py fits the
library there."""

from __future__ import annotations

from . import options, options_cd, options_centring, options_duality, options_kkt, options_lambda
from . import options_glum_statsmodels as gs
from . import options_library as lib


def one_line(paragraph: str) -> str:
    """A statement written as a wrapped paragraph, joined to one line."""
    return " ".join(paragraph.split())


ENTRIES = (
    (
        "OPTIONS-OBJECTIVE",
        "The option family",
        one_line(
            """
            Every option is an instance of F(w, b) = ½Σᵢ sᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σⱼ vⱼ|wⱼ| + λ₂Σⱼ
            vⱼwⱼ², optionally subject to w ≥ 0: sample weights sᵢ ≥ 0; penalty factors vⱼ ≥ 0 in
            both penalty terms (vⱼ = 0: an unpenalised feature); an intercept b, never penalised
            and never constrained, present only when fitted (b = 0 otherwise). s = 1, v = 1, no
            intercept and no constraint is OBJECTIVE, which is unchanged. With S = diag(s), V =
            diag(v), G = XᵀSX + 2λ₂V and c = XᵀSy, F(w, 0) is the quadratic form below (sympy
            expansion on a 3 × 2 instance with symbolic s, v); with an intercept the same form
            holds on the weighted-centred data (OPTIONS-INTERCEPT-CENTRING). Only G and c enter:
            an exact solver needs no square root of a weight. Checked: G against exact second
            differences of F, c against its exact gradient at 0, F against the definition, at
            every probed point of the option cases (spec/options_cases.py; the oracle
            spec/options_exact.py certifies its minimisers by exact one-dimensional minimisation
            in every coordinate).
            """
        ),
        options.objective,
        "formulas",
    ),
    (
        "OPTIONS-KKT",
        "Optimality conditions with options",
        one_line(
            """
            With r = y − b1 − Xw and ĉⱼ = Σᵢ sᵢXᵢⱼrᵢ − 2λ₂vⱼwⱼ (minus the derivative of the smooth
            part, by sympy): F is convex and its nonsmooth part Σⱼ gⱼ(wⱼ), gⱼ(t) = λ₁vⱼ|t| (+ the
            indicator of t ≥ 0), is separable, so (w, b) is a minimiser iff ∂F/∂b = −Σᵢ sᵢrᵢ = 0
            (when b is fitted) and ĉⱼ ∈ ∂gⱼ(wⱼ) for every j. The sets are derived from the
            subgradient inequality over the feasible directions (u = ±1, or u = +1 at the bound
            under w ≥ 0): vⱼ > 0 gives KKT-ZERO/KKT-NONZERO with λ₁vⱼ for λ₁; under w ≥ 0 a zero
            coefficient needs only ĉⱼ ≤ λ₁vⱼ ([−λ₁vⱼ, λ₁vⱼ] plus the normal cone (−∞, 0]) and a
            positive one ĉⱼ = λ₁vⱼ; vⱼ = 0 collapses the zero set to {0}: ĉⱼ = 0 for an
            unpenalised feature (ĉⱼ ≤ 0 at the bound under w ≥ 0). Each rendered condition is
            checked by what it claims: put in place of the true condition, the conditions hold at
            exactly those probed points that minimise F (decided by the certified oracle).
            """
        ),
        options_kkt.kkt,
        "formulas",
    ),
    (
        "OPTIONS-INTERCEPT-CENTRING",
        "Eliminating the intercept: weighted centring",
        one_line(
            """
            ∂F/∂b = 0 is linear in b with slope W = Σᵢ sᵢ; for W > 0 its root is b*(w) = ȳ − x̄ᵀw
            with the weighted means x̄ⱼ = Σᵢ sᵢXᵢⱼ/W, ȳ = Σᵢ sᵢyᵢ/W. Substituting it gives F(w,
            b*(w)) = the objective without intercept on X̃ = X − 1x̄ᵀ, ỹ = y − ȳ1, so
            OPTIONS-OBJECTIVE applies with G̃ = X̃ᵀSX̃ + 2λ₂V and c̃ = X̃ᵀSy (= X̃ᵀSỹ, as X̃ᵀS1 =
            0); the minimisers in w are the same and b* follows. Centring with the unweighted
            means does not give F(w, b*(w)) unless the weights are equal (a derivation check).
            Identities expanded on a 3 × 2 instance with symbolic weights; the formulas are
            checked against the exact minimiser over b (from three evaluations of F) at every
            probed point.
            """
        ),
        options_centring.centring,
        "formulas",
    ),
    (
        "OPTIONS-LAMBDA-MAX",
        "The smallest λ₁ with w_P = 0, for every option",
        one_line(
            """
            P = {j : vⱼ > 0}, U = {j : vⱼ = 0}. At w_P = 0 the conditions of U and b do not
            involve λ₁, so they fix (w_U, b) to the restricted fit (w°, b°): least squares in b
            and w_U, weighted, on centred data when b is fitted; non-negative least squares in w_U
            under w ≥ 0 (its residual r° is unique). What remains is the zero condition of
            OPTIONS-KKT for j ∈ P at ĉ°ⱼ = Σᵢ sᵢXᵢⱼr°ᵢ (the λ₂ term vanishes at wⱼ = 0), solved
            for λ₁ by sympy: λ₁ ≥ |ĉ°ⱼ|/vⱼ; under w ≥ 0, λ₁ ≥ max(0, ĉ°ⱼ/vⱼ) — the maximum, not
            the absolute value: a negative correlation never moves a non-negative coefficient off
            0. λ_max is the largest threshold over P (0 when P = ∅). With U = ∅, r° = ỹ (y − ȳ1
            with an intercept, y without), so λ_max = maxⱼ|Σᵢ sᵢXᵢⱼỹᵢ|/vⱼ: weighted, and centred
            with the same weights. With U ≠ ∅ and no constraint (X̃_U of full column rank), r° is
            the S-weighted projection residual below; under w ≥ 0 with U ≠ ∅, r° is the residual
            of a non-negative least-squares fit, which has no closed form (the checks use the
            oracle's fit). Checked by deciding whether w_P = 0 is optimal at λ_max, at 99/100 and
            101/100 of it and at the case's λ₁; tests show that |·| in the w ≥ 0 case, dropping
            the weights, and dropping the centring each fail.
            """
        ),
        options_lambda.lambda_max,
        "formulas",
    ),
    (
        "OPTIONS-DUAL-GAP",
        "Dual and duality gap, for every option",
        one_line(
            """
            For all θ ∈ ℝⁿ, ζ ∈ ℝᵖ: F(w, b) − D(θ, ζ) = ½Σᵢ sᵢ(rᵢ − θᵢ)² + λ₂Σⱼ vⱼ(wⱼ − ζⱼ)² − bΣᵢ
            sᵢθᵢ + Σⱼ(λ₁vⱼ|wⱼ| − wⱼκⱼ) (sympy, 2 × 2 with symbolic s, v, b). The last two terms
            are bounded below over the feasible (w, b) iff (θ, ζ) meets the constraints below (the
            slopes along each ray, solved by sympy): |κⱼ| ≤ λ₁vⱼ; κⱼ ≤ λ₁vⱼ under w ≥ 0; κⱼ = 0
            for an unpenalised feature (κⱼ ≤ 0 under w ≥ 0); Σᵢ sᵢθᵢ = 0 when b is fitted. They
            are then ≥ 0: D(θ, ζ) ≤ F* (weak duality), with equality at θ = r*, ζ = w*. No square
            root of a weight appears. Dual point from any feasible (w, b): keep w_P and refit w_U
            and b (least squares; non-negative least squares under w ≥ 0) to (w′, b′), so that Σᵢ
            sᵢr′ᵢ = 0 and ĉ_U(w′) = 0 (≤ 0 under w ≥ 0); then t(r′, w′) is feasible for 0 ≤ t ≤
            min(1, λ₁/M(w′)), and its gap G is the closed form below, ≥ 0 and 0 iff (w′, b′) is
            optimal. For the point itself F(w, b) − F* ≤ G + F(w, b) − F(w′, b′). Without the
            refit, t(r, w) is feasible only if Σᵢ sᵢrᵢ = 0 and ĉ_U(w) = 0 (≤ 0) already hold, else
            only t = 0 (gap F(w, b)). As in DUAL-GAP the gap degenerates as λ₁ → 0; the sharper
            bounds of CERTIFICATE-BOUND are not derived here for the options. Checked: weak and
            strong duality on the option cases, and weak duality on random exact instances with
            random feasible (θ, ζ).
            """
        ),
        options_duality.dual_gap,
        "formulas",
    ),
    (
        "OPTIONS-CD-UPDATE",
        "The weighted coordinate update",
        one_line(
            """
            With the other coordinates and b fixed, F(w with wⱼ = t) = h(t) + const with aⱼ = Σᵢ
            sᵢXᵢⱼ² and gⱼ = Σᵢ sᵢXᵢⱼrᵢ⁽ʲ⁾ = Σᵢ sᵢXᵢⱼ(rᵢ + Xᵢⱼwⱼ) (sympy, 3 × 2 with symbolic s,
            v). For aⱼ + 2λ₂vⱼ > 0 the exact minimiser is S(gⱼ, λ₁vⱼ)/(aⱼ + 2λ₂vⱼ), and under w ≥
            0 max(0, gⱼ − λ₁vⱼ)/(aⱼ + 2λ₂vⱼ) (the branch t > 0 or the bound t = 0), derived branch
            by branch and compared on both sides of the threshold; an unpenalised feature gets the
            least-squares step gⱼ/aⱼ (clipped at 0 under w ≥ 0). If aⱼ + 2λ₂vⱼ = 0 (xⱼ = 0 on the
            rows with sᵢ > 0, and λ₂vⱼ = 0) h is λ₁vⱼ|t| + const and 0 is a minimiser. The
            intercept's exact update is b ← b*(w) (OPTIONS-INTERCEPT-CENTRING). Checked: every
            update equals the exact one-dimensional minimiser of F (three evaluations per
            half-line) at every probed point and coordinate.
            """
        ),
        options_cd.cd_update,
        "formulas",
    ),
    (
        "CONVENTION-SKLEARN-WEIGHTS",
        "scikit-learn: sample_weight, fit_intercept, positive",
        one_line(
            """
            scikit-learn 1.9.1 Lasso/ElasticNet(alpha, l1_ratio, fit_intercept, positive).fit(X,
            y, sample_weight=s) has the objective ½·np.average(r², weights=s) + α·l1_ratio‖w‖₁ +
            ½α(1 − l1_ratio)‖w‖² (sklearn/linear_model/_coordinate_descent.py, comment in
            ElasticNet.fit, lines 1175–1206); fit rescales the weights to s′ = (n/W)s (line 1202)
            because enet_path minimises ½Σs′ᵢrᵢ² + nα(…) (l1_reg = alpha·l1_ratio·n_samples, lines
            783–784). So (v = 1: scikit-learn has no penalty factors) alpha = (λ₁ + 2λ₂)/W and
            l1_ratio = λ₁/(λ₁ + 2λ₂) with W = Σᵢ sᵢ, not n; for unit weights this is
            CONVENTION-SKLEARN. fit_intercept=True is the family's b, eliminated by centring with
            the sample-weighted means (_preprocess_data, sklearn/linear_model/_base.py lines 193
            and 198); positive=True is w ≥ 0. _alpha_grid (lines 163–205) computes alpha_max =
            maxⱼ|x̃ⱼᵀSỹ|/(W·l1_ratio), max(0, ·) under positive=True: OPTIONS-LAMBDA-MAX through
            the mapping. Ridge(alpha).fit(X, y, sample_weight=s) minimises Σᵢ sᵢrᵢ² + α‖w‖² = 2F
            (λ₁ = 0) with no normalisation: alpha = 2λ₂. Executed (scikit-learn 1.9.1): Lasso and
            ElasticNet at the mapping, with random dyadic weights (zeros included) × fit_intercept
            × positive, reach the exact F* to within 10⁻⁹ of F's scale, and alpha = (λ₁ + 2λ₂)/n
            is rejected when W ≠ n; _alpha_grid's first value equals the rendered alpha_max for
            weights × intercept × positive; Ridge with sample_weight at alpha = 2λ₂ (also with an
            intercept).
            """
        ),
        lib.sklearn_weights,
        "formulas",
    ),
    (
        "CONVENTION-GLMNET-WEIGHTS",
        "glmnet: observation weights",
        one_line(
            """
            glmnet's Fortran normalises the weights to sum 1 (w=w/sum(w):
            glmnet/src/glmnet/glmnet5.f90 (civisanalytics/python-glmnet b3f9ef2, v2.2.1), lines
            801 and 1087; w /= w.sum(): src/glmnetpp/include/glmnetpp_bits/elnet_driver
            (cran/glmnet 625f6ca, R glmnet 4.1-8)/standardize.hpp line 35), so its data term is
            ½Σᵢ(sᵢ/W)rᵢ² and the fit does not depend on the scale of the weights; with an
            intercept x and y are centred with those weights (xm(j)=dot_product(w,x(:,j)),
            ym=dot_product(w,y): lines 830 and 848). Together with the y-scaling of
            CONVENTION-GLMNET (elnetu divides y and λ by ys and returns ys·b, lines 776 and 784)
            the objective at a supplied λ is F/W at λ = (λ₁ + 2s_yλ₂)/W, α = λ₁/(λ₁ + 2s_yλ₂),
            where s_y is the weighted standard deviation of y about its weighted mean (ys =
            sqrt(dot_product(y,y) − dot_product(v,y)²) after y = √w·y, line 806, without an
            intercept; ys = ‖√w(y − ym)‖, line 850, with one; the s_y rendered below). R glmnet
            from 4.0 on (as CONVENTION-GLMNET states; 4.1-3 to 4.1-8: standardize.hpp line 46,
            'trevor changed 3/24/2020') uses, without an intercept, the uncentred ys = ‖√w·y‖,
            i.e. s_y = √(Σᵢsᵢyᵢ²/W); with an intercept both use the weighted sd. Lasso (λ₂ = 0)
            does not depend on s_y. Executed against python-glmnet 2.2.1 and R glmnet 4.1-6
            (Rscript, tests/test_conventions_r.py), each at its own s_y: weights (zeros included,
            summing to neither 1 nor n) × intercept × lower.limits = 0 reach the exact minimiser
            (R, both type.gaussian, to ≤ 3·10⁻¹³ relative at thresh = 10⁻²⁸), and so do the
            weights scaled by 2.5; λ with n in place of W is rejected, and so is R without an
            intercept at python-glmnet's s_y (λ₂ > 0).
            """
        ),
        lib.glmnet_weights,
        "formulas",
    ),
    (
        "CONVENTION-GLMNET-PENALTY-FACTOR",
        "glmnet: penalty.factor",
        one_line(
            """
            glmnet rescales penalty.factor to sum to the number of variables: vq = max(0, vp), vq
            = vq·ni/sum(vq) (glmnet/src/glmnet/glmnet5.f90 (civisanalytics/python-glmnet b3f9ef2,
            v2.2.1), lines 728–729; src/glmnetpp/include/glmnetpp_bits/elnet_driver (cran/glmnet
            625f6ca, R glmnet 4.1-8)/base.hpp lines 12–13; documented in cran/glmnet R/glmnet.R
            lines 164–165), refuses all-zero factors (jerr = 10000, lines 722–723), and uses vq in
            both penalty terms (sign(v,u)/(xv(k)+vp(k)·dem) with v = |u| − vp(k)·ab, lines
            926–929). So glmnet is invariant to the scale of v, and the family's (λ₁, λ₂, v) needs
            λ = (λ₁ + 2s_yλ₂)‖v‖₁/(pW) (α as in CONVENTION-GLMNET-WEIGHTS); a supplied λ is used
            as given, not rescaled back. python-glmnet passes relative_penalties as vp and
            lower_limits as cl (w ≥ 0: lower_limits = 0). Executed against python-glmnet 2.2.1
            (relative_penalties = v) and R glmnet 4.1-6 (penalty.factor = v; also v scaled by 4):
            v with zeros and not summing to p, with weights, intercept and lower limits 0, at the
            mapping; the mapping without the factor ‖v‖₁/p is rejected. R's own path starts at
            this mapping of OPTIONS-LAMBDA-MAX, λ[1] = λ₁,max‖v‖₁/(pWα), the unpenalised
            features fitted first (base.hpp's initialize_point), except that under lower.limits
            = 0 it still takes max_j |c°_j|/v_j, not max_j max(0, c°_j)/v_j (python-glmnet
            2.2.1 too), so its first λ can exceed the bound's threshold.
            """
        ),
        lib.glmnet_penalty_factor,
        "formulas",
    ),
    (
        "CONVENTION-GLUM-P1P2",
        "glum: P1, P2, sample_weight, lower_bounds, fit_intercept",
        one_line(
            """
            glum 3.4.1 GeneralizedLinearRegressor(family='normal', alpha, l1_ratio, P1, P2,
            fit_intercept, lower_bounds).fit(X, y, sample_weight=s) divides sample_weight by its
            sum (glum/_glm.py lines 2157–2158) and minimises 1/(2W)Σᵢ sᵢrᵢ² + α·l1_ratio·Σⱼ
            P1ⱼ|wⱼ| + ½α(1 − l1_ratio)wᵀP2w (docstring, lines 2177–2179); setup_p1 and setup_p2
            only multiply the given P1, P2 by alpha·l1_ratio and alpha·(1 − l1_ratio) (lines 3264
            and 3323): unlike glmnet, no rescaling. The family maps to P1 = P2 = v (a 1-d P2 is
            diagonal), alpha = (λ₁ + 2λ₂)/W, l1_ratio = λ₁/(λ₁ + 2λ₂); P1ⱼ = P2ⱼ = 0 is an
            unpenalised feature, lower_bounds = 0 is w ≥ 0, fit_intercept=True the unpenalised b
            (scale_predictors=False, the default). Executed (glum 3.4.1): weights (zeros included)
            × factors (zeros included) × intercept × lower_bounds at the mapping; alpha with n in
            place of W rejected.
            """
        ),
        gs.glum_p1p2,
        "formulas",
    ),
    (
        "CONVENTION-STATSMODELS-VECTOR-ALPHA",
        "statsmodels: vector alpha and WLS weights",
        one_line(
            """
            statsmodels 0.15.0 WLS(y, X, weights=s).fit_regularized(method='elastic_net', alpha=a,
            L1_wt) with a vector a multiplies a by Σs/n and fits OLS on the whitened data
            (statsmodels/regression/linear_model.py lines 954–958), whose objective is 0.5·RSS/n +
            Σⱼ aⱼ((1 − L1_wt)wⱼ²/2 + L1_wt|wⱼ|) (docstring line 129; alpha[k] per coordinate in
            statsmodels/base/elastic_net.py, lines 71 and 157: the L2 term alpha[k]·(1 − L1_wt)/2,
            the L1 threshold alpha[k]·L1_wt). That is F/n at aⱼ = vⱼ(λ₁ + 2λ₂)/W, L1_wt = λ₁/(λ₁ +
            2λ₂); OLS is W = n. statsmodels fits no intercept: a constant column with aⱼ = 0 is
            the family's b (a derivation check). Executed (statsmodels 0.15.0) on fixed,
            well-separated data: OLS and WLS with a vector alpha containing a zero, and a constant
            column with alpha 0 as the intercept.
            """
        ),
        gs.statsmodels_vector_alpha,
        "formulas",
    ),
)
