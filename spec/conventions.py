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
* glmnet (``family="gaussian"``): 1/(2N) RSS + lambda ((1 - alpha)/2 N2 + alpha N1) as
  documented; as executed (python-glmnet 2.2.1, intercept and standardisation off) the N2
  term is divided by s = sd(y) (``glmnet_executed``)
* glum ``GeneralizedLinearRegressor(family="normal")``:
  1/(2 sum(s)) deviance + alpha l1_ratio ||P1 w||_1 + 1/2 alpha (1 - l1_ratio) w' P2 w
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


def _mixed_penalty(strength, mix, strength_tex, mix_tex, l2_scale=1):
    """The form 1/(2n) RSS + strength((1 − mix) N2/(2·l2_scale) + mix N1), shared by
    statsmodels and glmnet (documented: l2_scale = 1; executed: l2_scale = sd(y))."""
    objective = RSS / (2 * n) + strength * ((1 - mix) * N2 / (2 * l2_scale) + mix * N1)
    sol, ok = _mapping(objective, [strength, mix])
    formulas = (Formula(strength_tex, sol[strength]), Formula(mix_tex, sol[mix]))
    checks = {"objective = F / n": ok and sol[k] == 1 / n}
    return {"formulas": formulas, "checks": checks, "solution": sol, "symbols": (strength, mix),
            "objective": objective}


@cache
def statsmodels():
    """CONVENTION-STATSMODELS: OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt)."""
    alpha, wt = sp.symbols("alpha L1_wt", positive=True)
    return _mixed_penalty(alpha, wt, r"\texttt{alpha}", r"\texttt{L1\_wt}")


#: s = sd(y): the centred, 1/n (ddof 0) standard deviation of y that glmnet's Fortran
#: ``standard`` computes for the Gaussian family even when intercept = FALSE.
s_y = sp.Symbol("s_y", positive=True)


@cache
def glmnet_documented():
    """The objective glmnet documents: 1/(2N) RSS + λ((1 − α)/2 N2 + α N1) (s_y = 1)."""
    lam, alpha = sp.symbols("lambda alpha", positive=True)
    return _mixed_penalty(lam, alpha, r"\lambda_{\mathrm{glmnet}}", r"\alpha_{\mathrm{glmnet}}")


@cache
def glmnet():
    """CONVENTION-GLMNET: glmnet(x, y, lambda, alpha, intercept=FALSE, standardize=FALSE).

    glmnet (Fortran ``elnetu``/``standard``, as shipped in python-glmnet 2.2.1) does not
    minimise its documented objective D(y, b; λ) at a supplied λ: it solves D on ỹ = y/s,
    λ̃ = λ/s and returns b = s·b̃, with s = sd(y).  Derived here: the objective it minimises
    is s²·D(y/s, b/s; λ/s) = 1/(2N) RSS + λ((1 − α)/(2s) N2 + α N1), i.e. the documented one
    with the N2 term divided by s; its mapping is solved from that form (shared with
    statsmodels, l2_scale = s).  For λ₂ = 0 (α = 1) the two coincide.
    """
    documented = glmnet_documented()
    lam, alpha = documented["symbols"]
    standardised = documented["objective"].subs(
        {RSS: RSS / s_y**2, N1: N1 / s_y, N2: N2 / s_y**2, lam: lam / s_y}, simultaneous=True
    )
    executed = _mixed_penalty(
        lam, alpha, r"\lambda_{\mathrm{glmnet}}", r"\alpha_{\mathrm{glmnet}}", l2_scale=s_y
    )
    sol = executed["solution"]
    doc_sol = documented["solution"]
    y, i = sp.IndexedBase("y"), sp.Symbol("i", integer=True)
    sd = sp.sqrt(sp.Sum((y[i] - sp.Sum(y[i], (i, 1, n)) / n) ** 2, (i, 1, n)) / n)
    formulas = (
        *executed["formulas"],
        Formula(r"s_y", sd),
        Formula(r"\text{its objective}", sp.Symbol("F") * sol[k]),
    )
    checks = {
        **executed["checks"],
        "glmnet's standardisation of y turns its documented objective into the executed one":
            sp.simplify(s_y**2 * standardised - executed["objective"]) == 0,
        "the executed mapping is the documented one at s_y = 1":
            all(sp.simplify(sol[q].subs(s_y, 1) - doc_sol[q]) == 0 for q in (lam, alpha)),
        "Lasso (λ₂ = 0) does not depend on s_y":
            all(sp.diff(sol[q].subs(l2, 0), s_y) == 0 for q in (lam, alpha)),
        "for λ₂ > 0 the documented mapping differs unless s_y = 1":
            sp.solve(sp.Eq(sol[lam], doc_sol[lam]), s_y) == [1],
    }
    return {**executed, "formulas": formulas, "checks": checks, "documented": doc_sol}


