"""The option family (issue 10): its clauses hold on random exact cases, their derivations
close, the characteristic slips (|.| in the positive lambda_max, dropped weights, unweighted
centring, alpha over n instead of W, unrescaled penalty factors) are caught, and weak
duality holds for random feasible dual points.  The libraries themselves are run in
tests/test_spec_options_executed.py.

Exact throughout: data are small rationals and the minimiser is the certified oracle
``spec.options_exact``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lasso_spec.spec import exact as E
from lasso_spec.spec import options_cd, options_centring, options_duality, options_lambda
from lasso_spec.spec import options_exact as O
from lasso_spec.spec.clauses import BY_ID
from lasso_spec.spec.formula import evaluate, q
from lasso_spec.spec.options_cases import CASES, points
from lasso_spec.spec.options_conventions import W, n
from lasso_spec.spec.options_glum_statsmodels import glum_p1p2
from lasso_spec.spec.options_library import glmnet_penalty_factor, sklearn_weights

OPTION_CLAUSES = (
    "OPTIONS-OBJECTIVE",
    "OPTIONS-KKT",
    "OPTIONS-INTERCEPT-CENTRING",
    "OPTIONS-LAMBDA-MAX",
    "OPTIONS-DUAL-GAP",
    "OPTIONS-CD-UPDATE",
)
CONVENTION_CLAUSES = (
    "CONVENTION-SKLEARN-WEIGHTS",
    "CONVENTION-GLMNET-WEIGHTS",
    "CONVENTION-GLMNET-PENALTY-FACTOR",
    "CONVENTION-GLUM-P1P2",
    "CONVENTION-STATSMODELS-VECTOR-ALPHA",
)

small = st.builds(Fraction, st.integers(-3, 3), st.sampled_from([1, 1, 2]))
weight = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(2), Fraction(3)])
factor = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(1), Fraction(2)])
penalty = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(3, 2), 2])


@st.composite
def option_cases(draw, max_n=3, max_p=2):
    """A random exact case of the family: every option drawn, W > 0."""
    nn, pp = draw(st.integers(1, max_n)), draw(st.integers(1, max_p))
    X = [[draw(small) for _ in range(pp)] for _ in range(nn)]
    s = [draw(weight) for _ in range(nn)]
    assume(sum(s) > 0)
    cs = O.ocase(
        X,
        [draw(small) for _ in range(nn)],
        [0] * pp,
        draw(penalty),
        draw(st.sampled_from([0, 0, Fraction(1, 4), Fraction(1, 2)])),
        s,
        [draw(factor) for _ in range(pp)],
        draw(st.booleans()),
        draw(st.booleans()),
        draw(small),
        draw(small),
    )
    w = draw(st.one_of(st.tuples(*[small] * pp), st.just(None)))
    return O.at(cs, w=O.solve(cs)[0] if w is None else w)


def _holds(clause_ids, cs):
    for cid in clause_ids:
        formulas = BY_ID[cid].formulas
        assert formulas and all(f.check is not None for f in formulas), cid
        for index, formula in enumerate(formulas):
            assert formula.holds(cs), (cid, index, formula.latex, cs)


# --- the clauses on random cases, and their derivations -----------------------------------


@pytest.mark.spec(
    "OPTIONS-OBJECTIVE",
    "OPTIONS-KKT",
    "OPTIONS-INTERCEPT-CENTRING",
    "OPTIONS-LAMBDA-MAX",
    "OPTIONS-DUAL-GAP",
    "OPTIONS-CD-UPDATE",
)
@settings(max_examples=8)
@given(option_cases())
def test_rendered_option_formulas_hold_on_random_cases(cs):
    _holds(OPTION_CLAUSES, cs)


@pytest.mark.spec(
    "CONVENTION-SKLEARN-WEIGHTS",
    "CONVENTION-GLMNET-WEIGHTS",
    "CONVENTION-GLMNET-PENALTY-FACTOR",
    "CONVENTION-GLUM-P1P2",
    "CONVENTION-STATSMODELS-VECTOR-ALPHA",
)
@settings(max_examples=10)
@given(option_cases())
def test_rendered_convention_formulas_hold_on_random_cases(cs):
    _holds(CONVENTION_CLAUSES, cs)


@pytest.mark.spec(
    "OPTIONS-OBJECTIVE",
    "OPTIONS-KKT",
    "OPTIONS-INTERCEPT-CENTRING",
    "OPTIONS-LAMBDA-MAX",
    "OPTIONS-DUAL-GAP",
    "OPTIONS-CD-UPDATE",
    "CONVENTION-SKLEARN-WEIGHTS",
    "CONVENTION-GLMNET-WEIGHTS",
    "CONVENTION-GLMNET-PENALTY-FACTOR",
    "CONVENTION-GLUM-P1P2",
    "CONVENTION-STATSMODELS-VECTOR-ALPHA",
)
@pytest.mark.parametrize("cid", OPTION_CLAUSES + CONVENTION_CLAUSES)
def test_every_derivation_check_closes_and_every_formula_has_a_check(cid):
    clause = BY_ID[cid]
    assert clause.checks and all(clause.checks.values()), clause.checks
    assert all(f.check is not None and f.cases for f in clause.formulas)


@pytest.mark.spec("OPTIONS-OBJECTIVE")
@settings(max_examples=20)
@given(option_cases(max_n=4, max_p=3))
def test_the_oracle_certifies_an_exact_minimiser(cs):
    """The oracle's answer is coordinatewise (hence globally) minimal; no point of a coarse
    grid around it has a smaller F (a check independent of the certificate)."""
    w, b = O.solve(cs)
    assert O.certified(cs, w, b)
    value = O.objective(cs, w, b)
    for jj in range(cs.p):
        for step in (Fraction(1, 3), Fraction(-1, 3)):
            moved = O.shifted(w, jj, w[jj] + step)
            if O.feasible(cs, moved):
                assert O.objective(cs, moved, O.best_intercept(cs, moved)) >= value


@pytest.mark.spec("OPTIONS-OBJECTIVE")
def test_canonical_case_is_the_canonical_objective():
    """s = 1, v = 1, no intercept, no constraint: the oracle agrees with spec.exact."""
    for cs in CASES:
        plain = O.at(cs, s=[1] * cs.n, v=[1] * cs.p, positive=False, intercept=False, b=0)
        assert O.objective(plain) == E.objective(plain.X, plain.y, plain.w, plain.l1, plain.l2)
        assert O.optimum(plain) == E.objective(
            plain.X, plain.y, E.solve(plain.X, plain.y, plain.l1, plain.l2), plain.l1, plain.l2
        )


# --- the characteristic slips are caught -------------------------------------------------------


def _formula(cid, lhs_start):
    (found,) = [f for f in BY_ID[cid].formulas if f.lhs.startswith(lhs_start)]
    return found


@pytest.mark.spec("OPTIONS-LAMBDA-MAX")
def test_positive_lambda_max_with_the_absolute_value_fails():
    """The issue's slip: alpha_max for positive=True from |X'y| instead of max(0, X'y)."""
    two_sided = _formula("OPTIONS-LAMBDA-MAX", r"\lambda_{\max}\;(j_1")
    positive = _formula("OPTIONS-LAMBDA-MAX", r"\lambda_{\max}\;(w")
    assert positive.verify() and two_sided.verify()
    assert not positive.verify(two_sided.rhs)
    assert not two_sided.verify(positive.rhs)


@pytest.mark.spec("OPTIONS-LAMBDA-MAX", "OPTIONS-INTERCEPT-CENTRING")
def test_lambda_max_without_weights_or_without_centring_fails():
    s = sp.IndexedBase("s")
    c0 = _formula("OPTIONS-LAMBDA-MAX", r"\hat c^{\circ}_k")
    assert not c0.verify(
        c0.rhs.replace(lambda e: isinstance(e, sp.Indexed) and e.base == s, lambda e: 1)
    )  # weights dropped
    closed = _formula("OPTIONS-LAMBDA-MAX", r"r^{\circ}_i")
    assert not closed.verify(closed.rhs.subs(options_centring.YB, 0))  # centring dropped
    xbar = _formula("OPTIONS-INTERCEPT-CENTRING", r"\bar{x}_j")
    unweighted = xbar.rhs.replace(lambda e: isinstance(e, sp.Indexed) and e.base == s, lambda e: 1)
    assert not xbar.verify(unweighted)  # unweighted centring with weights


@pytest.mark.spec("OPTIONS-KKT")
def test_two_sided_condition_under_positivity_fails():
    """Under w >= 0 the two-sided zero condition rejects true minimisers (c_j < -l1 v_j)."""
    positive_zero = _formula("OPTIONS-KKT", r"w \ge 0,\ w_j = 0")
    zero = _formula("OPTIONS-KKT", r"w_j = 0")
    assert not positive_zero.verify(zero.rhs)


@pytest.mark.spec("OPTIONS-DUAL-GAP")
def test_unweighted_dual_or_two_sided_positive_constraint_fails():
    dual = _formula("OPTIONS-DUAL-GAP", r"D(\theta")
    s = sp.IndexedBase("s")
    assert not dual.verify(
        dual.rhs.replace(lambda e: isinstance(e, sp.Indexed) and e.base == s, lambda e: 1)
    )
    positive = _formula("OPTIONS-DUAL-GAP", r"w \ge 0:\ \kappa_j")
    two_sided = _formula("OPTIONS-DUAL-GAP", r"\kappa_j \in")
    assert positive.verify() and not positive.verify(two_sided.rhs)  # excludes (r*, w*)


@pytest.mark.spec("CONVENTION-SKLEARN-WEIGHTS", "CONVENTION-GLUM-P1P2")
def test_alpha_over_n_instead_of_w_fails():
    for clause in (sklearn_weights(), glum_p1p2()):
        alpha = next(f for f in clause["formulas"] if "alpha" in f.lhs and "max" not in f.lhs)
        assert not alpha.verify(alpha.rhs.subs(W, n))


@pytest.mark.spec("CONVENTION-GLMNET-PENALTY-FACTOR")
def test_penalty_factors_not_rescaled_fails():
    lam = glmnet_penalty_factor()["formulas"][1]
    assert not lam.verify(
        lam.rhs.subs(
            sp.Symbol(r"\|v\|_1", positive=True), sp.Symbol("p", integer=True, positive=True)
        )
    )


# --- weak duality on random exact instances with random feasible (theta, zeta) ----------------


def _project(cs, theta):
    """theta minus its S-weighted projection on the columns that must be S-orthogonal to it:
    1 (intercept) and x_j for j in U.  None when those columns are dependent."""
    cols = ([[Fraction(1)] * cs.n] if cs.intercept else []) + [
        [row[jj] for row in cs.X] for jj in cs.unpenalised
    ]
    if not cols:
        return tuple(theta)
    sdot = lambda a, b: sum(si * x * y for si, x, y in zip(cs.s, a, b, strict=True))  # noqa: E731
    G = tuple(tuple(sdot(a, b) for b in cols) for a in cols)
    coef = E.solve_linear(G, [sdot(a, theta) for a in cols])
    if coef is None:
        return None
    return tuple(
        t - sum(c * col[i] for c, col in zip(coef, cols, strict=True)) for i, t in enumerate(theta)
    )


@pytest.mark.spec("OPTIONS-DUAL-GAP")
@settings(max_examples=40)
@given(option_cases(max_n=4, max_p=3), st.data())
def test_weak_duality_for_random_feasible_dual_points(cs, data):
    theta = _project(cs, [data.draw(small) for _ in range(cs.n)])
    assume(theta is not None)
    zeta = [data.draw(small) for _ in range(cs.p)]
    kap = options_duality.kappas(cs, theta, zeta)  # 0 on U: x_j'S theta = 0 there, v_j = 0
    binding = [
        abs(kap[jj]) / cs.v[jj] if not cs.positive else max(kap[jj], 0) / cs.v[jj]
        for jj in cs.penalised
    ]
    worst = max([Fraction(0), *binding])
    t = Fraction(1) if worst <= cs.l1 else cs.l1 / worst
    theta, zeta = tuple(t * x for x in theta), tuple(t * x for x in zeta)
    assert options_duality.feasible_pair(cs, theta, zeta)
    value = options_duality.dual_value(cs, theta, zeta)
    assert value <= O.optimum(cs)
    rendered = _formula("OPTIONS-DUAL-GAP", r"D(\theta")
    assert evaluate(rendered.rhs, options_duality._pair_values(cs, theta, zeta)) == q(value)
    # the identity behind it, at the case's (w, b) and this pair
    r = O.residual(cs)
    terms = (
        sum(si * (ri - ti) ** 2 for si, ri, ti in zip(cs.s, r, theta, strict=True)) / 2
        + cs.l2 * sum(vj * (wj - zj) ** 2 for vj, wj, zj in zip(cs.v, cs.w, zeta, strict=True))
        - cs.b * sum(si * ti for si, ti in zip(cs.s, theta, strict=True))
        + sum(
            cs.l1 * vj * abs(wj) - wj * kj
            for vj, wj, kj in zip(cs.v, cs.w, options_duality.kappas(cs, theta, zeta), strict=True)
        )
    )
    assert O.objective(cs) - value == terms
    # the gap bound of the refitted point bounds the excess of the (feasible) point itself
    if not O.feasible(cs, cs.w):
        return
    w2, b2 = options_duality.refit(cs, cs.w)
    bound = options_duality.scale_bound(cs, w2, b2)
    t2 = Fraction(1) if bound <= cs.l1 else cs.l1 / bound
    gap = options_duality.gap_value(cs, w2, b2, t2)
    excess = O.objective(cs) - O.optimum(cs)
    assert 0 <= gap and excess <= gap + O.objective(cs) - O.objective(cs, w2, b2)


@pytest.mark.spec("OPTIONS-LAMBDA-MAX")
@settings(max_examples=30)
@given(option_cases(max_n=4, max_p=3))
def test_lambda_max_is_the_zero_threshold(cs):
    """At lambda_max the oracle's minimiser has w_P = 0; just below it, it does not."""
    rendered = _formula(
        "OPTIONS-LAMBDA-MAX", r"\lambda_{\max}\;(w" if cs.positive else r"\lambda_{\max}\;(j_1"
    )
    value = max(Fraction(str(evaluate(rendered.rhs, options_lambda._threshold_values(cs)))), 0)
    assert options_lambda.zero_optimal(cs, value)
    if value > 0:
        assert not options_lambda.zero_optimal(cs, value * Fraction(99, 100))


@pytest.mark.spec("OPTIONS-CD-UPDATE")
@settings(max_examples=20)
@given(option_cases(max_n=4, max_p=3), st.booleans())
def test_degenerate_coordinate_update_is_zero(cs, drop_l2):
    """a_j + 2 l2 v_j = 0 (x_j = 0 on the rows with s_i > 0, l2 v_j = 0): h(t) = l1 v_j |t| +
    const, so t = 0 minimises F over w_j (uniquely when l1 v_j > 0)."""
    X = [
        [0 if jj == 0 and si > 0 else x for jj, x in enumerate(row)]
        for row, si in zip(cs.X, cs.s, strict=True)
    ]
    cs = O.at(cs, X=X, l2=0 if drop_l2 else cs.l2, v=cs.v if drop_l2 else (0, *cs.v[1:]))
    aa, gg = options_cd.coordinate_data(cs, 0, cs.w, cs.b)
    assert aa + 2 * cs.l2 * cs.v[0] == 0 and gg == 0
    value, _ = O.coordinate_minimum(cs, 0)
    assert value == O.objective(cs, O.shifted(cs.w, 0, 0), cs.b)
    if cs.l1 * cs.v[0] > 0:
        assert O.objective(cs, O.shifted(cs.w, 0, 1), cs.b) > value


def test_probed_points_include_every_kind():
    """The deterministic cases cover every option and the points cover optimal and
    non-optimal (w, b) of each case."""
    assert any(c.positive for c in CASES) and any(c.intercept for c in CASES)
    assert any(0 in c.s for c in CASES) and any(0 in c.v for c in CASES)
    assert any(set(c.v) - {0, 1} for c in CASES) and any(c.l1 == 0 for c in CASES)
    for cs in CASES:
        kinds = {O.is_minimiser(cs, w, b) for w, b in points(cs)}
        assert True in kinds
