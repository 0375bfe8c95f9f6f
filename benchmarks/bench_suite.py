"""Where the test suite's time goes (a benchmark, not a timed test).

Runs the command of ``tox -e test`` (``pytest -n auto --dist loadgroup
--hypothesis-profile=ci``) in this interpreter and reports:

1. wall clock, and the CPU seconds of the whole process tree (user + system of every child,
   from ``resource.getrusage``).  On a shared or drifting VM the CPU seconds are the steadier
   measure: 2 workers on 2 cores turn S CPU seconds into about S / 1.9 s of wall clock;
2. the per-file sum of pytest's ``--durations`` (call + setup + teardown), largest first,
   with the running share;
3. the slowest single tests.

``--examples N`` runs with the ``ci`` profile at N examples per property test instead of
150 (a profile registered for this run only, as ``mutation/run.py`` does), to measure how
much of the time the example count buys.  Tests with their own ``@settings(max_examples=…)``
keep theirs.

Usage: ``python benchmarks/bench_suite.py [--examples N] [--top K] [PYTEST_ARGS …]``
(``--dist load`` among the pytest arguments measures the default distribution instead, with
the spec's tests spread over both workers).
"""

import argparse
import collections
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLUGIN = """
from lasso_spec.conformance.profiles import register_ci_variant

register_ci_variant("bench", {examples})
"""
DURATION = re.compile(r"\s*([\d.]+)s (call|setup|teardown)\s+(tests/[^:]+)::(\S+)")


def run(pytest_args, examples=None):
    """(wall s, CPU s, pytest's output) of one run of the suite."""
    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "loadgroup",
               "-p", "no:cacheprovider", "-q", "--durations=0"]
    env = None
    with tempfile.TemporaryDirectory() as scratch:
        if examples is None:
            command.append("--hypothesis-profile=ci")
        else:
            Path(scratch, "bench_profile.py").write_text(PLUGIN.format(examples=examples))
            env = {**os.environ, "PYTHONPATH": scratch}
            command += ["-p", "bench_profile", "--hypothesis-profile=bench"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([*command, *pytest_args], cwd=ROOT, capture_output=True,
                              text=True, env=env, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout + done.stderr


def by_file(output):
    """{test file: summed seconds}, and the single tests, from ``--durations=0``."""
    files, tests = collections.Counter(), []
    for line in output.splitlines():
        found = DURATION.match(line)
        if found:
            seconds, _, path, name = found.groups()
            files[path] += float(seconds)
            tests.append((float(seconds), f"{path}::{name}"))
    return files, sorted(tests, reverse=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, help="ci profile with N examples per property")
    parser.add_argument("--top", type=int, default=15, help="files and tests listed (15)")
    args, pytest_args = parser.parse_known_args(argv)
    wall, cpu, output = run(pytest_args, args.examples)
    outcome = [line for line in output.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    print(f"suite: {outcome[-1].strip('= ') if outcome else 'no outcome line'}")
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s (user + system of the process tree)")
    files, tests = by_file(output)
    total = sum(files.values())
    print(f"\nper file (sum of --durations, {total:.1f} s in all):")
    running = 0.0
    for path, seconds in files.most_common(args.top):
        running += seconds
        print(f"  {seconds:7.1f} s {100 * seconds / total:5.1f} % "
              f"(cumulative {100 * running / total:5.1f} %)  {path}")
    print("\nslowest tests:")
    for seconds, name in tests[: args.top]:
        print(f"  {seconds:7.2f} s  {name}")
    return 0 if outcome and "failed" not in outcome[-1] else 1


if __name__ == "__main__":
    sys.exit(main())
