"""The independent oracle of the objective family, and the problems its tests draw.

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   optionally w ≥ 0

``kkt_holds``, ``brute_force`` and ``bounded`` are written from the definitions alone,
without reference/'s reduction or solver: they build their own weighted sums and
enumerate sign patterns.  ``cases`` draws a ``Case`` (a problem with options).  The
tests at the end check the oracle itself on hand-worked problems.
"""

from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import product

from exact_strategies import positive_rationals, problems
from hypothesis import strategies as st
from oracles import determinant

from lasso_spec.reference import certify, lambda_max, solve

KINDS = ("lasso", "enet", "ridge")


@dataclass(frozen=True)
class Case:
    """A problem of the family; ``repr`` rebuilds it (Fractions print as Fraction(p, q))."""

    X: tuple
    y: tuple
    l1: Fraction
    l2: Fraction
    fit_intercept: bool = False
    sample_weight: tuple | None = None
    positive: bool = False
    penalty_factor: tuple | None = None

    @property
    def options(self):
        return {
            "fit_intercept": self.fit_intercept,
            "sample_weight": self.sample_weight,
            "positive": self.positive,
            "penalty_factor": self.penalty_factor,
        }

    @property
    def s(self):
        return self.sample_weight or (1,) * len(self.X)

    @property
    def v(self):
        return self.penalty_factor or (1,) * len(self.X[0])

    def solve(self, **kwargs):
        return solve(self.X, self.y, self.l1, self.l2, **self.options, **kwargs)

    def certify(self, w, b, **keywords):
        return certify(self.X, self.y, w, self.l1, self.l2, intercept=b, **self.options,
                       **keywords)


# --- the independent oracle ---------------------------------------------------------------


def _columns(case):
    """The coordinates' columns: the features, then a column of ones for the intercept."""
    cols = [[row[j] for row in case.X] for j in range(len(case.X[0]))]
    return cols + ([[1] * len(case.X)] if case.fit_intercept else [])


def _residual(case, w, b):
    return [yi - (b or 0) - sum(a * wj for a, wj in zip(row, w)) for row, yi in zip(case.X, case.y)]


def correlations(case, w, b, l2_factors=None):
    """ĉⱼ = Σᵢ sᵢxᵢⱼrᵢ − 2λ₂vⱼwⱼ for the features, and Σᵢ sᵢrᵢ for the intercept."""
    l2_factors = l2_factors or case.v
    r = _residual(case, w, b)
    c = [sum(si * xi * ri for si, xi, ri in zip(case.s, col, r)) for col in _columns(case)]
    for j, wj in enumerate(w):
        c[j] -= 2 * case.l2 * l2_factors[j] * wj
    return c


def kkt_holds(case, w, b, l1=None, l2_factors=None):
    """The optimality conditions of spec OPTIONS-KKT, coordinate by coordinate, exactly."""
    l1 = case.l1 if l1 is None else l1
    c = correlations(case, w, b, l2_factors)
    if case.fit_intercept and c[-1] != 0:
        return False
    for wj, cj, vj in zip(w, c, case.v):
        t = l1 * vj
        if case.positive and (wj < 0 or (wj == 0 and cj > t) or (wj > 0 and cj != t)):
            return False
        if not case.positive and wj == 0 and abs(cj) > t:
            return False
        if not case.positive and wj != 0 and cj != (t if wj > 0 else -t):
            return False
    return True


def F(case, w, b, l2_factors=None):
    l2_factors = l2_factors or case.v
    r = _residual(case, w, b)
    return (
        sum(si * ri * ri for si, ri in zip(case.s, r)) / 2
        + case.l1 * sum(vj * abs(wj) for vj, wj in zip(case.v, w))
        + case.l2 * sum(vj * wj * wj for vj, wj in zip(l2_factors, w))
    )


