"""`python -m reference`: the main job prints exact solutions with their certificates."""

import subprocess
import sys
from pathlib import Path

from lasso_spec.reference.__main__ import main

ROOT = Path(__file__).resolve().parents[1]


def test_main_job_certifies_both_problems(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "w*        = (5/3, 2/3)   (unique: True)" in out
    assert out.count("verdict   = OPTIMAL (exact KKT)") == 2
    assert "NOT OPTIMAL" not in out


def test_main_job_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "lasso_spec.reference"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "F(w*)     = 8/3" in done.stdout
