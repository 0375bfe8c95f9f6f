"""The exact Lasso / Elastic Net minimiser at realistic sizes, by iterative refinement.

This is the method of exact LP solvers (SoPlex, QSopt_ex; Gleixner & Steffy 2020):
a fast float64 solver guesses, exact rational arithmetic checks and repairs.
It works on the quadratic of :func:`options.quadratic` (the canonical problem is the
case s = 1, v = 1, no intercept, no sign constraint): with G = X'ᵀSX' + 2λ₂V',
c = X'ᵀSy, thresholds tⱼ = λ₁vⱼ (tⱼ = 0 for the intercept, the last coordinate) and
ĉ = c − Gw (spec OBJECTIVE, KKT-ZERO, KKT-NONZERO; OPTIONS-OBJECTIVE, OPTIONS-KKT):

1. **Float proposal** (:mod:`_proposal`).  Coordinate descent in float64 on (G, c),
   then a float active-set polish, proposes an active set B with signs s_B.  The
   *free* coordinates (tⱼ = 0 without a sign constraint: the intercept, unpenalised
   features) are always in B, first, with sⱼ = 0; under ``positive`` every other sⱼ = +1.
2. **Exact restricted minimiser.**  Solve G_BB w_B = c_B − t_B s_B exactly, on
   integers: floats are dyadic, so one integer S makes S·G, S·c and S·tⱼ integral
   (weights' and factors' denominators included), and the solve returns w_B = u/D
   with integers u, D (``_flint.solve``).  G_BB is formed from the columns in B only,
   never the whole G.  When G_BB is singular (duplicate or collinear columns, n < |B|),
   B is cut to its leftmost linearly independent columns first (``_flint.independent``).
3. **Exact KKT check** over all coordinates, with ĉ = X'ᵀS(y − X'_B w_B) − 2λ₂V'w
   scaled to integers (``scaled_correlations``):  w is optimal iff sⱼwⱼ ≥ 0 on B (there
   ĉⱼ = tⱼsⱼ holds by construction) and, off B, |ĉⱼ| ≤ tⱼ, or ĉⱼ ≤ tⱼ under wⱼ ≥ 0.
   Certified: return it.
4. **Repair.**  Drop the sign-inconsistent j ∈ B, add the worst violator off B
   (largest excess |ĉⱼ| − tⱼ, or ĉⱼ − tⱼ, entering with sign(ĉⱼ), +1 under wⱼ ≥ 0,
   0 if free), and go to 2.

**λ_max** (spec LAMBDA-MAX, OPTIONS-LAMBDA-MAX) needs ĉ(w_U), w_U the fit on the
unpenalised coordinates U = {j : vⱼ = 0} (the intercept included; non-negative under
``positive``).  The same loop computes it, with the KKT check restricted to U (where
every tⱼ = 0); for the canonical problem U = ∅ and ĉ(w_U) = c.

**Termination.**  Every round either returns a certified point or moves to a pair
(B, s_B) with B ⊆ the coordinates and sⱼ ∈ {−1, +1} ({+1} under ``positive``, {0}
if free); there are finitely many such pairs.  A pair met twice (a cycle: possible at
ties and with non-unique minimisers) or more than ``max_rounds`` rounds (a proposal
far from the answer) stops the refinement — the options change the pairs, not this
argument — and the homotopy (:func:`homotopy.solve`, whose own termination is argued
there) finishes the job from λ_max.  So each of the two loops runs at most
``max_rounds`` exact rounds and ``refine`` always ends.  A free coordinate the cut
removes is a combination of free columns to its left (they come first), so its ĉⱼ
is the same combination of their ĉ's, which are 0: it never re-enters.

**Correctness** does not rest on the floats at all: a point is returned only
after the exact check of step 3, which is the spec's optimality condition.

**Uniqueness** is decided exactly by the homotopy's rule (``_is_unique``) on the
equicorrelation set E (supp(w), the free coordinates and those whose condition is
tight): every minimiser is w + d with Gd = 0 and d = 0 off E, so only E matters.

The :class:`Solution` has ``path == ()``: refinement computes no path (ask
``solve(..., path=True)`` for one).
"""

