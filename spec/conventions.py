"""Other libraries' objectives, mapped onto F by sympy.

Every objective here is a combination of the three quantities
RSS = ||y - Xw||^2, N1 = ||w||_1 and N2 = ||w||_2^2 (no intercept).  Two
objectives G and F have the same minimisers when G = k F + const with k > 0;
as RSS, N1, N2 vary independently over (w, y), that holds for all data iff the
coefficient vectors satisfy coef(G) = k coef(F).  sympy solves that system
for the foreign parameters (and k), which is the mapping.

Every rendered formula carries a check (``spec.formula``): the rendered map is substituted
into the library's objective written out on the explicit data of an exact rational case
(``CASES``: ||y - Xw||^2 from the rows of X, not the symbol RSS), and the result must equal
the stated multiple of F (F/n, 2F, F_{s,v}/W) evaluated by ``spec.exact`` -- so a mutated
map, scale or s_y fails.

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

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from statistics import pvariance

import sympy as sp

from . import exact as E
from .formula import Case, Formula, case, eq, evaluate, q

RSS, N1, N2 = sp.symbols("RSS N1 N2", nonnegative=True)
n = sp.Symbol("n", positive=True)
l1, l2 = sp.symbols("lambda_1 lambda_2", positive=True)
k = sp.Symbol("k", positive=True)
CANONICAL = RSS / 2 + l1 * N1 + l2 * N2
F = sp.Symbol("F")

# --- the formulas' checks: each library's objective on explicit exact data ----------------

#: exact cases: n >= 2, λ₁, λ₂ > 0, ‖w‖₁ ≠ ‖w‖²/2 (so a wrong mix shows), and sd(y) = 2, √2,
#: √(13/2) (so a wrong s_y shows)
CASES: tuple[Case, ...] = (
    case([[1, 2], [3, -1]], [1, 5], [Fraction(1, 2), -2], Fraction(3, 2), Fraction(1, 3)),
    case([[2, 0], [1, 1], [-1, 3]], [0, 3, 3], [1, Fraction(1, 4)], 1, 2),
    case([[1, -1], [0, 2], [1, 1], [2, 0]], [1, -1, 2, 6], [-1, 3], Fraction(1, 4), Fraction(5, 2)),
)


def _parts(cs, y=None, w=None):
    """(‖y − Xw‖², ‖w‖₁, ‖w‖²) from the rows of X, as sympy numbers (y, w may be algebraic)."""
    y = [q(v) for v in cs.y] if y is None else y
    w = [q(v) for v in cs.w] if w is None else w
    r = [
        yi - sum(q(x) * v for x, v in zip(row, w, strict=True))
        for row, yi in zip(cs.X, y, strict=True)
    ]
    return sum(v * v for v in r), sum(abs(v) for v in w), sum(v * v for v in w)


def _F(cs, l1_=None, l2_=None):
    """F(w) of the case (OBJECTIVE), by spec.exact."""
    return q(
        E.objective(cs.X, cs.y, cs.w, cs.l1 if l1_ is None else l1_, cs.l2 if l2_ is None else l2_)
    )


def _at(expr, cs, **extra):
    """A mapping expression at the case's λ₁, λ₂, n (and s_y, W when given)."""
    values = {l1: q(cs.l1), l2: q(cs.l2), n: cs.n}
    if "s" in extra:
        values[s_y] = extra["s"]
    if "W" in extra:
        values[W] = extra["W"]
    return evaluate(expr, values)


def _same(a, b) -> bool:
    """a == b exactly, for algebraic numbers with roots in denominators (sd(y) = √2, ...)."""
    return eq(a, b) or sp.simplify(sp.radsimp(sp.together(a - b))) == 0


def sd(y):
    """sd(y): the centred, 1/n (ddof 0) standard deviation, exactly (statistics.pvariance)."""
    return sp.sqrt(q(pvariance([Fraction(v) for v in y])))


