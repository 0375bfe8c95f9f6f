"""The exact Lasso / Elastic Net solver: the homotopy (LARS-lasso with drops).

Problem (spec OBJECTIVE; with the options, spec OPTIONS-OBJECTIVE and :mod:`options`)::

    minimise  F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂²

With G = XᵀX + 2λ₂I and c = Xᵀy, F(w) = ½yᵀy − cᵀw + ½wᵀGw + λ₁‖w‖₁: the data
enter only through G and c, which stay rational (no √(2λ₂) augmentation).  The
options change only G, c, the penalty factors vⱼ and the sign constraints: the
intercept is a column of ones with v = 0 (:func:`options.quadratic`), and the homotopy
minimises ½wᵀGw − cᵀw + λ Σⱼ vⱼ|wⱼ| (wⱼ ≥ 0 under ``positive``).  The correlations are
ĉ(w) = c − Gw, and w is optimal exactly when (spec KKT-ZERO, KKT-NONZERO, OPTIONS-KKT)::

    ĉⱼ = λvⱼ·sign(wⱼ)  where wⱼ ≠ 0,        |ĉⱼ| ≤ λvⱼ  where wⱼ = 0
    (under wⱼ ≥ 0:  ĉⱼ = λvⱼ where wⱼ > 0,  ĉⱼ ≤ λvⱼ where wⱼ = 0).

**Bases** (:mod:`_basis`).  A basis is an active set B with signs s_B such that G_BB is
nonsingular; on it w_B(λ) = G_BB⁻¹(c_B − λV_B s_B), optimal on an interval [lo, hi].

**The start.**  At λ_max the penalised coefficients are 0 and the unpenalised ones
(vⱼ = 0, the intercept included) are a weighted least-squares fit w_U: the basis of a
maximal independent set of them, with no signs.  Under ``positive`` an unpenalised
feature keeps wⱼ ≥ 0, and w_U is the non-negative least-squares fit: the end, at
λ = 0, of the path of the same problem on the unpenalised coordinates with the factor
1 on the constrained ones.  λ_max = max over penalised j of |ĉⱼ(w_U)|/vⱼ, or of
max(0, ĉⱼ(w_U))/vⱼ under ``positive`` (spec LAMBDA-MAX, OPTIONS-LAMBDA-MAX); for the
canonical problem w_U = 0 and λ_max = max_j |x_jᵀy|.

**The path** (:mod:`_path`).  Going down from λ_max, each knot is the bottom of the
current basis' interval; there the next basis is the old one minus the sign-constrained
coefficients that reached zero plus the variables whose correlation reached its bound
(Efron et al. 2004; Osborne, Presnell and Turlach 2000).  When that guess is not optimal
just below the knot (ties, collinear or duplicate columns), every basis drawn from the
equicorrelation set E (the coordinates whose condition is tight) is tried; one of them
must work, because the vertex solutions of the finitely many bases cover (0, λ_max].
That fallback is exponential in |E| but only runs at degenerate knots.

**Exact and fraction-free.**  G and c are scaled by an integer K and v by an integer M
(and λ to μ = Kλ/M, which leaves w unchanged) so that they are integers; the bases
keep integer determinants and adjugates.  No gcd is computed inside the loop.
"""

from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ._exact import xt_times
from ._path import IntegerProblem, start, trace
from ._unique import is_unique as _is_unique
from ._validate import ProblemError, as_matrix, as_problem, as_vector
from .certificate import objective
from .options import as_options, quadratic

__all__ = ["Knot", "Solution", "lambda_max", "solve"]


class Knot(NamedTuple):
    """A knot of the regularisation path: the exact solution w at penalty lam.

    With ``fit_intercept=True`` the knot's intercept is b = Σsᵢ(yᵢ − xᵢᵀw)/Σsᵢ (the
    intercept row Σsᵢrᵢ = 0 of spec OPTIONS-KKT holds all along the path).
    """

    lam: Fraction
    w: tuple


@dataclass(frozen=True)
class Solution:
    """The exact minimiser of F for the given λ₁, λ₂ and how it was reached.

    ``path`` lists the knots from λ_max down to λ₁ (just (λ_max, w_U) when λ₁ ≥ λ_max,
    w_U = 0 for the canonical problem); between consecutive knots the path is linear
    in λ.  Where the minimiser is not unique (``unique`` is False) the solver returns
    one vertex solution (its nonzero columns are linearly independent), and a knot may
    then appear twice with two different solutions.  ``intercept`` is b, an exact
    Fraction, when ``fit_intercept=True``, else None.  When no feature is penalised
    (every vⱼ = 0) there is no λ_max: ``lambda_max`` is None and ``path`` is
    ((λ₁, w),), w the (weighted, under ``positive`` non-negative) least-squares fit.
    """

    w: tuple
    l1: Fraction
    l2: Fraction
    lambda_max: Fraction | None
    path: tuple
    unique: bool
    objective: Fraction
    intercept: Fraction | None = None


