"""Isolation (issue 12, item 3): in-process implementations run in a worker process.

The worker is started once and reused; a crash, a hang, an ``os._exit`` or a signal in
the implementation becomes a failed check with a clear label, the worker restarts for
the next problem, and the implementation cannot reach the judge.  The hostile solvers
are in tests/meta/broken_solvers.py.
"""

import json
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from meta import broken_solvers
from meta.gate_run import run_gate

from lasso_spec.conformance.implementations import LoadError, load, wrap_callable
from lasso_spec.conformance.isolation import ImplementationRaised, IsolatedSolver, IsolationError
from lasso_spec.conformance.received import as_received, float_data
from lasso_spec.conformance.report import new_stats
from lasso_spec.conformance.runner import Runner
from lasso_spec.conformance.verdict import judge
from lasso_spec.conformance.wire import MAX_DEPTH, decode, encode
from lasso_spec.reference import Problem

ROOT = Path(__file__).resolve().parents[1]
WORKED = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1, l2=0)
RIDGE = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1, l2=1)
ZERO_COLUMN = Problem(X=[[1, 0], [2, 0], [0, 0]], y=[3, 2, 1], l1=1, l2=0)


def _data(problem):
    return float_data(as_received(problem))


@pytest.fixture(scope="module")
def correct():
    impl = load("meta.broken_solvers:correct", timeout=60)
    yield impl
    impl.close()


def _wire(value):
    """encode → JSON text → decode: the trip an answer makes from the worker to the judge."""
    return decode(json.loads(json.dumps(encode(value))))


# ----------------------------------------------------------------------------- values


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(st.sampled_from([np.float64, np.float32, np.float16, np.int64, np.int8,
                                   np.uint64, np.bool_, np.complex128]),
                  hnp.array_shapes(min_dims=0, max_dims=3, max_side=4)))
def test_an_array_crosses_the_wire_with_its_dtype_shape_and_values(array):
    back = _wire(array)
    assert isinstance(back, np.ndarray) and back.dtype == array.dtype
    assert back.shape == array.shape
    assert np.array_equal(back, array, equal_nan=array.dtype.kind in "fc")


@settings(max_examples=60, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
    | st.fractions() | st.decimals(allow_nan=False),
    lambda inner: st.lists(inner, max_size=3), max_leaves=10))
def test_python_values_cross_the_wire_unchanged(value):
    back = _wire(value)
    assert back == value and type(back) is type(value)


def test_numpy_scalars_and_odd_values_keep_their_type():
    for value in (np.int64(-3), np.float32(0.1), np.uint8(255), np.bool_(True)):
        back = _wire(value)
        assert type(back) is type(value) and back == value
    assert _wire(2**200) == 2**200 and _wire(-(2**63)) == -(2**63)
    assert _wire(1 + 2j) == 1 + 2j
    assert _wire({"w": [1]}) == {"w": [1]}
    stand_in = _wire(object())
    assert type(stand_in).__name__ == "object" and repr(stand_in).startswith("<object object")
    deep = _wire(json.loads("[" * 20 + "]" * 20))
    assert "nested more than" in repr(deep[0][0][0][0][0][0][0][0])


def test_the_verdict_on_a_decoded_answer_is_the_verdict_on_the_original():
    for answer in ([5 / 3, 2 / 3], np.array([5 / 3, 2 / 3]), np.array([[5 / 3, 2 / 3]]),
                   [Fraction(5, 3), Fraction(2, 3)], "w", [np.nan, 1.0], [1, 2, 3], None,
                   [Decimal(1), np.int8(0)]):
        one, two = judge(as_received(WORKED), answer), judge(as_received(WORKED), _wire(answer))
        assert (one.passed, one.triage, one.failed_checks()) == (
            two.passed, two.triage, two.failed_checks())


def test_a_malicious_reply_is_refused_not_executed():
    with pytest.raises(ValueError, match="hex digits"):
        decode({"int": "f" * 100_001})
    with pytest.raises(ValueError, match="unknown tag"):
        decode({"pickle": "gASV..."})
    assert MAX_DEPTH < sys.getrecursionlimit()


# ----------------------------------------------------------------------------- the worker


