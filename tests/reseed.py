"""``pytest --reseed SALT``: every derandomized hypothesis test draws other fixed examples.

A derandomized test (the ``ci`` profile, ``derandomize=True``) seeds its draws from a digest
of the test function, so its examples are fixed for one hypothesis release and change with
the next (CI installs the newest).  A test that passes only for the examples one release
happens to draw is a flaky test waiting for an upgrade.  ``--reseed SALT`` mixes SALT into
that digest: the same run under other fixed examples, as a new release would give it, and
reproducible with the same SALT.  TESTING.md ("Re-seeded runs") reports what it found.

It replaces hypothesis' private ``hypothesis.core.function_digest``, which is read when a
test starts; a hypothesis without it is a usage error, never a silent plain run.
"""

import hashlib

import pytest


def pytest_addoption(parser):
    parser.addoption("--reseed", default=None, metavar="SALT",
                     help="run every derandomized hypothesis test with other fixed examples "
                          "(SALT mixed into its seed), as a new hypothesis release would")


def pytest_configure(config):
    salt = config.getoption("reseed", None)
    if salt:
        reseed(salt)


def reseed(salt):
    """Mix ``salt`` into the seed of every derandomized hypothesis test of this process."""
    import hypothesis.core as core

    digest = getattr(core, "function_digest", None)
    if digest is None or getattr(digest, "salt", None) is not None:
        raise pytest.UsageError("--reseed: this hypothesis has no core.function_digest to salt"
                                if digest is None else "--reseed: already reseeded")

    def salted(function):
        return hashlib.sha384(digest(function) + str(salt).encode()).digest()

    salted.salt = salt
    core.function_digest = salted
