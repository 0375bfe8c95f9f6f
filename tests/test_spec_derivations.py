"""Each clause's sympy derivation closes, and its result agrees with the reference solver.

Derived expressions are evaluated exactly (``subs`` with Rationals) and compared
with ``spec.exact`` (the spec's own oracle) and ``reference`` on
hypothesis-generated rational data.
"""

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import lasso_spec.reference as reference
from lasso_spec.spec import (
    conventions,
    conventions_sklearn_statsmodels,
    coordinate,
    duality,
    exact,
    gate_tolerance,
    lambda_max,
    optimality,
    probes,
)
from lasso_spec.spec.clauses import BY_ID
from lasso_spec.spec.formula import case as make_case

small = st.builds(Fraction, st.integers(-4, 4), st.sampled_from([1, 1, 1, 2, 3]))
penalty = st.builds(Fraction, st.integers(0, 8), st.sampled_from([1, 2, 3]))
positive = st.builds(Fraction, st.integers(1, 8), st.sampled_from([1, 2, 3]))


@st.composite
def problems(draw, max_n=3, max_p=3):
    """(X, y) of small rationals; n <= max_n, p <= max_p (the brute-force oracle needs p <= 3)."""
    n, p = draw(st.integers(1, max_n)), draw(st.integers(1, max_p))
    X = tuple(tuple(draw(small) for _ in range(p)) for _ in range(n))
    return X, tuple(draw(small) for _ in range(n))


def vector(p):
    return st.tuples(*[small] * p)


@st.composite
def cases(draw, max_n=3, max_p=2):
    """A formula-check Case: data, a candidate w (sometimes the exact minimiser), penalties
    (sometimes 0) and a free number u."""
    X, y = draw(problems(max_n, max_p))
    l1 = draw(st.one_of(st.just(Fraction(0)), penalty))
    l2 = draw(st.one_of(st.just(Fraction(0)), penalty))
    w = draw(st.one_of(vector(len(X[0])), st.just(None)))
    if w is None:
        w = exact.solve(X, y, l1, l2)
    return make_case(X, y, w, l1, l2, u=draw(small))


def _formulas_hold(clause_id, cs):
    """Every rendered formula of the clause passes its exact check at this case."""
    formulas = BY_ID[clause_id].formulas
    assert formulas and all(f.check is not None for f in formulas)
    for index, formula in enumerate(formulas):
        assert formula.holds(cs), (clause_id, index, formula.latex, cs)


FORMULA_CLAUSES = (
    "OBJECTIVE", "SUBDIFF-ABS", "KKT-ZERO", "KKT-NONZERO", "KKT-RIDGE", "RIDGE-NO-DEAD-ZONE",
    "CD-UPDATE", "SOFT-THRESHOLD", "LAMBDA-MAX", "DUAL-GAP", "GAP-DISTANCE-BOUND",
    "CONFORMANCE-TOLERANCE",
)


@pytest.mark.spec("OBJECTIVE", "SUBDIFF-ABS", "KKT-ZERO", "KKT-NONZERO", "CD-UPDATE",
                  "SOFT-THRESHOLD", "LAMBDA-MAX")
@settings(max_examples=25)
@given(cases())
def test_rendered_optimality_formulas_hold_on_random_cases(cs):
    for clause_id in ("OBJECTIVE", "SUBDIFF-ABS", "KKT-ZERO", "KKT-NONZERO", "CD-UPDATE",
                      "SOFT-THRESHOLD", "LAMBDA-MAX"):
        _formulas_hold(clause_id, cs)


@pytest.mark.spec("KKT-RIDGE", "RIDGE-NO-DEAD-ZONE")
@settings(max_examples=15)
@given(cases())
def test_rendered_ridge_formulas_hold_on_random_cases(cs):
    for clause_id in ("KKT-RIDGE", "RIDGE-NO-DEAD-ZONE"):
        _formulas_hold(clause_id, cs)


@pytest.mark.spec("DUAL-GAP", "GAP-DISTANCE-BOUND", "CONFORMANCE-TOLERANCE")
@settings(max_examples=15)
@given(cases())
def test_rendered_duality_formulas_hold_on_random_cases(cs):
    for clause_id in ("DUAL-GAP", "GAP-DISTANCE-BOUND", "CONFORMANCE-TOLERANCE"):
        _formulas_hold(clause_id, cs)