def test_one_worker_answers_like_the_implementation_in_process(correct):
    in_process = wrap_callable(broken_solvers.correct)
    assert (correct.name, correct.capabilities) == ("meta.broken_solvers:correct",
                                                    in_process.capabilities)
    process = correct.solve._process
    for problem in (WORKED, RIDGE, ZERO_COLUMN):
        X, y, l1, l2 = _data(problem)
        assert correct(X, y, l1, l2) == in_process(X, y, l1, l2)
    assert correct.solve._process is process and correct.solve.restarts == 0


def test_the_solvers_stdout_does_not_corrupt_the_channel():
    impl = load("meta.broken_solvers:prints_to_stdout")
    try:
        X, y, l1, l2 = _data(WORKED)
        assert impl(X, y, l1, l2) == broken_solvers.correct(X, y, l1, l2)
    finally:
        impl.close()


def test_os_exit_is_a_verdict_and_the_worker_restarts():
    impl = load("meta.broken_solvers:exits_on_zero_column")
    try:
        with pytest.raises(IsolationError) as caught:
            impl(*_data(ZERO_COLUMN))
        assert caught.value.triage == (
            "wrong: the implementation's process exited with status 0 without answering")
        X, y, l1, l2 = _data(WORKED)
        assert impl(X, y, l1, l2) == broken_solvers.correct(X, y, l1, l2)
        assert impl.solve.restarts == 1
    finally:
        impl.close()


def test_a_signal_is_named():
    impl = load("meta.broken_solvers:kills_itself")
    try:
        with pytest.raises(IsolationError) as caught:
            impl(*_data(RIDGE))
        assert caught.value.triage == (
            "wrong: the implementation's process was killed by signal 9 (SIGKILL) without "
            "answering")
        assert impl(*_data(WORKED)) == broken_solvers.correct(*_data(WORKED))
    finally:
        impl.close()


def test_a_hang_times_out_and_the_next_problem_runs():
    impl = load("meta.broken_solvers:hangs", timeout=1)
    try:
        for _ in range(2):  # a fresh worker each time: the hung one was killed
            with pytest.raises(IsolationError) as caught:
                impl(*_data(WORKED))
            assert caught.value.triage == "timed out after 1 s"
            assert impl.solve._process is None
        assert impl.solve.restarts == 1
    finally:
        impl.close()


def test_exceptions_keep_their_type_and_traceback():
    impl = load("meta.broken_solvers:raises")
    exits = load("meta.broken_solvers:calls_sys_exit")
    try:
        with pytest.raises(ImplementationRaised) as caught:
            impl(*_data(Problem(X=[[1]], y=[1], l1=0, l2=1)))
        assert caught.value.type_name == "ZeroDivisionError"
        assert str(caught.value) == "l1 must be positive"
        assert "broken_solvers.py" in caught.value.trace
        with pytest.raises(ImplementationRaised) as caught:
            exits(*_data(WORKED))
        assert caught.value.type_name == "SystemExit"
        assert impl.solve.restarts == 0 and exits.solve.restarts == 0  # no crash: no restart
    finally:
        impl.close()
        exits.close()


def test_load_errors_come_back_as_load_errors():
    with pytest.raises(LoadError, match="has no attribute 'nothing_here'"):
        load("meta.broken_solvers:nothing_here")
    with pytest.raises(LoadError, match="neither a built-in"):
        load("not-a-builtin")
    with pytest.raises(LoadError, match="positive number of seconds"):
        load("reference", timeout=0)


def test_the_runner_reports_each_failure_with_its_label():
    for spec, problem, label, text in [
        ("meta.broken_solvers:exits_on_zero_column", ZERO_COLUMN, "exited with status 0",
         "exited with status 0"),
        ("meta.broken_solvers:raises", Problem(X=[[1]], y=[1], l1=0, l2=1),
         "wrong: raised an exception", "raised ZeroDivisionError: l1 must be positive"),
    ]:
        impl = load(spec)
        stats = new_stats("isolation")
        try:
            with pytest.raises(pytest.fail.Exception) as caught:
                Runner(impl, stats, 1e-9).check(problem)
        finally:
            impl.close()
        assert label in stats["failure"]["triage"] and text in str(caught.value)
        assert "Problem.from_json(" in str(caught.value)