def _gauss(A, rhs):
    """Gauss–Jordan on Fractions; None when A is singular."""
    n = len(A)
    M = [[Fraction(a) for a in A[i]] + [Fraction(rhs[i])] for i in range(n)]
    for k in range(n):
        pivots = [i for i in range(k, n) if M[i][k] != 0]
        if not pivots:
            return None
        M[k], M[pivots[0]] = M[pivots[0]], M[k]
        M[k] = [a / M[k][k] for a in M[k]]
        for i in range(n):
            if i != k:
                M[i] = [a - M[i][k] * e for a, e in zip(M[i], M[k])]
    return [M[i][n] for i in range(n)]


def _gram(case, l2_factors):
    cols, p = _columns(case), len(case.X[0])
    G = [[sum(s * a * e for s, a, e in zip(case.s, u, x)) for x in cols] for u in cols]
    for j in range(p):
        G[j][j] += 2 * case.l2 * l2_factors[j]
    return G, [sum(s * a * yi for s, a, yi in zip(case.s, u, case.y)) for u in cols]


def brute_force(case, l2_factors=None):
    """(F*, the optimal points with independent support): every sign pattern, solved exactly.

    A coordinate is off (0), or on with sign σ ∈ {+1, −1} ({+1} under w ≥ 0) when its L1
    weight tⱼ = λ₁vⱼ is positive, or on without a sign when tⱼ = 0 (the intercept too).
    On the support S: G_SS w_S = c_S − t_S σ_S.  Every vertex of the solution set has
    independent support columns, so it is found.  ``l2_factors`` replaces v in the L2 term.
    """
    l2_factors = l2_factors or case.v
    G, c = _gram(case, l2_factors)
    m, p = len(c), len(case.X[0])
    t = [case.l1 * vj for vj in case.v] + ([0] if case.fit_intercept else [])
    choices = []
    for j in range(m):
        if t[j] > 0:
            choices.append((0, 1) if case.positive and j < p else (0, 1, -1))
        else:
            choices.append((0, "on"))
    found = set()
    for pattern in product(*choices):
        S = [j for j in range(m) if pattern[j] != 0]
        sigma = [0 if pattern[j] == "on" else pattern[j] for j in S]
        wS = _gauss([[G[i][k] for k in S] for i in S], [c[i] - t[i] * s for i, s in zip(S, sigma)])
        if wS is None or any(s * wj <= 0 for s, wj in zip(sigma, wS) if s != 0):
            continue
        full = [Fraction(0)] * m
        for j, wj in zip(S, wS):
            full[j] = wj
        w, b = tuple(full[:p]), (full[p] if case.fit_intercept else None)
        if kkt_holds(case, w, b, l2_factors=l2_factors):
            found.add((w, b))
    values = {F(case, w, b, l2_factors) for w, b in found}
    assert len(values) == 1, "every optimal point has the same objective"
    return values.pop(), found


def bounded(case):
    """Whether the solution set is bounded for sure: G of the coordinates with tⱼ = 0 is
    nonsingular (a recession direction d has Gd = 0 and lives on those coordinates)."""
    G, _ = _gram(case, case.v)
    t = [case.l1 * vj for vj in case.v] + ([0] if case.fit_intercept else [])
    zero = [j for j, tj in enumerate(t) if tj == 0]
    return determinant([[G[i][k] for k in zero] for i in zero]) != 0


# --- strategies ---------------------------------------------------------------------------

weight = st.sampled_from([0, 1, 1, 2, 3, Fraction(1, 2)])
factor = st.sampled_from([0, Fraction(1, 2), 1, 1, 2])


