"""The canonical problem's test vectors: one test and one group of tests.

    F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂²

Every expected answer is computed by ``reference.solve`` and certified exactly by
``reference.certify`` (porting/vector_answers.py); where a closed form exists (one
feature, orthogonal designs, Ridge) it is checked against that too
(porting/exact_checks.py), so no expected value rests on the homotopy alone.  The cases
themselves: porting/canonical_cases.py and porting/canonical_stress_cases.py.
"""

from lasso_spec.porting.exact_checks import (
    dot,
    orthogonal_columns,
    ridge_closed_form,
    separable_closed_form,
)
from lasso_spec.porting.vector_answers import answer_flags, solved, solved_entry, solved_group
from lasso_spec.porting.vector_format import expected_json


def _test(X, y, spec, with_path):
    """The JSON of one solvable test, with its exact expected answer (certified here)."""
    l1, l2 = spec.l1, spec.l2
    solution, cert = solved(X, y, l1, l2)
    w = solution.w
    flags, clauses = answer_flags(solution, "LAMBDA-MAX")
    clauses |= {"OBJECTIVE", "DUAL-GAP", "GAP-DISTANCE-BOUND"}
    if spec.flags & {"OneFeature", "Orthogonal"}:
        assert w == separable_closed_form(X, y, l1, l2), "closed form disagrees with the homotopy"
        clauses |= {"SOFT-THRESHOLD", "CD-UPDATE"}
    if l1 == 0 and l2 > 0:
        assert w == ridge_closed_form(X, y, l2), "Ridge closed form disagrees"
        clauses.add("KKT-RIDGE")
        if any(v == 0 for v in w) and any(y):
            flags.add("RidgeExactZero")
            clauses.add("RIDGE-NO-DEAD-ZONE")
    expected = expected_json(solution, [dot(row, w) for row in X], cert.c, with_path)
    test = solved_entry(spec, solution, flags, clauses, expected)
    if spec.claims:
        test["claims"] = sorted(spec.claims)
    return test


def group(comment, X, y, specs, flags=(), clauses=(), with_path=None):
    """A test group: X and y shared by several tests (one per Spec).

    ``flags`` and ``clauses`` apply to every test; a group whose columns are orthogonal
    (OneFeature, Orthogonal) is checked against the soft-threshold closed form.
    """
    if orthogonal_columns(X):
        flags = {*flags, "OneFeature" if len(X[0]) == 1 else "Orthogonal"}
    return solved_group(comment, X, y, specs, _test, flags, clauses, with_path)
