"""Every CONVENTION-* clause executed: the library, fitted at the mapped parameters, against
the exact answer.

Each test gives a library float64 data, converts the same doubles exactly to Fractions,
solves that exact problem with ``reference.solve`` and judges the library's answer w by
its exact objective excess F(w) − F*.

Tolerance (written down once, used for every library): the conformance gate's accuracy
G = 10⁻⁹·S, S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂) (CONFORMANCE-TOLERANCE, ``gap_tolerance``).
Each library runs at settings that put its answer far inside G:

* scikit-learn Lasso/ElasticNet, tol = 10⁻¹²: it stops when the duality gap of n·(its
  objective) = F is ≤ tol·‖y‖², so F(w) − F* ≤ 2·10⁻¹²·½‖y‖² ≤ G/500 (a ConvergenceWarning,
  i.e. no such certificate, is an error here).  Ridge (Cholesky) and LinearRegression are
  direct solves: their error is the float64 floor, ≈ 10⁻¹⁵ relative (tolerance.py).
* statsmodels, cnvrg_tol = zero_tol = 10⁻¹⁵ (coefficient-change criteria, no objective bound).
* glmnet, thr = 10⁻²⁸ on max_j x_jᵀx_j·Δ_j²/n relative to var(y) (glmnet_adapter.GLMNET_THR).
* glum, gradient_tol = 10⁻¹⁴ on the min-norm subgradient of F/W: for λ₂ > 0 this gives
  F(w) − F* ≤ ‖ρ‖²/(4λ₂) with ‖ρ‖ ≤ W·10⁻¹⁴ (GAP-DISTANCE-BOUND).

A wrong mapping is not within G: each clause also has a negative control (the mapping with
its characteristic slip) that must fail the same check, so these tests can fail.

The peers are not installed by the main tox env: each test skips, with the reason, when
its library is missing (tox -e conventions-executed installs all four).
"""

from __future__ import annotations

import importlib
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lasso_spec.conformance.tolerance import gap_tolerance
from lasso_spec.reference import Problem, objective, solve
from lasso_spec.spec import (
    conventions,
    conventions_glmnet,
    conventions_glum,
    conventions_sklearn_statsmodels,
)


def _library(module, package):
    try:
        with warnings.catch_warnings():  # python-glmnet imports the deprecated pkg_resources
            warnings.simplefilter("ignore", UserWarning)
            return importlib.import_module(module)
    except ImportError as error:
        pytest.skip(f"{package} is not installed here ({error}); tox -e conventions-executed")


# ----------------------------------------------------------------------------- data and oracle

quarter = st.integers(-12, 12).map(lambda k: k / 4)  # doubles, converted exactly below
eighths = st.integers(1, 24).map(lambda k: k / 8)


@st.composite
def float_problems(draw, min_n=2, max_n=6, max_p=4):
    """(X, y) float64 arrays: small dyadic entries, y not identically zero."""
    n, p = draw(st.integers(min_n, max_n)), draw(st.integers(1, max_p))
    X = np.array([[draw(quarter) for _ in range(p)] for _ in range(n)])
    y = np.array([draw(quarter) for _ in range(n)])
    assume(np.any(y != 0))
    return X, y


def exact_problem(X, y, l1, l2):
    """The exact rational problem of the doubles (Fraction(float) is the binary value)."""
    return Problem(X=[[Fraction(v) for v in row] for row in X.tolist()],
                   y=[Fraction(v) for v in y.tolist()], l1=Fraction(l1), l2=Fraction(l2))


def excess_and_bound(X, y, l1, l2, w):
    """(F(w) − F*, G), both exact; w is the library's float64 answer."""
    problem = exact_problem(X, y, l1, l2)
    star = solve(problem.X, problem.y, problem.l1, problem.l2)
    F = objective(problem.X, problem.y, [Fraction(float(v)) for v in w], problem.l1, problem.l2)
    return F - star.objective, gap_tolerance(problem)


def assert_within(X, y, l1, l2, w):
    excess, G = excess_and_bound(X, y, l1, l2, w)
    assert 0 <= excess <= G, (
        f"F(w) − F* = {float(excess):.3g} > G = {float(G):.3g} at X = {X.tolist()}, "
        f"y = {y.tolist()}, l1 = {Fraction(l1)}, l2 = {Fraction(l2)}, w = {list(w)}"
    )


