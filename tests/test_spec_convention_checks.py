"""The checks of CONVENTION-SKLEARN, -STATSMODELS, -GLMNET and -GLUM (issue 13).

Each rendered map is substituted into the library's objective written out on explicit exact
data and must give the stated multiple of F.  Beyond the mutation test: the rendered
formulas pass on hypothesis-drawn rational cases, and the slips a porter makes (glmnet's
documented mapping, i.e. s_y = 1; sklearn's α without 1/n; sd(y) with 1/(n − 1)) fail.
"""

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from lasso_spec.spec import conventions, conventions_glmnet, conventions_glum
from lasso_spec.spec.clauses import BY_ID
from lasso_spec.spec.formula import case as make_case

small = st.builds(Fraction, st.integers(-4, 4), st.sampled_from([1, 2, 3]))
positive = st.builds(Fraction, st.integers(1, 6), st.sampled_from([1, 2, 3]))


@st.composite
def cases(draw):
    n, p = draw(st.integers(2, 3)), draw(st.integers(1, 2))
    X = [[draw(small) for _ in range(p)] for _ in range(n)]
    y = [draw(small) for _ in range(n)]
    w = [draw(small) for _ in range(p)]
    return make_case(X, y, w, draw(positive), draw(positive))


@pytest.mark.spec("CONVENTION-SKLEARN", "CONVENTION-STATSMODELS", "CONVENTION-GLMNET")
@settings(max_examples=20)
@given(cases())
def test_rendered_conventions_hold_on_random_cases(cs):
    clauses = ["CONVENTION-SKLEARN", "CONVENTION-STATSMODELS"]
    if len(set(cs.y)) > 1:  # s_y = 0 (constant y): glmnet returns 0, the clause claims nothing
        clauses.append("CONVENTION-GLMNET")
    for clause in clauses:
        for index, formula in enumerate(BY_ID[clause].formulas):
            assert formula.holds(cs), (clause, index, cs)


@pytest.mark.spec("CONVENTION-GLUM")
@settings(max_examples=20)
@given(cases(), st.data())
def test_rendered_glum_convention_holds_on_random_weights(cs, data):
    gc = conventions_glum.GlumCase(
        cs,
        tuple(data.draw(positive) for _ in range(cs.n)),
        tuple(data.draw(positive) for _ in range(cs.p)),
    )
    for index, formula in enumerate(BY_ID["CONVENTION-GLUM"].formulas):
        assert formula.holds(gc), index


@pytest.mark.spec("CONVENTION-GLMNET")
def test_glmnet_documented_mapping_fails_the_check():
    """Issue 13: the documented λ = (λ₁ + 2λ₂)/n, α = λ₁/(λ₁ + 2λ₂) (s_y = 1) is wrong for
    λ₂ > 0 whenever sd(y) ≠ 1, and right for Lasso."""
    lam, alpha = BY_ID["CONVENTION-GLMNET"].formulas[:2]
    documented = (lam.rhs.subs(conventions.s_y, 1), alpha.rhs.subs(conventions.s_y, 1))
    assert documented[0] != lam.rhs
    for cs in conventions.CASES:  # sd(y) = 2, √2, √(13/2)
        assert conventions_glmnet.sd(cs.y) != 1
        assert not lam.holds(cs, documented[0]) and not alpha.holds(cs, documented[1])
        lasso = make_case(cs.X, cs.y, cs.w, cs.l1, 0)
        assert lam.holds(lasso, documented[0]) and alpha.holds(lasso, documented[1])


@pytest.mark.spec("CONVENTION-GLMNET")
def test_glmnet_sd_is_the_population_one():
    """s_y uses 1/n (ddof 0): the sample standard deviation 1/(n − 1) fails the check."""
    sd = BY_ID["CONVENTION-GLMNET"].formulas[2]
    n = conventions.n
    sample = sd.rhs * sp.sqrt(n) / sp.sqrt(n - 1)
    assert sd.verify() and not sd.verify(sample)


@pytest.mark.spec("CONVENTION-SKLEARN", "CONVENTION-GLUM")
def test_slipped_scalings_fail_the_checks():
    """α without its 1/n (sklearn) or 1/W (glum), and Ridge's α = λ₂ (the ½ forgotten)."""
    enet, _, _, lasso, ridge = BY_ID["CONVENTION-SKLEARN"].formulas
    assert not enet.verify(enet.rhs * conventions.n)
    assert not lasso.verify(lasso.rhs * conventions.n)
    assert not ridge.verify(ridge.rhs / 2)
    glum_alpha = BY_ID["CONVENTION-GLUM"].formulas[0]
    assert not glum_alpha.verify(glum_alpha.rhs * conventions.W)
