"""The rounding-error bounds of reference/_float_bounds.py are the documented formulas.

Written against the mutants of ``tox -e mutation`` that survived in _float_bounds.py
(TESTING.md): the soundness tests (tests/test_certificate_float.py) cannot see an error term
made larger (a weaker bound is still a bound) or smaller by a factor that no input's actual
rounding error comes close to.  Here each returned quantity is compared with its formula,
evaluated exactly in Fractions (γ_k = k·u/(1 − k·u), u = 2⁻⁵³), on data chosen so that the
term in question is a visible part of the whole: it must lie between the exact value and
the exact value enlarged by the outward roundings (a relative 2⁻⁴⁶ here, far below what a
changed constant moves).

* ``_sum_nonneg_up(v)`` = fl(Σv)·(1 + 2γ_m) and ``_sum_up(v)`` = fl(Σv) + 2γ_m·fl(Σ|v|),
  m = len(v), seen with m = 10⁶ (γ_m ≈ 1.1·10⁻¹⁰);
* FLOAT-KKT-TOLERANCE (``_kkt_errors``): ‖x_j‖² ≤ (fl‖x_j‖² + nη)(1 + 2γ_n) with n = 1000
  rows (and a zero column, where only nη is left); ē = γ_{p+1}(‖y‖ + ‖X‖_F‖w‖) and
  τ_j = ‖x_j‖ē + γ_{n+1}(‖x_j‖‖r̂‖ + 2λ₂|w_j|) with n = 3, p = 2 (the η terms are then
  below the rounding of the rest).
"""

import math
from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.reference import _float_bounds
from lasso_spec.spec.floating import UNIT_ROUNDOFF as U
from lasso_spec.spec.floating import gamma  # γ_k = ku/(1 − ku), exactly

SLACK = Fraction(1, 2**46)  # the outward roundings: a few ulps of each of a few operations


def between(value, exact):
    """exact ≤ value ≤ exact·(1 + SLACK) (value a float, taken exactly)."""
    value = Fraction(float(value))
    return exact <= value <= exact * (1 + SLACK)


def sqrt_exact(x):
    """√x for a Fraction, to a relative 2⁻¹⁰⁰ (far below SLACK), from above."""
    scale = 2**200
    return Fraction(math.isqrt(math.ceil(x * scale * scale)) + 1, scale)


def norm(v):
    return sqrt_exact(sum(Fraction(float(a)) ** 2 for a in v))


@pytest.mark.parametrize("m", [1, 3, 10**6])
def test_the_sum_bounds_are_the_documented_ones(m):
    v = np.ones(m)
    assert between(_float_bounds._sum_nonneg_up(v), m * (1 + 2 * gamma(m)))
    signed = np.where(np.arange(m) % 2 == 0, 1.0, -0.5)
    plain = Fraction(float(np.sum(signed)))
    absolute = Fraction(float(np.sum(np.abs(signed))))
    assert between(_float_bounds._sum_up(signed), plain + 2 * gamma(m) * absolute)


def test_the_column_norm_bound_carries_two_gamma_n_and_n_eta():
    """n = 1000: (1 + 2γ_n) is 2.2·10⁻¹³ above 1, far above the slack; a zero column keeps
    only the underflow term nη, which must not be dropped or subtracted."""
    n = 1000
    X = np.column_stack([np.ones(n), np.zeros(n), np.full(n, 3.0)])
    col_sq = (X * X).sum(axis=0)
    y, w = np.ones(n), np.zeros(3)
    col_sq_up, col_norm, _, _ = _float_bounds._kkt_errors(X.shape, y, w, y, col_sq, 0.0)
    eta = Fraction(2) ** -1074
    for j in range(3):
        exact = (Fraction(float(col_sq[j])) + n * eta) * (1 + 2 * gamma(n))
        assert between(col_sq_up[j], exact) if col_sq[j] else Fraction(col_sq_up[j]) >= exact
        assert Fraction(float(col_norm[j])) ** 2 >= exact


def test_the_residual_and_correlation_errors_are_the_formulas_of_float_kkt_tolerance():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 4.0]])
    y = np.array([2.0, -1.0, 3.0])
    w = np.array([0.25, -1.5])
    r = y - X @ w
    l2 = 0.75
    n, p = X.shape
    col_sq = (X * X).sum(axis=0)
    col_sq_up, _, e_bar, tau = _float_bounds._kkt_errors(X.shape, y, w, r, col_sq, l2)
    col_norm = [sqrt_exact(Fraction(float(v))) for v in col_sq_up]
    frob = sqrt_exact(sum(Fraction(float(v)) for v in col_sq_up))
    e_exact = gamma(p + 1) * (norm(y) + frob * norm(w))
    assert between(e_bar, e_exact)
    for j in range(p):
        smooth = col_norm[j] * norm(r) + 2 * Fraction(l2) * abs(Fraction(float(w[j])))
        assert between(tau[j], col_norm[j] * Fraction(e_bar) + gamma(n + 1) * smooth)


def test_the_gram_floor_is_alpha_minus_the_documented_error_terms():
    """μ₀ = α − (γ_n‖X‖_F² + pnη + u·max|B_ii| + γ_{2p+2}‖R‖_F² + 2p(p + 1)(p + max r_ii)η),
    α = 0.9·(LAPACK's λ_min(A)), R the Cholesky factor of B = A − αI (_gram_floor).

    The design makes the error a third of α, so that each γ term is seen: n = 10⁴ rows
    (γ_n ≈ 1.1·10⁻¹²) and two columns 3.7·10⁻⁶ apart (λ_min(XᵀX) ≈ 3·E).  α and R are
    computed here by the same numpy calls; only the error terms are checked, exactly.
    """
    rng = np.random.default_rng(0)
    n, p = 10_000, 2
    base = rng.standard_normal(n)
    X = np.column_stack([base, base + 3.7e-6 * rng.standard_normal(n)])
    col_sq_up = _float_bounds._up((X * X).sum(axis=0) * (1 + 2.0**-40))
    floor = _float_bounds._gram_floor(X, col_sq_up)
    A = X.T @ X
    alpha = 0.9 * float(np.linalg.eigvalsh(A)[0])
    B = A - alpha * np.eye(p)
    R = np.linalg.cholesky(B)
    eta = Fraction(2) ** -1074
    error = (
        gamma(n) * sum(Fraction(float(v)) for v in col_sq_up)
        + p * n * eta
        + U * max(abs(Fraction(float(B[i, i]))) for i in range(p))
        + gamma(2 * p + 2) * sum(Fraction(float(v)) ** 2 for v in R.ravel())
        + 2 * p * (p + 1) * (p + Fraction(float(np.max(np.abs(np.diag(R)))))) * eta
    )
    alpha = Fraction(alpha)
    assert alpha / 10 < error < alpha / 2  # the case sees the error terms
    ulp = Fraction(float(np.spacing(float(alpha))))
    assert alpha - error * (1 + SLACK) - 2 * ulp <= Fraction(floor) <= alpha - error


@pytest.mark.parametrize("k", [1, 3, 10**6, 10**12])
def test_gamma_is_rounded_up_from_k_u_over_one_minus_k_u(k):
    """γ_k = ku/(1 − ku), up to one rounding up; k = 10¹² makes ku = 1.1·10⁻⁴ visible."""
    assert between(_float_bounds._gamma_up(k), gamma(k))
