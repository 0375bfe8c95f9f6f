"""The spec figures: their data is exact and says what the captions say; drawing works.

Data tests need no matplotlib.  Drawing tests skip without it (``tox -e figures``
runs them).
"""

import importlib.util
import json
import os
import subprocess
import sys
from fractions import Fraction as F
from pathlib import Path

import pytest

import lasso_spec.figures as figures
from lasso_spec.figures import (
    BAND_PROBLEM,
    NOTES_PROBLEM,
    PATH_PROBLEM,
    coordinate_update,
    geometry_2d,
    kkt_band,
    lasso_path_data,
    ridge_grid,
    ridge_path_data,
    ridge_zeros,
    threshold_curves,
    zero_set,
)
from lasso_spec.figures.paths import ridge_numerators
from lasso_spec.reference import (
    Problem,
    certify,
    certify_float,
    coordinate_descent,
    ridge,
    soft_threshold,
    solve,
)

RHO_GRID = [F(k, 8) for k in range(-40, 41)]  # −5 … 5 in steps of 1/8, through ±λ₁ below


def _interpolate(curve, rho):
    """The drawn polyline of ``curve`` at rho."""
    for k in range(len(curve.rho) - 1):
        lo, hi = curve.rho[k], curve.rho[k + 1]
        if lo <= rho <= hi:
            t = (rho - lo) / (hi - lo)
            return curve.b[k] + t * (curve.b[k + 1] - curve.b[k])
    raise ValueError(rho)


# ---------------------------------------------------------------- threshold


@pytest.mark.parametrize(
    "a, l1, l2", [(1, 1, 0), (1, 1, F(1, 2)), (2, F(3, 2), F(1, 4)), (3, 0, 1)]
)
def test_update_is_the_closed_form(a, l1, l2):
    """The spec's derived update equals S(ρ, λ₁)/(a + 2λ₂) at every grid point."""
    for rho in RHO_GRID:
        assert coordinate_update(rho, a, l1, l2) == soft_threshold(rho, l1) / (a + 2 * l2)


@pytest.mark.parametrize("l1, l2, a", [(1, F(1, 2), 1), (F(3, 2), F(1, 4), 2)])
def test_drawn_curves_are_the_update(l1, l2, a):
    """Between the breakpoints the drawn polyline is the update itself (piecewise linear)."""
    for curve in threshold_curves(l1, l2, a, rho_max=5):
        for rho in RHO_GRID:
            assert _interpolate(curve, rho) == coordinate_update(rho, a, curve.l1, curve.l2)


@pytest.mark.parametrize("l1", [F(1), F(3, 2), F(5, 2)])
def test_zero_zone_has_width_two_lambda(l1):
    curves = {c.name: c for c in threshold_curves(l1, F(1, 2), 1, rho_max=5)}
    for name in ("Lasso", "Elastic Net"):
        lo, hi = zero_set(curves[name])
        assert (lo, hi) == (-l1, l1)
        assert hi - lo == 2 * l1
    # and on the grid: b = 0 exactly where |ρ| ≤ λ₁, nowhere else
    zeros = {rho for rho in RHO_GRID if coordinate_update(rho, 1, l1) == 0}
    assert zeros == {rho for rho in RHO_GRID if abs(rho) <= l1}


@pytest.mark.parametrize("a, l2", [(1, F(1, 2)), (1, F(3)), (2, F(1, 4)), (F(7, 3), F(5))])
def test_ridge_is_a_line_through_zero_with_slope_one_over_a_plus_two_l2(a, l2):
    ridge_curve = next(c for c in threshold_curves(1, l2, a) if c.name == "Ridge")
    assert ridge_curve.slope == 1 / (a + 2 * l2)
    assert all(b == rho / (a + 2 * l2) for rho, b in zip(ridge_curve.rho, ridge_curve.b))
    assert zero_set(ridge_curve) == (0, 0)  # no dead zone


def test_unit_norm_slope_is_one_over_one_plus_two_l2():
    curves = {c.name: c for c in threshold_curves(1, F(1, 2), 1)}
    assert curves["Ridge"].slope == F(1, 2) == curves["Elastic Net"].slope
    assert curves["Lasso"].slope == 1 == curves["no penalty (least squares)"].slope


