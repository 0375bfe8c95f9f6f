"""Isolation: an in-process implementation runs in a worker process; the judge stays here.

``IsolatedSolver(spec, timeout)`` starts one long-lived worker (``python -m
lasso_spec.conformance.worker``, :mod:`worker`) that imports and loads the implementation
(a built-in name or ``MODULE:CALLABLE``, exactly as ``implementations.load``), and
then answers one problem per request.  The pytest process never imports the
implementation's module, so the implementation cannot reach the judge (monkeypatch
``verdict``, ``reference.certify``, ...): it only ever receives float64 arrays and
sends back its answer as data.

Protocol (JSON lines on the worker's original stdin / stdout; the worker moves its
own fd 0 to /dev/null and fd 1 onto its stderr first, so the solver's ``print``
cannot corrupt the channel, and the parent keeps the last lines of that stderr
for its messages)::

    → {"load": SPEC, "sys_path": [...]}     ← {"loaded": {"name", "version", "capabilities"}}
                                             or {"load_error": TEXT}
    → {"X": ARRAY, "y": ARRAY, "l1": L1, "l2": L2}   (ARRAY: {"shape", "nbytes"}; the
                                      line is followed by the little-endian float64 bytes
                                      of X, then of y; the non-default options, if any, as
                                      "options": {name: bool or list of doubles})
    ← {"returned": VALUE}  or  {"raised": {"type", "message", "traceback"}}

VALUE is what the solver returned, type and all (``wire.encode``), so that the verdict
is the same as in-process; ``wire.decode`` rebuilds it here from plain data only (no
pickle: unpickling the worker's bytes would run its code in the judge).

Every way the worker can fail to answer becomes a :class:`IsolationError` with a
``triage`` label: the process exited (its status; a signal by name), it exceeded the
per-problem timeout (then it is killed), or its reply is malformed.  The next request
starts a fresh worker, so later problems still run.
"""

from __future__ import annotations

import collections
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time

from .wire import decode

#: The default per-problem timeout of an isolated implementation, in seconds.
DEFAULT_TIMEOUT = 60.0
#: Starting the worker and importing the implementation may take this long (seconds), or
#: the per-problem timeout if that is longer: importing a library can be slow.
LOAD_TIMEOUT = 120.0
#: A reply line longer than this (bytes) is refused as malformed.
MAX_REPLY_BYTES = 64 * 2**20


class IsolationError(Exception):
    """The worker did not answer: ``triage`` is the one-line label for the verdict."""

    def __init__(self, triage, message):
        super().__init__(message)
        self.triage = triage


class ImplementationRaised(Exception):
    """The implementation raised ``type_name`` inside the worker."""

    def __init__(self, type_name, message, trace):
        super().__init__(message)
        self.type_name, self.trace = type_name, trace
        self.triage = "wrong: raised an exception"


# ----------------------------------------------------------------------------- the judge's side


