"""``python -m lasso_spec.spec [--tests DIR] [--check]``: render SPEC.md, or check it.

Without ``--check`` it writes ``SPEC.md`` (and, with ``--tests``, first refreshes
``citations.json`` from a scan of the test sources).  With ``--check`` it exits 1 when
either committed file differs from a fresh rendering.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import markers
from .render import SPEC_PATH, render


def main(argv: list[str] | None = None) -> int:
    """Write SPEC.md, or with --check exit 1 when a committed file differs."""
    parser = argparse.ArgumentParser(prog="python -m lasso_spec.spec", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--tests", type=Path, help="the tests/ directory to scan for citations")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    cited = markers.scan(args.tests) if args.tests else None
    outputs = [(SPEC_PATH, render(cited))]
    if cited is not None:
        outputs.insert(0, (markers.CITATIONS, markers.citations_json(cited)))
    for path, text in outputs:
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                print(f"{path} is out of date: run `python -m lasso_spec.spec --tests tests`",
                      file=sys.stderr)
                return 1
            print(f"{path} is up to date")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
