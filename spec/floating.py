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
a rational number), so evaluating a tolerance adds no error.  Each rendered formula's check
computes the float quantity it bounds — by sequential float64 operations exactly as the
model says, and in other orders — on deterministic adversarial instances (sums stuck at a
power of two, products that underflow at a tie, cancellation, long vectors) and compares
the exact error with the bound evaluated from the rendered expression.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import numpy as np
import sympy as sp

from . import duality, probes
from .formula import Formula, eq, le, number, q

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


def _abs_dot(a, b) -> Fraction:
    return sum(
        (abs(Fraction(u)) * abs(Fraction(v)) for u, v in zip(a, b, strict=True)), Fraction(0)
    )


def dot_error_bound(a, b) -> Fraction:
    """gamma_m |a|^T |b| + m (1 + gamma_{m-1}) u_sub: bounds |fl(a^T b) - a^T b|
    (FLOAT-DOT-ERROR), underflow included."""
    m = len(a)
    if m == 0:
        return Fraction(0)
    return gamma(m) * _abs_dot(a, b) + underflow_term(m, m - 1)


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
        gamma(p + 1) * (abs(Fraction(yi)) + _abs_dot(row, w)) + underflow_term(p, p)
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
        rounding = gamma(n + 1) * (_abs_dot(xj, r_hat) + 2 * l2 * abs(Fraction(w[j])))
        taus.append(propagated + rounding + underflow_term(n + 1, n))
    return tuple(taus)


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


# --- float64 computations, exactly as the model says ------------------------------------


def fl_dot_orders(a, b) -> tuple[float, ...]:
    """fl(aᵀb) in four orders the bound covers: left to right (the sequential model: s = 0;
    s = fl(s + fl(a_i b_i))), right to left, pairwise, and numpy.dot (BLAS, maybe FMA)."""
    products = [float(u) * float(v) for u, v in zip(a, b, strict=True)]

    def pairwise(v):
        if len(v) <= 1:
            return v[0] if v else 0.0
        half = len(v) // 2
        return pairwise(v[:half]) + pairwise(v[half:])

    forward = 0.0
    for v in products:
        forward += v
    backward = 0.0
    for v in reversed(products):
        backward += v
    blas = float(np.dot(np.array(a, dtype=float), np.array(b, dtype=float))) if products else 0.0
    return forward, backward, pairwise(products), blas


def fl_residuals(X, y, w) -> tuple[tuple[float, ...], ...]:
    """r̂ = fl(y − Xw) in three orders: s = y_i, then s = fl(s − fl(X_ik w_k)) for k = 1..p
    (sequential); y_i − fl(X_i·w) left to right; numpy's y − X @ w."""
    sequential, dot_first = [], []
    for row, yi in zip(X, y, strict=True):
        s = float(yi)
        for x, v in zip(row, w, strict=True):
            s -= float(x) * float(v)
        sequential.append(s)
        t = 0.0
        for x, v in zip(row, w, strict=True):
            t += float(x) * float(v)
        dot_first.append(float(yi) - t)
    blas = np.array(y, dtype=float) - np.array(X, dtype=float) @ np.array(w, dtype=float)
    return tuple(sequential), tuple(dot_first), tuple(float(v) for v in blas)


def fl_correlations(X, r_hat, w, l2) -> tuple[tuple[float, ...], ...]:
    """ĉ = fl(Xᵀr̂ − 2λ₂w): s = Σ_i fl(X_ij r̂_i) left to right, then fl(s − fl(2λ₂·w_j));
    and numpy's X.T @ r̂ − 2 * l2 * w."""
    two_l2 = 2 * float(l2)
    sequential = []
    for j, wj in enumerate(w):
        s = 0.0
        for row, r in zip(X, r_hat, strict=True):
            s += float(row[j]) * r
        sequential.append(s - two_l2 * float(wj))
    Xa = np.array(X, dtype=float)
    blas = Xa.T @ np.array(r_hat, dtype=float) - two_l2 * np.array(w, dtype=float)
    return tuple(sequential), tuple(float(v) for v in blas)


# --- deterministic adversarial instances ----------------------------------------------

_u = 2.0**-53
_T = _u - 2 * _u * _u  # u(1 − 2u), just below half the spacing 2u of [1, 2): 1 + T rounds to 1
_TINY, _TIE = 2.0**-538, 3 * 2.0**-537  # their product 1.5·2⁻¹⁰⁷⁴ is a tie: rounds up by u_sub