def lambda_max(
    X, y, *, fit_intercept=False, sample_weight=None, positive=False, penalty_factor=None
):
    """λ_max: the smallest λ₁ at which every penalised wⱼ = 0 is optimal (any λ₂).

    Canonical problem: max_j |x_jᵀy| (spec LAMBDA-MAX); with the options, the maximum
    over penalised j of |ĉⱼ(w_U)|/vⱼ, under ``positive`` of max(0, ĉⱼ(w_U))/vⱼ, w_U
    the fit on the unpenalised columns (spec OPTIONS-LAMBDA-MAX).  A ProblemError when
    no feature is penalised.

    >>> lambda_max([[1, 1], [1, 0], [0, 1]], [3, 2, 1])
    Fraction(5, 1)
    >>> lambda_max([[1, 1], [1, 0], [0, 1]], [3, 2, 1], fit_intercept=True)
    Fraction(1, 1)
    """
    X = as_matrix(X, "X")
    y = as_vector(y, "y", length=len(X))
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    if options.default:
        return max(abs(cj) for cj in xt_times(X, y))
    problem = IntegerProblem(quadratic(X, y, 0, options))  # λ_max does not depend on λ₂
    mu = problem.lambda_max(start(problem))
    if mu is None:
        raise ProblemError(
            f"penalty_factor is 0 for every feature ({list(map(str, options.penalty_factor))}): "
            "nothing is penalised, so there is no lambda_max"
        )
    return problem.unscaled(mu)


#: ``method="auto"`` uses the homotopy up to this many entries of X (n·p), refinement above.
AUTO_REFINE_SIZE = 400


def solve(
    X,
    y,
    l1,
    l2=0,
    *,
    method="auto",
    path=False,
    fit_intercept=False,
    sample_weight=None,
    positive=False,
    penalty_factor=None,
):
    """The exact minimiser of F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², or of F(w, b) with options.

    ``method``: "homotopy" (this module; it always records the path), "refine"
    (:mod:`refine`, iterative refinement for realistic sizes; ``path == ()``), or
    "auto": the homotopy when ``path`` is requested or n·p ≤ AUTO_REFINE_SIZE,
    refinement otherwise, with or without the options.  Both return the same exact w
    and intercept (where unique), F*, ``unique`` and ``lambda_max``.

    >>> s = solve([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1)
    >>> s.w, s.unique, s.objective
    ((Fraction(5, 3), Fraction(2, 3)), True, Fraction(8, 3))
    >>> [(str(k.lam), [str(v) for v in k.w]) for k in s.path]
    [('5', ['0', '0']), ('3', ['1', '0']), ('1', ['5/3', '2/3'])]
    >>> s = solve([[1, 1], [1, 0], [0, 1]], [3, 2, 1], Fraction(1, 2), fit_intercept=True)
    >>> [str(v) for v in s.w], s.intercept
    (['3/4', '0'], Fraction(3, 2))
    """
    if method not in ("auto", "homotopy", "refine"):
        raise ProblemError(f'method must be "auto", "homotopy" or "refine", got {method!r}')
    if method == "refine" and path:
        raise ProblemError('path=True needs method="homotopy" or "auto"; refinement has no path')
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    large = len(X) * len(X[0]) > AUTO_REFINE_SIZE
    if method == "refine" or (method == "auto" and large and not path):
        from .refine import refine  # refine builds on this module

        return refine(X, y, l1, l2, **options.keywords())
    return _homotopy(X, y, l1, l2, options)


def _homotopy(X, y, l1, l2, options):
    """The path from λ_max down to λ₁ and the Solution at λ₁."""
    q = quadratic(X, y, l2, options)
    problem = IntegerProblem(q)
    segment = start(problem)
    mu_max = problem.lambda_max(segment)
    lam_max = None if mu_max is None else problem.unscaled(mu_max)
    knots = [Knot(l1 if lam_max is None else lam_max, segment.w(0))]
    if lam_max is not None and l1 < lam_max:
        below, _ = trace(problem, segment, mu_max, problem.scaled(l1))
        knots += [Knot(lam, w) for lam, w in below]
    full = knots[-1].w
    w, b = full[: q.p], (full[q.p] if q.intercept else None)
    return Solution(
        w=w,
        l1=l1,
        l2=l2,
        lambda_max=lam_max,
        path=tuple(Knot(k.lam, k.w[: q.p]) for k in knots),
        unique=_is_unique(q.G, q.c, full, l1, l2, q.v, q.nonneg),
        objective=objective(X, y, w, l1, l2, intercept=b, **options.keywords()),
        intercept=b,
    )
