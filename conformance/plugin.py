"""The conformance gate's pytest plugin: options, implementation, xfails, header, summary.

Options (each also read from an environment variable, for tox and CI):

``--impl NAME``              a built-in (reference [default], reference-cd, sklearn,
                             statsmodels, glum, glmnet, cvxpy) or MODULE:CALLABLE [LASSO_IMPL]
``--impl-cmd "COMMAND"``     a solver in another process, one JSON line per problem
                             (overrides --impl)                                [LASSO_IMPL_CMD]
``--xfails-file FILE``       expected failures: lines "CHECK-ID-or-glob  reason"  [LASSO_XFAILS]
``--conformance-report FILE``  the per-check results as JSON (default:
                             ``conformance-report-<implementation>.json``)    [LASSO_REPORT]
``--conformance-markdown FILE``  a Markdown summary (also appended to
                             ``$GITHUB_STEP_SUMMARY`` when that is set)
``--gap-rtol X``             the accuracy demanded: F(w) − F* ≤ X·S (default 1e-9), with
                             S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂) (verdict.objective_scale)
``--full-shrink``            let hypothesis shrink a failing problem fully (slow); by
                             default the first failing problem is reported as found
``--min-checks N``           fewer than N checks executed (not skipped) is exit status 2
                             (default 1): a run that checked nothing is never green
``--conformance-progress``   one line per finished check, and a failure's account at once
``--scale TIER``             the scale tier: off, default, large (scale.py)     [LASSO_SCALE]
``--impl-timeout S``         seconds per problem (default 60): a hang is a failed check
``--no-isolation``           call --impl in the pytest process (debugging only: no timeout)

Exit status: pytest's, except 2 when too few checks executed and 3 when the suite itself
failed inside a check (result ERROR: never a verdict on the implementation).

Run ``lasso-spec verify --impl sklearn`` (conformance/cli.py), or in this repository
``pytest tests/test_gate.py --impl sklearn``.  Works under pytest-xdist (``-n auto``): every
worker loads its own implementation, and the controller merges the results.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re

import pytest
from hypothesis import settings

from . import profiles, scale
from .cases import CASES
from .implementations import LoadError, load, load_command
from .metamorphic import METAMORPHIC
from .report import Collector, new_stats, write_kkt_bands
from .strategies import FAMILIES, OPTION_SETS
from .verdict import GAP_RTOL

IMPL_KEY = pytest.StashKey()
COLLECTOR_KEY = pytest.StashKey()
XFAILS_KEY = pytest.StashKey()
PROFILE_KEY = pytest.StashKey()

#: The option sets that also get an Elastic Net and a Ridge check (OPTION_SETS order).
OPTION_L2_SETS = ("penalty-factors", "intercept-weights", "intercept-weights-positive", "all")

#: Every check ID of the suite (the xfails file is matched against these).
GENERATED = (
    *((f"generated/lasso/{family}", "lasso", family) for family in FAMILIES),
    ("generated/elastic-net", "elastic_net", None),
    ("generated/ridge", "ridge", None),
    # the options (spec OPTIONS-OBJECTIVE): skipped, with the reason, unless declared
    *((f"generated/options/{name}/lasso", "lasso", f"options:{name}") for name in OPTION_SETS),
    # Elastic Net and Ridge with the options: without positivity too, so that a solver
    # with an intercept and weights (or penalty factors, which then weight the L2 term as
    # well: statsmodels' vector alpha, glum's P2) but no bounds gets them
    *((f"generated/options/{name}/{kind.replace('_', '-')}", kind, f"options:{name}")
      for name in OPTION_L2_SETS for kind in ("elastic_net", "ridge")),
    # pairs of problems related by a theorem, each answer judged exactly (metamorphic.py);
    # an option a theorem uses is skipped, with the reason, unless declared
    *METAMORPHIC,
)
CHECK_IDS = (
    *(case.id for case in CASES),
    *(check for check, _, _ in GENERATED),
    *(design.id for design in scale.designs("large")),
)


def pytest_addoption(parser):
    group = parser.getgroup("conformance", "conformance gate (lasso_spec.conformance)")
    group.addoption("--impl", default=os.environ.get("LASSO_IMPL", "reference"),
                    help="implementation under test: built-in name or MODULE:CALLABLE "
                         "[env LASSO_IMPL; default reference]")
    group.addoption("--impl-cmd", default=os.environ.get("LASSO_IMPL_CMD"),
                    help="solver process speaking the JSON-lines protocol [env LASSO_IMPL_CMD]")
    group.addoption("--xfails-file", default=os.environ.get("LASSO_XFAILS"),
                    help="expected failures: 'CHECK-ID reason' per line [env LASSO_XFAILS]")
    group.addoption("--conformance-report", default=os.environ.get("LASSO_REPORT"),
                    help="write the per-check results as JSON to this file [env LASSO_REPORT]")
    group.addoption("--conformance-markdown", default=None,
                    help="write a Markdown summary to this file (it is also appended to "
                         "$GITHUB_STEP_SUMMARY when that is set)")
    group.addoption("--gap-rtol", type=float, default=GAP_RTOL,
                    help="accuracy demanded: F(w) - F* <= GAP_RTOL * S, "
                         "S = |y|^2/2 + l1^2/(2 max_j(|x_j|^2 + 2 l2)) (default 1e-9)")
    group.addoption("--scale", choices=scale.TIERS,
                    default=os.environ.get("LASSO_SCALE", "default"),
                    help="the scale tier of realistic float64 problems: off, default (moderate "
                         "sizes), large (up to 1000 x 500 and 200 x 2000) [env LASSO_SCALE]")
    group.addoption("--full-shrink", action="store_true", default=False,
                    help="shrink a failing generated problem fully (slow); by default the "
                         "first failing problem found is reported")
    group.addoption("--min-checks", type=int, default=1,
                    help="fewer executed (not skipped) conformance checks than this is exit "
                         "status 2 (default 1)")
    group.addoption("--conformance-record", default=None, help=argparse_suppress())
    group.addoption("--conformance-progress", action="store_true", default=False,
                    help="print one line per finished check, and a failure's account at once")
    group.addoption("--impl-timeout", type=float, default=60.0,
                    help="seconds an implementation may take on one problem (default 60); "
                         "a hang is then a failed check and the worker restarts")
    group.addoption("--no-isolation", action="store_true", default=False,
                    help="call --impl in the pytest process (debugging: no timeout, and "
                         "the implementation shares the judge's interpreter)")


@pytest.hookimpl(trylast=True)  # after hypothesis' own plugin has read --hypothesis-profile
def pytest_configure(config):
    try:
        name, source = profiles.load(config.getoption("hypothesis_profile", None))
    except ValueError as error:
        raise pytest.UsageError(f"conformance: {error}") from None
    config.stash[PROFILE_KEY] = (name, source)
    config.addinivalue_line(
        "markers", "conformance_check(check_id, kind): a conformance check and its problem kind"
    )
    try:
        command = config.getoption("impl_cmd")
        timeout = config.getoption("impl_timeout")
        impl = load_command(command, timeout=timeout) if command else load(
            config.getoption("impl"), isolated=not config.getoption("no_isolation"),
            timeout=timeout)
    except LoadError as error:
        raise pytest.UsageError(f"conformance: {error}") from None
    config.stash[IMPL_KEY] = impl
    config.stash[COLLECTOR_KEY] = _COLLECTOR["current"] = Collector()
    _COLLECTOR["config"] = config
    SHRINK["full"] = bool(config.getoption("full_shrink"))
    config.stash[XFAILS_KEY] = _read_xfails(config)


def pytest_unconfigure(config):
    impl = config.stash.get(IMPL_KEY, None)
    if impl is not None:
        impl.close()


def _read_xfails(config):
    """{pattern: reason} from the xfails file; warns about entries that match no check."""
    path = config.getoption("xfails_file")
    if not path:
        return {}
    try:
        entries = read_xfails(path)
    except ValueError as error:
        raise pytest.UsageError(f"conformance: {error}") from None
    for pattern in entries:
        if not fnmatch.filter(CHECK_IDS, pattern):
            config.issue_config_time_warning(
                pytest.PytestConfigWarning(
                    f"conformance: --xfails-file entry {pattern!r} matches no check "
                    f"(checks are e.g. {CHECK_IDS[0]}, {CHECK_IDS[-1]})"
                ),
                stacklevel=2,
            )
    return entries


def read_xfails(path):
    """{pattern: reason} from an xfails file (``CHECK-ID-or-glob  reason`` per line, ``#``
    comments); ValueError naming the file and line when it cannot be read or a reason is
    missing."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as error:
        raise ValueError(f"cannot read --xfails-file {str(path)!r}: {error}") from None
    entries = {}
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        pattern, _, reason = text.partition(" ")
        if not reason.strip():
            raise ValueError(f"{path}:{number}: an expected failure needs a reason: {line!r}")
        entries[pattern] = reason.strip()
    return entries