def _mapping_checks(objective, scale, strength, mix, extra=lambda cs: {}):
    """Checks for (strength, mix, its objective): ``objective(cs, strength, mix)`` is the
    library's objective on the case's data, ``scale(cs)`` the multiple of F it must equal."""

    def strength_check(rhs, cs):
        kw = extra(cs)
        return _same(objective(cs, _at(rhs, cs, **kw), _at(mix, cs, **kw)), scale(cs))

    def mix_check(rhs, cs):
        kw = extra(cs)
        return _same(objective(cs, _at(strength, cs, **kw), _at(rhs, cs, **kw)), scale(cs))

    def scale_check(rhs, cs):
        kw = extra(cs)
        values = {F: _F(cs), n: cs.n, **({W: kw["W"]} if "W" in kw else {})}
        return _same(
            objective(cs, _at(strength, cs, **kw), _at(mix, cs, **kw)), evaluate(rhs, values)
        )

    return strength_check, mix_check, scale_check


def _sklearn_enet(cs, alpha, ratio):
    """ElasticNet: 1/(2n)‖y − Xw‖² + α·l1_ratio‖w‖₁ + ½α(1 − l1_ratio)‖w‖²."""
    rss, n1, n2 = _parts(cs)
    return rss / (2 * cs.n) + alpha * ratio * n1 + alpha * (1 - ratio) * n2 / 2


def _statsmodels(cs, alpha, wt):
    """fit_regularized(method='elastic_net'): 0.5‖y − Xw‖²/n + α((1 − L1_wt)‖w‖²/2 + L1_wt‖w‖₁)."""
    rss, n1, n2 = _parts(cs)
    return sp.Rational(1, 2) * rss / cs.n + alpha * ((1 - wt) * n2 / 2 + wt * n1)


def _glmnet_documented(cs, y, b, lam, alpha):
    """glmnet's documented objective 1/(2N)‖y − Xb‖² + λ((1 − α)/2‖b‖² + α‖b‖₁)."""
    rss, n1, n2 = _parts(cs, y, b)
    return rss / (2 * cs.n) + lam * ((1 - alpha) / 2 * n2 + alpha * n1)


def _glmnet_executed(cs, lam, alpha):
    """What glmnet's Fortran minimises at a supplied λ, as CONVENTION-GLMNET states it: the
    documented objective on ỹ = y/s, λ̃ = λ/s at b̃ = w/s (it returns w = s·b̃), times s²,
    s = sd(y) > 0 (for constant y glmnet returns 0 and the clause claims nothing)."""
    s = sd(cs.y)
    ys, bs = [q(v) / s for v in cs.y], [q(v) / s for v in cs.w]
    return s**2 * _glmnet_documented(cs, ys, bs, lam / s, alpha)


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
    strength, mix, scale = _mapping_checks(
        _sklearn_enet, lambda cs: _F(cs) / cs.n, enet_sol[alpha], enet_sol[rho]
    )

    def lasso_check(rhs, cs):  # Lasso: 1/(2n)‖y − Xw‖² + α‖w‖₁ = F/n at λ₂ = 0
        rss, n1, _ = _parts(cs)
        return _same(rss / (2 * cs.n) + _at(rhs, cs) * n1, _F(cs, l2_=0) / cs.n)

    def ridge_check(rhs, cs):  # Ridge: ‖y − Xw‖² + α‖w‖² = 2F at λ₁ = 0 (no 1/n, no ½)
        rss, _, n2 = _parts(cs)
        return _same(rss + _at(rhs, cs) * n2, 2 * _F(cs, l1_=0))

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


def _mixed_penalty(
    strength, mix, strength_tex, mix_tex, l2_scale=1, library=None, extra=lambda cs: {}
):
    """The form 1/(2n) RSS + strength((1 − mix) N2/(2·l2_scale) + mix N1), shared by
    statsmodels and glmnet (documented: l2_scale = 1; executed: l2_scale = sd(y)).
    ``library(cs, strength, mix)``, when given, is the library's objective on a case's data;
    the two formulas are then checked against it (= F/n)."""
    objective = RSS / (2 * n) + strength * ((1 - mix) * N2 / (2 * l2_scale) + mix * N1)
    sol, ok = _mapping(objective, [strength, mix])
    formulas = (Formula(strength_tex, sol[strength]), Formula(mix_tex, sol[mix]))
    if library is not None:
        checked = _mapping_checks(library, lambda cs: _F(cs) / cs.n, sol[strength], sol[mix], extra)
        formulas = tuple(
            Formula(f.lhs, f.rhs, check=c, cases=CASES)
            for f, c in zip(formulas, checked[:2], strict=True)
        )
    checks = {"objective = F / n": ok and sol[k] == 1 / n}
    return {
        "formulas": formulas,
        "checks": checks,
        "solution": sol,
        "symbols": (strength, mix),
        "objective": objective,
    }


