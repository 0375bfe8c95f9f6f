"""What a clause of the spec is: a stable ID, a statement, and the derivation behind it.

A ``Clause`` holds its derivation as a function (a sympy derivation in ``spec/``, run and
cached on first use) and the key of the formulas it renders; a clause stated in words has
``prose_derivation`` as its derivation and renders no formula.  The ordered registry of every
clause is ``spec.clauses``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    """One normative statement of the spec."""

    id: str
    title: str
    statement: str
    derive: Callable[[], dict]
    key: str = "formulas"

    @property
    def formulas(self):
        """The derived formulas (``spec.formula.Formula``), in order."""
        return tuple(self.derive()[self.key])

    @property
    def prose(self) -> bool:
        """Stated in words only (porting advice, an algorithm): it renders no formula."""
        return self.derive is prose_derivation

    @property
    def checks(self) -> dict[str, bool]:
        """The derivation's exact checks; all must be True."""
        return dict(self.derive().get("checks", {}))

    @property
    def latex(self) -> tuple[str, ...]:
        """The formulas as LaTeX, from ``sympy.latex``."""
        return tuple(f.latex for f in self.formulas)


def prose_derivation():
    """A clause stated in words and checked by its tests; it renders no formula."""
    return {"formulas": (), "checks": {}}
