"""The implementation's answer, read exactly: p finite real numbers, as Fractions.

A correct answer is accepted in any of the forms an implementation naturally
returns: a list or tuple; a 1-d numpy array of any integer or float dtype
(``int8`` … ``uint64``, ``float16`` … ``longdouble``) or of object dtype; any
array-like with ``__array__`` (a pandas Series, a tensor); entries that are
Python ints, floats, Fractions, Decimals or numpy scalars of any width.  Every
entry becomes a :class:`Fraction` of Python ints through the reference's one
door (:func:`lasso_spec.reference._validate.to_fraction`), so nothing after
this point ever computes with a fixed-width numpy integer or a numpy bool.

An answer that is not p finite real numbers (wrong shape or length, NaN, inf,
a bool, a string, a mapping or set, an object that fails when read) is a
verdict on the implementation: :class:`AnswerError`, whose message starts with
"returned ...".
"""

from collections.abc import Mapping, MappingView, Set
from decimal import Decimal
from fractions import Fraction
from numbers import Real

import numpy as np

from lasso_spec.reference import ProblemError
from lasso_spec.reference._validate import show, to_fraction

__all__ = ["AnswerError", "as_answer"]


class AnswerError(ValueError):
    """The implementation's answer is not p finite real numbers."""


def as_answer(returned, p) -> list[Fraction]:
    """The answer as a list of p exact Fractions, or AnswerError saying what is wrong.

    >>> as_answer(np.array([1, -2], dtype=np.int8), 2)
    [Fraction(1, 1), Fraction(-2, 1)]
    >>> as_answer([0.5, float("nan")], 2)
    Traceback (most recent call last):
      ...
    lasso_spec.conformance.answers.AnswerError: returned w[1] = nan (float): not finite
    """
    items = _entries(returned, p)
    if len(items) != p:
        raise AnswerError(f"returned {len(items)} coefficients; the problem has p = {p}")
    return [_entry(v, j) for j, v in enumerate(items)]


def _entries(returned, p):
    """The entries of the answer as a list (an array read with .tolist())."""
    unordered = isinstance(returned, (Mapping, Set, MappingView))
    if unordered or isinstance(returned, (str, bytes, bytearray)) or returned is None:
        raise AnswerError(
            f"returned {type(returned).__name__} {show(returned)}; expected {p} numbers"
        )
    if isinstance(returned, np.ndarray) or hasattr(returned, "__array__"):
        return _array_entries(returned, p)
    if not hasattr(returned, "__iter__"):
        raise AnswerError(
            f"returned {type(returned).__name__} {show(returned)}; expected {p} numbers"
        )
    try:
        return list(returned)
    except Exception as error:  # the implementation's object fails when read
        raise AnswerError(
            f"returned a {type(returned).__name__} that fails when read: {error!r}"
        ) from None


def _array_entries(returned, p):
    try:
        array = np.asarray(returned)
    except Exception as error:  # the implementation's object fails when read
        raise AnswerError(
            f"returned a {type(returned).__name__} that is not readable as an array: {error!r}"
        ) from None
    if array.ndim != 1:
        raise AnswerError(f"returned an array of shape {array.shape}; expected shape ({p},)")
    if array.dtype.kind not in "iufO":
        raise AnswerError(f"returned an array of dtype {array.dtype}; expected {p} real numbers")
    return array.tolist()


def _entry(value, j):
    try:
        return to_fraction(value, f"w[{j}]")
    except ProblemError:
        raise AnswerError(
            f"returned w[{j}] = {show(value)} ({type(value).__name__}): {_why(value)}"
        ) from None


def _why(value):
    """Why to_fraction refused an entry, in the words of a verdict."""
    if isinstance(value, (bool, np.bool_)):
        return "a bool, not a number"
    if isinstance(value, Decimal):
        return "a Decimal too large to read exactly" if value.is_finite() else "not finite"
    if isinstance(value, (float, np.floating)):  # the only float it refuses: NaN, ±inf
        return "not finite"
    if isinstance(value, Real):
        return "a real type that cannot be read exactly (return floats or Fractions)"
    return "not a real number"
