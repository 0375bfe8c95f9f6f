"""The clause registry: stable IDs, statements, and the sympy derivation behind each.

``CLAUSES`` is ordered; ``clause.formulas`` and ``clause.checks`` run the
derivation on first use (cached).  IDs are stable: tests cite them with
``@pytest.mark.spec("ID")`` and other documents refer to them.

The clauses are written by topic and put in order here: the canonical problem
(``spec.clauses_canonical``), the clauses stated in words (``spec.clauses_porting``), other
libraries' parameters (``spec.clauses_conventions``), the tolerances
(``spec.clauses_tolerances``), the option family (``spec.options_clauses``) and screening
(``spec.clauses_screening``).  What a clause is: ``spec.clause``.
"""

from __future__ import annotations

from . import (
    clauses_canonical,
    clauses_conventions,
    clauses_porting,
    clauses_screening,
    clauses_tolerances,
    options_clauses,
)
from .clause import Clause

CLAUSES: tuple[Clause, ...] = (
    *clauses_canonical.CLAUSES,
    *clauses_porting.CLAUSES,
    *clauses_conventions.CLAUSES,
    *clauses_tolerances.CLAUSES,
    # The option family (issue 10): weights, penalty factors, w >= 0, the intercept; conventions.
    *(Clause(*entry) for entry in options_clauses.ENTRIES),
    # Issue 9: Gap Safe screening, in the Gram form of the option family.
    *clauses_screening.CLAUSES,
)

BY_ID = {clause.id: clause for clause in CLAUSES}
