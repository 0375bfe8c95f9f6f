"""The exact Lasso / Elastic Net solver: the homotopy (LARS-lasso with drops).

Problem (spec OBJECTIVE)::

    minimise  F(w) = ½‖y − Xw‖² + λ₁‖w‖₁ + λ₂‖w‖₂²

With G = XᵀX + 2λ₂I and c = Xᵀy, F(w) = ½yᵀy − cᵀw + ½wᵀGw + λ₁‖w‖₁: the data
enter only through G and c, which stay rational (no √(2λ₂) augmentation).
The correlations are ĉ(w) = c − Gw = Xᵀr − 2λ₂w, and w is optimal exactly when
(spec KKT-ZERO, KKT-NONZERO)::

    ĉ_j = λ₁·sign(w_j)  where w_j ≠ 0,        |ĉ_j| ≤ λ₁  where w_j = 0.

**Bases.**  A basis is an active set B with signs s_B such that G_BB is
nonsingular.  On it the candidate solution is affine in λ::

    w_B(λ) = G_BB⁻¹ (c_B − λ s_B),    w_j(λ) = 0 for j ∉ B,

and it is optimal for exactly those λ that satisfy the linear inequalities
s_j w_j(λ) ≥ 0 (j ∈ B) and |ĉ_j(λ)| ≤ λ (j ∉ B): an interval [lo, hi].

**The path.**  At λ_max = max_j |c_j| the answer is w = 0 (spec LAMBDA-MAX).
Going down, each knot is the bottom of the current basis' interval; there
the next basis is the old one minus the coefficients that reached zero plus
the variables whose |ĉ_j| reached λ (Efron et al. 2004; Osborne, Presnell
and Turlach 2000).  When that guess is not optimal just below the knot
(ties, collinear or duplicate columns), every basis drawn from the
equicorrelation set E = {j : |ĉ_j| = λ} is tried; one of them must work,
because the vertex solutions of the finitely many bases cover (0, λ_max].
That fallback is exponential in |E| but only runs at degenerate knots.

**Exact and fraction-free.**  G and c are scaled by an integer K (and λ with
them, which leaves w unchanged) so that they are integers; each basis keeps
D = det G_BB and the integer adjugate adj G_BB = D·G_BB⁻¹, updated when one
variable enters or leaves with exact integer divisions (Sylvester's
identity).  No gcd is computed inside the loop.
"""

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import NamedTuple

from ._exact import gram, integer_scale, is_nonsingular, nonnegative_solution_exists, xt_times
from ._validate import ProblemError, as_matrix, as_problem, as_vector
from .certificate import objective

__all__ = ["Knot", "Solution", "lambda_max", "solve"]


class Knot(NamedTuple):
    """A knot of the regularisation path: the exact solution w at penalty lam."""

    lam: Fraction
    w: tuple


@dataclass(frozen=True)
class Solution:
    """The exact minimiser of F for the given λ₁, λ₂ and how it was reached.

    ``path`` lists the knots from λ_max down to λ₁ (just (λ_max, 0) when
    λ₁ ≥ λ_max); between consecutive knots the path is linear in λ.  Where
    the minimiser is not unique (``unique`` is False) the solver returns one
    vertex solution (its nonzero columns are linearly independent), and a
    knot may then appear twice with two different solutions.
    """

    w: tuple
    l1: Fraction
    l2: Fraction
    lambda_max: Fraction
    path: tuple
    unique: bool
    objective: Fraction


def lambda_max(X, y):
    """λ_max = max_j |x_jᵀy|: the smallest λ₁ with w = 0 optimal (any λ₂).

    >>> lambda_max([[1, 1], [1, 0], [0, 1]], [3, 2, 1])
    Fraction(5, 1)
    """
    X = as_matrix(X, "X")
    y = as_vector(y, "y", length=len(X))
    return max(abs(cj) for cj in xt_times(X, y))


#: ``method="auto"`` uses the homotopy up to this many entries of X (n·p), refinement above.
AUTO_REFINE_SIZE = 400