@pytest.mark.spec("CONFORMANCE-TOLERANCE")
@given(problems(), penalty, penalty)
def test_rendered_scale_is_the_gates(prob, l1, l2):
    """The G of CONFORMANCE-TOLERANCE is the gate's: the formula's twin objective_scale
    equals conformance.tolerance.objective_scale."""
    from lasso_spec.conformance import tolerance

    X, y = prob
    cs = make_case(X, y, (0,) * len(X[0]), l1, l2)
    problem = reference.Problem.from_json({"X": [[str(v) for v in row] for row in X],
                                           "y": [str(v) for v in y], "l1": str(l1),
                                           "l2": str(l2)})
    assert gate_tolerance.objective_scale(cs) == tolerance.objective_scale(problem)


@pytest.mark.spec("CONFORMANCE-TOLERANCE")
@given(problems(max_n=4, max_p=4), penalty)
def test_the_gates_column_norms_are_the_plain_sums(prob, l2):
    """a_j = ‖x_j‖² + 2λ₂ of every column (the KKT tolerances δ_j use each one, S only the
    largest): the gate's sums on integers equal the plain Fraction sums."""
    from lasso_spec.conformance import tolerance

    X, y = prob
    problem = reference.Problem(X=X, y=y, l1=0, l2=l2)
    plain = [sum(row[j] * row[j] for row in X) + 2 * l2 for j in range(len(X[0]))]
    assert tolerance.augmented_column_norms_sq(problem) == plain


def checks_pass(clause_id):
    checks = BY_ID[clause_id].checks
    return bool(checks) and all(checks.values())


def q(v):
    return sp.Rational(v.numerator, v.denominator)


@pytest.mark.spec("OBJECTIVE")
@given(problems(), penalty, penalty, st.data())
def test_objective_index_form_evaluates_to_exact_objective(prob, l1, l2, data):
    assert checks_pass("OBJECTIVE")
    X, y = prob
    w = data.draw(vector(len(X[0])))
    n, p = len(X), len(X[0])
    F = optimality.objective_expr().subs({optimality.n: n, optimality.p: p}).doit()
    values = {optimality.l1: q(l1), optimality.l2: q(l2)}
    values |= {optimality.Y[i + 1]: q(y[i]) for i in range(n)}
    values |= {optimality.W[j + 1]: q(w[j]) for j in range(p)}
    values |= {optimality.X[i + 1, j + 1]: q(X[i][j]) for i in range(n) for j in range(p)}
    expected = exact.objective(X, y, w, l1, l2)
    assert F.subs(values) == q(expected)
    assert reference.objective(X, y, w, l1, l2) == expected


@pytest.mark.spec("SUBDIFF-ABS")
@given(small, small)
def test_subgradient_inequality_matches_derived_set(b, s):
    """s is a subgradient of |.| at b iff |b + t| >= |b| + s t for all t; test t on a grid."""
    assert checks_pass("SUBDIFF-ABS")
    in_set = abs(s) <= 1 if b == 0 else s == (1 if b > 0 else -1)
    grid = [Fraction(k, 4) for k in range(-40, 41)]
    holds = all(abs(b + t) >= abs(b) + s * t for t in grid)
    # the grid contains t with |t| <= |b| of both signs when b != 0, and t = +-1 always
    assert holds == in_set


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@given(problems(), penalty, penalty)
def test_kkt_conditions_hold_at_the_exact_minimiser(prob, l1, l2):
    assert checks_pass("KKT-ZERO") and checks_pass("KKT-NONZERO")
    X, y = prob
    w = exact.solve(X, y, l1, l2)
    r = exact.residual(X, y, w)
    for j, wj in enumerate(w):
        xr = exact.dot(exact.column(X, j), r)
        if wj == 0:
            assert abs(xr) <= l1
        else:
            assert xr == l1 * exact.sign(wj) + 2 * l2 * wj
    assert reference.certify(X, y, w, l1, l2).optimal
    assert reference.solve(X, y, l1, l2).objective == exact.objective(X, y, w, l1, l2)


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO")
@given(problems(), penalty, penalty, st.data())
def test_kkt_test_agrees_with_reference_certificate(prob, l1, l2, data):
    X, y = prob
    w = data.draw(vector(len(X[0])))
    assert exact.kkt_holds(X, y, w, l1, l2) == reference.certify(X, y, w, l1, l2).optimal


