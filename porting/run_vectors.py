"""Run every test vector against a port and print a per-tcId verdict table.

    python -m lasso_spec.porting.run_vectors "node porting/node/lasso_cd.js"
    python -m lasso_spec.porting.run_vectors "./my_port" --timeout 60 --gap-rtol 1e-9

(also ``lasso-spec vectors "CMD"``).  The port speaks the process protocol
(conformance/process_impl.py, porting/README.md).  Its optional ``{"capabilities": true}``
reply is read for ``capabilities`` (problem kinds declined, ``exact_zeros``), ``reasons``
and ``relative_gap``.  The accuracy demanded is the suite's, never the port's:
``--gap-rtol`` (default the gate's GAP_RTOL, 10⁻⁹).  A port declaring a coarser
``relative_gap`` (e.g. a float32 port) declares a limitation: an answer that fails the
suite's accuracy but meets the declared one is reported as LIMITED, its own tier, and the
run exits 1 unless ``--accept-limitations``; a declared value finer than the suite's
changes nothing.  Exit status: 0 when every test passes or is skipped for a declared
reason; 1 when one fails (or is LIMITED without --accept-limitations); 2 on a usage
error, a port that cannot start or answer, or a run that checked nothing: no vector was
solved, or a kind the port claims had no vector to check (without ``--only``).

The verdicts are exact: the returned floats are converted to rationals
exactly, and every quantity below is computed in rational arithmetic from the
exact problem (all inputs of the vectors are binary64 numbers, so the port
solved exactly that problem).  Write G = gap_rtol · F(0), F(0) = ½‖y‖²,
the accuracy demanded; w the answer, w* the expected minimiser,
c(w) = Xᵀ(y − Xw) − 2λ₂w, d = w − w*.

1. **objective** (spec DUAL-GAP): F(w) − F* ≤ G.  This is the promise itself.
2. **fitted values** (GAP-DISTANCE-BOUND): F(w) − F* ≥ ½‖X̃d‖² = ½‖Xd‖² + λ₂‖d‖²
   (X̃ = [X; √(2λ₂) I]), so ‖X(w − w*)‖² ≤ 2G.
3. **KKT / correlations** (GAP-DISTANCE-BOUND, KKT-ZERO, KKT-NONZERO):
   c(w) − c(w*) = −X̃ᵀX̃d, so |c_j(w) − c*_j| ≤ ‖x̃_j‖‖X̃d‖ ≤ δ_j with
   δ_j² = 2G(‖x_j‖² + 2λ₂); compared squared, exactly.
4. **coefficients** (valid tests only; the minimiser is unique).  From
   F(w* + d) − F* = ½‖X̃d‖² + Σ_j (λ₁|w*_j + d_j| − λ₁|w*_j| − c*_j d_j), a sum of
   nonnegative terms:
   * at a zero with strict slack (w*_j = 0, |c*_j| < λ₁): (λ₁ − |c*_j|)·|d_j| ≤ G;
   * λ₂ > 0: λ₂‖d‖² ≤ G;
   * λ₂ = 0: on the other coordinates E (w*_j ≠ 0 or |c*_j| = λ₁) with
     μ ≤ λ_min(X_EᵀX_E) (a rational lower bound, proven by an exact LDLᵀ of
     X_EᵀX_E − μI), X_E d_E = Xd − X_N d_N gives
     √μ‖d_E‖ ≤ √(2G) + Σ_{j∈N} ‖x_j‖·G/(λ₁ − |c*_j|); square roots are rounded up
     to rationals, so the check is sound.  When X_E is rank-deficient no such bound
     exists and the coefficients are judged through checks 1–3 (said in the table).
5. **exact zeros** (only if the port declares ``exact_zeros``): where w*_j = 0 with
   slack λ₁ − |c*_j| > δ_j, every minimiser has w_j = 0 and the certified
   correlation is strictly inside the soft threshold's zero zone, so w_j must be
   exactly 0.0.

Checks 2–4 follow from check 1 when the vector is right; they are reported to
say *where* an answer is wrong (which coordinate, the fit, or a correlation).
Check 5 is independent.  ``acceptable`` tests (non-unique minimiser) get checks
1, 2, 3 and 5, which hold for every minimiser; ``invalid`` tests must be answered
with ``{"error": ...}``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTOR_DIR = ROOT / "spec" / "vectors"



def kind(l1, l2):
    """The problem kind, as the conformance suite's capability names it."""
    if l1 > 0:
        return "elastic_net" if l2 > 0 else "lasso"
    return "ridge" if l2 > 0 else "least_squares"


