"""Triage of a failing answer: every explanation that fits it, and which cannot be told apart.

The verdict (verdict.py) decides pass or fail; the triage only says *why* a failing
answer may be wrong, and it must not mislead.  Every statement is decided exactly,
against the exact problem the implementation received:

convention mismatch   w is an acceptable minimiser (F − F* ≤ G) of the problem with the
                      penalties of a nearby convention (CONVENTIONS), and that problem's
                      own optimum fails the canonical objective check (so the two differ
                      here).  Conventions that give the *same* penalties on this problem
                      (λ₁ = 0 or λ₂ = 0 make several coincide, e.g. "λ₂ not doubled" and
                      "the loss without the ½" on pure Ridge) are listed together and said
                      to be indistinguishable on it.
ambiguous             the matching conventions' optimum is w = 0, which is optimal for every
                      λ₁ ≥ λ_max: the answer then identifies no convention, and a solver
                      returning 0 for any reason fits as well.  All explanations are listed.
not converged         F(w) − F* ≤ NOT_CONVERGED_RGAP·(F(0) − F*), no coefficient has the
                      opposite sign of w*_j beyond the zero tolerance z_j, and no coefficient
                      is stuck at zero.  An iterative solver stopped early fits; so does a
                      direct solver's numerical error.  When the exact path has a tie (two or
                      more coordinates reaching |c_j| = λ at the same knot), one-at-a-time
                      path algorithms (LARS) are known to mis-step there: that explanation is
                      listed first.  (On 760 random pool-style problems, scikit-learn's
                      LassoLars failed 21, every one of them on a path with a tie.)
wrong                 none of the above; a tie on the path is noted here as well.

The zero tolerance of the sign test, z_j = δ_j/a_j = √(2G/a_j) (a_j = ‖x_j‖² + 2λ₂,
δ_j the KKT tolerance of certificate_checks.py): a step t along column j alone changes the
quadratic part of F by ½a_j·t², which equals G at |t| = z_j, so a coefficient |w_j| ≤ z_j is at
the resolution of the tolerance and its sign is no evidence.  (A float64 solver leaves
values like ±2⁻⁵³ where w*_j is tiny; they are not sign errors.)
"""

from __future__ import annotations

from fractions import Fraction

from lasso_spec.reference import Problem, certify, objective

from .certificate_checks import sign
from .received import as_float, exact_solution
from .tolerance import GAP_RTOL, augmented_column_norms_sq, gap_tolerance

#: An answer within this fraction of the achievable decrease F(0) − F* whose signs agree
#: with the exact solution is labelled "not converged" rather than "wrong".
NOT_CONVERGED_RGAP = Fraction(1, 100)

#: Nearby conventions tried by the triage: (λ₁ factor, λ₂ factor, what it means).
CONVENTIONS = (
    ("n", "n", "λ₁ and λ₂ multiplied by n: the loss carries a 1/n (½‖y − Xw‖²/n), "
     "e.g. λ passed where α = λ/n was expected"),
    ("1/n", "1/n", "λ₁ and λ₂ divided by n: an extra 1/n on the penalties"),
    ("n", "1", "λ₁ multiplied by n (a 1/n slip in the L1 penalty)"),
    ("1/n", "1", "λ₁ divided by n (a 1/n slip in the L1 penalty)"),
    ("2", "1", "λ₁ doubled (thresholding at 2λ₁)"),
    ("1/2", "1", "λ₁ halved (thresholding at λ₁/2)"),
    ("1/2", "1/2", "λ₁ and λ₂ halved: the loss is ‖y − Xw‖² without the ½"),
    ("2", "2", "λ₁ and λ₂ doubled: the loss is ¼‖y − Xw‖²"),
    ("1", "1/2", "λ₂ used as λ₂/2: the L2 term not doubled (update denominator "
     "x_jᵀx_j + λ₂ instead of x_jᵀx_j + 2λ₂)"),
    ("1", "2", "λ₂ used as 2λ₂: the L2 term doubled twice (denominator x_jᵀx_j + 4λ₂)"),
    ("1", "n", "λ₂ multiplied by n (a 1/n slip in the L2 penalty)"),
    ("1", "1/n", "λ₂ divided by n (a 1/n slip in the L2 penalty)"),
)

ZERO_ANSWER = ("a solver that returns w = 0 here for another reason (an early exit, a wrong "
               "λ_max test, every coefficient stuck at zero)")


def _factor(name, n):
    return {"1": Fraction(1), "2": Fraction(2), "1/2": Fraction(1, 2), "n": Fraction(n),
            "1/n": Fraction(1, n)}[name]


def convention_groups(problem, w, gap_rtol=GAP_RTOL):
    """The nearby conventions that explain w, grouped by the penalties they give here.

    Returns a list of ``((l1, l2), [meaning, ...], zero)`` in CONVENTIONS order: the
    penalties, every convention giving them on this problem, and whether their exact
    optimum is w = 0.  A group counts only if w is an acceptable minimiser of its problem
    and its exact optimum fails the canonical objective check (it differs here).
    """
    n = len(problem.X)
    G = gap_tolerance(problem, gap_rtol)
    F_star = exact_solution(problem).objective
    groups = {}
    for a, b, meaning in CONVENTIONS:
        penalties = (problem.l1 * _factor(a, n), problem.l2 * _factor(b, n))
        if penalties != (problem.l1, problem.l2):
            groups.setdefault(penalties, []).append(meaning)
    matches = []
    for (l1, l2), meanings in groups.items():
        other = exact_solution(Problem(X=problem.X, y=problem.y, l1=l1, l2=l2))
        explains = objective(problem.X, problem.y, w, l1, l2) - other.objective <= G
        distinct = objective(problem.X, problem.y, other.w, problem.l1, problem.l2) - F_star > G
        if explains and distinct:
            matches.append(((l1, l2), meanings, all(v == 0 for v in other.w)))
    return matches


