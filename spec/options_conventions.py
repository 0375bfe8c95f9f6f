"""Library conventions for the option family, mapped onto F_{s,v} by sympy.

Each library's objective is written in the weighted quantities WRSS = sum_i s_i r_i^2,
V1 = sum_j v_j |w_j|, V2 = sum_j v_j w_j^2 (W = sum_i s_i, p features, SV = sum_j v_j) as the
library's source computes it (the clauses of ``spec/options_clauses.py`` cite file and line);
the mapping is the unique solution of coef(library) = k coef(F), F = WRSS/2 + l1 V1 + l2 V2,
solved by sympy.  Each rendered parameter is checked by evaluating the library's objective, written
out exactly from the source, at that parameter on the option cases: it must equal k F(w, b)
at every probed point.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import options_exact as O
from .conventions import V1, V2, WRSS, W, k, l1, l2, n
from .formula import q
from .lambda_max import LAMBDA_MAX
from .options import VJ, evaluate
from .options_cases import points
from .options_lambda import zero_optimal

FAMILY = WRSS / 2 + l1 * V1 + l2 * V2
p = sp.Symbol("p", integer=True, positive=True)
SV, s_y = sp.Symbol(r"\|v\|_1", positive=True), sp.Symbol("s_y", positive=True)
alpha, rho, lam, mix, a_c, wt = sp.symbols(
    r"alpha rho lambda_{glmnet} alpha_{glmnet} c L1_{wt}", positive=True
)
FIXED_SY = Fraction(3, 2)  # s_y is a free positive parameter of the glmnet identity


def solve_mapping(objective, unknowns, family=FAMILY):
    """The unique (unknowns, k > 0) with coef(objective) = k coef(family)."""
    eqs = [sp.Eq(sp.expand(objective).coeff(t), k * family.coeff(t)) for t in (WRSS, V1, V2)]
    (sol,) = [s for s in sp.solve(eqs, [*unknowns, k], dict=True) if s[k].is_positive is not False]
    if sp.simplify(objective.subs(sol) - sol[k] * family) != 0:
        raise ArithmeticError("the mapping does not reproduce the objective")
    return sol


def _bind(cs):
    return {
        l1: q(cs.l1),
        l2: q(cs.l2),
        W: q(cs.W),
        n: cs.n,
        p: cs.p,
        SV: q(sum(cs.v)),
        s_y: q(FIXED_SY),
    }


def sums(cs, w, b, v=None):
    """(WRSS, sum |w|, sum w^2, V1, V2) at (w, b), exactly."""
    v = cs.v if v is None else v
    r = O.residual(cs, w, b)
    return (
        sum((si * x * x for si, x in zip(cs.s, r, strict=True)), Fraction(0)),
        sum((abs(x) for x in w), Fraction(0)),
        sum((x * x for x in w), Fraction(0)),
        sum((vj * abs(x) for vj, x in zip(v, w, strict=True)), Fraction(0)),
        sum((vj * x * x for vj, x in zip(v, w, strict=True)), Fraction(0)),
    )


# --- the libraries' objectives, written out from their sources (options_clauses cites them) ---


def sklearn_documented(cs, w, b, P):
    """1/2 np.average(r^2, weights=s) + alpha (rho |w|_1 + 1/2 (1 - rho) |w|^2)."""
    wrss, n1, n2, _, _ = sums(cs, w, b)
    return wrss / cs.W / 2 + P["alpha"] * (P["rho"] * n1 + (1 - P["rho"]) * n2 / 2)


def sklearn_internal(cs, w, b, P, rescaled):
    """enet_path after the rescaling: 1/2 sum s'_i r_i^2 + n alpha (rho |w|_1 + ...)."""
    r = O.residual(cs, w, b)
    _, n1, n2, _, _ = sums(cs, w, b)
    return sum((si * x * x for si, x in zip(rescaled, r, strict=True)), Fraction(0)) / 2 + cs.n * P[
        "alpha"
    ] * (P["rho"] * n1 + (1 - P["rho"]) * n2 / 2)


def sklearn_ridge(cs, w, b, P):
    wrss, _, n2, _, _ = sums(cs, w, b)
    return wrss + P["alpha"] * n2


def glmnet_executed(cs, w, b, P, rescaled=None):
    """glmnet5.f90: w/sum(w); vq = vp ni/sum(vp); the N2 term over s_y (elnetu's ys)."""
    r = O.residual(cs, w, b)
    vq = rescaled if rescaled is not None else [vj * cs.p / sum(cs.v) for vj in cs.v]
    _, _, _, v1, v2 = sums(cs, w, b, vq)
    fit = sum((si / cs.W * x * x for si, x in zip(cs.s, r, strict=True)), Fraction(0)) / 2
    return fit + P["lam"] * (P["mix"] * v1 + (1 - P["mix"]) / (2 * FIXED_SY) * v2)


