"""Progress lines (conformance/progress.py): silent for quick work, rate-limited, on a
clock the test drives (no wall-clock waiting)."""

import io
import threading

from lasso_spec.conformance.progress import Progress, heartbeat


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_is_silent_until_every_seconds_then_rate_limited():
    clock, out = Clock(), io.StringIO()
    progress = Progress("vectors", 10, out, every=3, clock=clock)
    clock.now = 2.9
    assert not progress.tick(1, "a")  # quick work says nothing
    clock.now = 3.0
    assert progress.tick(2, "b")
    clock.now = 5.0
    assert not progress.tick(3, "c")  # at most one line per 3 s
    clock.now = 6.5
    assert progress.tick(4)
    assert out.getvalue().splitlines() == ["vectors: 2/10 b (3 s)", "vectors: 4/10 (6 s)"]


class Signalling(io.StringIO):
    """A stream that says when it has been written to."""

    def __init__(self):
        super().__init__()
        self.written = threading.Event()

    def write(self, text):
        result = super().write(text)
        self.written.set()
        return result


def test_heartbeat_speaks_during_a_long_step_and_stops_after_it():
    out = Signalling()
    with heartbeat("certify", out, every=0.001, clock=lambda: 42.0):
        assert out.written.wait(60)  # the step lasts until the heartbeat has spoken
    after = out.getvalue()
    assert after.splitlines()[0] == "certify: still working (0 s)"
    out.written.clear()
    assert not out.written.wait(0.05)  # nothing more once the block has ended
    assert out.getvalue() == after


def test_heartbeat_is_silent_for_a_quick_step():
    out = io.StringIO()
    with heartbeat("certify", out, every=3600):
        pass
    assert out.getvalue() == ""
