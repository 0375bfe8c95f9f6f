"""Cost of drawing problems with hypothesis (a benchmark, not a timed test).

CPU milliseconds per example, generate phase only, derandomized, for: an 8 × 6 matrix of
entries drawn one by one from ``one_of(small_ints, small_ints, dyadics)`` (the former
``entries``), from ``conformance.strategies.entries`` (one ``sampled_from`` draw per entry),
and from ``st.integers``; then whole problems of the gate (``conformance.strategies``) and of
the tests (``tests/exact_strategies.py``).

Usage: ``python benchmarks/bench_draws.py [--examples N]``.
"""

import argparse
import sys
import time
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lasso_spec.conformance import strategies as gate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import exact_strategies  # the tests' strategies (tests/exact_strategies.py)


def per_example(strategy, examples):
    """CPU ms per drawn example."""

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(strategy)
    def draw(_):
        pass

    start = time.process_time()
    draw()
    return 1000 * (time.process_time() - start) / examples


@st.composite
def matrix(draw, values, n=8, p=6):
    return [[draw(values) for _ in range(p)] for _ in range(n)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    args = parser.parse_args(argv)
    small = st.integers(-4, 4).map(Fraction)
    rows = [
        ("8 x 6, one_of entries (former)", matrix(st.one_of(small, small, gate.dyadics))),
        ("8 x 6, entries (sampled_from)", matrix(gate.entries)),
        ("8 x 6, st.integers", matrix(st.integers(-4, 4))),
        ("gate problem, lasso", gate.problems("lasso")),
        ("gate problem, options:all", gate.problems("elastic_net", "options:all")),
        ("tests problem (exact_strategies)", exact_strategies.problems()),
    ]
    for label, strategy in rows:
        print(f"{label:34s} {per_example(strategy, args.examples):6.2f} ms/example")


if __name__ == "__main__":
    main()
