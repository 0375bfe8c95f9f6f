"""The conformance checks: the worked example, the edge-case pack, generated problems,
metamorphic pairs, scale.

Each test is one check ID (see catalogue.CHECK_IDS); its verdict comes from the
certificates of certificate_checks.py against the exact optimum of the float64 problem the
implementation received.  The metamorphic checks (metamorphic.py) are generated checks
whose examples are pairs of problems related by a theorem, each answer judged exactly: for
their families ``problems`` draws a pair, which the runner (metamorphic.PairRunner) judges.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import scale
from .cases import CASES, kind
from .catalogue import GENERATED
from .metamorphic import problems  # strategies.problems, and the pairs of metamorphic.py
from .profiles import examples_per_check, phases
from .received import as_received, exact_solution


def _case_param(case):
    marks = [pytest.mark.conformance_check(case.id, kind(case.problem))]
    if case.clauses:
        marks.append(pytest.mark.spec(*case.clauses))
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.spec("OBJECTIVE", "GAP-DISTANCE-BOUND", "CONFORMANCE-TOLERANCE")
@pytest.mark.parametrize("case", [_case_param(case) for case in CASES])
def test_case(case, conformance):
    """The worked example and the edge-case pack."""
    if case.closed_form is not None:  # the case's own closed form, derived independently
        assert exact_solution(as_received(case.problem)).w == case.closed_form
    conformance.check(case.problem)


def _generated_param(check_id, problem_kind, family):
    return pytest.param(
        problem_kind, family, id=check_id,
        marks=pytest.mark.conformance_check(check_id, problem_kind),
    )


_SETTINGS = settings(
    max_examples=examples_per_check(),
    phases=phases(),  # no shrinking unless --full-shrink: the first failing problem, at once
    suppress_health_check=[*settings.default.suppress_health_check,
                           HealthCheck.function_scoped_fixture],
)


@pytest.mark.spec("OBJECTIVE", "GAP-DISTANCE-BOUND", "CONFORMANCE-TOLERANCE")
@pytest.mark.parametrize(("problem_kind", "family"), [_generated_param(*g) for g in GENERATED])
@_SETTINGS
@given(data=st.data())
def test_generated(problem_kind, family, data, conformance):
    """Hypothesis-generated exact problems, by kind and design family."""
    conformance.check(data.draw(problems(problem_kind, family), label="problem"))


@pytest.mark.spec("OBJECTIVE", "GAP-DISTANCE-BOUND", "CONFORMANCE-TOLERANCE")
def test_scale(scale_design, conformance):
    """The scale tier (``--scale``): a realistic float64 design at each λ₁ of its grid."""
    for _label, problem in scale.problems(scale_design):
        conformance.check(problem)
