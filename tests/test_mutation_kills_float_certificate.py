"""certify_float's bounds are tight, not only sound: each equals its exact value to rounding.

Written against the mutants that survived ``tox -e mutation`` in reference/float_certificate.py
(TESTING.md).  The soundness tests of tests/test_certificate_float.py cannot see a bound that
is valid but needlessly loose, or a field that is wrong where it is not checked.  Here every
bound is computed exactly, with Fractions, from its definition in spec FLOAT-CERTIFICATE,
on data where float64 is exact or nearly so, and the float value must agree to 1e-9:

* G(t) = F(w) − D(t·r̃(w)) at the best feasible t, D the dual parabola of spec DUAL-BOUND,
  t = yᵀr/(‖r‖² + 2λ₂‖w‖²) clamped to |t| ≤ λ₁/‖c‖∞;
* ‖ρ‖²/(4λ₂) for λ₂ > 0, ρ the KKT residual (spec KKT-ZERO, KKT-NONZERO);
* ‖ρ‖²/(2(μ₀ + 2λ₂)) with μ₀ = 0.9·λ_min(XᵀX) (the verified Gram floor);
* lower = max_j Δ_j(d_j), d_j the exact coordinate-descent step.
"""

from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.reference import certify_float, solve

WORKED_X, WORKED_Y = [[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]], [3.0, 2.0, 1.0]


def _sign(v):
    return (v > 0) - (v < 0)


def _exact(X, y, w, l1, l2):
    """(r, c, a, F) of spec OBJECTIVE and KKT, in Fractions."""
    X = [[Fraction(v) for v in row] for row in X]
    y, w = [Fraction(v) for v in y], [Fraction(v) for v in w]
    l1, l2 = Fraction(l1), Fraction(l2)
    p = len(w)
    r = [yi - sum(a * b for a, b in zip(row, w)) for row, yi in zip(X, y)]
    c = [sum(row[j] * ri for row, ri in zip(X, r)) - 2 * l2 * w[j] for j in range(p)]
    a = [sum(row[j] ** 2 for row in X) + 2 * l2 for j in range(p)]
    F = sum(v * v for v in r) / 2 + l1 * sum(abs(v) for v in w) + l2 * sum(v * v for v in w)
    return y, w, l1, l2, r, c, a, F


def dual_gap(X, y, w, l1, l2):
    """F(w) − max{D(t·r̃(w)) : |t|·‖c‖∞ ≤ λ₁}, D(t·r̃) = t·yᵀr − ½t²(‖r‖² + 2λ₂‖w‖²)."""
    y, w, l1, l2, r, c, _, F = _exact(X, y, w, l1, l2)
    q = sum(v * v for v in r) + 2 * l2 * sum(v * v for v in w)
    yr = sum(a * b for a, b in zip(y, r))
    t = yr / q if q else Fraction(1)
    cmax = max(abs(v) for v in c)
    if cmax:
        t = max(-l1 / cmax, min(t, l1 / cmax))
    return F - (t * yr - t * t * q / 2)


def residual(X, y, w, l1, l2):
    """ρ_j = max(0, |c_j| − λ₁) where w_j = 0, |c_j − λ₁·sign(w_j)| elsewhere."""
    _, w, l1, _, _, c, _, _ = _exact(X, y, w, l1, l2)
    return [max(0, abs(cj) - l1) if wj == 0 else abs(cj - l1 * _sign(wj)) for cj, wj in zip(c, w)]


def best_move(X, y, w, l1, l2):
    """max(0, max_j Δ_j(d_j)), Δ_j(d) = c_j·d − ½a_j·d² − λ₁(|w_j + d| − |w_j|), d_j the CD step."""
    _, w, l1, _, _, c, a, _ = _exact(X, y, w, l1, l2)
    gains = [Fraction(0)]
    for cj, aj, wj in zip(c, a, w):
        if aj > 0:
            g = cj + aj * wj
            d = _sign(g) * max(abs(g) - l1, 0) / aj - wj
            gains.append(cj * d - aj * d * d / 2 - l1 * (abs(wj + d) - abs(wj)))
    return max(gains)


