"""Benchmark: the exact solver at realistic sizes, refinement against the homotopy (not a test).

    python benchmarks/bench_scale.py [--homotopy-up-to N] [--only NAME ...]

Problems are float64, generated with numpy from fixed seeds (arbitrary doubles,
not dyadic toys); λ₁ is a fraction of λ_max.  The "options" rows add every option at
once: fit_intercept=True, random positive sample weights in [0.5, 2], positive=True and
penalty factors in [0.5, 2], ten of them 0 (unpenalised features); their λ_max is
estimated in float64 (the least-squares fit on the unpenalised columns) and the exact
one is printed.  Each row: wall-clock time, the CPU time of this process (the
machine may be shared), the support size and the bits of w* (the largest bit
length of a numerator or denominator), for ``solve(method="refine")`` and, where n·p ≤ N (default
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
_timed(refine, "proposal", "float")
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


def with_options(n, p, seed=0):
    """A Gaussian problem with every option: (X, y, options)."""
    X, y = gaussian(n, p, seed)
    rng = np.random.default_rng(seed + 1)
    factors = rng.uniform(0.5, 2, p)
    factors[rng.choice(p, 10, replace=False)] = 0.0  # ten unpenalised features
    options = {
        "fit_intercept": True,
        "sample_weight": rng.uniform(0.5, 2, n).tolist(),
        "positive": True,
        "penalty_factor": factors.tolist(),
    }
    return X, y + 3, options


def float_lambda_max(X, y, options):
    """λ_max in float64: max over penalised j of max(ĉⱼ, 0)/vⱼ (or |ĉⱼ|/vⱼ) at the weighted
    least-squares fit on the unpenalised columns and the intercept (positivity ignored)."""
    if not options:
        return float(np.max(np.abs(X.T @ y)))
    v, s = np.array(options["penalty_factor"]), np.sqrt(options["sample_weight"])
    U = np.hstack([X[:, v == 0], np.ones((len(y), 1))])
    r = y - U @ np.linalg.lstsq(U * s[:, None], y * s, rcond=None)[0]
    c = X.T @ (s * s * r)
    return float(np.max(np.maximum(c, 0)[v > 0] / v[v > 0]))


PROBLEMS = {
    "gaussian 100×50": (lambda: (*gaussian(100, 50), {}), 0.01),
    "gaussian 200×100": (lambda: (*gaussian(200, 100), {}), 0.01),
    "gaussian 1000×500": (lambda: (*gaussian(1000, 500), {}), 0.01),
    "wide 200×2000": (lambda: (*gaussian(200, 2000), {}), 0.01),
    "options 1000×500": (lambda: with_options(1000, 500), 0.01),
    "options wide 200×2000": (lambda: with_options(200, 2000), 0.01),
}


def bits(w):
    return max(max(v.numerator.bit_length(), v.denominator.bit_length()) for v in w)


def run(name, make, fraction, method):
    X, y, options = make()
    l1 = fraction * float_lambda_max(X, y, options)
    Xl, yl = X.tolist(), y.tolist()
    STAGES.clear()
    start, cpu = time.perf_counter(), time.process_time()
    s = solve(Xl, yl, l1, method=method, **options)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    stages = ", ".join(f"{k} {v:.2f}" for k, v in STAGES.items()) if method == "refine" else ""
    optimal = "(not re-checked)"
    if X.size <= 50_000:
        optimal = certify(Xl, yl, s.w, l1, intercept=s.intercept, **options).optimal
    support = sum(v != 0 for v in s.w)
    exact_max = f" (exact λ_max {float(s.lambda_max):.6g})" if options else ""
    print(
        f"| {name} | {fraction}·λ_max{exact_max} | {method} | {elapsed:.2f} | {cpu:.2f} "
        f"| {support} | {bits(s.w)} | {optimal} | {stages} |",
        flush=True,
    )
    return s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--homotopy-up-to", type=int, default=5000)
    parser.add_argument("--only", nargs="*", default=list(PROBLEMS))
    args = parser.parse_args()
    print(f"python-flint: {_flint.HAVE_FLINT}")
    print(
        "| problem | λ₁ | method | time (s) | CPU (s) | support | bits of w* | certified "
        "| stages (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in args.only:
        make, fraction = PROBLEMS[name]
        refined = run(name, make, fraction, "refine")
        X, _, _ = make()
        if X.size <= args.homotopy_up_to:
            traced = run(name, make, fraction, "homotopy")
            assert traced.objective == refined.objective and traced.w == refined.w


if __name__ == "__main__":
    main()