def check_id_of(item):
    marker = item.get_closest_marker("conformance_check")
    return marker.args[0] if marker else None


def pytest_collection_modifyitems(config, items):
    xfails = config.stash.get(XFAILS_KEY, {})
    for item in items:
        check_id = check_id_of(item)
        for pattern, reason in xfails.items():
            if check_id and fnmatch.fnmatchcase(check_id, pattern):
                item.add_marker(pytest.mark.xfail(reason=reason, strict=True))
                break


def _hypothesis_line(config):
    profile = settings.default
    name, source = config.stash[PROFILE_KEY]
    seed = config.getoption("hypothesis_seed", None)
    seed_text = (
        "derandomized (fixed examples)" if profile.derandomize
        else f"seed {seed}" if seed is not None else "random seed (failures print a blob)"
    )
    return (
        f"conformance: hypothesis profile {name!r} (from {source}): "
        f"{examples_per_check()} examples per generated check, {seed_text}"
    )


def examples_per_check():
    """A fifth of the profile's max_examples per generated check (at least 10)."""
    return max(10, settings.default.max_examples // 5)


#: Whether hypothesis may shrink a failing generated problem (``--full-shrink``).
SHRINK = {"full": False}


def phases():
    """Hypothesis phases of a generated check: without shrinking unless ``--full-shrink``.

    Without the shrink phase the first failing problem found is reported as it is (its
    account, the triage and a pasteable ``Problem.from_json(...)``, is the same), so a
    broken implementation gets its verdict in seconds instead of minutes.
    """
    from hypothesis import Phase

    chosen = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
    return [*chosen, Phase.shrink] if SHRINK["full"] else chosen


def pytest_report_header(config):
    impl = config.stash.get(IMPL_KEY, None)
    if impl is None:
        return None
    lines = [
        f"conformance: implementation {impl.describe()}",
        _hypothesis_line(config),
        f"conformance: accuracy demanded F(w) − F* ≤ {config.getoption('gap_rtol'):g}·S, "
        "S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂)",
    ]
    if impl.version == "unknown":
        lines.append(f"conformance: {VERSION_HINT}")
    return lines


VERSION_HINT = (
    "the implementation's version is unknown; set it with a `version` attribute on the "
    "callable (solve.version = \"1.2.0\"), a `__version__` in its module, by installing its "
    "distribution, or (--impl-cmd) a \"version\" in the port's capabilities reply"
)


@pytest.hookimpl(trylast=True)  # after the terminal reporter has written its progress mark
def pytest_runtest_logreport(report):
    collector = _COLLECTOR.get("current")
    if collector is not None:
        entry = collector.add(report)
        config = _COLLECTOR.get("config")
        if entry is not None and config is not None and not hasattr(config, "workerinput"):
            if config.getoption("conformance_progress", False):
                _progress(config, collector, entry, report)


def _progress(config, collector, entry, report):
    """One line per finished check; a failure's account (problem, triage) at once."""
    writer = config.pluginmanager.get_plugin("terminalreporter")
    if writer is None:
        return
    done = len(collector.results)
    total = _COLLECTOR.get("total") or "?"
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
    _COLLECTOR["total"] = len(session.items) or None


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


#: The session's Collector (pytest_runtest_logreport receives no config).
_COLLECTOR = {}


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


def argparse_suppress():
    """Hidden option help (``--conformance-record`` is lasso-spec verify's, not the user's)."""
    import argparse

    return argparse.SUPPRESS


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


def pytest_generate_tests(metafunc):
    """The scale checks: one per design of the chosen tier (``--scale``)."""
    if "scale_design" in metafunc.fixturenames:
        tier = metafunc.config.getoption("scale", "default")
        params = [
            pytest.param(design, id=design.id,
                         marks=pytest.mark.conformance_check(design.id, scale.kind(design)))
            for design in scale.designs(tier)
        ]
        metafunc.parametrize("scale_design", params)


@pytest.fixture(scope="session")
def implementation(pytestconfig):
    """The implementation under test (loaded once per process)."""
    return pytestconfig.stash[IMPL_KEY]


@pytest.fixture
def conformance(request, implementation):
    """The check runner of one conformance test: skips unsupported kinds, records stats."""
    from .metamorphic import PairRunner as Runner  # a Runner that also judges pairs

    marker = request.node.get_closest_marker("conformance_check")
    check_id, kind = marker.args
    stats = new_stats(check_id)
    request.node.user_properties.append(("conformance", stats))
    if not implementation.supports(kind):
        from .implementations import CAPABILITY_MEANING

        meaning = CAPABILITY_MEANING[kind]
        stats["skip_reason"] = f"{implementation.name} declares no support for {meaning}"
        pytest.skip(stats["skip_reason"])
    return Runner(implementation, stats, request.config.getoption("gap_rtol"))
