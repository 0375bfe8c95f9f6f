"""Derivation, with sympy, of lambda_max: the smallest l1 at which w = 0 is a minimiser.

c(w) = X^T r - 2 l2 w is evaluated at w = 0 and KKT-ZERO read off coordinate by
coordinate (LAMBDA-MAX); the same threshold is then solved for in the documented
parameterisations of scikit-learn and glmnet.  ``MaxOver`` renders the maximum
over the coordinates and evaluates it once the bounds are numbers.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import exact as E
from . import probes
from .formula import Formula, evaluate, q
from .optimality import W, X, i, index_values, k, l2, n, p, residual_i


class MaxOver(sp.Expr):
    """max_{var = lo..hi} expr: a sympy object that renders and evaluates (doit) once the
    bounds are numbers."""

    def __new__(cls, expr, limits):
        return sp.Expr.__new__(cls, sp.sympify(expr), sp.Tuple(*limits))

    def doit(self, **hints):
        expr, (var, lo, hi) = self.args[0], self.args[1]
        if lo.is_Integer and hi.is_Integer:
            return sp.Max(*[expr.subs(var, v).doit(**hints) for v in range(int(lo), int(hi) + 1)])
        return self

    def _latex(self, printer):
        expr, (var, lo, hi) = self.args[0], self.args[1]
        return (rf"\max_{{{printer._print(lo)} \le {printer._print(var)} \le "
                rf"{printer._print(hi)}}} {printer._print(expr)}")


LAMBDA_MAX = sp.Symbol(r"\lambda_{\max}", positive=True)


def _c_at_zero_check(rhs, cs):
    """c_k(0) equals minus the exact gradient of the smooth part at w = 0."""
    zero = (0,) * cs.p
    return all(
        evaluate(rhs, {**index_values(cs, zero), k: kk + 1})
        == -q(probes.smooth_gradient(cs, kk, zero))
        for kk in range(cs.p)
    )


def _lambda_max_check(rhs, cs):
    """w = 0 minimises F at l1 iff l1 >= the rendered value, probed at the case's l1, at the
    value, at the exact threshold, between them and just below (the exact oracle decides)."""
    value = evaluate(rhs, index_values(cs))
    truth = q(E.lambda_max(cs.X, cs.y))
    for lam in {q(cs.l1), value, truth, (value + truth) / 2, value * sp.Rational(99, 100)}:
        if lam < 0:
            continue
        zero_optimal = probes.is_minimiser(probes.with_penalties(cs, lam, cs.l2), (0,) * cs.p)
        if zero_optimal != bool(lam >= value):
            return False
    return True


def _foreign_lambda_max_check(mixing):
    """The rendered threshold of a foreign parameterisation: 0 minimises the documented
    objective at it and not at 99/100 of it.  The documented objective is evaluated exactly;
    its minimiser is the canonical one at the penalties read off its coefficients."""

    def check(rhs, cs):
        lam_max = q(E.lambda_max(cs.X, cs.y))
        if lam_max == 0:
            return True
        for m in {sp.Integer(1), sp.Rational(1, 2), *( [q(cs.u)] if 0 < cs.u <= 1 else [])}:
            values = {LAMBDA_MAX: lam_max, n: cs.n, mixing["mix"]: m}
            top = evaluate(rhs, values)
            for strength, zero_expected in ((top, True), (top * sp.Rational(99, 100), False)):
                if probes.foreign_zero_optimal(cs, mixing, strength, m) != zero_expected:
                    return False
        return True

    return check


def _equivalent_l1(objective, rss):
    """lambda_1 of an objective k F + const: its N1 coefficient over twice its RSS coefficient."""
    N1 = sp.Symbol("N1", nonnegative=True)
    return sp.expand(objective).coeff(N1) / (2 * sp.expand(objective).coeff(rss))


@cache
def lambda_max():
    """LAMBDA-MAX: c(w) = X^T r - 2 l2 w at w = 0 (a real substitution, checked), then the
    KKT-ZERO condition |c_k(0)| <= l1 for every k; and the same threshold in the
    parameterisations of scikit-learn and glmnet (their lambda_1 read off the N1 term)."""
    c = sp.Sum(X[i, k] * residual_i(), (i, 1, n)) - 2 * l2 * W[k]
    at_zero = c.replace(lambda e: isinstance(e, sp.Indexed) and e.base == W, lambda e: 0)
    at_zero = sp.simplify(at_zero.doit())
    threshold = MaxOver(sp.Abs(at_zero), (k, 1, p))
    RSS, N1, N2 = sp.symbols("RSS N1 N2", nonnegative=True)
    alpha, rho, lam_g, alpha_g = sp.symbols(r"\alpha \rho \lambda_{\mathrm{glmnet}} "
                                            r"\alpha_{\mathrm{glmnet}}", positive=True)
    documented = {  # objectives as documented (see CONVENTION-*), no intercept
        "sklearn-lasso": (RSS / (2 * n) + alpha * N1, alpha, None),
        "sklearn-enet": (RSS / (2 * n) + alpha * rho * N1 + alpha * (1 - rho) * N2 / 2,
                         alpha, rho),
        "glmnet": (RSS / (2 * n) + lam_g * ((1 - alpha_g) / 2 * N2 + alpha_g * N1),
                   lam_g, alpha_g),
    }
    foreign = {}
    for name, (obj, strength, mix) in documented.items():
        lam1 = _equivalent_l1(obj, RSS)
        (sol,) = sp.solve(sp.Eq(lam1, LAMBDA_MAX), strength)
        foreign[name] = {"threshold": sol, "l1_of": sp.Lambda((strength, mix or sp.Dummy()), lam1),
                         "objective": obj, "strength": strength,
                         "mix": mix if mix is not None else sp.Dummy("m")}
    cases = probes.CASES
    formulas = (
        Formula(r"c_k(0)", at_zero, check=_c_at_zero_check, cases=cases),
        Formula(r"\lambda_{\max}", threshold, check=_lambda_max_check, cases=cases),
        Formula(r"\texttt{Lasso}:\ \alpha_{\max}", foreign["sklearn-lasso"]["threshold"],
                check=_foreign_lambda_max_check(foreign["sklearn-lasso"]), cases=cases),
        Formula(r"\texttt{ElasticNet}(\texttt{l1\_ratio} = \rho):\ \alpha_{\max}",
                foreign["sklearn-enet"]["threshold"],
                check=_foreign_lambda_max_check(foreign["sklearn-enet"]), cases=cases),
        Formula(r"\texttt{glmnet}(\alpha_{\mathrm{glmnet}}):\ \lambda^{\mathrm{glmnet}}_{\max}",
                foreign["glmnet"]["threshold"],
                check=_foreign_lambda_max_check(foreign["glmnet"]), cases=cases),
    )
    checks = {
        "the substitution w = 0 leaves no w in c(0)": not at_zero.has(W),
        "l2 does not appear in c(0)": l2 not in at_zero.free_symbols,
    }
    return {"formulas": formulas, "checks": checks, "c": c, "c0": at_zero, "foreign": foreign}
