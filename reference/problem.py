"""A problem (X, y, λ₁, λ₂) held exactly, printed ready to paste, and read from JSON.

Numbers travel as JSON numbers or as exact strings ``"p/q"`` (also ``"-3"``,
``"0.25"``); a float is read exactly (``0.1`` is the binary value).  The
``repr`` of a Problem is a Python expression that rebuilds it exactly, so a
failing hypothesis example can be pasted straight into a test.
"""

from dataclasses import dataclass
from fractions import Fraction

from ._validate import ProblemError, as_problem, to_fraction

__all__ = ["Problem", "format_number", "parse_number"]


def parse_number(value, name):
    """An exact rational from a JSON number or a "p/q" string.

    >>> parse_number("-3/4", "l1"), parse_number(0.5, "l1")
    (Fraction(-3, 4), Fraction(1, 2))
    >>> parse_number("one", "l1")
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: l1 must be a number or a "p/q" string, got 'one'
    """
    if isinstance(value, str):
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            raise ProblemError(
                f'{name} must be a number or a "p/q" string, got {value!r}'
            ) from None
    return to_fraction(value, name)


def format_number(value):
    """The exact "p/q" (or "p") string of a rational.

    >>> format_number(Fraction(-3, 4)), format_number(2)
    ('-3/4', '2')
    """
    return str(Fraction(value))


def _parse_rows(rows, name):
    if not isinstance(rows, list):
        raise ProblemError(f"{name} must be a list, got {rows!r}")
    return [
        [parse_number(v, f"{name}[{i}][{j}]") for j, v in enumerate(row)]
        if isinstance(row, list)
        else parse_number(row, f"{name}[{i}]")
        for i, row in enumerate(rows)
    ]


@dataclass(frozen=True)
class Problem:
    """min_w ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², with every number an exact Fraction."""

    X: tuple
    y: tuple
    l1: Fraction
    l2: Fraction = Fraction(0)

    def __post_init__(self):
        X, y, l1, l2 = as_problem(self.X, self.y, self.l1, self.l2)
        object.__setattr__(self, "X", tuple(tuple(row) for row in X))
        object.__setattr__(self, "y", tuple(y))
        object.__setattr__(self, "l1", l1)
        object.__setattr__(self, "l2", l2)

    @property
    def shape(self):
        return len(self.X), len(self.X[0])

    @classmethod
    def from_json(cls, data):
        """Build from a dict with keys X, y, l1 and optionally l2 (numbers or "p/q")."""
        if not isinstance(data, dict):
            raise ProblemError(f"a problem must be a JSON object, got {data!r}")
        unknown = set(data) - {"X", "y", "l1", "l2"}
        missing = {"X", "y", "l1"} - set(data)
        if unknown or missing:
            raise ProblemError(
                f"a problem has keys X, y, l1 and optionally l2; missing {sorted(missing)}, "
                f"unknown {sorted(unknown)}"
            )
        return cls(
            X=_parse_rows(data["X"], "X"),
            y=_parse_rows(data["y"], "y"),
            l1=parse_number(data["l1"], "l1"),
            l2=parse_number(data.get("l2", 0), "l2"),
        )

    def to_json(self):
        """A dict of exact "p/q" strings (the inverse of ``from_json``)."""
        return {
            "X": [[format_number(v) for v in row] for row in self.X],
            "y": [format_number(v) for v in self.y],
            "l1": format_number(self.l1),
            "l2": format_number(self.l2),
        }

    def __repr__(self):
        data = self.to_json()
        return f"Problem.from_json({data!r})"
