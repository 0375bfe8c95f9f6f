"""``lasso-spec``: verify, certify and vectors, their exit codes, reports and determinism.

Every run happens in a temporary "user repository" with its own hostile pytest
configuration (a conftest.py that raises, addopts with an unknown option, $PYTEST_ADDOPTS):
the gate must run the same from any directory.  The solvers are the deliberately broken
ones of tests/meta/broken_solvers.py, copied into that repository as its own package.
"""

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from lasso_spec.conformance import certify_command, cli
from lasso_spec.conformance.api import parametrize_checks, run_checks
from lasso_spec.conformance.report import Collector, new_stats

ROOT = Path(__file__).resolve().parents[1]
WORKED = {"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1}

EXTRA = '''

def declares_nothing(X, y, l1, l2):
    return correct(X, y, l1, l2)


declares_nothing.capabilities = {"lasso": False, "elastic_net": False, "ridge": False,
                                 "least_squares": False}


def exits(X, y, l1, l2):
    import os

    os._exit(0)
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A user's repository: its own package, and a pytest setup that must not interfere."""
    root = tmp_path_factory.mktemp("user-repo")
    (root / "mysolver").mkdir()
    (root / "mysolver" / "__init__.py").write_text('__version__ = "0.3.1"\n')
    source = (ROOT / "tests/meta/broken_solvers.py").read_text()
    (root / "mysolver" / "solvers.py").write_text(source + EXTRA)
    (root / "conftest.py").write_text('raise RuntimeError("the user\'s conftest was loaded")\n')
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = "--no-such-option-of-the-user -p no:xdist"\n'
    )
    return root


def lasso_spec(project, *args, env=None):
    """Run ``lasso-spec ARGS`` in the project directory; the completed process."""
    environment = dict(os.environ, PYTEST_ADDOPTS="--bogus-addopts", **(env or {}))
    environment.pop("GITHUB_STEP_SUMMARY", None)
    for key in ("LASSO_IMPL", "LASSO_IMPL_CMD", "LASSO_REPORT", "HYPOTHESIS_PROFILE"):
        environment.pop(key, None)
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "lasso_spec.conformance.cli", *args],
                          cwd=project, capture_output=True, text=True, env=environment,
                          check=False, timeout=600)


# ----------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], ["verify"], ["certify"], ["vectors"]])
def test_every_subcommand_has_full_help_with_examples_and_exit_codes(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "exit status:" in text and "2  usage or input error" in text
    assert command == [] or ("examples:" in text and "lasso-spec " + command[0] in text)


def test_no_subcommand_is_a_usage_error(capsys):
    assert cli.main([]) == 2
    assert "verify" in capsys.readouterr().out


# ----------------------------------------------------------------------------- verify


def test_verify_passes_a_correct_solver_from_a_foreign_repository(project):
    done = lasso_spec(project, "verify", "--impl", "mysolver.solvers:correct",
                      "-k", "worked or y-zero or generated/ridge")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "conformance [3/3]" in done.stdout  # progress, one line per check
    report = project / "conformance-report-mysolver.solvers-correct.json"
    data = json.loads(report.read_text())
    assert data["totals"] == {"pass": 3}
    assert [c["check"] for c in data["checks"]] == ["worked-example", "edge/y-zero",
                                                    "generated/ridge"]
    assert "user's conftest" not in done.stdout + done.stderr


def test_verify_fails_a_broken_solver_with_the_triage_and_a_pasteable_problem(project, tmp_path):
    report, junit, markdown = tmp_path / "r.json", tmp_path / "j.xml", tmp_path / "s.md"
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    done = lasso_spec(project, "verify", "--impl", "mysolver.solvers:one_over_n",
                      "-k", "worked or generated/lasso/generic", "--report", str(report),
                      "--junit-xml", str(junit), "--markdown", str(markdown),
                      env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1, done.stdout + done.stderr
    assert "λ₁ and λ₂ multiplied by n" in done.stdout
    assert "Problem.from_json({'X': [['1', '1'], ['1', '0'], ['0', '1']]" in done.stdout
    data = json.loads(report.read_text())
    assert data["totals"] == {"fail": 2}
    assert "multiplied by n" in data["checks"][0]["failure"]["triage"]
    assert 'failures="2"' in junit.read_text()
    text = markdown.read_text()
    assert "FAIL" in text and "| `worked-example` | FAIL |" in text
    appended = summary.read_text()
    assert appended.startswith("earlier step\n") and "worked-example" in appended


def test_generated_failures_are_reported_without_full_shrinking(project, tmp_path):
    """The first failing generated problem is reported as found (judged twice: found, then
    replayed by hypothesis); --full-shrink judges many more while shrinking it."""
    failures = {}
    for flags in ([], ["--full-shrink"]):
        report = tmp_path / f"r{len(flags)}.json"
        done = lasso_spec(project, "verify", "--impl", "mysolver.solvers:one_over_n",
                          "-k", "generated/lasso/generic", "--report", str(report), *flags)
        assert done.returncode == 1
        (entry,) = json.loads(report.read_text())["checks"]
        assert "Problem.from_json(" in entry["failure"]["message"]
        failures[bool(flags)] = entry["failures"]
    assert failures[False] <= 2 < failures[True]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--impl", "mysolver.solvers:lasso_only", "-k", "ridge"],
         "0 conformance check(s) executed"),
        (["--impl", "mysolver.solvers:declares_nothing"], "0 conformance check(s) executed"),
        (["--impl", "mysolver.solvers:correct", "-k", "worked", "--min-checks", "2"],
         "fewer than the minimum 2"),
        (["--impl", "mysolver.solvers:correct", "-k", "no-such-check"], "nothing was checked"),
        (["--impl", "no_such_module_xyz:solve"], "cannot import module 'no_such_module_xyz'"),
        (["--impl-cmd", "no-such-command-xyz"], "cannot start the implementation command"),
        (["--xfails-file", "no-such-file.txt"], "no such file"),
    ],
)
def test_nothing_checked_and_usage_errors_exit_2(project, args, message):
    done = lasso_spec(project, "verify", *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_that_declares_no_kind_exits_2(project, tmp_path):
    port = tmp_path / "port.py"
    port.write_text(textwrap.dedent("""\
        import json, sys
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("capabilities"):
                kinds = ["lasso", "elastic_net", "ridge", "least_squares"]
                print(json.dumps({"name": "lazy", "version": "1",
                                  "capabilities": {k: False for k in kinds}}), flush=True)
            else:
                print(json.dumps({"error": "declined"}), flush=True)
        """))
    done = lasso_spec(project, "verify", "--impl-cmd", f"{sys.executable} {port}")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "0 conformance check(s) executed" in done.stdout + done.stderr


def test_a_run_that_ends_without_a_summary_is_an_internal_error_not_a_pass(project):
    done = lasso_spec(project, "verify", "--impl", "mysolver.solvers:exits", "-k", "worked",
                      "--", "--no-isolation")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "without the gate's summary" in done.stderr


@pytest.mark.parametrize(("pytest_status", "record", "expected"), [
    (0, {"nothing_checked": None}, 0), (1, {"nothing_checked": None}, 1),
    (2, {"nothing_checked": "why"}, 2), (4, None, 2), (5, None, 2), (2, None, 3),
    (3, None, 3), (-9, None, 3), (0, None, 3), (1, None, 3),
])
def test_exit_status_mapping(pytest_status, record, expected):
    assert cli.exit_status(pytest_status, record) == expected


def test_reports_are_the_same_serial_and_with_xdist(project, tmp_path):
    """Serial, -n 2 and -n auto: the same JSON report, timings aside (issue 12, item 6)."""
    pytest.importorskip("xdist")
    selection = ["--impl", "mysolver.solvers:l2_not_doubled", "-k",
                 "edge/ or lasso/generic or generated/ridge", "-q"]
    reports = []
    for workers in (None, "2", "auto"):
        path = tmp_path / f"report-{workers}.json"
        extra = ["-n", workers] if workers else []
        done = lasso_spec(project, "verify", *selection, *extra, "--report", str(path))
        assert done.returncode == 1, done.stdout + done.stderr
        data = json.loads(path.read_text())
        for entry in data["checks"]:
            entry.pop("seconds")
            # a failure's KKT band figure (drawn when matplotlib is installed) is named
            # after the report file, which differs between the three runs by design
            (entry.get("failure") or {}).pop("kkt_band", None)
        reports.append(data)
    assert reports[0] == reports[1] == reports[2]
    results = {c["result"] for c in reports[0]["checks"]}
    assert results == {"pass", "fail"} and len(reports[0]["checks"]) == 22


def test_the_summary_table_wraps_long_notes_without_cutting_them():
    collector = Collector()
    stats = new_stats("generated/lasso/generic")
    triage = ("convention mismatch: the answer is (within tolerance) the optimum with λ₁ and λ₂ "
              "multiplied by n: the loss carries a 1/n (½‖y − Xw‖²/n), e.g. λ passed where "
              "α = λ/n was expected; or λ₁ doubled (thresholding at 2λ₁)")
    stats.update(problems=1, failures=1, failure={"triage": triage})
    collector.results["x"] = {**stats, "result": "fail"}
    lines = collector.table("header", width=140)
    assert all(len(line) <= 140 for line in lines) and len(lines) > 4
    assert "…" not in "".join(lines)
    assert " ".join(" ".join(lines[2:-1]).split()).endswith(" ".join(triage.split()))


# ----------------------------------------------------------------------------- certify


def _certify(*args, text=None):
    out, err = io.StringIO(), io.StringIO()
    parsed = cli._parser().parse_args(["certify", *args])
    status = certify_command.run_certify(parsed, stdin=io.StringIO(text or ""), out=out, err=err)
    return status, (json.loads(out.getvalue()) if out.getvalue() else None), err.getvalue()


def test_certify_accepts_a_correct_float_answer_by_default_and_exact_on_request(tmp_path):
    path = tmp_path / "answer.json"
    path.write_text(json.dumps({**WORKED, "w": [5 / 3, 2 / 3]}))
    status, result, err = _certify(str(path))
    assert status == 0 and result["passed"] and result["mode"] == "derived tolerance"
    assert result["S"] == "29/4" and "PASS" in err  # S = ½‖y‖² + ½λ₁²/max a_j = 7 + 1/4
    status, result, _ = _certify(str(path), "--exact")
    assert status == 1 and result["optimal"] is False
    status, result, _ = _certify("-", "--exact", text=json.dumps({**WORKED, "w": ["5/3", "2/3"]}))
    assert status == 0 and result["optimal"]


def test_certify_rejects_a_wrong_answer_and_reads_npz(tmp_path):
    path = tmp_path / "problem.npz"
    np.savez(path, X=np.array(WORKED["X"], float), y=np.array(WORKED["y"], float), l1=1.0,
             l2=0.0, w=np.array([1.0, 0.0]))  # the 1/n slip's answer
    status, result, _ = _certify(str(path))
    assert status == 1 and not result["passed"]
    np.savez(path, X=np.array(WORKED["X"], float), y=np.array(WORKED["y"], float), l1=1.0,
             l2=0.0, w=np.array([5 / 3, 2 / 3]))
    assert _certify(str(path))[0] == 0


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not JSON"), ("[1]", "must be a JSON object"),
    (json.dumps(WORKED), "under the key 'w'"),
])
def test_certify_bad_input_exits_2(text, message):
    status, result, err = _certify("-", text=text)
    assert status == 2 and result is None and message in err


def test_certify_missing_file_exits_2(tmp_path):
    status, _, err = _certify(str(tmp_path / "absent.json"))
    assert status == 2 and "cannot read" in err


# ----------------------------------------------------------------------------- vectors

PORT = '''
import json, sys
from fractions import Fraction
sys.path.insert(0, {tests!r})
from meta.broken_solvers import correct
from lasso_spec.reference import Problem

SCALE, DECLARED, DECLINE = {scale!r}, {declared!r}, {decline!r}
for line in sys.stdin:
    request = json.loads(line)
    if isinstance(request, dict) and request.get("capabilities"):
        kinds = ["lasso", "elastic_net", "ridge", "least_squares"]
        reply = {{"name": "fake", "version": "1", "relative_gap": DECLARED,
                  "capabilities": {{k: not DECLINE for k in kinds}}}}
    else:
        try:
            if not isinstance(request, dict) or any(isinstance(v, list) for v in request["y"]):
                raise ValueError("a problem is an object; y is a list of numbers")
            problem = Problem.from_json(request)  # the reference's own input validation
            X = [[float(v) for v in row] for row in problem.X]
            reply = {{"w": [SCALE * v for v in correct(X, [float(v) for v in problem.y],
                                                        float(problem.l1), float(problem.l2))]}}
        except Exception as error:
            reply = {{"error": str(error)}}
    print(json.dumps(reply), flush=True)
'''


def _port(tmp_path, scale=1.0, declared=0, decline=False):
    path = tmp_path / f"port-{scale}-{declared}-{decline}.py"
    path.write_text(PORT.format(tests=str(ROOT / "tests"), scale=scale, declared=declared,
                                decline=decline))
    return f"{sys.executable} {path}"


def test_vectors_a_port_cannot_buy_a_pass_by_declaring_a_coarse_accuracy(project, tmp_path):
    """A port declaring relative_gap 1e6 that is 10 % off: LIMITED or FAIL, exit 1."""
    done = lasso_spec(project, "vectors", _port(tmp_path, scale=1.1, declared=1e6),
                      "--only", "lasso_test.json")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "declared limitation" in done.stdout and "LIMITED (declared accuracy)" in done.stdout
    assert "--accept-limitations" in done.stderr


def test_vectors_a_correct_float_port_declaring_zero_passes(project, tmp_path):
    done = lasso_spec(project, "vectors", _port(tmp_path, declared=0))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert "0 failed" in done.stdout and "accuracy demanded: F(w) - F* <= 1e-09" in done.stdout


def test_vectors_a_port_that_declines_every_kind_exits_2(project, tmp_path):
    done = lasso_spec(project, "vectors", _port(tmp_path, decline=True))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "nothing to call green" in done.stderr


def test_vectors_a_port_that_cannot_start_fails_early_with_a_clear_message(project):
    done = lasso_spec(project, "vectors", f"{sys.executable} -c 'import no_such_module_xyz'")
    assert done.returncode == 2
    assert "cannot start or answer" in done.stderr and "no_such_module_xyz" in done.stderr
    assert "vectors:" not in done.stdout  # before the first vector


# ----------------------------------------------------------------------------- api


def test_run_checks_returns_results_without_pytest(project):
    sys.path.insert(0, str(project))
    try:
        from mysolver.solvers import lasso_only, one_over_n
    finally:
        sys.path.remove(str(project))
    results = run_checks(one_over_n, select=["worked-example", "edge/pure-ridge"], profile="ci")
    assert [(r.check, r.result) for r in results] == [("worked-example", "fail"),
                                                      ("edge/pure-ridge", "fail")]
    assert "multiplied by n" in results[0].triage and "Problem.from_json(" in results[0].message
    results = run_checks(lasso_only, select="edge/pure-ridge",
                         xfails={"worked-example": "a reason"})
    assert [r.result for r in results] == ["skip"] and all(r.ok for r in results)
    with pytest.raises(ValueError, match="matches no check"):
        run_checks(lasso_only, xfails={"no/such": "stale"})


def test_parametrize_checks_in_a_solvers_own_test_suite(project, tmp_path):
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_mine.py").write_text(textwrap.dedent("""\
        from lasso_spec.conformance.api import parametrize_checks
        from mysolver.solvers import correct, one_over_n

        @parametrize_checks(correct, select=["worked-example", "generated/ridge"])
        def test_correct(check):
            check()

        @parametrize_checks(one_over_n, select=["worked-example", "edge/orthogonal"],
                            xfails={"worked-example": "we use the 1/n convention"})
        def test_broken(check):
            check()
        """))
    environment = dict(os.environ, PYTHONPATH=str(project))
    environment.pop("PYTEST_ADDOPTS", None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                           "--rootdir", str(suite), "-c", os.devnull, str(suite)],
                          cwd=suite, capture_output=True, text=True, env=environment,
                          check=False, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed, 2 passed, 1 xfailed" in done.stdout
    assert "FAILED test_mine.py::test_broken[edge/orthogonal]" in done.stdout
    assert "multiplied by n" in done.stdout


def test_parametrize_checks_ids_are_the_check_ids():
    mark = parametrize_checks(lambda X, y, l1, l2: [0.0] * len(X[0]), select="edge/*")
    ids = [param.id for param in mark.args[1]]
    assert ids[0] == "edge/at-knot" and all(i.startswith("edge/") for i in ids)


def test_the_console_script_is_declared():
    text = (ROOT / "pyproject.toml").read_text()
    assert 'lasso-spec = "lasso_spec.conformance.cli:main"' in text  # run in test_installed