def assert_outside(X, y, l1, l2, w):
    excess, G = excess_and_bound(X, y, l1, l2, w)
    assert excess > G, f"the wrong mapping was not told apart: {float(excess):.3g} <= {float(G)}"


def mapped(solution, symbols, n, l1, l2, extra=None):
    """The foreign parameters from the clause's sympy solution, as floats."""
    values = {conventions.n: n, conventions.l1: Fraction(l1), conventions.l2: Fraction(l2)}
    values.update(extra or {})
    return [float(solution[s].subs(values)) for s in symbols]


kinds = st.sampled_from(["lasso", "elastic-net", "ridge"])


def penalties(draw_kind, a, b):
    return {"lasso": (a, 0.0), "elastic-net": (a, b), "ridge": (0.0, b)}[draw_kind]


# ----------------------------------------------------------------------------- scikit-learn


def _sklearn_fit(X, y, l1, l2, *, wrong=False):
    lm = _library("sklearn.linear_model", "scikit-learn")
    from sklearn.exceptions import ConvergenceWarning

    sol, n = conventions_sklearn_statsmodels.sklearn(), X.shape[0]
    alpha, rho = sol["symbols"]
    if l1 == 0:
        (a,) = mapped(sol["ridge"], [alpha], n, l1, l2)
        model = lm.Ridge(alpha=a / 2 if wrong else a, fit_intercept=False, solver="cholesky")
    elif l2 == 0:
        (a,) = mapped(sol["lasso"], [alpha], n, l1, l2)
        model = lm.Lasso(alpha=a * n if wrong else a, fit_intercept=False, tol=1e-12,
                         max_iter=10**6)
    else:
        a, r = mapped(sol["enet"], [alpha, rho], n, l1, l2)
        model = lm.ElasticNet(alpha=a, l1_ratio=(l1 / (l1 + l2)) if wrong else r,
                              fit_intercept=False, tol=1e-12, max_iter=10**6)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        return model.fit(X, y).coef_


@pytest.mark.spec("CONVENTION-SKLEARN")
@given(float_problems(), kinds, eighths, eighths)
def test_sklearn_at_the_mapped_parameters_is_exact(prob, kind, a, b):
    X, y = prob
    l1, l2 = penalties(kind, a, b)
    assert_within(X, y, l1, l2, _sklearn_fit(X, y, l1, l2))


@pytest.mark.spec("CONVENTION-SKLEARN")
@pytest.mark.parametrize("kind", ["lasso", "elastic-net", "ridge"])
def test_sklearn_slipped_mappings_are_told_apart(kind):
    """Lasso α = λ₁ (no 1/n), ElasticNet l1_ratio = λ₁/(λ₁ + λ₂), Ridge α = λ₂ (no 2)."""
    X, y = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5]]), np.array([2.0, 1.0, -1.5])
    l1, l2 = penalties(kind, 0.75, 0.5)
    assert_within(X, y, l1, l2, _sklearn_fit(X, y, l1, l2))
    assert_outside(X, y, l1, l2, _sklearn_fit(X, y, l1, l2, wrong=True))


# ----------------------------------------------------------------------------- statsmodels


def _statsmodels_fit(X, y, l1, l2, *, documented_as_enet_l2=False):
    api = _library("statsmodels.api", "statsmodels")
    sol = conventions_sklearn_statsmodels.statsmodels()
    alpha, wt = mapped(sol["solution"], sol["symbols"], X.shape[0], l1, l2)
    if documented_as_enet_l2:  # the slip: L2 weight read as λ₂ instead of 2λ₂
        alpha, wt = (l1 + l2) / X.shape[0], l1 / (l1 + l2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = api.OLS(y, X).fit_regularized(
            method="elastic_net", alpha=alpha, L1_wt=wt, maxiter=10_000, cnvrg_tol=1e-15,
            zero_tol=1e-15,
        )
    return np.asarray(result.params)


@pytest.mark.spec("CONVENTION-STATSMODELS")
@pytest.mark.parametrize("kind", ["lasso", "elastic-net", "ridge"])
def test_statsmodels_at_the_mapped_parameters_is_exact(kind):
    """Fixed, well-separated data: statsmodels' active-set rule (a coefficient zero after the
    first sweep is frozen; conformance/xfails/statsmodels.txt) does not fire here, so what is
    tested is the mapping.  The gate (tox -e conformance-statsmodels) tests the solver."""
    X = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 1.0], [0.5, 1.5, -2.0], [2.0, 0.25, 1.0]])
    y = np.array([2.0, 1.0, -1.5, 3.0])
    l1, l2 = penalties(kind, 0.75, 0.5)
    assert_within(X, y, l1, l2, _statsmodels_fit(X, y, l1, l2))
    if l2 > 0:
        assert_outside(X, y, l1, l2, _statsmodels_fit(X, y, l1, l2, documented_as_enet_l2=True))


