"""Verdicts from certificates: is an implementation's answer a minimiser of F?

The implementation receives float64 data.  The problem judged is the exact
rational problem of those doubles (every double is a rational number), solved
exactly by ``reference.solve``; the answer w is converted exactly as well.
So every quantity below is computed in exact rational arithmetic: evaluating
a certificate adds no rounding error, and the spec's floating-point
evaluation bound (FLOAT-KKT-TOLERANCE, τ_j) is zero here.  The one tolerance
is the accuracy demanded of the implementation:

    G = gap_rtol · S,   S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂)     (gap_rtol = 10⁻⁹ by default)

S is the scale of F: ½‖y‖² = F(0) ≥ F*, and the second term (at most ½‖y‖²
when λ₁ ≤ λ_max) keeps G positive when y = 0 (see ``objective_scale``).
S = 0 remains when y = 0 and λ₁ = 0 or X = 0 with λ₂ = 0 (the strategies draw no
such problem; a corpus case, a vector or a user's file can be one): G is then 0
and only the exact minimiser passes.  The verdict says so rather than naming
another cause: the objective check's detail states it, the gap relative to S is
+inf for a positive gap, and the triage of a failing answer begins with it
(``zero_scale_triage``; the triage the answer gets otherwise follows).

Derivation of every other tolerance from G (spec DUAL-GAP, GAP-DISTANCE-BOUND).
Write X̃ = [X; √(2λ₂)·I], c(w) = Xᵀ(y − Xw) − 2λ₂w, c* = c(w*) (the same for
every minimiser).  Expanding F around w* gives the exact identity

    F(w) − F* = ½‖X̃(w − w*)‖² + Σ_j (λ₁|w_j| − c*_j·w_j),

whose every term is ≥ 0, and λ₁|w_j| − c*_j·w_j ≥ s_j·|w_j| with the slack
s_j = λ₁ − |c*_j| ≥ 0.  Hence every w with F(w) − F* ≤ G satisfies

  objective     F(w) − F* ≤ G                                  (the certificate itself)
  fit           ‖X(w − w*)‖² ≤ 2G                              (Xw* is unique)
  kkt           ρ_j ≤ δ_j = √(2G(‖x_j‖² + 2λ₂)), since c(w) − c* = −X̃ᵀX̃(w − w*) gives
                |c_j(w) − c*_j| ≤ ‖x̃_j‖·‖X̃(w − w*)‖; ρ_j is the KKT residual against the
                exact support: |c_j(w) − λ₁·sign w*_j| where w*_j ≠ 0, max(0, |c_j(w)| − λ₁)
                where w*_j = 0 (spec FLOAT-KKT-TOLERANCE with τ_j = 0)
  coefficients  (only where the minimiser is unique)  |w_j| ≤ G/s_j where s_j > 0, and on
                E = {j : |c*_j| = λ₁}, if H = X̃_EᵀX̃_E is nonsingular,
                |w_i − w*_i| ≤ √((H⁻¹)_ii)·(√(2G) + Σ_{j∉E} ‖x̃_j‖·G/s_j),
                because X̃_E(w − w*)_E = X̃(w − w*) − Σ_{j∉E} x̃_j·w_j and row i of
                H⁻¹X̃_Eᵀ has squared norm (H⁻¹)_ii
  exact zeros   where s_j > δ_j, |c_j(w)| ≤ |c*_j| + δ_j < λ₁ for EVERY acceptable w: a
                zero test at the answer (|g_j| ≤ λ₁ in a coordinate-descent sweep run at w)
                sees strict slack, so an implementation that declares exact zeros must
                return 0.0 there (a contract: one more sweep at its answer delivers it).  One
                that does not gets these coordinates read as zeros (the support is read
                from the KKT slack) and its nonzero values there are reported as tiny
                values; they are bounded by |w_j| ≤ G/s_j.

So the objective check is the verdict and the other checks never contradict
it on a correct answer; they say *where* a wrong answer is wrong.  All
comparisons are exact (squares instead of roots), except the coefficient
bound on E, whose roots are taken in float64 and widened by 10⁻⁹ relative.

Why gap_rtol = 10⁻⁹.  Loose enough: evaluating F at w in float64 already
carries a relative error of order (n + p)·u ≈ 10⁻¹⁵ for the suite's small
problems (u = 2⁻⁵³, and ‖w‖₁ ≤ F(0)/λ₁ keeps ‖X‖·‖w‖ of the order of ‖y‖),
so a solver that converges to its own float64 floor — rounding w* to the
nearest doubles changes F by ≈ u·λ₁‖w*‖₁ ≤ u·F(0) — is six orders of
magnitude inside the tolerance; a coordinate-descent solver needs a
stopping tolerance on its duality gap of at most gap_rtol/2 relative to
‖y‖² (scikit-learn's ``tol`` is exactly that quantity).  Strict enough: the
KKT tolerance δ_j is √(2·gap_rtol) ≈ 4.5·10⁻⁵ of ‖y‖·‖x̃_j‖, while the
deliberately broken solvers (tests/test_conformance_meta.py) miss the
objective by 10⁻⁴ to 10⁰ relative.  ``--gap-rtol`` changes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import numpy as np

from lasso_spec.reference import Problem, certify, solve

from .answers import AnswerError, as_answer
from .exact_la import gram_inverse_diagonal

GAP_RTOL = 1e-9
#: The float64 roots in the coefficient bound are widened by this relative amount.
_ROOT_SLACK = 1 + 1e-9

CHECKS = ("output", "objective", "kkt", "fit", "coefficients", "exact-zeros")


# ----------------------------------------------------------------------------- data


def float_data(problem):
    """The float64 data an implementation receives for a problem: (X, y, l1, l2)."""
    X = np.array([[float(v) for v in row] for row in problem.X], dtype=np.float64)
    y = np.array([float(v) for v in problem.y], dtype=np.float64)
    return X, y, float(problem.l1), float(problem.l2)


def float_options(problem):
    """The problem's non-default options as an implementation receives them: bools, and
    float64 arrays for ``sample_weight`` and ``penalty_factor`` (absent: the default)."""
    return {
        key: value if isinstance(value, bool) else np.array([float(v) for v in value])
        for key, value in problem.options.items()
    }


def as_received(problem):
    """The exact problem of the doubles the implementation receives (float64 rounding)."""
    X, y, l1, l2 = float_data(problem)
    options = {key: value if isinstance(value, bool) else value.tolist()
               for key, value in float_options(problem).items()}
    return Problem(X=X.tolist(), y=y.tolist(), l1=l1, l2=l2, **options)


@lru_cache(maxsize=512)
def exact_solution(problem):
    """reference.solve on an exact problem, with its options (cached: triage and checks
    share it)."""
    return solve(problem.X, problem.y, problem.l1, problem.l2, **problem.options)


def _kind_scale(problem):
    """The scale of "relative to λ" for the KKT summary: λ₁, else λ_max, else 1."""
    if problem.l1 > 0:
        return problem.l1
    return exact_solution(problem).lambda_max or Fraction(1)


def _sign(v):
    return (v > 0) - (v < 0)


def _f(value):
    """float(value), or ±inf when an exact number is beyond float64 (a diverged answer)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


