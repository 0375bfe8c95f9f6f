"""Data of the path figure: the exact Lasso path beside Ridge's smooth path.

The Lasso path w(λ₁) is piecewise linear; its knots are ``reference.solve``'s,
exactly, and between two knots a coefficient that is 0 at both ends is 0 on
the whole segment (it has left the model).  Ridge's path
w(λ₂) = (XᵀX + 2λ₂I)⁻¹Xᵀy is rational in λ₂: by Cramer's rule
w_j(λ₂) = N_j(λ₂)/det(XᵀX + 2λ₂I) with a polynomial N_j, so unless N_j ≡ 0 a
Ridge coefficient is zero only at the finitely many roots of N_j: it may cross
zero, it never stays there.
"""

from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from lasso_spec.reference import ridge, solve

from .band import as_problem

__all__ = [
    "LassoPath",
    "RidgePath",
    "lasso_path_data",
    "ridge_grid",
    "ridge_numerators",
    "ridge_path_data",
    "ridge_zeros",
]


@dataclass(frozen=True)
class LassoPath:
    """The exact Lasso (or Elastic Net, for λ₂ > 0) path: knots from λ_max down."""

    l2: Fraction
    knots: tuple  # reference Knot(lam, w), λ decreasing

    @property
    def p(self):
        return len(self.knots[0].w)

    def zero_intervals(self, j):
        """The maximal intervals [lo, hi] (lo < hi) where w_j(λ) = 0 exactly, from the knots."""
        intervals = []
        for hi, lo in pairwise(self.knots):
            if hi.w[j] == 0 and lo.w[j] == 0 and hi.lam != lo.lam:
                if intervals and intervals[-1][0] == hi.lam:
                    intervals[-1] = (lo.lam, intervals[-1][1])
                else:
                    intervals.append((lo.lam, hi.lam))
        return tuple(intervals)

    def reentering(self):
        """The j with w_j = 0 on an interval strictly inside the path: they leave, then return."""
        top, bottom = self.knots[0].lam, self.knots[-1].lam
        return tuple(
            j
            for j in range(self.p)
            if any(bottom < lo and hi < top for lo, hi in self.zero_intervals(j))
        )


def lasso_path_data(problem):
    """The exact path of ``problem`` (Problem or (X, y, l1[, l2])) from λ_max down to its l1."""
    problem = as_problem(problem)
    solution = solve(problem.X, problem.y, problem.l1, problem.l2)
    return LassoPath(problem.l2, solution.path)


@dataclass(frozen=True)
class RidgePath:
    """Ridge solutions w(λ₂) at the given grid of λ₂, exactly."""

    lambdas: tuple  # Fractions, increasing
    w: tuple  # one tuple of Fractions per λ₂


def ridge_grid(stop, count):
    """count + 1 equally spaced exact values 0, stop/count, ..., stop."""
    stop = Fraction(stop)
    return tuple(stop * k / count for k in range(count + 1))


def ridge_path_data(problem, lambdas):
    """The exact Ridge solutions of (X, y) at each λ₂ in ``lambdas`` (λ₁ of problem ignored)."""
    problem = as_problem(problem)
    lambdas = tuple(Fraction(v) for v in lambdas)
    return RidgePath(lambdas, tuple(ridge(problem.X, problem.y, lam) for lam in lambdas))


def ridge_numerators(problem):
    """The polynomials N_j(t) with w_j(λ₂ = t) = N_j(t)/det(XᵀX + 2tI), exact (sympy)."""
    import sympy

    problem = as_problem(problem)
    t = sympy.Symbol("t")
    X = sympy.Matrix([[sympy.Rational(v) for v in row] for row in problem.X])
    y = sympy.Matrix([sympy.Rational(v) for v in problem.y])
    G = X.T * X + 2 * t * sympy.eye(X.cols)
    return tuple(sympy.Poly(sympy.expand(n), t) for n in G.adjugate() * (X.T * y))


def ridge_zeros(problem):
    """Per coefficient, the λ₂ > 0 where the Ridge coefficient is 0 (exact sympy roots).

    None for a coefficient that is identically zero (N_j ≡ 0).
    """
    result = []
    for poly in ridge_numerators(problem):
        if poly.is_zero:
            result.append(None)
        else:
            result.append(tuple(r for r in poly.real_roots() if r > 0))
    return tuple(result)
