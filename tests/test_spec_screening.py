"""GAP-SAFE (issue 9): the Gap Safe screening rule holds on random exact cases of the option
family, its derivation closes, and the slips it guards against are caught.

Exact throughout: the cases are those of tests/test_spec_options.py and the minimiser is the
certified oracle ``spec.options_exact``; on larger problems (tests/test_options_oracle.py's
cases, up to 8 × 6 with every option) the rule is applied from the exact duality gap of
``reference.certify`` and judged against the reference's exact solution.  The mutation test
(tests/test_spec_mutation.py) requires every rewrite of the rendered formulas to fail their
checks.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from test_options_oracle import cases
from test_spec_options import option_cases

from lasso_spec.spec import options_exact as O
from lasso_spec.spec import screening
from lasso_spec.spec.clauses import BY_ID

CLAUSE = BY_ID["GAP-SAFE"]


@pytest.mark.spec("GAP-SAFE")
def test_the_derivation_closes_and_every_formula_has_a_check():
    assert CLAUSE.checks and all(CLAUSE.checks.values()), CLAUSE.checks
    assert len(CLAUSE.formulas) == 5
    assert all(f.check is not None and f.verify() for f in CLAUSE.formulas)


@pytest.mark.spec("GAP-SAFE")
@settings(max_examples=25, deadline=None)
@given(option_cases(max_n=3, max_p=2))
def test_the_rendered_rule_holds_on_random_cases(cs):
    for index, formula in enumerate(CLAUSE.formulas):
        assert formula.holds(cs), (index, formula.latex, cs)


@pytest.mark.spec("GAP-SAFE")
def test_the_sharp_cases_attain_the_bounds():
    """Each one-column case has a probed point where the gap equals the threshold: the rule
    cannot be loosened at all (a larger threshold screens a nonzero w*ⱼ there)."""
    for cs in screening.SHARP_CASES:
        probes = list(screening._probes(cs))
        assert any(two or one for *_, two, one in probes), cs
        assert O.solve(cs)[0][0] != 0


@pytest.mark.spec("GAP-SAFE")
def test_the_slips_are_caught():
    """Forgetting the factor 2 (√(𝒢Gⱼⱼ)), screening from the two-sided test with ĉⱼ instead of
    |ĉⱼ|, and using the column norm without the ridge term 2λ₂vⱼ each fail."""
    gram, sphere, _, two_sided, _ = CLAUSE.formulas
    halved = sphere.rhs.subs(sp.sqrt(2), 1)
    assert halved != sphere.rhs and not sphere.verify(halved)
    signed = two_sided.rhs.subs(sp.Abs(screening.CJ), screening.CJ)
    assert signed != two_sided.rhs and not two_sided.verify(signed)
    without_ridge = gram.rhs.subs(screening.l2, 0)
    assert not gram.verify(without_ridge)


@pytest.mark.spec("GAP-SAFE")
def test_a_worked_instance():
    """x = (1, 2, 1/2), y = (3, 1, 2), s = (1, 2, 1), λ₁ = 1: G₁₁ = 1 + 8 + 1/4 = 37/4,
    c = 8, w* = 7/G₁₁ = 28/37.  At w = 4/5: ĉ = 8 − 37/5 = 3/5 and the excess is
    ½G₁₁(w − w*)² = 8/925; the threshold (1 − 3/5)²/(2G₁₁) is exactly that excess, so the
    rule does not screen — correctly, since w* ≠ 0."""
    cs = O.at(screening.SHARP_CASES[0], w=(Fraction(4, 5),))
    cj, gjj, excess, cstar, t = screening._coordinate(cs, cs.w, cs.b, 0)
    assert (gjj, cj, cstar, t) == (Fraction(37, 4), Fraction(3, 5), 1, 1)
    assert O.solve(cs)[0] == (Fraction(28, 37),)
    assert excess == gjj * (cs.w[0] - Fraction(28, 37)) ** 2 / 2 == Fraction(8, 925)
    value = CLAUSE.formulas[3].rhs.subs(
        {screening.CJ: cj, screening.l1: 1, screening.VJ: 1, screening.GJJ: gjj}
    )
    assert value == Fraction(8, 925)


# --- the rule against the exact reference, on larger problems ------------------------------


def _gram_diagonal(case):
    """Gⱼⱼ = Σᵢ sᵢXᵢⱼ² + 2λ₂vⱼ for the features, from the data."""
    return [
        sum(si * row[jj] ** 2 for si, row in zip(case.s, case.X, strict=True))
        + 2 * case.l2 * case.v[jj]
        for jj in range(len(case.X[0]))
    ]


def screened(case, c, gap):
    """GAP-SAFE in exact arithmetic, squared (no root): j with slack sⱼ = λ₁vⱼ − |ĉⱼ| > 0
    (λ₁vⱼ − ĉⱼ under w ≥ 0) and sⱼ² > 2𝒢Gⱼⱼ."""
    out = set()
    for jj, (cj, gjj) in enumerate(zip(c, _gram_diagonal(case), strict=True)):
        slack = case.l1 * case.v[jj] - (cj if case.positive else abs(cj))
        if slack > 0 and slack * slack > 2 * gap * gjj:
            out.add(jj)
    return out


@pytest.mark.spec("GAP-SAFE", "OPTIONS-DUAL-GAP", "DUAL-GAP")
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_screening_never_discards_a_nonzero_of_the_exact_solution(data):
    """From any feasible (w, b) and its exact duality gap (certify: DUAL-GAP, OPTIONS-DUAL-GAP)
    the rule screens only coordinates whose condition is strict at the optimum, so wⱼ = 0 in
    every minimiser (the reference's exact solution included); at the optimum (gap 0) it
    screens exactly the strict coordinates."""
    case = data.draw(cases())
    exact = case.solve(method="homotopy")
    optimum = case.certify(exact.w, exact.intercept)
    t = [case.l1 * vj for vj in case.v]
    strict = {
        jj
        for jj, (cj, tj) in enumerate(zip(optimum.c, t, strict=True))
        if (cj if case.positive else abs(cj)) < tj
    }
    assert optimum.gap == 0 and screened(case, optimum.c, 0) == strict
    assert all(exact.w[jj] == 0 for jj in strict)
    scale = data.draw(st.sampled_from([Fraction(1, 64), Fraction(1, 8), Fraction(1), 2]))
    step = st.fractions(-1, 1, max_denominator=4).map(lambda d: d * scale)
    w = [wj + data.draw(step) for wj in exact.w]
    if case.positive:
        w = [max(wj, Fraction(0)) for wj in w]
    b = None if exact.intercept is None else exact.intercept + data.draw(step)
    cert = case.certify(w, b)
    assert cert.gap >= cert.bound >= 0  # the gap bounds F(w, b) − F*
    found = screened(case, cert.c, cert.gap)
    assert found <= strict, (found, strict)