# ----------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Check:
    """One check on one problem: status is "pass", "fail" or "skip"."""

    name: str
    status: str
    detail: str


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
            "gap": None if self.gap is None else _f(self.gap),
            "gap_rel": self.gap_rel,
            "kkt_rel": self.kkt_rel,
            "tiny": [[j, _f(v)] for j, v in self.tiny],
            "triage": self.triage,
            "problem": self.shown.to_json(),
            # The exact problem judged (the float64 data as rationals) and the answer, exactly:
            # enough to redraw the KKT band or re-certify without the implementation.
            "problem_judged": self.problem.to_json(),
            "w": None if self.w is None else [str(v) for v in self.w],
        }


def _short(values):
    text = repr([_f(v) if isinstance(v, Fraction) else v for v in values])
    return text if len(text) < 400 else text[:400] + "…"


def objective_scale(problem):
    """S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂): the scale of F (the second term 0 if X = 0, λ₂ = 0).

    ½‖y‖² = F(0) ≥ F*.  ½λ₁²/a is the objective scale of the penalty: a coordinate with
    a_j = ‖x_j‖² + 2λ₂ and correlation g gains ½(|g| − λ₁)²/a_j from its update
    (CD-UPDATE).  For λ₁ ≤ λ_max it is at most ½‖y‖² (|x_jᵀy| ≤ ‖x_j‖‖y‖); it keeps the
    tolerance positive when y = 0, where an answer of size u·λ₁/a is float64-accurate.
    """
    a = max(augmented_column_norms_sq(problem))
    penalty = problem.l1 ** 2 / a / 2 if a else Fraction(0)
    return sum(v * v for v in problem.y) / 2 + penalty