def _close(value, exact, rtol=1e-9):
    return abs(Fraction(value) - exact) <= rtol * abs(exact) + Fraction(1, 10**300)


CASES = [  # (X, y, w, l1, l2): the dual scaling t capped, uncapped, with λ₂, signs mixed
    (WORKED_X, WORKED_Y, [0.0, 0.0], 1.0, 0.0),
    (WORKED_X, WORKED_Y, [1.0, 1.0], 10.0, 0.0),
    (WORKED_X, WORKED_Y, [1.0, 1.0], 10.0, 0.5),
    (WORKED_X, WORKED_Y, [1.0, -0.5], 0.5, 0.25),
    (WORKED_X, [-3.0, 2.0, 0.5], [-2.0, 0.0], 0.75, 0.0),
    ([[0.5, 1.0], [0.5, 0.0]], [1.0, 2.0], [0.0, 0.0], 0.25, 0.0),  # ‖x₀‖² = 1/2
    ([[0.5, 1.0], [0.5, 0.0]], [4.0, -1.0], [1.5, 0.0], 0.25, 0.125),
]


@pytest.mark.spec("FLOAT-CERTIFICATE")
@pytest.mark.parametrize(("X", "y", "w", "l1", "l2"), CASES)
def test_gap_and_lower_bound_are_their_exact_values(X, y, w, l1, l2):
    """Far from the optimum G(t) is the least upper bound, and it is tight; so is the move."""
    cert = certify_float(X, y, w, l1, l2, gap_tol=1e-9, gram_bound=False)
    bounds = [dual_gap(X, y, w, l1, l2)]
    if l2 > 0:
        bounds.append(sum(v * v for v in residual(X, y, w, l1, l2)) / (4 * Fraction(l2)))
    assert _close(cert.gap, min(bounds)), (cert.gap, float(min(bounds)))
    assert _close(cert.lower, best_move(X, y, w, l1, l2)), (
        cert.lower,
        float(best_move(X, y, w, l1, l2)),
    )
    assert cert.optimal is False and cert.reason == f"F(w) - F* >= {cert.lower!r} > gap_tol"
    # ``residual`` is read against the support from the KKT slack: w_j counts as 0 where
    # λ₁ − |c_j| exceeds √(2·gap_tol·a_j) (these cases are far from that threshold)
    _, _, _, _, _, c, a, _ = _exact(X, y, w, l1, l2)
    held = [
        wj if abs(cj) + (2 * Fraction(1e-9) * aj) ** 0.5 >= l1 else 0 for wj, cj, aj in zip(w, c, a)
    ]
    exact_residual = residual(X, y, held, l1, l2)
    assert all(_close(v, e) for v, e in zip(cert.residual, exact_residual)), cert.residual


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_near_the_optimum_the_strong_convexity_bound_is_the_bound():
    """Worked example with λ₂ = 1: w* = (13/15, 8/15); at w = (7/8, 1/2), ρ = (0, 1/8), so
    F(w) − F* ≤ ‖ρ‖²/(4λ₂) = 1/256, below the dual gap."""
    w = [0.875, 0.5]
    assert residual(WORKED_X, WORKED_Y, w, 1, 1) == [0, Fraction(1, 8)]
    assert dual_gap(WORKED_X, WORKED_Y, w, 1, 1) > Fraction(1, 256)
    cert = certify_float(WORKED_X, WORKED_Y, w, 1.0, 1.0, gap_tol=1e-9, gram_bound=False)
    assert _close(cert.gap, Fraction(1, 256))
    assert certify_float(WORKED_X, WORKED_Y, w, 1.0, 1.0, gap_tol=1 / 256).optimal is True
    # λ₁ = 7/2, λ₂ = 1/2: w* = (1/2, 0); at w = (5/8, 0), c = (25/8, 27/8), ρ = (3/8, 0)
    # (the zero coordinate has slack 1/8), so the bound is (3/8)²/2 = 9/128
    w = [0.625, 0.0]
    assert residual(WORKED_X, WORKED_Y, w, Fraction(7, 2), Fraction(1, 2)) == [Fraction(3, 8), 0]
    assert dual_gap(WORKED_X, WORKED_Y, w, 3.5, 0.5) > Fraction(9, 128)
    cert = certify_float(WORKED_X, WORKED_Y, w, 3.5, 0.5, gap_tol=1e-9, gram_bound=False)
    assert _close(cert.gap, Fraction(9, 128))


