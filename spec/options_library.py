"""CONVENTION-*-WEIGHTS, -PENALTY-FACTOR, -P1P2, -VECTOR-ALPHA: the clauses' formulas.

The mappings are solved in ``spec.options_conventions``; here each is rendered with a check
that evaluates the library's objective (written out from its source) at the rendered value.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import options_exact as O
from .conventions import V1, V2, WRSS, W, k, l1, l2, n
from .formula import Formula, q
from .lambda_max import LAMBDA_MAX
from .options import VJ, Y, evaluate, i
from .options_cases import CASES, points
from .options_centring import YB
from .options_conventions import (
    SV,
    alpha,
    alpha_max_check,
    case_value,
    derivations,
    glmnet_executed,
    lam,
    mix,
    p,
    parameters,
    proportional_check,
    rho,
    s_y,
    sklearn_documented,
    sklearn_internal,
    sklearn_ridge,
)

Fsym = sp.Symbol("F")
Ss = sp.IndexedBase("s")


def factor_check(library, mapping, **kw):
    """ "its objective = k F": the library's objective equals the rendered k times F."""

    def check(rhs, cs):
        factor = lambda c: case_value(rhs.subs(Fsym, 1), c)  # noqa: E731
        return proportional_check(library, parameters(mapping), factor, **kw)(rhs, cs)

    return check


def _rescale_check(mapping):
    """sklearn's rescaled weights s' make enet_path's objective n x the documented one."""

    def check(rhs, cs):
        cs = O.at(cs, v=[1] * cs.p)
        if cs.l1 + cs.l2 == 0:
            return True
        P = parameters(mapping)(None, cs)
        s2 = [case_value(rhs, cs, {Ss: lambda a: q(cs.s[a - 1]), i: a + 1}) for a in range(cs.n)]
        return all(
            sklearn_internal(cs, w, b, P, s2) == cs.n * sklearn_documented(cs, w, b, P)
            for w, b in points(cs)
        )

    return check


def scale_invariant(objective, scaled) -> bool:
    return sp.simplify(objective.subs(scaled, simultaneous=True) - objective) == 0


@cache
def sklearn_weights():
    """CONVENTION-SKLEARN-WEIGHTS."""
    d = derivations()
    sol, doc = d["sklearn"], d["objectives"]["sk_doc"]
    c = sp.Symbol("c", positive=True)
    enet_path = c * WRSS / 2 + n * alpha * (rho * V1 + (1 - rho) * V2 / 2)  # weights c s
    (c_value,) = sp.solve(sp.expand(enet_path - n * doc).coeff(WRSS), c)
    lam1 = sp.expand(doc).coeff(V1) / (2 * sp.expand(doc).coeff(WRSS))
    (alpha_max,) = sp.solve(sp.Eq(lam1, LAMBDA_MAX), alpha)
    mapping = {"alpha": sol[alpha], "rho": sol[rho]}
    ridge = {"alpha": d["sklearn-ridge"][alpha]}
    unit = lambda cs: O.at(cs, v=[1] * cs.p)  # noqa: E731
    at_l2_0 = lambda cs: O.at(unit(cs), l2=0)  # noqa: E731
    factor = lambda cs: 1 / cs.W  # noqa: E731
    check = lambda name, **kw: proportional_check(  # noqa: E731
        sklearn_documented, parameters(mapping, name), factor, **kw
    )
    lasso_check = proportional_check(
        sklearn_documented,
        parameters({"alpha": sol[alpha].subs(l2, 0), "rho": sp.Integer(1)}, "alpha"),
        factor,
        prepare=at_l2_0,
    )
    ridge_check = proportional_check(
        sklearn_ridge,
        parameters(ridge, "alpha"),
        lambda cs: 2,
        prepare=lambda cs: O.at(unit(cs), l1=0),
    )
    cw = sp.Symbol("c", positive=True)
    checks = {
        "sample_weight -> c sample_weight: the objective is unchanged": scale_invariant(
            doc, {WRSS: cw * WRSS, W: cw * W}
        ),
        "enet_path with s' = (n/W) s is n x the documented objective": sp.simplify(
            enet_path.subs(c, c_value) - n * doc
        )
        == 0,
        "unit weights (W = n): CONVENTION-SKLEARN's ElasticNet mapping": sp.simplify(
            sol[alpha].subs(W, n) - (l1 + 2 * l2) / n
        )
        == 0,
    }
    cases = CASES
    formulas = (
        Formula(
            r"s'_i\ (\text{sklearn's rescaled weights})",
            c_value * Ss[i],
            check=_rescale_check(mapping),
            cases=cases,
        ),
        Formula(
            r"\texttt{ElasticNet}:\ \alpha",
            sol[alpha],
            check=check("alpha", unit_v=True),
            cases=cases,
        ),
        Formula(r"\texttt{l1\_ratio}", sol[rho], check=check("rho", unit_v=True), cases=cases),
        Formula(
            r"\text{its objective}",
            Fsym * sol[k],
            check=factor_check(sklearn_documented, mapping, unit_v=True),
            cases=cases,
        ),
        Formula(r"\texttt{Lasso}:\ \alpha", sol[alpha].subs(l2, 0), check=lasso_check, cases=cases),
        Formula(
            r"\alpha_{\max}\ (\texttt{\_alpha\_grid};\ \rho = \texttt{l1\_ratio})",
            alpha_max,
            check=alpha_max_check,
            cases=cases,
        ),
        Formula(
            r"\texttt{Ridge}\ (\lambda_1 = 0):\ \alpha",
            ridge["alpha"],
            check=ridge_check,
            cases=cases,
        ),
    )
    return {"formulas": formulas, "checks": checks, "mapping": mapping}


