"""The test env's scheduling (tests/scheduling.py): under ``--dist loadgroup`` the spec's tests
are one unit of work, so one worker derives the spec's formulas once."""

from types import SimpleNamespace

import pytest
from scheduling import pytest_xdist_make_scheduler, spec_together_scheduler

xdist = pytest.importorskip("xdist")


def test_the_spec_tests_are_one_unit_and_the_others_keep_xdists_rule():
    from xdist.scheduler import LoadGroupScheduling

    # the method overridden is xdist's: a rename would silently drop the override
    assert "_split_scope" in vars(LoadGroupScheduling)
    scheduler = object.__new__(spec_together_scheduler())
    assert isinstance(scheduler, LoadGroupScheduling)
    units = [scheduler._split_scope(nodeid) for nodeid in (
        "tests/test_spec_claims.py::test_a[1]", "tests/test_spec_floats.py::test_b",
        "tests/test_ridge.py::test_c", "tests/test_ridge.py::test_d@mine")]
    assert units == ["spec", "spec", "tests/test_ridge.py::test_c", "mine"]


def test_only_loadgroup_gets_the_scheduler():
    def config(dist):
        return SimpleNamespace(getoption=lambda name: {"dist": dist}[name])

    assert pytest_xdist_make_scheduler(config("load"), log=None) is None
    assert pytest_xdist_make_scheduler(config("worksteal"), log=None) is None
