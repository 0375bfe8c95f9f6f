"""The adapter for cvxpy: the problem family itself, handed to a convex solver.

No convention to map: the objective is written term by term as the family of spec
OPTIONS-OBJECTIVE (adapters.py); the solvers of ``CVXPY_SOLVERS`` are tried in turn until
one reports "optimal", and the answer is the best point they returned.

cvxpy         the family itself (s and v as elementwise factors, b a free variable,
              w ≥ 0 a constraint), solved by OSQP with polishing, or by Clarabel when OSQP
              reports an inaccurate solution (or a solver raises); no exact zeros; under
              w ≥ 0 the answer is projected onto it (the solvers meet it to ~1e-16).
              options: all four
"""

from __future__ import annotations

import warnings

from .implementations import Implementation, capabilities, require

#: cvxpy solvers tried in turn until one reports "optimal": OSQP (ADMM) with solution
#: polishing (an exact solve on the identified active set) is the more accurate when the
#: polish succeeds; Clarabel (interior point) is the fallback.  Tolerances are 10⁻¹³.
CVXPY_SOLVERS = (
    ("OSQP", {"eps_abs": 1e-13, "eps_rel": 1e-13, "max_iter": 200_000, "polishing": True}),
    ("CLARABEL", {"tol_gap_abs": 1e-13, "tol_gap_rel": 1e-13, "tol_feas": 1e-13}),
)


def cvxpy():
    """cvxpy: the objective family, verbatim, solved by OSQP or else Clarabel."""
    cp = require("cvxpy", "cvxpy")
    import numpy as np

    def solve(X, y, l1, l2, fit_intercept=False, sample_weight=None, positive=False,
              penalty_factor=None):
        # ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ², w ≥ 0 if positive: each option is
        # its own term (s and v enter as constant elementwise factors, no square roots).
        w = cp.Variable(X.shape[1])
        b = cp.Variable() if fit_intercept else None
        residual = y - X @ w - b if fit_intercept else y - X @ w
        if sample_weight is None:
            loss = 0.5 * cp.sum_squares(residual)
        else:
            loss = 0.5 * cp.sum(cp.multiply(sample_weight, cp.square(residual)))
        if penalty_factor is None:
            penalty = l1 * cp.norm1(w) + l2 * cp.sum_squares(w)
        else:
            penalty = (l1 * cp.sum(cp.multiply(penalty_factor, cp.abs(w)))
                       + l2 * cp.sum(cp.multiply(penalty_factor, cp.square(w))))
        problem = cp.Problem(cp.Minimize(loss + penalty), [w >= 0] if positive else [])
        best = None
        for solver, options in CVXPY_SOLVERS:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    problem.solve(solver=solver, **options)
                except cp.error.SolverError:  # e.g. Clarabel's InsufficientProgress: no
                    continue  # point is returned; the other solver's answer is judged
            if w.value is not None and (best is None or problem.value < best[0]):
                best = (problem.value, w.value.copy(), float(b.value) if fit_intercept else None)
            if problem.status == "optimal":
                break
        if best is None:
            return None
        # The solvers meet w ≥ 0 only to their feasibility tolerance (−1e-16 and the like):
        # the answer is projected onto that convex set, which holds the minimiser, so the
        # projection moves it no farther from the minimiser.
        coef = np.maximum(best[1], 0.0) if positive else best[1]
        return (coef, best[2]) if fit_intercept else coef

    caps = capabilities({"fit_intercept": True, "sample_weight": True, "positive": True,
                         "penalty_factor": True})
    return Implementation(solve, "cvxpy", cp.__version__, caps)
