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
                             S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂) (tolerance.objective_scale)
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

This module holds the options, the configuration (the implementation loaded, the xfails
read), the expected-failure marks, the header and the fixtures; it registers the hooks of
live_results.py (each check's result as it finishes) and session_outcome.py (exit status,
summary, reports).  The check IDs are catalogue.py's.
"""

from __future__ import annotations

import fnmatch
import os

import pytest
from hypothesis import settings

from . import profiles, scale
from .expected_failures import xfails_from_config
from .implementations import LoadError, load, load_command
from .profiles import SHRINK, examples_per_check, fixed_draws
from .report import Collector, new_stats
from .tolerance import GAP_RTOL

#: The hooks of the plugin that live in modules of their own (registered with this one).
pytest_plugins = ["lasso_spec.conformance.live_results", "lasso_spec.conformance.session_outcome"]

IMPL_KEY = pytest.StashKey()
COLLECTOR_KEY = pytest.StashKey()
XFAILS_KEY = pytest.StashKey()
PROFILE_KEY = pytest.StashKey()

#: The session's Collector (pytest_runtest_logreport receives no config).
COLLECTOR = {}


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
    config.stash[COLLECTOR_KEY] = COLLECTOR["current"] = Collector()
    COLLECTOR["config"] = config
    SHRINK["full"] = bool(config.getoption("full_shrink"))
    config.stash[XFAILS_KEY] = xfails_from_config(config)


def pytest_unconfigure(config):
    impl = config.stash.get(IMPL_KEY, None)
    if impl is not None:
        impl.close()


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


def argparse_suppress():
    """Hidden option help (``--conformance-record`` is lasso-spec verify's, not the user's)."""
    import argparse

    return argparse.SUPPRESS


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
    with fixed_draws():  # the same problems, whatever else this process imported
        yield Runner(implementation, stats, request.config.getoption("gap_rtol"))
