"""The homotopy's integer basis algebra: bases, their affine solutions and their intervals.

The problem (reference.homotopy) is held on integers: G, c and the penalty factors v,
with the path parameter μ (a scaled λ), minimising ½wᵀGw − cᵀw + μ Σⱼ vⱼ|wⱼ|, with
wⱼ ≥ 0 where ``nonneg[j]``.  A basis is an active set B with signs s_B such that G_BB
is nonsingular; sⱼ = +1 or −1 is the sign wⱼ keeps, and sⱼ = 0 marks a coordinate
without sign constraint (an unpenalised feature or the intercept, vⱼ = 0).  On it

    w_B(μ) = G_BB⁻¹ (c_B − μ V_B s_B),    wⱼ(μ) = 0 for j ∉ B,

optimal for exactly those μ where sⱼwⱼ(μ) ≥ 0 (j ∈ B, sⱼ ≠ 0), ĉⱼ(μ) ≤ μvⱼ and, unless
``nonneg[j]``, ĉⱼ(μ) ≥ −μvⱼ (j ∉ B), with ĉ = c − Gw (spec KKT-ZERO, KKT-NONZERO,
OPTIONS-KKT): an interval [lo, hi].

Fraction-free: each basis keeps D = det G_BB > 0 and the integer adjugate
adj G_BB = D·G_BB⁻¹, updated when one variable enters or leaves with exact integer
divisions (Sylvester's identity).
"""

from fractions import Fraction

__all__ = ["Basis", "Segment"]


class Basis:
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
        return Basis((*self.active, j), (*self.signs, sign), new_det, new_adj)

    def without(self, j):
        """B \\ {j}: det = adj_kk and adj_il ← (adj_kk·adj_il − adj_ik·adj_kl)/D, for k = pos(j)."""
        k = self.active.index(j)
        adj, D = self.adj, self.det
        keep = [i for i in range(len(self.active)) if i != k]
        new_adj = tuple(
            tuple((adj[k][k] * adj[i][m] - adj[i][k] * adj[k][m]) // D for m in keep) for i in keep
        )
        return Basis(
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

    @classmethod
    def greedy(cls, members, G):
        """A maximal independent subset of ``members`` (leftmost first), every sign 0."""
        basis = cls.empty()
        for j in members:
            basis = basis.with_added(j, 0, G) or basis
        return basis


class Segment:
    """The affine solution of one basis and the interval [lo, hi] of μ where it is optimal.

    With u = adj·c_B and z = adj·(V_B s_B):  D·w_B(μ) = u − μz, and for every j
    D·ĉⱼ(μ) = pⱼ + μ·qⱼ  with  pⱼ = D·cⱼ − G_jB·u,  qⱼ = G_jB·z.
    ``problem`` has the integer G, c, v and the flags nonneg.
    """

    def __init__(self, basis, problem):
        self.basis, self.problem = basis, problem
        G, c, v = problem.G, problem.c, problem.v
        D, B = basis.det, basis.active
        penalty = [v[k] * s for k, s in zip(B, basis.signs, strict=True)]
        self.u = [sum(a * c[k] for a, k in zip(row, B, strict=True)) for row in basis.adj]
        self.z = [sum(a * t for a, t in zip(row, penalty, strict=True)) for row in basis.adj]
        self.p = [
            D * c[j] - sum(G[j][k] * uk for k, uk in zip(B, self.u, strict=True))
            for j in range(len(c))
        ]
        self.q = [sum(G[j][k] * zk for k, zk in zip(B, self.z, strict=True)) for j in range(len(c))]
        self.lo, self.hi = _interval(self._constraints())

    def _constraints(self):
        """Pairs (α, β) meaning α + βμ ≥ 0, all of which hold exactly where the basis is optimal."""
        D, B = self.basis.det, self.basis.active
        v, nonneg = self.problem.v, self.problem.nonneg
        for uk, zk, s in zip(self.u, self.z, self.basis.signs, strict=True):
            if s != 0:
                yield s * uk, -s * zk  # s_j·D·w_j(μ) ≥ 0
        for j, (pj, qj) in enumerate(zip(self.p, self.q, strict=True)):
            if j not in B:
                yield -pj, D * v[j] - qj  # D·ĉ_j(μ) ≤ D·μ·v_j
                if not nonneg[j]:
                    yield pj, D * v[j] + qj  # D·ĉ_j(μ) ≥ −D·μ·v_j
        yield 0, 1  # μ ≥ 0

    def w(self, mu):
        """The full coefficient vector w(μ) of this basis."""
        w = [Fraction(0)] * len(self.p)
        for j, uk, zk in zip(self.basis.active, self.u, self.z, strict=True):
            w[j] = Fraction(uk - mu * zk) / self.basis.det
        return tuple(w)

    def scaled_correlations(self, mu):
        """D·ĉⱼ(μ) for every j."""
        return [pj + mu * qj for pj, qj in zip(self.p, self.q, strict=True)]


def _interval(constraints):
    """The set {μ : α + βμ ≥ 0 for all (α, β)} as (lo, hi); (1, 0) when it is empty."""
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
