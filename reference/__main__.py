"""``python -m reference``: solve and certify the notes' worked example and a random problem.

Prints each problem, the exact path knots, the exact solution and its
certificate (correlations c_j, KKT residuals, duality gap, verdict).
"""

import random
import sys

from . import Problem, certify, solve
from .problem import format_number

WORKED_EXAMPLE = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)


def random_problem(seed=2026, n=6, p=4):
    """A seeded random problem with small integer data and λ₁ = λ_max/3."""
    rng = random.Random(seed)
    X = [[rng.randint(-4, 4) for _ in range(p)] for _ in range(n)]
    y = [rng.randint(-6, 6) for _ in range(n)]
    lam_max = solve(X, y, 0).lambda_max
    return Problem(X=X, y=y, l1=lam_max / 3, l2=0)


def _vector(values):
    return "(" + ", ".join(format_number(v) for v in values) + ")"


def report(title, problem, out=None):
    """Solve one problem exactly and print the solution with its certificate."""
    out = out or sys.stdout
    solution = solve(problem.X, problem.y, problem.l1, problem.l2)
    cert = certify(problem.X, problem.y, solution.w, problem.l1, problem.l2)
    print(f"== {title}", file=out)
    print(f"   {problem!r}", file=out)
    print(f"   lambda_max = {format_number(solution.lambda_max)}", file=out)
    for knot in solution.path:
        print(f"   knot  lambda = {format_number(knot.lam):>12}   w = {_vector(knot.w)}", file=out)
    print(f"   w*        = {_vector(solution.w)}   (unique: {solution.unique})", file=out)
    print(f"   F(w*)     = {format_number(solution.objective)}", file=out)
    print(f"   c_j       = {_vector(cert.c)}   (x_j^T r - 2 l2 w_j)", file=out)
    print(f"   residual  = {_vector(cert.residual)}", file=out)
    print(f"   dual gap  = {format_number(cert.gap)}", file=out)
    print(f"   verdict   = {'OPTIMAL (exact KKT)' if cert.optimal else 'NOT OPTIMAL'}", file=out)
    return cert.optimal


def main(argv=None):
    ok = report("the notes' worked example", WORKED_EXAMPLE)
    ok &= report("a random problem (seed 2026)", random_problem())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
