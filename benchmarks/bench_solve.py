"""Benchmark: time reference.solve on random integer problems (not a test).

    python benchmarks/bench_solve.py [sizes...]     # with lasso-spec installed (pip install -e .)

For each n = p, X and y have integer entries in [-5, 5] (seeded), and two
solves are timed: λ₁ = λ_max/100 and the full path to λ₁ = 0.  Prints a
Markdown table of the best of three wall-clock times and the number of knots.
"""

import random
import sys
import time

from lasso_spec.reference import lambda_max, solve


def problem(size, seed=0):
    rng = random.Random(seed + size)
    X = [[rng.randint(-5, 5) for _ in range(size)] for _ in range(size)]
    y = [rng.randint(-5, 5) for _ in range(size)]
    return X, y


def best_time(X, y, l1, repeats=3):
    best, knots = float("inf"), 0
    for _ in range(repeats):
        start = time.perf_counter()
        knots = len(solve(X, y, l1).path)
        best = min(best, time.perf_counter() - start)
    return best, knots


def main(sizes):
    print("| n = p | λ₁ = λ_max/100: time (s) | knots | λ₁ = 0: time (s) | knots |")
    print("|---|---|---|---|---|")
    for size in sizes:
        X, y = problem(size)
        t1, k1 = best_time(X, y, lambda_max(X, y) / 100)
        t0, k0 = best_time(X, y, 0)
        print(f"| {size} | {t1:.3f} | {k1} | {t0:.3f} | {k0} |", flush=True)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [10, 20, 40, 60])