def _lcg(seed, count):
    """Deterministic doubles of mixed signs and exponents (a linear congruential generator)."""
    out, state = [], seed
    for _ in range(count):
        state = (6364136223846793005 * state + 1442695040888963407) % 2**64
        mantissa = 1 + (state >> 12) / 2**52
        exponent = (state >> 4) % 61 - 30
        out.append((-1) ** (state & 1) * mantissa * 2.0**exponent)
    return out


@dataclass(frozen=True)
class DotCase:
    """A float64 inner product aᵀb; ``note`` says what makes it adversarial."""

    a: tuple
    b: tuple
    note: str = ""


def _stuck(m):
    """fl(a₁b₁) = fl((1 − u)(1 + 2u)) = 1 rounds down by u − 2u², and each later 1 + T rounds
    back to 1: the error m(u − 2u²) is within a factor 1 − 2mu of γ_m|a|ᵀ|b|."""
    return DotCase(
        (1 - _u, *[_T] * (m - 1)), (1 + 2 * _u, *[1.0] * (m - 1)), f"stuck at 1, m = {m}"
    )


DOT_CASES: tuple[DotCase, ...] = (
    *(_stuck(m) for m in (1, 2, 3, 10, 1000)),
    DotCase((_TINY,), (_TIE,), "one product rounds up by u_sub at a tie"),
    DotCase((_TINY,) * 5, (_TIE,) * 5, "five subnormal ties, exact subnormal additions"),
    DotCase((_TINY,) * 3, (2.0**-537,) * 3, "products 2⁻¹⁰⁷⁵ round to 0 (tie to even)"),
    DotCase((1.0, _TINY, _TINY), (2.0**-1022, _TIE, _TIE), "subnormal products on a normal sum"),
    DotCase((2.0**53, 1.0, -(2.0**53)), (1.0, 1.0, 1.0), "catastrophic cancellation"),
    DotCase((1e16, 3.0, -1e16, 1e-3), (1.0, 1.0 / 3, 1.0, 7.0), "cancellation, mixed scales"),
    DotCase(tuple(_lcg(1, 200)), tuple(_lcg(2, 200)), "200 mixed doubles"),
)


@dataclass(frozen=True)
class FloatProblem:
    """Float64 data X, y, a float64 candidate w and λ₂ (a double)."""

    X: tuple
    y: tuple
    w: tuple
    l2: float = 0.0
    note: str = ""


RESIDUAL_CASES: tuple[FloatProblem, ...] = (
    FloatProblem(((_T, _T, _T),), (-1.0,), (1.0, 1.0, 1.0), note="y dominates: −1 − T → −1"),
    FloatProblem(((1 - _u, _T, _T),), (0.0,), (1 + 2 * _u, 1.0, 1.0), note="Xw dominates"),
    FloatProblem(((_TINY, _TINY),), (0.0,), (_TIE, _TIE), note="both products underflow"),
    FloatProblem(
        tuple(tuple(_lcg(3 + i, 5)) for i in range(4)),
        tuple(_lcg(9, 4)),
        tuple(_lcg(10, 5)),
        note="mixed doubles",
    ),
)

KKT_CASES: tuple[FloatProblem, ...] = (
    # x r̂ = −T, fl(2λ₂ w) = fl((1 − u)(1 + 2u)) = 1: both round by ≈ u, error ≥ (1 − 7u)·τ
    FloatProblem(((_T,),), (-1.0,), (1 + 2 * _u,), (1 - _u) / 2, note="2λ₂w dominates"),
    FloatProblem(
        ((1.0, _T, _T, _T),), (-1.0,), (0.0, 1.0, 1.0, 1.0), note="the residual's error dominates"
    ),
    FloatProblem(
        ((1 - _u,), (_T,), (_T,)),
        (1 + 2 * _u, 1.0, 1.0),
        (0.0,),
        note="x_jᵀr̂ dominates (w = 0, r̂ = y exactly)",
    ),
    FloatProblem(((_TINY,), (_TINY,)), (_TIE, _TIE), (0.0,), note="x_jᵀr̂ underflows"),
    # x r̂ = 1.5·2⁻¹⁰⁷⁴ and 2λ₂w = −1.5·2⁻¹⁰⁷⁴: both round away at a tie, n + 1 = 2 underflows
    FloatProblem(
        ((_TINY,),), (_TIE,), (-(2.0**-60),), 3 * 2.0**-1016, note="n + 1 products underflow"
    ),
    FloatProblem(
        tuple(tuple(_lcg(20 + i, 3)) for i in range(5)),
        tuple(_lcg(30, 5)),
        tuple(_lcg(31, 3)),
        0.75,
        note="mixed doubles",
    ),
)


