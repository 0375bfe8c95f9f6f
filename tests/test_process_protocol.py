"""The process protocol client (conformance/process_impl.py, port_channel.py), against fake ports.

Each fake port is a few lines of Python run with this interpreter; each
misbehaviour (crash, hang, malformed line, wrong length, error reply, extra
lines) must become an ImplementationError that names the command and the problem.
"""

import json
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from lasso_spec.conformance.process_impl import (
    ImplementationError,
    ProcessImplementation,
    encode_problem,
)

HEADER = """\
import json, sys, time
def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\\n")
    sys.stdout.flush()
for line in sys.stdin:
    req = json.loads(line)
"""

WORKED = ([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1, 0)


def port(tmp_path, body, name="port.py"):
    """A command running a fake port whose loop body is ``body`` (``req`` is the request)."""
    path = tmp_path / name
    path.write_text(HEADER + textwrap.indent(textwrap.dedent(body), "    "))
    return f"{sys.executable} {path}"


ZEROS = """\
if "capabilities" in req:
    reply({"error": "unknown request"})
elif not isinstance(req.get("l1"), (int, float)) or req["l1"] < 0:
    reply({"error": "l1 must be >= 0"})
else:
    reply({"w": [0] * len(req["X"][0]), "info": {"fake": True}})
"""


def test_a_well_behaved_port_is_reused_and_described_by_default(tmp_path):
    command = port(tmp_path, ZEROS + 'sys.stderr.write("pid %d\\n" % __import__("os").getpid())\n')
    with ProcessImplementation(command, timeout=10) as impl:
        assert impl(*WORKED) == [0.0, 0.0]
        assert impl(np.eye(3), np.ones(3), 0.5, 0.25) == [0.0, 0.0, 0.0]
        assert (impl.name, impl.version, impl.capabilities) == (command, "unknown", {})
        assert impl.relative_gap == 0 and impl.reasons == {}
        assert impl.restarts == 0 and impl._process.poll() is None
        assert impl.reject({"X": [[1]], "y": [1], "l1": -1}) == "l1 must be >= 0"
    assert impl._process is None  # closed


def test_the_intercept_comes_back_with_its_answer_not_as_client_state(tmp_path):
    """(w, b) of one reply, exactly; the next reply's intercept is its own (no side state)."""
    command = port(tmp_path, """\
        if "capabilities" in req:
            reply({})
        elif req.get("fit_intercept"):
            reply({"w": ["1/3"] * len(req["X"][0]), "intercept": "3/2"})
        else:
            reply({"w": ["1/3"] * len(req["X"][0])})
        """)
    fitted = {**encode_problem(*WORKED), "fit_intercept": True}
    with ProcessImplementation(command, timeout=10) as impl:
        assert impl.answer_exact(fitted) == ([Fraction(1, 3)] * 2, Fraction(3, 2))
        assert impl.answer_exact(encode_problem(*WORKED)) == ([Fraction(1, 3)] * 2, None)
        assert impl(*WORKED, fit_intercept=True) == ([1 / 3, 1 / 3], 1.5)
        assert not hasattr(impl, "intercept")


def test_the_capabilities_reply_is_read(tmp_path):
    command = port(tmp_path, """\
        if "capabilities" in req:
            reply({"name": "fake", "version": "9.1", "relative_gap": 1e-9,
                   "capabilities": {"least_squares": False, "exact_zeros": True},
                   "reasons": {"least_squares": "no certificate"}})
        else:
            reply({"w": ["1/3"] * len(req["X"][0])})
        """)
    with ProcessImplementation(command, timeout=10) as impl:
        assert (impl.name, impl.version, impl.relative_gap) == ("fake", "9.1", 1e-9)
        assert impl.capabilities == {"least_squares": False, "exact_zeros": True}
        assert impl.reasons == {"least_squares": "no certificate"}
        assert impl.solve_exact(encode_problem(*WORKED)) == [Fraction(1, 3)] * 2
        assert impl(*WORKED) == [1 / 3, 1 / 3]


def test_a_malformed_capabilities_reply_is_an_error(tmp_path):
    command = port(tmp_path, 'reply({"name": 3, "colour": "red"})\n')
    with ProcessImplementation(command, timeout=10) as impl:
        with pytest.raises(ImplementationError, match=r"capabilities request.*colour"):
            _ = impl.version


def test_a_crash_names_the_problem_and_shows_stderr_then_restarts(tmp_path):
    command = port(tmp_path, """\
        if req.get("l1") == 13:
            sys.stderr.write("Traceback: fake failure on l1 = 13\\n")
            sys.exit(3)
        reply({"w": [0] * len(req["X"][0])})
        """)
    with ProcessImplementation(command, timeout=10) as impl:
        assert impl(*WORKED) == [0.0, 0.0]
        with pytest.raises(ImplementationError) as caught:
            impl([[1, 2]], [5], 13, 0)
        message = str(caught.value)
        assert command in message and "exited (status 3)" in message
        assert '"l1": 13' in message and "n=1, p=2" in message
        assert "fake failure on l1 = 13" in message
        assert impl(*WORKED) == [0.0, 0.0]  # a fresh process
        assert impl.restarts == 1


def test_a_hang_times_out(tmp_path):
    command = port(tmp_path, "time.sleep(60)\n")
    impl = ProcessImplementation(command, timeout=0.5)
    with pytest.raises(ImplementationError, match=r"no reply within 0.5 s"):
        impl(*WORKED)
    assert impl._process.poll() is not None  # killed
    impl.close()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('sys.stdout.write("hello\\n"); sys.stdout.flush()\n', "not JSON"),
        ('reply([1, 2])\n', "exactly one of 'w' or 'error'"),
        ('reply({"w": [1, 2], "error": "both"})\n', "exactly one of 'w' or 'error'"),
        ('reply({"w": [1, None]})\n', "finite numbers"),
        ('reply({"w": [1, "two"]})\n', "finite numbers"),
        ('reply({"w": [1, True]})\n', "finite numbers"),
        ('reply({"w": 1})\n', "finite numbers"),
        ('reply({"error": 7})\n', "'error' must be a string"),
        ('reply({"w": [1, 2], "extra": 0})\n', "exactly one of 'w' or 'error'"),
    ],
)
def test_malformed_replies(tmp_path, body, expected):
    with ProcessImplementation(port(tmp_path, body), timeout=10) as impl:
        with pytest.raises(ImplementationError, match=expected) as caught:
            impl(*WORKED)
        assert '"y": [3, 2, 1]' in str(caught.value)


