"""The conformance gate's pytest plugin: options, implementation, xfails, header, summary.

Options (each also read from an environment variable, for tox and CI):

``--impl NAME``              a built-in (reference [default], reference-cd, sklearn,
                             statsmodels, glum, cvxpy) or MODULE:CALLABLE     [LASSO_IMPL]
``--impl-cmd "COMMAND"``     a solver in another process, one JSON line per problem
                             (overrides --impl)                                [LASSO_IMPL_CMD]
``--xfails-file FILE``       expected failures: lines "CHECK-ID-or-glob  reason"  [LASSO_XFAILS]
``--conformance-report FILE``  the per-check results as JSON                   [LASSO_REPORT]
``--gap-rtol X``             the accuracy demanded: F(w) − F* ≤ X·½‖y‖² (default 1e-9)

Run ``pytest tests/conformance --impl sklearn`` (the path is needed so that
pytest sees these options).  Works under pytest-xdist (``-n auto``): every
worker loads its own implementation, and the controller merges the results.
"""

from __future__ import annotations

import fnmatch
import os

import pytest
from hypothesis import settings

from . import profiles
from .cases import CASES
from .implementations import LoadError, load, load_command
from .report import Collector, new_stats, write_kkt_bands
from .strategies import FAMILIES
from .verdict import GAP_RTOL

IMPL_KEY = pytest.StashKey()
COLLECTOR_KEY = pytest.StashKey()
XFAILS_KEY = pytest.StashKey()
PROFILE_KEY = pytest.StashKey()

#: Every check ID of the suite (the xfails file is matched against these).
GENERATED = (
    *((f"generated/lasso/{family}", "lasso", family) for family in FAMILIES),
    ("generated/elastic-net", "elastic_net", None),
    ("generated/ridge", "ridge", None),
)
CHECK_IDS = (*(case.id for case in CASES), *(check for check, _, _ in GENERATED))


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
    group.addoption("--gap-rtol", type=float, default=GAP_RTOL,
                    help="accuracy demanded: F(w) - F* <= GAP_RTOL * |y|^2/2 (default 1e-9)")


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
        impl = load_command(command) if command else load(config.getoption("impl"))
    except LoadError as error:
        raise pytest.UsageError(f"conformance: {error}") from None
    config.stash[IMPL_KEY] = impl
    config.stash[COLLECTOR_KEY] = _COLLECTOR["current"] = Collector()
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
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as error:
        message = f"conformance: cannot read --xfails-file {path!r}: {error}"
        raise pytest.UsageError(message) from None
    entries = {}
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        pattern, _, reason = text.partition(" ")
        if not reason.strip():
            raise pytest.UsageError(
                f"conformance: {path}:{number}: an expected failure needs a reason: {line!r}"
            )
        entries[pattern] = reason.strip()
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


def pytest_report_header(config):
    impl = config.stash.get(IMPL_KEY, None)
    if impl is None:
        return None
    return [
        f"conformance: implementation {impl.describe()}",
        _hypothesis_line(config),
        f"conformance: accuracy demanded F(w) − F* ≤ {config.getoption('gap_rtol'):g}·½‖y‖²",
    ]


def pytest_runtest_logreport(report):
    collector = _COLLECTOR.get("current")
    if collector is not None:
        collector.add(report)


#: The session's Collector (pytest_runtest_logreport receives no config).
_COLLECTOR = {}


def pytest_terminal_summary(terminalreporter, config):
    collector = config.stash.get(COLLECTOR_KEY, None)
    if collector is None or not collector.results or hasattr(config, "workerinput"):
        return
    impl = config.stash[IMPL_KEY]
    terminalreporter.section("conformance summary")
    for line in collector.table(f"implementation: {impl.describe()}"):
        terminalreporter.write_line(line)
    path = config.getoption("conformance_report")
    if path:
        bands = write_kkt_bands(collector.results.values(), path, config.getoption("gap_rtol"))
        collector.write_json(path, _meta(config, impl))
        terminalreporter.write_line(f"conformance report written to {path}")
        for band in bands:
            terminalreporter.write_line(f"KKT band of a failing answer drawn in {band}")


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


@pytest.fixture(scope="session")
def implementation(pytestconfig):
    """The implementation under test (loaded once per process)."""
    return pytestconfig.stash[IMPL_KEY]


@pytest.fixture
def conformance(request, implementation):
    """The check runner of one conformance test: skips unsupported kinds, records stats."""
    from .runner import Runner

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
