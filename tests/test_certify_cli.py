"""``python -m reference certify``: the exact certificate without pytest."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lasso_spec.reference.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
WORKED = {"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1}


def _certify(data):
    out, err = io.StringIO(), io.StringIO()
    text = data if isinstance(data, str) else json.dumps(data)
    status = main(["certify"], stdin=io.StringIO(text), out=out, err=err)
    return status, (json.loads(out.getvalue()) if out.getvalue() else None), err.getvalue()


@pytest.mark.spec("KKT-NONZERO", "DUAL-GAP")
def test_the_exact_optimum_passes_with_exact_strings():
    status, cert, _ = _certify({**WORKED, "w": ["5/3", "2/3"]})
    assert status == 0
    assert cert["optimal"] and cert["passed"] and cert["gap"] == "0"
    assert cert["c"] == ["1", "1"] and cert["objective"] == "8/3" and cert["violations"] == []


def test_a_wrong_candidate_fails_and_names_the_violated_coordinate():
    status, cert, _ = _certify({**WORKED, "l2": 0, "w": [2, 0]})
    assert status == 1
    assert not cert["optimal"] and cert["violations"] == [1] and cert["residual"] == ["0", "1"]


def test_a_float_candidate_is_judged_exactly_or_within_gap_tol():
    status, cert, _ = _certify({**WORKED, "w": [5 / 3, 2 / 3]})
    assert status == 1 and not cert["optimal"]  # the nearest doubles are not the optimum
    status, cert, _ = _certify({**WORKED, "w": [5 / 3, 2 / 3], "gap_tol": "1/1000000000"})
    assert status == 0 and cert["within_gap_tol"] and cert["gap_tol"] == "1/1000000000"
    status, cert, _ = _certify({**WORKED, "w": [2, 0], "gap_tol": 0.25})  # excess 1/3
    assert status == 1 and cert["within_gap_tol"] is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "must be a JSON object"),
        ("{not json", "certify: Expecting property name"),
        (json.dumps(WORKED), "under the key 'w'"),
        (json.dumps({**WORKED, "w": "5/3"}), "w must be a list"),
        (json.dumps({**WORKED, "w": [1, "x"]}), 'w[1] must be a number or a "p/q" string'),
        (json.dumps({**WORKED, "w": [1]}), "w must have length 2"),
        (json.dumps({**WORKED, "colour": 1, "w": [1, 1]}), "unknown ['colour']"),
    ],
)
def test_bad_input_exits_2_with_a_message(text, message):
    status, cert, err = _certify(text)
    assert status == 2 and cert is None and message in err


def test_an_unknown_subcommand_prints_the_usage():
    err = io.StringIO()
    assert main(["solve"], err=err) == 2 and "usage:" in err.getvalue()


def test_certify_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "lasso_spec.reference", "certify"], cwd=ROOT, capture_output=True,
        text=True, input=json.dumps({**WORKED, "w": ["5/3", "2/3"]}), check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["passed"] is True
