"""Project-wide pytest configuration.

The gate's plugin (``lasso_spec.conformance.plugin``) is loaded for every test of this
repository: it registers the hypothesis profiles (``dev``, ``ci``, ``thorough``; see
``lasso_spec.conformance.profiles``), honours ``--hypothesis-profile`` and then the
``HYPOTHESIS_PROFILE`` environment variable, and adds the gate's options (``--impl``, …)
for ``tests/test_gate.py``.  The package is imported from the installed wheel (tox
builds and installs it), never from the source tree.
"""

import pytest

from lasso_spec.conformance.profiles import fixed_draws

pytest_plugins = ["lasso_spec.conformance.plugin"]


@pytest.fixture(autouse=True, scope="session")
def _draws_of_the_profile_alone():
    """Every test's hypothesis draws depend on its profile alone, not on which modules of a
    source checkout the session has imported so far (``profiles.fixed_draws``)."""
    with fixed_draws():
        yield