@pytest.mark.spec("KKT-RIDGE")
@given(problems(), positive)
def test_ridge_closed_form(prob, l2):
    assert checks_pass("KKT-RIDGE")
    X, y = prob
    Xm, ym = sp.Matrix(X).applyfunc(sp.nsimplify), sp.Matrix(y).applyfunc(sp.nsimplify)
    p = Xm.shape[1]
    closed = (Xm.T * Xm + 2 * q(l2) * sp.eye(p)).inv() * Xm.T * ym
    w = exact.ridge_solution(X, y, l2)
    assert [q(v) for v in w] == list(closed)
    r = sp.Matrix([q(v) for v in exact.residual(X, y, w)])
    assert Xm.T * r == 2 * q(l2) * sp.Matrix([q(v) for v in w])
    assert reference.solve(X, y, 0, l2).w == w


@pytest.mark.spec("RIDGE-NO-DEAD-ZONE")
@given(problems(), positive)
def test_ridge_zero_iff_hyperplane(prob, l2):
    """w*_j = 0 iff x_j^T (X X^T + 2 l2 I)^{-1} y = 0; that functional is nonzero iff x_j != 0."""
    X, y = prob
    Xm, ym = sp.Matrix(X).applyfunc(sp.nsimplify), sp.Matrix(y).applyfunc(sp.nsimplify)
    n = Xm.shape[0]
    M = (Xm * Xm.T + 2 * q(l2) * sp.eye(n)).inv()
    w = exact.ridge_solution(X, y, l2)
    for j in range(Xm.shape[1]):
        normal = Xm[:, j].T * M
        assert (w[j] == 0) == ((normal * ym)[0] == 0)
        assert (normal == sp.zeros(1, n)) == (Xm[:, j] == sp.zeros(n, 1))


@pytest.mark.spec("RIDGE-NO-DEAD-ZONE")
@given(small, positive, positive)
def test_ridge_update_vanishes_only_at_zero(g, a, l2):
    """The l1 = 0 coordinate update g/(a + 2 l2) has no dead zone."""
    assert (exact.cd_update(g, a, 0, l2) == 0) == (g == 0)


def h(b, a, g, l1, l2):
    return a * b * b / 2 - g * b + l1 * abs(b) + l2 * b * b


@pytest.mark.spec("CD-UPDATE")
@given(small, st.builds(Fraction, st.integers(0, 6), st.sampled_from([1, 2])), penalty, penalty)
def test_cd_update_minimises_the_coordinate_problem(g, a, l1, l2):
    assert checks_pass("CD-UPDATE")
    derived = coordinate.cd_update()["update"]
    if a + 2 * l2 == 0:
        return  # degenerate: covered by exact.cd_update's convention, checked below
    value = derived.subs(
        {coordinate.a: q(a), coordinate.g: q(g), optimality.l1: q(l1), optimality.l2: q(l2)}
    )
    b = exact.cd_update(g, a, l1, l2)
    assert value == q(b)
    notes = coordinate.cd_update()["notes"].subs(
        {coordinate.a: q(a), coordinate.g: q(g), optimality.l1: q(l1), optimality.l2: q(l2)}
    )
    assert notes == value
    for step in (Fraction(1, 7), Fraction(-1, 7), Fraction(3), Fraction(-3)):
        assert h(b, a, g, l1, l2) < h(b + step, a, g, l1, l2)


@pytest.mark.spec("CD-UPDATE")
@given(problems(), penalty, penalty)
def test_cd_trace_matches_reference(prob, l1, l2):
    X, y = prob
    ours = exact.cd_sweeps(X, y, l1, l2, sweeps=3)
    theirs = reference.coordinate_descent(X, y, l1, l2, exact=True, trace=True, max_sweeps=3, tol=0)
    assert tuple(theirs.trace) == tuple(ours[: len(theirs.trace)])


