"""The option family: its objective in quadratic form, and its optimality conditions.

    F(w, b) = 1/2 sum_i s_i (y_i - b - x_i^T w)^2 + l1 sum_j v_j |w_j| + l2 sum_j v_j w_j^2,

optionally subject to w >= 0 (never on b); b is present only when an intercept is fitted.
The canonical objective (OBJECTIVE) is s = 1, v = 1, no intercept, no constraint.

Every formula is a sympy result computed here, with a ``check`` that evaluates it exactly on
the cases of ``spec.options_cases`` against ``spec.options_exact`` (the definitions, exact
differences of F, and a certified minimiser), never against another rendered formula.
"""

from __future__ import annotations

from functools import cache, lru_cache

import sympy as sp
from sympy.simplify.simplify import factor_sum

from . import options_exact as O
from .formula import Formula, colvec, eq, matrix, q
from .formula import evaluate as _evaluate
from .lambda_max import MaxOver
from .optimality import symbolic_matrix
from .options_cases import CASES, points

i, j, k = sp.symbols("i j k", integer=True, positive=True)
n, p = sp.symbols("n p", integer=True, positive=True)
X, Y, Wv, S, V, R = (sp.IndexedBase(name) for name in ("X", "y", "w", "s", "v", "r"))
b = sp.Symbol("b", real=True)
l1, l2 = sp.symbols("lambda_1 lambda_2", nonnegative=True)
#: one coordinate: its correlation, factor and value
CJ, VJ, WJ = (
    sp.Symbol(r"\hat c_j", real=True),
    sp.Symbol("v_j", nonnegative=True),
    sp.Symbol("w_j", real=True),
)
#: the quadratic form: matrices of the data (S = diag(s), V = diag(v)) and |w| elementwise
Xm, ym, wm = sp.MatrixSymbol("X", n, p), sp.MatrixSymbol("y", n, 1), sp.MatrixSymbol("w", p, 1)
Sm, Vm = sp.MatrixSymbol("S", n, n), sp.MatrixSymbol("V", p, p)
Gm, cm = sp.MatrixSymbol("G", p, p), sp.MatrixSymbol("c", p, 1)
vm, absw = sp.MatrixSymbol("v", p, 1), sp.MatrixSymbol(r"|w|", p, 1)


@lru_cache(maxsize=8192)
def _instantiated(expr, dims):
    """expr with its dimensions (and bound indices) substituted and its sums expanded."""
    out = expr.xreplace(dict(dims))
    return out.doit() if hasattr(out, "doit") else out


def evaluate(expr, values: dict):
    """``spec.formula.evaluate`` for index-form expressions, faster: the integer symbols
    (n, p, m, indices) are substituted and the sums expanded once per shape (cached), then
    every indexed symbol is replaced by its value, innermost first, and the rest by theirs."""
    if not isinstance(expr, sp.Basic) or expr.atoms(sp.MatrixSymbol):
        return _evaluate(expr, values)  # matrix symbols are keyed by their symbolic shape
    dims = tuple(
        sorted(
            (
                (key, val)
                for key, val in values.items()
                if isinstance(key, sp.Symbol) and key.is_integer and isinstance(val, int)
            ),
            key=lambda kv: kv[0].name,
        )
    )
    out = sp.sympify(
        _instantiated(expr, dims).xreplace(
            {key: val for key, val in values.items() if not isinstance(key, sp.IndexedBase)}
        )
    )
    indexed = {key: val for key, val in values.items() if isinstance(key, sp.IndexedBase)}
    while True:
        ready = {
            e: indexed[e.base](*[int(t) for t in e.indices])
            for e in out.atoms(sp.Indexed)
            if e.base in indexed and all(t.is_Integer for t in e.indices)
        }
        if ready:
            out = sp.sympify(out.xreplace(ready))
        elif out.atoms(sp.Sum) or any(isinstance(e, MaxOver) for e in sp.preorder_traversal(out)):
            done = out.doit()  # sums whose limits were bound only now
            if done == out:
                return out
            out = done
        else:
            return out


def residual_i():
    return Y[i] - b - sp.Sum(X[i, j] * Wv[j], (j, 1, p))


def in_residuals(expr):
    """expr with y_i - b - sum_j X_ij w_j written r_i, and constants taken out of sums."""
    expr = expr.replace(
        lambda e: isinstance(e, sp.Sum), lambda e: sp.Sum(sp.factor_terms(e.function), *e.limits)
    )
    expr = expr.xreplace({residual_i(): R[i], -residual_i(): -R[i]})
    return expr.replace(lambda e: isinstance(e, sp.Sum), factor_sum)


def smooth_expr():
    return sp.Rational(1, 2) * sp.Sum(S[i] * residual_i() ** 2, (i, 1, n)) + l2 * sp.Sum(
        V[j] * Wv[j] ** 2, (j, 1, p)
    )


def objective_expr():
    return smooth_expr() + l1 * sp.Sum(V[j] * sp.Abs(Wv[j]), (j, 1, p))


def values(cs, w=None, b_=None):
    """Bindings of the index-form symbols to the exact data of a case at (w, b)."""
    w = cs.w if w is None else w
    b_ = cs.b if b_ is None else b_
    r = O.residual(cs, w, b_)
    return {
        n: cs.n,
        p: cs.p,
        l1: q(cs.l1),
        l2: q(cs.l2),
        b: q(b_),
        X: lambda a, c: q(cs.X[a - 1][c - 1]),
        Y: lambda a: q(cs.y[a - 1]),
        Wv: lambda c: q(w[c - 1]),
        S: lambda a: q(cs.s[a - 1]),
        V: lambda c: q(cs.v[c - 1]),
        R: lambda a: q(r[a - 1]),
    }


