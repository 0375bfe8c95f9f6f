"""``lasso-spec certify``: judge one candidate answer to one problem, exactly.

The candidate comes as JSON (file or stdin) or as a .npz file; the verdict is the exact
certificate's proven bound on F(w) − F* against the gate's tolerance G = gap_rtol·S (spec
CONFORMANCE-TOLERANCE), or the exact KKT conditions (``--exact``), or a given ``gap_tol``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .exit_codes import FAIL, PASS, USAGE

CERTIFY_EXAMPLES = """\
input: a JSON object {"X": [[...], ...], "y": [...], "l1": ..., "l2": ..., "w": [...]}
(numbers as JSON numbers, read exactly, or "p/q" strings; optional "gap_tol", an
absolute bound on F(w) − F*), or a .npz file with arrays X, y, w and scalars l1, l2.

By default a float answer is accepted when the proven bound on F(w) − F* (the duality
gap of the exact certificate) is at most G = gap_rtol·S, the gate's own tolerance
(S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂), spec CONFORMANCE-TOLERANCE).  --exact demands
the exact KKT conditions instead (an exact rational optimum).

examples:
  lasso-spec certify answer.json
  lasso-spec certify problem.npz --gap-rtol 1e-6
  echo '{"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1, "w": ["5/3", "2/3"]}' \\
      | lasso-spec certify - --exact
"""


def add_parser(sub, make):
    """The certify subcommand's parser, made by ``make`` (cli._sub: help text, exit codes)."""
    p = make(sub, "certify", "judge one candidate answer w to one problem", CERTIFY_EXAMPLES)
    p.add_argument("file", help="a .json or .npz file; - reads JSON from stdin")
    p.add_argument("--exact", action="store_true",
                   help="demand the exact KKT conditions (no tolerance)")
    p.add_argument("--gap-rtol", type=float, default=None, metavar="X",
                   help="accuracy demanded: F(w) − F* ≤ X·S (default 1e-9)")
    p.set_defaults(run=run_certify)


def read_candidate(name, stdin=None):
    """The input of certify as a dict (X, y, l1, l2, w, optionally gap_tol)."""
    from lasso_spec.reference import ProblemError

    if name.endswith(".npz"):
        import numpy as np

        try:
            with np.load(name, allow_pickle=False) as data:
                missing = {"X", "y", "l1", "w"} - set(data.files)
                if missing:
                    raise ProblemError(f"{name}: the .npz file needs arrays {sorted(missing)}")
                return {key: data[key].tolist() for key in data.files}
        except (OSError, ValueError) as error:
            raise ProblemError(f"cannot read {name}: {error}") from None
    try:
        text = (stdin or sys.stdin).read() if name == "-" else Path(name).read_text()
    except OSError as error:
        raise ProblemError(f"cannot read {name}: {error}") from None
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ProblemError(f"{name} is not JSON: {error}") from None


def certify_result(data, *, exact=False, gap_rtol=None):
    """The certificate of data["w"], with the verdict: exact KKT, or bound ≤ G (see above)."""
    from lasso_spec.reference import Problem
    from lasso_spec.reference.__main__ import certify_json
    from lasso_spec.reference.problem import format_number

    from .tolerance import GAP_RTOL, gap_tolerance, objective_scale

    result = certify_json(data)
    if exact or "gap_tol" in data:
        result["mode"] = "exact KKT" if exact and "gap_tol" not in data else "gap_tol"
        return result
    rtol = GAP_RTOL if gap_rtol is None else gap_rtol
    problem = Problem.from_json({k: v for k, v in data.items() if k not in ("w", "gap_tol")})
    G = gap_tolerance(problem, rtol)
    from fractions import Fraction

    bound = Fraction(result["bound"])
    result.update({
        "mode": "derived tolerance",
        "gap_rtol": rtol,
        "S": format_number(objective_scale(problem)),
        "G": format_number(G),
        "within_G": bound <= G,
        "passed": bound <= G,
    })
    return result


def run_certify(args, stdin=None, out=None, err=None):
    from lasso_spec.reference import ProblemError

    out, err = out or sys.stdout, err or sys.stderr
    if args.gap_rtol is not None and not (args.gap_rtol >= 0 and args.gap_rtol < float("inf")):
        print("lasso-spec certify: --gap-rtol must be a finite number >= 0", file=err)
        return USAGE
    try:
        data = read_candidate(args.file, stdin)
        if not isinstance(data, dict):
            raise ProblemError(f"the input must be a JSON object, got {type(data).__name__}")
        from .progress import heartbeat

        with heartbeat("lasso-spec certify", err):
            result = certify_result(data, exact=args.exact, gap_rtol=args.gap_rtol)
    except (ProblemError, ValueError, RecursionError) as error:
        print(f"lasso-spec certify: {error}", file=err)
        return USAGE
    print(json.dumps(result, indent=2), file=out)
    verdict = "PASS" if result["passed"] else "FAIL"
    from fractions import Fraction

    bound, G = float(Fraction(result["bound"])), float(Fraction(result.get("G", "0")))
    how = {"derived tolerance": f"proven F(w) − F* ≤ {bound:.3g}, tolerance G = {G:.3g}",
           "exact KKT": "exact KKT conditions",
           "gap_tol": "proven F(w) − F* within the given gap_tol"}[result["mode"]]
    print(f"certify: {verdict} ({how})", file=err)
    return PASS if result["passed"] else FAIL
