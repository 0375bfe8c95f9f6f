"""Expected failures: the xfails file (``--xfails-file``), read and checked.

A line is ``CHECK-ID-or-glob  reason`` (``#`` starts a comment); the plugin marks every
check whose ID matches (``fnmatch``) as an expected failure with that reason, strict: a
listed check that passes fails the run.  A line without a reason is a usage error, and an
entry that matches no check ID (catalogue.CHECK_IDS) is warned about.  ``read_xfails``
reads the same file for ``api.run_checks`` and ``api.parametrize_checks``.
"""

from __future__ import annotations

import fnmatch

import pytest

from .catalogue import CHECK_IDS


def xfails_from_config(config):
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