def test_wrong_length_and_error_replies(tmp_path):
    with ProcessImplementation(port(tmp_path, 'reply({"w": [1]})\n'), timeout=10) as impl:
        with pytest.raises(ImplementationError, match="returned 1 coefficients, expected p = 2"):
            impl(*WORKED)
    with ProcessImplementation(port(tmp_path, 'reply({"error": "nope"})\n'), timeout=10) as impl:
        with pytest.raises(ImplementationError, match="rejected the problem: nope"):
            impl(*WORKED)
    with ProcessImplementation(port(tmp_path, 'reply({"w": [0]})\n'), timeout=10) as impl:
        with pytest.raises(ImplementationError, match="accepted an invalid problem"):
            impl.reject({"X": [[1]], "y": [1], "l1": -1})


def test_extra_reply_lines_are_caught(tmp_path):
    command = port(tmp_path, 'reply({"w": [0, 0]}); reply({"w": [0, 0]})\n')
    with pytest.raises(ImplementationError, match="nobody asked for"):
        with ProcessImplementation(command, timeout=10) as impl:
            impl(*WORKED)
            impl(*WORKED)


def test_a_command_that_cannot_start():
    impl = ProcessImplementation("/nonexistent/port --flag", timeout=5)
    with pytest.raises(ImplementationError, match="cannot start"):
        impl(*WORKED)
    with pytest.raises(ImplementationError, match="empty"):
        ProcessImplementation("   ")


def test_encoding_of_problems():
    line = encode_problem(np.array([[1.5, np.nan]]), np.array([np.inf]), Fraction(1, 3), -np.inf)
    assert line == {"X": [[1.5, "NaN"]], "y": ["Infinity"], "l1": "1/3", "l2": "-Infinity"}
    assert json.loads(json.dumps(line)) == line  # strict JSON, no NaN tokens
    assert encode_problem([[1, 2]], [np.int64(3)], 1, 0) == {
        "X": [[1, 2]], "y": [3], "l1": 1, "l2": 0
    }
    assert encode_problem([[True]], [None], "x", [1])["X"] == [[True]]  # passed on, to be rejected


# ----------------------------------------------------------------------------- bounds (issue 12)