def _sd_check(rhs, cs):
    """s_y^2 equals the Fortran's ys^2 = dot(v y, v y) - dot(v, v y)^2 with v = sqrt(w/sum w)
    (intercept = FALSE; with an intercept, dot(v (y - ym), v (y - ym)), ym = dot(w, y))."""
    w = [si / cs.W for si in cs.s]
    ym = sum((wi * yi for wi, yi in zip(w, cs.y, strict=True)), O.fr(0))
    if cs.intercept:
        ys2 = sum((wi * (yi - ym) ** 2 for wi, yi in zip(w, cs.y, strict=True)), O.fr(0))
    else:
        ys2 = sum((wi * yi * yi for wi, yi in zip(w, cs.y, strict=True)), O.fr(0)) - ym * ym
    values = {Ss: lambda a: q(cs.s[a - 1]), Y: lambda a: q(cs.y[a - 1]), n: cs.n, YB: q(ym)}
    return sp.simplify(evaluate(rhs, values) ** 2 - q(ys2)) == 0


@cache
def glmnet_weights():
    """CONVENTION-GLMNET-WEIGHTS (penalty factors 1)."""
    sol = derivations()["glmnet"]
    mapping = {"lam": sol[lam].subs(SV, p), "mix": sol[mix]}
    glm = derivations()["objectives"]["glmnet"]
    factor = lambda cs: 1 / cs.W  # noqa: E731
    check = lambda name: proportional_check(  # noqa: E731
        glmnet_executed, parameters(mapping, name), factor, unit_v=True
    )
    sd = sp.sqrt(sp.Sum(Ss[i] * (Y[i] - YB) ** 2, (i, 1, n)) / sp.Sum(Ss[i], (i, 1, n)))
    cw = sp.Symbol("c", positive=True)
    checks = {
        "weights -> c weights leaves the objective unchanged": scale_invariant(
            glm, {WRSS: cw * WRSS, W: cw * W}
        ),
        "Lasso (l2 = 0) does not depend on s_y": all(
            sp.diff(sol[x].subs(l2, 0), s_y) == 0 for x in (lam, mix)
        ),
        "unit weights, v = 1 (W = n, sum v = p): CONVENTION-GLMNET's mapping": sp.simplify(
            sol[lam].subs({W: n, SV: p}) - (l1 + 2 * s_y * l2) / n
        )
        == 0,
    }
    cases = CASES
    formulas = (
        Formula(r"\lambda_{\mathrm{glmnet}}", mapping["lam"], check=check("lam"), cases=cases),
        Formula(r"\alpha_{\mathrm{glmnet}}", mapping["mix"], check=check("mix"), cases=cases),
        Formula(
            r"\text{its objective}",
            Fsym * sol[k],
            check=factor_check(glmnet_executed, mapping, unit_v=True),
            cases=cases,
        ),
        Formula(r"s_y\ (\text{python-glmnet 2.2.1})", sd, check=_sd_check, cases=cases),
    )
    return {"formulas": formulas, "checks": checks, "mapping": mapping}


def _rescaled_factor_check(mapping):
    def check(rhs, cs):
        if cs.l1 + cs.l2 == 0 or not any(cs.v):  # glmnet refuses all-zero factors
            return True
        P = parameters(mapping)(None, cs)
        vq = [case_value(rhs, cs, {VJ: q(vj)}) for vj in cs.v]
        return all(
            glmnet_executed(cs, w, b, P, vq) == O.objective(cs, w, b) / cs.W for w, b in points(cs)
        )

    return check


@cache
def glmnet_penalty_factor():
    """CONVENTION-GLMNET-PENALTY-FACTOR."""
    sol = derivations()["glmnet"]
    mapping = {"lam": sol[lam], "mix": sol[mix]}
    glm = derivations()["objectives"]["glmnet"]
    cv = sp.Symbol("c", positive=True)
    checks = {
        "penalty.factor -> c penalty.factor leaves the objective unchanged": scale_invariant(
            glm, {V1: cv * V1, V2: cv * V2, SV: cv * SV}
        ),
        "the mapping divides lambda by the mean factor sum v / p": sp.simplify(
            sol[lam] / mapping["lam"].subs(SV, p) - SV / p
        )
        == 0,
    }
    cases = CASES
    formulas = (
        Formula(
            r"v'_j\ (\text{glmnet's rescaled factors})",
            p * VJ / SV,
            check=_rescaled_factor_check(mapping),
            cases=cases,
        ),
        Formula(
            r"\lambda_{\mathrm{glmnet}}\ (\texttt{penalty.factor} = v)",
            mapping["lam"],
            check=proportional_check(
                glmnet_executed,
                parameters(mapping, "lam"),
                lambda cs: 1 / cs.W,
                needs=lambda cs: any(cs.v),
            ),
            cases=cases,
        ),
    )
    return {"formulas": formulas, "checks": checks, "mapping": mapping}