def glum_objective(cs, w, b, P):
    """_glm.py: weights / sum(weights); alpha l1_ratio |P1 w|_1 + 1/2 alpha (1 - l1_ratio) w'P2w."""
    wrss, _, _, _, _ = sums(cs, w, b)
    p1 = sum((x * abs(t) for x, t in zip(P["P1"], w, strict=True)), Fraction(0))
    p2 = sum((x * t * t for x, t in zip(P["P2"], w, strict=True)), Fraction(0))
    return wrss / cs.W / 2 + P["alpha"] * P["rho"] * p1 + P["alpha"] * (1 - P["rho"]) * p2 / 2


def statsmodels_objective(cs, w, b, P):
    """WLS.fit_regularized: alpha * sum(weights)/n, then OLS on the whitened data:
    0.5 RSS/n + sum_j alpha_j ((1 - L1_wt) w_j^2/2 + L1_wt |w_j|)."""
    wrss, _, _, _, _ = sums(cs, w, b)
    scaled = [x * cs.W / cs.n for x in P["alphas"]]
    pen = sum(
        (
            aj * ((1 - P["wt"]) * t * t / 2 + P["wt"] * abs(t))
            for aj, t in zip(scaled, w, strict=True)
        ),
        Fraction(0),
    )
    return wrss / cs.n / 2 + pen


# --- checks ------------------------------------------------------------------------------------


def case_value(expr, cs, extra=None):
    return Fraction(str(evaluate(expr, {**_bind(cs), **(extra or {})})))


def proportional_check(library, params, factor, *, unit_v=False, needs=None, prepare=None):
    """params(rhs, cs) -> the library's parameters with the rendered rhs in its place; the
    library's objective must equal factor(cs) F(w, b) at every point of the case (the case
    first made v = 1 for a library without penalty factors, or otherwise ``prepare``d)."""

    def check(rhs, cs):
        cs = O.at(cs, v=[1] * cs.p) if unit_v else cs
        cs = prepare(cs) if prepare else cs
        if cs.l1 + cs.l2 == 0 or (needs and not needs(cs)):
            return True
        P = params(rhs, cs)
        kk = factor(cs)
        return all(library(cs, w, b, P) == kk * O.objective(cs, w, b) for w, b in points(cs))

    return check


def parameters(mapping, replaced=None):
    """params(rhs, cs): the library's parameters by name, each from its derived expression,
    the rendered rhs in place of ``replaced``; an expression in v_j gives one value a feature."""

    def value(expr, cs):
        if expr.has(VJ):
            return [case_value(expr, cs, {VJ: q(vj)}) for vj in cs.v]
        return case_value(expr, cs)

    def params(rhs, cs):
        return {
            name: value(rhs if name == replaced else expr, cs) for name, expr in mapping.items()
        }

    return params


def alpha_max_check(rhs, cs):
    """sklearn (v = 1): at the rendered alpha_max (l1_ratio = u clipped to (0, 1]) w = 0 is
    optimal, at 99/100 of it not; decided through the mapped l1 = W alpha l1_ratio."""
    cs = O.at(cs, v=[1] * cs.p)
    from .options_lambda import true_lambda_max

    lmax = true_lambda_max(cs)
    if lmax == 0:
        return True
    ratio = min(abs(cs.u), 1) if cs.u else Fraction(1, 2)
    value = case_value(rhs, cs, {LAMBDA_MAX: lmax, rho: q(ratio)})
    mapped = cs.W * value * ratio
    return zero_optimal(cs, mapped) and not zero_optimal(cs, mapped * Fraction(99, 100))


@cache
def derivations():
    """Every library's mapping, solved by sympy from its objective."""
    sk_doc = WRSS / (2 * W) + alpha * rho * V1 + alpha * (1 - rho) * V2 / 2
    sk_internal = (n / W) * WRSS / 2 + n * alpha * rho * V1 + n * alpha * (1 - rho) * V2 / 2
    glm = WRSS / (2 * W) + lam * (mix * (p / SV) * V1 + (1 - mix) / (2 * s_y) * (p / SV) * V2)
    sm = WRSS / (2 * n) + (W / n) * a_c * ((1 - wt) * V2 / 2 + wt * V1)
    return {
        "sklearn": solve_mapping(sk_doc, [alpha, rho]),
        "sklearn-internal": solve_mapping(sk_internal, [alpha, rho]),
        "sklearn-ridge": solve_mapping(WRSS + alpha * V2, [alpha], FAMILY.subs(l1, 0)),
        "glmnet": solve_mapping(glm, [lam, mix]),
        "glum": solve_mapping(sk_doc, [alpha, rho]),
        "statsmodels": solve_mapping(sm, [a_c, wt]),
        "objectives": {"sk_doc": sk_doc, "sk_internal": sk_internal, "glmnet": glm, "sm": sm},
    }
