"""FLOAT-KKT-TOLERANCE's acceptance test of a float solution, decided exactly, and its checks.

A float solution ŵ whose exact duality gap is at most G has |c_j(ŵ) − c_j(w*)| ≤ δ_j with
δ_j² = 2G(‖x_j‖² + 2λ₂) (GAP-DISTANCE-BOUND), and its computed ĉ_j is within τ_j of c_j(ŵ)
(``spec.floating``); so ĉ_j lies within τ_j + δ_j of the target set of c*_j, and
``kkt_float_check_passes`` accepts exactly that.  The checks: δ_j² on the exact cases
(equality when p = 1 and λ₁ = 0), and each rendered acceptance bound is the largest
|ĉ_j − target| a correct solver can produce, on cases where δ_j is rational.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from . import duality, gap_distance, probes
from .floating import at_values
from .formula import eq, q

TAU, DELTA = sp.symbols(r"\tau_j \delta_j", nonnegative=True)
L1 = sp.Symbol("lambda_1", nonnegative=True)


def kkt_float_check_passes(c_hat_j, l1, w_star_j, tau_j, gap_bound, col_sq_j, l2=0) -> bool:
    """The sound float KKT acceptance test of FLOAT-KKT-TOLERANCE, decided exactly.

    Let w* be exactly optimal and w_hat a float solution whose exact duality
    gap is at most G.  Then |c_j(w_hat) - c_j(w*)| <= delta_j with
    delta_j^2 = 2 G (||x_j||^2 + 2 l2) (GAP-DISTANCE-BOUND), and c_j(w*) is
    l1 sign(w*_j) on the support and in [-l1, l1] off it.  Hence the computed
    c_hat_j must satisfy  dist(c_hat_j, target set) <= tau_j + delta_j.
    The square root is avoided: (excess - tau_j)_+^2 <= delta_j^2.
    """
    l1 = Fraction(l1)
    c_hat_j = Fraction(c_hat_j)
    if w_star_j == 0:
        excess = max(Fraction(0), abs(c_hat_j) - l1)
    else:
        excess = abs(c_hat_j - l1 * (1 if w_star_j > 0 else -1))
    beyond = max(Fraction(0), excess - Fraction(tau_j))
    return beyond * beyond <= 2 * Fraction(gap_bound) * (Fraction(col_sq_j) + 2 * Fraction(l2))


def delta_check(rhs, cs):
    """(c_j(w) − c_j(w*))² ≤ rhs at G = F(w) − F* (GAP-DISTANCE-BOUND squared); equality
    when p = 1 and λ₁ = 0."""
    c = duality.correlations(cs)
    c_star = duality.correlations(cs, probes.minimiser(cs))
    for j in range(cs.p):
        col = [row[j] for row in cs.X]
        value = at_values(
            rhs,
            {
                gap_distance.G: probes.excess(cs),
                gap_distance.A2: sum(v * v for v in col),
                duality.l2: cs.l2,
            },
        )
        if not gap_distance.bound(q((c[j] - c_star[j]) ** 2), value, cs.p == 1 and cs.l1 == 0):
            return False
    return True


@dataclass(frozen=True)
class AcceptCase:
    """Exact τ_j, G, ‖x_j‖², λ₁, λ₂ (chosen so that δ_j = √(2G(‖x_j‖² + 2λ₂)) is rational)
    and the sign of w*_j (0 for a zero)."""

    l1: Fraction
    l2: Fraction
    tau: Fraction
    G: Fraction
    col_sq: Fraction
    sign: int = 0


def _delta_of(cs: AcceptCase):
    return sp.sqrt(q(2 * cs.G * (cs.col_sq + 2 * cs.l2)))


def accept_check(rhs, cs: AcceptCase):
    """rhs is the largest |ĉ_j − target| a correct solver can produce — the maximum over the
    vertices of c*_j ∈ [−λ₁, λ₁] (w*_j = 0) or c*_j = λ₁ sign w*_j, |c_j − c*_j| ≤ δ_j,
    |ĉ_j − c_j| ≤ τ_j — and kkt_float_check_passes accepts exactly up to it."""
    delta = _delta_of(cs)
    value = at_values(rhs, {L1: cs.l1, TAU: cs.tau, DELTA: delta})
    stars = (-cs.l1, cs.l1) if cs.sign == 0 else (cs.l1 * cs.sign,)
    target = 0 if cs.sign == 0 else cs.l1 * cs.sign
    worst = max(
        abs(q(c) + s * delta + t * q(cs.tau) - q(target))
        for c in stars
        for s in (-1, 1)
        for t in (-1, 1)
    )
    if not eq(value, worst) or not value.is_Rational:
        return False
    edge = Fraction(int(value.p), int(value.q)) + target

    def passes(v):
        return kkt_float_check_passes(v, cs.l1, cs.sign, cs.tau, cs.G, cs.col_sq, cs.l2)

    return passes(edge) and not passes(edge + Fraction(1, 10**30))


ACCEPT_ZERO = (
    AcceptCase(Fraction(1), Fraction(1, 2), Fraction(1, 8), Fraction(1, 64), Fraction(1)),
    AcceptCase(Fraction(3), Fraction(0), Fraction(1, 16), Fraction(1, 32), Fraction(4)),
    AcceptCase(Fraction(1, 2), Fraction(2), Fraction(1, 3), Fraction(1, 8), Fraction(0)),
)
ACCEPT_NONZERO = tuple(
    AcceptCase(c.l1, c.l2, c.tau, c.G, c.col_sq, s) for c in ACCEPT_ZERO for s in (1, -1)
)
