"""CONVENTION-GLUM: glum's objective with sample weights and penalty factors, mapped.

glum ``GeneralizedLinearRegressor(family="normal")`` documents
1/(2 sum(s)) deviance + alpha l1_ratio ||P1 w||_1 + 1/2 alpha (1 - l1_ratio) w' P2 w; it is
matched against the weighted family ``WEIGHTED`` of ``spec.conventions``, and checked on
exact cases with weights (``GLUM_CASES``).  With unit weights it is scikit-learn's
ElasticNet mapping (``spec.conventions_sklearn_statsmodels``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import sympy as sp

from . import exact as E
from .conventions import CASES, V1, V2, WEIGHTED, WRSS, W, at_case, exactly_equal, k, n
from .conventions_sklearn_statsmodels import sklearn
from .formula import Case, Formula, evaluate, q

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
        return at_case(expr, gc.base, W=q(sum(gc.s)))

    def alpha_check(rhs, gc):
        value = _glum_objective(gc, at(rhs, gc), at(sol[rho], gc))
        return exactly_equal(value, _F_sv(gc) / sum(gc.s))

    def ratio_check(rhs, gc):
        value = _glum_objective(gc, at(sol[alpha], gc), at(rhs, gc))
        return exactly_equal(value, _F_sv(gc) / sum(gc.s))

    def scale_check(rhs, gc):
        value = evaluate(rhs, {F_SV: _F_sv(gc), W: q(sum(gc.s))})
        return exactly_equal(_glum_objective(gc, at(sol[alpha], gc), at(sol[rho], gc)), value)

    def w_check(rhs, gc):  # glum normalises the deviance by sum(sample_weight)
        value = evaluate(rhs, {n: gc.base.n, weights: lambda j: q(gc.s[j - 1])})
        return exactly_equal(
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