# --- the rendered formulas and their checks --------------------------------------------

_two = sp.UnevaluatedExpr(2)  # keeps 2^{-53}, 2^{-1075} readable (not a 324-digit fraction)
M = sp.Symbol("m", integer=True, positive=True)
U = sp.Symbol("u", positive=True)
USUB = sp.Symbol(r"u_{\mathrm{sub}}", positive=True)
GAMMA = {
    k: sp.Symbol(rf"\gamma_{{{k}}}", positive=True) for k in ("m", "m-1", "p+1", "p", "n+1", "n")
}
_I, _K, _JJ = sp.symbols("i k j", integer=True, positive=True)
_N, _P = sp.symbols("n p", integer=True, positive=True)
_A, _B = sp.IndexedBase("a"), sp.IndexedBase("b")
_XI, _YI, _WK = sp.IndexedBase("X"), sp.IndexedBase("y"), sp.IndexedBase("w")
_EI, _RH, _WH = sp.IndexedBase("e"), sp.IndexedBase(r"\hat r"), sp.IndexedBase(r"\hat w")
TAU, DELTA = sp.symbols(r"\tau_j \delta_j", nonnegative=True)
L1 = sp.Symbol("lambda_1", nonnegative=True)

SUM_AB = sp.Sum(sp.Abs(_A[_I]) * sp.Abs(_B[_I]), (_I, 1, M))
DOT_BOUND = GAMMA["m"] * SUM_AB + M * (1 + GAMMA["m-1"]) * USUB
ROW_SUM = sp.Sum(sp.Abs(_XI[_I, _K]) * sp.Abs(_WK[_K]), (_K, 1, _P))
RESIDUAL_BOUND = GAMMA["p+1"] * (sp.Abs(_YI[_I]) + ROW_SUM) + _P * (1 + GAMMA["p"]) * USUB
PROPAGATED = sp.Sum(sp.Abs(_XI[_I, _JJ]) * _EI[_I], (_I, 1, _N))
COL_SUM = sp.Sum(sp.Abs(_XI[_I, _JJ]) * sp.Abs(_RH[_I]), (_I, 1, _N))
TAU_BOUND = (
    PROPAGATED
    + GAMMA["n+1"] * (COL_SUM + 2 * duality.l2 * sp.Abs(_WH[_JJ]))
    + (_N + 1) * (1 + GAMMA["n"]) * USUB
)


def _at(rhs, values) -> sp.Expr:
    """rhs with named nodes (symbols, the sums, |y_i|, ...) replaced by exact values."""
    return number(
        sp.sympify(rhs)
        .xreplace({k: q(v) if isinstance(v, (int, Fraction)) else v for k, v in values.items()})
        .doit()
    )


def _spacing_check(rhs, x):
    """u (x a power of two): rhs is half the relative spacing of binary64 just above x."""
    spacing = Fraction(math.nextafter(x, math.inf)) - Fraction(x)
    return eq(number(sp.sympify(rhs).doit()), q(spacing / (2 * Fraction(x))))


def _subnormal_spacing_check(rhs, x):
    """u_sub (x subnormal or 0): rhs is half the absolute spacing of binary64 at x, the
    largest error of rounding to nearest there."""
    spacing = Fraction(math.nextafter(x, math.inf)) - Fraction(x)
    return eq(number(sp.sympify(rhs).doit()), q(spacing / 2))


def _gamma_check(rhs, m):
    """Higham's Lemma 3.1: |Π_{i≤m}(1 + δ_i)^{±1} − 1| ≤ γ_m for |δ_i| ≤ u; the extremes
    are at δ_i = ±u, the largest (1 − u)^{−m} − 1."""
    u = UNIT_ROUNDOFF
    extremes = ((1 + u) ** m - 1, 1 - (1 - u) ** m, (1 - u) ** -m - 1, 1 - (1 + u) ** -m)
    value = _at(rhs, {M: m, U: u})
    return all(le(q(v), value) for v in extremes)


