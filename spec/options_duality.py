"""OPTIONS-DUAL-GAP: a dual of the family in weighted residuals, and the gap of a built point.

For s_i >= 0 and l2 v_j >= 0, completing two squares gives, for any (theta, zeta),

    F(w, b) - D(theta, zeta) = 1/2 sum_i s_i (r_i - theta_i)^2 + l2 sum_j v_j (w_j - zeta_j)^2
                               - b sum_i s_i theta_i + sum_j (l1 v_j |w_j| - w_j kappa_j),

D = sum s_i theta_i y_i - 1/2 sum s_i theta_i^2 - l2 sum v_j zeta_j^2 and
kappa_j = sum_i s_i X_ij theta_i - 2 l2 v_j zeta_j (verified by sympy on a 2 x 2 instance
with symbolic weights, factors and intercept).  The last two terms are bounded below over
the feasible (w, b) exactly on the constraints derived below (each a ray slope), and are then
>= 0: weak duality.  No square root of a weight appears.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache, lru_cache

import sympy as sp

from . import options_exact as O
from .formula import Formula, le, q
from .lambda_max import MaxOver
from .options import CJ, VJ, X, Y, evaluate, i, j, l1, l2, n, p
from .options_cases import CASES, points
from .options_dual_defs import (
    TS,
    dual_value,
    feasible_pair,
    gap_value,
    kappas,
    pairs,
    ray_constraints,
    refit,
    scale_bound,
    tt,
    weak_duality_identity,
)
from .options_lambda import J0, V0, k, m, thresholds

TH, ZE = sp.IndexedBase(r"\theta"), sp.IndexedBase(r"\zeta")
RR, WV, MM = sp.symbols(r"\sum_{i}s_ir_i^{2} \sum_{j}v_jw_j^{2} M", nonnegative=True)
Wi, Ci, Vi = sp.IndexedBase("w"), sp.IndexedBase(r"\hat c"), sp.IndexedBase("v")
Ss = sp.IndexedBase("s")


def _dual_check(rhs, cs):
    """Weak duality D <= F* on every feasible pair, strong duality at (r*, w*)."""
    f_star = q(O.optimum(cs))
    for theta, zeta in pairs(cs):
        if feasible_pair(cs, theta, zeta) and not le(
            evaluate(rhs, _pair_values(cs, theta, zeta)), f_star
        ):
            return False
    w_star, b_star = O.solve(cs)
    opt = (O.residual(cs, w_star, b_star), w_star)
    return evaluate(rhs, _pair_values(cs, *opt)) == f_star


def _pair_values(cs, theta, zeta):
    return {
        n: cs.n,
        p: cs.p,
        l1: q(cs.l1),
        l2: q(cs.l2),
        Y: lambda a: q(cs.y[a - 1]),
        Ss: lambda a: q(cs.s[a - 1]),
        Vi: lambda c: q(cs.v[c - 1]),
        X: lambda a, c: q(cs.X[a - 1][c - 1]),
        TH: lambda a: q(theta[a - 1]),
        ZE: lambda c: q(zeta[c - 1]),
    }


def _kappa_check(rhs, cs):
    return all(
        evaluate(rhs, {**_pair_values(cs, th, ze), j: jj + 1}) == q(kappas(cs, th, ze)[jj])
        for th, ze in pairs(cs, (1, Fraction(-1, 2)))
        for jj in range(cs.p)
    )


def _constraint_check(applies, decide):
    """A pair that satisfies the constraints (this one as rendered) has D <= F*; the optimal
    pair (r*, w*) satisfies it."""

    def check(rhs, cs):
        f_star = O.optimum(cs)
        w_star, b_star = O.solve(cs)
        opt = (O.residual(cs, w_star, b_star), w_star)
        for theta, zeta in (*pairs(cs), opt):
            ok = feasible_pair(cs, theta, zeta) if not applies(cs) else decide(rhs, cs, theta, zeta)
            if ok and dual_value(cs, theta, zeta) > f_star:
                return False
            if (theta, zeta) == opt and not ok:
                return False
        return True

    return check


@lru_cache(maxsize=4096)
def _rendered_set(rhs, lam, vj):
    return evaluate(rhs, {l1: q(lam), VJ: q(vj)})


def _coordinatewise(member):
    """Constraint j from the rendered set wherever ``member(cs, vj)`` says it is the one."""

    def decide(rhs, cs, theta, zeta):
        if cs.intercept and sum(si * ti for si, ti in zip(cs.s, theta, strict=True)) != 0:
            return False
        for kj, vj in zip(kappas(cs, theta, zeta), cs.v, strict=True):
            if member(cs, vj):
                if not _rendered_set(rhs, cs.l1, vj).contains(q(kj)):
                    return False
            elif (kj > cs.l1 * vj) or (not cs.positive and -kj > cs.l1 * vj):
                return False
        return True

    return decide


def _intercept_decide(rhs, cs, theta, zeta):
    total = sum(si * ti for si, ti in zip(cs.s, theta, strict=True))
    if not evaluate(rhs, {}).contains(q(total)):
        return False
    return all(
        (kj <= cs.l1 * vj) and (cs.positive or -kj <= cs.l1 * vj)
        for kj, vj in zip(kappas(cs, theta, zeta), cs.v, strict=True)
    )


def _bound_values(cs, w, b):
    c = [-O.smooth_gradient(cs, jj, w, b) for jj in range(cs.p)]
    P = cs.penalised
    return {
        m: len(P),
        J0: lambda a: P[a - 1] + 1,
        Ci: lambda a: q(c[a - 1]),
        V0: lambda a: q(cs.v[a - 1]),
    }


def _m_check(positive):
    """At a refitted point, t (r, w) is feasible iff t M <= l1 (t in TS, t >= 0)."""

    def check(rhs, cs):
        if cs.positive != positive:
            return True
        for w, _ in points(cs):
            w2, b2 = refit(cs, w)
            value = evaluate(rhs, _bound_values(cs, w2, b2))
            r = O.residual(cs, w2, b2)
            for t in (x for x in TS if x >= 0):
                pair = (tuple(t * x for x in r), tuple(t * x for x in w2))
                if feasible_pair(cs, *pair) != bool(q(t) * sp.Max(value, 0) <= q(cs.l1)):
                    return False
        return True

    return check


def _scale_check(rhs, cs):
    """The rendered t is in [0, 1], makes t (r, w) feasible at the refit, and is the largest
    such scale."""
    for w, _ in points(cs):
        w2, b2 = refit(cs, w)
        bound = scale_bound(cs, w2, b2)
        if bound == 0:
            continue  # t = 1 by convention
        value = evaluate(rhs, {l1: q(cs.l1), MM: q(bound)})
        t = O.fr(str(value))
        r = O.residual(cs, w2, b2)
        pair = (tuple(t * x for x in r), tuple(t * x for x in w2))
        if not (0 <= t <= 1 and feasible_pair(cs, *pair) and (t == 1 or t * bound == cs.l1)):
            return False
    return True


def _gap_check(rhs, cs):
    """At each feasible refitted point: the rendered G equals F(w', b') - D(t r, t w) from
    the definitions, G >= 0, and G = 0 iff (w', b') is optimal."""
    for w, _ in points(cs):
        w2, b2 = refit(cs, w)
        if not O.feasible(cs, w2):
            continue  # weak duality bounds F only on the feasible set
        bound = scale_bound(cs, w2, b2)
        t = O.fr(1) if bound <= cs.l1 else cs.l1 / bound
        r = O.residual(cs, w2, b2)
        c = [-O.smooth_gradient(cs, jj, w2, b2) for jj in range(cs.p)]
        vals = {
            RR: q(sum((si * x * x for si, x in zip(cs.s, r, strict=True)), O.fr(0))),
            WV: q(sum((vj * x * x for vj, x in zip(cs.v, w2, strict=True)), O.fr(0))),
            tt: q(t),
            p: cs.p,
            l1: q(cs.l1),
            l2: q(cs.l2),
            Wi: lambda a, w2=w2: q(w2[a - 1]),
            Ci: lambda a, c=c: q(c[a - 1]),
            Vi: lambda a: q(cs.v[a - 1]),
        }
        truth = gap_value(cs, w2, b2, t)
        if evaluate(rhs, vals) != q(truth) or truth < 0:
            return False
        if (truth == 0) != O.is_minimiser(cs, w2, b2):
            return False
    return True


@cache
def dual_gap():
    """OPTIONS-DUAL-GAP."""
    two_sided, one_sided, intercept = ray_constraints()
    dual = (
        sp.Sum(Ss[i] * TH[i] * Y[i], (i, 1, n))
        - sp.Sum(Ss[i] * TH[i] ** 2, (i, 1, n)) / 2
        - l2 * sp.Sum(Vi[j] * ZE[j] ** 2, (j, 1, p))
    )
    kappa = sp.Sum(Ss[i] * X[i, j] * TH[i], (i, 1, n)) - 2 * l2 * Vi[j] * ZE[j]
    at_k = lambda e: e.xreplace({CJ: Ci[J0[k]], VJ: V0[J0[k]]})  # noqa: E731
    _, _, _, _, raw = thresholds()  # as OPTIONS-LAMBDA-MAX, at c(w') instead of c(w°)
    bound = sp.Max(0, MaxOver(at_k(sp.Abs(CJ) / VJ), (k, 1, m)))
    bound_pos = sp.Max(0, MaxOver(at_k(raw), (k, 1, m)))
    gap = (1 - tt) ** 2 * (RR + 2 * l2 * WV) / 2 + sp.Sum(
        l1 * Vi[j] * sp.Abs(Wi[j]) - tt * Wi[j] * Ci[j], (j, 1, p)
    )
    checks = {
        **weak_duality_identity(),
        "v = 0 makes the constraint kappa_j = 0": two_sided.subs(VJ, 0) == sp.FiniteSet(0),
        "the intercept's constraint is sum s_i theta_i = 0": intercept == sp.FiniteSet(0),
        "w >= 0 keeps only the ray w_j -> +oo: kappa_j <= l1 v_j": one_sided.sup == l1 * VJ,
    }
    coord = _coordinatewise
    cases = CASES
    formulas = (
        Formula(r"D(\theta, \zeta)", dual, check=_dual_check, cases=cases),
        Formula(r"\kappa_j", kappa, check=_kappa_check, cases=cases),
        Formula(
            r"\kappa_j \in",
            two_sided,
            "",
            cases=cases,
            check=_constraint_check(lambda cs: not cs.positive, coord(lambda cs, vj: True)),
        ),
        Formula(
            r"w \ge 0:\ \kappa_j \in",
            one_sided,
            "",
            cases=cases,
            check=_constraint_check(lambda cs: cs.positive, coord(lambda cs, vj: True)),
        ),
        Formula(
            r"v_j = 0:\ \kappa_j \in",
            two_sided.subs(VJ, 0),
            "",
            cases=cases,
            check=_constraint_check(lambda cs: not cs.positive, coord(lambda cs, vj: vj == 0)),
        ),
        Formula(
            r"v_j = 0,\ w \ge 0:\ \kappa_j \in",
            one_sided.subs(VJ, 0),
            "",
            cases=cases,
            check=_constraint_check(lambda cs: cs.positive, coord(lambda cs, vj: vj == 0)),
        ),
        Formula(
            r"\text{intercept}:\ \sum_i s_i \theta_i \in",
            intercept,
            "",
            cases=cases,
            check=_constraint_check(lambda cs: cs.intercept, _intercept_decide),
        ),
        Formula(r"M(w)", bound, check=_m_check(False), cases=cases),
        Formula(r"M(w)\;(w \ge 0)", bound_pos, check=_m_check(True), cases=cases),
        Formula(
            r"t\;(t = 1 \text{ if } M = 0)", sp.Min(1, l1 / MM), check=_scale_check, cases=cases
        ),
        Formula(r"G = F(w, b) - D(t r, t w)", gap, check=_gap_check, cases=cases),
    )
    return {"formulas": formulas, "checks": checks}
