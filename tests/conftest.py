"""Test-directory configuration: the spec-marker machinery.

``@pytest.mark.spec("ID", ...)`` (declared in pyproject.toml) cites clause or
claim IDs of the spec (``spec.clauses.CLAUSES``, ``spec.claims.CLAIMS``).

* At collection, every collected test's spec markers are validated: an
  unknown ID is a collection error, whichever subset of tests is run.
* The completeness meta-test (every ID cited by some test) lives in
  tests/test_spec_registry.py and scans the test sources with ``ast``
  (``spec.markers``), so it does not depend on what was collected.
* Under ``--dist loadgroup`` (the test env) the spec's tests run on one worker.
* ``--reseed SALT`` runs every derandomized test with other fixed examples (tests/reseed.py).
"""

import pytest
from reseed import pytest_addoption, pytest_configure  # noqa: F401  (--reseed SALT)
from scheduling import pytest_xdist_make_scheduler  # noqa: F401  (a hook: the spec's tests on one worker)

from lasso_spec.spec.markers import known_ids


def pytest_collection_modifyitems(config, items):
    """Fail the run early when a collected test cites an unknown spec ID."""
    known = set(known_ids())
    bad = []
    for item in items:
        for marker in item.iter_markers("spec"):
            bad += [f"{item.nodeid}: unknown spec ID {i!r}" for i in marker.args if i not in known]
            if not marker.args:
                bad.append(f"{item.nodeid}: spec marker without IDs")
    if bad:
        raise pytest.UsageError("\n".join(bad))