def augmented_column_norms_sq(problem):
    """a_j = ‖x̃_j‖² = ‖x_j‖² + 2λ₂ for every column, exactly."""
    return [
        sum(row[j] ** 2 for row in problem.X) + 2 * problem.l2 for j in range(len(problem.X[0]))
    ]


def zero_scale_note(why):
    """What S = 0 means for a verdict (``why``: the condition of the data that makes it 0)."""
    return (f"the scale S is 0 ({why}), so the demanded accuracy G = gap_rtol·S is 0 and "
            "only the exact minimiser passes")


def zero_scale_triage(why, gap, error, label):
    """The triage of a failing answer to a problem with S = 0: S = 0 first, then ``label``,
    the triage the answer gets otherwise.  ``gap`` = F(w) − F*, ``error`` = max |u_j − u*_j|
    (None when the minimiser is not unique)."""
    where = ("" if error is None else
             f", at most {error:.3g} from the exact minimiser in every coordinate")
    return (f"S = 0: {zero_scale_note(why)}; this answer is F(w) − F* = {_f(gap):.3g} above "
            f"F*{where}, and a "
            "float64 answer off by rounding fails here: no accuracy relative to the problem's "
            "scale exists (a property of the problem, not by itself a finding on the solver); "
            f"the triage otherwise: {label}")


def _zero_scale_why(problem):
    """Why S = ½‖y‖² + ½λ₁²/max_j(‖x_j‖² + 2λ₂) is 0 (objective_scale)."""
    return "y = 0, and " + ("λ₁ = 0" if problem.l1 == 0 else "X = 0 with λ₂ = 0")


