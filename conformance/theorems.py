"""The theorems of the metamorphic checks: pairs of problems whose optima are one point.

The lemma behind every theorem: if T maps the points u = (w, b) of problem A one-to-one onto
those of B (feasible onto feasible) and F_B(T u) = c·F_A(u) for all u, c > 0, then
argmin F_B = T(argmin F_A), F*_B = c·F*_A, B's minimiser is unique iff A's is, and then
u*_B = T u*_A.  (F(w, b) = ½Σsᵢ(yᵢ − b − xᵢᵀw)² + λ₁Σvⱼ|wⱼ| + λ₂Σvⱼwⱼ², w ≥ 0 if positive.)

integer-weights-are-repeated-rows  sᵢ ∈ {0..3}, some sᵢ ≥ 2; B repeats row i sᵢ times,
    unweighted.  T = id, c = 1 (Σsᵢ(yᵢ − b − xᵢᵀw)² is the sum over the repeats; any λ₂).
zero-weight-is-row-removed  1 to 3 rows of any data with sᵢ = 0 inserted; B drops every row
    with sᵢ = 0.  T = id, c = 1.
row-permutation  B permutes the rows (π ≠ id when n ≥ 2).  T = id, c = 1.
column-permutation  column k of B is column σ(k) of A (σ ≠ id when p ≥ 2); T(w)ₖ = w_σ(k), c = 1.
scaling-y-and-lambda  B = (X, t·y, t·λ₁, λ₂), t ∈ {2⁻⁸, ½, 3, 2³⁰}, λ₂ unchanged: T u = t·u,
    c = t² (½‖ty − Xtw‖² = t²·½‖y − Xw‖², tλ₁|twⱼ| = t²λ₁|wⱼ|, λ₂(twⱼ)² = t²λ₂wⱼ²); λ₁ is cut
    to 30 significant bits first, so that t·λ₁ is float64-exact.
column-scaling-with-penalty-factor  λ₂ = 0 ONLY.  B scales column j and vⱼ by aⱼ ∈ {1, 2⁻¹⁶,
    ½, 3, 2¹⁶} (some aⱼ ≠ 1): T(w)ⱼ = wⱼ/aⱼ, c = 1 (aⱼxⱼ·wⱼ/aⱼ = xⱼwⱼ, λ₁aⱼvⱼ|wⱼ/aⱼ| =
    λ₁vⱼ|wⱼ|).  False with λ₂ > 0: λ₂aⱼvⱼ(wⱼ/aⱼ)² = λ₂(vⱼ/aⱼ)wⱼ², i.e. T maps onto the problem
    with L2 factor vⱼ/aⱼ, and v is shared by the L1 and L2 terms here (x = y = 1, λ₁ = 0,
    λ₂ = 1: w* = 1/3; x = 2, v = 2: w* = 1/4 ≠ 1/6).
intercept-shift  fit_intercept; B = (X, y + k·1), k ∈ {−7/2, ¼, 5, 2¹⁶ + 2⁻⁹} (the
    last float64-exact, 25 bits): T(w, b) = (w, b + k), c = 1.

How a pair is judged is in :mod:`metamorphic`.
"""


from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from lasso_spec.reference import lambda_max, objective

from . import strategies
from .received import as_received, exact_solution
from .strategies import entries, option_problems

__all__ = ["ALL_KINDS", "METAMORPHIC", "THEOREMS", "Pair", "Theorem"]

ALL_KINDS = ("lasso", "elastic_net", "ridge")


@dataclass(frozen=True)
class Pair:
    """Two problems and the theorem's map: u*_second = carry(u*_first), F*_2 = factor·F*_1."""

    first: object
    second: object
    carry: object
    factor: Fraction
    what: str
    theorem: object = None

    def __repr__(self):
        name = self.theorem.id if self.theorem else "a theorem"
        return f"<pair of {name}: the second is the first with {self.what}>"


@dataclass(frozen=True)
class Theorem:
    name: str
    statement: str
    needs: tuple  # the option capabilities the pairs use
    kinds: tuple  # the problem kinds drawn (those the implementation declares)
    pairs: object  # kind -> strategy of Pair

    @property
    def id(self):
        return f"metamorphic/{self.name}"


