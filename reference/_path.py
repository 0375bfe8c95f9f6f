"""The homotopy's path engine: the problem on integers, the start at λ_max, the knots below.

:mod:`homotopy` states the method (bases, the start w_U, the knots, the fallback at
degenerate knots); this module carries it out on the integer quadratic of
:func:`options.quadratic`, whose bases and segments are those of :mod:`_basis`.
"""

from fractions import Fraction
from itertools import combinations

from ._basis import Basis, Segment
from ._exact import integer_scale

__all__ = ["IntegerProblem", "start", "trace"]


class IntegerProblem:
    """The quadratic on integers: K·G, K·c and M·v; μ = Kλ/M is the scaled path parameter."""

    def __init__(self, q):
        self.quadratic = q
        K = integer_scale(*q.c, *(g for row in q.G for g in row))
        M = integer_scale(*q.v)
        self.K, self.M = K, M
        self.G = [[int(K * g) for g in row] for row in q.G]
        self.c = [int(K * cj) for cj in q.c]
        self.v = [int(M * vj) for vj in q.v]
        self.nonneg = q.nonneg

    def scaled(self, lam):
        return Fraction(lam) * self.K / self.M

    def unscaled(self, mu):
        return Fraction(mu) * self.M / self.K

    def lambda_max(self, segment):
        """The smallest μ at which the start segment is optimal, or None (nothing penalised)."""
        D, nonneg = segment.basis.det, self.nonneg
        correlations = segment.scaled_correlations(0)  # D·ĉ(w_U): constant on the start segment
        ratios = [
            Fraction(max(dc, 0) if nonneg[j] else abs(dc), D * self.v[j])
            for j, dc in enumerate(correlations)
            if self.v[j] > 0
        ]
        return max(ratios) if ratios else None


def start(problem):
    """The segment of w_U, the fit on the unpenalised coordinates (intercept first)."""
    q = problem.quadratic
    order = ([q.p] if q.intercept else []) + list(range(q.p))
    free = [j for j in order if q.v[j] == 0 and not q.nonneg[j]]
    held = [j for j in order if q.v[j] == 0 and q.nonneg[j]]
    if not held:
        return Segment(Basis.greedy(free, problem.G), problem)
    # Non-negative least squares on U = free ∪ held: the λ = 0 end of the path of the
    # same quadratic on U with the factor 1 on the held coordinates (whose start is free).
    U = free + held
    sub = IntegerProblem(q.restricted(U, [0] * len(free) + [1] * len(held)))
    segment = start(sub)
    mu_max = sub.lambda_max(segment)
    if mu_max > 0:
        _, segment = trace(sub, segment, mu_max, 0)
    members = [U[k] for k in segment.basis.active]
    signs = {j: (1 if q.nonneg[j] else 0) for j in members}
    return Segment(Basis.build(members, signs, problem.G), problem)


def trace(problem, segment, mu, target):
    """(knots, last segment): the knots (λ, w) below μ, λ unscaled, down to the target μ."""
    knots = []
    previous_w = segment.w(mu)
    while mu > target:
        segment = _next_segment(segment, mu, problem)
        first = segment.w(mu)
        if first != previous_w:
            knots.append((problem.unscaled(mu), first))  # non-unique: another vertex
        mu = max(segment.lo, target)
        previous_w = segment.w(mu)
        knots.append((problem.unscaled(mu), previous_w))
    return knots, segment


def _next_segment(segment, mu, problem):
    """A basis that is optimal on [μ − t, μ] for some t > 0, with its segment."""
    basis, D = segment.basis, segment.basis.det
    v, nonneg = problem.v, problem.nonneg
    correlations = segment.scaled_correlations(mu)
    equicorrelated = [
        j
        for j, dc in enumerate(correlations)
        if dc == mu * D * v[j] or (not nonneg[j] and -dc == mu * D * v[j])
    ]
    signs = {j: _sign(correlations[j], v[j], nonneg[j]) for j in equicorrelated}
    w = segment.w(mu)
    guess = basis
    for j, s in zip(basis.active, basis.signs, strict=True):
        if w[j] == 0 and s != 0:
            guess = guess.without(j)
    for j in equicorrelated:
        if j not in basis.active:
            guess = guess.with_added(j, signs[j], problem.G) or guess
    for candidate in _candidates(guess, equicorrelated, signs, problem.G):
        new = Segment(candidate, problem)
        if new.lo < mu and (new.hi is None or mu <= new.hi):
            return new
    raise AssertionError(f"no optimal basis below the knot μ = {mu}; please report this problem")


def _sign(correlation, v, nonneg):
    """The sign a coordinate enters with: +1 under wⱼ ≥ 0, none (0) if unpenalised, else ĉⱼ's."""
    if nonneg:
        return 1
    if v == 0:
        return 0
    return 1 if correlation > 0 else -1


def _candidates(guess, equicorrelated, signs, G):
    """The LARS guess first, then every nonsingular basis within E, nearest the guess first."""
    yield guess
    chosen = set(guess.active)
    subsets = [s for r in range(len(equicorrelated) + 1) for s in combinations(equicorrelated, r)]
    subsets.sort(key=lambda s: len(chosen.symmetric_difference(s)))
    for subset in subsets:  # pragma: no branch - exhausting it would mean no basis works
        if set(subset) != chosen:
            basis = Basis.build(subset, signs, G)
            if basis is not None:
                yield basis
