"""The one tolerance of a verdict: the accuracy demanded, G = gap_rtol·S.

Every quantity of a verdict is computed in exact rational arithmetic, on the exact problem
of the float64 data the implementation received (received.py): evaluating a certificate
adds no rounding error, and the spec's floating-point evaluation bound
(FLOAT-KKT-TOLERANCE, τ_j) is zero here.  The one tolerance is the accuracy demanded of
the implementation:

    G = gap_rtol · S,   S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂)     (gap_rtol = 10⁻⁹ by default)

S is the scale of F: ½‖y‖² = F(0) ≥ F*, and the second term (at most ½‖y‖²
when λ₁ ≤ λ_max) keeps G positive when y = 0 (see ``objective_scale``).
S = 0 remains when y = 0 and λ₁ = 0 or X = 0 with λ₂ = 0 (the strategies draw no
such problem; a corpus case, a vector or a user's file can be one): G is then 0
and only the exact minimiser passes.  The verdict says so rather than naming
another cause: the objective check's detail states it, the gap relative to S is
+inf for a positive gap, and the triage of a failing answer begins with it
(``zero_scale_triage``; the triage the answer gets otherwise follows).

Every other tolerance of the checks is derived from G (certificate_checks.py).

Why gap_rtol = 10⁻⁹.  Loose enough: evaluating F at w in float64 already
carries a relative error of order (n + p)·u ≈ 10⁻¹⁵ for the suite's small
problems (u = 2⁻⁵³, and ‖w‖₁ ≤ F(0)/λ₁ keeps ‖X‖·‖w‖ of the order of ‖y‖),
so a solver that converges to its own float64 floor — rounding w* to the
nearest doubles changes F by ≈ u·λ₁‖w*‖₁ ≤ u·F(0) — is six orders of
magnitude inside the tolerance; a coordinate-descent solver needs a
stopping tolerance on its duality gap of at most gap_rtol/2 relative to
‖y‖² (scikit-learn's ``tol`` is exactly that quantity).  Strict enough: the
KKT tolerance δ_j is √(2·gap_rtol) ≈ 4.5·10⁻⁵ of ‖y‖·‖x̃_j‖, while the
deliberately broken solvers (tests/test_conformance_meta.py) miss the
objective by 10⁻⁴ to 10⁰ relative.  ``--gap-rtol`` changes it.
"""

from __future__ import annotations

import math
from fractions import Fraction

from lasso_spec.reference._exact import _integers

from .received import as_float

GAP_RTOL = 1e-9


def objective_scale(problem):
    """S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂): the scale of F (the second term 0 if X = 0, λ₂ = 0).

    ½‖y‖² = F(0) ≥ F*.  ½λ₁²/a is the objective scale of the penalty: a coordinate with
    a_j = ‖x_j‖² + 2λ₂ and correlation g gains ½(|g| − λ₁)²/a_j from its update
    (CD-UPDATE).  For λ₁ ≤ λ_max it is at most ½‖y‖² (|x_jᵀy| ≤ ‖x_j‖‖y‖); it keeps the
    tolerance positive when y = 0, where an answer of size u·λ₁/a is float64-accurate.
    """
    a = max(augmented_column_norms_sq(problem))
    penalty = problem.l1 ** 2 / a / 2 if a else Fraction(0)
    return sum(v * v for v in problem.y) / 2 + penalty


def augmented_column_norms_sq(problem):
    """a_j = ‖x̃_j‖² = ‖x_j‖² + 2λ₂ for every column, exactly: ‖x_j‖² = ‖K_j·x_j‖²/K_j² with
    K_j the least integer that clears the column's denominators (one Fraction per column).

    >>> from lasso_spec.reference import Problem
    >>> augmented_column_norms_sq(Problem(X=[[1, Fraction(1, 2)], [2, 0]], y=[0, 0], l1=0, l2=1))
    [Fraction(7, 1), Fraction(9, 4)]
    """
    norms = []
    for column in zip(*problem.X, strict=True):
        (scaled,), K = _integers([column])  # K·x_j as integers
        norms.append(Fraction(sum(v * v for v in scaled), K * K) + 2 * problem.l2)
    return norms


def gap_tolerance(problem, gap_rtol=GAP_RTOL):
    """G = gap_rtol · S (objective_scale), exactly."""
    return Fraction(gap_rtol) * objective_scale(problem)


def gap_relative(gap, scale):
    """(F(w) − F*)/S as a float: +inf for a positive gap when S = 0 (no accuracy relative to
    S exists there), 0 for gap 0."""
    if scale:
        return as_float(gap / scale)
    return math.inf if gap > 0 else 0.0


def zero_scale_note(why):
    """What S = 0 means for a verdict (``why``: the condition of the data that makes it 0)."""
    return (f"the scale S is 0 ({why}), so the demanded accuracy G = gap_rtol·S is 0 and "
            "only the exact minimiser passes")


def zero_scale_triage(why, gap, error, label):
    """The triage of a failing answer to a problem with S = 0: S = 0 first, then ``label``,
    the triage the answer gets otherwise.  ``gap`` = F(w) − F*, ``error`` = max |u_j − u*_j|
    (None when the minimiser is not unique)."""
    where = ("" if error is None else
             f", at most {error:.3g} from the exact minimiser in every coordinate")
    return (f"S = 0: {zero_scale_note(why)}; this answer is F(w) − F* = {as_float(gap):.3g} above "
            f"F*{where}, and a "
            "float64 answer off by rounding fails here: no accuracy relative to the problem's "
            "scale exists (a property of the problem, not by itself a finding on the solver); "
            f"the triage otherwise: {label}")


def zero_scale_why(problem):
    """Why S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂) is 0 (objective_scale)."""
    return "y = 0, and " + ("λ₁ = 0" if problem.l1 == 0 else "X = 0 with λ₂ = 0")