def solution_vector(problem, solution):  # (w, b) or w
    return (*solution.w, *((solution.intercept,) if problem.fit_intercept else ()))


def vector_objective(problem, u):
    p, b = len(problem.X[0]), u[-1] if problem.fit_intercept else None
    return objective(problem.X, problem.y, u[:p], problem.l1, problem.l2, intercept=b,
                     **problem.options)


def _lam(draw, problem):
    """λ₁ redrawn as k/16 of the problem's own λ_max (the strategies' rule); Ridge keeps 0."""
    if problem.l1 == 0:
        return problem
    top = lambda_max(problem.X, problem.y, **problem.options)
    return replace(problem, l1=top * Fraction(draw(st.integers(1, 19)), 16) if top else
                   Fraction(1, 2))


def _scaled(problem):
    """Assume the judge's scale S is positive (as the strategies do: no problem without one)."""
    from .option_verdict import option_scale
    from .tolerance import objective_scale

    assume((option_scale if problem.options else objective_scale)(problem) > 0)
    return problem


@st.composite
def _repeated_rows(draw, kind):
    base = draw(strategies.problems(kind))
    n = len(base.X)
    counts = [draw(st.integers(0, 3)) for _ in range(n)]
    counts[draw(st.integers(0, n - 1))] = draw(st.integers(2, 3))
    first = _scaled(as_received(_lam(draw, replace(base, sample_weight=counts))))
    rows = [i for i, k in enumerate(counts) for _ in range(k)]
    second = replace(first, X=[first.X[i] for i in rows], y=[first.y[i] for i in rows],
                     sample_weight=None)
    return Pair(first, second, tuple, Fraction(1),
                f"row i repeated sᵢ times, s = {counts}, and unweighted")


@st.composite
def _zero_weight(draw, kind):
    base = draw(option_problems(kind, "weights"))
    p = len(base.X[0])
    rows = list(zip(base.X, base.y, base.sample_weight or (1,) * len(base.X)))
    for _ in range(draw(st.integers(1, 3))):
        row = tuple(draw(entries) for _ in range(p))
        rows.insert(draw(st.integers(0, len(rows))), (row, draw(entries), 0))
    X, y, s = zip(*rows)
    first = _scaled(as_received(replace(base, X=X, y=y, sample_weight=s)))
    keep = [i for i, si in enumerate(s) if si]
    second = replace(first, X=[X[i] for i in keep], y=[y[i] for i in keep],
                     sample_weight=[s[i] for i in keep])
    return Pair(first, second, tuple, Fraction(1),
                f"the rows with weight 0 removed: {[i for i in range(len(s)) if not s[i]]}")


def _permutation(draw, size):
    order = list(draw(st.permutations(range(size))))
    return order[1:] + order[:1] if size > 1 and order == sorted(order) else order


@st.composite
def _row_permutation(draw, kind):
    first = as_received(draw(strategies.problems(kind)))
    order = _permutation(draw, len(first.X))
    second = replace(first, X=[first.X[i] for i in order], y=[first.y[i] for i in order])
    return Pair(first, second, tuple, Fraction(1), f"rows permuted: row k is row {order}[k]")


@st.composite
def _column_permutation(draw, kind):
    first = as_received(draw(strategies.problems(kind)))
    order = _permutation(draw, len(first.X[0]))
    second = replace(first, X=[[row[j] for j in order] for row in first.X])
    return Pair(first, second, lambda u: tuple(u[j] for j in order), Fraction(1),
                f"columns permuted: column k is column {order}[k]")


def _cut(value, bits=30):
    """A dyadic value ≥ 0 cut to ``bits`` significant bits (exact)."""
    shift = max(value.numerator.bit_length() - bits, 0)
    return Fraction((value.numerator >> shift) << shift, value.denominator)