@pytest.mark.spec("FLOAT-CERTIFICATE")
@pytest.mark.parametrize("l2", [0.0, 0.5])
def test_the_gram_floor_bound_is_rho_squared_over_twice_0_9_lambda_min_plus_2_l2(l2):
    """X with orthonormal columns: λ_min(XᵀX) = 1, so μ₀ = 0.9 and the bound is
    ‖ρ‖²/(2(0.9 + 2λ₂)); λ₁ = 1e-20 leaves no usable dual point."""
    X, y, w = [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1.0, 2.0, 3.0], [0.875, 2.25]
    rho_sq = sum(v * v for v in residual(X, y, w, 1e-20, l2))
    expected = rho_sq / (2 * (Fraction(9, 10) + 2 * Fraction(l2)))
    cert = certify_float(X, y, w, 1e-20, l2, gap_tol=1e-9, gram_bound=True)
    assert _close(cert.gap, expected, rtol=1e-12), (cert.gap, float(expected))


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_the_gram_floor_is_used_only_when_the_verdict_is_open():
    """Here the dual gap already proves F(w) − F* ≤ gap_tol: the gap reported is that bound."""
    X, y, w = [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1.0, 2.0, 3.0], [0.5, 1.5]
    exact = dual_gap(X, y, w, 0.5, 0.0)  # w is the optimum at λ₁ = 1/2: the gap is 0
    cert = certify_float(X, y, w, 0.5, gap_tol=1e-9)
    assert exact == 0 and cert.optimal is True and 0 <= cert.gap < 1e-12
    w = [0.5, 1.25]  # off by 1/4: the dual gap decides F(w) − F* ≤ 1, without the Gram floor
    cert = certify_float(X, y, w, 0.5, gap_tol=1.0)
    assert cert.optimal is True and _close(cert.gap, dual_gap(X, y, w, 0.5, 0.0))
    # w = 0: the move to w₁ = 3/2 gains 9/8 > gap_tol, so F(w) − F* > gap_tol is decided by
    # the lower bound, and the gap stays the dual gap 63/16 (the Gram floor would give 25/18)
    cert = certify_float(X, y, [0.0, 0.0], 0.5, gap_tol=1e-9)
    assert cert.optimal is False and _close(cert.lower, Fraction(9, 8))
    assert _close(cert.gap, dual_gap(X, y, [0, 0], 0.5, 0)) and dual_gap(X, y, [0, 0], 0.5, 0) == (
        Fraction(63, 16)
    )


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_a_tolerance_equal_to_the_bound_is_met():
    """optimal is True when the proven bound is at most gap_tol, equality included."""
    first = certify_float(WORKED_X, WORKED_Y, [1.0, 1.0], 10.0, gap_tol=1e-9, gram_bound=False)
    again = certify_float(WORKED_X, WORKED_Y, [1.0, 1.0], 10.0, gap_tol=first.gap, gram_bound=False)
    assert again.gap == first.gap and again.optimal is True
    assert again.reason == f"F(w) - F* <= {first.gap!r} <= gap_tol"


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_the_kkt_band_is_the_gap_distance_plus_the_rounding_bound():
    """tolerance_j = √(2·gap_tol·a_j) + τ_j, a_j = ‖x_j‖² + 2λ₂ (spec FLOAT-KKT-TOLERANCE)."""
    gap_tol, l2 = 1e-6, 0.25
    cert = certify_float(WORKED_X, WORKED_Y, [1.0, -0.5], 0.5, l2, gap_tol=gap_tol)
    a = np.array([2.0, 2.0]) + 2 * l2
    np.testing.assert_allclose(cert.tolerance, np.sqrt(2 * gap_tol * a) + cert.c_error, rtol=1e-14)
    assert np.all(cert.tolerance > cert.c_error)


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_undecided_and_overflow_reasons():
    X, y, l1 = WORKED_X, [3.0, 2.0, 2.0], 1e-20
    w = [float(v) for v in solve(X, y, l1).w]
    cert = certify_float(X, y, w, l1, gap_tol=1e-9, gram_bound=False)
    assert cert.optimal is None and cert.reason == (
        f"not decidable in float64 ({cert.lower!r} <= F(w) - F* <= {cert.gap!r}, gap_tol = "
        "1e-09); use the exact certify"
    )
    cert = certify_float([[1.0], [1.0]], [1e160, 1e160], [0.0], 1.0, gap_tol=1e-9)
    assert cert.reason == (
        "not decidable in float64 (an intermediate quantity overflowed); use the exact certify"
    )


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_on_overflow_the_lower_bound_claims_nothing():
    """w = 0 is optimal for y = 0, but ‖x‖² = 1e600 overflows: undecided, lower = 0 ≤ F − F*."""
    cert = certify_float([[1e300]], [0.0], [0.0], 0.0, gap_tol=1e-9)
    assert cert.optimal is None and cert.lower == 0.0


