"""Speed of the judge alone (a benchmark, not a timed test).

``judge`` (conformance/verdict.py) on the exact answers, rounded to float64, of two batches:
the scale tier's 19 problems (``conformance.scale``, default tier) and 200 generated Lasso
problems (``conformance.strategies.problems``, derandomized draws).  The exact solutions are
computed first (``exact_solution``, cached as in a gate run), so the CPU seconds reported
are the judge's own: the two certificates, the tolerances and the checks.  Every verdict
must pass (an exact optimum rounded to float64 is within G); the run stops otherwise.

Usage: ``python benchmarks/bench_judge.py [--generated N] [--repeat K]`` (best of K).
"""

import argparse
import time

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lasso_spec.conformance import scale
from lasso_spec.conformance.received import as_received, exact_solution
from lasso_spec.conformance.strategies import problems
from lasso_spec.conformance.verdict import judge


def _generated(count):
    drawn = []

    @settings(max_examples=count, derandomize=True, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), deadline=None)
    @given(st.data())
    def draw(data):
        drawn.append(data.draw(problems("lasso", None)))

    draw()
    return drawn[:count]


def _batch(exact_problems):
    """[(problem received, float64 answer)] with the exact solutions already cached."""
    batch = []
    for problem in exact_problems:
        received = as_received(problem)
        batch.append((received, [float(v) for v in exact_solution(received).w]))
    return batch


def _seconds(batch, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for problem, answer in batch:
            verdict = judge(problem, answer)
            if not verdict.passed:
                raise SystemExit(f"a rounded exact optimum failed: {verdict.checks}")
        best = min(best, time.process_time() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tier = [problem for design in scale.designs("default")
            for _, problem in scale.problems(design)]
    for label, exact_problems in (("scale tier", tier),
                                  ("generated lasso", _generated(args.generated))):
        batch = _batch(exact_problems)
        seconds = _seconds(batch, args.repeat)
        print(f"{label}: {len(batch)} problems, judge {seconds:.3f} CPU s "
              f"({1000 * seconds / len(batch):.1f} ms each, best of {args.repeat})")


if __name__ == "__main__":
    main()
