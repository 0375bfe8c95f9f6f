"""CONVENTION-GLUM-P1P2 and CONVENTION-STATSMODELS-VECTOR-ALPHA: the clauses' formulas.

As in ``spec.options_library``: the mappings are solved in ``spec.options_conventions``, and
each rendered value is checked by evaluating the library's objective at it.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import options_exact as O
from .conventions import V1, V2, WRSS, W, k, l1, l2, n
from .formula import Formula
from .optimality import symbolic_matrix
from .options import VJ
from .options_cases import CASES
from .options_conventions import (
    a_c,
    alpha,
    derivations,
    glum_objective,
    parameters,
    proportional_check,
    rho,
    statsmodels_objective,
    wt,
)
from .options_library import Fsym, factor_check, scale_invariant


@cache
def glum_p1p2():
    """CONVENTION-GLUM-P1P2."""
    sol = derivations()["glum"]
    mapping = {"alpha": sol[alpha], "rho": sol[rho], "P1": VJ, "P2": VJ}
    factor = lambda cs: 1 / cs.W  # noqa: E731
    check = lambda name: proportional_check(  # noqa: E731
        glum_objective, parameters(mapping, name), factor
    )
    doc = derivations()["objectives"]["sk_doc"]
    c = sp.Symbol("c", positive=True)
    checks = {
        "P1, P2 -> c P1, c P2 with alpha -> alpha / c: unchanged": scale_invariant(
            doc, {V1: c * V1, V2: c * V2, alpha: alpha / c}
        ),
        "sample_weight -> c sample_weight leaves it unchanged": scale_invariant(
            doc, {WRSS: c * WRSS, W: c * W}
        ),
    }
    cases = CASES
    formulas = (
        Formula(r"\texttt{P1}_j", VJ, check=check("P1"), cases=cases),
        Formula(r"\texttt{P2}_j\ (\text{1-d: diagonal})", VJ, check=check("P2"), cases=cases),
        Formula(r"\texttt{alpha}", sol[alpha], check=check("alpha"), cases=cases),
        Formula(r"\texttt{l1\_ratio}", sol[rho], check=check("rho"), cases=cases),
    )
    return {"formulas": formulas, "checks": checks, "mapping": mapping}


def _constant_column_is_intercept() -> bool:
    """F(w, b) = F([w; b], 0) on [X, 1] with v = (v, 0) (3 x 2, symbolic s, v)."""
    Xs, ys, ws = symbolic_matrix("X", 3, 2), symbolic_matrix("y", 3, 1), symbolic_matrix("w", 2, 1)
    sv = [sp.Symbol(f"s_{a}", nonnegative=True) for a in (1, 2, 3)]
    vv = [sp.Symbol(f"v_{a}", nonnegative=True) for a in (1, 2)]
    b = sp.Symbol("b", real=True)

    def F(X_, w_, v_, b_):
        r = ys - X_ * w_ - b_ * sp.ones(3, 1)
        return (
            sum(s * x**2 for s, x in zip(sv, r, strict=True)) / 2
            + l1 * sum(x * sp.Abs(t) for x, t in zip(v_, w_, strict=True))
            + l2 * sum(x * t**2 for x, t in zip(v_, w_, strict=True))
        )

    wide = Xs.row_join(sp.ones(3, 1))
    return sp.expand(F(Xs, ws, vv, b) - F(wide, ws.col_join(sp.Matrix([b])), [*vv, 0], 0)) == 0


@cache
def statsmodels_vector_alpha():
    """CONVENTION-STATSMODELS-VECTOR-ALPHA (no intercept: a constant column with alpha_j = 0)."""
    sol = derivations()["statsmodels"]
    mapping = {"alphas": VJ * sol[a_c], "wt": sol[wt]}
    no_intercept = lambda cs: not cs.intercept  # noqa: E731
    check = lambda name: proportional_check(  # noqa: E731
        statsmodels_objective,
        parameters(mapping, name),
        lambda cs: O.fr(1, cs.n),
        needs=no_intercept,
    )
    checks = {
        "an unpenalised constant column is the intercept": _constant_column_is_intercept(),
        "OLS (W = n, v = 1): CONVENTION-STATSMODELS's mapping": sp.simplify(
            sol[a_c].subs(W, n) - (l1 + 2 * l2) / n
        )
        == 0,
        "the weighted objective is F/n, as the unweighted one": sol[k] == 1 / n,
    }
    cases = CASES
    formulas = (
        Formula(r"\texttt{alpha}_j", mapping["alphas"], check=check("alphas"), cases=cases),
        Formula(r"\texttt{L1\_wt}", sol[wt], check=check("wt"), cases=cases),
        Formula(
            r"\text{its objective}",
            Fsym * sol[k],
            check=factor_check(statsmodels_objective, mapping, needs=no_intercept),
            cases=cases,
        ),
    )
    return {"formulas": formulas, "checks": checks, "mapping": mapping}