def _within(seconds, call):
    """call() in a thread; its result, or a failure if it has not returned within seconds."""
    import threading

    result = {}

    def run():
        try:
            result["value"] = call()
        except BaseException as error:  # handed back to the test
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"no result within {seconds} s: the client hangs"
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.mark.parametrize(
    ("w", "expected"),
    [
        ('["1e999999999", 0]', r"w\[0\] is too large to read exactly"),
        ('["1/1" + "0" * 20000, 0]', "too large to read exactly"),
        ('[1e999999999, 0]', r"w\[0\] must be finite"),
        ('[1' + "0" * 20000 + ', 0]', "JSON integer is too large to read exactly"),
        ('[' * 100_000 + ']' * 100_000, "nested too deeply"),
    ],
)
def test_replies_beyond_the_number_bounds_are_refused_at_once(tmp_path, w, expected):
    if w.startswith('["1/1" +'):
        w = '["1/1' + "0" * 20000 + '", 0]'
    body = f"sys.stdout.write('{{\"w\": ' + {w!r} + '}}\\n'); sys.stdout.flush()\n"
    command = port(tmp_path, body)
    with ProcessImplementation(command, timeout=30) as impl:
        with pytest.raises(ImplementationError, match=expected) as caught:
            _within(30, lambda: impl(*WORKED))
        assert caught.value.triage.startswith("wrong: malformed reply")


def test_a_5000_digit_integer_is_exact_but_not_a_float64_answer(tmp_path):
    big = "7" * 5000
    command = port(tmp_path, f"sys.stdout.write('{{\"w\": [{big}, \"1/3\"]}}\\n'); "
                             "sys.stdout.flush()\n")
    with ProcessImplementation(command, timeout=30) as impl:
        assert impl.solve_exact(encode_problem(*WORKED)) == [int(Decimal(big)), Fraction(1, 3)]
        with pytest.raises(ImplementationError, match=r"w\[0\] has 5000 digits: beyond"):
            impl(*WORKED)


def test_invalid_utf8_and_overlong_lines_are_malformed_not_a_hang(tmp_path, monkeypatch):
    from lasso_spec.conformance import port_channel

    command = port(tmp_path, 'sys.stdout.buffer.write(b"\\xff\\xfe\\n"); sys.stdout.flush()\n')
    with ProcessImplementation(command, timeout=30) as impl:
        with pytest.raises(ImplementationError, match="not JSON"):
            impl(*WORKED)
    monkeypatch.setattr(port_channel, "MAX_LINE", 1000)
    command = port(tmp_path, 'reply({"w": [0.0] * 2000})\n', name="long.py")
    with ProcessImplementation(command, timeout=30) as impl:
        with pytest.raises(ImplementationError, match="a line of more than 1000 characters"):
            impl(*WORKED)


def test_every_failure_carries_its_triage_label(tmp_path):
    impl = ProcessImplementation(port(tmp_path, "time.sleep(60)\n"), timeout=0.5)
    with pytest.raises(ImplementationError) as caught:
        impl(*WORKED)
    assert caught.value.triage == "timed out after 0.5 s"
    impl.close()
    exits = port(tmp_path, "sys.exit(4)\n", name="exit.py")
    with ProcessImplementation(exits, timeout=10) as impl:
        with pytest.raises(ImplementationError) as caught:
            impl(*WORKED)
        assert caught.value.triage == (
            "wrong: the implementation's process exited (status 4) without answering")
    with ProcessImplementation(port(tmp_path, 'reply({"error": "no"})\n', name="no.py"),
                               timeout=10) as impl:
        with pytest.raises(ImplementationError) as caught:
            impl(*WORKED)
        assert caught.value.triage == "wrong: the port rejected a valid problem"


def test_a_huge_relative_gap_in_the_description_does_not_crash(tmp_path):
    command = port(tmp_path, f'reply({{"relative_gap": {"9" * 5000}}})\n')
    with ProcessImplementation(command, timeout=10) as impl:
        with pytest.raises(ImplementationError, match="relative_gap"):
            _ = impl.name


def test_the_gate_labels_a_port_timeout(tmp_path):
    from lasso_spec.conformance.implementations import load_command
    from lasso_spec.conformance.report import new_stats
    from lasso_spec.conformance.runner import Runner
    from lasso_spec.reference import Problem

    command = port(tmp_path, """\
        if "capabilities" in req:
            reply({"error": "no"})
        else:
            time.sleep(60)
        """)
    impl = load_command(command, timeout=0.5)
    stats = new_stats("port")
    try:
        with pytest.raises(pytest.fail.Exception, match=r"timed out after 0\.5 s"):
            Runner(impl, stats, 1e-9).check(Problem(X=[[1]], y=[1], l1=0, l2=1))
    finally:
        impl.close()
    assert stats["failure"]["triage"] == "timed out after 0.5 s"