@pytest.mark.spec("SOFT-THRESHOLD")
@given(small, penalty)
def test_soft_threshold_expression_matches_reference(z, t):
    assert checks_pass("SOFT-THRESHOLD")
    expr = coordinate.soft_threshold_expr(coordinate.z, coordinate.t)
    value = expr.subs({coordinate.z: q(z), coordinate.t: q(t)})
    assert value == q(Fraction(reference.soft_threshold(z, t)))
    assert value == q(exact.cd_update(z, 1, t))


@pytest.mark.spec("LAMBDA-MAX")
@given(problems(), penalty)
def test_lambda_max_is_the_zero_threshold_for_any_l2(prob, l2):
    assert checks_pass("LAMBDA-MAX")
    X, y = prob
    lam = exact.lambda_max(X, y)
    assert lam == reference.lambda_max(X, y)
    assert not any(exact.solve(X, y, lam, l2))
    if lam > 0:
        below = exact.solve(X, y, lam * Fraction(99, 100), l2)
        assert any(below)


def direct_gap(X, y, w, l1, l2):
    """P(w) - D(theta~) from the definitions (augmented primal, dual objective)."""
    r = exact.residual(X, y, w)
    c = exact.correlations(X, y, w, l2)
    cmax = max(abs(v) for v in c)
    s = Fraction(1) if cmax <= l1 else l1 / cmax
    primal = exact.objective(X, y, w, l1, l2)
    # y~ - theta~ = (y - s r, s sqrt(2 l2) w): its squared norm needs no square root
    diff_sq = sum(
        (yi - s * ri) ** 2 for yi, ri in zip(y, r, strict=True)
    ) + s * s * 2 * l2 * exact.dot(w, w)
    dual = exact.dot(y, y) / 2 - diff_sq / 2
    feasible = all(abs(s * v) <= l1 for v in c)
    return primal - dual, s, c, r, feasible


@pytest.mark.spec("DUAL-GAP")
@given(problems(), positive, penalty, st.data())
def test_gap_closed_form_equals_definition_and_reference(prob, l1, l2, data):
    assert checks_pass("DUAL-GAP")
    X, y = prob
    w = data.draw(vector(len(X[0])))
    gap, s, c, r, feasible = direct_gap(X, y, w, l1, l2)
    assert feasible
    terms = [(1 - s) ** 2 * (exact.dot(r, r) + 2 * l2 * exact.dot(w, w)) / 2]
    terms += [l1 * abs(wj) - s * wj * cj for wj, cj in zip(w, c, strict=True)]
    assert all(term >= 0 for term in terms)
    assert gap == sum(terms) == reference.certify(X, y, w, l1, l2).gap
    assert (gap == 0) == exact.kkt_holds(X, y, w, l1, l2)


@pytest.mark.spec("GAP-DISTANCE-BOUND")
@given(problems(), positive, penalty, st.data())
def test_gap_bounds_distance_to_optimum(prob, l1, l2, data):
    assert checks_pass("GAP-DISTANCE-BOUND")
    X, y = prob
    w = data.draw(vector(len(X[0])))
    w_star = exact.solve(X, y, l1, l2)
    G = direct_gap(X, y, w, l1, l2)[0]
    excess = exact.objective(X, y, w, l1, l2) - exact.objective(X, y, w_star, l1, l2)
    assert 0 <= excess <= G
    c, c_star = exact.correlations(X, y, w, l2), exact.correlations(X, y, w_star, l2)
    for j in range(len(w)):
        xj = exact.column(X, j)
        assert (c[j] - c_star[j]) ** 2 <= 2 * G * (exact.dot(xj, xj) + 2 * l2)
    if l2 > 0:
        rho = [
            max(Fraction(0), abs(cj) - l1) if wj == 0 else abs(cj - l1 * exact.sign(wj))
            for wj, cj in zip(w, c, strict=True)
        ]
        assert excess <= sum(v * v for v in rho) / (4 * l2)
        d = [a - b for a, b in zip(w, w_star, strict=True)]
        assert exact.dot(d, d) * l2 <= G


