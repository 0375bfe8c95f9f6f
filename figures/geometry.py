"""Data of the 2-D geometry figure: the diamond and the disc with the loss contours.

The penalised solution w(λ) also solves the constrained problem
min ½‖y − Xw‖² over the region {pen(w) ≤ pen(w(λ))} (Lagrange duality, F convex):
the diamond |w₁| + |w₂| ≤ t with t = ‖w_lasso‖₁, the disc w₁² + w₂² ≤ R² with
R² = ‖w_ridge‖².  The loss contour through the solution touches the region
there.  For the chosen example the Lasso contour touches the diamond at a
corner, on an axis (w₂ = 0 exactly), while the Ridge contour touches the disc
off the axes.
"""

from dataclasses import dataclass
from fractions import Fraction

from lasso_spec.reference import ridge, solve

from .band import as_problem
from .examples import NOTES_PROBLEM

__all__ = ["Geometry", "geometry_2d", "least_squares_loss"]


@dataclass(frozen=True)
class Geometry:
    """Everything the geometry figure draws, exactly (floats only when drawn)."""

    X: tuple
    y: tuple
    l1: Fraction  # Lasso penalty
    l2: Fraction  # Ridge penalty
    ols: tuple  # the unconstrained least-squares minimum
    lasso: tuple  # w_lasso, exact
    ridge: tuple  # w_ridge, exact
    diamond_t: Fraction  # ‖w_lasso‖₁: the diamond's half-diagonal
    disc_r2: Fraction  # ‖w_ridge‖²: the disc's squared radius
    lasso_level: Fraction  # ½‖y − Xw‖² at w_lasso: the contour that touches the diamond
    ridge_level: Fraction  # ½‖y − Xw‖² at w_ridge: the contour that touches the disc


def least_squares_loss(X, y, w):
    """½‖y − Xw‖² (exact for exact input; works on numpy arrays of w₁, w₂ for contouring)."""
    total = 0
    for row, yi in zip(X, y, strict=True):
        r = yi - sum(x * wj for x, wj in zip(row, w, strict=True))
        total = total + r * r
    return total / 2


def geometry_2d(problem=NOTES_PROBLEM, l1=Fraction(7, 2), l2=Fraction(2)):
    """The geometry of a two-feature problem at Lasso penalty l1 and Ridge penalty l2.

    Default: the notes' worked example X = [[1,1],[1,0],[0,1]], y = (3,2,1),
    whose Lasso solution at λ₁ = 7/2 is the corner (3/4, 0) and whose Ridge
    solution at λ₂ = 2 is (26/35, 19/35).
    """
    problem = as_problem(problem)
    X, y = problem.X, problem.y
    if len(X[0]) != 2:
        raise ValueError(f"the geometry figure needs two features, got {len(X[0])}")
    l1, l2 = Fraction(l1), Fraction(l2)
    w_lasso = solve(X, y, l1).w
    w_ridge = ridge(X, y, l2)
    return Geometry(
        X=X,
        y=y,
        l1=l1,
        l2=l2,
        ols=ridge(X, y, 0),
        lasso=w_lasso,
        ridge=w_ridge,
        diamond_t=sum(abs(v) for v in w_lasso),
        disc_r2=sum(v * v for v in w_ridge),
        lasso_level=least_squares_loss(X, y, w_lasso),
        ridge_level=least_squares_loss(X, y, w_ridge),
    )
