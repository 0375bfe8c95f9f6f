"""Floating-point tolerances: every tolerance the project uses, with its derivation.

Model (IEEE 754 binary64, round to nearest, gradual underflow; Higham, *Accuracy and
Stability of Numerical Algorithms*, 2nd ed., §2.1, eqs. (2.4) and (2.8)):

* fl(a op b) = (a op b)(1 + δ) + η with |δ| ≤ u = 2⁻⁵³, |η| ≤ u_sub = 2⁻¹⁰⁷⁵ (half the
  spacing 2⁻¹⁰⁷⁴ of the subnormals) and δη = 0, barring overflow;
* an addition or subtraction never has an η: its exact result is a multiple of 2⁻¹⁰⁷⁴,
  so when it lies in the subnormal range it is representable and the operation is exact
  (Higham §2.1, after (2.8); Hauser 1996).

For k u < 1 write γ_k = k u/(1 − k u) (γ_0 = 0).  Inner product of length m, summed in any
order (a binary tree, FMA allowed): the i-th product is fl(a_i b_i) = a_i b_i(1 + δ_i) + η_i
and reaches the result through at most m − 1 additions, each a factor (1 + ε), |ε| ≤ u, so

  fl(aᵀb) = Σ_i (a_i b_i (1 + δ_i) + η_i) Π_k (1 + ε_ik),

and Higham's Lemma 3.1 (|Π_{≤k}(1 + δ)^{±1} − 1| ≤ γ_k) gives

  |fl(aᵀb) − aᵀb| ≤ γ_m |a|ᵀ|b| + m (1 + γ_{m−1}) u_sub          (FLOAT-DOT-ERROR)

(Higham eq. (3.5) plus the underflow term; an FMA rounds a_i b_i + s once, with one δ and
one η, so the count is the same).  certify_float uses the weaker m·2⁻¹⁰⁷⁴ ≥ m(1 + γ_{m−1})u_sub.

Every bound is evaluated in exact rational arithmetic from the binary64 data (each double is
a rational number), so evaluating a tolerance adds no error (``at`` evaluates a rendered one).
The float64 computations and the adversarial instances the bounds are checked on are in
``spec.float_probes``, the rendered formulas with their checks in ``spec.float_formulas``,
the acceptance test of FLOAT-KKT-TOLERANCE in ``spec.float_acceptance``.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from .formula import number, q

UNIT_ROUNDOFF = Fraction(1, 2**53)
#: u_sub = 2⁻¹⁰⁷⁵: the largest absolute error of rounding a result to nearest in the
#: subnormal range (half the spacing 2⁻¹⁰⁷⁴ there)
UNDERFLOW_UNIT = Fraction(1, 2**1075)


def gamma(m: int) -> Fraction:
    """gamma_m = m u / (1 - m u), exactly (gamma_0 = 0); requires m u < 1."""
    if m < 0 or m * UNIT_ROUNDOFF >= 1:
        raise ValueError("gamma_m needs 0 <= m and m u < 1")
    return m * UNIT_ROUNDOFF / (1 - m * UNIT_ROUNDOFF)


def underflow_term(products: int, additions: int) -> Fraction:
    """products·(1 + γ_additions)·u_sub: the underflow errors of ``products`` roundings of
    products, each carried through at most ``additions`` later additions."""
    return products * (1 + gamma(additions)) * UNDERFLOW_UNIT


def abs_dot(a, b) -> Fraction:
    return sum(
        (abs(Fraction(u)) * abs(Fraction(v)) for u, v in zip(a, b, strict=True)), Fraction(0)
    )


def dot_error_bound(a, b) -> Fraction:
    """gamma_m |a|^T |b| + m (1 + gamma_{m-1}) u_sub: bounds |fl(a^T b) - a^T b|
    (FLOAT-DOT-ERROR), underflow included."""
    m = len(a)
    if m == 0:
        return Fraction(0)
    return gamma(m) * abs_dot(a, b) + underflow_term(m, m - 1)


def residual_error_bounds(X, y, w) -> tuple[Fraction, ...]:
    """e_i = gamma_{p+1} (|y_i| + sum_k |X_ik| |w_k|) + p (1 + gamma_p) u_sub bounds
    |fl(r_i) - r_i| (FLOAT-RESIDUAL-ERROR).

    r_i = y_i - sum_k X_ik w_k is an inner product of length p + 1 of (y_i, X_i.) with
    (1, -w); the product y_i * 1 is exact, so only the p products X_ik w_k can underflow,
    and each passes through at most p additions.
    """
    p = len(w)
    if not p:
        return tuple(Fraction(0) for _ in y)
    return tuple(
        gamma(p + 1) * (abs(Fraction(yi)) + abs_dot(row, w)) + underflow_term(p, p)
        for row, yi in zip(X, y, strict=True)
    )


def kkt_tolerances(X, y, w, r_hat, l2=0) -> tuple[Fraction, ...]:
    """tau_j, with |fl(c_j) - c_j(w)| <= tau_j (FLOAT-KKT-TOLERANCE).

    fl(c_j) is computed from the computed residual r_hat as the length-(n+1) inner product
    of (x_j, 2 l2 w_j) with (r_hat, -1) (2 l2 is exact, barring overflow), so
    tau_j = |x_j|^T e + gamma_{n+1} (|x_j|^T |r_hat| + 2 l2 |w_j|) + (n + 1)(1 + gamma_n) u_sub,
    where e bounds the residual error (FLOAT-RESIDUAL-ERROR).
    """
    e = residual_error_bounds(X, y, w)
    n = len(y)
    l2 = Fraction(l2)
    taus = []
    for j in range(len(w)):
        xj = [Fraction(row[j]) for row in X]
        propagated = sum((abs(x) * ej for x, ej in zip(xj, e, strict=True)), Fraction(0))
        rounding = gamma(n + 1) * (abs_dot(xj, r_hat) + 2 * l2 * abs(Fraction(w[j])))
        taus.append(propagated + rounding + underflow_term(n + 1, n))
    return tuple(taus)


def at_values(rhs, values) -> sp.Expr:
    """rhs with named nodes (symbols, the sums, |y_i|, ...) replaced by exact values."""
    return number(
        sp.sympify(rhs)
        .xreplace({k: q(v) if isinstance(v, (int, Fraction)) else v for k, v in values.items()})
        .doit()
    )