def _dot_check(rhs, cs: DotCase):
    """Every order's exact error |fl(aᵀb) − aᵀb| ≤ rhs (γ and u_sub at their values)."""
    m = len(cs.a)
    bound = _at(
        rhs,
        {
            SUM_AB: _abs_dot(cs.a, cs.b),
            M: m,
            GAMMA["m"]: gamma(m),
            GAMMA["m-1"]: gamma(m - 1),
            USUB: UNDERFLOW_UNIT,
        },
    )
    exact = sum((Fraction(u) * Fraction(v) for u, v in zip(cs.a, cs.b, strict=True)), Fraction(0))
    return all(le(q(abs(Fraction(v) - exact)), bound) for v in fl_dot_orders(cs.a, cs.b))


def _exact_residual(X, y, w):
    return tuple(
        Fraction(yi)
        - sum((Fraction(x) * Fraction(v) for x, v in zip(row, w, strict=True)), Fraction(0))
        for row, yi in zip(X, y, strict=True)
    )


def _residual_check(rhs, cs: FloatProblem):
    """|r̂_i − r_i| ≤ rhs for every row and every order of fl_residuals."""
    p = len(cs.w)
    exact = _exact_residual(cs.X, cs.y, cs.w)
    for i, (row, yi) in enumerate(zip(cs.X, cs.y, strict=True)):
        bound = _at(
            rhs,
            {
                ROW_SUM: _abs_dot(row, cs.w),
                sp.Abs(_YI[_I]): abs(Fraction(yi)),
                _P: p,
                GAMMA["p+1"]: gamma(p + 1),
                GAMMA["p"]: gamma(p),
                USUB: UNDERFLOW_UNIT,
            },
        )
        for r_hat in fl_residuals(cs.X, cs.y, cs.w):
            if not le(q(abs(Fraction(r_hat[i]) - exact[i])), bound):
                return False
    return True


def _tau_check(rhs, cs: FloatProblem):
    """|ĉ_j − c_j(ŵ)| ≤ rhs for every j, every residual order and every correlation order
    (e from FLOAT-RESIDUAL-ERROR, r̂ the residual the correlations were computed from)."""
    n, l2 = len(cs.y), Fraction(cs.l2)
    e = residual_error_bounds(cs.X, cs.y, cs.w)
    r = _exact_residual(cs.X, cs.y, cs.w)
    for r_hat in fl_residuals(cs.X, cs.y, cs.w):
        for c_hat in fl_correlations(cs.X, r_hat, cs.w, cs.l2):
            for j, wj in enumerate(cs.w):
                xj = [Fraction(row[j]) for row in cs.X]
                c = sum((x * ri for x, ri in zip(xj, r, strict=True)), Fraction(0))
                c -= 2 * l2 * Fraction(wj)
                bound = _at(
                    rhs,
                    {
                        PROPAGATED: sum(
                            (abs(x) * ei for x, ei in zip(xj, e, strict=True)), Fraction(0)
                        ),
                        COL_SUM: _abs_dot(xj, r_hat),
                        sp.Abs(_WH[_JJ]): abs(Fraction(wj)),
                        duality.l2: l2,
                        _N: n,
                        GAMMA["n+1"]: gamma(n + 1),
                        GAMMA["n"]: gamma(n),
                        USUB: UNDERFLOW_UNIT,
                    },
                )
                if not le(q(abs(Fraction(c_hat[j]) - c)), bound):
                    return False
    return True


def _delta_check(rhs, cs):
    """(c_j(w) − c_j(w*))² ≤ rhs at G = F(w) − F* (GAP-DISTANCE-BOUND squared); equality
    when p = 1 and λ₁ = 0."""
    c = duality.correlations(cs)
    c_star = duality.correlations(cs, probes.minimiser(cs))
    for j in range(cs.p):
        col = [row[j] for row in cs.X]
        value = _at(
            rhs,
            {duality.G: probes.excess(cs), duality.A2: sum(v * v for v in col), duality.l2: cs.l2},
        )
        if not duality._bound(q((c[j] - c_star[j]) ** 2), value, cs.p == 1 and cs.l1 == 0):
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


