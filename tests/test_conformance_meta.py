"""Meta-tests of the conformance gate: it rejects every broken solver and accepts the reference.

The verdicts are exercised directly (cheap) on a fixed pool of problems — the
edge-case pack plus deterministic random problems, many of them strongly
correlated — and the plugin end to end in subprocesses: the failure message,
the triage, the summary and JSON report, bad ``--impl`` values, capabilities,
the xfails file, and pytest-xdist.
"""

import json
import random
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from meta import broken_solvers
from meta.gate_run import run_gate

from lasso_spec.conformance.adapters import BUILTINS
from lasso_spec.conformance.cases import CASES
from lasso_spec.conformance.implementations import wrap_callable
from lasso_spec.conformance.received import as_received, exact_solution, float_data
from lasso_spec.conformance.report import new_stats
from lasso_spec.conformance.runner import Runner
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem, lambda_max

ROOT = Path(__file__).resolve().parents[1]


def _random_problem(seed):
    """A deterministic small problem; two in three have a strongly correlated column pair."""
    rng = random.Random(seed)
    n, p = rng.randint(2, 8), rng.randint(2, 6)
    cols = [[Fraction(rng.randint(-4, 4)) for _ in range(n)] for _ in range(p)]
    if seed % 3:
        j, k = rng.sample(range(p), 2)
        cols[k] = [v + Fraction(rng.randint(-1, 1), 16) for v in cols[j]]
    X = [list(row) for row in zip(*cols)]
    y = [Fraction(rng.randint(-6, 6)) for _ in range(n)]
    l2 = Fraction(rng.randint(1, 8), 8) if seed % 4 == 1 else 0
    top = lambda_max(X, y)
    l1 = 0 if seed % 8 == 7 else (top or 1) * Fraction(rng.randint(1, 15), 16)
    return Problem(X=X, y=y, l1=l1, l2=l2 or (Fraction(1, 2) if l1 == 0 else 0))


#: The small problems every correct solver must pass: the cases without the corpus (its
#: known-hard problems defeat coordinate descent by design; see conformance/xfails/).
POOL = [case.problem for case in CASES if not case.id.startswith("corpus/")] + [
    _random_problem(seed) for seed in range(40)
]


def _messages(solver):
    """The failure message of every pool problem the solver fails (skips respected)."""
    impl = wrap_callable(solver, spec=getattr(solver, "__name__", "solver"))
    runner = Runner(impl, new_stats("meta"), 1e-9)
    failures = []
    for problem in POOL:
        if not impl.supports(_kind(problem)):
            continue
        try:
            runner.check(problem)
        except pytest.fail.Exception as failure:
            failures.append(str(failure))
    return failures


def _kind(problem):
    from lasso_spec.conformance.cases import kind

    return kind(problem)


@pytest.mark.parametrize("name", ["reference", "reference-cd"])
def test_the_reference_passes_every_pool_problem(name):
    assert _messages(BUILTINS[name]().solve) == []


def test_the_correct_control_solver_passes_every_pool_problem():
    assert _messages(broken_solvers.correct) == []


@pytest.mark.parametrize("name", sorted(broken_solvers.BROKEN))
def test_every_broken_solver_is_rejected_with_the_expected_triage(name):
    solver, expected = broken_solvers.BROKEN[name]
    failures = _messages(solver)
    assert failures, f"{name} passed every problem of the pool"
    assert all("Problem.from_json(" in message for message in failures)
    assert any(expected in message for message in failures), failures[0]


def test_a_tiny_value_is_read_as_zero_unless_exact_zeros_are_declared():
    problem = next(case.problem for case in CASES if case.id == "edge/above-lambda-max")
    answer = [1e-300, 0.0, -1e-300]  # w* = 0 with strict slack everywhere
    relaxed = judge(problem, answer, exact_zeros=False)
    assert relaxed.passed and [j for j, _ in relaxed.tiny] == [0, 2]
    assert relaxed.checks["exact-zeros"].status == "skip"
    strict = judge(problem, answer, exact_zeros=True)
    assert strict.failed_checks() == ["exact-zeros"]


def test_the_rounded_optimum_passes_and_a_nudge_beyond_the_tolerance_fails():
    """The tolerance sits between float64 rounding and a real error: F(w) − F* ≤ 10⁻⁹·S."""
    problem = CASES[0].problem  # the worked example, w* = (5/3, 2/3)
    rounded = [float(v) for v in exact_solution(problem).w]
    assert judge(problem, rounded).passed
    nudged = [rounded[0] * (1 + 1e-3), rounded[1]]
    verdict = judge(problem, nudged)
    assert verdict.failed_checks() == ["objective", "kkt", "fit", "coefficients"]
    assert verdict.triage.startswith("not converged")


