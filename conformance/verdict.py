"""Verdicts from certificates: is an implementation's answer a minimiser of F?

The implementation receives float64 data.  The problem judged is the exact
rational problem of those doubles (every double is a rational number), solved
exactly by ``reference.solve``; the answer w is converted exactly as well.
So every quantity below is computed in exact rational arithmetic: evaluating
a certificate adds no rounding error, and the spec's floating-point
evaluation bound (FLOAT-KKT-TOLERANCE, τ_j) is zero here.  The one tolerance
is the accuracy demanded of the implementation:

    G = gap_rtol · S,   S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂)

(tolerance.py); every other check is a bound derived from G (certificate_checks.py),
so the objective check is the verdict and the other checks never contradict it on a
correct answer; they say *where* a wrong answer is wrong.

This module holds the verdict itself (``Verdict``: the checks, the numbers behind them,
a readable account) and ``judge``, which gives it.  A problem with options is judged in
the quadratic form of option_verdict.py; a failing answer gets a triage (triage.py) that
names its likely cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from lasso_spec.reference import Problem

from .answers import AnswerError, as_answer
from .certificate_checks import Check, certify_verdict
from .received import as_float, exact_solution
from .tolerance import GAP_RTOL, gap_tolerance, objective_scale, zero_scale_triage, zero_scale_why


@dataclass
class Verdict:
    """The verdict on one answer to one problem, with the numbers behind it."""

    problem: Problem  # the exact problem of the float64 data the implementation received
    shown: Problem  # the problem as built or generated (the same floats; maybe nicer numbers)
    returned: tuple  # the answer as returned (for display)
    checks: dict
    w: tuple | None = None
    gap: Fraction | None = None
    gap_rel: float | None = None
    kkt_rel: float | None = None
    tiny: tuple = ()  # (j, w_j) nonzero where the exact solution has resolvable strict slack
    triage: str | None = None
    notes: list = field(default_factory=list)

    @property
    def passed(self):
        return all(check.status != "fail" for check in self.checks.values())

    def failed_checks(self):
        return [name for name, check in self.checks.items() if check.status == "fail"]

    def describe(self, implementation_name=""):
        """A readable account: the problem (pasteable), the triage, every check."""
        solution = exact_solution(self.problem)
        lines = [f"{implementation_name or 'the implementation'} on", f"    {self.shown!r}"]
        if self.shown != self.problem:
            lines += [
                "  which it received as float64, i.e. exactly (the problem judged):",
                f"    {self.problem!r}",
            ]
        if self.triage:
            lines.append(f"  triage: {self.triage}")
        for check in self.checks.values():
            lines.append(f"  {check.name:<13}{check.status.upper():<5} {check.detail}")
        lines += [f"  note: {note}" for note in self.notes]
        lines.append(f"  returned {'(w, b)' if self.problem.fit_intercept else 'w'} = "
                     f"{_short(self.returned)}")
        intercept = getattr(solution, "intercept", None)
        lines.append(
            f"  exact w*   = ({', '.join(str(v) for v in solution.w)})"
            + (f", b* = {intercept}" if intercept is not None else "")
            + f"   (unique: {solution.unique}; F* = {solution.objective})"
        )
        return "\n".join(lines)

    def summary(self):
        """The JSON-ready numbers of this verdict."""
        return {
            "passed": self.passed,
            "failed_checks": self.failed_checks(),
            "gap": None if self.gap is None else as_float(self.gap),
            "gap_rel": self.gap_rel,
            "kkt_rel": self.kkt_rel,
            "tiny": [[j, as_float(v)] for j, v in self.tiny],
            "triage": self.triage,
            "problem": self.shown.to_json(),
            # The exact problem judged (the float64 data as rationals) and the answer, exactly:
            # enough to redraw the KKT band or re-certify without the implementation.
            "problem_judged": self.problem.to_json(),
            "w": None if self.w is None else [str(v) for v in self.w],
        }


def _short(values):
    text = repr([as_float(v) if isinstance(v, Fraction) else v for v in values])
    return text if len(text) <= 400 else text[:400] + "…"


def judge(problem, returned, *, exact_zeros=False, gap_rtol=GAP_RTOL, shown=None, triage=True):
    """The verdict on ``returned`` as an answer to the exact ``problem``.

    A problem with options is judged in the quadratic form of ``option_verdict.py`` (the
    same checks, derived there); ``triage=False`` skips naming the cause of a failure.
    """
    shown = shown or problem
    if problem.options:
        from .option_verdict import judge_options

        return judge_options(problem, returned, exact_zeros=exact_zeros, gap_rtol=gap_rtol,
                             shown=shown, solution=exact_solution(problem), triage=triage)
    p = len(problem.X[0])
    try:
        w = tuple(as_answer(returned, p))  # answers.py: exact, any numeric type, or why not
    except AnswerError as error:
        checks = {"output": Check("output", "fail", str(error))}
        triaged = "wrong: " + str(error)
        return Verdict(problem, shown, _displayable(returned), checks, triage=triaged)
    verdict = Verdict(problem, shown, w, {"output": Check("output", "pass", f"{p} finite numbers")})
    verdict.w = w
    certify_verdict(verdict, gap_tolerance(problem, gap_rtol), exact_zeros)
    if not verdict.passed and triage and objective_scale(problem) == 0:
        from .triage import triage as name_the_cause

        solution = exact_solution(problem)
        error = (max(abs(as_float(u - v)) for u, v in zip(w, solution.w))
                 if solution.unique else None)
        verdict.triage = zero_scale_triage(zero_scale_why(problem), verdict.gap, error,
                                           name_the_cause(problem, w, gap_rtol))
    elif verdict.failed_checks() == ["exact-zeros"]:
        verdict.triage = (
            "exact zeros missing: the answer is accurate (objective, KKT, fit and coefficients "
            "within tolerance) but it declares exact zeros and returns tiny nonzero values "
            "where w* is 0 with strict slack; declare exact_zeros False if that is intended"
        )
    elif not verdict.passed and triage:
        from .triage import triage as name_the_cause  # triage.py imports this module

        verdict.triage = name_the_cause(problem, w, gap_rtol)
    elif verdict.passed and not exact_solution(problem).unique:
        verdict.notes.append(non_unique_note(w, exact_solution(problem).w))
    return verdict


def non_unique_note(u, star):
    """The note on a *passing* answer ``u`` when the minimiser is not unique: its distance in
    the max norm from the reference's vertex solution ``star`` (which it need not be near)."""
    spread = max(abs(as_float(a - b)) for a, b in zip(u, star, strict=True))
    return ("non-unique but equivalent: the minimiser is not unique, so only the objective and "
            f"the fit are compared; the answer is {spread:.3g} from the reference's vertex "
            "solution in the max norm (not a failure)")


def _displayable(returned):
    try:
        return tuple(returned)
    except Exception:  # an answer that is not even iterable, or whose iteration raises
        return (returned,)
