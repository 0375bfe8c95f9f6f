"""Pictures of the spec, drawn from exact computations (``python -m lasso_spec.figures [OUTDIR]``).

Each figure has a data function, exact and free of matplotlib, and a drawing
step (``figures.draw``) that converts to floats only to draw:

``threshold.png``  ``threshold_curves``  the coordinate update b(ρ): Lasso's soft
                   threshold with its zero zone, Ridge's line, Elastic Net
``kkt_band.png``   ``kkt_band``          each c_j against the band [−λ₁, λ₁]
``paths.png``      ``lasso_path_data``, ``ridge_path_data``: exact paths
``geometry.png``   ``geometry_2d``       the diamond and the disc with loss contours

``write_kkt_band(problem, w, path)`` draws the band of any candidate w, for
the conformance report's failing problems.  matplotlib is needed only to draw.
"""

from fractions import Fraction
from pathlib import Path

from lasso_spec.reference import coordinate_descent, solve

from .band import Band, BandPoint, as_problem, kkt_band
from .examples import BAND_PROBLEM, NOTES_PROBLEM, PATH_PROBLEM
from .geometry import Geometry, geometry_2d
from .paths import (
    LassoPath,
    RidgePath,
    lasso_path_data,
    ridge_grid,
    ridge_path_data,
    ridge_zeros,
)
from .threshold import Curve, coordinate_update, threshold_curves, zero_set

__all__ = [
    "BAND_PROBLEM",
    "DEFAULT_DIR",
    "FIGURES",
    "NOTES_PROBLEM",
    "PATH_PROBLEM",
    "Band",
    "BandPoint",
    "Curve",
    "Geometry",
    "LassoPath",
    "RidgePath",
    "as_problem",
    "coordinate_update",
    "geometry_2d",
    "kkt_band",
    "lasso_path_data",
    "ridge_grid",
    "ridge_path_data",
    "ridge_zeros",
    "spec_band_panels",
    "threshold_curves",
    "write_all",
    "write_kkt_band",
    "zero_set",
]

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "spec" / "figures"
FIGURES = ("threshold", "kkt_band", "paths", "geometry")
PATH_ZOOM = Fraction(1, 2)  # the right-hand panels of paths.png show λ ≤ 1/2


def write_kkt_band(problem, w, path, *, tolerance=0, title="candidate w"):
    """Draw the KKT band of candidate ``w`` for ``problem`` into ``path``; return the Path.

    ``problem``: a ``reference.Problem``, its JSON dict, or (X, y, l1[, l2]).
    ``w``: the implementation's coefficients (floats or exact numbers).
    ``tolerance``: the allowed KKT residual per coordinate (or one number);
    0 is the exact verdict, ``certify_float(...).tolerance`` the float64 one.
    The format follows the suffix (.png, .svg, .pdf).
    """
    from .draw import draw_kkt_band

    path = Path(path)
    draw_kkt_band([(title, kkt_band(problem, w, tolerance))], path)
    return path


def spec_band_panels():
    """The spec's band figure: BAND_PROBLEM's exact solution vs coordinate descent
    stopped after two sweeps (exact arithmetic), as (title, Band) pairs."""
    p = BAND_PROBLEM
    exact = solve(p.X, p.y, p.l1, p.l2).w
    early = coordinate_descent(p.X, p.y, p.l1, p.l2, exact=True, max_sweeps=2).w
    return (
        ("The exact solution", kkt_band(p, exact)),
        ("Coordinate descent stopped after 2 sweeps", kkt_band(p, early)),
    )


def _ridge_paths():
    lam_max = solve(PATH_PROBLEM.X, PATH_PROBLEM.y, 0).lambda_max
    full = ridge_path_data(PATH_PROBLEM, ridge_grid(lam_max, 240))
    zoom = ridge_path_data(PATH_PROBLEM, ridge_grid(PATH_ZOOM, 200))
    return full, zoom


def write_all(outdir=DEFAULT_DIR, formats=("png",)):
    """Write every spec figure into ``outdir`` in each format; return the Paths written."""
    from . import draw

    outdir = Path(outdir)
    written = []
    for fmt in formats:

        def out(name, fmt=fmt):
            written.append(outdir / f"{name}.{fmt}")
            return written[-1]

        draw.draw_threshold(threshold_curves(), out("threshold"))
        draw.draw_kkt_band(spec_band_panels(), out("kkt_band"))
        full, zoom = _ridge_paths()
        lasso = lasso_path_data(PATH_PROBLEM)
        title = "Regularisation paths of " + draw.problem_text(PATH_PROBLEM.X, PATH_PROBLEM.y)
        draw.draw_paths(
            lasso,
            full,
            zoom,
            PATH_ZOOM,
            out("paths"),
            ridge_zeros=ridge_zeros(PATH_PROBLEM),
            title=title,
        )
        draw.draw_geometry(geometry_2d(), out("geometry"))
    return written
