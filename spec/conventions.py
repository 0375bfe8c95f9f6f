"""Other libraries' objectives, mapped onto F by sympy.

Every objective here is a combination of the three quantities
RSS = ||y - Xw||^2, N1 = ||w||_1 and N2 = ||w||_2^2 (no intercept).  Two
objectives G and F have the same minimisers when G = k F + const with k > 0;
as RSS, N1, N2 vary independently over (w, y), that holds for all data iff the
coefficient vectors satisfy coef(G) = k coef(F).  sympy solves that system
for the foreign parameters (and k), which is the mapping.

Documented objectives (from each project's documentation):

* scikit-learn ``ElasticNet``: 1/(2n) RSS + alpha l1_ratio N1 + 1/2 alpha (1 - l1_ratio) N2
* scikit-learn ``Lasso``: 1/(2n) RSS + alpha N1
* scikit-learn ``Ridge``: RSS + alpha N2 (no 1/n and no 1/2)
* statsmodels ``OLS.fit_regularized(method="elastic_net")``:
  0.5 RSS/n + alpha ((1 - L1_wt) N2 / 2 + L1_wt N1)
* glmnet (``family="gaussian"``): 1/(2N) RSS + lambda ((1 - alpha)/2 N2 + alpha N1)
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from .formula import Formula

RSS, N1, N2 = sp.symbols("RSS N1 N2", nonnegative=True)
n = sp.Symbol("n", positive=True)
l1, l2 = sp.symbols("lambda_1 lambda_2", positive=True)
k = sp.Symbol("k", positive=True)
CANONICAL = RSS / 2 + l1 * N1 + l2 * N2


def _coefficients(expr):
    return [sp.expand(expr).coeff(q) for q in (RSS, N1, N2)]


def same_minimisers(foreign, unknowns, canonical=CANONICAL):
    """Solve coef(foreign) = k coef(canonical) for the unknowns and k > 0."""
    equations = [
        sp.Eq(f, k * c)
        for f, c in zip(_coefficients(foreign), _coefficients(canonical), strict=True)
    ]
    solutions = sp.solve(equations, [*unknowns, k], dict=True)
    return [sol for sol in solutions if sol[k].is_positive is not False]


def _mapping(foreign, unknowns, canonical=CANONICAL):
    """The unique solution, and the verification that foreign = k F after substitution."""
    (sol,) = same_minimisers(foreign, unknowns, canonical)
    check = sp.simplify(foreign.subs(sol) - sol[k] * canonical) == 0
    return sol, check


@cache
def sklearn():
    """CONVENTION-SKLEARN: ElasticNet, Lasso (l2 = 0) and Ridge (l1 = 0)."""
    alpha, rho = sp.symbols("alpha rho", positive=True)
    enet = RSS / (2 * n) + alpha * rho * N1 + alpha * (1 - rho) * N2 / 2
    lasso = RSS / (2 * n) + alpha * N1
    ridge = RSS + alpha * N2
    enet_sol, enet_ok = _mapping(enet, [alpha, rho])
    lasso_sol, lasso_ok = _mapping(lasso, [alpha], CANONICAL.subs(l2, 0))
    ridge_sol, ridge_ok = _mapping(ridge, [alpha], CANONICAL.subs(l1, 0))
    formulas = (
        Formula(r"\texttt{ElasticNet}:\ \alpha", enet_sol[alpha]),
        Formula(r"\texttt{l1\_ratio}", enet_sol[rho]),
        Formula(r"\text{its objective}", sp.Symbol("F") * enet_sol[k]),
        Formula(r"\texttt{Lasso}\ (\lambda_2 = 0):\ \alpha", lasso_sol[alpha]),
        Formula(r"\texttt{Ridge}\ (\lambda_1 = 0):\ \alpha", ridge_sol[alpha]),
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


def _mixed_penalty(strength, mix, strength_tex, mix_tex):
    """The form 1/(2n) RSS + strength((1 − mix) N2/2 + mix N1) shared by statsmodels and glmnet."""
    objective = RSS / (2 * n) + strength * ((1 - mix) * N2 / 2 + mix * N1)
    sol, ok = _mapping(objective, [strength, mix])
    formulas = (Formula(strength_tex, sol[strength]), Formula(mix_tex, sol[mix]))
    checks = {"objective = F / n": ok and sol[k] == 1 / n}
    return {"formulas": formulas, "checks": checks, "solution": sol, "symbols": (strength, mix)}


@cache
def statsmodels():
    """CONVENTION-STATSMODELS: OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt)."""
    alpha, wt = sp.symbols("alpha L1_wt", positive=True)
    return _mixed_penalty(alpha, wt, r"\texttt{alpha}", r"\texttt{L1\_wt}")


@cache
def glmnet():
    """CONVENTION-GLMNET: glmnet(x, y, lambda, alpha, intercept=FALSE, standardize=FALSE)."""
    lam, alpha = sp.symbols("lambda alpha", positive=True)
    return _mixed_penalty(lam, alpha, r"\lambda_{\mathrm{glmnet}}", r"\alpha_{\mathrm{glmnet}}")
