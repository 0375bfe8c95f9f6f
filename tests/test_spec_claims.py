"""Every verdict of the claims ledger, checked by computation.

Counterexamples come from spec/counterexamples.json (found by spec.search);
each is verified here with exact arithmetic, by the spec's oracle and by the
reference solver, and the searches are re-run to show they reproduce it.
"""

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

import lasso_spec.reference as reference
from lasso_spec.spec import exact, optimality, search, worked_example

STORE = search.load()
small = st.builds(Fraction, st.integers(-4, 4), st.sampled_from([1, 1, 2]))
positive = st.builds(Fraction, st.integers(1, 6), st.sampled_from([1, 2]))


def case(name):
    item = STORE[name]
    return item["X"], item["y"], item


@pytest.mark.parametrize("name", sorted(search.SEARCHES))
def test_search_reproduces_the_stored_counterexample(name):
    """The project's own exhaustive search finds exactly the stored (minimal) counterexample."""
    assert search.encode({name: search.run(name)}) == search.encode({name: {**STORE[name]}})


def test_corner_census_reproduces():
    assert search.corner_census() == STORE["corner-census"]


@pytest.mark.spec("CLAIM-PENALTY-GRADIENTS")
@given(small.filter(lambda v: v != 0), positive)
def test_penalty_gradients(b, lam):
    bs = sp.Symbol("b", real=True)
    at = {bs: sp.Rational(b.numerator, b.denominator)}
    assert sp.diff(lam * sp.Abs(bs), bs).subs(at) == lam * exact.sign(b)
    assert sp.diff(lam * bs**2, bs).subs(at) == 2 * lam * b
    assert optimality.subdifferential_abs()["checks"]["d|b| at 0 is [-1, 1]"]


@pytest.mark.spec("CLAIM-DATA-GRADIENT")
def test_data_gradient():
    assert optimality.objective()["checks"]["gradient is -x_k^T r + 2 l2 w_k"]


@pytest.mark.spec("CLAIM-TOTAL-GRADIENT-ZERO")
def test_optimum_without_gradient():
    X, y, item = case("nondifferentiable-optimum")
    l1, j = item["l1"], int(item["j"]) - 1
    w = exact.solve(X, y, l1)
    assert w == item["w"] and w[j] == 0 and reference.solve(X, y, l1).w == w
    c = exact.correlations(X, y, w)[j]
    left, right = -c - l1, -c + l1  # one-sided slopes of F along e_j at w_j = 0
    assert (left, right) == item["slopes"] and left != right  # F has no gradient at w*
    assert left <= 0 <= right  # but 0 is in the subdifferential


@pytest.mark.spec("CLAIM-FORCED-TO-ZERO", "CLAIM-PARTIAL-RESIDUAL-ZERO-ZONE")
@given(st.integers(1, 3), st.integers(1, 3), st.data(), positive)
def test_partial_residual_decides_zeros_at_the_optimum(n, p, data, l1):
    X = tuple(tuple(data.draw(small) for _ in range(p)) for _ in range(n))
    y = tuple(data.draw(small) for _ in range(n))
    l2 = data.draw(st.sampled_from([Fraction(0), Fraction(1, 2)]))
    w = exact.solve(X, y, l1, l2)
    r = exact.residual(X, y, w)
    for j in range(p):
        xj = exact.column(X, j)
        rho = exact.dot(xj, r) + exact.dot(xj, xj) * w[j]  # x_j^T r_(-j)
        if exact.dot(xj, xj) + 2 * l2 > 0:
            assert (w[j] == 0) == (abs(rho) <= l1)
            assert exact.cd_update(rho, exact.dot(xj, xj), l1, l2) == w[j]


@pytest.mark.spec("CLAIM-RIDGE-NEVER-ZERO")
@pytest.mark.parametrize("name", ["ridge-zero", "ridge-zero-correlated"])
def test_ridge_zero_counterexamples(name):
    X, y, item = case(name)
    w = exact.ridge_solution(X, y, item["l2"])
    assert w == item["w"] and 0 in w and any(y)
    assert reference.solve(X, y, 0, item["l2"]).w == w
    assert exact.kkt_holds(X, y, w, 0, item["l2"])
    if name == "ridge-zero-correlated":
        assert all(exact.dot(exact.column(X, j), y) != 0 for j in range(len(w)))


