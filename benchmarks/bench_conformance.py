"""Speed of the conformance gate (a benchmark, not a timed test).

1. One conformance run per implementation under the CI profile
   (``pytest tests/conformance --impl NAME --hypothesis-profile=ci``), wall clock,
   with its outcome.  Peers that are not installed in this interpreter are listed
   as such.
2. The float certificate (``reference.certify_float``) of a 20000 × 2000 float64
   problem next to the two matrix–vector products it cannot avoid (r = y − Xw and
   Xᵀr), best of three each.

Usage: ``python benchmarks/bench_conformance.py [--skip-runs] [--impl NAME ...]``
"""

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from lasso_spec.reference import certify_float

ROOT = Path(__file__).resolve().parents[1]

PEERS = {"sklearn": "sklearn", "statsmodels": "statsmodels", "glum": "glum", "cvxpy": "cvxpy"}
IMPLEMENTATIONS = ("reference", "reference-cd", *PEERS)


def conformance_run(name):
    """(seconds, outcome line) of one CI-profile conformance run."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_gate.py", "--impl", name, "-q",
         "-p", "no:cacheprovider", "--hypothesis-profile=ci"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if (" in " in line and "passed" in line)
             or ("failed" in line and " in " in line)]
    return seconds, (lines[-1].strip() if lines else f"exit {done.returncode}")


def best_of(function, repeats=3):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def certificate_benchmark(n=20_000, p=2_000, seed=0):
    """(two mat-vecs, certify_float) best-of-three seconds for an n × p float64 problem."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = rng.standard_normal(n)
    w = np.where(rng.random(p) < 0.1, rng.standard_normal(p), 0.0)
    l1 = 0.1 * float(np.max(np.abs(X.T @ y)))

    def two_products():
        r = y - X @ w
        return X.T @ r

    def certificate():
        return certify_float(X, y, w, l1, 0.5, gap_tol=1e-9)

    return best_of(two_products), best_of(certificate)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-runs", action="store_true", help="only the certificate timing")
    parser.add_argument("--impl", nargs="*", default=IMPLEMENTATIONS)
    args = parser.parse_args(argv)
    if not args.skip_runs:
        print("| implementation | CI-profile conformance run (s) | outcome |")
        print("|---|---|---|")
        for name in args.impl:
            module = PEERS.get(name)
            if module and importlib.util.find_spec(module) is None:
                print(f"| {name} | - | not installed in {sys.executable} |")
                continue
            seconds, outcome = conformance_run(name)
            print(f"| {name} | {seconds:.1f} | {outcome} |")
    products, certificate = certificate_benchmark()
    print()
    print("| 20000 × 2000 float64 | best of 3 (s) |")
    print("|---|---|")
    print(f"| r = y − Xw and Xᵀr | {products:.3f} |")
    print(f"| certify_float | {certificate:.3f} |")
    print(f"| ratio | {certificate / products:.2f} |")


if __name__ == "__main__":
    main()
