"""The process protocol's client: a port (any language) spoken to over a pipe.

The protocol itself — problem lines, replies, the optional self-description — is stated
in :mod:`protocol` and in porting/README.md.

This module is the client: ``ProcessImplementation(command)`` starts the
command once (``shlex.split``, no shell), reuses it for every problem, and
turns every way a port can misbehave — crash, hang, malformed line, wrong
length, an error reply to a valid problem — into an ``ImplementationError``
that names the command and the problem, with a one-line ``triage`` label for the
verdict (e.g. "timed out after 60 s").  After such a failure the process is
killed and the next request starts a fresh one.

Bounds on what the client reads, so that no reply can hang or crash it: a reply
line is at most ``MAX_LINE`` bytes; JSON is parsed by ``reference.problem.loads``
(integers of at most ``MAX_DIGITS = 10 000`` digits, read exactly whatever
``sys.get_int_max_str_digits()``; nesting beyond Python's recursion limit is
refused); a "p/q" or decimal string by ``reference.parse_number`` (at most 10 000
digits, ``|exponent| ≤ 10 000``: ``"1e999999999"`` is refused at once instead of
computing 10⁹⁹⁹⁹⁹⁹⁹⁹⁹); a JSON number beyond float64 (``1e999999999``) is
infinite and refused; and, for the float64 answer the gate judges, a coefficient
beyond the float64 range is refused.  Each is an ImplementationError that says which
bound was exceeded.  Each problem has a timeout (``timeout``, ``--impl-timeout``).
"""


from __future__ import annotations

import collections
import json
import math
import queue
import shlex
import subprocess
import threading
from decimal import Decimal

from lasso_spec.reference import ProblemError
from lasso_spec.reference.problem import loads

from .protocol import (
    _FLOAT_MAX,
    _NUMBER_STRING,
    DESCRIBE,
    MALFORMED,
    ImplementationError,
    _describe_problem,
    _parse_coefficient,
    encode_problem,
)

__all__ = ["DESCRIBE", "ImplementationError", "ProcessImplementation", "encode_problem"]

MAX_LINE = 64 * 2**20  # bytes of one reply line; a longer line is refused


def _read_stdout(stream, lines):
    """Queue every line the port writes (at most MAX_LINE characters: a longer one is
    replaced by a marker, ``_TOO_LONG``); None marks the end of its stdout."""
    while True:
        line = stream.readline(MAX_LINE + 1)
        if not line:
            break
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # drop the rest of the long line
                line = stream.readline(MAX_LINE)
            lines.put(_TOO_LONG)
            continue
        lines.put(line.rstrip("\n"))
    lines.put(None)


_TOO_LONG = object()


def _read_stderr(stream, tail):
    """Keep the last lines of the port's stderr (a bounded deque) for error messages."""
    for line in stream:
        tail.append(line.rstrip("\n"))



