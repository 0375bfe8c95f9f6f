"""The conformance gate (tests/test_gate.py) in a subprocess, as the meta-tests run it.

tests/ is on the path (for ``meta.broken_solvers``); the caller's implementation variables
and $PYTEST_ADDOPTS are dropped; the report goes to ``report`` (default: a temporary file,
never the repository) unless the arguments name one; no Markdown summary reaches a CI's
$GITHUB_STEP_SUMMARY from these inner runs.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_gate(*args, env=None, report=None):
    """``pytest tests/test_gate.py --hypothesis-profile=ci -q ARGS``; the completed process."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "tests"))
    for key in ("LASSO_IMPL", "LASSO_IMPL_CMD", "LASSO_XFAILS", "LASSO_REPORT",
                "GITHUB_STEP_SUMMARY", "PYTEST_ADDOPTS"):
        environment.pop(key, None)
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests/test_gate.py"),
               "-p", "no:cacheprovider", "--hypothesis-profile=ci", "-q", *args]
    with tempfile.TemporaryDirectory(prefix="gate-run-") as scratch:
        if not any(str(a).startswith("--conformance-report") for a in args):
            environment["LASSO_REPORT"] = str(report or Path(scratch) / "report.json")
        environment.update(env or {})
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                              env=environment, check=False, timeout=600)
