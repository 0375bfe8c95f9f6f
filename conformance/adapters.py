"""Built-in implementations: the reference, its coordinate descent, and adapters for peers.

Each adapter maps the problem family (spec OPTIONS-OBJECTIVE)

    F(w, b) = ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ²   (w ≥ 0 if positive)

onto the library's own convention (spec CONVENTION-*), with standardisation off and
tolerances tight enough for the verdicts (F − F* ≤ 10⁻⁹·S).  The canonical problem is
s = 1, v = 1, no b, no constraint: F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂².  The gate passes an
option as a keyword (fit_intercept=True, sample_weight=s, positive=True, penalty_factor=v)
only when it is not the default and the adapter declares it in its capabilities; with
fit_intercept the adapter returns (w, b).  Every mapping is checked against the exact
answer by the conformance run itself (the option checks: generated/options/*, and the
metamorphic pairs), and by ``tests/test_conformance_meta.py`` when the peer is installed.

The peers' adapters, with their mappings: enet_adapters.py (scikit-learn, statsmodels and
glum: the α, l1_ratio convention of the loss over 2W), glmnet_adapter.py (glmnet: its L2
term divided by the sd of y) and cvxpy_adapter.py (the family itself, in a modelling
language).  This module holds the reference's two and ``BUILTINS``, every built-in
implementation by its name (``--impl NAME``).
"""

from __future__ import annotations

from .cvxpy_adapter import cvxpy
from .enet_adapters import glum, sklearn, statsmodels
from .glmnet_adapter import glmnet
from .implementations import Implementation, capabilities


def reference_exact():
    """The exact solver, rounded to the nearest doubles: the best float64 answer there is."""
    import lasso_spec.reference as reference

    def solve(X, y, l1, l2, **options):
        options = {k: v if isinstance(v, bool) else v.tolist() for k, v in options.items()}
        solution = reference.solve(X.tolist(), y.tolist(), l1, l2, **options)
        w = [float(v) for v in solution.w]
        return (w, float(solution.intercept)) if options.get("fit_intercept") else w

    caps = capabilities({"exact_zeros": True, "fit_intercept": True, "sample_weight": True,
                         "positive": True, "penalty_factor": True})
    return Implementation(solve, "reference", _project_version(), caps)


#: reference-cd stops when its certificate proves F(w) − F* ≤ tol·½‖y‖²: 10⁻¹³, four
#: decades inside the verdict's 10⁻⁹, because the certificate is itself evaluated in
#: float64.  max_sweeps only caps the work on very ill-conditioned designs.
CD_TOL = 1e-13
CD_MAX_SWEEPS = 200_000


def reference_cd():
    """The notes' coordinate descent (reference.coordinate_descent) in float64."""
    import lasso_spec.reference as reference

    def solve(X, y, l1, l2):
        run = reference.coordinate_descent(
            X.tolist(), y.tolist(), l1, l2, tol=CD_TOL, max_sweeps=CD_MAX_SWEEPS
        )
        return list(run.w)

    # Exact zeros: the run ends with a sweep that starts from a certified point and moves no
    # coefficient to or from zero, so a coefficient whose exact value is 0 with strict slack
    # comes back as 0.0 (before that rule, the suite found X = [[0, 3/2, 2]], y = [1],
    # l1 = 1/8 leaving ~1e-17 there).
    return Implementation(
        solve, "reference-cd", _project_version(), capabilities({"exact_zeros": True})
    )


def _project_version():
    from importlib import metadata

    try:
        return metadata.version("lasso-spec")
    except metadata.PackageNotFoundError:
        return "0.1.0 (source tree)"


BUILTINS = {
    "reference": reference_exact,
    "reference-cd": reference_cd,
    "sklearn": sklearn,
    "statsmodels": statsmodels,
    "glum": glum,
    "glmnet": glmnet,
    "cvxpy": cvxpy,
}