# ----------------------------------------------------------------------------- glmnet


def _glmnet_fit(X, y, l1, l2, *, documented=False):
    module = _library("glmnet", "glmnet (python-glmnet; needs gfortran to build)")
    sol = conventions_glmnet.glmnet()
    s = float(np.sqrt(np.mean((y - y.mean()) ** 2)))
    solution = sol["documented"] if documented else sol["solution"]
    lam, alpha = sol["symbols"]
    if l1 == 0 and l2 == 0:
        lam_value, alpha_value = 0.0, 1.0
    else:
        lam_value, alpha_value = mapped(solution, [lam, alpha], X.shape[0], l1, l2,
                                        {conventions.s_y: Fraction(s)})
    model = module.ElasticNet(
        alpha=alpha_value, lambda_path=np.array([lam_value]), standardize=False,
        fit_intercept=False, tol=1e-28, max_iter=10**6, n_splits=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y)
    assert model.coef_path_.shape[1] == 1, "glmnet returned no solution (maxit reached)"
    return model.coef_path_[:, 0]


def _no_constant_column_or_y(X, y):
    """glmnet drops constant columns and returns 0 for constant y (findings below)."""
    return np.ptp(y) > 0 and all(np.ptp(X[:, j]) > 0 for j in range(X.shape[1]))


@pytest.mark.spec("CONVENTION-GLMNET")
@given(float_problems(), kinds, eighths, eighths)
def test_glmnet_at_the_executed_mapping_is_exact(prob, kind, a, b):
    X, y = prob
    assume(_no_constant_column_or_y(X, y))
    l1, l2 = penalties(kind, a, b)
    assert_within(X, y, l1, l2, _glmnet_fit(X, y, l1, l2))


@pytest.mark.spec("CONVENTION-GLMNET")
@pytest.mark.parametrize("kind", ["elastic-net", "ridge"])
def test_glmnet_documented_mapping_is_wrong_when_l2_is_positive(kind):
    """sd(y) = 1.25 ≠ 1: the documented λ = (λ₁ + 2λ₂)/n, α = λ₁/(λ₁ + 2λ₂) misses F*."""
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]])
    y = np.array([2.0, 1.0, -1.0, 3.0])
    l1, l2 = penalties(kind, 0.75, 0.5)
    assert_within(X, y, l1, l2, _glmnet_fit(X, y, l1, l2))
    assert_outside(X, y, l1, l2, _glmnet_fit(X, y, l1, l2, documented=True))


@pytest.mark.spec("CONVENTION-GLMNET")
def test_glmnet_lasso_does_not_depend_on_sd_y():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]])
    y = np.array([2.0, 1.0, -1.0, 3.0])
    executed, documented = _glmnet_fit(X, y, 0.75, 0.0), _glmnet_fit(X, y, 0.75, 0.0,
                                                                     documented=True)
    assert list(executed) == list(documented)
    assert_within(X, y, 0.75, 0.0, executed)


@pytest.mark.spec("CONVENTION-GLMNET")
def test_glmnet_finding_constant_y_returns_zero():
    """Finding: X = [[1], [2]], y = (1, 1), λ₁ = 1/2 (glmnet λ = 1/4): w* = 1/2, glmnet 0.

    glmnet divides y by s_y = 0.  If this test fails, glmnet changed: revisit the clause."""
    X, y = np.array([[1.0], [2.0]]), np.array([1.0, 1.0])
    w = _glmnet_fit(X, y, 0.5, 0.0)
    assert solve([[1], [2]], [1, 1], Fraction(1, 2)).w == (Fraction(1, 2),)
    assert list(w) == [0.0]
    assert_outside(X, y, 0.5, 0.0, w)


