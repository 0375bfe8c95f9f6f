"""CONVENTION-GLMNET: glmnet's documented objective, and the one it executes.

glmnet (``family="gaussian"``) documents 1/(2N) RSS + lambda ((1 - alpha)/2 N2 + alpha N1);
as executed (python-glmnet 2.2.1, intercept and standardisation off) the N2 term is divided
by s = sd(y) (``_glmnet_executed``).  Both are the mixed-penalty form of
``spec.conventions``, whose coefficient matching gives the mappings; ``sd`` is s_y exactly.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from statistics import pvariance

import sympy as sp

from .conventions import (
    CASES,
    N1,
    N2,
    RSS,
    F,
    case_objective,
    exactly_equal,
    k,
    l2,
    mapping_checks,
    mixed_penalty,
    n,
    objective_parts,
    s_y,
)
from .formula import Formula, evaluate, q


def sd(y):
    """sd(y): the centred, 1/n (ddof 0) standard deviation, exactly (statistics.pvariance)."""
    return sp.sqrt(q(pvariance([Fraction(v) for v in y])))


def _glmnet_documented(cs, y, b, lam, alpha):
    """glmnet's documented objective 1/(2N)‖y − Xb‖² + λ((1 − α)/2‖b‖² + α‖b‖₁)."""
    rss, n1, n2 = objective_parts(cs, y, b)
    return rss / (2 * cs.n) + lam * ((1 - alpha) / 2 * n2 + alpha * n1)


def _glmnet_executed(cs, lam, alpha):
    """What glmnet's Fortran minimises at a supplied λ, as CONVENTION-GLMNET states it: the
    documented objective on ỹ = y/s, λ̃ = λ/s at b̃ = w/s (it returns w = s·b̃), times s²,
    s = sd(y) > 0 (for constant y glmnet returns 0 and the clause claims nothing)."""
    s = sd(cs.y)
    ys, bs = [q(v) / s for v in cs.y], [q(v) / s for v in cs.w]
    return s**2 * _glmnet_documented(cs, ys, bs, lam / s, alpha)


@cache
def glmnet_documented():
    """The objective glmnet documents: 1/(2N) RSS + λ((1 − α)/2 N2 + α N1) (s_y = 1)."""
    lam, alpha = sp.symbols("lambda alpha", positive=True)
    return mixed_penalty(lam, alpha, r"\lambda_{\mathrm{glmnet}}", r"\alpha_{\mathrm{glmnet}}")


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
    executed = mixed_penalty(
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
    _, _, scale = mapping_checks(
        _glmnet_executed,
        lambda cs: case_objective(cs) / cs.n,
        sol[lam],
        sol[alpha],
        lambda cs: {"s": sd(cs.y)},
    )

    def sd_check(rhs, cs):  # the rendered s_y against statistics.pvariance (ddof 0)
        return exactly_equal(evaluate(rhs, {n: cs.n, y: lambda j: q(cs.y[j - 1])}), sd(cs.y))

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