def foreign_objective(kind, X, y, w, l1, l2):
    """The other library's documented objective at its mapped parameters, exactly."""
    n = len(y)
    r = exact.residual(X, y, w)
    rss, n1, n2 = exact.dot(r, r), sum(abs(v) for v in w), exact.dot(w, w)
    if kind == "sklearn-enet":
        alpha, rho = (l1 + 2 * l2) / n, l1 / (l1 + 2 * l2)
        return rss / (2 * n) + alpha * rho * n1 + alpha * (1 - rho) * n2 / 2
    if kind == "statsmodels":
        alpha, wt = (l1 + 2 * l2) / n, l1 / (l1 + 2 * l2)
        return Fraction(1, 2) * rss / n + alpha * ((1 - wt) * n2 / 2 + wt * n1)
    lam, alpha = (l1 + 2 * l2) / n, l1 / (l1 + 2 * l2)  # glmnet
    return rss / (2 * n) + lam * ((1 - alpha) / 2 * n2 + alpha * n1)


def _check_mapping(kind, clause, prob, l1, l2, data):
    assert checks_pass(clause)
    X, y = prob
    w = data.draw(vector(len(X[0])))
    n = len(y)
    F = exact.objective(X, y, w, l1, l2)
    assert foreign_objective(kind, X, y, w, l1, l2) == F / n


@pytest.mark.spec("CONVENTION-SKLEARN")
@given(problems(), positive, penalty, st.data())
def test_sklearn_elastic_net_objective_is_f_over_n(prob, l1, l2, data):
    _check_mapping("sklearn-enet", "CONVENTION-SKLEARN", prob, l1, l2, data)


@pytest.mark.spec("CONVENTION-SKLEARN")
@given(problems(), positive, st.data())
def test_sklearn_lasso_and_ridge_mappings(prob, lam, data):
    X, y = prob
    w = data.draw(vector(len(X[0])))
    n = len(y)
    r = exact.residual(X, y, w)
    sol = conventions_sklearn_statsmodels.sklearn()
    alpha = sol["symbols"][0]
    lasso_alpha = sol["lasso"][alpha].subs({conventions.l1: q(lam), conventions.n: n})
    ridge_alpha = sol["ridge"][alpha].subs({conventions.l2: q(lam)})
    assert lasso_alpha == q(lam / n) and ridge_alpha == q(2 * lam)
    lasso = exact.dot(r, r) / (2 * n) + lam / n * sum(abs(v) for v in w)
    ridge = exact.dot(r, r) + 2 * lam * exact.dot(w, w)
    assert lasso == exact.objective(X, y, w, lam, 0) / n
    assert ridge == 2 * exact.objective(X, y, w, 0, lam)


@pytest.mark.spec("CONVENTION-STATSMODELS")
@given(problems(), positive, penalty, st.data())
def test_statsmodels_objective_is_f_over_n(prob, l1, l2, data):
    _check_mapping("statsmodels", "CONVENTION-STATSMODELS", prob, l1, l2, data)


@pytest.mark.spec("CONVENTION-GLMNET")
@given(problems(), positive, penalty, st.data())
def test_glmnet_objective_is_f_over_n(prob, l1, l2, data):
    _check_mapping("glmnet", "CONVENTION-GLMNET", prob, l1, l2, data)


def test_mapping_solutions_are_unique():
    """Exactly one (alpha, ratio, k > 0) matches each foreign objective."""
    alpha, rho = sp.symbols("alpha rho", positive=True)
    enet = (
        conventions.RSS / (2 * conventions.n)
        + alpha * rho * conventions.N1
        + alpha * (1 - rho) * conventions.N2 / 2
    )
    assert len(conventions.same_minimisers(enet, [alpha, rho])) == 1
    assert duality.dual_gap()["checks"]  # the duality module is importable and derived


@pytest.mark.spec("SOFT-THRESHOLD")
def test_soft_threshold_without_unit_norm_issue_example():
    """Issue 13: X = [[1/2], [1/2]], y = (2, 2), l1 = 1, l2 = 1/4: the notes' S(2, 1) = 1 is
    the minimiser though x^T x = 1/2, because x^T x + 2 l2 = 1."""
    X, y, l1, l2 = ((Fraction(1, 2),), (Fraction(1, 2),)), (2, 2), 1, Fraction(1, 4)
    rho = exact.dot(exact.column(X, 0), y)
    assert rho == 2 and exact.cd_update(rho, 1, l1) == 1 == exact.solve(X, y, l1, l2)[0]
    unit = BY_ID["SOFT-THRESHOLD"].formulas[2]
    assert unit.rhs.subs(optimality.l2, q(l2)).contains(sp.Rational(1, 2))
    assert reference.solve(X, y, l1, l2).w == (1,)


