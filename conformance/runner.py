"""Run one implementation on one problem and turn the verdict into a test outcome."""

from __future__ import annotations

import traceback

import numpy as np
import pytest

from .isolation import ImplementationRaised, IsolationError
from .process_impl import ImplementationError
from .received import as_received, float_data, float_options
from .report import update
from .verdict import judge


class SuiteError(Exception):
    """An exception inside the judge: reported as an internal error (exit status 3)."""


class Runner:
    """Calls the implementation on float64 data and fails the test with a full account."""

    def __init__(self, implementation, stats, gap_rtol):
        self.implementation = implementation
        self.stats = stats
        self.gap_rtol = gap_rtol

    def verdict(self, problem):
        """The verdict on the implementation's answer to ``problem`` (an exact Problem)."""
        received = as_received(problem)
        X, y, l1, l2 = float_data(received)
        options = float_options(received)
        self._skip_unsupported(options)
        try:
            returned = self.implementation(X.copy(), y.copy(), l1, l2, **options)
        except Exception as error:  # the implementation's failure is a check failure
            triage, message = self._failure(error)
            self.stats["problems"] += 1
            self.stats["failures"] += 1
            message += f"\n  on {problem!r}"
            self.stats["failure"] = {"triage": triage, "message": message,
                                     "problem": problem.to_json()}
            pytest.fail(message, pytrace=False)
        returned = returned if not isinstance(returned, np.ndarray) else returned.copy()
        try:
            return judge(
                received,
                returned,
                exact_zeros=self.implementation.supports("exact_zeros"),
                gap_rtol=self.gap_rtol,
                shown=problem,
            )
        except Exception as error:  # the suite's own failure: never a verdict on the solver
            trace = traceback.format_exc()
            message = (
                f"internal error of the suite, not a verdict on "
                f"{self.implementation.describe()}: {type(error).__name__}: {error}\n"
                f"  please report it with this problem and traceback:\n  {problem!r}\n{trace}"
            )
            self.stats["internal_error"] = f"{type(error).__name__}: {error}"
            self.stats["failure"] = {"triage": "internal error of the suite", "message": message,
                                     "problem": problem.to_json()}
            raise SuiteError(message) from error

    def _skip_unsupported(self, options):
        """Skip (with the reason) a problem whose options the implementation does not declare."""
        from .implementations import CAPABILITY_MEANING

        missing = [key for key in options if not self.implementation.supports(key)]
        if missing:
            reason = (f"{self.implementation.name} declares no support for "
                      + ", ".join(CAPABILITY_MEANING[key] for key in missing))
            self.stats["skip_reason"] = reason
            pytest.skip(reason)

    def _failure(self, error):
        """(triage, message) for an implementation that did not answer.

        An isolated implementation's exception arrives as ImplementationRaised (its type
        name and traceback from the worker); a worker or port that crashed, hung or broke
        its protocol carries its own ``triage`` label (IsolationError, ImplementationError).
        """
        name = self.implementation.describe()
        if isinstance(error, ImplementationRaised):
            trace = error.trace.rstrip().splitlines()[-8:]
            message = f"{name} raised {error.type_name}: {error}"
            if trace:
                message += "\n  traceback (in its worker process, last lines):\n    "
                message += "\n    ".join(trace)
            return error.triage, message
        triage = getattr(error, "triage", None)
        if isinstance(triage, str) and isinstance(error, (IsolationError, ImplementationError)):
            return triage, f"{name}: {triage}\n  {error}"
        return "wrong: raised an exception", f"{name} raised {type(error).__name__}: {error}"

    def check(self, problem):
        """Judge the answer to ``problem``; record it; fail with the account if it fails."""
        verdict = self.verdict(problem)
        description = verdict.describe(self.implementation.describe())
        update(self.stats, verdict, description)
        if not verdict.passed:
            pytest.fail(description, pytrace=False)
        return verdict
