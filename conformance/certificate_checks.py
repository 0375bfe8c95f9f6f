"""The checks of an answer to a problem without options, each a bound derived from G.

G = gap_rtol·S is the one tolerance (tolerance.py); the problem is the exact problem of
the float64 data the implementation received and w* its exact minimiser (received.py).

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
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from lasso_spec.reference import certify
from lasso_spec.reference._exact import mat_vec

from .exact_la import gram_inverse_diagonal
from .received import as_float, exact_solution
from .tolerance import (
    augmented_column_norms_sq,
    gap_relative,
    objective_scale,
    zero_scale_note,
    zero_scale_why,
)

#: The float64 roots in the coefficient bound are widened by this relative amount.
ROOT_SLACK = 1 + 1e-9

CHECKS = ("output", "objective", "kkt", "fit", "coefficients", "exact-zeros")


@dataclass(frozen=True)
class Check:
    """One check on one problem: status is "pass", "fail" or "skip"."""

    name: str
    status: str
    detail: str


def sign(v):
    return (v > 0) - (v < 0)


def _kind_scale(problem):
    """The scale of "relative to λ" for the KKT summary, and its name: λ₁, else λ_max, else 1
    (λ₁ = 0 and Xᵀy = 0: no λ to be relative to)."""
    if problem.l1 > 0:
        return problem.l1, "λ₁"
    lam_max = exact_solution(problem).lambda_max
    return (lam_max, "λ_max") if lam_max else (Fraction(1), "1, as λ₁ = λ_max = 0")


def certify_verdict(verdict, G, exact_zeros):
    problem, w = verdict.problem, verdict.w
    solution = exact_solution(problem)
    # F* is known (the exact solution): the certificate's own bound on F(w) − F* is not needed
    cert = certify(problem.X, problem.y, w, problem.l1, problem.l2, bound=False)
    star = certify(problem.X, problem.y, solution.w, problem.l1, problem.l2, bound=False).c
    a = augmented_column_norms_sq(problem)
    slack = [problem.l1 - abs(cj) for cj in star]
    verdict.gap = cert.objective - solution.objective
    scale = objective_scale(problem)
    verdict.gap_rel = gap_relative(verdict.gap, scale)
    checks = verdict.checks
    checks["objective"] = _objective_check(verdict.gap, G, verdict.gap_rel,
                                           scale or zero_scale_why(problem))
    checks["kkt"] = _kkt_check(verdict, cert.c, solution.w, a, G)
    checks["fit"] = _fit_check(problem, w, solution.w, G)
    checks["coefficients"] = _coefficient_check(problem, w, solution, slack, a, G)
    resolvable = [j for j, s in enumerate(slack) if s > 0 and s * s > 2 * G * a[j]]
    verdict.tiny = tuple((j, w[j]) for j in resolvable if w[j] != 0)
    checks["exact-zeros"] = exact_zero_check(verdict.tiny, resolvable, exact_zeros)


def objective_detail(gap, G, gap_rel, scale):
    """The objective check's detail; ``scale`` is S, or when S = 0 why it is (a string)."""
    if isinstance(scale, str):
        return f"F(w) − F* = {as_float(gap):.3g}; {zero_scale_note(scale)}"
    return f"F(w) − F* = {as_float(gap):.3g} ({gap_rel:.3g} of S); tolerance G = {as_float(G):.3g}"


def _objective_check(gap, G, gap_rel, scale):
    return Check("objective", "pass" if gap <= G else "fail",
                 objective_detail(gap, G, gap_rel, scale))


def _kkt_check(verdict, c, w_star, a, G):
    """ρ_j against the exact support, ρ_j² ≤ 2G·a_j (a_j = ‖x_j‖² + 2λ₂)."""
    l1 = verdict.problem.l1
    rho = [
        abs(cj - l1 * sign(sj)) if sj != 0 else max(abs(cj) - l1, Fraction(0))
        for cj, sj in zip(c, w_star)
    ]
    bad = [j for j, r in enumerate(rho) if r * r > 2 * G * a[j]]
    scale, relative_to = _kind_scale(verdict.problem)
    worst = max(range(len(rho)), key=lambda j: rho[j])
    verdict.kkt_rel = as_float(rho[worst] / scale)
    delta = math.sqrt(as_float(2 * G * a[worst]))
    detail = (
        f"worst j = {worst}: ρ = {as_float(rho[worst]):.3g} ({verdict.kkt_rel:.3g} of "
        f"{relative_to}), δ_j = {delta:.3g}"
    )
    if bad:
        detail = f"coordinates {bad} violate KKT beyond δ_j; " + detail
    return Check("kkt", "fail" if bad else "pass", detail)


def _fit_check(problem, w, w_star, G):
    d = mat_vec(problem.X, [u - v for u, v in zip(w, w_star, strict=True)])  # X(w − w*)
    sq = sum(v * v for v in d)
    detail = (f"‖X(w − w*)‖ = {math.sqrt(as_float(sq)):.3g}, "
              f"tolerance √(2G) = {math.sqrt(as_float(2 * G)):.3g}")
    return Check("fit", "pass" if sq <= 2 * G else "fail", detail)


def _coefficient_check(problem, w, solution, slack, a, G):
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
    spill = sum(math.sqrt(as_float(a[j])) * as_float(G / slack[j])
                for j in range(len(w)) if slack[j] > 0)
    base = (math.sqrt(as_float(2 * G)) + spill) * ROOT_SLACK
    for i, h in zip(E, diag):
        if abs(as_float(w[i] - solution.w[i])) > math.sqrt(as_float(h)) * base:
            bad.append(i)
    errors = [abs(as_float(u - v)) for u, v in zip(w, solution.w)]
    worst = max(range(len(w)), key=errors.__getitem__)
    detail = f"max |w_j − w*_j| = {errors[worst]:.3g} at j = {worst}"
    if bad:
        detail = f"coordinates {sorted(bad)} outside the derived bound; " + detail
    return Check("coefficients", "fail" if bad else "pass", detail)


def _inverse_diagonal(problem, E):
    """diag((X̃_EᵀX̃_E)⁻¹), exactly, or None when X̃_E is rank deficient (exact_la.py)."""
    return gram_inverse_diagonal(problem.X, E, problem.l2)


def exact_zero_check(tiny, resolvable, exact_zeros):
    if not resolvable:
        return Check("exact-zeros", "skip", "no coefficient of w* has resolvable strict slack")
    listed = ", ".join(f"w_{j} = {as_float(v):.3g}" for j, v in tiny)
    if not exact_zeros:
        detail = f"not declared; support read from KKT slack at {resolvable}"
        return Check("exact-zeros", "skip", detail + (f"; tiny values {listed}" if tiny else ""))
    if tiny:
        detail = f"declared, but nonzero where w*_j = 0 with strict slack: {listed}"
        return Check("exact-zeros", "fail", detail)
    return Check("exact-zeros", "pass", f"0.0 exactly at {resolvable}")
