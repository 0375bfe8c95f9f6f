"""Float64 probes of the tolerance bounds: the bounded quantities, and adversarial data.

The float64 computations follow the model of ``spec.floating`` exactly (sequential
operations) and also run in the other orders the bounds cover (right to left, pairwise,
numpy's BLAS, perhaps with FMA).  The instances are deterministic and adversarial: sums
stuck at a power of two, products that underflow at a tie, cancellation, long vectors;
each says in ``note`` what makes it so.  ``spec.float_formulas`` compares their exact
errors with the rendered bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
