"""What a claim of the ledger is: a claim of the two source notes, quoted, with a verdict.

Verdicts:

* ``theorem`` — true as stated (in the reading given), with the clause that carries it;
* ``condition`` — true exactly under the stated condition;
* ``false`` — refuted by a stored counterexample (``counterexample`` names an
  entry of ``spec/counterexamples.json``, found by ``spec.search``; or
  ``worked-example``, computed in ``spec.worked_example``).

``NOTE1`` and ``NOTE2`` name the notes' files in ``spec/sources/``.  The ledger itself, in
order, is ``spec.claims``.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTE1 = "000_d15bcb27d9a8af01.txt"  # "Why Lasso Creates Sparsity"
NOTE2 = (
    "003_2ccc3872d20974bf.txt"  # "Regularization, Gradients, and Why LASSO Produces Exact Zeros"
)
VERDICTS = ("theorem", "condition", "false")


@dataclass(frozen=True)
class Claim:
    """A claim of the notes and what the project established about it."""

    id: str
    quotes: tuple[tuple[str, str], ...]  # (source file, verbatim text)
    verdict: str
    finding: str
    clauses: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