# ---------------------------------------------------------------- KKT band


def _cd_two_sweeps():
    p = BAND_PROBLEM
    return coordinate_descent(p.X, p.y, p.l1, p.l2, exact=True, max_sweeps=2).w


def test_band_points_are_the_certificate():
    p = BAND_PROBLEM
    for w in (solve(p.X, p.y, p.l1).w, _cd_two_sweeps()):
        band, cert = kkt_band(p, w), certify(p.X, p.y, w, p.l1, p.l2)
        assert tuple(q.c for q in band.points) == cert.c
        assert tuple(q.residual for q in band.points) == cert.residual
        assert band.violations == cert.violations
        assert all(q.residual == abs(q.c - q.target) for q in band.points)


def test_optimal_solution_zeros_inside_nonzeros_on_the_edge():
    p = BAND_PROBLEM
    band = kkt_band(p, solve(p.X, p.y, p.l1).w)
    kinds = [q.kind for q in band.points]
    assert kinds.count("zero") == 4 and "violation" not in kinds
    for q in band.points:
        if q.w == 0:
            assert abs(q.c) <= p.l1
        else:
            assert q.c == (p.l1 if q.w > 0 else -p.l1)
            assert q.kind == ("positive" if q.w > 0 else "negative")


def test_spec_band_figure_shows_one_good_and_one_bad_candidate():
    (_, good), (_, bad) = figures.spec_band_panels()
    assert good.violations == ()
    assert bad.violations == (0, 1, 2, 5, 6)
    # the violations include both kinds of failure: off the edge and outside the band
    assert any(abs(q.c) > q.target for q in bad.points if q.violation)  # w₁: c₁ > λ₁
    assert any(abs(q.c) < abs(q.target) for q in bad.points if q.violation)


def test_band_of_a_float_solution_uses_the_given_tolerance():
    """A converged float solver: exact verdict vs the float64 certificate's tolerance."""
    X, y, l1, l2 = BAND_PROBLEM.X, BAND_PROBLEM.y, 8.0, 0.5
    Xf, yf = [[float(v) for v in row] for row in X], [float(v) for v in y]
    run = coordinate_descent(Xf, yf, l1, l2, tol=1e-14)
    assert run.converged
    fcert = certify_float(Xf, yf, run.w, l1, l2, gap_tol=1e-9 * sum(v * v for v in yf))
    assert fcert.optimal
    problem = (X, y, l1, l2)
    assert kkt_band(problem, run.w, fcert.tolerance).violations == ()
    exact = kkt_band(problem, run.w)  # every c_j is the exact c_j of the float w
    assert exact.violations == certify(X, y, run.w, l1, l2).violations
    # a wrong candidate stays wrong under that tolerance
    wrong = list(run.w)
    wrong[0] += 0.5
    assert 0 in kkt_band(problem, wrong, fcert.tolerance).violations


def test_band_accepts_problem_dict_and_tuple():
    p = NOTES_PROBLEM
    w = [2, 0]
    forms = (p, p.to_json(), (p.X, p.y, p.l1), (p.X, p.y, p.l1, p.l2))
    bands = [kkt_band(form, w) for form in forms]
    assert all(b == bands[0] for b in bands)
    assert [q.c for q in bands[0].points] == [1, 2]
    assert bands[0].violations == (1,)


def test_band_tolerance_length_is_checked():
    with pytest.raises(ValueError, match="length 2"):
        kkt_band(NOTES_PROBLEM, [2, 0], tolerance=[0, 0, 0])


# ---------------------------------------------------------------- paths

PATH_KNOTS = [F(6), F(7, 2), F(7, 17), F(1, 3), F(2, 17), F(0)]


def test_lasso_path_knots_are_the_exact_solvers():
    p = PATH_PROBLEM
    data = lasso_path_data(p)
    assert data.knots == solve(p.X, p.y, 0).path
    assert [k.lam for k in data.knots] == PATH_KNOTS
    for knot in data.knots:  # every drawn point is an exact optimum
        assert certify(p.X, p.y, knot.w, knot.lam).optimal


