"""OPTIONS-LAMBDA-MAX: the smallest lambda_1 at which w_P = 0 satisfies OPTIONS-KKT.

P = {j : v_j > 0} (enumerated j_1 < ... < j_m), U = {j : v_j = 0}.  At w_P = 0 the
conditions of the unpenalised coordinates and of b do not involve lambda_1, so they fix
(w_U, b) to a minimiser (w°, b°) of the restricted problem (least squares in b and w_U;
non-negative least squares in w_U under w >= 0), whose residual r° is unique.  What remains
are the zero-coefficient conditions of OPTIONS-KKT for j in P at c°_j = c_j(w°); each is
solved for lambda_1 by sympy, and lambda_max is the largest of those thresholds.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from . import options_exact as O
from .formula import Formula, colvec, eq, q
from .lambda_max import MaxOver
from .optimality import symbolic_matrix
from .options import CJ, VJ, R, Wv, evaluate, i, k, l1, n, values
from .options_cases import CASES
from .options_centring import YB
from .options_kkt import correlation_expr, kkt

RO = sp.IndexedBase(r"r^{\circ}")
C0, V0, J0 = sp.IndexedBase(r"\hat c^{\circ}"), sp.IndexedBase("v"), sp.IndexedBase("j")
m = sp.Symbol("m", integer=True, nonnegative=True)
Y = sp.IndexedBase("y")
nU = sp.Symbol("|U|", integer=True, positive=True)
XU = sp.MatrixSymbol(r"\tilde{X}_U", n, nU)
Sm, ytm = sp.MatrixSymbol("S", n, n), sp.MatrixSymbol(r"\tilde{y}", n, 1)


def restricted(cs):
    """(w°, b°, r°, c°): the restricted fit, its residual and correlations (exact)."""
    w0, b0 = O.restricted_fit(cs)
    return (
        w0,
        b0,
        O.residual(cs, w0, b0),
        tuple(-O.smooth_gradient(cs, jj, w0, b0) for jj in range(cs.p)),
    )


def _correlation_check(rhs, cs):
    """c°_k from the rendered formula (r° bound to the exact restricted residual) equals minus
    the exact gradient at (w°, b°), for every k."""
    w0, b0, r0, c0 = restricted(cs)
    base = {**values(cs, w0, b0), RO: lambda a: q(r0[a - 1])}
    return all(evaluate(rhs, {**base, k: kk + 1}) == q(c0[kk]) for kk in range(cs.p))


def zero_optimal(cs, lam) -> bool:
    """w_P = 0 (with the restricted fit) minimises F at lambda_1 = lam (the oracle decides)."""
    w0, b0, _, _ = restricted(cs)
    return O.is_minimiser(O.at(cs, l1=lam), w0, b0)


def _threshold_values(cs):
    _, _, _, c0 = restricted(cs)
    P = cs.penalised
    return {
        m: len(P),
        J0: lambda a: P[a - 1] + 1,
        C0: lambda a: q(c0[a - 1]),
        V0: lambda a: q(cs.v[a - 1]),
    }


def _lambda_max_check(positive):
    """w_P = 0 is optimal at lambda_1 iff lambda_1 >= the rendered value, probed at the case's
    lambda_1, at the value, between it and the truth, at 99/100 and at 101/100 of it."""

    def check(rhs, cs):
        if cs.positive != positive:
            return True
        value = evaluate(rhs, _threshold_values(cs))
        truth = true_lambda_max(cs)
        for lam in {
            q(cs.l1),
            value,
            (value + truth) / 2,
            value * sp.Rational(99, 100),
            value * sp.Rational(101, 100),
            truth,
        }:
            if lam < 0 or not lam.is_finite:
                continue
            if zero_optimal(cs, O.fr(str(lam))) != bool(lam >= value):
                return False
        return True

    return check


def true_lambda_max(cs):
    """The smallest lambda_1 with w_P = 0 optimal, from the oracle: bisection is not needed,
    since the set is [lambda_max, oo) and lambda_max is one of the candidates tried here."""
    _, _, _, c0 = restricted(cs)
    cands = sorted({O.fr(0)} | {abs(c0[jj]) / cs.v[jj] for jj in cs.penalised})
    return q(next(lam for lam in cands if zero_optimal(cs, lam)))


def _coordinate_threshold_check(positive):
    """Per coordinate: the zero condition of j alone holds at lambda_1 iff lambda_1 >= the
    rendered threshold (probed at the threshold and 99/100 and 101/100 of it)."""

    def check(rhs, cs):
        if cs.positive != positive:
            return True
        _, _, _, c0 = restricted(cs)
        for jj in cs.penalised:
            value = evaluate(rhs, {CJ: q(c0[jj]), VJ: q(cs.v[jj])})
            for lam in {
                value,
                value * sp.Rational(99, 100),
                value * sp.Rational(101, 100),
                value + 1,
            }:
                holds = (c0[jj] <= lam * cs.v[jj]) if positive else (abs(c0[jj]) <= lam * cs.v[jj])
                if lam >= 0 and holds != bool(lam >= value):
                    return False
        return True

    return check


def _closed_residual_check(rhs, cs):
    """U empty: r°_i = y_i - ybar (ybar = b*(0), bound independently; 0 without intercept)."""
    if cs.unpenalised:
        return True
    _, _, r0, _ = restricted(cs)
    ybar = O.best_intercept(cs, (0,) * cs.p)
    return all(
        evaluate(rhs, {**values(cs), YB: q(ybar), i: a + 1}) == q(r0[a]) for a in range(cs.n)
    )


def _projection_check(rhs, cs):
    """U nonempty, no constraint, X~_U of full column rank: r° = (I - H) y~ is the exact
    restricted residual."""
    U = cs.unpenalised
    if not U or cs.positive:
        return True
    Xc, yc = O.centred(cs)
    XUv = sp.ImmutableMatrix([[q(row[jj]) for jj in U] for row in Xc])
    Sd = sp.ImmutableMatrix(sp.diag(*[q(x) for x in cs.s]))
    if (XUv.T * Sd * XUv).det() == 0:
        return True
    value = evaluate(rhs, {XU: XUv, Sm: Sd, ytm: colvec(yc), n: cs.n, nU: len(U)})
    return eq(value, colvec(restricted(cs)[2]))


def thresholds():
    """The threshold of one coordinate: solve the zero condition of OPTIONS-KKT for l1."""
    sets = kkt()["sets"]
    lam = sp.Symbol("lambda", real=True)
    vp = sp.Symbol("v_j", positive=True)
    zero = sets["zero"].subs({l1: lam, VJ: vp})
    pos = sets["positive_zero"].subs({l1: lam, VJ: vp})
    lower = [sp.solve(zero.inf <= CJ, lam), sp.solve(CJ <= zero.sup, lam)]
    upper = [sp.solve(CJ <= pos.sup, lam)]
    bound = lambda rels: sp.Max(0, *[r.rhs for r in rels]).subs(vp, VJ)  # noqa: E731
    return bound(lower), bound(upper), lower, upper, upper[0].rhs.subs(vp, VJ)


def _equal_by_sign(expr, target) -> bool:
    """expr == target for c > 0, c < 0 and c = 0 (v > 0)."""
    vp = sp.Symbol("v", positive=True)
    cp, cn = sp.Symbol("c", positive=True), sp.Symbol("c", negative=True)
    return all(sp.simplify((expr - target).subs(VJ, vp).subs(CJ, c)) == 0 for c in (cp, cn, 0))


@cache
def lambda_max():
    """OPTIONS-LAMBDA-MAX."""
    solved, one_sided, lower, upper, raw = thresholds()
    two_sided = sp.Abs(CJ) / VJ
    c0 = correlation_expr().xreplace({Wv[k]: 0}).xreplace({R: RO})
    at_k = lambda e: e.xreplace({CJ: C0[J0[k]], VJ: V0[J0[k]]})  # noqa: E731
    # the largest threshold over P; the outer max(0, .) is the domain l1 >= 0 (and P = {})
    lam_max = sp.Max(0, MaxOver(at_k(two_sided), (k, 1, m)))
    lam_max_pos = sp.Max(0, MaxOver(at_k(raw), (k, 1, m)))
    residual_closed = Y[i] - YB
    # the projection: normal equations of the restricted least squares on a 3 x 1 instance
    xu, yv = symbolic_matrix("x", 3, 1), symbolic_matrix("y", 3, 1)
    sv = sp.diag(*[sp.Symbol(f"s_{a}", positive=True) for a in (1, 2, 3)])
    beta = sp.Symbol("beta", real=True)
    (sol,) = sp.solve(sp.diff(((yv - xu * beta).T * sv * (yv - xu * beta))[0], beta), beta)
    H = XU * (XU.T * Sm * XU).I * XU.T * Sm
    projection = (sp.Identity(n) - H) * ytm
    proj_inst = (sp.eye(3) - xu * (xu.T * sv * xu).inv() * xu.T * sv) * yv
    checks = {
        "two-sided: l1 >= max(0, -c/v, c/v) = |c|/v (v > 0)": _equal_by_sign(solved, two_sided)
        and len(lower) == 2,
        "w >= 0: c <= l1 v  iff  l1 >= c/v, and l1 >= 0: max(0, c/v)": one_sided
        == sp.Max(0, CJ / VJ)
        and raw == CJ / VJ
        and len(upper) == 1,
        "the two thresholds differ (|c| vs max(0, c)) when c < 0": two_sided.subs({CJ: -1, VJ: 1})
        == 1
        and one_sided.subs({CJ: -1, VJ: 1}) == 0,
        "l2 does not enter c° (the l2 v_k w_k term vanishes at w_k = 0)": not c0.has(
            sp.Symbol("lambda_2", nonnegative=True)
        ),
        "restricted least squares: r° = (I - x(x'Sx)^-1 x'S) y (3 x 1, symbolic s)": sp.simplify(
            proj_inst - (yv - xu * sol)
        )
        == sp.zeros(3, 1),
    }
    cases = CASES
    formulas = (
        Formula(
            r"\hat c^{\circ}_k = \hat c_k(w^{\circ}, b^{\circ})",
            c0,
            check=_correlation_check,
            cases=cases,
        ),
        Formula(
            r"\min\{\lambda_1 : \hat c_j \in [-\lambda_1 v_j, \lambda_1 v_j]\}",
            two_sided,
            check=_coordinate_threshold_check(False),
            cases=cases,
        ),
        Formula(
            r"\min\{\lambda_1 \ge 0 : \hat c_j \le \lambda_1 v_j\}",
            one_sided,
            check=_coordinate_threshold_check(True),
            cases=cases,
        ),
        Formula(
            r"\lambda_{\max}\;(j_1 < \dots < j_m \text{ enumerate } P)",
            lam_max,
            check=_lambda_max_check(False),
            cases=cases,
        ),
        Formula(
            r"\lambda_{\max}\;(w \ge 0)", lam_max_pos, check=_lambda_max_check(True), cases=cases
        ),
        Formula(
            r"r^{\circ}_i\;(U = \emptyset)",
            residual_closed,
            check=_closed_residual_check,
            cases=cases,
        ),
        Formula(
            r"r^{\circ}\;(U \ne \emptyset,\ \text{no constraint})",
            projection,
            check=_projection_check,
            cases=cases,
        ),
    )
    return {"formulas": formulas, "checks": checks}
