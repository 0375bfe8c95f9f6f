"""The metamorphic theorems of the objective family, judged exactly on reference.solve.

Each transformation below maps the minimisers of F onto the minimisers of the transformed
F.  Where it leaves G and c unchanged (weights and repeated rows, zero weights and removed
rows, row order) the homotopy sees the same numbers and the whole Solution is identical,
path included; elsewhere the minimum value maps exactly and so does w wherever the
minimiser is unique (a non-unique problem may return another vertex of the same set).
"""

from dataclasses import replace
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_options_oracle import brute_force, cases, kkt_holds

from lasso_spec.reference import solve


def _same(a, b):
    assert (a.w, a.intercept, a.objective, a.unique) == (b.w, b.intercept, b.objective, b.unique)
    assert (a.lambda_max, a.path) == (b.lambda_max, b.path)


@settings(max_examples=50)
@given(cases(weighted=False), st.data())
def test_integer_weights_are_repeated_rows(case, data):
    n = len(case.X)
    counts = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n).filter(any))
    weighted = replace(case, sample_weight=tuple(counts))
    repeated = replace(
        case,
        X=tuple(row for row, k in zip(case.X, counts) for _ in range(k)),
        y=tuple(yi for yi, k in zip(case.y, counts) for _ in range(k)),
    )
    _same(weighted.solve(), repeated.solve())


@settings(max_examples=50)
@given(cases(weighted=True))
def test_a_zero_weight_is_the_row_removed(case):
    keep = [i for i, si in enumerate(case.s) if si != 0]
    removed = replace(
        case,
        X=tuple(case.X[i] for i in keep),
        y=tuple(case.y[i] for i in keep),
        sample_weight=tuple(case.s[i] for i in keep),
    )
    _same(case.solve(), removed.solve())


@settings(max_examples=50)
@given(cases(), st.randoms(use_true_random=False))
def test_row_order_changes_nothing(case, rng):
    order = list(range(len(case.X)))
    rng.shuffle(order)
    shuffled = replace(
        case,
        X=tuple(case.X[i] for i in order),
        y=tuple(case.y[i] for i in order),
        sample_weight=tuple(case.s[i] for i in order),
    )
    _same(case.solve(), shuffled.solve())


@settings(max_examples=50)
@given(cases(), st.randoms(use_true_random=False))
def test_column_order_permutes_w(case, rng):
    order = list(range(len(case.X[0])))
    rng.shuffle(order)
    permuted = replace(
        case,
        X=tuple(tuple(row[j] for j in order) for row in case.X),
        penalty_factor=tuple(case.v[j] for j in order),
    )
    a, b = case.solve(), permuted.solve()
    assert (a.objective, a.unique, a.lambda_max) == (b.objective, b.unique, b.lambda_max)
    assert kkt_holds(permuted, tuple(a.w[j] for j in order), a.intercept)
    if a.unique:
        assert b.w == tuple(a.w[j] for j in order) and b.intercept == a.intercept


@settings(max_examples=50)
@given(cases(), st.sampled_from([Fraction(1, 3), 2, Fraction(5, 2), 7]))
def test_scaling_y_and_l1_scales_the_solution(case, t):
    """w(t·y, t·λ₁, λ₂) = t·w(y, λ₁, λ₂) and b scales by t, for t > 0: F scales by t²."""
    a = case.solve()
    b = replace(case, y=tuple(t * yi for yi in case.y), l1=t * case.l1).solve()
    assert b.objective == t * t * a.objective and b.unique == a.unique
    assert b.lambda_max == (None if a.lambda_max is None else t * a.lambda_max)
    assert kkt_holds(
        replace(case, y=tuple(t * yi for yi in case.y), l1=t * case.l1),
        tuple(t * wj for wj in a.w),
        None if a.intercept is None else t * a.intercept,
    )
    if a.unique:
        assert b.w == tuple(t * wj for wj in a.w)
        assert b.intercept == (None if a.intercept is None else t * a.intercept)


def _scale_column(case, j, a, factor):
    """x_j → a·x_j and v_j → factor·v_j."""
    v = list(case.v)
    v[j] *= factor
    return replace(
        case,
        X=tuple(tuple(x * a if k == j else x for k, x in enumerate(row)) for row in case.X),
        penalty_factor=tuple(v),
    )


@settings(max_examples=50)
@given(cases(kind="lasso"), st.integers(0, 5), st.sampled_from([Fraction(1, 2), 2, 3]))
def test_scaling_a_column_and_its_l1_factor_divides_its_coefficient(case, index, a):
    """λ₂ = 0: x_j → a·x_j, v_j → a·v_j (a > 0) gives w_j → w_j/a, the rest unchanged:
    a·x_j·(w_j/a) = x_j·w_j and λ₁·a·v_j·|w_j/a| = λ₁v_j|w_j|."""
    j = index % len(case.X[0])
    scaled = _scale_column(case, j, a, a)
    s, t = case.solve(), scaled.solve()
    mapped = tuple(wk / a if k == j else wk for k, wk in enumerate(s.w))
    assert (t.objective, t.unique, t.lambda_max) == (s.objective, s.unique, s.lambda_max)
    assert kkt_holds(scaled, mapped, s.intercept)
    if s.unique:
        assert (t.w, t.intercept) == (mapped, s.intercept)