@st.composite
def cases(
    draw, max_p=6, kind=None, fit_intercept=None, weighted=None, positive=None, penalised=None
):
    """A Case: a design of exact_strategies, options drawn (or fixed), λ by kind."""
    base = draw(problems())
    X = [list(row[:max_p]) for row in base.X]
    n, p = len(X), len(X[0])
    weights = None
    if draw(st.booleans()) if weighted is None else weighted:
        weights = draw(st.lists(weight, min_size=n, max_size=n))
        weights[draw(st.integers(0, n - 1))] = draw(st.sampled_from([1, 2, Fraction(3, 2)]))
    factors = None
    if draw(st.booleans()) if penalised is None else penalised:
        factors = draw(st.lists(factor, min_size=p, max_size=p))
    case = Case(
        X=tuple(map(tuple, X)),
        y=tuple(base.y),
        l1=Fraction(0),
        l2=Fraction(0),
        fit_intercept=draw(st.booleans()) if fit_intercept is None else fit_intercept,
        sample_weight=None if weights is None else tuple(weights),
        positive=draw(st.booleans()) if positive is None else positive,
        penalty_factor=None if factors is None else tuple(factors),
    )
    kind = kind or draw(st.sampled_from(KINDS))
    l2 = Fraction(0) if kind == "lasso" else draw(positive_rationals) / 4
    case = replace(case, l2=l2)
    if kind == "ridge":
        return case
    if all(vj == 0 for vj in case.v):
        return replace(case, l1=draw(st.sampled_from([Fraction(0), Fraction(1)])))
    top = lambda_max(case.X, case.y, **case.options)
    if top == 0:
        return replace(case, l1=draw(st.sampled_from([Fraction(0), Fraction(1)])))
    if draw(st.integers(0, 2)) == 0:  # exactly a knot of the path
        knots = replace(case, l1=Fraction(0)).solve(method="homotopy").path
        return replace(case, l1=draw(st.sampled_from([k.lam for k in knots])))
    return replace(case, l1=top * Fraction(draw(st.integers(1, 24)), 20))


def is_canonical(case):
    """Whether the options equal the defaults by value (s = 1, v = 1: spec OBJECTIVE)."""
    return not (case.fit_intercept or case.positive) and set(case.s) | set(case.v) == {1}


def intercept_at(case, w):
    """b = Σsᵢ(yᵢ − xᵢᵀw)/Σsᵢ: the intercept row solved for b (spec OPTIONS-INTERCEPT-CENTRING)."""
    if not case.fit_intercept:
        return None
    fit = [yi - sum(a * wj for a, wj in zip(row, w)) for row, yi in zip(case.X, case.y)]
    return sum(si * f for si, f in zip(case.s, fit)) / sum(case.s)


# --- the oracle on hand-worked problems ---------------------------------------------------


def test_the_oracle_on_a_weighted_intercept_problem():
    """x = (1, 0, 0), y = (1, 1, 4), s = (1, 1, 2), λ = 0: b = (1 + 8)/3 = 3 from the rows
    with x = 0, and w = 1 − 3 = −2; r = (0, −2, 1), F* = ½(0 + 4 + 2·1) = 3."""
    case = Case(
        X=((1,), (0,), (0,)),
        y=(1, 1, 4),
        l1=Fraction(0),
        l2=Fraction(0),
        fit_intercept=True,
        sample_weight=(1, 1, 2),
    )
    best, points = brute_force(case)
    assert points == {((-2,), 3)} and best == 3 and bounded(case)
    assert kkt_holds(case, (-2,), 3) and not kkt_holds(case, (-2,), 2)


def test_the_oracle_on_a_positive_problem_with_duplicate_columns():
    """x₁ = x₂ = (1, 1), y = (2, 2), λ₁ = 1 under w ≥ 0: w₁ + w₂ = 2 − 1/2, ĉ = 1 on both;
    the vertices are (3/2, 0) and (0, 3/2), and the set between them is bounded."""
    case = Case(X=((1, 1), (1, 1)), y=(2, 2), l1=Fraction(1), l2=Fraction(0), positive=True)
    best, points = brute_force(case)
    assert points == {((Fraction(3, 2), 0), None), ((0, Fraction(3, 2)), None)}
    assert best == F(case, (1, Fraction(1, 2)), None) and bounded(case)
    assert not kkt_holds(case, (2, Fraction(-1, 2)), None)  # infeasible under w ≥ 0