def diag(entries):
    return sp.ImmutableMatrix(sp.diag(*[q(e) for e in entries]))


# --- OPTIONS-OBJECTIVE ----------------------------------------------------------------------


def hessian(cs):
    """The Hessian of the smooth part in w (b = 0): H_ac = f(e_a + e_c) - f(e_a) - f(e_c) + f(0),
    exact because f is quadratic."""

    def f(w):
        return O.smooth(cs, w, 0)

    def e(a, c=None):
        return tuple(
            O.unit(cs.p, a)[t] + (O.unit(cs.p, c)[t] if c is not None else 0) for t in range(cs.p)
        )

    zero = (0,) * cs.p
    return sp.ImmutableMatrix(cs.p, cs.p, lambda a, c: q(f(e(a, c)) - f(e(a)) - f(e(c)) + f(zero)))


def minus_gradient_at_zero(cs):
    return colvec([-O.smooth_gradient(cs, c, (0,) * cs.p, 0) for c in range(cs.p)])


def _objective_check(rhs, cs):
    return all(
        evaluate(rhs, values(cs, w, bb)) == q(O.objective(cs, w, bb)) for w, bb in points(cs)
    )


def _matrix_values(cs, w=None):
    w = cs.w if w is None else w
    return {
        Xm: matrix(cs.X),
        ym: colvec(cs.y),
        wm: colvec(w),
        Sm: diag(cs.s),
        Vm: diag(cs.v),
        vm: colvec(cs.v),
        absw: colvec([abs(x) for x in w]),
        n: cs.n,
        p: cs.p,
        l1: q(cs.l1),
        l2: q(cs.l2),
    }


def _gram_check(rhs, cs):
    return eq(evaluate(rhs, _matrix_values(cs)), hessian(cs))


def _linear_check(rhs, cs):
    return eq(evaluate(rhs, _matrix_values(cs)), minus_gradient_at_zero(cs))


def _quadratic_check(rhs, cs):
    """F(w, 0) from G and c (bound to the exact differences of F) at every point."""
    for w, _ in points(cs):
        vals = {**_matrix_values(cs, w), Gm: hessian(cs), cm: minus_gradient_at_zero(cs)}
        if not eq(evaluate(rhs, vals), q(O.objective(cs, w, 0))):
            return False
    return True


@cache
def objective():
    """OPTIONS-OBJECTIVE: F in index form, and F(w, 0) = 1/2 y'Sy - c'w + 1/2 w'Gw + l1 v'|w|
    with G = X'SX + 2 l2 V and c = X'Sy, expanded by sympy on a 3 x 2 symbolic instance."""
    Xs, ys, ws = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1), symbolic_matrix("w", 2, 1)
    sv = [sp.Symbol(f"s_{r}", nonnegative=True) for r in (1, 2, 3)]
    vv = [sp.Symbol(f"v_{r}", nonnegative=True) for r in (1, 2)]
    av = sp.Matrix([sp.Symbol(f"a_{r}", nonnegative=True) for r in (1, 2)])  # |w_r|
    Sd, Vd = sp.diag(*sv), sp.diag(*vv)
    r = ys - Xs * ws
    F = (
        (r.T * Sd * r)[0] / 2
        + l1 * sum(x * a for x, a in zip(vv, av, strict=True))
        + l2 * (ws.T * Vd * ws)[0]
    )
    G = Xs.T * Sd * Xs + 2 * l2 * Vd
    c = Xs.T * Sd * ys
    hess = sp.hessian(F, list(ws))
    grad0 = sp.Matrix([-sp.diff(F, x) for x in ws]).subs({x: 0 for x in ws})
    quad = (
        (ys.T * Sd * ys)[0] / 2
        - (c.T * ws)[0]
        + (ws.T * G * ws)[0] / 2
        + l1 * (sp.Matrix(vv).T * av)[0]
    )
    G_expr = Xm.T * Sm * Xm + 2 * l2 * Vm
    c_expr = Xm.T * Sm * ym
    quad_expr = (ym.T * Sm * ym) / 2 - cm.T * wm + (wm.T * Gm * wm) / 2 + l1 * vm.T * absw
    checks = {
        "G is the Hessian of F in w (3 x 2, symbolic s, v)": sp.expand(hess - G) == sp.zeros(2),
        "c is minus the gradient of F at w = 0": sp.expand(grad0 - c) == sp.zeros(2, 1),
        "F = 1/2 y'Sy - c'w + 1/2 w'Gw + l1 v'|w| (expanded)": sp.expand(F - quad) == 0,
        "s = 1, v = 1 gives the canonical objective's quadratic form": sp.expand(
            quad.subs({**dict.fromkeys(sv, 1), **dict.fromkeys(vv, 1)})
            - (
                (ys.T * ys)[0] / 2
                - (ys.T * Xs * ws)[0]
                + (ws.T * (Xs.T * Xs + 2 * l2 * sp.eye(2)) * ws)[0] / 2
                + l1 * sum(av)
            )
        )
        == 0,
    }
    formulas = (
        Formula("F(w, b)", objective_expr(), check=_objective_check, cases=CASES),
        Formula("G", G_expr, check=_gram_check, cases=CASES),
        Formula("c", c_expr, check=_linear_check, cases=CASES),
        Formula(r"F(w, 0)", quad_expr, check=_quadratic_check, cases=CASES),
    )
    return {"formulas": formulas, "checks": checks}
