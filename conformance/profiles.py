"""Hypothesis profiles of the suite and the gate, and how one is chosen.

``dev``       quick, randomised, with the example database (the default outside CI).
``ci``        derandomized, no database, prints the reproduction blob: the same
              examples on every machine (with the same hypothesis version; the gate's
              draws ignore what else is imported: ``fixed_draws``), so a verdict never
              flips between runs.
``thorough``  many examples, for a long local hunt.

Choice, first match wins: ``--hypothesis-profile NAME`` on the command line, then the
environment variable ``HYPOTHESIS_PROFILE`` (CI systems set it), then ``dev``.  The
chosen profile and where it came from are printed in the gate's header.

A generated check draws a fifth of the profile's ``max_examples`` (``examples_per_check``),
and hypothesis shrinks a failing problem only under ``--full-shrink`` (``phases``).
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

COMMON_SETTINGS = {
    "deadline": None,  # exact arithmetic has no useful wall-clock bound; no test depends on time
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

PROFILES = {
    "dev": {"max_examples": 40},
    "ci": {"max_examples": 150, "derandomize": True, "database": None, "print_blob": True},
    "thorough": {"max_examples": 2000},
}

for _name, _options in PROFILES.items():
    settings.register_profile(_name, **_options, **COMMON_SETTINGS)


def register_ci_variant(name: str, examples: int) -> None:
    """Register profile ``name``: ``ci`` (derandomized) with ``examples`` examples per
    property, for a measuring run (mutation testing, the suite benchmark); then
    ``--hypothesis-profile NAME`` selects it like the built-in ones.

    >>> register_ci_variant("ci-10", 10)
    >>> settings.get_profile("ci-10").max_examples, settings.get_profile("ci-10").derandomize
    (10, True)
    >>> choose("ci-10", {})
    ('ci-10', '--hypothesis-profile')
    >>> del PROFILES["ci-10"]
    """
    PROFILES[name] = {**PROFILES["ci"], "max_examples": examples}
    settings.register_profile(name, **PROFILES[name], **COMMON_SETTINGS)


def choose(command_line: str | None, environ=os.environ) -> tuple[str, str]:
    """(profile name, where it came from); an unknown name raises ValueError.

    >>> choose("ci", {})
    ('ci', '--hypothesis-profile')
    >>> choose(None, {"HYPOTHESIS_PROFILE": "thorough"})
    ('thorough', 'HYPOTHESIS_PROFILE')
    >>> choose(None, {})
    ('dev', 'default')
    """
    if command_line:
        name, source = command_line, "--hypothesis-profile"
    elif environ.get("HYPOTHESIS_PROFILE"):
        name, source = environ["HYPOTHESIS_PROFILE"], "HYPOTHESIS_PROFILE"
    else:
        name, source = "dev", "default"
    if name not in PROFILES:
        raise ValueError(f"unknown hypothesis profile {name!r} (from {source}); "
                         f"choose one of {', '.join(PROFILES)}")
    return name, source


def load(command_line: str | None, environ=os.environ) -> tuple[str, str]:
    """Choose the profile as :func:`choose` does and load it."""
    name, source = choose(command_line, environ)
    settings.load_profile(name)
    return name, source


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


@contextmanager
def fixed_draws():
    """Hypothesis draws that depend on the profile alone, not on what else is imported.

    Hypothesis (6.131 and later) mixes into its draws the literals found in the source of
    every *local* module in ``sys.modules`` (neither the standard library, nor
    site-packages, nor a test file).  Which modules were imported, and what literals they
    hold, then changes even the derandomized examples: a solver's own package is local in
    its repository, so the gate's problems, and its verdict, would depend on the solver's
    literals and on what its test session imported first.  Inside this context hypothesis
    sees no local module; its own constants (0, 1, NaN, …) are still drawn.  The gate's
    checks run inside it (``plugin.conformance``, ``api.ConformanceCheck``), and so does
    this repository's test session (conftest.py).

    It replaces two private names of hypothesis and restores them on exit; where they do
    not exist it changes nothing (tests/test_fixed_draws.py then fails if the draws move).
    """
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - a hypothesis without local constants
        providers = None
    names = ("_get_local_constants", "CONSTANTS_CACHE", "_local_constants")
    if providers is None or not all(hasattr(providers, name) for name in names):
        yield
        return
    saved = providers._get_local_constants, providers.CONSTANTS_CACHE
    nothing_local = type(providers._local_constants)()
    providers._get_local_constants = lambda: nothing_local
    providers.CONSTANTS_CACHE = type(saved[1])(saved[1].max_size)  # cached pools held local ones
    try:
        yield
    finally:
        providers._get_local_constants, providers.CONSTANTS_CACHE = saved
