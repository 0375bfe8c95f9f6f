"""The claims ledger: every claim of the two source notes, quoted, with a verdict.

Quotes are verbatim substrings of ``spec/sources/`` (a test checks this).
Each claim ID is also a marker ID: tests cite it with ``@pytest.mark.spec``.

The claims are written by topic and put in order here: where zeros come from
(``spec.claims_sparsity``), coordinate descent (``spec.claims_descent``), and the notes'
summaries, tables and definitions (``spec.claims_summaries``).  What a claim is, and the
verdicts: ``spec.claim``.
"""

from __future__ import annotations

from . import claims_descent, claims_sparsity, claims_summaries
from .claim import Claim

CLAIMS: tuple[Claim, ...] = (
    *claims_sparsity.CLAIMS,
    *claims_descent.CLAIMS,
    *claims_summaries.CLAIMS,
)

BY_ID = {claim.id: claim for claim in CLAIMS}
