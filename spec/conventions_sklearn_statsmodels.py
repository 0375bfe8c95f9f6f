"""CONVENTION-SKLEARN and CONVENTION-STATSMODELS: the mappings, solved by ``spec.conventions``.

Documented objectives (from each project's documentation):

* scikit-learn ``ElasticNet``: 1/(2n) RSS + alpha l1_ratio N1 + 1/2 alpha (1 - l1_ratio) N2
* scikit-learn ``Lasso``: 1/(2n) RSS + alpha N1
* scikit-learn ``Ridge``: RSS + alpha N2 (no 1/n and no 1/2)
* statsmodels ``OLS.fit_regularized(method="elastic_net")``:
  0.5 RSS/n + alpha ((1 - L1_wt) N2 / 2 + L1_wt N1)

Each is also written out on the explicit data of an exact case (``_sklearn_enet``,
``_statsmodels``), which the rendered formulas' checks evaluate.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from .conventions import (
    CANONICAL,
    CASES,
    N1,
    N2,
    RSS,
    F,
    at_case,
    case_objective,
    exactly_equal,
    k,
    l1,
    l2,
    mapping,
    mapping_checks,
    mixed_penalty,
    n,
    objective_parts,
)
from .formula import Formula


def _sklearn_enet(cs, alpha, ratio):
    """ElasticNet: 1/(2n)‖y − Xw‖² + α·l1_ratio‖w‖₁ + ½α(1 − l1_ratio)‖w‖²."""
    rss, n1, n2 = objective_parts(cs)
    return rss / (2 * cs.n) + alpha * ratio * n1 + alpha * (1 - ratio) * n2 / 2


def _statsmodels(cs, alpha, wt):
    """fit_regularized(method='elastic_net'): 0.5‖y − Xw‖²/n + α((1 − L1_wt)‖w‖²/2 + L1_wt‖w‖₁)."""
    rss, n1, n2 = objective_parts(cs)
    return sp.Rational(1, 2) * rss / cs.n + alpha * ((1 - wt) * n2 / 2 + wt * n1)


@cache
def sklearn():
    """CONVENTION-SKLEARN: ElasticNet, Lasso (l2 = 0) and Ridge (l1 = 0)."""
    alpha, rho = sp.symbols("alpha rho", positive=True)
    enet = RSS / (2 * n) + alpha * rho * N1 + alpha * (1 - rho) * N2 / 2
    lasso = RSS / (2 * n) + alpha * N1
    ridge = RSS + alpha * N2
    enet_sol, enet_ok = mapping(enet, [alpha, rho])
    lasso_sol, lasso_ok = mapping(lasso, [alpha], CANONICAL.subs(l2, 0))
    ridge_sol, ridge_ok = mapping(ridge, [alpha], CANONICAL.subs(l1, 0))
    strength, mix, scale = mapping_checks(
        _sklearn_enet, lambda cs: case_objective(cs) / cs.n, enet_sol[alpha], enet_sol[rho]
    )

    def lasso_check(rhs, cs):  # Lasso: 1/(2n)‖y − Xw‖² + α‖w‖₁ = F/n at λ₂ = 0
        rss, n1, _ = objective_parts(cs)
        value = rss / (2 * cs.n) + at_case(rhs, cs) * n1
        return exactly_equal(value, case_objective(cs, l2_=0) / cs.n)

    def ridge_check(rhs, cs):  # Ridge: ‖y − Xw‖² + α‖w‖² = 2F at λ₁ = 0 (no 1/n, no ½)
        rss, _, n2 = objective_parts(cs)
        return exactly_equal(rss + at_case(rhs, cs) * n2, 2 * case_objective(cs, l1_=0))

    formulas = (
        Formula(r"\texttt{ElasticNet}:\ \alpha", enet_sol[alpha], check=strength, cases=CASES),
        Formula(r"\texttt{l1\_ratio}", enet_sol[rho], check=mix, cases=CASES),
        Formula(r"\text{its objective}", F * enet_sol[k], check=scale, cases=CASES),
        Formula(
            r"\texttt{Lasso}\ (\lambda_2 = 0):\ \alpha",
            lasso_sol[alpha],
            check=lasso_check,
            cases=CASES,
        ),
        Formula(
            r"\texttt{Ridge}\ (\lambda_1 = 0):\ \alpha",
            ridge_sol[alpha],
            check=ridge_check,
            cases=CASES,
        ),
    )
    checks = {
        "ElasticNet objective = F / n": enet_ok and enet_sol[k] == 1 / n,
        "Lasso objective = F / n": lasso_ok and lasso_sol[k] == 1 / n,
        "Ridge objective = 2 F": ridge_ok and ridge_sol[k] == 2,
    }
    return {
        "formulas": formulas,
        "checks": checks,
        "enet": enet_sol,
        "lasso": lasso_sol,
        "ridge": ridge_sol,
        "symbols": (alpha, rho),
    }


@cache
def statsmodels():
    """CONVENTION-STATSMODELS: OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt)."""
    alpha, wt = sp.symbols("alpha L1_wt", positive=True)
    return mixed_penalty(alpha, wt, r"\texttt{alpha}", r"\texttt{L1\_wt}", library=_statsmodels)