def _coincide(problem):
    """Why several conventions give the same penalties on this problem."""
    if problem.l1 == 0 and problem.l2 == 0:
        return "λ₁ = λ₂ = 0"
    return "λ₁ = 0" if problem.l1 == 0 else "λ₂ = 0" if problem.l2 == 0 else "n = 1 or 2"


def _group_text(problem, meanings):
    text = meanings[0]
    if len(meanings) > 1:
        text += "; or, the same penalties on this problem, " + "; or ".join(meanings[1:])
        text += (f" (these {len(meanings)} cannot be told apart here: {_coincide(problem)} "
                 "makes them the same problem)")
    return text


def _convention_label(problem, groups):
    if any(zero for _, _, zero in groups):
        lam_max = exact_solution(problem).lambda_max
        explanations = [m for _, meanings, _ in groups for m in meanings] + [ZERO_ANSWER]
        return (
            f"ambiguous (cannot be told apart): the answer is w = 0 within tolerance, which is "
            f"the exact optimum for every λ₁ ≥ λ_max = {lam_max} (here λ₁ = {problem.l1}, "
            "below it), so it identifies no convention; explanations that fit: "
            + "; or ".join(explanations)
        )
    texts = [_group_text(problem, meanings) for _, meanings, _ in groups]
    return ("convention mismatch: the answer is (within tolerance) the optimum with "
            + "; or with ".join(texts))


def triage(problem, w, gap_rtol=GAP_RTOL):
    """What kind of failure: convention mismatch, ambiguous, not converged, or wrong."""
    groups = convention_groups(problem, w, gap_rtol)
    if groups:
        return _convention_label(problem, groups)
    solution = exact_solution(problem)
    decrease = sum(v * v for v in problem.y) / 2 - solution.objective  # F(0) − F*
    gap = objective(problem.X, problem.y, w, problem.l1, problem.l2) - solution.objective
    flipped = sign_errors(problem, w, gap_rtol)
    stuck = _stuck_zeros(problem, w)
    ties = path_ties(problem)
    if decrease > 0 and gap <= NOT_CONVERGED_RGAP * decrease and not flipped and not stuck:
        close = ("the objective is close "
                 f"(F(w) − F* = {as_float(gap / decrease):.2g} of F(0) − F*, "
                 "signs right) but beyond tolerance")
        if ties:
            return (
                f"inexact at a tie, or not converged: {close}; {_tie_text(ties)}; or not "
                "converged (an iterative solver stopped early); the answer alone cannot tell "
                "them apart"
            )
        return f"not converged (or a direct solver's numerical error): {close}"
    hint = (
        f"; w_j = 0 exactly where |x_jᵀr| > λ₁ at j = {stuck} (a coefficient stuck at zero, "
        "or a column ignored)" if stuck else ""
    )
    if flipped:
        hint += f"; w_j has the sign opposite to w*_j beyond the zero tolerance at j = {flipped}"
    if ties:
        hint += f"; note: {_tie_text(ties)}"
    return f"wrong: not explained by a nearby convention or by slow convergence{hint}"


def _tie_text(ties):
    lam, tied = ties[0]
    more = f" (and {len(ties) - 1} more tied knots)" if len(ties) > 1 else ""
    return (
        f"the exact path has a tie at λ = {lam}{more} (coordinates {tied} reach |c_j| = λ "
        "together), where path algorithms that add one coordinate per step (LARS, e.g. "
        "scikit-learn's LassoLars) go wrong"
    )


def sign_errors(problem, w, gap_rtol=GAP_RTOL):
    """Coordinates where w_j and w*_j ≠ 0 have opposite signs and |w_j| > z_j = √(2G/a_j).

    Empty when the minimiser is not unique (w* is one vertex among many).  A value within
    z_j (module doc) is at the resolution of the tolerance: its sign is not counted.
    """
    solution = exact_solution(problem)
    if not solution.unique:
        return []
    G = gap_tolerance(problem, gap_rtol)
    a = augmented_column_norms_sq(problem)
    return [
        j for j, (u, v) in enumerate(zip(w, solution.w, strict=True))
        if v != 0 and sign(u) == -sign(v) and u * u * a[j] > 2 * G
    ]


def path_ties(problem):
    """The knots (λ, [j, ...]) of the exact path where two or more coordinates are at zero
    with |c_j| = λ (several enter, or leave, at once): degenerate knots.  For λ₁ = 0 the
    path runs down to λ = 0, and its knots above 0 are examined as for any λ₁."""
    solution = exact_solution(problem)
    ties = []
    for knot in solution.path:
        if knot.lam <= 0:
            continue
        c = certify(problem.X, problem.y, knot.w, knot.lam, problem.l2, bound=False).c
        tied = [j for j, (wj, cj) in enumerate(zip(knot.w, c, strict=True))
                if wj == 0 and abs(cj) == knot.lam]
        if len(tied) >= 2 and (knot.lam, tied) not in ties:
            ties.append((knot.lam, tied))
    return ties


def _stuck_zeros(problem, w):
    """Coordinates returned as exact zeros although w* is nonzero there (|c*_j| = λ₁ and
    w*_j ≠ 0) and the answer's own correlation exceeds λ₁ by more than 1% of λ₁."""
    solution = exact_solution(problem)
    c = certify(problem.X, problem.y, w, problem.l1, problem.l2, bound=False).c
    return [
        j for j, (wj, sj, cj) in enumerate(zip(w, solution.w, c, strict=True))
        if wj == 0 and sj != 0 and solution.unique and abs(cj) > problem.l1 * Fraction(101, 100)
    ]
