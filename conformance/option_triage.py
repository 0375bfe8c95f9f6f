"""Triage for answers to problems with options: which mis-stated problem did it solve?

Each label is a variant of the problem (a common option bug); the label is given when the
answer is, within the variant's own tolerance (``option_verdict``), an optimum of that
variant, it is not an optimum of the problem itself, and the variant's own exact optimum
fails the problem's objective check (the two problems differ here, as in ``triage.py``: a
variant with the problem's optimum explains nothing, e.g. when the scale S of the problem
is 0 and only its exact minimiser passes, while the variant's tolerance is positive).
Every variant that fits is
listed (they may coincide on a given problem, e.g. unweighted and weighted centring agree
when all weights are equal, and then the label says so by listing both).

intercept penalised        the intercept is a column of ones with penalty factor 1
unweighted centring        b and the centring use the unweighted means: w is the weighted
                           fit of X − x̄, y − ȳ (plain means), b = ȳ − x̄ᵀw
weights ignored            the unweighted problem
weights normalised         the weights rescaled by another constant (Σs/n, n/Σs, Σs, 1/Σs):
                           the same as λ₁, λ₂ divided by that constant
positivity ignored         the unconstrained problem (positive=False)
λ_max slip                 w = 0 returned although λ₁ < λ_max of spec OPTIONS-LAMBDA-MAX
                           (e.g. the positive rule max(0, ĉⱼ) with the sign flipped)
penalty factors ignored    every vⱼ = 1
penalty factors rescaled   v rescaled to sum to p (glmnet's convention) when it does not
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from lasso_spec.reference import ProblemError

__all__ = ["option_triage"]


def _same(u):
    """The variant's point read in the problem: the same coordinates."""
    return tuple(u)


def _penalised_intercept(problem, u):
    p = len(problem.X[0])
    X = [(*row, Fraction(1)) for row in problem.X]
    v = (*(problem.penalty_factor or (Fraction(1),) * p), Fraction(1))
    return replace(problem, X=X, fit_intercept=False, penalty_factor=v), u, _same


def _unweighted_centring(problem, u):
    """The unweighted-centred data, weighted fit, with w only; b checked separately."""
    n, p = len(problem.X), len(problem.X[0])
    xbar = [sum(row[j] for row in problem.X) / n for j in range(p)]
    ybar = sum(problem.y) / n

    def back(w):  # the variant's w, with the b of unweighted centring
        return (*w, ybar - sum(a * b for a, b in zip(xbar, w)))

    if u[p] != back(u[:p])[p]:
        return None
    X = [[row[j] - xbar[j] for j in range(p)] for row in problem.X]
    y = [v - ybar for v in problem.y]
    return replace(problem, X=X, y=y, fit_intercept=False), u[:p], back


def _variants(problem, u):
    """(label, variant problem, the answer read in it, the map of a variant's point to the
    problem's (w, b)) for every option bug that applies."""
    n, p = len(problem.X), len(problem.X[0])
    found = []
    if problem.fit_intercept:
        found.append(("intercept penalised (the intercept column got penalty factor 1)",
                      *_penalised_intercept(problem, u)))
        if problem.sample_weight is not None:
            centred = _unweighted_centring(problem, u)
            if centred is not None:
                found.append(("unweighted centring: the intercept and the centring use "
                              "unweighted means although sample weights are given", *centred))
    if problem.sample_weight is not None:
        found.append(("sample weights ignored", replace(problem, sample_weight=None), u, _same))
        total = sum(problem.sample_weight)
        for factor, name in ((total / n, "Σs/n"), (n / total, "n/Σs"), (total, "Σs"),
                             (1 / total, "1/Σs")):
            if factor != 1:
                found.append((f"sample weights normalised: rescaled by {name}, i.e. λ divided "
                              f"by {name}", replace(problem, l1=problem.l1 / factor,
                                                     l2=problem.l2 / factor), u, _same))
    if problem.positive:
        found.append(("positivity ignored (the unconstrained problem)",
                      replace(problem, positive=False), u, _same))
    if problem.penalty_factor is not None:
        v = problem.penalty_factor
        found.append(("penalty factors ignored (every v_j = 1)",
                      replace(problem, penalty_factor=None), u, _same))
        if sum(v) and sum(v) != p:
            rescaled = tuple(vj * p / sum(v) for vj in v)
            found.append(("penalty factors rescaled to sum to p (glmnet's convention)",
                          replace(problem, penalty_factor=rescaled), u, _same))
    return found


def _zero_below_lambda_max(problem, u):
    """A label when the answer zeroes every feature although λ₁ < λ_max (OPTIONS-LAMBDA-MAX)."""
    from lasso_spec.reference import lambda_max

    p = len(problem.X[0])
    if any(u[:p]):
        return None
    try:
        top = lambda_max(problem.X, problem.y, **problem.options)
    except ProblemError:  # nothing is penalised: no λ_max
        return None
    if problem.l1 >= top:
        return None
    rule = "max(0, ĉⱼ)/vⱼ" if problem.positive else "|ĉⱼ|/vⱼ"
    return (f"w = 0 although λ₁ = {float(problem.l1):.6g} < λ_max = {float(top):.6g} = maxⱼ "
            f"{rule} (ĉ at the unpenalised fit): a λ_max or screening slip" +
            ("; under positive=True the rule is max(0, ĉⱼ), neither |ĉⱼ| nor max(0, −ĉⱼ)"
             if problem.positive else ""))


def _returned(problem, u):
    return (u[:-1], u[-1]) if problem.fit_intercept else u


def option_triage(problem, u, verdict, gap_rtol):
    """The triage label of a failing verdict on a problem with options."""
    from .received import exact_solution
    from .verdict import judge

    labels = []
    zero = _zero_below_lambda_max(problem, u)
    for label, variant, answer, back in _variants(problem, u):
        try:
            if not judge(variant, _returned(variant, answer), gap_rtol=gap_rtol,
                         triage=False).passed:
                continue
            solution = exact_solution(variant)
            other = back((*solution.w, *((solution.intercept,) if variant.fit_intercept
                                         else ())))
        except ProblemError:  # the variant is not a problem (e.g. weights summing to 0)
            continue
        differs = judge(problem, _returned(problem, other), gap_rtol=gap_rtol, triage=False)
        if differs.checks["objective"].status == "fail":  # infeasible under w ≥ 0 included
            labels.append(label)
    if labels:
        return ("option mismatch: the answer is (within tolerance) the optimum of a mis-stated "
                "problem: " + "; or ".join(labels) + (f" (and {zero})" if zero else ""))
    if zero:
        return "wrong: " + zero
    failed = verdict.failed_checks()
    if failed == ["exact-zeros"]:
        return "exact zeros missing (the answer is otherwise accurate)"
    return "wrong: fails " + ", ".join(failed) + " and no option bug explains it"
