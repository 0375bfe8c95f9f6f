"""``python -m spec`` writes spec/SPEC.md; ``python -m spec --check`` compares instead."""

from __future__ import annotations

import sys

from spec.render import SPEC_PATH, render


def main(argv: list[str] | None = None) -> int:
    """Write SPEC.md, or with --check exit 1 when the committed file differs."""
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        current = SPEC_PATH.read_text(encoding="utf-8") if SPEC_PATH.exists() else ""
        if current != text:
            print(f"{SPEC_PATH} is out of date: run `python -m spec`", file=sys.stderr)
            return 1
        print(f"{SPEC_PATH} is up to date")
        return 0
    SPEC_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SPEC_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
