"""A rendered formula: notation on the left, a sympy-derived object on the right."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp


@dataclass(frozen=True)
class Formula:
    """``lhs relation rhs``: ``rhs`` is the sympy result; ``lhs`` is LaTeX notation only."""

    lhs: str
    rhs: Any
    relation: str = "="

    @property
    def latex(self) -> str:
        """The formula in LaTeX; the right-hand side comes from ``sympy.latex``."""
        rhs = self.rhs if isinstance(self.rhs, str) else sp.latex(self.rhs)
        return f"{self.lhs} {self.relation} {rhs}".strip()
