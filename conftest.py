"""Project-wide pytest configuration: hypothesis profiles.

Profiles (choose with ``--hypothesis-profile NAME``; tox's test env uses ``ci``):

``dev``       the default: quick, randomised, with the example database.
``ci``        derandomized, no database, prints the reproduction blob: the same
              examples on every machine, so a verdict never flips between runs.
``thorough``  many examples, for a long local hunt.

Hypothesis' own CI detection is not relied on (tox does not pass ``CI``
through); the ``dev`` profile is loaded explicitly here and the command line
overrides it.
"""

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # exact arithmetic has no useful wall-clock bound; no test depends on time
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

settings.register_profile("dev", max_examples=40, **_COMMON)
settings.register_profile(
    "ci", max_examples=150, derandomize=True, database=None, print_blob=True, **_COMMON
)
settings.register_profile("thorough", max_examples=2000, **_COMMON)
settings.load_profile("dev")