@pytest.mark.spec("CLAIM-SOFT-THRESHOLD-FORMULA")
def test_soft_threshold_needs_unit_norm():
    X, y, item = case("soft-threshold-unit-norm")
    x = exact.column(X, 0)
    rho, l1 = exact.dot(x, y), item["l1"]
    notes = exact.cd_update(rho, 1, l1)  # sign(rho) max(|rho| - l1, 0)
    true = exact.solve(X, y, l1)[0]
    assert notes == item["notes_b"] != true == item["w"][0] == reference.solve(X, y, l1).w[0]
    assert true == notes / exact.dot(x, x)  # the general formula divides by x^T x
    assert optimality.soft_threshold()["unit_norm_solutions"] == [1 - 2 * optimality.l2]


@pytest.mark.spec("CLAIM-GRADIENT-KILL")
def test_gradient_kill_converse_fails():
    X, y, item = case("kill-converse")
    j, l1 = int(item["j"]) - 1, item["l1"]
    w = exact.solve(X, y, l1)
    c = exact.correlations(X, y, w)
    assert abs(c[j]) <= l1 and w[j] != 0 and abs(c[j]) == l1
    assert reference.certify(X, y, w, l1).optimal


@pytest.mark.spec("CLAIM-CORNERS-ALMOST-ALWAYS")
def test_corner_counterexample_and_census():
    X, y, item = case("rarely-at-corner")
    assert search.corner_fraction(X, y) == item["corner_fraction"] <= Fraction(1, 2)
    knots = reference.solve(X, y, 0).path
    assert tuple((k.lam, tuple(k.w)) for k in knots) == item["knots"]
    census = STORE["corner-census"]
    assert census["min"] == 0 and census["mean"] < 1
    # orthogonal design X = I, y uniform on [0, 1]^2: E[1 - min/max] = 1/2 exactly
    a, b = sp.symbols("a b", positive=True)
    expected = 2 * sp.integrate(sp.integrate(1 - a / b, (a, 0, b)), (b, 0, 1))
    assert expected == sp.Rational(1, 2)


@pytest.mark.spec("CLAIM-DIAMOND-CAUSES-SPARSITY", "RIDGE-NO-DEAD-ZONE")
@given(st.integers(1, 3), st.integers(1, 3), st.data(), positive)
def test_lasso_zero_set_is_open_ridge_zero_set_is_thin(n, p, data, l1):
    """Lasso: w* = 0 on the open set ||X^T y||_inf < l1, so small perturbations keep it 0.
    Ridge: w_j(y + e x_j) - w_j(y) = e x_j^T (X X^T + 2 l2 I)^{-1} x_j != 0 for x_j != 0,
    so a Ridge zero never survives the perturbation y -> y + e x_j."""
    X = tuple(tuple(data.draw(small) for _ in range(p)) for _ in range(n))
    y = tuple(data.draw(small) for _ in range(n))
    scale = l1 / (2 * (1 + exact.lambda_max(X, y)))
    y_in = tuple(v * scale for v in y)  # ||X^T y_in||_inf < l1 / 2
    eps = tuple(data.draw(small) * scale / 100 for _ in range(n))
    y_near = tuple(a + b for a, b in zip(y_in, eps, strict=True))
    assert exact.lambda_max(X, y_in) < l1
    assert not any(exact.solve(X, y_in, l1)) and not any(exact.solve(X, y_near, l1))
    l2, e = Fraction(1, 2), Fraction(1, 100)
    for j in range(p):
        xj = exact.column(X, j)
        if any(xj):
            moved = tuple(a + e * b for a, b in zip(y, xj, strict=True))
            before = exact.ridge_solution(X, y, l2)[j]
            after = exact.ridge_solution(X, moved, l2)[j]
            assert before != after