def test_variable_one_leaves_and_reenters():
    data = lasso_path_data(PATH_PROBLEM)
    assert data.zero_intervals(0) == ((F(2, 17), F(1, 3)),)  # it enters at λ_max = 6 at once
    assert data.zero_intervals(1) == ((F(7, 17), F(6)),)
    assert data.zero_intervals(2) == ((F(7, 2), F(6)),)
    assert data.reentering() == (0,)
    w1 = {k.lam: k.w[0] for k in data.knots}
    assert w1[F(7, 17)] < 0 and w1[F(0)] > 0  # it leaves negative and re-enters positive


def test_ridge_path_never_zero_on_the_grid():
    p = PATH_PROBLEM
    lam_max = solve(p.X, p.y, 0).lambda_max
    for grid in (ridge_grid(lam_max, 240), ridge_grid(F(1, 2), 200)):
        data = ridge_path_data(p, grid)
        assert data.lambdas == grid and len(grid) > 200
        assert all(v != 0 for w in data.w for v in w)
        assert data.w[0] == ridge(p.X, p.y, grid[0])


def test_ridge_coefficients_vanish_only_at_isolated_points():
    """N_j ≢ 0, and w₁ crosses 0 exactly once, where the grid sees its sign change."""
    p = PATH_PROBLEM
    numerators = ridge_numerators(p)
    assert not any(poly.is_zero for poly in numerators)
    zeros = ridge_zeros(p)
    assert [len(z) for z in zeros] == [1, 0, 0]
    root = float(zeros[0][0])
    assert 0.067 < root < 0.0672
    data = ridge_path_data(p, ridge_grid(F(1, 2), 200))
    changes = [
        (a, b)
        for a, b, wa, wb in zip(data.lambdas, data.lambdas[1:], data.w, data.w[1:])
        if (wa[0] > 0) != (wb[0] > 0)
    ]
    assert len(changes) == 1 and changes[0][0] < root < changes[0][1]


def test_ridge_numerators_give_the_ridge_solution():
    p = PATH_PROBLEM
    numerators = ridge_numerators(p)
    for lam in (F(0), F(1, 10), F(3)):
        w = ridge(p.X, p.y, lam)
        ratios = {F(str(poly.eval(lam))) / wj for poly, wj in zip(numerators, w)}
        assert len(ratios) == 1  # the common denominator det(XᵀX + 2λ₂I)


# ---------------------------------------------------------------- geometry


def test_geometry_lasso_at_a_corner_ridge_off_the_axes():
    g = geometry_2d()
    assert g.ols == (2, 1)
    assert g.lasso == (F(3, 4), 0)  # on the w₁ axis: the diamond's corner (t, 0)
    assert g.lasso == (g.diamond_t, 0)
    assert g.ridge == (F(26, 35), F(19, 35)) and all(v != 0 for v in g.ridge)
    assert g.disc_r2 == sum(v * v for v in g.ridge)


def test_geometry_contours_touch_the_regions():
    """The loss gradient at each solution lies in the region's normal cone there."""
    g = geometry_2d()
    X, y = g.X, g.y
    c_lasso = certify(X, y, g.lasso, 0).c  # Xᵀr = −∇loss
    assert c_lasso[0] > 0 and abs(c_lasso[1]) < c_lasso[0]  # strictly inside the corner's cone
    c_ridge = certify(X, y, g.ridge, 0).c
    assert c_ridge[0] * g.ridge[1] == c_ridge[1] * g.ridge[0]  # parallel to the disc's normal
    assert c_ridge[0] / g.ridge[0] == 2 * g.l2 > 0
    assert certify(X, y, g.lasso, g.l1).optimal and certify(X, y, g.ridge, 0, g.l2).optimal


def test_geometry_needs_two_features():
    with pytest.raises(ValueError, match="two features"):
        geometry_2d(PATH_PROBLEM)


# ---------------------------------------------------------------- no matplotlib needed


