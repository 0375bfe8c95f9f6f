"""A rendered formula: notation on the left, a sympy object on the right, and its falsifier.

``Formula.rhs`` is what SPEC.md shows (through ``sympy.latex``).  A formula
with a ``check`` is *falsifiable*: ``check(rhs, case)`` evaluates the given
right-hand side exactly at one ``Case`` (rational data) and compares it with
an independent computation (``spec.exact``, or the definitions evaluated
directly).  The tests call it with the rendered ``rhs`` on hypothesis-drawn
cases; ``tests/test_spec_mutation.py`` calls it with rewritten copies of
``rhs`` (``mutants``) on ``Formula.cases`` and requires each to fail.

For an inequality ``lhs <= rhs`` the check also demands equality on the
family of cases where the bound is attained (stated in ``sharp``), so a
loosened bound fails as well as a tightened one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp


@dataclass(frozen=True)
class Case:
    """One exact instance: data (X, y), a candidate w, the penalties, and a free number u."""

    X: tuple
    y: tuple
    w: tuple
    l1: Fraction
    l2: Fraction
    u: Fraction = Fraction(1, 2)

    @property
    def n(self) -> int:
        return len(self.X)

    @property
    def p(self) -> int:
        return len(self.X[0])


def case(X, y, w, l1, l2=0, u=Fraction(1, 2)) -> Case:
    """A Case with every number converted exactly to Fraction."""
    fr = Fraction
    return Case(
        tuple(tuple(fr(v) for v in row) for row in X),
        tuple(fr(v) for v in y),
        tuple(fr(v) for v in w),
        fr(l1),
        fr(l2),
        fr(u),
    )


@dataclass(frozen=True)
class Formula:
    """``lhs relation rhs``: ``rhs`` is a sympy object; ``lhs`` is LaTeX notation only.

    ``check(rhs, case) -> bool`` (optional) falsifies ``rhs``; ``cases`` are the
    deterministic cases the mutation test uses; ``sharp`` says where an
    inequality is attained (rendered beside it).
    """

    lhs: str
    rhs: Any
    relation: str = "="
    check: Callable[[Any, Case], bool] | None = field(default=None, compare=False)
    cases: tuple = field(default=(), compare=False)
    sharp: str = ""

    @property
    def latex(self) -> str:
        """The formula in LaTeX; the right-hand side comes from ``sympy.latex``."""
        rhs = self.rhs if isinstance(self.rhs, str) else sp.latex(self.rhs)
        return f"{self.lhs} {self.relation} {rhs}".strip()

    def holds(self, case_: Case, rhs=None) -> bool:
        """The check at one case, for the rendered rhs (default) or a replacement."""
        if self.check is None:
            raise TypeError(f"formula {self.lhs!r} has no check")
        return bool(self.check(self.rhs if rhs is None else rhs, case_))

    def verify(self, rhs=None) -> bool:
        """The check on every deterministic case (stops at the first failure)."""
        return bool(self.cases) and all(self.holds(c, rhs) for c in self.cases)


# --- exact evaluation -------------------------------------------------------------------


def q(v) -> sp.Rational:
    """A Fraction (or int) as a sympy Rational."""
    v = Fraction(v)
    return sp.Rational(v.numerator, v.denominator)


def matrix(rows) -> sp.ImmutableMatrix:
    """Rows of Fractions as an exact sympy matrix."""
    return sp.ImmutableMatrix([[q(v) for v in row] for row in rows])


def colvec(values) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix([[q(v)] for v in values])


def evaluate(expr, values: dict):
    """``expr`` with the symbols replaced by exact values, fully evaluated.

    ``values`` maps symbols, MatrixSymbols and IndexedBases (to a callable
    index -> value) to numbers.  Sums are expanded (``doit``) once their
    limits are numbers; matrix expressions are made explicit.
    """
    indexed = {k: v for k, v in values.items() if isinstance(k, sp.IndexedBase)}
    plain = {k: v for k, v in values.items() if not isinstance(k, sp.IndexedBase)}
    out = expr.xreplace(plain) if hasattr(expr, "xreplace") else expr
    if hasattr(out, "doit"):
        out = out.doit()
    if indexed:
        out = out.replace(
            lambda e: isinstance(e, sp.Indexed) and e.base in indexed,
            lambda e: indexed[e.base](*[int(i) for i in e.indices]),
        )
        if hasattr(out, "doit"):
            out = out.doit()
    if isinstance(out, sp.MatrixExpr) or isinstance(out, sp.MatrixBase):
        out = sp.ImmutableMatrix(sp.Matrix(out.as_explicit()).applyfunc(sp.expand))
    return out


def number(expr) -> sp.Expr:
    """A closed numeric value: simplified, and never containing a free symbol."""
    value = expr if isinstance(expr, sp.Rational) else sp.expand(sp.sympify(expr))
    if isinstance(value, sp.MatrixBase) and value.shape == (1, 1):
        value = value[0]
    if getattr(value, "free_symbols", None):
        raise ValueError(f"not a number: {value}")
    return value


def le(a, b) -> bool:
    """a <= b for real algebraic numbers (rationals and their roots), decided exactly.

    Rationals compare as Fractions.  Otherwise b - a is simplified: 0 means equal; a nonzero
    algebraic number of the small height met here is far from 0, so its sign is read from a
    100-digit evaluation, and a value within 10^-80 of 0 is refused rather than guessed.
    """
    a, b = number(a), number(b)
    if a.is_Rational and b.is_Rational:
        return bool(a <= b)
    if a.is_real is False or b.is_real is False:
        return False  # a bound that is not a real number is false
    diff = number(sp.expand(b - a))
    if diff == 0:
        return True
    if diff.is_Rational:
        return bool(diff > 0)
    value = diff.evalf(100)
    if abs(value) < sp.Float(10) ** -80:
        raise ValueError(f"cannot decide {a} <= {b} exactly")
    return bool(value > 0)


def eq(a, b) -> bool:
    """a == b exactly (algebraic numbers compared by simplifying the difference)."""
    a, b = (v[0] if isinstance(v, sp.MatrixBase) and v.shape == (1, 1) else v for v in (a, b))
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        if not (isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase)):
            return False
        a, b = sp.Matrix(a), sp.Matrix(b)
        return a.shape == b.shape and all(eq(u, v) for u, v in zip(a, b, strict=True))
    return number(sp.expand(a) - sp.expand(b)) == 0


# --- formula mutation ---------------------------------------------------------------------

_OPAQUE = (sp.MatrixSymbol, sp.Identity, sp.ZeroMatrix, sp.IndexedBase, sp.Indexed, sp.Idx)


def _rebuild(expr, args):
    try:
        return expr.func(*args)
    except Exception:  # an ill-formed rewrite (shape mismatch, ...) is not a mutant
        return None


def _node_mutants(expr):
    """Local rewrites of one node: (description, replacement)."""
    out = []
    if isinstance(expr, sp.Rational) and not isinstance(expr, sp.core.numbers.NaN):
        if expr != 0:
            out += [(f"{expr} -> {2 * expr}", 2 * expr), (f"{expr} -> {-expr}", -expr)]
        if expr not in (0, 1):
            out.append((f"{expr} -> 1", sp.Integer(1)))
    elif isinstance(expr, sp.Symbol) and not expr.is_integer:
        out.append((f"{expr} -> 2 {expr}", 2 * expr))
    elif isinstance(expr, sp.Pow) and expr.exp in (sp.S.Half, -sp.S.Half):
        out.append((f"drop the root of {expr}", expr.base ** (2 * expr.exp)))
    elif isinstance(expr, sp.Add):
        for k, term in enumerate(expr.args):
            args = list(expr.args)
            args[k] = -term
            out.append((f"swap the sign of {term} in {expr}", sp.Add(*args)))
    return out


def _walk(expr, path=()):
    """(path, node) for every node a mutation may rewrite (skipping opaque leaves and limits)."""
    yield path, expr
    if isinstance(expr, _OPAQUE) or not getattr(expr, "args", ()):
        return
    for k, arg in enumerate(expr.args):
        if (isinstance(expr, sp.Sum) and k > 0) or (type(expr).__name__ == "MaxOver" and k > 0):
            continue  # summation limits and indices
        if isinstance(expr, sp.Inverse) and k > 0:
            continue  # the exponent of Inverse is fixed at -1
        if isinstance(arg, (sp.Basic,)):
            yield from _walk(arg, (*path, k))


def _replace_at(expr, path, new):
    if not path:
        return new
    k, rest = path[0], path[1:]
    child = _replace_at(expr.args[k], rest, new)
    if child is None:
        return None
    args = list(expr.args)
    args[k] = child
    return _rebuild(expr, args)


def mutants(expr) -> list[tuple[str, Any]]:
    """Systematic one-point rewrites of a sympy expression: scale or negate a number, drop
    it to 1, scale a symbol by 2, drop a square root, swap the sign of a summand, and double
    the whole expression.  Rewrites that leave the expression unchanged are dropped."""
    if not isinstance(expr, sp.Basic):
        return []
    found, seen = [], {expr}
    candidates = [("double the whole expression", None, 2 * expr)] if _scalable(expr) else []
    for path, node in _walk(expr):
        for description, replacement in _node_mutants(node):
            candidates.append((description, path, replacement))
    for description, path, replacement in candidates:
        mutant = replacement if path is None else _replace_at(expr, path, replacement)
        if mutant is None or mutant in seen:
            continue
        seen.add(mutant)
        found.append((description, mutant))
    return found


def _scalable(expr) -> bool:
    return isinstance(expr, (sp.Expr, sp.MatrixExpr)) and not isinstance(expr, sp.Set)
