"""The gate inside a solver's own test suite, or from plain Python.

In the solver's repository, a few lines make every conformance check one of its own
pytest tests (in the spirit of scikit-learn's ``parametrize_with_checks``), with its
expected failures listed in its own repository::

    # tests/test_lasso_spec.py
    from lasso_spec.conformance.api import parametrize_checks
    from mysolver import solve                      # solve(X, y, l1, l2) -> w

    @parametrize_checks(solve, xfails={"edge/least-squares*": "no λ = 0 support yet"})
    def test_lasso_spec(check):
        check()

The solver runs in a worker process (a crash, a hang or an ``os._exit`` is a failed check,
and it cannot reach the judge), as with ``lasso-spec verify``; ``isolated=False`` calls it
in the test process for debugging. No plugin and no option is needed: each ``check`` is a
callable that runs one conformance check (the worked example, an edge case, a family of
hypothesis-generated problems, or of metamorphic pairs of problems) and fails with the
gate's full account (the pasteable problem, the triage, every certificate) when the
solver's answer is wrong. The hypothesis profile is the suite's own
(``settings.default``); a fifth of its ``max_examples`` per generated check (for a
metamorphic check, that many pairs).

Without pytest::

    from lasso_spec.conformance.api import run_checks
    results = run_checks(solve)                    # list[CheckResult]
    assert all(r.result in ("pass", "skip", "xfail") for r in results)
"""

from __future__ import annotations

import fnmatch
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, given, settings
from hypothesis import strategies as st

from . import scale
from .cases import CASES, kind
from .catalogue import CHECK_IDS, GENERATED
from .expected_failures import read_xfails
from .profiles import fixed_draws, phases
from .received import as_received, exact_solution
from .report import new_stats
from .tolerance import GAP_RTOL

__all__ = ["CheckResult", "ConformanceCheck", "checks", "parametrize_checks", "run_checks"]


def _implementation(impl, isolated=True, timeout=None):
    """An Implementation from a callable, a spec string (built-in or MODULE:CALLABLE) or one.

    Isolated (the default, as for ``lasso-spec verify``): a name, or a callable that its
    module exports under its qualified name, runs in a worker process with a per-problem
    timeout, out of the judge's reach.  A callable that cannot be imported by name (a
    lambda, a local function, ``__main__``) runs in this process, with a warning saying so.
    """
    from .implementations import Implementation, load, wrap_callable

    if isinstance(impl, Implementation):
        return impl
    if isinstance(impl, str):
        return load(impl, isolated=isolated, timeout=timeout)
    if not callable(impl):
        raise TypeError(f"impl must be a callable solve(X, y, l1, l2) or a name, got {impl!r}")
    module = sys.modules.get(getattr(impl, "__module__", None) or "")
    name = getattr(impl, "__qualname__", None) or repr(impl)
    spec = f"{module.__name__}:{name}" if module else name
    if isolated and _exported(impl, module, name):
        return load(spec, isolated=True, timeout=timeout, extra_path=_import_root(module))
    if isolated:
        warnings.warn(f"{spec} runs in the judge's process (no timeout, no isolation): it is not "
                      "importable as MODULE:CALLABLE; define it at module level to isolate it",
                      stacklevel=3)
    return wrap_callable(impl, module, spec=spec)


def _import_root(module):
    """The directory ``module`` was imported from, for the worker's sys.path: () if unknown."""
    origin = getattr(module, "__file__", None)
    if origin is None:
        return ()
    depth = module.__name__.count(".") + (1 if hasattr(module, "__path__") else 0)
    return (str(Path(origin).resolve().parents[depth]),)


def _exported(impl, module, qualname):
    """Is ``impl`` what ``module`` exports under ``qualname`` (so a worker can import it)?"""
    if module is None or module.__name__ == "__main__" or "<" in qualname:
        return False
    target = module
    for part in qualname.split("."):
        target = getattr(target, part, None)
    return target is impl