def test_data_functions_do_not_import_matplotlib():
    code = (
        "import sys\nimport lasso_spec.figures as figures\n"
        "figures.threshold_curves(); figures.spec_band_panels(); figures.geometry_2d()\n"
        "figures.lasso_path_data(figures.PATH_PROBLEM); figures.ridge_zeros(figures.PATH_PROBLEM)\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- drawing


def _png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_python_m_figures_writes_every_figure(tmp_path):
    pytest.importorskip("matplotlib")
    from lasso_spec.figures.__main__ import main

    assert main([str(tmp_path)]) == 0
    for name in figures.FIGURES:
        path = tmp_path / f"{name}.png"
        width, height = _png_size(path)
        assert path.stat().st_size > 20_000
        assert 800 <= width <= 1300 and 400 <= height <= 900


def test_write_kkt_band_for_a_failing_float_candidate(tmp_path):
    pytest.importorskip("matplotlib")
    problem = Problem(BAND_PROBLEM.X, BAND_PROBLEM.y, BAND_PROBLEM.l1, F(1, 2))
    w = [float(v) for v in _cd_two_sweeps()]
    out = figures.write_kkt_band(problem, w, tmp_path / "report" / "band.png")
    assert out == tmp_path / "report" / "band.png"
    width, height = _png_size(out)
    assert 500 <= width <= 800 and 400 <= height <= 700
    again = figures.write_kkt_band(problem.to_json(), w, tmp_path / "again.png")
    assert again.read_bytes() == out.read_bytes()  # deterministic output


def test_write_kkt_band_svg(tmp_path):
    pytest.importorskip("matplotlib")
    out = figures.write_kkt_band((NOTES_PROBLEM.X, NOTES_PROBLEM.y, 1), [2, 0], tmp_path / "b.svg")
    text = out.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text


def test_python_m_figures_without_matplotlib_says_so(monkeypatch, capsys, tmp_path):
    from lasso_spec.figures.__main__ import main

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    assert main([str(tmp_path)]) == 2
    assert "needs matplotlib" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_write_kkt_band_without_matplotlib_raises_a_clear_import_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match="needs matplotlib"):
        figures.write_kkt_band(NOTES_PROBLEM, [2, 0], tmp_path / "band.png")
    assert not (tmp_path / "band.png").exists()


def _conformance_run_with_report(tmp_path):
    """The conformance gate on a broken solver (2 sweeps), writing its JSON report."""
    root = Path(__file__).resolve().parents[1]
    report = tmp_path / "report.json"
    env = dict(os.environ, PYTHONPATH=str(root / "tests"))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(root / "tests/test_gate.py"), "-q",
         "-p", "no:cacheprovider", "--hypothesis-profile=ci", "-k", "worked-example",
         "--impl", "meta.broken_solvers:too_few_sweeps", "--conformance-report", str(report)],
        cwd=root, capture_output=True, text=True, env=env, check=False, timeout=600,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    (entry,) = json.loads(report.read_text())["checks"]
    return done, entry["failure"]


def test_conformance_report_draws_the_kkt_band_of_a_failing_answer(tmp_path):
    pytest.importorskip("matplotlib")
    done, failure = _conformance_run_with_report(tmp_path)
    band = Path(failure["kkt_band"])
    assert band.parent == tmp_path and band.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"KKT band of a failing answer drawn in {band}" in done.stdout
    # The drawn data are the certificate of the reported answer.
    problem = Problem.from_json(failure["problem_judged"])
    w = [F(v) for v in failure["w"]]
    data = kkt_band(problem, w)
    cert = certify(problem.X, problem.y, w, problem.l1, problem.l2)
    assert [point.c for point in data.points] == list(cert.c)
    assert data.violations  # the answer of a solver stopped after 2 sweeps violates KKT


def test_conformance_report_says_why_there_is_no_band_without_matplotlib(tmp_path):
    if importlib.util.find_spec("matplotlib") is not None:
        pytest.skip("matplotlib is installed: the band is drawn (previous test)")
    _, failure = _conformance_run_with_report(tmp_path)
    assert failure["kkt_band"].startswith("not drawn: matplotlib is not installed")
