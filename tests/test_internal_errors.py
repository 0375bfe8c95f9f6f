"""An exception inside the judge is an internal error of the suite (exit status 3, result
ERROR, the problem and the traceback to report), never a verdict on the implementation."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lasso_spec.conformance import api, runner

ROOT = Path(__file__).resolve().parents[1]


def test_run_checks_reports_a_broken_judge_as_error_not_fail(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("the judge itself failed")

    monkeypatch.setattr(runner, "judge", broken)
    (result,) = api.run_checks(lambda X, y, l1, l2: [0.0] * X.shape[1], select="worked-example")
    assert result.result == "error" and not result.ok
    assert "internal error of the suite" in result.message
    assert "ZeroDivisionError: the judge itself failed" in result.message
    assert "Problem.from_json" in result.message  # the problem to report


@pytest.mark.parametrize("xfailed", [False, True])
def test_the_gate_exits_3_on_a_broken_judge(tmp_path, xfailed):
    """Exit 3 even when the check is listed as an expected failure: never masked."""
    report = tmp_path / "report.json"
    xfails = tmp_path / "xfails.txt"
    xfails.write_text("worked-example  known\n")
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_gate.py"),
               "-p", "no:cacheprovider", "-p", "meta.judge_breaker", "-q", "-k",
               "worked-example", "--hypothesis-profile=ci", "--scale", "off",
               "--conformance-report", str(report),
               *(["--xfails-file", str(xfails)] if xfailed else [])]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "tests"))
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env,
                          check=False, timeout=600)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "internal error of the suite" in done.stdout
    (entry,) = json.loads(report.read_text())["checks"]
    assert entry["result"] == "error" and "ZeroDivisionError" in entry["internal_error"]
    assert entry["failure"]["problem"]["X"] == [["1", "1"], ["1", "0"], ["0", "1"]]
    assert "Traceback" in entry["failure"]["message"]