def test_messages_name_the_entry_that_is_not_a_float64():
    third = Fraction(1, 3)
    cases = [
        (([[1.0, third]], [1.0], [0.0, 0.0], 1.0), "X[0][1] = 1/3"),
        (([[1.0]], [third], [0.0], 1.0), "y[0] = 1/3"),
        (([[1.0]], [1.0], [third], 1.0), "w[0] = 1/3"),
        (([[1.0]], [1.0], [0.0], 1.0, third), "l2 = 1/3"),
    ]
    for args, start in cases:
        with pytest.raises(ValueError) as info:
            certify_float(*args, gap_tol=1e-9)
        assert str(info.value) == (
            f"{start} is not a float64 number; certify_float certifies float64 data "
            "(use the exact certify for other numbers)"
        )
    for bad, message in [(-1.0, "l2 must be >= 0, got -1.0"), ("1", "l2 must be a real number")]:
        with pytest.raises(ValueError, match=message):
            certify_float([[1.0]], [1.0], [0.0], 1.0, bad, gap_tol=1e-9)
    with pytest.raises(ValueError, match=r"^gap_tol must be a real number, got str: 'x'$"):
        certify_float([[1.0]], [1.0], [0.0], 1.0, gap_tol="x")
    with pytest.raises(ValueError, match=r"^X must be finite$"):
        certify_float(np.array([[1.0, np.inf]]), [1.0], [0.0, 0.0], 1.0, gap_tol=1e-9)


def test_the_certificate_vectors_are_float64():
    cert = certify_float([[1, 0], [0, 1]], [1, 2], [Fraction(1, 2), 0], 1, gap_tol=1e-9)
    assert cert.c.dtype == np.float64 and cert.residual.dtype == np.float64


@pytest.mark.spec("FLOAT-CERTIFICATE")
def test_an_overflowed_upper_bound_is_undecided_even_with_finite_inputs():
    """λ₁‖w‖₁ = 1e310 overflows inside the gap alone (r, c, τ are finite): the documented
    answer to an overflowed intermediate is None, not a verdict."""
    cert = certify_float([[1.0]], [1.0], [1e10], 1e300, gap_tol=1e-9)
    assert cert.optimal is None and cert.gap == np.inf
    assert cert.reason == (
        "not decidable in float64 (an intermediate quantity overflowed); use the exact certify"
    )


def test_a_tolerance_is_rounded_down_to_a_float64():
    """1/10 lies between two doubles; the one below is used (rounding down only demands more)."""
    cert = certify_float([[1.0]], [1.0], [0.0], 1.0, gap_tol=Fraction(1, 10))
    assert cert.gap_tol == np.nextafter(0.1, 0.0) and Fraction(cert.gap_tol) < Fraction(1, 10)
    assert certify_float([[1.0]], [1.0], [0.0], 1.0, gap_tol=Fraction(1, 4)).gap_tol == 0.25


def test_list_input_messages_name_x():
    with pytest.raises(ValueError, match=r"^X is ragged: row 0 has 2 entries, row 1 has 1$"):
        certify_float([[1.0, 1.0], [1.0]], [1.0, 1.0], [0.0, 0.0], 1.0, gap_tol=1e-9)
