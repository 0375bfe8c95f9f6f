"""Data of the coordinate-update figure: soft threshold vs Ridge shrinkage vs Elastic Net.

The update is the spec's derived expression (``spec.coordinate.cd_update``,
clause CD-UPDATE): the minimiser over b of ½ab² − ρb + λ₁|b| + λ₂b², found by
sympy case by case, which equals S(ρ, λ₁)/(a + 2λ₂).  It is evaluated here
exactly, at rational points.  Every curve is piecewise linear with breaks at
ρ = ±λ₁, so its exact values at the breaks and the two ends are the whole curve.
"""

from dataclasses import dataclass
from fractions import Fraction
from functools import cache

__all__ = ["Curve", "coordinate_update", "threshold_curves", "zero_set"]


@cache
def _derived_update():
    """The spec's CD-UPDATE expression and its symbols by name (sympy is imported here)."""
    from lasso_spec.spec.coordinate import cd_update

    update = cd_update()["update"]
    symbols = {s.name: s for s in update.free_symbols}
    return update, symbols


def coordinate_update(rho, a, l1, l2=0):
    """argmin_b ½ab² − ρb + λ₁|b| + λ₂b², exactly, from the spec's derived expression.

    >>> coordinate_update(Fraction(5, 2), 1, 1, Fraction(1, 2))
    Fraction(3, 4)
    >>> coordinate_update(Fraction(-1, 2), 1, 1)
    Fraction(0, 1)
    """
    import sympy

    update, s = _derived_update()
    values = {"g": rho, "a": a, "lambda_1": l1, "lambda_2": l2}
    exact = {s[name]: sympy.Rational(Fraction(v)) for name, v in values.items() if name in s}
    result = sympy.Rational(update.subs(exact))
    return Fraction(int(result.p), int(result.q))


@dataclass(frozen=True)
class Curve:
    """b(ρ) for one penalty, exactly at its breakpoints (linear in between)."""

    name: str
    l1: Fraction
    l2: Fraction
    a: Fraction
    rho: tuple  # increasing breakpoints, Fractions
    b: tuple  # b(ρ) at each breakpoint, Fractions

    @property
    def slope(self):
        """The slope of the rightmost piece (for ρ > λ₁): 1/(a + 2λ₂)."""
        return (self.b[-1] - self.b[-2]) / (self.rho[-1] - self.rho[-2])


def _curve(name, l1, l2, a, rho_max):
    l1, l2, a, rho_max = (Fraction(v) for v in (l1, l2, a, rho_max))
    breaks = sorted({-rho_max, -l1, Fraction(0), l1, rho_max})
    return Curve(
        name, l1, l2, a, tuple(breaks), tuple(coordinate_update(r, a, l1, l2) for r in breaks)
    )


def threshold_curves(l1=1, l2=Fraction(1, 2), a=1, rho_max=3):
    """The updates b(ρ) on [−rho_max, rho_max] for no penalty, Lasso, Ridge and Elastic Net.

    Lasso is (λ₁, 0), Ridge (0, λ₂), Elastic Net (λ₁, λ₂); a = x_jᵀx_j
    (a = 1: unit-norm columns, where the notes' b = S(ρ, λ₁) holds).
    """
    return (
        _curve("no penalty (least squares)", 0, 0, a, rho_max),
        _curve("Lasso", l1, 0, a, rho_max),
        _curve("Ridge", 0, l2, a, rho_max),
        _curve("Elastic Net", l1, l2, a, rho_max),
    )


def zero_set(curve):
    """The set {ρ : b(ρ) = 0} of a monotone piecewise-linear curve, as (lo, hi); None if empty.

    Computed from the breakpoints: b is nondecreasing, so its zeros are the
    consecutive zero breakpoints and the set is exactly [first, last]
    (a point when lo == hi).
    """
    zeros = [k for k, b in enumerate(curve.b) if b == 0]
    if not zeros:
        return None
    if zeros != list(range(zeros[0], zeros[-1] + 1)):
        raise ValueError(f"{curve.name}: the zeros are not one interval")
    return curve.rho[zeros[0]], curve.rho[zeros[-1]]