@settings(max_examples=40)
@given(cases(kind="enet", max_p=3), st.integers(0, 2), st.sampled_from([Fraction(1, 2), 2, 3]))
def test_with_l2_the_column_scaling_divides_the_l2_weight_of_that_coefficient(case, index, a):
    """λ₂ > 0: x_j → a·x_j, v_j → a·v_j maps w_j → w_j/a onto the problem whose L2 term for j
    is λ₂(v_j/a)w_j² (the L1 term keeps λ₁v_j|w_j|): λ₂·a·v_j·(w_j/a)² = λ₂(v_j/a)w_j².
    So the theorem of the L1 case holds with λ₂ > 0 only when a = 1 or v_j = 0; here the
    true statement is checked against the brute-force oracle with separate L1 and L2 factors."""
    j = index % len(case.X[0])
    scaled = _scale_column(case, j, a, a)
    l2_factors = [Fraction(vk) / a if k == j else vk for k, vk in enumerate(case.v)]
    best, points = brute_force(case, l2_factors=l2_factors)
    t = scaled.solve()
    assert t.objective == best
    unscaled = tuple(wk * a if k == j else wk for k, wk in enumerate(t.w))
    assert (unscaled, t.intercept) in points


def test_with_l2_the_naive_column_scaling_is_false():
    """The counterexample: x = (1), y = (1), λ₁ = 0, λ₂ = 1: w = 1/3; with x = 2, v = 2,
    w' = 2/(4 + 4) = 1/4, not w/2 = 1/6 (the L2 term went from 1·w² to 2·(w/2)² = w²/2)."""
    w = solve([[1]], [1], 0, 1).w[0]
    scaled = solve([[2]], [1], 0, 1, penalty_factor=[2]).w[0]
    assert (w, scaled) == (Fraction(1, 3), Fraction(1, 4)) and scaled != w / 2
    halved = solve([[1]], [1], 0, 1, penalty_factor=[Fraction(1, 2)]).w[0]  # L2 weight v/a
    assert scaled == halved / 2


@settings(max_examples=50)
@given(cases(fit_intercept=True), st.sampled_from([Fraction(-7, 2), -1, Fraction(1, 3), 5]))
def test_with_an_intercept_shifting_y_shifts_only_b(case, k):
    a = case.solve()
    b = replace(case, y=tuple(yi + k for yi in case.y)).solve()
    assert (b.w, b.objective, b.unique, b.lambda_max) == (a.w, a.objective, a.unique, a.lambda_max)
    assert b.intercept == a.intercept + k
    assert [knot.w for knot in b.path] == [knot.w for knot in a.path]


@settings(max_examples=50)
@given(cases(fit_intercept=False, positive=False))
def test_an_unpenalised_column_of_ones_is_the_intercept(case):
    """v_j = 0 means no penalty at all: a column of ones with v = 0 is exactly the intercept
    (which is also never sign-constrained, hence positive=False here)."""
    with_ones = replace(
        case,
        X=tuple((*row, 1) for row in case.X),
        penalty_factor=(*case.v, 0),
    )
    a, b = replace(case, fit_intercept=True).solve(), with_ones.solve()
    assert (a.objective, a.unique, a.lambda_max) == (b.objective, b.unique, b.lambda_max)
    assert kkt_holds(with_ones, (*a.w, a.intercept), None)
    if a.unique:
        assert (*a.w, a.intercept) == b.w


@settings(max_examples=50)
@given(cases(kind="lasso"), st.integers(0, 5))
def test_an_unpenalised_feature_is_never_shrunk(case, index):
    """v_j = 0: whatever λ₁, ĉ_j = 0 (or ĉ_j ≤ 0 at w_j = 0 under w ≥ 0), and raising λ₁
    changes w_j only through the other features."""
    j = index % len(case.X[0])
    v = list(case.v)
    v[j] = 0
    free = replace(case, penalty_factor=tuple(v))
    assume(any(vk > 0 for vk in v))
    for l1 in (free.l1, 2 * free.l1 + 1, Fraction(10**6)):
        s = replace(free, l1=l1).solve()
        assert kkt_holds(replace(free, l1=l1), s.w, s.intercept)
    huge = replace(free, l1=Fraction(10**6)).solve()
    assume(huge.lambda_max is not None and huge.lambda_max <= 10**6)
    unpenalised = [k for k, vk in enumerate(v) if vk == 0]
    only = replace(
        free,
        X=tuple(tuple(row[k] for k in unpenalised) for row in case.X),
        penalty_factor=(0,) * len(unpenalised),
    )
    fit = only.solve()  # at λ₁ ≥ λ_max only the fit on the unpenalised features is left
    assert huge.objective == fit.objective
    assert all(huge.w[k] == 0 for k in range(len(v)) if v[k] > 0)
    if fit.unique:
        assert [huge.w[k] for k in unpenalised] == list(fit.w) and huge.intercept == fit.intercept
