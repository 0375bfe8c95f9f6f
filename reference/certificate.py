"""The exact optimality certificate of any candidate w.

For F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂², with r = y − Xw:

* the correlations c_j = x_jᵀr − 2λ₂w_j, i.e. minus the gradient of the
  smooth part (spec KKT-ZERO, KKT-NONZERO);
* the KKT residual of each coordinate, the distance from 0 to the coordinate's
  subdifferential:  ρ_j = max(0, |c_j| − λ₁) where w_j = 0 and
  ρ_j = |c_j − λ₁·sign(w_j)| where w_j ≠ 0.  w is optimal iff every ρ_j = 0;
* the duality gap of spec DUAL-GAP (dual point θ̃ = s·r̃(w), s = min(1, λ₁/‖c‖∞)):

      gap = ½(1 − s)²(‖r‖² + 2λ₂‖w‖²) + Σ_j (λ₁|w_j| − s·w_j·c_j);

* ``bound``, a proven bound on F(w) − F* that stays tight for every λ, including
  λ₁ → 0, Ridge and plain least squares (see ``_bound``; spec CERTIFICATE-BOUND).

With exact input (ints, Fractions; floats converted exactly by ``Fraction``)
the verdict is exact: every ρ_j == 0, no tolerance.  ``certify_float``
(reference.float_certificate) does the same in float64 for large problems.

With the options (``fit_intercept``, ``sample_weight``, ``positive``, ``penalty_factor``;
spec OPTIONS-OBJECTIVE) the same fields follow the family's conditions (spec OPTIONS-KKT,
:mod:`_options_certificate`): cⱼ = Σᵢsᵢxᵢⱼrᵢ − 2λ₂vⱼwⱼ, the one-sided residuals under
w ≥ 0, the intercept row Σsᵢrᵢ = 0, the gap of spec OPTIONS-DUAL-GAP, and as ``bound``
the exact excess F(w, b) − F*.  Today's canonical computation is kept for the defaults.
"""

from dataclasses import dataclass
from fractions import Fraction

from ._bounds import (
    _correlations,
    _gap,
    _kkt_residual,
    _objective,
    _residual,
    _solve_any,  # noqa: F401 - re-exported for the tests
    _tight_bound,
    dual_bound,
    restricted_minimiser,
)
from ._options_certificate import (
    dual_gap,
    kkt_residual,
    primal,
    residual,
    residual_and_correlations,
)
from ._validate import ProblemError, as_problem, as_vector
from .options import as_intercept, as_options

__all__ = ["Certificate", "certify", "dual_bound", "objective", "restricted_minimiser"]


