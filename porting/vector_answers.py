"""The exact answer of one vector and what it shows: solved, certified, flagged.

Shared by both families of files (the canonical problem: porting/canonical_family.py; the
options: porting/option_family.py): a test is described by a ``Spec``; every solvable test
is solved by ``reference.solve`` with its path and certified exactly by
``reference.certify`` (``solved``); the flags and clauses that an answer shows, whatever
the options, are read off it here (``answer_flags``); a group solves one test per spec on
its shared X and y (``solved_group``); an invalid input must be rejected by the reference
(``invalid_group``).
"""

from fractions import Fraction
from itertools import pairwise

from lasso_spec.porting.vector_format import (
    entry,
    exact_and_float,
    exact_data,
    group_json,
    is_binary64,
)
from lasso_spec.reference import Problem, ProblemError, certify, solve


class Spec:
    """One solvable test: l1, l2 and what it is about (a comment, flags, spec clauses and
    the claims-ledger IDs it bears on)."""

    def __init__(self, l1, l2=0, comment="", flags=(), clauses=(), claims=()):
        self.l1, self.l2 = Fraction(l1), Fraction(l2)
        self.comment, self.flags = comment, set(flags)
        self.clauses, self.claims = set(clauses), set(claims)


def solved(X, y, l1, l2, options=None):
    """(solution, certificate) of one test: the homotopy's answer, with its path (the path
    flags and knots need it), proved optimal exactly."""
    options = options or {}
    assert is_binary64(l1) and is_binary64(l2), (l1, l2)
    solution = solve(X, y, l1, l2, path=True, **options)
    cert = certify(X, y, solution.w, l1, l2, intercept=solution.intercept, **options)
    assert cert.optimal and cert.objective == solution.objective and cert.bound == 0
    return solution, cert


def path_flags(path):
    """Flags read off the exact path from λ_max down to l1.

    The path is linear between knots, so the nonzero pattern is constant on each
    open segment and equals that of the segment's midpoint; the patterns are
    read at the first knot, at every segment midpoint, and at the last knot.
    """
    def pattern(w):
        return tuple(v != 0 for v in w)

    segments = [pattern((a + b) / 2 for a, b in zip(k.w, k1.w, strict=True))
                for k, k1 in pairwise(path)]
    states = [pattern(path[0].w), *segments, pattern(path[-1].w)]
    flags = set()
    for j in range(len(path[0].w)):
        changes = [b[j] for a, b in pairwise(states) if a[j] != b[j]]  # True: enters
        if False in changes:
            flags.add("VariableLeaves")
        if any(changes[i : i + 3] == [True, False, True] for i in range(len(changes))):
            flags.add("ReEntry")
    if any(sum(b) < sum(a) for a, b in pairwise(states)):
        flags.add("NonmonotoneSparsity")
    for a, b in pairwise([states[0], *segments]):
        entered = sum(1 for u, v in zip(a, b, strict=True) if v and not u)
        left = sum(1 for u, v in zip(a, b, strict=True) if u and not v)
        if entered >= 2 or left >= 2:
            flags.add("Tie")
    return flags


def answer_flags(solution, lambda_clause):
    """(flags, clauses) that the exact answer shows: its path's flags, where l1 stands to
    λ_max (``lambda_clause`` is the spec clause of λ_max), the kind of penalty, uniqueness,
    and which KKT conditions (at zero, at nonzero coefficients) it exercises.

    A λ_max of None: no feature is penalised, so the problem is least squares."""
    l1, l2, lam_max, w = solution.l1, solution.l2, solution.lambda_max, solution.w
    flags, clauses = path_flags(solution.path), set()
    if any(v == 0 for v in w):
        clauses.add("KKT-ZERO")
    if any(v != 0 for v in w):
        clauses.add("KKT-NONZERO")
    if lam_max is not None and l1 >= lam_max and l1 > 0:
        clauses.add(lambda_clause)
        flags.add("AboveLambdaMax" if l1 > lam_max else "AtLambdaMax")
    if lam_max is None or l1 == l2 == 0:
        flags.add("LeastSquares")
    elif l1 == 0 and l2 > 0:
        flags.add("Ridge")
    elif l1 > 0 and l2 > 0:
        flags.add("ElasticNet")
    if not solution.unique:
        flags.add("NonUnique")
    return flags, clauses


def solved_entry(spec, solution, flags, clauses, expected, options=None):
    """The JSON of one solvable test: the spec's and the answer's flags and clauses, its l1
    and l2, ``options`` (the options' keys, as sent) and its expected answer."""
    fields = {**exact_and_float("l1", spec.l1), **exact_and_float("l2", spec.l2),
              **(options or {}), "expected": expected}
    return entry(spec.comment, spec.flags | flags, "valid" if solution.unique else "acceptable",
                 spec.clauses | clauses, fields)


def solved_group(comment, X, y, specs, make_test, flags=(), clauses=(), with_path=None):
    """A group of solvable tests: ``make_test(X, y, spec, with_path)`` for each spec, on the
    exact X and y they share.  ``flags`` and ``clauses`` apply to every test; the tests
    store their exact path (``with_path``, by default) when p <= 8."""
    X, y = exact_data(X, y)
    if with_path is None:
        with_path = len(X[0]) <= 8
    tests = []
    for spec in specs:
        spec.flags |= set(flags)
        spec.clauses |= set(clauses)
        tests.append(make_test(X, y, spec, with_path))
    return group_json(comment, X, y, tests)


def invalid_group(comment, clause, entries):
    """A group of inputs that every port must reject with {"error": ...}; the reference
    rejects each one.  ``entries``: (comment, flags, problem) triples."""
    tests = []
    for text, flags, problem in entries:
        try:
            Problem.from_json(problem)
        except ProblemError:
            pass
        else:  # pragma: no cover - a generator bug
            raise AssertionError(f"the reference accepts the 'invalid' problem {problem!r}")
        tests.append(entry(text, flags, "invalid", [clause], {"problem": problem}))
    return {"comment": comment, "tests": tests}