@pytest.mark.spec("CLAIM-WALL-STAYS")
def test_coordinate_leaves_the_wall():
    X, y, item = case("cd-leaves-wall")
    j = int(item["j"]) - 1
    trace = exact.cd_sweeps(X, y, item["l1"], sweeps=len(item["trace"]))
    assert tuple(trace) == item["trace"]
    assert trace[0][j] == 0 and trace[-1][j] != 0
    run = reference.coordinate_descent(
        X, y, item["l1"], exact=True, trace=True, max_sweeps=len(trace), tol=0
    )
    assert tuple(run.trace) == tuple(trace)


@pytest.mark.spec("CLAIM-SPARSITY-MONOTONE")
def test_number_of_nonzeros_not_monotone():
    X, y, item = case("nnz-not-monotone")
    big, small_l = item["l1_large"], item["l1_small"]
    assert big > small_l > 0
    w_big, w_small = exact.solve(X, y, big), exact.solve(X, y, small_l)
    assert (w_big, w_small) == (item["w_large"], item["w_small"])
    assert sum(v != 0 for v in w_small) < sum(v != 0 for v in w_big)
    assert reference.solve(X, y, big).w == w_big and reference.solve(X, y, small_l).w == w_small


@pytest.mark.spec("CLAIM-RELEVANT-SURVIVE")
def test_stronger_feature_is_dropped():
    X, y, item = case("stronger-feature-dropped")
    j, k = int(item["j"]) - 1, int(item["k"]) - 1
    xj, xk = exact.column(X, j), exact.column(X, k)
    assert exact.dot(xj, xj) == exact.dot(xk, xk)
    assert abs(exact.dot(xj, y)) > abs(exact.dot(xk, y))
    w = exact.solve(X, y, item["l1"])
    assert w == item["w"] and w[j] == 0 and w[k] != 0
    assert reference.solve(X, y, item["l1"]).w == w


@pytest.mark.spec("CLAIM-RIDGE-WEIGHTS-REDUCED")
def test_ridge_can_grow_a_coefficient():
    X, y, item = case("ridge-grows-coordinate")
    j = int(item["j"]) - 1
    ridge, ols = exact.ridge_solution(X, y, item["l2"]), exact.solve(X, y, 0)
    assert abs(ridge[j]) > abs(ols[j]) and exact.dot(ridge, ridge) < exact.dot(ols, ols)


@pytest.mark.spec("CLAIM-RIDGE-WEIGHTS-REDUCED", "KKT-RIDGE")
@given(st.integers(1, 3), st.data(), positive)
def test_ridge_shrinks_the_norm(p, data, l2):
    X = tuple(tuple(data.draw(small) for _ in range(p)) for _ in range(p + 1))
    y = tuple(data.draw(small) for _ in range(p + 1))
    if not exact.full_column_rank(X):
        return
    ridge, ols = exact.ridge_solution(X, y, l2), exact.solve(X, y, 0)
    assert exact.dot(ridge, ridge) <= exact.dot(ols, ols)
    assert (exact.dot(ridge, ridge) < exact.dot(ols, ols)) == any(ols)


@pytest.mark.spec("CLAIM-STANDARDIZED-CORRELATION")
def test_inner_product_of_centred_vectors_is_scaled_correlation():
    n = 3
    a = sp.symbols("a1:4", real=True)
    b = sp.symbols("b1:4", real=True)
    ca = [v - sum(a) / n for v in a]
    cb = [v - sum(b) / n for v in b]
    cov = sum(u * v for u, v in zip(ca, cb, strict=True)) / n
    sda2, sdb2 = sum(u * u for u in ca) / n, sum(v * v for v in cb) / n
    inner = sum(u * v for u, v in zip(ca, cb, strict=True))
    # corr = cov / (sd_a sd_b); compare squares to avoid roots: inner^2 = n^2 sda2 sdb2 corr^2
    assert sp.simplify(inner**2 - n**2 * sda2 * sdb2 * cov**2 / (sda2 * sdb2)) == 0
    # without centring the inner product is not determined by the correlation:
    # (1, 2) and (2, 4) vs (1, 2) and (3, 5): both correlations 1, inner products 10 and 13
    assert 1 * 2 + 2 * 4 != 1 * 3 + 2 * 5