@cache
def statsmodels():
    """CONVENTION-STATSMODELS: OLS(y, X).fit_regularized(method='elastic_net', alpha, L1_wt)."""
    alpha, wt = sp.symbols("alpha L1_wt", positive=True)
    return _mixed_penalty(alpha, wt, r"\texttt{alpha}", r"\texttt{L1\_wt}", library=_statsmodels)


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
        lam,
        alpha,
        r"\lambda_{\mathrm{glmnet}}",
        r"\alpha_{\mathrm{glmnet}}",
        l2_scale=s_y,
        library=_glmnet_executed,
        extra=lambda cs: {"s": sd(cs.y)},
    )
    sol = executed["solution"]
    doc_sol = documented["solution"]
    y, i = sp.IndexedBase("y"), sp.Symbol("i", integer=True)
    sd_y = sp.sqrt(sp.Sum((y[i] - sp.Sum(y[i], (i, 1, n)) / n) ** 2, (i, 1, n)) / n)
    _, _, scale = _mapping_checks(
        _glmnet_executed, lambda cs: _F(cs) / cs.n, sol[lam], sol[alpha], lambda cs: {"s": sd(cs.y)}
    )

    def sd_check(rhs, cs):  # the rendered s_y against statistics.pvariance (ddof 0)
        return _same(evaluate(rhs, {n: cs.n, y: lambda j: q(cs.y[j - 1])}), sd(cs.y))

    formulas = (
        *executed["formulas"],
        Formula(r"s_y", sd_y, check=sd_check, cases=CASES),
        Formula(r"\text{its objective}", F * sol[k], check=scale, cases=CASES),
    )
    standardisation = sp.simplify(s_y**2 * standardised - executed["objective"]) == 0
    checks = {
        **executed["checks"],
        "glmnet's standardisation of y turns its documented objective into the executed one": (
            standardisation
        ),
        "the executed mapping is the documented one at s_y = 1": all(
            sp.simplify(sol[q].subs(s_y, 1) - doc_sol[q]) == 0 for q in (lam, alpha)
        ),
        "Lasso (λ₂ = 0) does not depend on s_y": all(
            sp.diff(sol[q].subs(l2, 0), s_y) == 0 for q in (lam, alpha)
        ),
        "for λ₂ > 0 the documented mapping differs unless s_y = 1": sp.solve(
            sp.Eq(sol[lam], doc_sol[lam]), s_y
        )
        == [1],
    }
    return {**executed, "formulas": formulas, "checks": checks, "documented": doc_sol}


#: glum's weighted quantities: WRSS = Σ sᵢ rᵢ², V1 = Σ vⱼ|wⱼ| (P1 = v), V2 = wᵀ diag(v) w
#: (P2 = v as a 1-d array, "interpreted as diagonal"), W = Σ sᵢ.
WRSS, V1, V2 = sp.symbols("WRSS V1 V2", nonnegative=True)
W = sp.Symbol("W", positive=True)
WEIGHTED = WRSS / 2 + l1 * V1 + l2 * V2


F_SV = sp.Symbol("F_{s,v}")


@dataclass(frozen=True)
class GlumCase:
    """An exact case with sample weights s (n of them) and penalty factors v (p of them)."""

    base: Case
    s: tuple
    v: tuple


GLUM_CASES = (
    GlumCase(CASES[0], (Fraction(1), Fraction(3)), (Fraction(1, 2), Fraction(2))),
    GlumCase(CASES[1], (Fraction(2), Fraction(1), Fraction(1, 2)), (Fraction(3), Fraction(1))),
)


