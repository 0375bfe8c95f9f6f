"""Each check's result as it finishes: into the session's Collector, and on the terminal.

Registered by the plugin (plugin.py, ``pytest_plugins``).  Every test report goes to the
session's Collector (report.py), which keeps the conformance checks' results; under
pytest-xdist that happens on the controller too, which receives every worker's reports.
With ``--conformance-progress`` each finished check gets one line instead of pytest's
progress letter, ``conformance [k/N] CHECK: RESULT (problems, seconds)``, and a failing
check its account (the problem, the triage) at once.
"""

from __future__ import annotations

import pytest

from .plugin import COLLECTOR


@pytest.hookimpl(trylast=True)  # after the terminal reporter has written its progress mark
def pytest_runtest_logreport(report):
    collector = COLLECTOR.get("current")
    if collector is not None:
        entry = collector.add(report)
        config = COLLECTOR.get("config")
        if entry is not None and config is not None and not hasattr(config, "workerinput"):
            if config.getoption("conformance_progress", False):
                _progress(config, collector, entry, report)


def _progress(config, collector, entry, report):
    """One line per finished check; a failure's account (problem, triage) at once."""
    writer = config.pluginmanager.get_plugin("terminalreporter")
    if writer is None:
        return
    done = len(collector.results)
    total = COLLECTOR.get("total") or "?"
    line = (f"conformance [{done}/{total}] {entry['check']}: {entry['result'].upper()} "
            f"({entry['problems']} problems, {report.duration:.1f} s)")
    writer.ensure_newline()
    writer.write_line(line)
    if entry["result"] == "fail" and report.longrepr is not None:
        text = str(report.longreprtext if hasattr(report, "longreprtext") else report.longrepr)
        for row in text.splitlines()[:40]:
            writer.write_line("    " + row)


@pytest.hookimpl(wrapper=True)
def pytest_report_teststatus(report, config):
    """With ``--conformance-progress`` the progress lines replace pytest's letters."""
    result = yield
    if (result and config.getoption("conformance_progress", False)
            and dict(getattr(report, "user_properties", ())).get("conformance") is not None
            and isinstance(result, tuple) and len(result) == 3):
        return (result[0], "", result[2])
    return result


def pytest_collection_finish(session):
    COLLECTOR["total"] = len(session.items) or None