from fractions import Fraction

from . import _flint
from ._exact import _integers, integer_scale
from ._proposal import proposal
from ._validate import as_problem
from .homotopy import Solution, _is_unique
from .options import as_options

__all__ = ["refine"]


def refine(
    X,
    y,
    l1,
    l2=0,
    *,
    start=None,
    max_rounds=50,
    fast=_flint.HAVE_FLINT,
    fit_intercept=False,
    sample_weight=None,
    positive=False,
    penalty_factor=None,
):
    """The exact minimiser of F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², or of F(w, b) with the
    options (spec OPTIONS-OBJECTIVE), by iterative refinement: the homotopy's answer.

    ``start``: a guess w₀ (p numbers) whose support and signs replace the float
    proposal, e.g. a float answer being judged.  ``fast=False`` forces the
    pure-Python integer back end (same result).

    >>> s = refine([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 1)
    >>> s.w, s.unique, s.objective, s.path
    ((Fraction(5, 3), Fraction(2, 3)), True, Fraction(8, 3), ())
    >>> s = refine([[1, 1], [1, 0], [0, 1]], [3, 2, 1], Fraction(1, 2), fit_intercept=True)
    >>> [str(v) for v in s.w], s.intercept, s.lambda_max
    (['3/4', '0'], Fraction(3, 2), Fraction(1, 1))
    """
    X, y, l1, l2 = as_problem(X, y, l1, l2)
    options = as_options(
        X,
        fit_intercept=fit_intercept,
        sample_weight=sample_weight,
        positive=positive,
        penalty_factor=penalty_factor,
    )
    data = _IntegerProblem(X, y, l1, l2, options, fast)
    if start is None:
        active, signs = proposal(X, y, l1, l2, options)
    else:
        active = [j for j, v in enumerate(start) if v != 0]
        signs = {j: 1 if start[j] > 0 else -1 for j in active}
    at_max = _repair(data, data.unpenalised, data.unpenalised, {}, max_rounds)
    found = at_max and _repair(data, range(data.m), active, signs, max_rounds)
    if found:
        return data.solution(*found, lambda_max=data.lambda_max(*at_max[2:]))
    from .homotopy import solve

    return solve(X, y, l1, l2, method="homotopy", **options.keywords())


def _repair(data, coordinates, active, signs, max_rounds):
    """(B, u, D, D·S·ĉ) of the exact minimiser over ``coordinates`` (the others held at 0),
    by steps 2–4 from (B, signs); None after a cycle or ``max_rounds`` rounds."""
    active, signs = data.admissible(coordinates, active, signs)
    seen = set()
    for _ in range(max_rounds):
        active, u, D = data.restricted_minimiser(active, signs)
        pair = (tuple(active), tuple(signs[j] for j in active))
        if pair in seen:
            return None  # a cycle: hand over to the homotopy
        seen.add(pair)
        corr = data.scaled_correlations(active, u, D)
        wrong = [j for j, uj in zip(active, u, strict=True) if signs[j] * uj < 0]
        excess = data.excess(corr, D, set(coordinates) - set(active))
        if not wrong and not excess:
            return active, u, D, corr
        active = [j for j in active if j not in wrong]
        if excess:
            worst = min(excess, key=lambda j: (-excess[j], j))
            signs[worst] = data.sign(worst, corr[worst])
            active.append(worst)
    return None


