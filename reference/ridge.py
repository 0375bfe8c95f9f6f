"""Ridge regression in closed form, exactly.

Minimising ½‖y − Xw‖² + λ₂‖w‖₂² (λ₁ = 0) means Xᵀr = 2λ₂w (spec KKT-RIDGE), i.e.

    (XᵀX + 2λ₂I) w = Xᵀy.

For λ₂ > 0 the matrix is positive definite; for λ₂ = 0 it is nonsingular
exactly when X has full column rank, and otherwise the minimiser is not unique
and ``ridge`` refuses rather than pick one (``reference.solve`` picks a vertex).
"""

from ._exact import gram, solve_linear, xt_times
from ._validate import ProblemError, as_problem

__all__ = ["ridge"]


def ridge(X, y, l2):
    """The exact Ridge solution (XᵀX + 2·l2·I)⁻¹Xᵀy, as a tuple of Fractions.

    >>> [str(v) for v in ridge([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1)]
    ['16/15', '11/15']
    """
    X, y, _, l2 = as_problem(X, y, 0, l2)
    G = gram(X, 2 * l2)  # XᵀX + 2λ₂I
    w = solve_linear(G, xt_times(X, y))
    if w is None:
        raise ProblemError(
            f"l2 = {l2} and X has dependent columns: the least-squares minimiser is not unique"
        )
    return tuple(w)