def test_isolated_solver_closes_its_worker():
    solver = IsolatedSolver("reference")
    process = solver._process
    solver.close()
    assert process.poll() == 0 and solver._process is None
    assert process.stdin.closed and process.stdout.closed and process.stderr.closed


def test_a_dead_workers_pipes_are_closed():
    """A worker that exits mid-problem leaves no open pipe behind (ResourceWarning before)."""
    solver = IsolatedSolver("meta.broken_solvers:exits_on_zero_column")
    try:
        dead = solver._process
        with pytest.raises(IsolationError, match="exited with status 0"):
            solver(np.array(ZERO_COLUMN.X, dtype=float), np.array(ZERO_COLUMN.y, dtype=float),
                   1.0, 0.0)
        assert dead.stdin.closed and dead.stdout.closed and dead.stderr.closed
    finally:
        solver.close()


# ----------------------------------------------------------------------------- end to end




def test_the_judge_is_out_of_the_implementations_reach():
    selection = ("--impl", "meta.broken_solvers:patches_the_judge", "-k", "worked-example")
    isolated = run_gate(*selection)
    assert isolated.returncode == 1, isolated.stdout + isolated.stderr
    assert "1 failed" in isolated.stdout
    shared = run_gate(*selection, "--no-isolation")  # the threat is real without isolation
    assert shared.returncode == 0 and "1 passed" in shared.stdout, shared.stdout


def test_os_exit_in_the_gate_fails_the_check_and_the_run_goes_on():
    done = run_gate("--impl", "meta.broken_solvers:exits_on_zero_column", "-k", "edge/")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "exited with status 0 without answering" in done.stdout
    assert "1 failed" in done.stdout and " passed" in done.stdout  # the other edge cases ran


def test_a_hang_in_the_gate_times_out():
    done = run_gate("--impl", "meta.broken_solvers:hangs", "-k", "worked-example",
                   "--impl-timeout", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "timed out after 1 s" in done.stdout


# ----------------------------------------------------------------------------- the api path


def test_the_api_runs_an_importable_callable_in_a_worker():
    """run_checks(callable) is isolated like `lasso-spec verify`: an os._exit is a failed
    check of that problem, and the judge's process goes on."""
    from lasso_spec.conformance.api import run_checks

    results = run_checks(broken_solvers.exits_on_zero_column,
                         select=["worked-example", "edge/zero-column"])
    assert [(r.check, r.result) for r in results] == [("worked-example", "pass"),
                                                      ("edge/zero-column", "fail")]
    assert "exited" in results[1].triage


def test_the_api_finds_the_callables_module_without_touching_sys_path(tmp_path):
    """A module imported from a directory no longer on sys.path still loads in the worker,
    and the caller's sys.path is left as it was."""
    import importlib

    from lasso_spec.conformance.api import run_checks

    (tmp_path / "own_solver_xyz.py").write_text(
        "from lasso_spec.reference import solve\n"
        "def lasso(X, y, l1, l2=0):\n"
        "    return [float(v) for v in solve(X, y, l1, l2).w]\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("own_solver_xyz")
    finally:
        sys.path.remove(str(tmp_path))
    before = list(sys.path)
    try:
        (result,) = run_checks(module.lasso, select="worked-example")
    finally:
        sys.modules.pop("own_solver_xyz", None)
    assert result.result == "pass", result
    assert sys.path == before


def test_the_api_cannot_be_fooled_by_a_solver_that_patches_the_judge(monkeypatch):
    import lasso_spec.conformance.runner as runner
    from lasso_spec.conformance.api import run_checks

    (result,) = run_checks(broken_solvers.patches_the_judge, select="worked-example")
    assert result.result == "fail"
    monkeypatch.setattr(runner, "judge", runner.judge)  # undone after the test
    (debug,) = run_checks(broken_solvers.patches_the_judge, select="worked-example",
                          isolated=False)
    assert debug.result == "pass"  # the threat isolation removes, shown in the judge's process


def test_the_api_warns_when_a_callable_cannot_be_isolated():
    from lasso_spec.conformance.api import checks

    with pytest.warns(UserWarning, match="runs in the judge's process"):
        (check,) = checks(lambda X, y, l1, l2: [0.0] * len(X[0]), select="worked-example")
    assert check.implementation.closer is None  # in-process: no worker to close