#: The scales and shifts of the pairs, the extreme ones first: hypothesis draws the first
#: element of a ``sampled_from`` more often than the others (43 % of 300 pairs, against
#: 17–20 % each), and the extremes are where absolute thresholds, clipping and mixed
#: precision break (tests/meta/metamorphic_solvers.py).
Y_SCALES = (Fraction(2**30), Fraction(1, 256), Fraction(1, 2), Fraction(3))
COLUMN_SCALES = (Fraction(1, 2**16), Fraction(2**16), Fraction(1, 2), Fraction(3))
SHIFTS = (2**16 + Fraction(1, 2**9), Fraction(-7, 2), Fraction(1, 4), Fraction(5))


@st.composite
def _y_scaling(draw, kind):
    base = as_received(draw(strategies.problems(kind)))
    first = replace(base, l1=_cut(base.l1))
    t = draw(st.sampled_from(Y_SCALES))
    second = replace(first, y=[t * v for v in first.y], l1=t * first.l1)
    return Pair(first, second, lambda u: tuple(t * v for v in u), t * t,
                f"y and λ₁ multiplied by t = {t}, λ₂ unchanged")


@st.composite
def _column_scaling(draw, kind):
    first = _scaled(as_received(draw(option_problems("lasso", "penalty-factors"))))
    p = len(first.X[0])
    a = [draw(st.sampled_from((Fraction(1), *COLUMN_SCALES))) for _ in range(p)]
    # an extreme unit change, on a column of the support, where the theorem moves w*ⱼ
    support = [j for j, wj in enumerate(exact_solution(first).w) if wj] or list(range(p))
    a[draw(st.sampled_from(support))] = draw(st.sampled_from(COLUMN_SCALES[:2]))
    v = first.penalty_factor or (Fraction(1),) * p
    second = replace(first, X=[[x * aj for x, aj in zip(row, a)] for row in first.X],
                     penalty_factor=[vj * aj for vj, aj in zip(v, a)])
    return Pair(first, second, lambda u: tuple(wj / aj for wj, aj in zip(u, a)), Fraction(1),
                f"column j and v_j multiplied by a_j, a = {[str(x) for x in a]} (λ₂ = 0)")


@st.composite
def _intercept_shift(draw, kind):
    first = _scaled(as_received(draw(option_problems(kind, "intercept"))))
    k = draw(st.sampled_from(SHIFTS))
    second = replace(first, y=[v + k for v in first.y])
    return Pair(first, second, lambda u: (*u[:-1], u[-1] + k), Fraction(1),
                f"y shifted by k = {k}")


THEOREMS = {t.name: t for t in (
    Theorem("integer-weights-are-repeated-rows",
            "integer sample weights are repeated rows: weight sᵢ ∈ ℕ ≡ row i repeated sᵢ "
            "times, unweighted (the same w*, F*)", ("sample_weight",), ALL_KINDS,
            _repeated_rows),
    Theorem("zero-weight-is-row-removed",
            "a row with sample weight 0 is the row removed (the same w*, F*)",
            ("sample_weight",), ALL_KINDS, _zero_weight),
    Theorem("row-permutation", "permuting the rows of (X, y) changes nothing (the same w*, F*)",
            (), ALL_KINDS, _row_permutation),
    Theorem("column-permutation",
            "permuting the columns of X permutes w* the same way (the same F*)",
            (), ALL_KINDS, _column_permutation),
    Theorem("scaling-y-and-lambda",
            "w*(t·y, t·λ₁, λ₂) = t·w*(y, λ₁, λ₂) for t > 0 (F* multiplied by t²)",
            (), ALL_KINDS, _y_scaling),
    Theorem("column-scaling-with-penalty-factor",
            "with λ₂ = 0, scaling column j and its penalty factor v_j by a_j > 0 divides "
            "w*_j by a_j (the same F*)", ("penalty_factor",), ("lasso",), _column_scaling),
    Theorem("intercept-shift",
            "with an intercept, shifting y by a constant k shifts only b* (b* + k; the same "
            "w*, F*)", ("fit_intercept",), ALL_KINDS, _intercept_shift),
)}

#: The metamorphic checks as entries of catalogue.GENERATED: (check ID, kind, family).
METAMORPHIC = tuple((t.id, "lasso", f"metamorphic:{t.name}") for t in THEOREMS.values())
