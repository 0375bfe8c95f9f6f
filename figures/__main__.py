"""``python -m lasso_spec.figures [OUTDIR] [--svg]``: write every spec figure.

The default OUTDIR is the package's spec/figures/.
"""

import argparse
import sys

from . import DEFAULT_DIR, write_all


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m lasso_spec.figures", description=__doc__)
    parser.add_argument("outdir", nargs="?", default=DEFAULT_DIR, help="output directory")
    parser.add_argument("--svg", action="store_true", help="also write SVG")
    args = parser.parse_args(argv)
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("python -m lasso_spec.figures needs matplotlib: pip install matplotlib",
              file=sys.stderr)
        return 2
    for path in write_all(args.outdir, ("png", "svg") if args.svg else ("png",)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