def _accept_check(rhs, cs: AcceptCase):
    """rhs is the largest |ĉ_j − target| a correct solver can produce — the maximum over the
    vertices of c*_j ∈ [−λ₁, λ₁] (w*_j = 0) or c*_j = λ₁ sign w*_j, |c_j − c*_j| ≤ δ_j,
    |ĉ_j − c_j| ≤ τ_j — and kkt_float_check_passes accepts exactly up to it."""
    delta = _delta_of(cs)
    value = _at(rhs, {L1: cs.l1, TAU: cs.tau, DELTA: delta})
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


_ACCEPT_ZERO = (
    AcceptCase(Fraction(1), Fraction(1, 2), Fraction(1, 8), Fraction(1, 64), Fraction(1)),
    AcceptCase(Fraction(3), Fraction(0), Fraction(1, 16), Fraction(1, 32), Fraction(4)),
    AcceptCase(Fraction(1, 2), Fraction(2), Fraction(1, 3), Fraction(1, 8), Fraction(0)),
)
_ACCEPT_NONZERO = tuple(
    AcceptCase(c.l1, c.l2, c.tau, c.G, c.col_sq, s) for c in _ACCEPT_ZERO for s in (1, -1)
)

#: mutants of the float formulas that survive, and why (tests/test_spec_mutation.py lists
#: the same; the sharp texts below render them)
_WEAKER = "mutants that only enlarge the bound survive: a weaker bound is still true"


def _underflow_factor(g, count):
    return (
        f"so does 1 − {g} for 1 + {g} in the underflow term: it lowers the bound by "
        f"{count}·{g}·2⁻¹⁰⁷⁵, closer than any checked error comes (the factor only "
        "covers later roundings of the underflow errors), so no case refutes it, though "
        "it is not proven"
    )


@cache
def formulas():
    """The tolerance formulas, rendered from sympy expressions, each with its check."""
    gamma_m = M * U / (1 - M * U)
    return {
        "gamma": (
            Formula("u", _two**-53, check=_spacing_check, cases=(1.0, 0.5, 2.0**-1022, 2.0**1000)),
            Formula(
                r"u_{\mathrm{sub}}",
                _two**-1075,
                check=_subnormal_spacing_check,
                cases=(0.0, 2.0**-1074, 2.0**-1030, 2.0**-1022 - 2.0**-1074),
            ),
            Formula(
                r"\gamma_m",
                gamma_m,
                check=_gamma_check,
                cases=(1, 2, 3, 8, 64),
                sharp="nearly: γ_m exceeds (1 − u)^{−m} − 1, the largest |θ_m| of Higham's "
                "Lemma 3.1, by about m(m − 1)u²/2; mutants that only enlarge γ_m survive: a "
                "weaker bound is still true",
            ),
            Formula(
                r"|\mathrm{fl}(a^{T} b) - a^{T} b|",
                DOT_BOUND,
                r"\le",
                check=_dot_check,
                cases=DOT_CASES,
                sharp="nearly: a sum stuck at 1 has error m(u − 2u²), within a factor "
                "1 − (2m + 2)u of the bound, and m products rounding at a subnormal tie "
                f"have error m·2⁻¹⁰⁷⁵; {_WEAKER}; {_underflow_factor('γ_{m−1}', '2m')}",
            ),
        ),
        "residual": (
            Formula(
                r"|\hat r_i - r_i| \le e_i",
                RESIDUAL_BOUND,
                "=",
                check=_residual_check,
                cases=RESIDUAL_CASES,
                sharp="nearly: p products just below u added to −1, or to an Xw "
                "stuck at −1, give error p(u − 2u²) against about (p + 1)u, and "
                f"underflowing products at a tie come within 1 − 3u; {_WEAKER}; "
                f"{_underflow_factor('γ_p', '2p')}",
            ),
        ),
        "kkt": (
            Formula(
                r"|\hat c_j - c_j(\hat w)| \le \tau_j",
                TAU_BOUND,
                "=",
                check=_tau_check,
                cases=KKT_CASES,
                sharp="nearly, within a factor 1 − 7u: n = 1, x_jr̂ = −u(1 − 2u) and "
                "fl(2λ₂w_j) = fl((1 − u)(1 + 2u)) = 1 both round by about u; "
                f"{_WEAKER}; {_underflow_factor('γ_n', '2(n + 1)')}",
            ),
            Formula(
                r"\delta_j^{2}",
                2 * duality.G * (duality.A2 + 2 * duality.l2),
                check=_delta_check,
                cases=probes.CASES,
                sharp="equality in (c_j(ŵ) − c_j(w*))² ≤ δ_j² when p = 1, λ₁ = 0 and G = F(ŵ) − F*",
            ),
            Formula(
                r"w^{*}_j = 0:\ |\hat c_j|",
                L1 + TAU + DELTA,
                r"\le",
                check=_accept_check,
                cases=_ACCEPT_ZERO,
                sharp="equality at c*_j = ±λ₁, c_j(ŵ) = c*_j ± δ_j, ĉ_j = c_j(ŵ) ± τ_j",
            ),
            Formula(
                r"w^{*}_j \ne 0:\ |\hat c_j - \lambda_1 \operatorname{sign} w^{*}_j|",
                TAU + DELTA,
                r"\le",
                check=_accept_check,
                cases=_ACCEPT_NONZERO,
                sharp="equality at c_j(ŵ) = c*_j ± δ_j, ĉ_j = c_j(ŵ) ± τ_j",
            ),
        ),
    }