def gap_tolerance(problem, gap_rtol=GAP_RTOL):
    """G = gap_rtol · S (objective_scale), exactly."""
    return Fraction(gap_rtol) * objective_scale(problem)


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
    _certify(verdict, gap_tolerance(problem, gap_rtol), exact_zeros)
    if not verdict.passed and triage and objective_scale(problem) == 0:
        from .triage import triage as name_the_cause

        solution = exact_solution(problem)
        error = max(abs(_f(u - v)) for u, v in zip(w, solution.w)) if solution.unique else None
        verdict.triage = zero_scale_triage(_zero_scale_why(problem), verdict.gap, error,
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
    elif not exact_solution(problem).unique:
        spread = max(abs(_f(u - v)) for u, v in zip(w, exact_solution(problem).w))
        verdict.notes.append(
            "non-unique but equivalent: the minimiser is not unique, so only the objective and "
            f"the fit are compared; the answer is {spread:.3g} from the reference's vertex "
            "solution in the max norm (not a failure)"
        )
    return verdict


def _displayable(returned):
    try:
        return tuple(returned)
    except Exception:  # an answer that is not even iterable, or whose iteration raises
        return (returned,)


def _certify(verdict, G, exact_zeros):
    problem, w = verdict.problem, verdict.w
    solution = exact_solution(problem)
    cert = certify(problem.X, problem.y, w, problem.l1, problem.l2)
    star = certify(problem.X, problem.y, solution.w, problem.l1, problem.l2).c
    a = augmented_column_norms_sq(problem)
    slack = [problem.l1 - abs(cj) for cj in star]
    verdict.gap = cert.objective - solution.objective
    scale = objective_scale(problem)
    verdict.gap_rel = gap_relative(verdict.gap, scale)
    checks = verdict.checks
    checks["objective"] = _objective_check(verdict.gap, G, verdict.gap_rel,
                                           scale or _zero_scale_why(problem))
    checks["kkt"] = _kkt_check(verdict, cert.c, solution.w, a, G)
    checks["fit"] = _fit_check(problem, w, solution.w, G)
    checks["coefficients"] = _coefficient_check(problem, w, solution, star, slack, a, G)
    resolvable = [j for j, s in enumerate(slack) if s > 0 and s * s > 2 * G * a[j]]
    verdict.tiny = tuple((j, w[j]) for j in resolvable if w[j] != 0)
    checks["exact-zeros"] = _exact_zero_check(verdict.tiny, resolvable, exact_zeros)


def gap_relative(gap, scale):
    """(F(w) − F*)/S as a float: +inf for a positive gap when S = 0 (no accuracy relative to
    S exists there), 0 for gap 0."""
    if scale:
        return _f(gap / scale)
    return math.inf if gap > 0 else 0.0


def objective_detail(gap, G, gap_rel, scale):
    """The objective check's detail; ``scale`` is S, or when S = 0 why it is (a string)."""
    if isinstance(scale, str):
        return f"F(w) − F* = {_f(gap):.3g}; {zero_scale_note(scale)}"
    return f"F(w) − F* = {_f(gap):.3g} ({gap_rel:.3g} of S); tolerance G = {_f(G):.3g}"


def _objective_check(gap, G, gap_rel, scale):
    return Check("objective", "pass" if gap <= G else "fail",
                 objective_detail(gap, G, gap_rel, scale))


def _kkt_check(verdict, c, w_star, a, G):
    """ρ_j against the exact support, ρ_j² ≤ 2G·a_j (a_j = ‖x_j‖² + 2λ₂)."""
    l1 = verdict.problem.l1
    rho = [
        abs(cj - l1 * _sign(sj)) if sj != 0 else max(abs(cj) - l1, Fraction(0))
        for cj, sj in zip(c, w_star)
    ]
    bad = [j for j, r in enumerate(rho) if r * r > 2 * G * a[j]]
    scale = _kind_scale(verdict.problem)
    worst = max(range(len(rho)), key=lambda j: rho[j])
    verdict.kkt_rel = _f(rho[worst] / scale)
    delta = math.sqrt(_f(2 * G * a[worst]))
    detail = (
        f"worst j = {worst}: ρ = {_f(rho[worst]):.3g} ({verdict.kkt_rel:.3g} of "
        f"{'λ₁' if l1 > 0 else 'λ_max'}), δ_j = {delta:.3g}"
    )
    if bad:
        detail = f"coordinates {bad} violate KKT beyond δ_j; " + detail
    return Check("kkt", "fail" if bad else "pass", detail)


def _fit_check(problem, w, w_star, G):
    d = [sum(x * (u - v) for x, u, v in zip(row, w, w_star)) for row in problem.X]
    sq = sum(v * v for v in d)
    detail = f"‖X(w − w*)‖ = {math.sqrt(_f(sq)):.3g}, tolerance √(2G) = {math.sqrt(_f(2 * G)):.3g}"
    return Check("fit", "pass" if sq <= 2 * G else "fail", detail)


def _coefficient_check(problem, w, solution, star, slack, a, G):
    if not solution.unique:
        reason = "the minimiser is not unique: only F and Xw are determined"
        return Check("coefficients", "skip", reason)
    E = [j for j, s in enumerate(slack) if s == 0]
    bad = [j for j, s in enumerate(slack) if s > 0 and abs(w[j]) * s > G]
    diag = _inverse_diagonal(problem, E)
    if diag is None:
        return Check(
            "coefficients",
            "skip",
            "unique only through the sign constraints (X̃_E is rank deficient): "
            "no coefficient bound",
        )
    spill = sum(math.sqrt(_f(a[j])) * _f(G / slack[j]) for j in range(len(w)) if slack[j] > 0)
    base = (math.sqrt(_f(2 * G)) + spill) * _ROOT_SLACK
    for i, h in zip(E, diag):
        if abs(_f(w[i] - solution.w[i])) > math.sqrt(_f(h)) * base:
            bad.append(i)
    errors = [abs(_f(u - v)) for u, v in zip(w, solution.w)]
    worst = max(range(len(w)), key=errors.__getitem__)
    detail = f"max |w_j − w*_j| = {errors[worst]:.3g} at j = {worst}"
    if bad:
        detail = f"coordinates {sorted(bad)} outside the derived bound; " + detail
    return Check("coefficients", "fail" if bad else "pass", detail)


def _inverse_diagonal(problem, E):
    """diag((X̃_EᵀX̃_E)⁻¹), exactly, or None when X̃_E is rank deficient (exact_la.py)."""
    return gram_inverse_diagonal(problem.X, E, problem.l2)


def _exact_zero_check(tiny, resolvable, exact_zeros):
    if not resolvable:
        return Check("exact-zeros", "skip", "no coefficient of w* has resolvable strict slack")
    listed = ", ".join(f"w_{j} = {_f(v):.3g}" for j, v in tiny)
    if not exact_zeros:
        detail = f"not declared; support read from KKT slack at {resolvable}"
        return Check("exact-zeros", "skip", detail + (f"; tiny values {listed}" if tiny else ""))
    if tiny:
        detail = f"declared, but nonzero where w*_j = 0 with strict slack: {listed}"
        return Check("exact-zeros", "fail", detail)
    return Check("exact-zeros", "pass", f"0.0 exactly at {resolvable}")
