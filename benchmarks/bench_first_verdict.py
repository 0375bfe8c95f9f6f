"""Time to the verdict for a broken solver (a benchmark, not a timed test).

Runs ``lasso-spec verify`` (CI profile, the full gate: every check, the scale tier included) against
tests/meta/broken_solvers.py:one_over_n (the 1/n slip) from a temporary directory, with
the default bounded shrinking and with ``--full-shrink``, and reports for each: the
seconds until the first failing check's account is printed (read from the progress
lines as they stream) and the seconds until the whole verdict (exit status).  The
target (issue 11): the whole verdict in ≤ 30 s.

Usage: ``python benchmarks/bench_first_verdict.py [--skip-full-shrink]``
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(flags):
    """(seconds to the first FAIL line, seconds to the exit, exit status)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(ROOT / "tests/meta/broken_solvers.py", Path(tmp) / "slip.py")
        command = [sys.executable, "-m", "lasso_spec.conformance.cli", "verify",
                   "--impl", "slip:one_over_n", "--profile", "ci", *flags]
        start = time.perf_counter()
        first = None
        with subprocess.Popen(command, cwd=tmp, stdout=subprocess.PIPE, text=True,
                              stderr=subprocess.DEVNULL, env=dict(os.environ)) as process:
            for line in process.stdout:
                if first is None and line.startswith("conformance [") and ": FAIL" in line:
                    first = time.perf_counter() - start
            status = process.wait()
        return first, time.perf_counter() - start, status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-full-shrink", action="store_true")
    args = parser.parse_args()
    variants = [[]] + ([] if args.skip_full_shrink else [["--full-shrink"]])
    for flags in variants:
        first, total, status = run(flags)
        label = " ".join(flags) or "default (no shrinking)"
        print(f"{label:<24} first failing check after {first:.1f} s, verdict (exit {status}) "
              f"after {total:.1f} s")

if __name__ == "__main__":
    main()