#: glum's weighted quantities: WRSS = Σ sᵢ rᵢ², V1 = Σ vⱼ|wⱼ| (P1 = v), V2 = wᵀ diag(v) w
#: (P2 = v as a 1-d array, "interpreted as diagonal"), W = Σ sᵢ.
WRSS, V1, V2 = sp.symbols("WRSS V1 V2", nonnegative=True)
W = sp.Symbol("W", positive=True)
WEIGHTED = WRSS / 2 + l1 * V1 + l2 * V2


def _weighted_coefficients(expr):
    return [sp.expand(expr).coeff(q) for q in (WRSS, V1, V2)]


@cache
def glum():
    """CONVENTION-GLUM: GeneralizedLinearRegressor(family='normal', alpha, l1_ratio, P1, P2).

    glum documents 1/(2·Σs)·deviance + α·ρ‖P1∘w‖₁ + ½α(1 − ρ)wᵀP2w; the normal deviance is
    Σ sᵢ(yᵢ − xᵢᵀw)².  Matched against the weighted family ½Σsᵢrᵢ² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ²
    (P1 = P2 = v), whose unit case (s = 1, v = 1, W = n) is F.
    """
    alpha, rho = sp.symbols("alpha rho", positive=True)
    i = sp.Symbol("i", integer=True)
    objective = WRSS / (2 * W) + alpha * rho * V1 + alpha * (1 - rho) * V2 / 2
    equations = [
        sp.Eq(f, k * c)
        for f, c in zip(_weighted_coefficients(objective), _weighted_coefficients(WEIGHTED),
                        strict=True)
    ]
    (sol,) = [s for s in sp.solve(equations, [alpha, rho, k], dict=True)
              if s[k].is_positive is not False]
    c = sp.Symbol("c", positive=True)
    scaled = objective.subs({WRSS: c * WRSS, W: c * W}, simultaneous=True)
    unit = {q: sol[q].subs(W, n) for q in (alpha, rho, k)}
    skl = sklearn()["enet"]
    formulas = (
        Formula(r"\texttt{alpha}", sol[alpha]),
        Formula(r"\texttt{l1\_ratio}", sol[rho]),
        Formula(r"\text{its objective}", sp.Symbol("F_{s,v}") * sol[k]),
        Formula(r"W", sp.Sum(sp.IndexedBase("s")[i], (i, 1, n))),
    )
    checks = {
        "objective = F_{s,v} / W": sp.simplify(objective.subs(sol) - sol[k] * WEIGHTED) == 0,
        "sample_weight → c·sample_weight leaves the objective unchanged":
            sp.simplify(scaled - objective) == 0,
        "unit weights (W = n): scikit-learn's ElasticNet mapping":
            all(sp.simplify(unit[q] - skl[q2]) == 0
                for q, q2 in ((alpha, sklearn()["symbols"][0]), (rho, sklearn()["symbols"][1]))),
    }
    return {"formulas": formulas, "checks": checks, "solution": sol, "symbols": (alpha, rho)}