# --- FLOAT-CERTIFICATE: the quantities certify_float bounds, with exact checks -----------

_T, _D = sp.Symbol("t", real=True), sp.Symbol("d", real=True)
_L1 = sp.Symbol("lambda_1", nonnegative=True)
_L2 = sp.Symbol("lambda_2", nonnegative=True)
_RR, _WW = sp.symbols(r"\|r\|^{2} \|w\|^{2}", nonnegative=True)
_WI, _CI = sp.IndexedBase("w"), sp.IndexedBase("c")
_J, _P = sp.symbols("j p", integer=True, positive=True)
_CJ, _AJ, _WJ = sp.symbols("c_j a_j w_j", real=True)


def _fr(v):
    return Fraction(str(v))


def _gap_at_t_check(rhs, cs):
    """rhs at t = u against F(w) − D(t·r̃(w)) from the definitions (DUAL-GAP's D)."""
    from . import exact as E
    from .formula import evaluate

    r = E.residual(cs.X, cs.y, cs.w)
    c = E.correlations(cs.X, cs.y, cs.w, cs.l2)
    ww = E.dot(cs.w, cs.w)
    dual = (
        E.dot(cs.y, cs.y) / 2
        - (
            sum((yi - cs.u * ri) ** 2 for yi, ri in zip(cs.y, r, strict=True))
            + cs.u**2 * 2 * cs.l2 * ww
        )
        / 2
    )
    want = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2) - dual
    got = evaluate(
        rhs,
        {
            _T: cs.u,
            _RR: E.dot(r, r),
            _WW: ww,
            _L1: cs.l1,
            _L2: cs.l2,
            _P: cs.p,
            _WI: lambda i: cs.w[i - 1],
            _CI: lambda i: c[i - 1],
        },
    )
    return _fr(got) == want


def _move_check(rhs, cs):
    """rhs at d = u, j = 1 against F(w) − F(w + d·e_1), from the objective."""
    from . import exact as E
    from .formula import evaluate

    moved = (cs.w[0] + cs.u, *cs.w[1:])
    want = E.objective(cs.X, cs.y, cs.w, cs.l1, cs.l2) - E.objective(
        cs.X, cs.y, moved, cs.l1, cs.l2
    )
    c = E.correlations(cs.X, cs.y, cs.w, cs.l2)
    a = E.dot(E.column(cs.X, 0), E.column(cs.X, 0)) + 2 * cs.l2
    got = evaluate(rhs, {_D: cs.u, _CJ: c[0], _AJ: a, _WJ: cs.w[0], _L1: cs.l1})
    return _fr(got) == want


def certificate_formulas():
    """FLOAT-CERTIFICATE: the exact quantities whose float bounds certify_float computes."""
    from . import probes

    gap = (1 - _T) ** 2 * (_RR + 2 * _L2 * _WW) / 2 + sp.Sum(
        _L1 * sp.Abs(_WI[_J]) - _T * _WI[_J] * _CI[_J], (_J, 1, _P)
    )
    move = _CJ * _D - _AJ * _D**2 / 2 - _L1 * (sp.Abs(_WJ + _D) - sp.Abs(_WJ))
    return (
        Formula(r"G(t) = F(w) - D(t\,\tilde r(w))", gap, check=_gap_at_t_check, cases=probes.CASES),
        Formula(r"F(w) - F^{*} \ge \Delta_j(d)", move, "=", check=_move_check, cases=probes.CASES),
    )
