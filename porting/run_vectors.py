"""Run every test vector against a port and print a per-tcId verdict table.

    python -m lasso_spec.porting.run_vectors "node porting/node/lasso_cd.js"
    python -m lasso_spec.porting.run_vectors "./my_port" --timeout 60 --gap-rtol 1e-9

(also ``lasso-spec vectors "CMD"``).  The port speaks the process protocol
(conformance/process_impl.py, porting/README.md).  Its optional ``{"capabilities": true}``
reply is read for ``capabilities`` (problem kinds declined, ``exact_zeros``, and the options
``fit_intercept``, ``sample_weight``, ``positive``, ``penalty_factor``, which are not supported
unless declared true), ``reasons`` and ``relative_gap``.  The accuracy demanded is the
suite's, never the port's: ``--gap-rtol`` (default the gate's GAP_RTOL, 10⁻⁹).  A port
declaring a coarser ``relative_gap`` (e.g. a float32 port) declares a limitation: an answer
that fails the suite's accuracy but meets the declared one is reported as LIMITED, its own
tier, and the run exits 1 unless ``--accept-limitations``; a declared value finer than the
suite's changes nothing.  Exit status: 0 when every test passes or is skipped for a declared
reason; 1 when one fails (or is LIMITED without --accept-limitations); 2 on a usage
error, a port that cannot start or answer, or a run that checked nothing: no vector was
solved, or a kind or an option the port claims had no vector to check (without ``--only``).

Options (spec OPTIONS-OBJECTIVE; the files ``intercept_test.json``, ``sample_weight_test.json``,
``positive_test.json``, ``penalty_factor_test.json``, ``options_combined_test.json``): a
vector's options are optional keys of its problem line, sent as stored; with
``fit_intercept`` the port's ``"intercept"`` is read and the pair (w, b) is judged.  A vector
that uses an option the port does not declare (valid or invalid alike) is skipped, with
the option and the port's reason (or "not declared") shown in its line and counted in the
summary, never silently.  A vector's kind is that of its effective penalties: a problem in
which no feature is penalised (every penalty factor 0) is least squares whatever l1 and l2.

The verdicts are the conformance gate's, from the one judge
(``lasso_spec.conformance.verdict.judge``): the returned floats are converted to rationals
exactly, the vector's problem (every input is a binary64 number, so the port solved exactly
that problem) is solved exactly by the reference, and the answer gets the gate's checks —
objective F(w) − F* ≤ G with G = gap_rtol · S, S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂), then
the fit, the KKT residuals, the coefficients (valid tests: the minimiser is unique) and, if
the port declares ``exact_zeros``, exact zeros at certified strict slack.  The derivations
of every tolerance from G are in conformance/certificate_checks.py (spec DUAL-GAP,
GAP-DISTANCE-BOUND, CONFORMANCE-TOLERANCE); a failure carries the gate's triage.  The
vector's stored answer is checked too: its objective must equal the exact F* the judge
computed, or the vector itself is reported wrong (VECTOR ERROR).  ``acceptable`` tests
(non-unique minimiser) get the checks every minimiser satisfies; ``invalid`` tests must be
answered with ``{"error": ...}``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from fractions import Fraction

from .vector_file import KINDS, OPTIONS, VECTOR_DIR, load_vectors


def _client():
    """The protocol client, shared with the conformance gate."""
    from lasso_spec.conformance.process_impl import ImplementationError, ProcessImplementation

    return ProcessImplementation, ImplementationError


# --------------------------------------------------------------------------- the judge


@dataclass
class Outcome:
    """The verdict on one vector."""

    status: str  # "pass", "fail", "skip", "limited"
    message: str = ""
    relative_gap: float | None = None  # (F(w) − F*)/S, S the gate's objective scale
    seconds: float = 0.0
    skipped_for: tuple = ()  # every reason of a skip (a declined kind, undeclared options)


def check(vector, w, gap_rtol, exact_zeros):
    """(failures, (F(w) − F*)/S) of an answer to a solved vector, judged by the gate's judge.

    The answer ``w`` is the p coefficients, or the pair (w, b) when the vector fits an
    intercept (``vector.fits_intercept``), as ``judge`` takes it.
    """
    from lasso_spec.conformance.received import exact_solution
    from lasso_spec.conformance.verdict import judge

    problem = vector.problem()
    expected = Fraction(vector.test["expected"]["objective"])
    if exact_solution(problem).objective != expected:
        return [f"VECTOR ERROR: the stored F* = {expected} is not the exact optimum "
                f"{exact_solution(problem).objective}"], None
    verdict = judge(problem, w, exact_zeros=exact_zeros, gap_rtol=gap_rtol)
    failures = [f"{c.name}: {c.detail}" for c in verdict.checks.values() if c.status == "fail"]
    if failures and verdict.triage:
        failures.append(f"triage: {verdict.triage}")
    return failures, verdict.gap_rel


# --------------------------------------------------------------------------- running


def run(impl, vectors, relative_gap, capabilities, reasons, error_type, declared=None):
    """Outcome of every vector, in order (capabilities: name -> bool, as declared).

    ``relative_gap`` is the accuracy demanded (the suite's); ``declared``, the port's own
    coarser promise if any: an answer that meets only it is ``limited``, never ``pass``.
    """
    from lasso_spec.conformance.progress import Progress

    outcomes = []
    exact_zeros = bool(capabilities.get("exact_zeros", False))
    progress = Progress("vectors", len(vectors))
    for done, vector in enumerate(vectors):
        progress.tick(done, f"next {vector.key}")
        start = time.perf_counter()
        declined = skip_reasons(vector, capabilities, reasons)
        if declined:
            outcome = Outcome("skip", "; ".join(declined), skipped_for=tuple(declined))
        elif vector.result == "invalid":
            try:
                message = impl.reject(vector.problem_line())
                outcome = Outcome("pass", f"rejected: {message}")
            except error_type as error:
                outcome = Outcome("fail", str(error))
        else:
            try:
                w = answer(impl, vector)
            except error_type as error:
                outcome = Outcome("fail", str(error))
            else:
                failures, relative = check(vector, w, relative_gap, exact_zeros)
                outcome = Outcome("fail" if failures else "pass", "; ".join(failures), relative)
                if failures and declared is not None and declared > relative_gap:
                    coarse, _ = check(vector, w, declared, exact_zeros)
                    if not coarse:
                        outcome = Outcome("limited", f"within the declared relative_gap "
                                          f"{declared:g} only: " + "; ".join(failures), relative)
        outcome.seconds = time.perf_counter() - start
        outcomes.append(outcome)
    return outcomes


def skip_reasons(vector, capabilities, reasons):
    """Why the port is not sent this vector (empty: it is sent): a declined kind, and every
    option it uses that the port does not declare true."""
    why = []
    if vector.kind is not None and not capabilities.get(vector.kind, True):
        why.append(f"declared unsupported ({vector.kind}): "
                   f"{reasons.get(vector.kind, 'no reason given')}")
    for option in vector.options:
        if not capabilities.get(option, False):
            reason = reasons.get(option, f"capabilities.{option} is not declared true")
            why.append(f"option not supported ({option}): {reason}")
    return why


def answer(impl, vector):
    """The port's answer to a solvable vector: w, or (w, b) when it fits an intercept.

    ``answer_exact`` returns both exactly (and has already refused a reply without an
    ``"intercept"`` to a problem with fit_intercept true).
    """
    w, b = impl.answer_exact(vector.problem_line())
    return (w, b) if vector.fits_intercept else w


def skip_summary(vectors, outcomes):
    """One line per reason for skipping, with the number of vectors skipped for it."""
    counts = {}
    for outcome in outcomes:
        if outcome.status == "skip":
            for reason in outcome.skipped_for or (outcome.message,):
                counts[reason] = counts.get(reason, 0) + 1
    if not counts:
        return []
    return ["skips by reason (a vector may have several):",
            *(f"  skipped {count:>4}: {reason}" for reason, count in counts.items())]


def format_table(vectors, outcomes):
    """The per-tcId verdict table and a summary line."""
    lines = [f"{'file:tcId':<28} {'result':<10} {'verdict':<7} {'gap/S':>9} {'s':>6}  note"]
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
    lines += skip_summary(vectors, outcomes)
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", help="the port's command line (split with shlex, no shell)")
    parser.add_argument("--vectors", default=str(VECTOR_DIR), help="the vector directory")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per problem")
    parser.add_argument("--gap-rtol", "--relative-gap", dest="gap_rtol", type=float,
                        default=None, help="the accuracy demanded, F(w) - F* <= g S "
                        "(default the suite's 1e-9; the port's declaration never sets it)")
    parser.add_argument("--accept-limitations", action="store_true",
                        help="exit 0 when answers meet only the port's declared coarser "
                             "relative_gap (still reported as LIMITED)")
    parser.add_argument("--only", default=None, help="run only this file (e.g. lasso_test.json)")
    args = parser.parse_args(argv)
    from lasso_spec.conformance.tolerance import GAP_RTOL

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
        declared_options = [o for o in OPTIONS if capabilities.get(o, False)]
        print("options: " + (", ".join(declared_options) if declared_options else "none")
              + " declared" + ("" if len(declared_options) == len(OPTIONS) else
                               "; vectors using any other option are skipped"))
        source = "suite default" if args.gap_rtol is None else "--gap-rtol"
        print(f"accuracy demanded: F(w) - F* <= {demanded:g} S, "
              f"S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂), with options ½Σsᵢ(yᵢ − m)² + "
              f"½λ₁²/max_j G_jj ({source}; the gate's judge)")
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
    solved, with_option = {}, {}
    for vector, outcome in zip(vectors, outcomes, strict=True):
        if vector.result != "invalid":
            checked = outcome.status != "skip"
            solved[vector.kind] = solved.get(vector.kind, 0) + checked
            for option in vector.options:
                with_option[option] = with_option.get(option, 0) + checked
    claimed = [k for k in KINDS if capabilities.get(k, True)]
    missing = [k for k in claimed if every_file and not solved.get(k)]
    missing += [o for o in OPTIONS
                if capabilities.get(o, False) and every_file and not with_option.get(o)]
    if not any(solved.values()) or missing:
        why = (f"the port claims {', '.join(missing)} but no vector of that kind or with that "
               "option was checked" if missing
               else "no vector was solved (every solvable vector was skipped)")
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
