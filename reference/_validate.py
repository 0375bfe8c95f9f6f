"""Input checking: turn user data into exact rationals, or say precisely why not.

Every public function of :mod:`reference` passes its inputs through here, so
that bad input always raises :class:`ProblemError` (a :class:`ValueError`)
naming the parameter and the offending value, and never a silent wrong answer
or a bare ``ZeroDivisionError``.

Floats are converted exactly: ``Fraction(0.1)`` is the binary value of 0.1,
not 1/10.
"""

from fractions import Fraction
from numbers import Rational, Real

import numpy as np

__all__ = ["ProblemError", "as_matrix", "as_penalty", "as_problem", "as_vector", "to_fraction"]


class ProblemError(ValueError):
    """The problem given to a reference function is not a valid problem."""


def to_fraction(value, name):
    """Return ``value`` as an exact :class:`Fraction`.

    Accepts ints, Fractions, floats (converted exactly) and numpy scalars
    (numpy integers register as ``numbers.Integral``, hence ``Rational``);
    rejects booleans, complex numbers, strings, NaN and infinities.

    >>> to_fraction(0.5, "l1")
    Fraction(1, 2)
    >>> to_fraction(True, "l1")
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: l1 must be a real number, not a bool: True
    """
    if isinstance(value, (bool, np.bool_)):
        raise ProblemError(f"{name} must be a real number, not a bool: {value!r}")
    if isinstance(value, Rational):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, Real):  # floats, numpy floats
        as_float = float(value)
        if as_float != as_float or as_float in (float("inf"), float("-inf")):
            raise ProblemError(f"{name} must be finite, got {value!r}")
        return Fraction(as_float)
    raise ProblemError(f"{name} must be a real number, got {type(value).__name__}: {value!r}")


def as_penalty(value, name):
    """A penalty weight: an exact rational that is at least 0."""
    result = to_fraction(value, name)
    if result < 0:
        raise ProblemError(f"{name} must be >= 0, got {value!r}")
    return result


def _as_sequence(value, name):
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise ProblemError(f"{name} must be a sequence of numbers, got {value!r}")
    return list(value)


def as_vector(values, name, length):
    """A sequence of exactly ``length`` exact rationals."""
    items = _as_sequence(values, name)
    if len(items) != length:
        raise ProblemError(f"{name} must have length {length}, got length {len(items)}")
    return [to_fraction(v, f"{name}[{i}]") for i, v in enumerate(items)]


def as_matrix(rows, name="X"):
    """A non-empty rectangular matrix of exact rationals, as a list of rows."""
    row_list = _as_sequence(rows, name)
    if not row_list:
        raise ProblemError(f"{name} must have at least one row")
    matrix = []
    for i, row in enumerate(row_list):
        entries = _as_sequence(row, f"{name}[{i}]")
        if len(entries) != len(_as_sequence(row_list[0], f"{name}[0]")):
            raise ProblemError(
                f"{name} is ragged: row 0 has {len(row_list[0])} entries, "
                f"row {i} has {len(entries)}"
            )
        matrix.append([to_fraction(v, f"{name}[{i}][{j}]") for j, v in enumerate(entries)])
    if not matrix[0]:
        raise ProblemError(f"{name} must have at least one column")
    return matrix


def as_problem(X, y, l1, l2):
    """Check and convert a whole problem (X, y, λ₁, λ₂) to exact rationals.

    >>> as_problem([[1, 2]], [3, 4], 1, 0)
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: y must have length 1, got length 2
    """
    X = as_matrix(X, "X")
    y = as_vector(y, "y", length=len(X))
    return X, y, as_penalty(l1, "l1"), as_penalty(l2, "l2")