class _IntegerProblem:
    """The quadratic on integers: S·G_BB = a·X'ᵢ_BᵀSᵢX'ᵢ_B + l2·Vᵢ_B, S·c = X'ᵢᵀSᵢ(b·yᵢ),
    S·tⱼ = l1·vᵢⱼ (all ints; m = p + 1 coordinates with an intercept, else p).

    X'ᵢ = K_X·X', Sᵢ = L·S (weights), yᵢ = K_y·y and vᵢ = M·v clear the denominators;
    S = lcm of the denominators of 1/(K_X²L), 1/(K_X·L·K_y), 2λ₂/M and λ₁/M makes
    a = S/(K_X²L), b = S/(K_X·L·K_y), l2 = 2λ₂S/M and l1 = λ₁S/M integers.  Rows of
    weight 0 are dropped: they add nothing to G or c.
    """

    def __init__(self, X, y, l1, l2, options, fast):
        self.X, self.y, self.l1_raw, self.l2_raw, self.fast = X, y, l1, l2, fast
        self.options, self.p = options, len(X[0])
        rows = [[*row, 1] if options.fit_intercept else row for row in X]
        kept = [i for i, s in enumerate(options.weights(len(X))) if s != 0]
        self.Xi, KX = _integers([rows[i] for i in kept])
        (si,), L = _integers([[options.weights(len(X))[i] for i in kept]])
        (yi,), Ky = _integers([[y[i] for i in kept]])
        v = options.factors(self.p) + ((Fraction(0),) if options.fit_intercept else ())
        (self.vi,), M = _integers([v])
        S = integer_scale(Fraction(1, KX * KX * L), Fraction(1, KX * L * Ky), 2 * l2 / M, l1 / M)
        self.S, self.M, self.a = S, M, S // (KX * KX * L)
        self.yb = [S // (KX * L * Ky) * v for v in yi]
        self.l1, self.l2 = int(S * l1 / M), int(S * 2 * l2 / M)
        self.m = len(v)
        self.nonneg = [options.positive] * self.p + [False] * (self.m - self.p)
        self.Wi = self.Xi  # Sᵢ·X'ᵢ
        if options.sample_weight is not None:
            self.Wi = [[s * a for a in row] for s, row in zip(si, self.Xi, strict=True)]
        self.WiT = _flint.prepare(_flint.transpose(self.Wi), fast)
        self.c = self._wt_times(self.yb)  # S·c
        self.yy = sum(s * yv * yv for s, yv in zip(options.weights(len(X)), y, strict=True))
        self.unpenalised = [j for j in range(self.m) if self.vi[j] == 0]

    def free(self, j):
        """Whether coordinate j is free: tⱼ = 0 and no sign constraint."""
        return self.l1 * self.vi[j] == 0 and not self.nonneg[j]

    def sign(self, j, value):
        """The sign j takes in B: 0 if free, +1 under wⱼ ≥ 0, else the sign of ``value``."""
        if self.free(j):
            return 0
        return 1 if self.nonneg[j] or value > 0 else -1

    def admissible(self, coordinates, active, signs):
        """(B, signs) with every free coordinate first, and the signs each j may take."""
        coordinates = set(coordinates)
        first = [j for j in sorted(coordinates, key=lambda j: (j < self.p, j)) if self.free(j)]
        rest = [j for j in dict.fromkeys(active) if j in coordinates and not self.free(j)]
        return first + rest, {j: self.sign(j, signs.get(j, 1)) for j in first + rest}

    def _wt_times(self, v):
        return [row[0] for row in _flint.matmul(self.WiT, [[vi] for vi in v], self.fast)]

    def _columns(self, rows, active):
        return [[row[j] for j in active] for row in rows]

    def gram(self, active):
        """S·G_BB."""
        WB, XB = self._columns(self.Wi, active), self._columns(self.Xi, active)
        G = _flint.matmul(_flint.transpose(WB), XB, self.fast)
        return [
            [self.a * g + self.l2 * self.vi[active[i]] * (i == k) for k, g in enumerate(row)]
            for i, row in enumerate(G)
        ]

    def restricted_minimiser(self, active, signs):
        """(B', u, D): D·w_B' = u solves G w = c − ts on B' ⊆ B, B' independent columns."""
        if not active:
            return [], [], 1
        G = self.gram(active)
        rhs = [self.c[j] - self.l1 * self.vi[j] * signs[j] for j in active]
        solved = _flint.solve(G, rhs, self.fast)
        if solved is None:
            keep = _flint.independent(G, self.fast)
            active = [active[i] for i in keep]
            G = [[G[i][k] for k in keep] for i in keep]
            solved = _flint.solve(G, [rhs[i] for i in keep], self.fast)
        return active, *solved

    def scaled_correlations(self, active, u, D):
        """D·S·ĉⱼ for every j, from D·S·(y − X'w) scaled to integers."""
        fit = [[0] for _ in self.Xi]
        if active:
            fit = _flint.matmul(self._columns(self.Xi, active), [[v] for v in u], self.fast)
        corr = self._wt_times([D * yb - self.a * f[0] for yb, f in zip(self.yb, fit, strict=True)])
        for j, uj in zip(active, u, strict=True):
            corr[j] -= self.l2 * self.vi[j] * uj
        return corr

    def _excess(self, corr_j, D, j):
        """D·S times the KKT excess of j at 0: ĉⱼ − tⱼ under wⱼ ≥ 0, else |ĉⱼ| − tⱼ."""
        return (corr_j if self.nonneg[j] else abs(corr_j)) - D * self.l1 * self.vi[j]

    def excess(self, corr, D, outside):
        """The violators off B, with their (positive) excess."""
        found = {j: self._excess(corr[j], D, j) for j in outside}
        return {j: e for j, e in found.items() if e > 0}

    def lambda_max(self, D, corr):
        """λ_max from D·S·ĉ(w_U): the largest |ĉⱼ|/vⱼ (max(ĉⱼ, 0)/vⱼ) over penalised j."""
        ratios = [
            Fraction(max(corr[j], 0) if self.nonneg[j] else abs(corr[j]), D * self.vi[j])
            for j in range(self.m)
            if self.vi[j] > 0
        ]
        return max(ratios) * self.M / self.S if ratios else None

    def solution(self, active, u, D, corr, lambda_max):
        """The Solution for the certified w' = u/D on B, with F(w) and uniqueness exact."""
        w = [Fraction(0)] * self.m
        for j, uj in zip(active, u, strict=True):
            w[j] = Fraction(uj, D)
        # At the restricted minimiser w'ᵀGw' = cᵀw' − Σtⱼ|wⱼ|, so F = ½yᵀSy − ½cᵀw' + ½Σtⱼ|wⱼ|.
        cw = Fraction(sum(self.c[j] * uj for j, uj in zip(active, u, strict=True)), self.S * D)
        penalty = self.l1_raw * Fraction(
            sum(self.vi[j] * abs(uj) for j, uj in zip(active, u, strict=True)), self.M * D
        )
        return Solution(
            w=tuple(w[: self.p]),
            l1=self.l1_raw,
            l2=self.l2_raw,
            lambda_max=lambda_max,
            path=(),
            unique=self._unique(w, corr, D),
            objective=self.yy / 2 - cw / 2 + penalty / 2,
            intercept=w[self.p] if self.options.fit_intercept else None,
        )

    def _unique(self, w, corr, D):
        """Exact uniqueness: the homotopy's rule on the equicorrelation set E, applied to
        (S·G_EE, S·c_E) with the thresholds S·tⱼ (scaling by S > 0 changes no condition)."""
        tight = [self._excess(corr[j], D, j) == 0 for j in range(self.m)]
        E = [j for j in range(self.m) if w[j] != 0 or self.free(j) or tight[j]]
        if all(w[j] != 0 for j in E):
            return True  # E ⊆ B', whose G is nonsingular, and no condition is tight at 0
        if self.l2 > 0 and all(self.vi[j] > 0 for j in E):
            return True  # G_EE positive definite
        vE = [self.vi[j] for j in E]
        cE, wE, nonneg = [self.c[j] for j in E], [w[j] for j in E], [self.nonneg[j] for j in E]
        return _is_unique(self.gram(E), cE, wE, self.l1, self.l2, vE, nonneg)