def solve(X, y, l1, l2=0, *, method="auto", path=False):
    """The exact minimiser of F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂².

    ``method``: "homotopy" (this module; it always records the path), "refine"
    (:mod:`refine`, iterative refinement for realistic sizes; ``path == ()``), or
    "auto": the homotopy when ``path`` is requested or n·p ≤ AUTO_REFINE_SIZE,
    refinement otherwise.  Both return the same exact w (where unique) and F*.

    >>> s = solve([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1)
    >>> s.w, s.unique, s.objective
    ((Fraction(5, 3), Fraction(2, 3)), True, Fraction(8, 3))
    >>> [(str(k.lam), [str(v) for v in k.w]) for k in s.path]
    [('5', ['0', '0']), ('3', ['1', '0']), ('1', ['5/3', '2/3'])]
    """
    if method not in ("auto", "homotopy", "refine"):
        raise ProblemError(f'method must be "auto", "homotopy" or "refine", got {method!r}')
    if method == "refine" and path:
        raise ProblemError('path=True needs method="homotopy" or "auto"; refinement has no path')
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    large = len(X) * len(X[0]) > AUTO_REFINE_SIZE
    if method == "refine" or (method == "auto" and large and not path):
        from .refine import refine  # refine builds on this module

        return refine(X, y, l1, l2)
    p = len(X[0])
    G = gram(X, 2 * l2)  # XᵀX + 2λ₂I
    c = xt_times(X, y)
    lam_max = max(abs(cj) for cj in c)
    zero = tuple(Fraction(0) for _ in range(p))
    path = [Knot(lam_max, zero)]
    if l1 < lam_max:
        path += _trace_path(G, c, lam_max, l1)
    w = path[-1].w
    return Solution(
        w=w,
        l1=l1,
        l2=l2,
        lambda_max=lam_max,
        path=tuple(path),
        unique=_is_unique(G, c, w, l1, l2),
        objective=objective(X, y, w, l1, l2),
    )


def _trace_path(G, c, lam_max, l1):
    """The knots below λ_max, down to and including λ₁ (in unscaled λ)."""
    K = integer_scale(*c, *(g for row in G for g in row))
    G = [[int(K * g) for g in row] for row in G]
    c = [int(K * cj) for cj in c]
    lam, target = K * lam_max, K * l1
    segment = _Segment(_Basis.empty(), G, c)
    knots = []
    previous_w = None
    while lam > target:
        segment = _next_segment(segment, lam, G, c)
        start = segment.w(lam)
        if previous_w is not None and start != previous_w:
            knots.append(Knot(lam / K, start))  # non-unique: another vertex at the same λ
        lam = max(segment.lo, target)
        previous_w = segment.w(lam)
        knots.append(Knot(lam / K, previous_w))
    return knots


