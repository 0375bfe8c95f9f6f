"""Exact uniqueness of a minimiser of ½wᵀGw − cᵀw + λ₁Σⱼ vⱼ|wⱼ|, with wⱼ ≥ 0 where nonneg[j]."""

from ._exact import is_nonsingular, nonnegative_solution_exists

__all__ = ["is_unique"]


def is_unique(G, c, w, l1, l2, v=None, nonneg=None):
    """Decide exactly whether the minimiser w is the only one (G ⪰ 0; v = 1, no sign constraint
    by default, spec OBJECTIVE; any v ≥ 0 and nonneg, spec OPTIONS-OBJECTIVE).

    λ₂ > 0 with every vⱼ > 0: G is positive definite, F strictly convex: unique.
    Otherwise, along the segment between two minimisers F is constant, the sum of a
    quadratic with curvature dᵀGd and a convex function, so dᵀGd = 0, i.e. Gd = 0
    (G ⪰ 0): every minimiser has the same correlations ĉ = c − Gw.  So the minimisers
    near w are w + d with Gd = 0 and the KKT conditions (spec OPTIONS-KKT) at w + d;
    with tⱼ = λ₁vⱼ, coordinate j is

    * fixed (dⱼ = 0) where its condition is strict: |ĉⱼ| < tⱼ, or ĉⱼ < tⱼ under wⱼ ≥ 0
      (there wⱼ = 0);
    * one-sided (σⱼdⱼ ≥ 0, the set Z) where wⱼ = 0 and the condition is tight, with
      σⱼ = sign ĉⱼ, or σⱼ = +1 under wⱼ ≥ 0;
    * free (the set F) otherwise: wⱼ ≠ 0, or tⱼ = 0 without a sign constraint.

    The solution set is convex, so small d suffice: w is unique iff no d ≠ 0 qualifies,
    i.e. iff G_FF is nonsingular (else d_F in its kernel qualifies) and
    G_E,F d_F + G_E,Z σ_Z e = 0 has no solution with e ≥ 0, Σe = 1 (E = F ∪ Z;
    G_EE d_E = 0 is Gd = 0 for G ⪰ 0): a linear feasibility problem decided exactly by
    the simplex method.  For the canonical problem with λ₁ = 0 this is "G nonsingular".
    """
    p = len(w)
    v = [1] * p if v is None else v
    nonneg = [False] * p if nonneg is None else nonneg
    if l2 > 0 and all(vj > 0 for vj in v):
        return True
    correlations = [
        cj - sum(g * wk for g, wk in zip(row, w, strict=True)) for cj, row in zip(c, G, strict=True)
    ]
    free, one_sided, sigma = [], [], {}
    for j, (wj, cj) in enumerate(zip(w, correlations, strict=True)):
        t = l1 * v[j]
        if wj != 0 or (t == 0 and not nonneg[j]):
            free.append(j)
        elif cj == t or (cj == -t and not nonneg[j]):
            one_sided.append(j)
            sigma[j] = 1 if nonneg[j] or cj > 0 else -1
    if not is_nonsingular([[G[i][k] for k in free] for i in free]):
        return False
    if not one_sided:
        return True
    rows = [
        [G[i][j] for j in free] + [-G[i][j] for j in free] + [G[i][j] * sigma[j] for j in one_sided]
        for i in free + one_sided
    ]
    rows.append([0] * (2 * len(free)) + [1] * len(one_sided))
    rhs = [0] * (len(rows) - 1) + [1]
    return not nonnegative_solution_exists(rows, rhs)
