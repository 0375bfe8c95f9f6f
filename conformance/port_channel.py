"""The channel to a port: its process, one request line out, one checked reply line back.

``PortChannel(command, timeout)`` starts the command on first use (``shlex.split``, no
shell) and reuses it for every request: ``_exchange`` writes one JSON line and reads one
line back, and checks its shape (exactly one of ``"w"`` and ``"error"``, or the port's
self-description).  Every way a port can misbehave here — crash, hang, a malformed line, a
line nobody asked for — raises an ``ImplementationError`` (``_fail``) that names the
command, the problem and the tail of the port's stderr, with a one-line ``triage`` label
for the verdict (e.g. "timed out after 60 s"); after such a failure the process is killed
and the next request starts a fresh one.  The client of the protocol,
``process_impl.ProcessImplementation``, is built on it.

Bounds on what the channel reads, so that no reply can hang or crash it: a reply
line is at most ``MAX_LINE`` bytes; JSON is parsed by ``reference.problem.loads``
(integers of at most ``MAX_DIGITS = 10 000`` digits, read exactly whatever
``sys.get_int_max_str_digits()``; nesting beyond Python's recursion limit is
refused); a "p/q" or decimal string by ``reference.parse_number`` (at most 10 000
digits, ``|exponent| ≤ 10 000``: ``"1e999999999"`` is refused at once instead of
computing 10⁹⁹⁹⁹⁹⁹⁹⁹⁹); and a JSON number beyond float64 (``1e999999999``) is
infinite and refused.  Each is an ImplementationError that says which bound was
exceeded.  Each request has a timeout (``timeout``, ``--impl-timeout``).
"""


from __future__ import annotations

import collections
import json
import math
import queue
import shlex
import subprocess
import threading

from lasso_spec.reference import ProblemError
from lasso_spec.reference.problem import loads

from .protocol import (
    DESCRIBE,
    MALFORMED,
    NUMBER_STRING,
    ImplementationError,
    describe_problem,
    parse_coefficient,
)

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


class PortChannel:
    """A port's process, spoken to one line at a time (the module docstring).

    ``restarts`` counts the fresh processes started after the first; ``close()`` (or the
    end of a ``with`` block) ends the process.
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
        self._requests = 0

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
                       f"{NUMBER_STRING}: {line[:200]!r}")
        try:
            checked = {"w": [parse_coefficient(v, j) for j, v in enumerate(w)]}
            if "intercept" in reply:
                checked["intercept"] = parse_coefficient(reply["intercept"], None)
            return checked
        except ProblemError as error:
            self._fail(problem, f"malformed reply: 'w' must be a list of finite numbers, each "
                       f"{NUMBER_STRING}; {error}: {line[:200]!r}")

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
        message += describe_problem(problem)
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
