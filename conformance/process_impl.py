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

The process, the exchange of lines and the bounds on what a reply may hold are the
channel's (:mod:`port_channel`).  This module adds what the port is (its name, version
and capabilities, asked once) and what it is asked: problems, answered as floats or
exactly, and invalid problems it must refuse.  For the float64 answer the gate judges, a
coefficient beyond the float64 range is refused as well.
"""


from __future__ import annotations

from decimal import Decimal

from .port_channel import PortChannel
from .protocol import DESCRIBE, FLOAT_MAX, ImplementationError, encode_problem

__all__ = ["DESCRIBE", "ImplementationError", "ProcessImplementation", "encode_problem"]


class ProcessImplementation(PortChannel):
    """An implementation running in another process, speaking the JSON-lines protocol.

    ``impl(X, y, l1, l2)`` returns the coefficients as a list of floats;
    ``impl.solve_exact(problem)`` returns them as exact Fractions (a port may
    reply "p/q" strings); ``impl.reject(problem)`` sends a problem that must
    be refused and returns the port's error message.  ``name``, ``version``
    and ``capabilities`` come from the optional ``{"capabilities": true}``
    request, sent on first use of any of them.
    """

    def __init__(self, command: str, timeout: float = 30.0):
        super().__init__(command, timeout)
        self._described = None

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
            j = next(j for j, v in enumerate(w) if abs(v) > FLOAT_MAX)
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