def objective(
    X,
    y,
    w,
    l1,
    l2=0,
    *,
    intercept=None,
    fit_intercept=False,
    sample_weight=None,
    positive=False,
    penalty_factor=None,
):
    """F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², or F(w, b) with the options, exactly.

    With the options (spec OPTIONS-OBJECTIVE), b = ``intercept`` (required with
    fit_intercept=True): F = ½Σsᵢ(yᵢ − b − xᵢᵀw)² + l1Σvⱼ|wⱼ| + l2Σvⱼwⱼ²; under
    ``positive`` a w with a negative entry is refused (F = +∞ there).

    >>> objective([[1, 1], [1, 0], [0, 1]], [3, 2, 1], [Fraction(5, 3), Fraction(2, 3)], 1)
    Fraction(8, 3)
    >>> objective([[1], [2]], [3, 4], [1], 0, intercept=1, fit_intercept=True, sample_weight=[1, 3])
    Fraction(2, 1)
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    w = as_vector(w, "w", length=len(X[0]))
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    b = as_intercept(intercept, options)
    if options.default:
        return _objective(_residual(X, y, w), w, l1, l2)
    negative = [j for j, wj in enumerate(w) if wj < 0]
    if options.positive and negative:
        raise ProblemError(
            f"w[{negative[0]}] = {w[negative[0]]} is negative, but positive=True requires w >= 0 "
            "(F is +infinity there)"
        )
    s, v = options.weights(len(X)), options.factors(len(w))
    return primal(residual(X, y, w, b), s, w, l1, l2, v)


@dataclass(frozen=True)
class Certificate:
    """The exact certificate of a candidate w (every number a Fraction).

    Under ``positive=True`` an infeasible candidate (some wⱼ < 0) has F = +∞: its
    ``gap``, ``bound`` and ``objective`` are None and ``feasible`` is False.
    """

    c: tuple  # c_j = x_jᵀr − 2·l2·w_j  (options: Σᵢ sᵢxᵢⱼrᵢ − 2·l2·vⱼ·wⱼ)
    residual: tuple  # KKT residual ρ_j of each coordinate
    gap: Fraction | None  # duality gap of DUAL-GAP (options: OPTIONS-DUAL-GAP), ≥ F(w) − F*
    bound: Fraction | None  # best proven bound on F(w) − F* (≤ gap; options: the exact excess;
    #                        None when certify(..., bound=False))
    objective: Fraction | None  # F(w)
    optimal: bool  # every ρ_j == 0 (and Σ sᵢrᵢ = 0 with an intercept; equivalently gap == 0)
    # With the options (spec OPTIONS-KKT, OPTIONS-DUAL-GAP; see ``certify``):
    intercept: Fraction | None = None  # the candidate's b, with fit_intercept=True
    intercept_residual: Fraction | None = None  # |Σ sᵢrᵢ|, the intercept row's residual
    feasible: bool = True  # w ≥ 0 holds (always True without positive=True)

    @property
    def violations(self):
        """The coordinates whose KKT condition fails."""
        return tuple(j for j, rho in enumerate(self.residual) if rho != 0)


def certify(
    X,
    y,
    w,
    l1,
    l2=0,
    *,
    intercept=None,
    fit_intercept=False,
    sample_weight=None,
    positive=False,
    penalty_factor=None,
    bound=True,
):
    """The exact optimality certificate of the candidate w (and b = ``intercept``).

    With the options: the exact conditions of spec OPTIONS-KKT (``residual``, and
    ``intercept_residual`` = |Σsᵢrᵢ| with an intercept), ``gap`` the duality gap of spec
    OPTIONS-DUAL-GAP, and ``bound`` the exact excess F(w, b) − F* (F* from the exact
    solver).  Under ``positive`` a w with a negative entry is infeasible: ``feasible``
    is False, ρⱼ = −wⱼ there, ``optimal`` is False, and F(w, b) = +∞, so ``objective``,
    ``gap`` and ``bound`` are None.  ``bound=False`` skips the bound (its restricted
    solves; with the options, its exact solve) for a caller that knows F* already, such
    as the conformance judge: ``bound`` is then None and every other field the same.

    >>> X, y = [[1, 1], [1, 0], [0, 1]], [3, 2, 1]
    >>> certify(X, y, [Fraction(5, 3), Fraction(2, 3)], 1).optimal
    True
    >>> cert = certify(X, y, [2, 0], 1)
    >>> cert.optimal, [str(v) for v in cert.residual], cert.violations
    (False, ['0', '1'], (1,))
    >>> w, l1 = [Fraction(3, 4), 0], Fraction(1, 2)
    >>> certify(X, y, w, l1, intercept=Fraction(3, 2), fit_intercept=True).optimal
    True
    >>> cert = certify(X, y, w, l1, intercept=1, fit_intercept=True)
    >>> cert.optimal, cert.intercept_residual
    (False, Fraction(3, 2))
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    w = as_vector(w, "w", length=len(X[0]))
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    b = as_intercept(intercept, options)
    if not options.default:
        return _certify_options(X, y, w, b, l1, l2, options, bound)
    r = _residual(X, y, w)
    c = _correlations(X, r, w, l2)
    residual = [_kkt_residual(wj, cj, l1) for wj, cj in zip(w, c, strict=True)]
    return Certificate(
        c=tuple(c),
        residual=tuple(residual),
        gap=_gap(r, w, c, l1, l2),
        bound=_tight_bound(X, y, r, w, c, l1, l2) if bound else None,
        objective=_objective(r, w, l1, l2),
        optimal=all(rho == 0 for rho in residual),
    )


def _certify_options(X, y, w, b, l1, l2, options, want_bound):
    """The certificate under the options (see ``certify``)."""
    s, v = options.weights(len(X)), options.factors(len(w))
    r, c, row = residual_and_correlations(X, y, s, w, b, l2, v)
    residual = [
        kkt_residual(wj, cj, l1 * vj, options.positive) for wj, cj, vj in zip(w, c, v, strict=True)
    ]
    feasible = not (options.positive and any(wj < 0 for wj in w))
    F = gap = bound = None
    if feasible:
        from .homotopy import solve  # the exact solver builds on this module

        F = primal(r, s, w, l1, l2, v)
        gap = dual_gap(X, y, s, w, b, l1, l2, v, options.positive)
        if want_bound:
            bound = F - solve(X, y, l1, l2, method="homotopy", **options.keywords()).objective
    return Certificate(
        c=tuple(c),
        residual=tuple(residual),
        gap=gap,
        bound=bound,
        objective=F,
        optimal=feasible
        and all(rho == 0 for rho in residual)
        and (row == 0 or not options.fit_intercept),
        intercept=b,
        intercept_residual=abs(row) if options.fit_intercept else None,
        feasible=feasible,
    )