@pytest.mark.spec("CLAIM-CD-PSEUDOCODE", "CLAIM-ELASTIC-NET-UPDATE", "CLAIM-KILLS-AND-SHRINKS")
@given(st.integers(1, 3), st.integers(1, 3), st.data(), positive)
def test_pseudocode_is_coordinate_minimisation(n, p, data, l1):
    """Each pseudocode step sets w_j to the exact minimiser of F over w_j; with l2 the update
    is S(g, l1)/(a + 2 l2) = a/(a + 2 l2) times the Lasso update."""
    X = tuple(tuple(data.draw(small) for _ in range(p)) for _ in range(n))
    y = tuple(data.draw(small) for _ in range(n))
    l2 = data.draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(3)]))
    w = list(exact.solve(X, y, 1) if p else ())
    for j in range(p):
        xj = exact.column(X, j)
        r = exact.residual(X, y, w)
        g = exact.dot(xj, r) + exact.dot(xj, xj) * w[j]
        a = exact.dot(xj, xj)
        b = exact.cd_update(g, a, l1, l2)
        trial = list(w)
        for step in (Fraction(1, 5), Fraction(-1, 5)):
            trial[j] = b + step
            here = list(w)
            here[j] = b
            assert exact.objective(X, y, here, l1, l2) < exact.objective(X, y, trial, l1, l2)
        if a > 0:
            assert (b == 0) == (abs(g) <= l1)
            assert b * (a + 2 * l2) == exact.cd_update(g, a, l1) * a


@pytest.mark.spec("CLAIM-CD-UNTIL-GRADIENT-ZERO", "CLAIM-WORKED-EXAMPLE")
def test_worked_example_never_reaches_the_optimum():
    facts = worked_example.facts()
    k, w1, w2 = facts["k"], *facts["closed_form"]
    assert worked_example.pattern_persists()
    for sweep, w in enumerate(facts["trace"], start=1):
        assert (w1.subs(k, sweep), w2.subs(k, sweep)) == w
        assert w != facts["w_star"] and all(v > 0 for v in w)
    assert sp.solve(sp.Eq(w1, sp.Rational(5, 3)), k) == []  # never exactly 5/3
    assert facts["limit"] == (sp.Rational(5, 3), sp.Rational(2, 3))
    assert facts["w_star"] == (Fraction(5, 3), Fraction(2, 3)) and facts["objective"] == Fraction(
        8, 3
    )
    solved = reference.solve(worked_example.X, worked_example.Y, 0)
    assert tuple((kn.lam, tuple(kn.w)) for kn in solved.path) == tuple(
        (kn.lam, kn.w) for kn in facts["path"]
    )
    run = reference.coordinate_descent(
        worked_example.X, worked_example.Y, 1, exact=True, trace=True, max_sweeps=6, tol=0
    )
    assert tuple(run.trace) == facts["trace"]


@pytest.mark.spec("CLAIM-WORKED-EXAMPLE")
def test_worked_example_kills_only_for_large_lambda():
    lams = [kn.lam for kn in worked_example.facts()["path"]]
    assert lams == [5, 3, 0]
    assert exact.solve(worked_example.X, worked_example.Y, Fraction(3))[1] == 0
    assert exact.solve(worked_example.X, worked_example.Y, Fraction(29, 10))[1] != 0


@pytest.mark.spec("CLAIM-L2-STABILITY")
def test_lasso_can_be_non_unique_elastic_net_cannot():
    X, y = ((1, 1),), (2,)
    assert exact.kkt_holds(X, y, (1, 0), 1) and exact.kkt_holds(X, y, (0, 1), 1)
    assert not reference.solve(X, y, 1).unique
    en = exact.solve(X, y, 1, Fraction(1, 2))
    assert en[0] == en[1] and reference.solve(X, y, 1, Fraction(1, 2)).unique
