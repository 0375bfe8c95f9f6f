"""GAP-SAFE: the Gap Safe screening rule, in the Gram form of the option family.

Fercoq, Gramfort & Salmon (2015), "Mind the duality gap: safer rules for the Lasso"
(ICML); Ndiaye, Fercoq, Gramfort & Salmon (2017), "Gap Safe screening rules for sparsity
enforcing penalties", JMLR 18, 1–33.

The problem is P(z) = ½zᵀGz − cᵀz + Σⱼ tⱼ|zⱼ| (zⱼ ≥ 0 where constrained), G ⪰ 0,
tⱼ = λ₁vⱼ: the option family with z = (w, b), G = X'ᵀSX' + 2λ₂V', c = X'ᵀSy (OPTIONS-
OBJECTIVE; the intercept is a coordinate with t = 0).  With ĉ = c − Gz:

1. the excess identity P(z) − P* = ½(z − z*)ᵀG(z − z*) + Σⱼ(tⱼ|zⱼ| − ĉ*ⱼzⱼ), every term of
   the sum ≥ 0 by OPTIONS-KKT, so ½(z − z*)ᵀG(z − z*) ≤ 𝒢 for any 𝒢 ≥ P(z) − P*;
2. ĉ(z) − ĉ* = G(z* − z), and (eⱼᵀGd)² ≤ Gⱼⱼ·dᵀGd (Cauchy–Schwarz for G ⪰ 0), so
   |ĉⱼ(z) − ĉ*ⱼ| ≤ √(2𝒢Gⱼⱼ) — GAP-DISTANCE-BOUND in the Gram form;
3. |ĉ*ⱼ| < tⱼ (ĉ*ⱼ < tⱼ under zⱼ ≥ 0) forces z*ⱼ = 0 at every minimiser (OPTIONS-KKT;
   every minimiser has the same ĉ*), and √(2𝒢Gⱼⱼ) is increasing in 𝒢, so sympy's root of
   |ĉⱼ| + √(2𝒢Gⱼⱼ) = tⱼ is the largest gap at which the test still screens.

Every formula carries a check evaluated exactly on the option cases (spec/options_cases.py)
and on one-column cases where the bounds are attained, against the certified oracle
``spec.options_exact``: a loosened rule screens a nonzero coefficient there, a tightened
one misses the equality.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp

from . import options_exact as O
from .formula import Formula, eq, le, q
from .options import CJ, VJ, S, V, X, evaluate, i, j, l1, l2, n, values
from .options_cases import CASES, points

#: real, not nonnegative: sympy would split √(2𝒢Gⱼⱼ) into √2·√𝒢·√Gⱼⱼ
GAP, GJJ = sp.Symbol(r"\mathcal{G}", real=True), sp.Symbol("G_{jj}", real=True)
H = Fraction(1, 2)

#: one-column cases (no intercept) whose minimiser is nonzero, with candidates beyond it on
#: its side: there the excess is ½G₁₁(w − w*)² and every bound below is attained
SHARP_CASES = (
    O.ocase(((1,), (2,), (H,)), (3, 1, 2), (Fraction(7, 8),), 1, 0, s=(1, 2, 1)),
    O.ocase(
        ((1,), (-2,), (3,)),
        (-1, 1, -2),
        (-1,),
        H,
        Fraction(1, 4),
        s=(2, 1, H),
        v=(Fraction(3, 2),),
    ),
    O.ocase(((1,), (2,)), (2, 3), (5,), H, 0, positive=True),
    O.ocase(((3,), (1,), (-1,)), (2, 1, 1), (3,), 1, H, s=(H, 2, 1), v=(2,), positive=True),
)
GAP_SAFE_CASES = CASES + SHARP_CASES


def _second_difference(cs, w, b, jj):
    """Gⱼⱼ: the exact second difference of the (quadratic) smooth part in wⱼ."""
    return sum(
        k * O.smooth(cs, O.shifted(w, jj, w[jj] + t), b) for t, k in ((1, 1), (0, -2), (-1, 1))
    )


def _coordinate(cs, w, b, jj):
    """(ĉⱼ, Gⱼⱼ, P − P*, ĉ*ⱼ, tⱼ) at (w, b), from the definitions (exact differences of F)."""
    w_star, b_star = O.solve(cs)
    return (
        -O.smooth_gradient(cs, jj, w, b),
        _second_difference(cs, w, b, jj),
        O.objective(cs, w, b) - O.optimum(cs),
        -O.smooth_gradient(cs, jj, w_star, b_star),
        cs.l1 * cs.v[jj],
    )


def _probes(cs):
    """(j, ĉⱼ, Gⱼⱼ, excess, ĉ*ⱼ, tⱼ, sharp two-sided, sharp one-sided) at every feasible point."""
    w_star = O.solve(cs)[0]
    for w, b in points(cs):
        if not O.feasible(cs, w):
            continue
        for jj in range(cs.p):
            cj, gjj, excess, cstar, t = _coordinate(cs, w, b, jj)
            beyond = cs.p == 1 and not cs.intercept and w_star[0] != 0 and w[0] * w_star[0] > 0
            beyond = beyond and abs(w[0]) >= abs(w_star[0])
            two = beyond and cj * w_star[0] >= 0
            yield jj, cj, gjj, excess, cstar, t, two, beyond and w_star[0] > 0


def _sphere_check(two_sided):
    """|ĉ*ⱼ| (ĉ*ⱼ) ≤ the rendered bound at 𝒢 = P − P*, with equality where it is attained."""

    def check(rhs, cs):
        for _, cj, gjj, excess, cstar, _, two, one in _probes(cs):
            value = evaluate(rhs, {CJ: q(cj), GAP: q(excess), GJJ: q(gjj)})
            lhs = q(abs(cstar) if two_sided else cstar)
            if not le(lhs, value) or ((two if two_sided else one) and not eq(lhs, value)):
                return False
        return True

    return check


def _threshold_check(two_sided):
    """Where |ĉⱼ| < tⱼ (ĉⱼ < tⱼ under w ≥ 0): P − P* < the rendered threshold forces the
    strict condition at the optimum (so w*ⱼ = 0), and P − P* equals it where attained."""

    def check(rhs, cs):
        if not two_sided and not cs.positive:
            return True  # one-sided: only under w ≥ 0
        for jj, cj, gjj, excess, cstar, t, two, one in _probes(cs):
            applies = abs(cj) < t if two_sided else cj < t
            if gjj == 0 or not applies:
                continue
            value = evaluate(rhs, {CJ: q(cj), l1: q(cs.l1), VJ: q(cs.v[jj]), GJJ: q(gjj)})
            strict = abs(cstar) < t if two_sided else cstar < t
            if not le(value, q(excess)) and not strict:
                return False  # the rule would screen a coordinate that is not strict
            if (two if two_sided else one) and not eq(q(excess), value):
                return False
        return True

    return check


def _gram_check(rhs, cs):
    """The rendered Gⱼⱼ equals the second difference of the smooth part in wⱼ."""
    return all(
        evaluate(rhs, {**values(cs), j: jj + 1}) == q(_second_difference(cs, cs.w, cs.b, jj))
        for jj in range(cs.p)
    )


@cache
def gap_safe():
    """GAP-SAFE: the excess identity, Cauchy–Schwarz in G, and the screening threshold."""
    a, t, g = (
        sp.Symbol("a", real=True),
        sp.Symbol("t", positive=True),
        sp.Symbol("g", positive=True),
    )
    root = sp.solve(sp.Eq(a + sp.sqrt(2 * GAP * g), t), GAP)
    gp = sp.Symbol("gp", positive=True)
    two = root[0].subs({a: sp.Abs(CJ), t: l1 * VJ, g: GJJ})
    one = root[0].subs({a: CJ, t: l1 * VJ, g: GJJ})
    cases = GAP_SAFE_CASES
    formulas = (
        Formula(
            "G_{jj}",
            sp.Sum(S[i] * X[i, j] ** 2, (i, 1, n)) + 2 * l2 * V[j],
            check=_gram_check,
            cases=cases,
        ),
        Formula(
            r"|\hat c^{*}_j|",
            sp.Abs(CJ) + sp.sqrt(2 * GAP * GJJ),
            r"\le",
            check=_sphere_check(True),
            cases=cases,
            sharp="equality for one column without intercept, w beyond w* ≠ 0 on its side "
            "with ĉ_j(w)·w*_j ≥ 0, and 𝒢 = F(w) − F*",
        ),
        Formula(
            r"\hat c^{*}_j",
            CJ + sp.sqrt(2 * GAP * GJJ),
            r"\le",
            check=_sphere_check(False),
            cases=cases,
            sharp="equality for one column without intercept, w ≥ w* > 0, 𝒢 = F(w) − F*",
        ),
        Formula(
            r"w^{*}_j = 0 \text{ if } |\hat c_j| < \lambda_1 v_j \text{ and } \mathcal{G}",
            two,
            "<",
            check=_threshold_check(True),
            cases=cases,
            sharp="the gap equals it for one column without intercept, w beyond w* ≠ 0 on "
            "its side with ĉ_j(w)·w*_j ≥ 0, and 𝒢 = F(w) − F*",
        ),
        Formula(
            r"w \ge 0:\ w^{*}_j = 0 \text{ if } \hat c_j < \lambda_1 v_j \text{ and } "
            r"\mathcal{G}",
            one,
            "<",
            check=_threshold_check(False),
            cases=cases,
            sharp="the gap equals it for one column without intercept, w ≥ w* > 0, 𝒢 = F(w) − F*",
        ),
    )
    checks = {
        **_identities(),
        "the sphere test's boundary, solved for 𝒢 (one root)": len(root) == 1,
        "√(2𝒢G_jj) is increasing in 𝒢": sp.diff(sp.sqrt(2 * gp * g), gp).is_positive,
    }
    return {"formulas": formulas, "checks": checks}


def _identities():
    """The excess identity and Cauchy–Schwarz in G, on a symbolic 2 × 2 instance."""
    g11, g12, g22 = sp.symbols("g11 g12 g22", real=True)
    G = sp.Matrix([[g11, g12], [g12, g22]])
    z, zs = sp.Matrix(sp.symbols("z1 z2", real=True)), sp.Matrix(sp.symbols("u1 u2", real=True))
    cstar = sp.Matrix(sp.symbols("k1 k2", real=True))
    t = sp.symbols("t1 t2", positive=True)
    absz, abszs = sp.symbols("a1 a2", nonnegative=True), sp.symbols("b1 b2", nonnegative=True)
    c = cstar + G * zs  # ĉ* = c − Gz*

    def P(v, absv):
        return ((v.T * G * v) / 2 - c.T * v)[0] + sum(
            tk * ak for tk, ak in zip(t, absv, strict=True)
        )

    d = z - zs
    claimed = (d.T * G * d)[0] / 2 + sum(t[k] * absz[k] - cstar[k] * z[k] for k in range(2))
    kkt = {abszs[k]: cstar[k] * zs[k] / t[k] for k in range(2)}  # tⱼ|z*ⱼ| = ĉ*ⱼz*ⱼ
    dd = sp.Matrix(sp.symbols("d1 d2", real=True))
    schwarz = g11 * (dd.T * G * dd)[0] - ((G * dd)[0]) ** 2 - G.det() * dd[1] ** 2
    return {
        "excess identity P(z) − P* = ½dᵀGd + Σ(tⱼ|zⱼ| − ĉ*ⱼzⱼ), by KKT": sp.expand(
            (P(z, absz) - P(zs, abszs) - claimed).subs(kkt)
        )
        == 0,
        "G₁₁·dᵀGd − (Gd)₁² = det(G)·d₂² ≥ 0 for G ⪰ 0 (Cauchy–Schwarz, 2 × 2)": sp.expand(schwarz)
        == 0,
    }
