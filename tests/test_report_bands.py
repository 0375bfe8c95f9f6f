"""The KKT bands of a run's failing answers (report.write_kkt_bands): drawn for a canonical
problem, and for a problem with options said not to be drawn, never an internal error (an
answer (w, b) to an intercept problem crashed the summary of a statsmodels run, exit 3)."""

from fractions import Fraction

import pytest

from lasso_spec.conformance.report import write_kkt_bands
from lasso_spec.reference import Problem


def _entry(check, problem, u):
    failure = {"problem_judged": problem.to_json(), "w": [str(Fraction(v)) for v in u]}
    return {"check": check, "failure": failure}


def test_a_band_for_a_canonical_failure_and_none_for_a_problem_with_options(tmp_path):
    pytest.importorskip("matplotlib")
    canonical = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1, l2=0)
    intercept = Problem(X=[[1, 2, 3], [0, 1, 5]], y=[1, 2], l1=0, l2=2, fit_intercept=True,
                        sample_weight=[1, 2])
    results = [_entry("edge/a", canonical, [2, 0]),
               _entry("generated/options/intercept-weights/ridge", intercept, [0, 0, 0, 1])]
    written = write_kkt_bands(results, tmp_path / "report.json", 1e-9)
    assert [p.name for p in written] == ["report-edge-a-kkt.png"] and written[0].exists()
    assert results[0]["failure"]["kkt_band"] == str(written[0])
    assert results[1]["failure"]["kkt_band"].startswith(
        "not drawn: the KKT band is drawn for problems without options")