class _Basis:
    """Active set B with signs s_B, held as D = det G_BB and adj = D·G_BB⁻¹ (integers)."""

    __slots__ = ("active", "adj", "det", "signs")

    def __init__(self, active, signs, det, adj):
        self.active, self.signs, self.det, self.adj = active, signs, det, adj

    @classmethod
    def empty(cls):
        return cls((), (), 1, ())

    def with_added(self, j, sign, G):
        """B ∪ {j} by bordering, or None when G_BB stays nonsingular only without j.

        For M' = [[M, u], [uᵀ, g]]: v = adj(M)·u, det M' = g·D − uᵀv, and
        adj M' = [[(det M'·adj M + v vᵀ)/D, −v], [−vᵀ, D]].
        """
        D, adj = self.det, self.adj
        u = [G[k][j] for k in self.active]
        v = [sum(a * b for a, b in zip(row, u, strict=True)) for row in adj]
        new_det = G[j][j] * D - sum(a * b for a, b in zip(u, v, strict=True))
        if new_det == 0:
            return None
        top = [
            [(new_det * adj[i][k] + v[i] * v[k]) // D for k in range(len(v))] + [-v[i]]
            for i in range(len(v))
        ]
        new_adj = (*map(tuple, top), (*(-vi for vi in v), D))
        return _Basis((*self.active, j), (*self.signs, sign), new_det, new_adj)

    def without(self, j):
        """B \\ {j}: det = adj_kk and adj_il ← (adj_kk·adj_il − adj_ik·adj_kl)/D, for k = pos(j)."""
        k = self.active.index(j)
        adj, D = self.adj, self.det
        keep = [i for i in range(len(self.active)) if i != k]
        new_adj = tuple(
            tuple((adj[k][k] * adj[i][m] - adj[i][k] * adj[k][m]) // D for m in keep) for i in keep
        )
        return _Basis(
            tuple(self.active[i] for i in keep),
            tuple(self.signs[i] for i in keep),
            adj[k][k],
            new_adj,
        )

    @classmethod
    def build(cls, members, signs, G):
        """The basis with these members (in order), or None if G_BB is singular."""
        basis = cls.empty()
        for j in members:
            basis = basis.with_added(j, signs[j], G)
            if basis is None:
                return None
        return basis


class _Segment:
    """The affine solution of one basis and the interval [lo, hi] of λ where it is optimal.

    With u = adj·c_B and v = adj·s_B:  D·w_B(λ) = u − λv, and for every j
    D·ĉ_j(λ) = p_j + λ·q_j  with  p_j = D·c_j − G_jB·u,  q_j = G_jB·v.
    """

    def __init__(self, basis, G, c):
        self.basis = basis
        D, B = basis.det, basis.active
        self.u = [sum(a * c[k] for a, k in zip(row, B, strict=True)) for row in basis.adj]
        self.v = [sum(a * s for a, s in zip(row, basis.signs, strict=True)) for row in basis.adj]
        self.p = [
            D * c[j] - sum(G[j][k] * uk for k, uk in zip(B, self.u, strict=True))
            for j in range(len(c))
        ]
        self.q = [sum(G[j][k] * vk for k, vk in zip(B, self.v, strict=True)) for j in range(len(c))]
        self.lo, self.hi = _interval(self._constraints())

    def _constraints(self):
        """Pairs (α, β) meaning α + βλ ≥ 0, all of which hold exactly where the basis is optimal."""
        D, B = self.basis.det, self.basis.active
        for uk, vk, s in zip(self.u, self.v, self.basis.signs, strict=True):
            yield s * uk, -s * vk  # s_j·D·w_j(λ) ≥ 0
        for j, (pj, qj) in enumerate(zip(self.p, self.q, strict=True)):
            if j not in B:
                yield -pj, D - qj  # D·ĉ_j(λ) ≤ D·λ
                yield pj, D + qj  # D·ĉ_j(λ) ≥ −D·λ
        yield 0, 1  # λ ≥ 0

    def w(self, lam):
        """The full coefficient vector w(λ) of this basis."""
        w = [Fraction(0)] * len(self.p)
        for j, uk, vk in zip(self.basis.active, self.u, self.v, strict=True):
            w[j] = (uk - lam * vk) / self.basis.det
        return tuple(w)

    def scaled_correlations(self, lam):
        """D·ĉ_j(λ) for every j."""
        return [pj + lam * qj for pj, qj in zip(self.p, self.q, strict=True)]


def _interval(constraints):
    """The set {λ : α + βλ ≥ 0 for all (α, β)} as (lo, hi); (1, 0) when it is empty."""
    lo, hi = Fraction(0), None
    for alpha, beta in constraints:
        if beta > 0:
            lo = max(lo, Fraction(-alpha, beta))
        elif beta < 0:
            bound = Fraction(alpha, -beta)
            hi = bound if hi is None else min(hi, bound)
        elif alpha < 0:
            return Fraction(1), Fraction(0)
    return lo, hi


def _next_segment(segment, lam, G, c):
    """A basis that is optimal on [λ − t, λ] for some t > 0, with its segment."""
    basis, D = segment.basis, segment.basis.det
    correlations = segment.scaled_correlations(lam)
    equicorrelated = [j for j, dc in enumerate(correlations) if abs(dc) == lam * D]
    signs = {j: 1 if correlations[j] > 0 else -1 for j in equicorrelated}
    w = segment.w(lam)
    guess = basis
    for j in basis.active:
        if w[j] == 0:
            guess = guess.without(j)
    for j in equicorrelated:
        if j not in basis.active:
            guess = guess.with_added(j, signs[j], G) or guess
    for candidate in _candidates(guess, equicorrelated, signs, G):
        new = _Segment(candidate, G, c)
        if new.lo < lam and (new.hi is None or lam <= new.hi):
            return new
    raise AssertionError(f"no optimal basis below the knot λ = {lam}; please report this problem")


def _candidates(guess, equicorrelated, signs, G):
    """The LARS guess first, then every nonsingular basis within E, nearest the guess first."""
    yield guess
    chosen = set(guess.active)
    subsets = [s for r in range(len(equicorrelated) + 1) for s in combinations(equicorrelated, r)]
    subsets.sort(key=lambda s: len(chosen.symmetric_difference(s)))
    for subset in subsets:  # pragma: no branch - exhausting it would mean no basis works
        if set(subset) != chosen:
            basis = _Basis.build(subset, signs, G)
            if basis is not None:
                yield basis


def _is_unique(G, c, w, l1, l2):
    """Decide exactly whether w is the only minimiser.

    λ₂ > 0: F is strictly convex.  λ₁ = 0: unique iff G = XᵀX is nonsingular.
    Otherwise every minimiser has the same fit Xw and the same correlations ĉ,
    so the solution set is {w + d : X_E d = 0, s_j d_j ≥ 0 where w_j = 0},
    E the equicorrelation set.  With F = supp(w) (independent columns) and
    Z = E \\ F, another minimiser exists iff some d ≠ 0 qualifies, i.e. iff
    G_E,F d_F + G_E,Z S_Z e = 0 has a solution with e ≥ 0, Σe = 1 (d_F free):
    a linear feasibility problem decided by the simplex method.
    """
    p = len(w)
    if l2 > 0:
        return True
    if l1 == 0:
        return is_nonsingular(G)
    correlations = [
        cj - sum(g * wk for g, wk in zip(row, w, strict=True)) for cj, row in zip(c, G, strict=True)
    ]
    support = [j for j in range(p) if w[j] != 0]
    at_zero = [j for j in range(p) if w[j] == 0 and abs(correlations[j]) == l1]
    if not at_zero:
        return True
    rows = [
        [G[i][j] for j in support]
        + [-G[i][j] for j in support]
        + [G[i][j] * (1 if correlations[j] > 0 else -1) for j in at_zero]
        for i in support + at_zero
    ]
    rows.append([0] * (2 * len(support)) + [1] * len(at_zero))
    rhs = [0] * (len(rows) - 1) + [1]
    return not nonnegative_solution_exists(rows, rhs)
