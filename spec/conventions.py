"""Other libraries' objectives, mapped onto F by sympy: the method and its checks.

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

Here: the quantities, the exact cases and the check builders, the coefficient matching, and
the mixed-penalty form shared by statsmodels and glmnet.  The libraries, each with its
documented objective: ``spec.conventions_sklearn_statsmodels`` (scikit-learn, statsmodels),
``spec.conventions_glmnet`` (glmnet, documented and executed), ``spec.conventions_glum``
(glum, with sample weights and penalty factors).
"""

from __future__ import annotations

from fractions import Fraction

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


def objective_parts(cs, y=None, w=None):
    """(‖y − Xw‖², ‖w‖₁, ‖w‖²) from the rows of X, as sympy numbers (y, w may be algebraic)."""
    y = [q(v) for v in cs.y] if y is None else y
    w = [q(v) for v in cs.w] if w is None else w
    r = [
        yi - sum(q(x) * v for x, v in zip(row, w, strict=True))
        for row, yi in zip(cs.X, y, strict=True)
    ]
    return sum(v * v for v in r), sum(abs(v) for v in w), sum(v * v for v in w)


def case_objective(cs, l1_=None, l2_=None):
    """F(w) of the case (OBJECTIVE), by spec.exact."""
    return q(
        E.objective(cs.X, cs.y, cs.w, cs.l1 if l1_ is None else l1_, cs.l2 if l2_ is None else l2_)
    )


def at_case(expr, cs, **extra):
    """A mapping expression at the case's λ₁, λ₂, n (and s_y, W when given)."""
    values = {l1: q(cs.l1), l2: q(cs.l2), n: cs.n}
    if "s" in extra:
        values[s_y] = extra["s"]
    if "W" in extra:
        values[W] = extra["W"]
    return evaluate(expr, values)


def exactly_equal(a, b) -> bool:
    """a == b exactly, for algebraic numbers with roots in denominators (sd(y) = √2, ...)."""
    return eq(a, b) or sp.simplify(sp.radsimp(sp.together(a - b))) == 0


def mapping_checks(objective, scale, strength, mix, extra=lambda cs: {}):
    """Checks for (strength, mix, its objective): ``objective(cs, strength, mix)`` is the
    library's objective on the case's data, ``scale(cs)`` the multiple of F it must equal."""

    def strength_check(rhs, cs):
        kw = extra(cs)
        value = objective(cs, at_case(rhs, cs, **kw), at_case(mix, cs, **kw))
        return exactly_equal(value, scale(cs))

    def mix_check(rhs, cs):
        kw = extra(cs)
        value = objective(cs, at_case(strength, cs, **kw), at_case(rhs, cs, **kw))
        return exactly_equal(value, scale(cs))

    def scale_check(rhs, cs):
        kw = extra(cs)
        values = {F: case_objective(cs), n: cs.n, **({W: kw["W"]} if "W" in kw else {})}
        return exactly_equal(
            objective(cs, at_case(strength, cs, **kw), at_case(mix, cs, **kw)),
            evaluate(rhs, values),
        )

    return strength_check, mix_check, scale_check


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


def mapping(foreign, unknowns, canonical=CANONICAL):
    """The unique solution, and the verification that foreign = k F after substitution."""
    (sol,) = same_minimisers(foreign, unknowns, canonical)
    check = sp.simplify(foreign.subs(sol) - sol[k] * canonical) == 0
    return sol, check


def mixed_penalty(
    strength, mix, strength_tex, mix_tex, l2_scale=1, library=None, extra=lambda cs: {}
):
    """The form 1/(2n) RSS + strength((1 − mix) N2/(2·l2_scale) + mix N1), shared by
    statsmodels and glmnet (documented: l2_scale = 1; executed: l2_scale = sd(y)).
    ``library(cs, strength, mix)``, when given, is the library's objective on a case's data;
    the two formulas are then checked against it (= F/n)."""
    objective = RSS / (2 * n) + strength * ((1 - mix) * N2 / (2 * l2_scale) + mix * N1)
    sol, ok = mapping(objective, [strength, mix])
    formulas = (Formula(strength_tex, sol[strength]), Formula(mix_tex, sol[mix]))
    if library is not None:
        checked = mapping_checks(
            library, lambda cs: case_objective(cs) / cs.n, sol[strength], sol[mix], extra
        )
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


#: s = sd(y): the centred, 1/n (ddof 0) standard deviation of y that glmnet's Fortran
#: ``standard`` computes for the Gaussian family even when intercept = FALSE.
s_y = sp.Symbol("s_y", positive=True)


#: glum's weighted quantities: WRSS = Σ sᵢ rᵢ², V1 = Σ vⱼ|wⱼ| (P1 = v), V2 = wᵀ diag(v) w
#: (P2 = v as a 1-d array, "interpreted as diagonal"), W = Σ sᵢ.
WRSS, V1, V2 = sp.symbols("WRSS V1 V2", nonnegative=True)
W = sp.Symbol("W", positive=True)
WEIGHTED = WRSS / 2 + l1 * V1 + l2 * V2
