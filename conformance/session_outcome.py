"""The end of a gate session: its exit status, the conformance summary, the reports.

Registered by the plugin (plugin.py, ``pytest_plugins``).  The exit status is pytest's,
except 3 when the suite itself failed inside a check (result ERROR: never a verdict on the
implementation) and 2 when a run that would be green executed fewer than ``--min-checks``
checks (``nothing_checked``).  The terminal summary prints the per-check table and writes
the JSON report (``--conformance-report``, by default ``default_report_path``), the KKT band
of every failing answer beside it, the Markdown summary (``--conformance-markdown`` and
``$GITHUB_STEP_SUMMARY``) and, for ``lasso-spec verify``, the run record that proves the
gate reached its summary (``--conformance-record``).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import settings

from .plugin import COLLECTOR_KEY, IMPL_KEY, PROFILE_KEY, VERSION_HINT, XFAILS_KEY
from .profiles import examples_per_check
from .report import write_kkt_bands


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """No green without checks: too few executed checks turn a green run into status 2."""
    config = session.config
    if hasattr(config, "workerinput"):
        return
    collector = config.stash.get(COLLECTOR_KEY, None)
    if collector is not None and any(e["result"] == "error" for e in collector.results.values()):
        session.exitstatus = 3  # an internal error of the suite outranks every verdict
        return
    reason = nothing_checked(config)
    if reason and session.exitstatus in (0, 5):
        session.exitstatus = 2
        config.stash[NOTHING_KEY] = reason


NOTHING_KEY = pytest.StashKey()


def nothing_checked(config):
    """Why this run checked too little to be a verdict, or None.

    Applies to every session that ran (or skipped) at least one conformance check: fewer
    than ``--min-checks`` of them executed, i.e. neither skipped nor deselected.
    """
    collector = config.stash.get(COLLECTOR_KEY, None)
    if collector is None or not collector.results:
        return None
    totals = collector.totals()
    executed = sum(totals.get(k, 0) for k in ("pass", "fail", "xfail", "xpass"))
    wanted = config.getoption("min_checks")
    if executed >= wanted:
        return None
    skipped = totals.get("skip", 0)
    return (f"nothing to call green: {executed} conformance check(s) executed, fewer than the "
            f"minimum {wanted} (--min-checks); {skipped} skipped: an implementation that "
            "declares no support for a problem kind is not checked on it")


def pytest_terminal_summary(terminalreporter, config):
    collector = config.stash.get(COLLECTOR_KEY, None)
    if collector is None or not collector.results or hasattr(config, "workerinput"):
        return
    impl = config.stash[IMPL_KEY]
    terminalreporter.section("conformance summary")
    width = max(120, getattr(getattr(terminalreporter, "_tw", None), "fullwidth", 0))
    for line in collector.table(f"implementation: {impl.describe()}", width=width):
        terminalreporter.write_line(line)
    for entry in collector.ordered():
        if entry["result"] == "error":
            terminalreporter.write_line(
                f"conformance: exit status 3: internal error of the suite in {entry['check']} "
                f"({entry['internal_error']}); no verdict on the implementation: please report "
                "it with the problem and traceback above or in the JSON report", red=True)
    reason = config.stash.get(NOTHING_KEY, None)
    if reason:
        terminalreporter.write_line(f"conformance: exit status 2: {reason}", red=True)
    if impl.version == "unknown":
        terminalreporter.write_line(f"conformance: {VERSION_HINT}")
    path = config.getoption("conformance_report") or default_report_path(impl.name)
    results = collector.ordered()
    bands = write_kkt_bands(results, path, config.getoption("gap_rtol"))
    meta = _meta(config, impl)
    collector.write_json(path, meta)
    terminalreporter.write_line(f"conformance report written to {path}")
    for band in bands:
        terminalreporter.write_line(f"KKT band of a failing answer drawn in {band}")
    markdown = collector.markdown(meta, verdict_line(collector, reason))
    targets = [config.getoption("conformance_markdown"), os.environ.get("GITHUB_STEP_SUMMARY")]
    for target, mode in zip(targets, ("w", "a"), strict=True):
        if target:
            with open(target, mode, encoding="utf-8") as stream:
                stream.write(markdown)
            terminalreporter.write_line(f"conformance Markdown summary written to {target}")
    _write_record(config, path, collector.totals(), reason)


def _write_record(config, path, totals, reason):
    """The run record lasso-spec verify reads: it proves the gate reached its summary."""
    record = config.getoption("conformance_record", None)
    if record:
        data = {"report": str(path), "totals": totals, "nothing_checked": reason}
        with open(record, "w", encoding="utf-8") as stream:
            json.dump(data, stream)


def default_report_path(name):
    """``conformance-report-<name>.json`` in the working directory, the name made a slug."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", str(name)).strip("-.") or "implementation"
    return f"conformance-report-{slug[:80]}.json"


def verdict_line(collector, reason=None):
    """The one-line verdict of a run (for the Markdown summary)."""
    totals = collector.totals()
    if reason:
        return f"NOT CHECKED: {reason}"
    if totals.get("fail") or totals.get("xpass"):
        return "FAIL"
    return "PASS"


def _meta(config, impl):
    return {
        "implementation": {
            "name": impl.name,
            "version": impl.version,
            "capabilities": impl.capabilities,
        },
        "hypothesis": {
            "profile": config.stash[PROFILE_KEY][0],
            "derandomize": settings.default.derandomize,
            "seed": config.getoption("hypothesis_seed", None),
            "examples_per_generated_check": examples_per_check(),
        },
        "gap_rtol": config.getoption("gap_rtol"),
        "xfails": config.stash.get(XFAILS_KEY, {}),
    }