def _glum_objective(gc, alpha, ratio, total=None):
    """glum (family='normal', P1 = P2 = v as 1-d arrays): 1/(2Σsᵢ)Σsᵢrᵢ² +
    α·l1_ratio·Σvⱼ|wⱼ| + ½α(1 − l1_ratio)Σvⱼwⱼ², Σsᵢ = ``total`` (sum(s) unless given)."""
    cs = gc.base
    r = E.residual(cs.X, cs.y, cs.w)
    wrss = q(sum((si * ri * ri for si, ri in zip(gc.s, r, strict=True)), Fraction(0)))
    v1 = q(sum((vj * abs(wj) for vj, wj in zip(gc.v, cs.w, strict=True)), Fraction(0)))
    v2 = q(sum((vj * wj * wj for vj, wj in zip(gc.v, cs.w, strict=True)), Fraction(0)))
    total = q(sum(gc.s)) if total is None else total
    return wrss / (2 * total) + alpha * ratio * v1 + alpha * (1 - ratio) * v2 / 2


def _F_sv(gc):
    """F_{s,v} = ½Σsᵢrᵢ² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ² (the unit case s = 1, v = 1 is F)."""
    cs = gc.base
    r = E.residual(cs.X, cs.y, cs.w)
    return q(
        sum((si * ri * ri for si, ri in zip(gc.s, r, strict=True)), Fraction(0)) / 2
        + cs.l1 * sum((vj * abs(wj) for vj, wj in zip(gc.v, cs.w, strict=True)), Fraction(0))
        + cs.l2 * sum((vj * wj * wj for vj, wj in zip(gc.v, cs.w, strict=True)), Fraction(0))
    )


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
        for f, c in zip(
            _weighted_coefficients(objective), _weighted_coefficients(WEIGHTED), strict=True
        )
    ]
    (sol,) = [
        s for s in sp.solve(equations, [alpha, rho, k], dict=True) if s[k].is_positive is not False
    ]
    c = sp.Symbol("c", positive=True)
    scaled = objective.subs({WRSS: c * WRSS, W: c * W}, simultaneous=True)
    unit = {q: sol[q].subs(W, n) for q in (alpha, rho, k)}
    skl = sklearn()["enet"]
    weights = sp.IndexedBase("s")

    def at(expr, gc):
        return _at(expr, gc.base, W=q(sum(gc.s)))

    def alpha_check(rhs, gc):
        return _same(_glum_objective(gc, at(rhs, gc), at(sol[rho], gc)), _F_sv(gc) / sum(gc.s))

    def ratio_check(rhs, gc):
        return _same(_glum_objective(gc, at(sol[alpha], gc), at(rhs, gc)), _F_sv(gc) / sum(gc.s))

    def scale_check(rhs, gc):
        value = evaluate(rhs, {F_SV: _F_sv(gc), W: q(sum(gc.s))})
        return _same(_glum_objective(gc, at(sol[alpha], gc), at(sol[rho], gc)), value)

    def w_check(rhs, gc):  # glum normalises the deviance by sum(sample_weight)
        value = evaluate(rhs, {n: gc.base.n, weights: lambda j: q(gc.s[j - 1])})
        return _same(
            _glum_objective(gc, at(sol[alpha], gc), at(sol[rho], gc), value), _F_sv(gc) / sum(gc.s)
        )

    formulas = (
        Formula(r"\texttt{alpha}", sol[alpha], check=alpha_check, cases=GLUM_CASES),
        Formula(r"\texttt{l1\_ratio}", sol[rho], check=ratio_check, cases=GLUM_CASES),
        Formula(r"\text{its objective}", F_SV * sol[k], check=scale_check, cases=GLUM_CASES),
        Formula(r"W", sp.Sum(weights[i], (i, 1, n)), check=w_check, cases=GLUM_CASES),
    )
    checks = {
        "objective = F_{s,v} / W": sp.simplify(objective.subs(sol) - sol[k] * WEIGHTED) == 0,
        "sample_weight → c·sample_weight leaves the objective unchanged": sp.simplify(
            scaled - objective
        )
        == 0,
        "unit weights (W = n): scikit-learn's ElasticNet mapping": all(
            sp.simplify(unit[q] - skl[q2]) == 0
            for q, q2 in ((alpha, sklearn()["symbols"][0]), (rho, sklearn()["symbols"][1]))
        ),
    }
    return {"formulas": formulas, "checks": checks, "solution": sol, "symbols": (alpha, rho)}