def test_a_convention_is_only_blamed_when_it_explains_the_answer():
    problem = CASES[0].problem
    doubled = exact_solution(Problem(X=problem.X, y=problem.y, l1=2)).w
    verdict = judge(problem, [float(v) for v in doubled])
    assert verdict.triage.startswith("convention mismatch") and "λ₁ doubled" in verdict.triage


def test_the_failing_problem_is_printed_ready_to_paste():
    problem = CASES[0].problem
    text = judge(problem, [0.0, 0.0]).describe("x")
    pasted = text.splitlines()[1].strip()
    assert eval(pasted, {"Problem": Problem}) == problem  # our own repr


def test_float_data_round_trips_exactly():
    for problem in POOL:
        assert as_received(as_received(problem)) == as_received(problem)
        X, _, l1, _ = float_data(problem)
        assert X.shape == (len(problem.X), len(problem.X[0])) and isinstance(l1, float)


# ----------------------------------------------------------------------------- end to end




def test_a_broken_solver_fails_with_triage_summary_and_report(tmp_path):
    report = tmp_path / "report.json"
    done = run_gate("--impl", "meta.broken_solvers:one_over_n", "-k", "worked-example",
                   "--conformance-report", str(report))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Problem.from_json({'X': [['1', '1'], ['1', '0'], ['0', '1']]" in done.stdout
    assert "convention mismatch" in done.stdout
    assert "conformance summary" in done.stdout and "worked-example" in done.stdout
    assert "Traceback" not in done.stdout
    data = json.loads(report.read_text())
    assert data["implementation"]["name"] == "meta.broken_solvers:one_over_n"
    (entry,) = data["checks"]
    assert entry["check"] == "worked-example" and entry["result"] == "fail"
    assert "convention mismatch" in entry["failure"]["triage"]


@pytest.mark.parametrize(
    ("impl", "message"),
    [
        ("no_such_module_xyz:solve", "cannot import module 'no_such_module_xyz'"),
        ("meta.broken_solvers:no_such_solver", "has no attribute 'no_such_solver'"),
        ("meta.broken_solvers:BROKEN", "is a dict, not callable"),
        ("not-a-builtin", "neither a built-in"),
    ],
)
def test_a_bad_impl_is_a_load_error_with_a_clear_message(impl, message):
    from lasso_spec.conformance.implementations import LoadError, load

    with pytest.raises(LoadError, match=re.escape(message)):
        load(impl)


def test_a_bad_impl_is_a_usage_error_of_the_gate_without_a_traceback():
    """The LoadError above reaches the user as pytest's usage error (exit 4), one line."""
    done = run_gate("--impl", "meta.broken_solvers:no_such_solver")
    assert done.returncode == 4, done.stdout + done.stderr
    assert "has no attribute 'no_such_solver'" in done.stderr and "Traceback" not in done.stderr


def test_the_environment_variable_selects_the_implementation():
    done = run_gate("-k", "worked-example", env={"LASSO_IMPL": "meta.broken_solvers:raises"})
    assert "implementation: meta.broken_solvers:raises" in done.stdout
    assert done.returncode == 0, done.stdout  # raises only for λ₁ = 0: the example passes


def test_declared_capabilities_skip_with_the_reason_shown():
    done = run_gate("--impl", "meta.broken_solvers:lasso_only", "-k", "pure-ridge or worked", "-rs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "declares no support for pure Ridge" in done.stdout
    assert "1 passed, 1 skipped" in done.stdout
    assert "meta.broken_solvers:lasso_only 1.2.3" in done.stdout


def test_expected_failures_file_marks_checks_and_warns_about_strays(tmp_path):
    xfails = tmp_path / "xfails.txt"
    xfails.write_text("# known\nworked-example  we use the 1/n convention\nno/such-check  stale\n")
    done = run_gate("--impl", "meta.broken_solvers:one_over_n", "-k", "worked-example",
                   "--xfails-file", str(xfails))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 xfailed" in done.stdout
    assert "'no/such-check' matches no check" in done.stdout + done.stderr


def test_an_xfails_entry_without_a_reason_is_refused(tmp_path):
    xfails = tmp_path / "xfails.txt"
    xfails.write_text("worked-example\n")
    done = run_gate("--xfails-file", str(xfails))
    assert done.returncode == 4 and "needs a reason" in done.stderr


def test_impl_cmd_that_cannot_start_is_a_usage_error():
    done = run_gate("--impl-cmd", "no-such-command-xyz")
    assert done.returncode == 4, done.stdout + done.stderr
    assert "cannot start the implementation command 'no-such-command-xyz'" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_impl_cmd_runs_a_port_through_the_suite():
    if shutil.which("node") is None:
        pytest.skip("node is not installed (CI installs it)")
    done = run_gate("--impl-cmd", "node porting/node/lasso_cd.js", "-k", "worked or pure-ridge")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "implementation: lasso_cd.js" in done.stdout and "2 passed" in done.stdout


# Serial, -n 2 and -n auto give the same report:
# tests/test_cli.py::test_reports_are_the_same_serial_and_with_xdist
