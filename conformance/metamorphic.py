"""Metamorphic checks: pairs of problems related by a theorem, each answer judged exactly.

The theorems, and the lemma behind them, are in :mod:`theorems`.

Each pair (the profile's examples per check; two problems each): (1) the theorem is asserted
on the reference's exact optima of the float64 problems received (F*_B = c·F*_A,
F_B(T u*_A) = F*_B, the same uniqueness, u*_B = T u*_A when unique); if it fails that is an
internal error of the suite (exit status 3), never a verdict; (2) the implementation answers
A and B, and each answer must pass the exact judge of its own problem (Runner.check).  That
is the relation of the two answers, to the judge's resolution: but for column scaling the
judge is invariant under T (S_B = c·S_A; the gap, KKT residuals, δⱼ and coefficient bounds
map by T), so both passing means T(u_A) and u_B are both accepted answers of B; under column
scaling S changes (maxⱼ Gⱼⱼ does) and both passing bounds |w_B,j − w_A,j/aⱼ| by the sum of
the two coefficient bounds (where w* is unique).  The pairing adds power three ways: the
second problem is one the plain families never draw (repeated rows, zero-weight rows always,
y and λ₁ scaled by 2³⁰, columns by 2^±16, y shifted by 2¹⁶ + 2⁻⁹); the two calls are on
problems that look alike, so a solver carrying state across calls keyed on what T leaves
unchanged (a cache, a warm start) answers the second from the first; the two optima are one
point (mapped by T), so a solver that treats weights differently from repeated rows, or
depends on row order, column order or units, cannot be within the judge's resolution of it
twice: it fails one of the pair.

A check whose pairs use an option (``Theorem.needs``) is skipped, with the reason, unless it
is declared; pairs are of the kinds declared among Lasso, Elastic Net, Ridge (column
scaling: Lasso).  catalogue.GENERATED lists the checks, family ``metamorphic:NAME``.
"""


from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import strategies as st

from . import strategies
from .received import as_received, exact_solution
from .runner import Runner, SuiteError
from .theorems import ALL_KINDS, METAMORPHIC, THEOREMS, Pair, solution_vector, vector_objective

__all__ = ["METAMORPHIC", "THEOREMS", "PairRunner", "assert_theorem", "check_pair", "problems"]

#: The kinds the implementation under test declares (set by its PairRunner; pairs draw these).
DECLARED = {"kinds": ALL_KINDS}


def assert_theorem(theorem, pair, stats=None):
    """The theorem on the reference's exact optima of the pair; SuiteError if it fails."""
    a, b = pair.first, pair.second
    sa, sb = exact_solution(a), exact_solution(b)
    carried = pair.carry(solution_vector(a, sa))
    try:
        holds = (as_received(a) == a and as_received(b) == b
                 and sb.objective == pair.factor * sa.objective
                 and vector_objective(b, carried) == sb.objective and sa.unique == sb.unique
                 and (not sa.unique or solution_vector(b, sb) == carried))
    except ValueError as error:  # e.g. the carried point is infeasible
        holds = f"{type(error).__name__}: {error}"
    if holds is True:
        return
    message = (f"internal error of the suite, not a verdict on the implementation: the "
               f"theorem of {theorem.id} ({theorem.statement}) fails on the reference's exact "
               f"optima ({holds or 'the relation is false'}); please report it with the pair "
               f"({pair.what}):\n  first:  {a!r}\n  second: {b!r}")
    if stats is not None:
        stats["internal_error"] = f"{theorem.id}: the theorem fails on the exact optima"
        stats["failure"] = {"triage": "internal error of the suite", "message": message,
                            "problem": a.to_json()}
    raise SuiteError(message)


def _require(theorem, runner):
    """Skip, with the reason, when the implementation does not declare an option used."""
    from .implementations import CAPABILITY_MEANING

    impl = runner.implementation
    if missing := [CAPABILITY_MEANING[k] for k in theorem.needs if not impl.supports(k)]:
        runner.stats["skip_reason"] = (f"{impl.name} declares no support for "
                                       f"{', '.join(missing)}, which {theorem.id} needs")
        pytest.skip(runner.stats["skip_reason"])


def problems(kind="lasso", family=None):
    """strategies.problems; for a family ``metamorphic:NAME`` a Pair of THEOREMS[NAME], of a
    kind the implementation declares (DECLARED), which PairRunner.check judges.  So the
    generated-check functions of checks.py and api.py keep their source, which seeds
    hypothesis' derandomized draws: the draws of every other check are unchanged."""
    if not (family and family.startswith("metamorphic:")):
        return strategies.problems(kind, family)
    theorem = THEOREMS[family.partition(":")[2]]
    kinds = [k for k in theorem.kinds if k in DECLARED["kinds"]] or [theorem.kinds[0]]
    return st.sampled_from(kinds).flatmap(theorem.pairs).filter(_not_trivial).map(
        lambda pair: replace(pair, theorem=theorem))


def _not_trivial(pair):
    """w* ≠ 0 in the first problem (so in both).  Half of the drawn pairs had w* = 0 on both
    sides (λ₁ ≥ λ_max, y = 0): a pair that says only "0 maps to 0", which the plain checks
    at and above λ_max already judge.  (The exact optimum is cached for the judge.)"""
    return any(exact_solution(pair.first).w)


class PairRunner(Runner):
    """A Runner whose ``check`` also takes a Pair (what ``problems`` draws for a metamorphic
    family); it records the kinds its implementation declares in DECLARED."""

    def __init__(self, implementation, stats, gap_rtol):
        super().__init__(implementation, stats, gap_rtol)
        DECLARED["kinds"] = tuple(k for k in ALL_KINDS if implementation.supports(k))

    def check(self, problem):
        if isinstance(problem, Pair):
            return check_pair(self, problem)
        return super().check(problem)


def check_pair(runner, pair):
    """Assert the pair's theorem exactly, then judge both answers (module docstring)."""
    theorem = pair.theorem
    _require(theorem, runner)
    assert_theorem(theorem, pair, runner.stats)
    carried = None
    for role, problem in (("first", pair.first), ("second", pair.second)):
        try:
            verdict = runner.check(problem)
        except pytest.fail.Exception as failure:
            description = str(failure.msg)
        else:
            carried = pair.carry(verdict.w) if verdict.w is not None else None
            continue
        _fail(runner, theorem, pair, role, carried, description)  # outside: no chained copy


def _fail(runner, theorem, pair, role, carried, description):
    passed = "" if carried is None else (" (the answer to the first passed; carried over by "
                                         f"the theorem it is {[float(v) for v in carried]})")
    message = (f"{theorem.id}: theorem: {theorem.statement}\n  the pair: the second problem is "
               f"the first with {pair.what}\n    first:  {pair.first!r}\n    second: "
               f"{pair.second!r}\n  the answer to the {role} problem of the pair fails its "
               f"exact judge{passed}\n{description}")
    failure = runner.stats["failure"] = runner.stats.get("failure") or {}
    failure["message"] = message
    failure["triage"] = (f"theorem {theorem.name} violated: the answer to the {role} problem "
                         f"fails ({failure.get('triage') or 'see the account'})")
    pytest.fail(message, pytrace=False)

