"""The test env's scheduling: under ``--dist loadgroup`` the spec's tests (tests/test_spec_*.py)
run on one worker, which derives the spec's formulas once and shares them among its tests
(sympy derivations are cached per process: 8 CPU s each).  Used by tests/conftest.py;
checked by tests/test_scheduling.py.

xdist's ``xdist_group`` mark would do it, but with pytest 9.2 it is silently ignored: xdist 3.8
writes the group into ``item._nodeid``, which pytest no longer reads (pytest-dev/pytest-xdist
#1386; measured here: the spec's tests ran on both workers).  A scheduler is xdist's documented
hook (``pytest_xdist_make_scheduler``) and needs no mark.
"""

import pytest


def spec_together(nodeid, otherwise):
    """The scheduling unit of a test: "spec" for the spec's tests, else ``otherwise(nodeid)``
    (xdist's own rule, which honours ``xdist_group`` marks where pytest lets it)."""
    path = nodeid.partition("::")[0]
    return "spec" if path.startswith("tests/test_spec_") else otherwise(nodeid)


def spec_together_scheduler():
    """xdist's LoadGroupScheduling with the units of ``spec_together``."""
    from xdist.scheduler import LoadGroupScheduling

    class SpecTogether(LoadGroupScheduling):
        def _split_scope(self, nodeid):
            return spec_together(nodeid, super()._split_scope)

    return SpecTogether


@pytest.hookimpl(optionalhook=True)  # an env without xdist (tox -e installed) has no such hook
def pytest_xdist_make_scheduler(config, log):
    """The scheduler of ``--dist loadgroup``; xdist's own for every other mode."""
    if config.getoption("dist") != "loadgroup":
        return None
    return spec_together_scheduler()(config, log)
