"""Progress on anything that takes longer than a few seconds, on stderr.

Two forms, both silent for work that finishes quickly:

* :class:`Progress` — a loop over known items: ``tick(k, label)`` prints
  ``what: k/N label (t s)`` at most once every ``every`` seconds, the first time only
  after ``every`` seconds have passed.
* :func:`heartbeat` — one long step (an exact solve, a certificate): a daemon thread
  prints ``what: still working (t s)`` every ``every`` seconds until the block ends.

The clock is a parameter, so the tests drive it without waiting on wall-clock time.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

#: Seconds of silence before the first progress line, and between lines.
EVERY = 3.0


class Progress:
    """``what: k/total label (t s)`` lines for a loop, rate-limited to one per ``every`` s."""

    def __init__(self, what, total, stream=None, every=EVERY, clock=time.monotonic):
        self.what, self.total, self.every, self.clock = what, total, every, clock
        self.stream = stream if stream is not None else sys.stderr
        self.start = self.last = clock()

    def tick(self, done, label=""):
        now = self.clock()
        if now - self.last < self.every:
            return False
        self.last = now
        suffix = f" {label}" if label else ""
        print(f"{self.what}: {done}/{self.total}{suffix} ({now - self.start:.0f} s)",
              file=self.stream, flush=True)
        return True


@contextmanager
def heartbeat(what, stream=None, every=EVERY, clock=time.monotonic):
    """Print ``what: still working (t s)`` every ``every`` seconds while the block runs."""
    stream = stream if stream is not None else sys.stderr
    stop = threading.Event()
    start = clock()

    def beat():
        while not stop.wait(every):
            print(f"{what}: still working ({clock() - start:.0f} s)", file=stream, flush=True)

    thread = threading.Thread(target=beat, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
