"""The readable, exact reference for L1/L2-regularised least squares.

Everything minimises the canonical objective (spec OBJECTIVE)::

    F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂²     (no intercept, no 1/n)

or, with the keyword options ``fit_intercept``, ``sample_weight``, ``positive`` and
``penalty_factor`` of ``solve``, ``lambda_max``, ``certify``, ``coordinate_descent`` and
``objective`` (spec OPTIONS-OBJECTIVE; :mod:`.options`)::

    F(w, b) = ½Σᵢ sᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σⱼ vⱼ|wⱼ| + λ₂Σⱼ vⱼwⱼ²,   optionally w ≥ 0

``solve``               the exact minimiser and its regularisation path (homotopy)
``coordinate_descent``  the source notes' algorithm, line for line
``ridge``               the closed form (XᵀX + 2λ₂I)⁻¹Xᵀy
``certify``             the exact optimality certificate of any candidate w
``certify_float``       the same in float64, with derived tolerances
``lambda_max``, ``soft_threshold``, ``objective``, ``Problem``
``ProblemError``        the one exception for bad input (a ValueError)
"""

from ._validate import ProblemError
from .certificate import Certificate, certify, objective
from .descent import CDResult, coordinate_descent, soft_threshold
from .float_certificate import FloatCertificate, certify_float
from .homotopy import Knot, Solution, lambda_max, solve
from .problem import Problem, format_number, parse_number
from .ridge import ridge

__all__ = [
    "CDResult",
    "Certificate",
    "FloatCertificate",
    "Knot",
    "Problem",
    "ProblemError",
    "Solution",
    "certify",
    "certify_float",
    "coordinate_descent",
    "format_number",
    "lambda_max",
    "objective",
    "parse_number",
    "ridge",
    "soft_threshold",
    "solve",
]
