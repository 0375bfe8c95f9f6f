"""Benchmark: the exact solver at realistic sizes, refinement against the homotopy (not a test).

    python benchmarks/bench_scale.py [--homotopy-up-to N] [--only NAME ...]

Problems are float64, generated with numpy from fixed seeds (arbitrary doubles,
not dyadic toys); λ₁ is a fraction of λ_max.  Each row: wall-clock time, the
support size and the bits of w* (the largest bit length of a numerator or
denominator), for ``solve(method="refine")`` and, where n·p ≤ N (default
5000, i.e. 100 × 50), ``solve(method="homotopy")`` on the same problem in the
same run.  The refinement's time is split into its stages (input conversion,
float proposal, exact restricted solves, exact KKT checks, the Solution) by
wrapping them with timers here.  Every answer is certified exactly.
"""

import argparse
import time
from collections import defaultdict
from functools import wraps

import numpy as np

from lasso_spec.reference import _flint, certify, refine, solve

STAGES = defaultdict(float)


def _timed(owner, name, stage):
    original = getattr(owner, name)

    @wraps(original)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            STAGES[stage] += time.perf_counter() - start

    setattr(owner, name, wrapper)


_timed(refine, "as_problem", "convert")
_timed(refine, "_float_proposal", "float")
_timed(refine._IntegerProblem, "__init__", "integers")
_timed(refine._IntegerProblem, "restricted_minimiser", "exact solve")
_timed(refine._IntegerProblem, "scaled_correlations", "KKT check")
_timed(refine._IntegerProblem, "solution", "solution")


def gaussian(n, p, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    beta = np.zeros(p)
    beta[: max(1, p // 10)] = rng.standard_normal(max(1, p // 10))
    return X, X @ beta + rng.standard_normal(n)


PROBLEMS = {
    "gaussian 100×50": (lambda: gaussian(100, 50), 0.01),
    "gaussian 200×100": (lambda: gaussian(200, 100), 0.01),
    "gaussian 1000×500": (lambda: gaussian(1000, 500), 0.01),
    "wide 200×2000": (lambda: gaussian(200, 2000), 0.01),
}


def bits(w):
    return max(max(v.numerator.bit_length(), v.denominator.bit_length()) for v in w)


def run(name, make, fraction, method):
    X, y = make()
    l1 = fraction * float(np.max(np.abs(X.T @ y)))
    Xl, yl = X.tolist(), y.tolist()
    STAGES.clear()
    start = time.perf_counter()
    s = solve(Xl, yl, l1, method=method)
    elapsed = time.perf_counter() - start
    stages = ", ".join(f"{k} {v:.2f}" for k, v in STAGES.items()) if method == "refine" else ""
    optimal = certify(Xl, yl, s.w, l1).optimal if X.size <= 50_000 else "(not re-checked)"
    support = sum(v != 0 for v in s.w)
    print(
        f"| {name} | {fraction}·λ_max | {method} | {elapsed:.2f} | {support} | {bits(s.w)} "
        f"| {optimal} | {stages} |",
        flush=True,
    )
    return s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--homotopy-up-to", type=int, default=5000)
    parser.add_argument("--only", nargs="*", default=list(PROBLEMS))
    args = parser.parse_args()
    print(f"python-flint: {_flint.HAVE_FLINT}")
    print("| problem | λ₁ | method | time (s) | support | bits of w* | certified | stages (s) |")
    print("|---|---|---|---|---|---|---|---|")
    for name in args.only:
        make, fraction = PROBLEMS[name]
        refined = run(name, make, fraction, "refine")
        X, _ = make()
        if X.size <= args.homotopy_up_to:
            traced = run(name, make, fraction, "homotopy")
            assert traced.objective == refined.objective and traced.w == refined.w


if __name__ == "__main__":
    main()