class IsolatedSolver:
    """The implementation ``spec`` in a worker process; ``solver(X, y, l1, l2)`` answers."""

    def __init__(self, spec, timeout=DEFAULT_TIMEOUT, extra_path=()):
        self.spec, self.timeout = spec, float(timeout)
        self.extra_path = tuple(extra_path)  # appended to the worker's sys.path, not to ours
        self.restarts, self.described = -1, None
        self._process = None
        self._stderr = collections.deque(maxlen=40)
        self._start()  # a load failure is raised here, as a LoadError

    def _start(self):
        from .implementations import LoadError

        self._stderr.clear()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "lasso_spec.conformance.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self._buffer = b""
        self._reader = threading.Thread(target=_keep_tail, daemon=True,
                                        args=(self._process.stderr, self._stderr))
        self._reader.start()
        self.restarts += 1
        try:
            path = [*sys.path, *(p for p in self.extra_path if p not in sys.path)]
            reply = self._exchange({"load": self.spec, "sys_path": path}, "loading it",
                                   timeout=max(self.timeout, LOAD_TIMEOUT))
        except IsolationError as error:
            raise LoadError(f"--impl {self.spec!r}: the worker process failed: {error}") from None
        if "load_error" in reply:
            self._kill()
            raise LoadError(str(reply["load_error"]))
        described = reply.get("loaded")
        if self.described is None:
            self.described = described
        elif described != self.described:
            self._kill()
            raise IsolationError("wrong: the implementation changed on restart",
                                 f"restarted, it describes itself as {described}, "
                                 f"not {self.described}")

    def __call__(self, X, y, l1, l2, **options):
        from .implementations import LoadError

        if self._process is None:
            try:
                self._start()
            except LoadError as error:
                raise IsolationError("wrong: the implementation could not be loaded again after "
                                     "its worker died", str(error)) from None
        (x_header, x_bytes), (y_header, y_bytes) = _frame(X), _frame(y)
        request = {"X": x_header, "y": y_header, "l1": float(l1), "l2": float(l2)}
        if options:  # bools, and float64 arrays sent as lists of doubles (JSON: exact)
            request["options"] = {k: v if isinstance(v, bool) else [float(a) for a in v]
                                  for k, v in options.items()}
        reply = self._exchange(request, "answering", x_bytes + y_bytes)
        if "raised" in reply:
            raised = reply["raised"]
            raise ImplementationRaised(str(raised.get("type")), str(raised.get("message")),
                                       str(raised.get("traceback", "")))
        if "returned" not in reply:
            self._fail("wrong: the implementation's process sent a malformed reply",
                       f"its reply has neither 'returned' nor 'raised': {sorted(reply)}")
        try:
            return decode(reply["returned"])
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            self._fail("wrong: the implementation's process sent a malformed reply",
                       f"its answer cannot be decoded: {type(error).__name__}: {error}")

    def _exchange(self, request, doing, payload=b"", timeout=None):
        try:
            self._process.stdin.write(json.dumps(request).encode() + b"\n" + payload)
            self._process.stdin.flush()
        except OSError:
            self._died(doing)
        line = self._read_line(doing, self.timeout if timeout is None else timeout)
        try:
            reply = json.loads(line)
        except (ValueError, RecursionError) as error:
            self._fail("wrong: the implementation's process sent a malformed reply",
                       f"not JSON ({type(error).__name__}): {line[:200]!r}")
        if not isinstance(reply, dict):
            self._fail("wrong: the implementation's process sent a malformed reply",
                       f"not an object: {line[:200]!r}")
        return reply

    def _read_line(self, doing, timeout):
        """One reply line within the timeout (selectors on the pipe; no thread per call)."""
        fd = self._process.stdout.fileno()
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    self._fail(f"timed out after {timeout:g} s",
                               f"no answer within {timeout:g} s while {doing} "
                               "(a hang or a very slow solver; --impl-timeout sets the limit); "
                               "the worker was killed and restarts for the next problem")
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    self._died(doing)
                self._buffer += chunk
                if len(self._buffer) > MAX_REPLY_BYTES:
                    self._fail("wrong: the implementation's process sent a malformed reply",
                               f"a reply of more than {MAX_REPLY_BYTES} bytes")
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode("utf-8", "replace")

    def _died(self, doing):
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            what = "closed its output but did not exit"
        elif code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else "?"
            what = f"was killed by signal {-code} ({name})"
        else:
            what = f"exited with status {code}"
        self._fail(f"wrong: the implementation's process {what} without answering",
                   f"the implementation's process {what} while {doing}; "
                   "a fresh worker starts for the next problem")

    def _fail(self, triage, what):
        stderr = self._process.stderr if self._process is not None else None
        self._kill()
        self._close_stderr(stderr, seconds=2)  # after reading the whole of a dead one's stderr
        message = f"{what}"
        if self._stderr:
            message += "\n  worker stderr (last lines):\n    " + "\n    ".join(self._stderr)
        raise IsolationError(triage, message)

    def _kill(self):
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                try:
                    stream.close()
                except OSError:
                    pass

    def close(self):
        """Close the worker's stdin; it exits at EOF (killed if it does not within 5 s)."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        process.stdout.close()
        self._close_stderr(process.stderr, seconds=5)

    def _close_stderr(self, stream, seconds):
        """Close a gone worker's stderr once the reader thread has read it to its end (the
        worker is gone, so the stream ends, and so does the reader: within ``seconds``)."""
        self._reader.join(timeout=seconds)
        if stream is not None and not self._reader.is_alive():
            stream.close()


def _frame(array):
    """A float64 array's header {"shape", "nbytes"} and its little-endian bytes (exact, and
    far cheaper than JSON numbers for the scale tier's 1000 × 500 designs)."""
    import numpy as np

    data = np.ascontiguousarray(array, dtype="<f8")
    return {"shape": list(data.shape), "nbytes": data.nbytes}, data.tobytes()


def _keep_tail(stream, tail):
    for line in stream:
        tail.append(line.decode("utf-8", "replace").rstrip("\n"))