@pytest.mark.spec("CONVENTION-GLMNET")
def test_glmnet_finding_constant_column_is_dropped():
    """Finding: a constant column is excluded (Fortran chkvars) even with intercept=FALSE.

    X = [[1, 1], [1, 2], [1, 0]], y = (3, 1, 2), λ₁ = 3/10: w* = (21/10, −1/5), glmnet
    (0, 0.94)."""
    X, y = np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 0.0]]), np.array([3.0, 1.0, 2.0])
    w = _glmnet_fit(X, y, 0.3, 0.0)
    assert solve([[1, 1], [1, 2], [1, 0]], [3, 1, 2], Fraction(3, 10)).w == (
        Fraction(21, 10), Fraction(-1, 5))
    assert w[0] == 0.0
    assert_outside(X, y, 0.3, 0.0, w)


# ----------------------------------------------------------------------------- glum


def _glum_fit(X, y, l1, l2, *, sample_weight=None, v=None, p2=None, total=None):
    glum = _library("glum", "glum")
    sol = conventions_glum.glum()
    W = total if total is not None else (
        X.shape[0] if sample_weight is None else float(np.sum(sample_weight)))
    if l1 == 0 and l2 == 0:
        alpha, rho = 0.0, 0.0
    else:
        alpha, rho = mapped(sol["solution"], sol["symbols"], X.shape[0], l1, l2,
                            {conventions.W: Fraction(W)})
    model = glum.GeneralizedLinearRegressor(
        family="normal", alpha=alpha, l1_ratio=rho, fit_intercept=False,
        scale_predictors=False, gradient_tol=1e-14, step_size_tol=1e-15, max_iter=10_000,
        P1="identity" if v is None else v, P2="identity" if p2 is None else p2,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.fit(X, y, sample_weight=sample_weight).coef_


@pytest.mark.spec("CONVENTION-GLUM")
@given(float_problems(), kinds, eighths, eighths)
def test_glum_at_the_mapped_parameters_is_exact(prob, kind, a, b):
    X, y = prob
    l1, l2 = penalties(kind, a, b)
    assert_within(X, y, l1, l2, _glum_fit(X, y, l1, l2))


@pytest.mark.spec("CONVENTION-GLUM")
@given(float_problems(max_n=4), st.lists(st.integers(1, 3), min_size=4, max_size=4), kinds,
       eighths, eighths)
def test_glum_integer_weights_are_repeated_rows(prob, counts, kind, a, b):
    """sample_weight = k ≡ row i repeated kᵢ times, with alpha divided by W = Σkᵢ, not n."""
    X, y = prob
    k = np.array(counts[: X.shape[0]], dtype=float)
    l1, l2 = penalties(kind, a, b)
    Xr, yr = np.repeat(X, counts[: X.shape[0]], axis=0), np.repeat(y, counts[: X.shape[0]])
    assert_within(Xr, yr, l1, l2, _glum_fit(X, y, l1, l2, sample_weight=k))
    # glum's objective is invariant under sample_weight → c·sample_weight (W scales with it)
    assert_within(Xr, yr, l1, l2, _glum_fit(X, y, l1, l2, sample_weight=k * 2.5,
                                            total=float(k.sum())))


@pytest.mark.spec("CONVENTION-GLUM")
@given(float_problems(), st.lists(st.integers(-2, 2), min_size=4, max_size=4), kinds,
       eighths, eighths)
def test_glum_penalty_factors_are_column_scalings(prob, exponents, kind, a, b):
    """P1 = v, P2 = v² (1-d: diagonal) on X ≡ the plain problem on X·diag(1/v), w = u/v.

    v is a power of two, so X/v is exact; P1 enters linearly (no rescaling to sum p)."""
    X, y = prob
    v = 2.0 ** np.array(exponents[: X.shape[1]])
    l1, l2 = penalties(kind, a, b)
    w = _glum_fit(X, y, l1, l2, v=v, p2=v**2)
    assert_within(X / v, y, l1, l2, w * v)


@pytest.mark.spec("CONVENTION-GLUM")
def test_glum_slipped_mappings_are_told_apart():
    """alpha divided by n instead of W = Σsᵢ is wrong when the weights do not sum to n."""
    X, y = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5]]), np.array([2.0, 1.0, -1.5])
    k = np.array([1.0, 3.0, 2.0])
    Xr, yr = np.repeat(X, [1, 3, 2], axis=0), np.repeat(y, [1, 3, 2])
    assert_within(Xr, yr, 0.75, 0.5, _glum_fit(X, y, 0.75, 0.5, sample_weight=k))
    assert_outside(Xr, yr, 0.75, 0.5, _glum_fit(X, y, 0.75, 0.5, sample_weight=k, total=3.0))
