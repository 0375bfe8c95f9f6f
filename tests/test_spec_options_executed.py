"""The library conventions of the option family, executed (issue 10).

Each test fits the library on float64 data whose doubles are dyadic (so they convert
exactly), at the parameters a CONVENTION-* clause renders, and judges the answer by its exact
objective excess F(w, b) − F* against the certified oracle ``spec.options_exact``: within
10⁻⁹ (10⁻⁸ for glum and statsmodels, whose stopping rules are coarser) of F's scale S (as
the gate's: F(0, b*(0)) + ½λ₁²/max_j(a_j + 2λ₂v_j)).  Each clause also has a negative
control, its characteristic slip, which must land outside the same bound.  A test skips
when its library is absent (``pytest.importorskip``).
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lasso_spec.spec import options_exact as O
from lasso_spec.spec import options_lambda
from lasso_spec.spec.formula import q
from lasso_spec.spec.options_conventions import LAMBDA_MAX, W, l1, l2, n
from lasso_spec.spec.options_glum_statsmodels import glum_p1p2
from lasso_spec.spec.options_library import sklearn_weights

weight = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(2), Fraction(3)])
factor = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(1), Fraction(2)])


def _library(module):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip(module)


quarter = st.integers(-8, 8).map(lambda v: v / 4)


@st.composite
def float_cases(draw, positive=None, intercept=None, factors=False, max_p=3):
    """A family case on doubles (dyadic, so exact): X n x p, weights in {0, 1/2, 1, 2, 3}."""
    nn, pp = draw(st.integers(3, 6)), draw(st.integers(1, max_p))
    X = np.array([[draw(quarter) for _ in range(pp)] for _ in range(nn)])
    y = np.array([draw(quarter) for _ in range(nn)])
    s = np.array([float(draw(weight)) for _ in range(nn)])
    v = np.array([float(draw(factor)) for _ in range(pp)]) if factors else np.ones(pp)
    assume(s.sum() > 0 and (not factors or v.max() > 0))
    pos = draw(st.booleans()) if positive is None else positive
    icp = draw(st.booleans()) if intercept is None else intercept
    l1v = draw(st.integers(1, 16)) / 8
    l2v = draw(st.sampled_from([0.0, 0.25, 0.5]))
    cs = O.ocase(
        X.tolist(),
        y.tolist(),
        [0] * pp,
        Fraction(l1v),
        Fraction(l2v),
        s.tolist(),
        v.tolist(),
        pos,
        icp,
    )
    return cs, X, y, s, v


def scale(cs):
    """F's scale: F(0, b*(0)) + 1/2 l1^2 / max_j(a_j + 2 l2 v_j) (as the gate's S)."""
    zero = (Fraction(0),) * cs.p
    G, _ = O.gram(cs)
    amax = max(G[jj][jj] for jj in range(cs.p))
    return O.objective(cs, zero, O.best_intercept(cs, zero)) + (cs.l1**2 / amax / 2 if amax else 0)


def excess_of(cs, coef, intercept):
    w = tuple(Fraction(float(x)) for x in coef)
    b = Fraction(float(intercept)) if cs.intercept else Fraction(0)
    if cs.positive:
        assert all(x >= 0 for x in w), w
    return O.objective(cs, w, b) - O.optimum(cs)


def within(cs, coef, intercept, rtol=Fraction(1, 10**9)):
    excess = excess_of(cs, coef, intercept)
    assert 0 <= excess <= rtol * scale(cs), (float(excess), cs)


def outside(cs, coef, intercept, rtol=Fraction(1, 10**9)):
    assert excess_of(cs, coef, intercept) > rtol * scale(cs)


def _mapped(clause, name, cs, extra=None):
    formula = {"alpha": 1, "rho": 2}[name]
    values = {l1: q(cs.l1), l2: q(cs.l2), W: q(cs.W), n: cs.n}
    return float(clause["formulas"][formula].rhs.subs({**values, **(extra or {})}))


def _sklearn(cs, X, y, s, alpha, ratio):
    lm = _library("sklearn.linear_model")
    from sklearn.exceptions import ConvergenceWarning

    common = dict(fit_intercept=cs.intercept, positive=cs.positive, tol=1e-13, max_iter=10**6)
    if ratio == 1:  # Lasso (l2 = 0): the Lasso class itself
        model = lm.Lasso(alpha=alpha, **common)
    else:
        model = lm.ElasticNet(alpha=alpha, l1_ratio=ratio, **common)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model.fit(X, y, sample_weight=s)
    return model.coef_, model.intercept_


@pytest.mark.spec("CONVENTION-SKLEARN-WEIGHTS")
@settings(max_examples=25)
@given(float_cases())
def test_sklearn_with_weights_intercept_and_positive_at_the_mapping(case):
    cs, X, y, s, _ = case
    clause = sklearn_weights()
    alpha, ratio = _mapped(clause, "alpha", cs), _mapped(clause, "rho", cs)
    within(cs, *_sklearn(cs, X, y, s, alpha, ratio))
    within(cs, *_sklearn(cs, X, y, 2.5 * s, alpha, ratio))  # the scale of s does not matter


@pytest.mark.spec("CONVENTION-SKLEARN-WEIGHTS")
def test_sklearn_alpha_over_n_is_rejected_when_weights_do_not_sum_to_n():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]])
    y, s = np.array([2.0, 1.0, -1.5, 3.0]), np.array([1.0, 3.0, 2.0, 0.0])
    cs = O.ocase(
        X.tolist(),
        y.tolist(),
        [0, 0],
        Fraction(3, 4),
        Fraction(1, 2),
        s.tolist(),
        None,
        False,
        True,
    )
    clause = sklearn_weights()
    ratio = _mapped(clause, "rho", cs)
    within(cs, *_sklearn(cs, X, y, s, _mapped(clause, "alpha", cs), ratio))
    outside(cs, *_sklearn(cs, X, y, s, (0.75 + 1.0) / 4, ratio))


@pytest.mark.spec("CONVENTION-SKLEARN-WEIGHTS", "OPTIONS-LAMBDA-MAX")
@settings(max_examples=25)
@given(float_cases())
def test_sklearn_alpha_grid_is_the_mapped_lambda_max(case):
    cs, X, y, s, _ = case
    _library("sklearn.linear_model")
    from sklearn.linear_model._coordinate_descent import _alpha_grid

    lam = options_lambda.true_lambda_max(cs)
    assume(lam > 0)
    ratio = 0.5
    rendered = next(f for f in sklearn_weights()["formulas"] if "max" in f.lhs)
    value = rendered.rhs.subs(
        {LAMBDA_MAX: lam, W: q(cs.W), sp.Symbol("rho", positive=True): sp.Rational(1, 2)}
    )
    grid = _alpha_grid(
        X,
        y,
        l1_ratio=ratio,
        fit_intercept=cs.intercept,
        n_alphas=2,
        sample_weight=s,
        positive=cs.positive,
    )
    assert grid[0] == pytest.approx(float(value), rel=1e-12, abs=1e-300)


@pytest.mark.spec("CONVENTION-SKLEARN-WEIGHTS")
@settings(max_examples=15)
@given(float_cases())
def test_sklearn_ridge_with_weights_is_two_f(case):
    cs, X, y, s, _ = case
    lm = _library("sklearn.linear_model")
    cs = O.at(cs, l1=0, l2=cs.l2 or Fraction(1, 2), positive=False)
    model = lm.Ridge(alpha=2 * float(cs.l2), fit_intercept=cs.intercept, solver="cholesky")
    model.fit(X, y, sample_weight=s)
    within(cs, model.coef_, model.intercept_, rtol=Fraction(1, 10**11))


def _glmnet(cs, X, y, s, v, lam, mix):
    module = _library("glmnet")
    model = module.ElasticNet(
        alpha=mix,
        lambda_path=np.array([lam]),
        standardize=False,
        fit_intercept=cs.intercept,
        tol=1e-28,
        max_iter=10**6,
        n_splits=0,
        lower_limits=0.0 if cs.positive else -np.inf,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y, sample_weight=s, relative_penalties=v)
    assert model.coef_path_.shape[1] == 1
    return model.coef_path_[:, 0], model.intercept_path_[0]


def _weighted_sd(cs, y, s):
    w = s / s.sum()
    return float(np.sqrt(np.sum(w * (y - np.sum(w * y)) ** 2)))


def _glmnet_mapping(cs, X, y, s, v, *, rescaled=True):
    sy = _weighted_sd(cs, y, s)
    l1v, l2v = float(cs.l1), float(cs.l2)
    lam = (l1v + 2 * sy * l2v) / float(cs.W) * (v.sum() / len(v) if rescaled else 1)
    return lam, l1v / (l1v + 2 * sy * l2v)


def _glmnet_fits(cs, X, y):
    """glmnet drops constant columns (on the rows with weight) and returns 0 for constant y."""
    rows = [i for i in range(cs.n) if cs.s[i] > 0]
    return np.ptp(y[rows]) > 0 and all(np.ptp(X[rows, jj]) > 0 for jj in range(cs.p))


@pytest.mark.spec("CONVENTION-GLMNET-WEIGHTS", "CONVENTION-GLMNET-PENALTY-FACTOR")
@settings(max_examples=25)
@given(float_cases(factors=True))
def test_glmnet_with_weights_factors_intercept_and_bounds_at_the_mapping(case):
    cs, X, y, s, v = case
    assume(_glmnet_fits(cs, X, y))
    within(cs, *_glmnet(cs, X, y, s, v, *_glmnet_mapping(cs, X, y, s, v)))
    within(cs, *_glmnet(cs, X, y, 2.5 * s, 4 * v, *_glmnet_mapping(cs, X, y, s, v)))


@pytest.mark.spec("CONVENTION-GLMNET-WEIGHTS", "CONVENTION-GLMNET-PENALTY-FACTOR")
def test_glmnet_slipped_mappings_are_rejected():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]])
    y, s = np.array([2.0, 1.0, -1.0, 3.0]), np.array([1.0, 3.0, 2.0, 0.5])
    v = np.array([0.5, 2.0])
    cs = O.ocase(
        X.tolist(), y.tolist(), [0, 0], Fraction(3, 4), 0, s.tolist(), v.tolist(), False, True
    )
    lam, mix = _glmnet_mapping(cs, X, y, s, v)
    within(cs, *_glmnet(cs, X, y, s, v, lam, mix))
    outside(cs, *_glmnet(cs, X, y, s, v, *_glmnet_mapping(cs, X, y, s, v, rescaled=False)))
    outside(cs, *_glmnet(cs, X, y, s, v, lam * float(cs.W) / cs.n, mix))  # n in place of W


def _glum(cs, X, y, s, v, alpha, ratio):
    glum = _library("glum")
    model = glum.GeneralizedLinearRegressor(
        family="normal",
        alpha=alpha,
        l1_ratio=ratio,
        fit_intercept=cs.intercept,
        P1=v,
        P2=v,
        lower_bounds=np.zeros(cs.p) if cs.positive else None,
        scale_predictors=False,
        gradient_tol=1e-14,
        step_size_tol=1e-15,
        max_iter=10_000,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y, sample_weight=s)
    return model.coef_, model.intercept_


@pytest.mark.spec("CONVENTION-GLUM-P1P2")
@settings(max_examples=25)
@given(float_cases(factors=True))
def test_glum_with_weights_factors_intercept_and_bounds_at_the_mapping(case):
    cs, X, y, s, v = case
    clause = glum_p1p2()
    alpha, ratio = (
        float(clause["formulas"][k].rhs.subs({l1: q(cs.l1), l2: q(cs.l2), W: q(cs.W)}))
        for k in (2, 3)
    )
    within(cs, *_glum(cs, X, y, s, v, alpha, ratio), rtol=Fraction(1, 10**8))


@pytest.mark.spec("CONVENTION-GLUM-P1P2")
def test_glum_alpha_over_n_is_rejected():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]])
    y, s = np.array([2.0, 1.0, -1.0, 3.0]), np.array([1.0, 3.0, 2.0, 0.0])
    v = np.array([0.0, 2.0])
    cs = O.ocase(
        X.tolist(),
        y.tolist(),
        [0, 0],
        Fraction(3, 4),
        Fraction(1, 2),
        s.tolist(),
        v.tolist(),
        False,
        True,
    )
    ratio = 0.75 / (0.75 + 1.0)
    within(cs, *_glum(cs, X, y, s, v, 1.75 / 6, ratio))
    outside(cs, *_glum(cs, X, y, s, v, 1.75 / 4, ratio))


def _statsmodels(X, y, s, alphas, wt):
    api = _library("statsmodels.api")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = api.OLS(y, X) if np.all(s == 1) else api.WLS(y, X, weights=s)
        result = model.fit_regularized(
            method="elastic_net",
            alpha=alphas,
            L1_wt=wt,
            maxiter=10_000,
            cnvrg_tol=1e-15,
            zero_tol=1e-15,
        )
    return np.asarray(result.params)


@pytest.mark.spec("CONVENTION-STATSMODELS-VECTOR-ALPHA")
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("with_constant", [False, True])
def test_statsmodels_vector_alpha_at_the_mapping(weighted, with_constant):
    """Fixed, well-separated data (statsmodels freezes a coefficient that is zero after the
    first sweep; conformance/xfails/statsmodels.txt): the mapping is what is tested."""
    X = np.array(
        [[1.0, 2.0, 0.5], [3.0, -1.0, 1.0], [0.5, 1.5, -2.0], [2.0, 0.25, 1.0], [1.0, 1.0, 1.0]]
    )
    y = np.array([2.0, 1.0, -1.5, 3.0, 0.5])
    s = np.array([1.0, 2.0, 0.5, 1.5, 3.0]) if weighted else np.ones(5)
    v = np.array([1.0, 0.0, 2.0])
    l1v, l2v = 0.75, 0.25
    cs = O.ocase(
        X.tolist(),
        y.tolist(),
        [0] * 3,
        Fraction(l1v),
        Fraction(l2v),
        s.tolist(),
        v.tolist(),
        False,
        with_constant,
    )
    alphas = v * (l1v + 2 * l2v) / s.sum()
    wt = l1v / (l1v + 2 * l2v)
    if with_constant:  # the intercept as a constant column with alpha 0
        params = _statsmodels(np.column_stack([X, np.ones(5)]), y, s, np.append(alphas, 0.0), wt)
        within(cs, params[:3], params[3], rtol=Fraction(1, 10**8))
    else:
        within(cs, _statsmodels(X, y, s, alphas, wt), 0.0, rtol=Fraction(1, 10**8))
    if weighted:  # the slip: alpha divided by n although WLS rescales by sum(s)/n itself
        slipped = v * (l1v + 2 * l2v) / 5 if not with_constant else None
        if slipped is not None:
            outside(cs, _statsmodels(X, y, s, slipped, wt), 0.0)