@pytest.mark.spec("LAMBDA-MAX", "CONVENTION-SKLEARN")
@settings(max_examples=10)
@given(problems(max_n=4, max_p=3))
def test_sklearn_lasso_alpha_max(prob):
    """Fitting scikit-learn: Lasso(alpha = max|X^T y|/n) returns 0, and 0.9 of it does not."""
    sklearn = pytest.importorskip("sklearn.linear_model")
    X, y = prob
    lam = exact.lambda_max(X, y)
    if lam == 0:
        return
    threshold = BY_ID["LAMBDA-MAX"].formulas[2].rhs
    alpha = threshold.subs({lambda_max.LAMBDA_MAX: q(lam), optimality.n: len(y)})
    assert alpha == q(lam / len(y))
    Xf = [[float(v) for v in row] for row in X]
    yf = [float(v) for v in y]
    fit = lambda a: sklearn.Lasso(alpha=a, fit_intercept=False, tol=1e-12,  # noqa: E731
                                  max_iter=100000).fit(Xf, yf).coef_
    assert not any(fit(float(alpha) * (1 + 1e-9)))
    assert any(fit(float(alpha) * 0.9))


@pytest.mark.spec("DUAL-GAP")
def test_dual_gap_degenerates_for_ridge_issue_example():
    """Issue 13: Ridge X = [[1], [2]], y = (1, 1), l2 = 1/3. The correctly rounded w has an
    excess of order 1e-34, yet the DUAL-GAP gap is 0.206: with l1 = 0 the dual scale s is 0."""
    X, y, l2 = ((1,), (2,)), (1, 1), Fraction(1, 3)
    w_star = exact.ridge_solution(X, y, l2)
    w = (Fraction(float(w_star[0])),)
    cs = make_case(X, y, w, 0, l2)
    excess = probes.excess(cs)
    assert 0 < excess < Fraction(1, 10**30)
    assert duality.dual_scale(cs) == 0
    gap = duality.direct_gap(cs)
    assert Fraction(1, 5) < gap < Fraction(21, 100)


@pytest.mark.spec("PORT-NONUNIQUE")
@given(st.tuples(small, small), small, positive)
def test_every_minimiser_of_a_duplicate_column_problem_is_accepted(col, factor, l1):
    """Duplicate columns: minimisers w and its mirror share F*, Xw and c; the gate passes both."""
    from lasso_spec.conformance import verdict

    X = tuple((a, a) for a in col)
    y = tuple(factor * a + 1 for a in col)
    w = exact.solve(X, y, l1)
    mirror = (w[1], w[0])
    half = tuple((w[0] + w[1]) / 2 for _ in range(2))
    for other in (mirror, half):
        assert exact.objective(X, y, other, l1) == exact.objective(X, y, w, l1)
        assert exact.matvec(X, other) == exact.matvec(X, w)
        assert exact.correlations(X, y, other) == exact.correlations(X, y, w)
    problem = reference.Problem.from_json({"X": [[str(v) for v in r] for r in X],
                                           "y": [str(v) for v in y], "l1": str(l1)})
    if any(w) and any(col):
        assert not reference.solve(X, y, l1).unique
    for answer in (w, mirror, half):
        assert verdict.judge(problem, [float(v) for v in answer]).passed


@pytest.mark.spec("PORT-ZEROS")
def test_negative_zero_is_an_exact_zero():
    from lasso_spec.conformance import verdict

    assert Fraction(-0.0) == 0 and exact.sign(Fraction(-0.0)) == 0
    problem = reference.Problem.from_json({"X": [[1, 0], [0, 1]], "y": [3, "1/2"], "l1": 1})
    assert exact.solve(((1, 0), (0, 1)), (3, Fraction(1, 2)), 1) == (2, 0)
    for zero in (0.0, -0.0):
        assert verdict.judge(problem, [2.0, zero], exact_zeros=True).passed
    tiny = verdict.judge(problem, [2.0, 1e-300], exact_zeros=True)
    assert not tiny.passed and tiny.checks["objective"].status == "pass"
    assert tiny.checks["exact-zeros"].status == "fail"
    assert verdict.judge(problem, [2.0, 1e-300], exact_zeros=False).passed