def _client():
    """The protocol client, shared with the conformance gate."""
    from lasso_spec.conformance.process_impl import ImplementationError, ProcessImplementation

    return ProcessImplementation, ImplementationError


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Vector:
    """One test with its group, in exact form."""

    file: str
    tc_id: int
    result: str
    comment: str
    flags: tuple
    test: dict
    group: dict

    @property
    def key(self):
        return f"{self.file}:{self.tc_id}"

    def problem_line(self):
        """The object sent to the port: the invalid input as stored, or the exact problem."""
        if self.result == "invalid":
            return self.test["problem"]
        return {"X": self.group["X"], "y": self.group["y"], "l1": self.test["l1"],
                "l2": self.test["l2"]}


def load_vectors(directory=VECTOR_DIR):
    """Every test of every ``*_test.json`` file, in file order then tcId order."""
    vectors = []
    for path in sorted(Path(directory).glob("*_test.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for group in data["testGroups"]:
            for test in group["tests"]:
                vectors.append(Vector(path.name, test["tcId"], test["result"], test["comment"],
                                      tuple(test["flags"]), test, group))
    return vectors


# --------------------------------------------------------------------------- exact checks


def _q(values):
    return [Fraction(v) for v in values]


def _dot(u, v):
    return sum((a * b for a, b in zip(u, v, strict=True)), Fraction(0))


def _sqrt_up(q):
    """A rational s >= √q (q >= 0 rational)."""
    if q == 0:
        return Fraction(0)
    s = Fraction(math.sqrt(float(q)))
    while s * s < q:
        s *= 1 + Fraction(1, 2**40)
    return s


def _is_positive_definite(A):
    """Exact LDLᵀ: every pivot > 0."""
    A = [row[:] for row in A]
    m = len(A)
    for k in range(m):
        if A[k][k] <= 0:
            return False
        for i in range(k + 1, m):
            factor = A[i][k] / A[k][k]
            for j in range(k, m):
                A[i][j] -= factor * A[k][j]
    return True


def min_eigenvalue_lower_bound(A):
    """A rational μ > 0 with A − μI positive definite, or None (A is, or seems, singular)."""
    import numpy as np

    if not A:
        return None
    estimate = float(np.linalg.eigvalsh(np.array([[float(v) for v in row] for row in A])).min())
    if not estimate > 0:
        return None
    mu = Fraction(estimate) / 2
    for _ in range(40):
        shifted = [[v - (mu if i == j else 0) for j, v in enumerate(row)]
                   for i, row in enumerate(A)]
        if _is_positive_definite(shifted):
            return mu
        mu /= 4
    return None


@dataclass
class Outcome:
    """The verdict on one vector."""

    status: str  # "pass", "fail", "skip"
    message: str = ""
    relative_gap: float | None = None  # (F(w) − F*)/F(0)
    seconds: float = 0.0


class Checker:
    """The exact checks of one solved vector against an answer w (Fractions)."""

    def __init__(self, vector):
        g, t = vector.group, vector.test
        self.vector = vector
        self.X = [_q(row) for row in g["X"]]
        self.y = _q(g["y"])
        self.l1, self.l2 = Fraction(t["l1"]), Fraction(t["l2"])
        e = t["expected"]
        self.w_star = _q(e["w"])
        self.F_star = Fraction(e["objective"])
        self.fitted_star = _q(e["fitted"])
        self.c_star = _q(e["correlations"])
        self.n, self.p = len(self.X), len(self.X[0])
        self.cols = [[row[j] for row in self.X] for j in range(self.p)]
        self.col_sq = [sum(v * v for v in col) for col in self.cols]

    def residual(self, w):
        """r = y − Xw, exactly."""
        return [yi - _dot(row, w) for row, yi in zip(self.X, self.y, strict=True)]

    def objective(self, w):
        r = self.residual(w)
        return (sum(v * v for v in r) / 2 + self.l1 * sum(abs(v) for v in w)
                + self.l2 * sum(v * v for v in w))

    def correlations(self, w):
        r = self.residual(w)
        return [_dot(col, r) - 2 * self.l2 * wj
                for col, wj in zip(self.cols, w, strict=True)]

    def slack(self, j):
        """λ₁ − |c*_j| at a zero of w* (positive: strict slack)."""
        return self.l1 - abs(self.c_star[j]) if self.w_star[j] == 0 else Fraction(0)

    def check(self, w, G, exact_zeros):
        """(failures, relative gap): every check of the module docstring that fails."""
        failures = []
        F0 = sum(v * v for v in self.y) / 2
        excess = self.objective(w) - self.F_star
        relative = float(excess / F0) if F0 else float(excess != 0)
        if excess < 0:
            return [f"VECTOR ERROR: F(w) < F* by {float(-excess):.3g}"], relative
        if excess > G:  # 1. objective
            failures.append(f"objective: F(w) - F* = {float(excess):.3g} > G = {float(G):.3g}")
        fit = [_dot(row, w) - f for row, f in zip(self.X, self.fitted_star, strict=True)]
        if sum(v * v for v in fit) > 2 * G:  # 2. fitted values
            failures.append(f"fitted values: ||X(w - w*)||^2 = {float(sum(v * v for v in fit)):.3g}"
                            f" > 2G = {float(2 * G):.3g}")
        c = self.correlations(w)
        delta_sq = [2 * G * (s + 2 * self.l2) for s in self.col_sq]
        bad = [j for j in range(self.p) if (c[j] - self.c_star[j]) ** 2 > delta_sq[j]]
        if bad:  # 3. KKT
            j = bad[0]
            within = math.sqrt(float(delta_sq[j]))
            failures.append(f"KKT: c_{j + 1}(w) = {float(c[j]):.17g}, expected "
                            f"{float(self.c_star[j]):.17g} within {within:.3g} "
                            f"({len(bad)} coordinate(s))")
        if exact_zeros:  # 5. exact zeros at certified strict slack
            for j in range(self.p):
                s = self.slack(j)
                if s > 0 and s * s > delta_sq[j] and w[j] != 0:
                    within = math.sqrt(float(delta_sq[j]))
                    failures.append(f"exact zero: w_{j + 1} = {float(w[j])!r}, but w*_{j + 1} = 0"
                                    f" with slack {float(s):.3g} > {within:.3g}")
                    break
        if self.vector.result == "valid":
            failures += self.coefficient_failures(w, G)
        return failures, relative

    def coefficient_failures(self, w, G):
        """Check 4 of the module docstring."""
        d = [a - b for a, b in zip(w, self.w_star, strict=True)]
        strict = [j for j in range(self.p) if self.slack(j) > 0]
        for j in strict:
            if self.slack(j) * abs(d[j]) > G:
                return [f"coefficient w_{j + 1} = {float(w[j])!r}: expected 0, bound "
                        f"{float(G / self.slack(j)):.3g}"]
        if self.l2 > 0:
            if self.l2 * sum(v * v for v in d) > G:
                worst = max(range(self.p), key=lambda j: abs(d[j]))
                return [f"coefficients: ||w - w*||^2 = {float(sum(v * v for v in d)):.3g} > G/l2 "
                        f"= {float(G / self.l2):.3g}; worst w_{worst + 1} = {float(w[worst])!r}, "
                        f"expected {float(self.w_star[worst])!r}"]
            return []
        E = [j for j in range(self.p) if j not in strict]
        if not E:
            return []
        gram = [[_dot(self.cols[i], self.cols[j]) for j in E] for i in E]
        mu = min_eigenvalue_lower_bound(gram)
        if mu is None:
            return []  # X_E rank-deficient: judged by checks 1-3 (see the module docstring)
        radius = _sqrt_up(2 * G) + sum(_sqrt_up(self.col_sq[j]) * G / self.slack(j)
                                       for j in strict)
        if mu * sum(d[j] ** 2 for j in E) > radius**2:
            worst = max(E, key=lambda j: abs(d[j]))
            return [f"coefficients: w_{worst + 1} = {float(w[worst])!r}, expected "
                    f"{float(self.w_star[worst])!r}; ||d_E|| > {float(radius / _sqrt_up(mu)):.3g}"]
        return []


# --------------------------------------------------------------------------- running


def run(impl, vectors, relative_gap, capabilities, reasons, error_type, declared=None):
    """Outcome of every vector, in order (capabilities: name -> bool, as declared).

    ``relative_gap`` is the accuracy demanded (the suite's); ``declared``, the port's own
    coarser promise if any: an answer that meets only it is ``limited``, never ``pass``.
    """
    outcomes = []
    exact_zeros = bool(capabilities.get("exact_zeros", False))
    for vector in vectors:
        start = time.perf_counter()
        problem_kind = None
        if vector.result != "invalid":
            problem_kind = kind(Fraction(vector.test["l1"]), Fraction(vector.test["l2"]))
        if problem_kind is not None and not capabilities.get(problem_kind, True):
            reason = reasons.get(problem_kind, "no reason given")
            outcome = Outcome("skip", f"declared unsupported ({problem_kind}): {reason}")
        elif vector.result == "invalid":
            try:
                message = impl.reject(vector.problem_line())
                outcome = Outcome("pass", f"rejected: {message}")
            except error_type as error:
                outcome = Outcome("fail", str(error))
        else:
            try:
                w = impl.solve_exact(vector.problem_line())
            except error_type as error:
                outcome = Outcome("fail", str(error))
            else:
                checker = Checker(vector)
                F0 = sum(v * v for v in checker.y) / 2
                failures, relative = checker.check(w, Fraction(relative_gap) * F0, exact_zeros)
                outcome = Outcome("fail" if failures else "pass", "; ".join(failures), relative)
                if failures and declared is not None and declared > relative_gap:
                    coarse, _ = checker.check(w, Fraction(declared) * F0, exact_zeros)
                    if not coarse:
                        outcome = Outcome("limited", f"within the declared relative_gap "
                                          f"{declared:g} only: " + "; ".join(failures), relative)
        outcome.seconds = time.perf_counter() - start
        outcomes.append(outcome)
    return outcomes


def format_table(vectors, outcomes):
    """The per-tcId verdict table and a summary line."""
    lines = [f"{'file:tcId':<28} {'result':<10} {'verdict':<7} {'gap/F(0)':>9} {'s':>6}  note"]
    for vector, outcome in zip(vectors, outcomes, strict=True):
        gap = "" if outcome.relative_gap is None else f"{outcome.relative_gap:.1e}"
        note = outcome.message.splitlines()[0] if outcome.message else vector.comment
        lines.append(f"{vector.key:<28} {vector.result:<10} {outcome.status.upper():<7} "
                     f"{gap:>9} {outcome.seconds:6.2f}  {note[:110]}")
    counts = {s: sum(1 for o in outcomes if o.status == s)
              for s in ("pass", "fail", "skip", "limited")}
    limited = f", {counts['limited']} LIMITED (declared accuracy)" if counts["limited"] else ""
    lines.append(f"{len(outcomes)} vectors: {counts['pass']} passed, {counts['fail']} failed, "
                 f"{counts['skip']} skipped (declared){limited}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", help="the port's command line (split with shlex, no shell)")
    parser.add_argument("--vectors", default=str(VECTOR_DIR), help="the vector directory")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per problem")
    parser.add_argument("--gap-rtol", "--relative-gap", dest="gap_rtol", type=float,
                        default=None, help="the accuracy demanded, F(w) - F* <= g F(0) "
                        "(default the suite's 1e-9; the port's declaration never sets it)")
    parser.add_argument("--accept-limitations", action="store_true",
                        help="exit 0 when answers meet only the port's declared coarser "
                             "relative_gap (still reported as LIMITED)")
    parser.add_argument("--only", default=None, help="run only this file (e.g. lasso_test.json)")
    args = parser.parse_args(argv)
    from lasso_spec.conformance.verdict import GAP_RTOL

    demanded = GAP_RTOL if args.gap_rtol is None else args.gap_rtol
    if not 0 <= demanded < math.inf:
        print(f"--gap-rtol must be a finite number >= 0, got {demanded}", file=sys.stderr)
        return 2
    ProcessImplementation, ImplementationError = _client()
    vectors = [v for v in load_vectors(args.vectors) if args.only in (None, v.file)]
    if not vectors:
        print(f"no test vectors in {args.vectors}" + (f" named {args.only}" if args.only else ""),
              file=sys.stderr)
        return 2
    with ProcessImplementation(args.command, timeout=args.timeout) as impl:
        try:
            capabilities, reasons = impl.capabilities, impl.reasons
            name, version, declared = impl.name, impl.version, impl.relative_gap
            _probe(impl, capabilities)
        except ImplementationError as error:
            print(f"the port cannot start or answer; check the command (interpreter, "
                  f"dependencies, path):\n{error}", file=sys.stderr)
            return 2
        print(f"port: {name} {version}  ({args.command})")
        print(f"capabilities: {json.dumps(capabilities)}")
        source = "suite default" if args.gap_rtol is None else "--gap-rtol"
        print(f"accuracy demanded: F(w) - F* <= {demanded:g} F(0) ({source})")
        if declared and declared > demanded:
            print(f"declared limitation: the port promises only relative_gap {declared:g}; "
                  "answers within it but not within the demand are LIMITED")
        start = time.perf_counter()
        outcomes = run(impl, vectors, demanded, capabilities, reasons, ImplementationError,
                       declared=declared or None)
        elapsed = time.perf_counter() - start
    print(format_table(vectors, outcomes))
    print(f"total {elapsed:.1f} s")
    for vector, outcome in zip(vectors, outcomes, strict=True):
        if outcome.status in ("fail", "limited"):
            print(f"\n{outcome.status.upper()} {vector.key} ({vector.comment}):\n"
                  f"  {outcome.message}")
    return exit_status(vectors, outcomes, capabilities, every_file=args.only is None,
                       accept_limitations=args.accept_limitations)


def _probe(impl, capabilities):
    """Solve the notes' worked example first, so that a port that cannot run at all (wrong
    interpreter, missing dependency) is a clear usage error, not a failure per vector."""
    if capabilities.get("lasso", True):
        impl.solve_exact({"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1, "l2": 0})


def exit_status(vectors, outcomes, capabilities, *, every_file=True, accept_limitations=False):
    """0 pass, 1 fail (or LIMITED unless accepted), 2 nothing checked (printed why)."""
    solved = {}
    for vector, outcome in zip(vectors, outcomes, strict=True):
        if vector.result != "invalid":
            k = kind(Fraction(vector.test["l1"]), Fraction(vector.test["l2"]))
            solved[k] = solved.get(k, 0) + (outcome.status != "skip")
    claimed = [k for k in ("lasso", "elastic_net", "ridge", "least_squares")
               if capabilities.get(k, True)]
    missing = [k for k in claimed if every_file and not solved.get(k)]
    if not any(solved.values()) or missing:
        why = (f"the port claims {', '.join(missing)} but no vector of that kind was checked"
               if missing else "no vector was solved (every solvable vector was skipped)")
        print(f"\nnothing to call green: {why}; exit status 2", file=sys.stderr)
        return 2
    statuses = {o.status for o in outcomes}
    if "fail" in statuses:
        return 1
    if "limited" in statuses and not accept_limitations:
        print("\nLIMITED: some answers meet only the port's declared accuracy, not the "
              "suite's; exit status 1 (--accept-limitations to accept them)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
