"""``python -m reference``: solve and certify the notes' worked example and a random problem.

Prints each problem, the exact path knots, the exact solution and its
certificate (correlations c_j, KKT residuals, duality gap, verdict).

``python -m reference certify`` reads a problem and a candidate solution as one
JSON object on stdin — keys X, y, l1, optionally l2, w, and optionally gap_tol;
numbers as JSON numbers (floats are read exactly) or exact "p/q" strings — and
prints the exact certificate as JSON, indented by two spaces (numbers as "p/q"
strings).  Exit status:
0 when the candidate passes (exact KKT, or with gap_tol: the proven bound on
F(w) − F* is at most gap_tol), 1 when it fails, 2 on bad input.
"""

import json
import random
import sys

from . import Problem, ProblemError, certify, solve
from .problem import format_number, loads, parse_number

USAGE = "usage: python -m reference [certify < problem-and-candidate.json]"

WORKED_EXAMPLE = Problem(X=[[1, 1], [1, 0], [0, 1]], y=[3, 2, 1], l1=1)


def random_problem(seed=2026, n=6, p=4):
    """A seeded random problem with small integer data and λ₁ = λ_max/3.

    With ``rng = random.Random(seed)``: X row by row, Xᵢⱼ = rng.randint(−4, 4), then
    yᵢ = rng.randint(−6, 6); λ₂ = 0.
    """
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


def certify_json(data):
    """The certificate of ``data["w"]`` for the problem in ``data``, as a JSON-ready dict."""
    if not isinstance(data, dict):
        raise ProblemError(f"the input must be a JSON object, got {data!r}")
    data = dict(data)
    w, gap_tol = data.pop("w", None), data.pop("gap_tol", None)
    if w is None:
        raise ProblemError("the input needs the candidate solution under the key 'w'")
    problem = Problem.from_json(data)
    if not isinstance(w, list):
        raise ProblemError(f"w must be a list of numbers, got {w!r}")
    w = [parse_number(v, f"w[{j}]") for j, v in enumerate(w)]
    cert = certify(problem.X, problem.y, w, problem.l1, problem.l2)
    result = {
        "c": [format_number(v) for v in cert.c],
        "residual": [format_number(v) for v in cert.residual],
        "violations": list(cert.violations),
        "gap": format_number(cert.gap),
        "bound": format_number(cert.bound),
        "objective": format_number(cert.objective),
        "optimal": cert.optimal,
    }
    passed = cert.optimal
    if gap_tol is not None:
        tolerance = parse_number(gap_tol, "gap_tol")
        result["gap_tol"] = format_number(tolerance)
        passed = result["within_gap_tol"] = cert.bound <= tolerance
    result["passed"] = passed
    return result


def run_certify(stdin, out, err):
    """The ``certify`` subcommand: JSON in, certificate JSON out, exit status as documented."""
    try:
        result = certify_json(loads(stdin.read()))  # bounded numbers and nesting
    except (json.JSONDecodeError, ProblemError) as error:
        print(f"certify: {error}", file=err)
        return 2
    print(json.dumps(result, indent=2), file=out)
    return 0 if result["passed"] else 1


def main(argv=None, stdin=None, out=None, err=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["certify"]:
        return run_certify(stdin or sys.stdin, out or sys.stdout, err or sys.stderr)
    if argv:
        print(USAGE, file=err or sys.stderr)
        return 2
    ok = report("the notes' worked example", WORKED_EXAMPLE)
    ok &= report("a random problem (seed 2026)", random_problem())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