@pytest.mark.spec("PORT-ORDER")
@given(problems(max_n=3, max_p=3), positive, penalty)
def test_coordinate_order_changes_iterates_not_the_minimiser(prob, l1, l2):
    """The minimiser of the column-reversed problem (what a sweep j = p..1 runs on) is the
    reversed minimiser: the order of the sweep cannot change the answer."""
    X, y = prob
    Xr = tuple(tuple(reversed(row)) for row in X)
    w, wr = exact.solve(X, y, l1, l2), exact.solve(Xr, y, l1, l2)
    assert exact.objective(X, y, tuple(reversed(wr)), l1, l2) == exact.objective(X, y, w, l1, l2)
    assert reference.solve(X, y, l1, l2).objective == reference.solve(Xr, y, l1, l2).objective
    if exact.full_column_rank(X) or l2 > 0:  # unique: the reversed minimiser itself
        assert tuple(reversed(wr)) == w


@pytest.mark.spec("PORT-ORDER")
def test_coordinate_order_changes_the_trace():
    X, y = ((1, 1), (1, 0), (0, 1)), (3, 2, 1)
    forward = exact.cd_sweeps(X, y, 1, sweeps=1)
    Xr = tuple(tuple(reversed(row)) for row in X)
    backward = tuple(reversed(exact.cd_sweeps(Xr, y, 1, sweeps=1)[0]))
    assert forward[0] == (2, Fraction(1, 2)) != backward == (Fraction(5, 4), Fraction(3, 2))


@pytest.mark.spec("LAMBDA-MAX", "CONVENTION-GLMNET")
@pytest.mark.parametrize("alpha", [1, Fraction(1, 2)])
def test_glmnet_lambda_max(alpha):
    """Fitting python-glmnet (standardize=False, fit_intercept=False): at lambda =
    max|X^T y|/(n alpha) the answer is 0, at 0.9 of it it is not (non-constant y, columns)."""
    glmnet = pytest.importorskip("glmnet")
    import warnings

    import numpy as np

    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [2.0, 2.0]])
    y = np.array([1.0, -2.0, 3.0, 0.5])
    lam = exact.lambda_max(X.tolist(), y.tolist())
    threshold = BY_ID["LAMBDA-MAX"].formulas[4].rhs
    foreign = lambda_max.lambda_max()["foreign"]["glmnet"]
    value = threshold.subs({lambda_max.LAMBDA_MAX: q(lam), optimality.n: 4,
                            foreign["mix"]: q(Fraction(alpha))})
    assert value == q(lam / (4 * Fraction(alpha)))

    def fit(lam_value):
        model = glmnet.ElasticNet(alpha=float(alpha), lambda_path=np.array([lam_value]),
                                  standardize=False, fit_intercept=False, tol=1e-20,
                                  max_iter=10**6, n_splits=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        return model.coef_path_[:, 0]

    assert not any(fit(float(value) * (1 + 1e-9)))
    assert any(fit(float(value) * 0.9))


@pytest.mark.spec("CD-UPDATE")
@given(st.integers(1, 3), positive, small)
def test_zero_column_update_is_zero(n, l1, w0):
    """a + 2 l2 = 0 (zero column, Lasso): h(b) = l1 |b| + const, minimised only at b = 0."""
    X, y = tuple((Fraction(0),) for _ in range(n)), tuple(Fraction(1) for _ in range(n))
    assert exact.cd_update(0, 0, l1) == 0 == exact.solve(X, y, l1)[0]
    cs = make_case(X, y, (w0,), l1, 0)
    assert probes.coordinate_minimiser(cs, 0) == 0
    assert exact.objective(X, y, (0,), l1) < exact.objective(X, y, (w0,), l1) or w0 == 0