class ProcessImplementation:
    """An implementation running in another process, speaking the JSON-lines protocol.

    ``impl(X, y, l1, l2)`` returns the coefficients as a list of floats;
    ``impl.solve_exact(problem)`` returns them as exact Fractions (a port may
    reply "p/q" strings); ``impl.reject(problem)`` sends a problem that must
    be refused and returns the port's error message.  ``name``, ``version``
    and ``capabilities`` come from the optional ``{"capabilities": true}``
    request, sent on first use of any of them.
    """

    def __init__(self, command: str, timeout: float = 30.0):
        self.command = command
        self.argv = shlex.split(command)
        if not self.argv:
            raise ImplementationError("empty --impl-cmd command")
        self.timeout = float(timeout)
        self.restarts = 0
        self._process = None
        self._lines = None
        self._stderr = collections.deque(maxlen=40)
        self._described = None
        self._requests = 0

    # ------------------------------------------------------------------ identity

    def _describe(self):
        if self._described is None:
            reply = self._exchange(DESCRIBE)
            if "error" in reply:
                reply = {}
            self._described = {
                "name": str(reply.get("name", self.command)),
                "version": str(reply.get("version", "unknown")),
                "capabilities": reply.get("capabilities", {}),
                "relative_gap": reply.get("relative_gap", 0),
                "reasons": reply.get("reasons", {}),
            }
        return self._described

    @property
    def name(self) -> str:
        """The port's own name (its command when it does not say)."""
        return self._describe()["name"]

    @property
    def version(self) -> str:
        """The port's version string ("unknown" when it does not say)."""
        return self._describe()["version"]

    @property
    def capabilities(self) -> dict:
        """The declared capabilities, name -> bool (empty when it declares nothing)."""
        return dict(self._describe()["capabilities"])

    @property
    def relative_gap(self) -> float:
        """The accuracy promise: F(w) − F* ≤ relative_gap · ½‖y‖² (0: exact answers)."""
        return self._describe()["relative_gap"]

    @property
    def reasons(self) -> dict:
        """Why the port declines what it declines, capability name -> text."""
        return dict(self._describe()["reasons"])

    def __repr__(self):
        return f"ProcessImplementation({self.command!r}, timeout={self.timeout})"

    # ------------------------------------------------------------------ requests

    def __call__(self, X, y, l1, l2=0.0, **options):
        """Solve one problem; the p coefficients as floats, with the intercept (w, b) when
        ``fit_intercept`` is among the options."""
        problem = encode_problem(X, y, l1, l2, **options)
        w, b = self.answer_exact(problem)
        try:
            if options.get("fit_intercept"):
                return [float(v) for v in w], float(b)
            return [float(v) for v in w]
        except OverflowError:
            j = next(j for j, v in enumerate(w) if abs(v) > _FLOAT_MAX)
            digits = len(str(Decimal(abs(w[j].numerator) // w[j].denominator)))
            self._fail(problem, f"w[{j}] has {digits} digits: beyond the float64 range the gate "
                       "judges", restart=False)

    def solve_exact(self, problem):
        """Send one problem object; its coefficients as exact Fractions (see answer_exact)."""
        return self.answer_exact(problem)[0]

    def answer_exact(self, problem):
        """Send one problem object; (w, b): the coefficients and the reply's ``"intercept"``
        as exact Fractions (b is None when the reply has none).

        Raises ImplementationError on an ``{"error": ...}`` reply, a wrong number of
        coefficients, a missing intercept on a fit_intercept problem, or anything else that
        breaks the protocol.
        """
        reply = self._exchange(problem)
        if "error" in reply:
            self._fail(problem, f"it rejected the problem: {reply['error']}", restart=False,
                       triage="wrong: the port rejected a valid problem")
        w, intercept = reply["w"], reply.get("intercept")
        if isinstance(problem, dict) and problem.get("fit_intercept") and intercept is None:
            self._fail(problem, "it returned no 'intercept' although the problem has "
                       "fit_intercept = true", restart=False,
                       triage="wrong: no intercept returned with fit_intercept")
        p = self._expected_length(problem)
        if p is not None and len(w) != p:
            self._fail(problem, f"it returned {len(w)} coefficients, expected p = {p}",
                       restart=False, triage=f"wrong: returned {len(w)} coefficients, not {p}")
        return w, intercept

    def reject(self, problem) -> str:
        """Send a problem the port must refuse; its error message.

        Raises ImplementationError if the port answers with coefficients.
        """
        reply = self._exchange(problem)
        if "error" not in reply:
            answer = ", ".join(str(v) for v in reply["w"])[:200]
            self._fail(problem, f"it accepted an invalid problem and answered w = [{answer}]; "
                       'it must reply {"error": ...}', restart=False)
        return reply["error"]

    @staticmethod
    def _expected_length(problem):
        if isinstance(problem, dict) and isinstance(problem.get("X"), list) and problem["X"]:
            first = problem["X"][0]
            return len(first) if isinstance(first, list) else None
        return None

    # ------------------------------------------------------------------ process

    def _start(self):
        try:
            self._process = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",  # invalid UTF-8: a malformed reply, not a dead reader
                bufsize=1,
            )
        except OSError as error:
            raise ImplementationError(
                f"cannot start the implementation command {self.command!r}: {error}"
            ) from None
        self._lines = queue.Queue()
        self._stderr.clear()
        threading.Thread(
            target=_read_stdout, args=(self._process.stdout, self._lines), daemon=True
        ).start()
        self._stderr_reader = threading.Thread(
            target=_read_stderr, args=(self._process.stderr, self._stderr), daemon=True
        )
        self._stderr_reader.start()

    def _exchange(self, problem):
        """Write one line, read one line back; the reply, checked for shape."""
        if self._process is None or self._process.poll() is not None:
            if self._process is not None:
                self.restarts += 1
            self._start()
        if not self._lines.empty():
            extra = self._lines.get_nowait()
            self._fail(problem, "it wrote a line nobody asked for (one request, more than one "
                       f"reply line?) before this problem was sent: {str(extra)[:200]!r}")
        self._requests += 1
        try:
            self._process.stdin.write(json.dumps(problem) + "\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._fail(problem, "it exited before reading the problem (broken pipe)",
                       triage="wrong: the implementation's process exited without answering")
        try:
            line = self._lines.get(timeout=self.timeout)
        except queue.Empty:
            self._fail(problem, f"no reply within {self.timeout:g} s (hang, or missing flush?)",
                       triage=f"timed out after {self.timeout:g} s")
        if line is None:
            try:
                code = self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = "still running, stdout closed"
            self._fail(problem, f"it exited (status {code}) without replying",
                       triage=f"wrong: the implementation's process exited (status {code}) "
                       "without answering")
        if line is _TOO_LONG:
            self._fail(problem, f"malformed reply: a line of more than {MAX_LINE} characters")
        try:
            reply = loads(line)
        except ProblemError as error:
            self._fail(problem, f"malformed reply (not JSON within the bounds: {error}): "
                       f"{line[:200]!r}")
        return self._checked(problem, reply, line)

    def _checked(self, problem, reply, line):
        if problem == DESCRIBE and isinstance(reply, dict) and "error" not in reply:
            return self._checked_description(reply, line)
        if not isinstance(reply, dict) or not (set(reply) - {"info", "intercept"}) <= {
            "w", "error"} or (("w" in reply) == ("error" in reply)):
            self._fail(problem, "malformed reply: expected an object with exactly one of "
                       f"'w' or 'error' (and optionally 'intercept', 'info'), got {line[:200]!r}")
        if "error" in reply:
            if not isinstance(reply["error"], str):
                self._fail(problem, f"malformed reply: 'error' must be a string: {line[:200]!r}")
            return reply
        w = reply["w"]
        if not isinstance(w, list):
            self._fail(problem, f"malformed reply: 'w' must be a list of finite numbers, each "
                       f"{_NUMBER_STRING}: {line[:200]!r}")
        try:
            checked = {"w": [_parse_coefficient(v, j) for j, v in enumerate(w)]}
            if "intercept" in reply:
                checked["intercept"] = _parse_coefficient(reply["intercept"], None)
            return checked
        except ProblemError as error:
            self._fail(problem, f"malformed reply: 'w' must be a list of finite numbers, each "
                       f"{_NUMBER_STRING}; {error}: {line[:200]!r}")

    def _checked_description(self, reply, line):
        shapes = {
            "name": lambda v: isinstance(v, str),
            "version": lambda v: isinstance(v, str),
            "capabilities": lambda v: isinstance(v, dict)
            and all(isinstance(b, bool) for b in v.values()),
            "relative_gap": lambda v: ((isinstance(v, float) and math.isfinite(v))
                                       or (type(v) is int and v.bit_length() < 1024)) and v >= 0,
            "reasons": lambda v: isinstance(v, dict)
            and all(isinstance(t, str) for t in v.values()),
            "info": lambda v: True,
        }
        wrong = [k for k, v in reply.items() if k not in shapes or not shapes[k](v)]
        if wrong:
            self._fail(DESCRIBE, f"malformed reply to the capabilities request (bad or unknown "
                       f"keys {wrong}; expected name, version: strings; capabilities: "
                       f"name -> bool; relative_gap: a number >= 0; reasons: name -> string): "
                       f"{line[:300]!r}")
        return reply

    def _fail(self, problem, what, restart=True, triage=MALFORMED):
        """Raise ImplementationError naming the command, the problem and the stderr tail."""
        if restart:
            self._kill()
        if self._process is not None and self._process.poll() is not None:
            self._stderr_reader.join(timeout=2)  # the whole of a dead port's stderr
        tail = "\n".join(self._stderr)
        message = f"implementation {self.command!r}: {what}\n  problem: "
        message += _describe_problem(problem)
        if tail:
            message += "\n  stderr (last lines):\n    " + tail.replace("\n", "\n    ")
        raise ImplementationError(message, triage)

    def _kill(self):
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    # ------------------------------------------------------------------ lifetime

    def close(self):
        """Close stdin and wait for the port to exit; kill it if it does not within the timeout.

        Raises ImplementationError when it wrote lines nobody asked for.
        """
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        leftover = []
        while True:
            try:
                line = self._lines.get(timeout=1)
            except queue.Empty:
                break
            if line is None:
                break
            leftover.append(line)
        if leftover:
            raise ImplementationError(
                f"implementation {self.command!r} wrote {len(leftover)} line(s) nobody asked "
                f"for, the first: {str(leftover[0])[:200]!r}"
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