@dataclass
class ConformanceCheck:
    """One conformance check of one implementation; calling it runs it (pytest semantics:
    it fails with ``pytest.fail`` and skips with ``pytest.skip``)."""

    id: str
    kind: str
    implementation: object
    gap_rtol: float = GAP_RTOL
    case: object = None  # a cases.Case, or None for a generated check
    family: str | None = None
    design: object = None  # a scale.Design for a scale-tier check
    stats: dict = field(default_factory=dict)
    quiet: bool = False
    profile: str | None = None  # a hypothesis profile name; None: settings.default

    def __repr__(self):
        return f"<conformance check {self.id} of {self.implementation.name}>"

    def __call__(self):
        from .metamorphic import PairRunner as Runner  # a Runner that also judges pairs

        self.stats = new_stats(self.id)
        impl = self.implementation
        if not impl.supports(self.kind):
            from .implementations import CAPABILITY_MEANING

            reason = f"{impl.name} declares no support for {CAPABILITY_MEANING[self.kind]}"
            self.stats["skip_reason"] = reason
            pytest.skip(reason)
        runner = Runner(impl, self.stats, self.gap_rtol)
        if self.case is not None:
            if self.case.closed_form is not None:
                assert exact_solution(as_received(self.case.problem)).w == self.case.closed_form
            runner.check(self.case.problem)
            return
        if self.design is not None:
            for _label, problem in scale.problems(self.design):
                runner.check(problem)
            return
        from .metamorphic import problems  # strategies.problems, or a metamorphic pair

        parent = settings.get_profile(self.profile) if self.profile else settings.default
        options = {"verbosity": Verbosity.quiet} if self.quiet else {}

        @settings(parent, max_examples=max(10, parent.max_examples // 5), phases=phases(),
                  suppress_health_check=[*parent.suppress_health_check, HealthCheck.too_slow,
                                         HealthCheck.data_too_large], deadline=None, **options)
        @given(data=st.data())
        def generated(data):
            runner.check(data.draw(problems(self.kind, self.family), label="problem"))

        with fixed_draws():  # the same problems, whatever else this process imported
            generated()


def checks(impl, *, gap_rtol=GAP_RTOL, select=None, scale_tier="default", isolated=True,
           timeout=None):
    """Every conformance check of ``impl`` (callable, name or Implementation), in order.

    ``select``: a glob or a list of globs of check IDs (e.g. ``"edge/*"``); default all.
    ``scale_tier``: the scale tier (``off``, ``default``, ``large``; see ``scale.py``).
    ``isolated``: run the implementation in a worker process (``_implementation``), with
    ``timeout`` seconds per problem (default 60); False calls it here (debugging).
    """
    implementation = _implementation(impl, isolated, timeout)
    patterns = [select] if isinstance(select, str) else list(select or ["*"])
    result = [ConformanceCheck(case.id, kind(case.problem), implementation, gap_rtol, case=case)
              for case in CASES]
    result += [ConformanceCheck(check_id, problem_kind, implementation, gap_rtol, family=family)
               for check_id, problem_kind, family in GENERATED]
    result += [ConformanceCheck(d.id, scale.kind(d), implementation, gap_rtol, design=d)
               for d in scale.designs(scale_tier)]
    return [c for c in result if any(fnmatch.fnmatchcase(c.id, p) for p in patterns)]


def _xfails(xfails):
    """{pattern: reason} from a dict, or from an xfails file (str or Path)."""
    if xfails is None:
        return {}
    if isinstance(xfails, (str, Path)):
        return read_xfails(xfails)
    entries = dict(xfails)
    for pattern, reason in entries.items():
        if not str(reason).strip():
            raise ValueError(f"the expected failure {pattern!r} needs a reason")
        if not fnmatch.filter(CHECK_IDS, pattern):
            raise ValueError(f"the expected failure {pattern!r} matches no check "
                             f"(checks are e.g. {CHECK_IDS[0]}, {CHECK_IDS[-1]})")
    return entries


def _reason(check_id, xfails):
    return next((r for p, r in xfails.items() if fnmatch.fnmatchcase(check_id, p)), None)


def parametrize_checks(impl, *, xfails=None, gap_rtol=GAP_RTOL, select=None, argname="check",
                       scale_tier="default", isolated=True, timeout=None):
    """``pytest.mark.parametrize`` over every conformance check of ``impl``.

    ``xfails``: {check ID or glob: reason} or the path of an xfails file; those checks
    are strict expected failures (an unexpected pass fails, so a fixed bug is noticed).
    """
    entries = _xfails(xfails)
    params = []
    for check in checks(impl, gap_rtol=gap_rtol, select=select, scale_tier=scale_tier,
                        isolated=isolated, timeout=timeout):
        reason = _reason(check.id, entries)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(check, id=check.id, marks=marks))
    return pytest.mark.parametrize(argname, params)


@dataclass
class CheckResult:
    """The outcome of one check: result is pass, fail, skip, xfail, xpass or error."""

    check: str
    kind: str
    result: str
    problems: int
    failures: int
    worst_gap_rel: float
    worst_kkt_rel: float
    triage: str | None = None
    message: str = ""  # the full account of the failure, or the skip reason, or a traceback
    stats: dict = field(default_factory=dict)

    @property
    def ok(self):
        """Not a failure: pass, skip or an expected failure."""
        return self.result in ("pass", "skip", "xfail")


def run_checks(impl, *, xfails=None, gap_rtol=GAP_RTOL, select=None, profile=None,
               scale_tier="default", isolated=True, timeout=None):
    """Run every conformance check of ``impl`` without pytest; one CheckResult each.

    ``profile``: a hypothesis profile of the suite (dev, ci, thorough); default the current
    one.  An exception that is not a verdict (an error inside the suite) is result
    ``error`` with its traceback, never a verdict on the implementation.
    """
    from . import profiles

    entries = _xfails(xfails)
    if profile is not None:
        profiles.choose(profile, {})  # validates the name
    results = []
    for check in checks(impl, gap_rtol=gap_rtol, select=select, scale_tier=scale_tier,
                        isolated=isolated, timeout=timeout):
        check.quiet, check.profile = True, profile
        outcome, message = _run_one(check)
        expected = _reason(check.id, entries)
        if expected and outcome == "fail":
            outcome, message = "xfail", f"expected failure: {expected}\n{message}"
        elif expected and outcome == "pass":
            outcome = "xpass"
        stats = check.stats
        failure = stats.get("failure") or {}
        results.append(CheckResult(check.id, check.kind, outcome, stats.get("problems", 0),
                                   stats.get("failures", 0), stats.get("worst_gap_rel", 0.0),
                                   stats.get("worst_kkt_rel", 0.0), failure.get("triage"),
                                   message, stats))
    return results


def _run_one(check):
    try:
        check()
    except pytest.skip.Exception as skip:
        return "skip", str(skip.msg)
    except pytest.fail.Exception as failure:
        return "fail", str(failure.msg)
    except Exception:  # not a verdict: an error inside the suite, said as such
        return "error", traceback.format_exc()
    return "pass", ""
