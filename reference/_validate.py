"""Input checking: turn user data into exact rationals, or say precisely why not.

Every public function of :mod:`reference` passes its inputs through here, so
that bad input always raises :class:`ProblemError` (a :class:`ValueError`)
naming the parameter and the offending value, and never a silent wrong answer
or a bare ``ZeroDivisionError``.  This is the one door: after it every number
is a Python ``int`` inside a :class:`Fraction`, so no fixed-width numpy integer
ever reaches the exact arithmetic (where ``np.int8(100) * 100`` would wrap).

Numbers (:func:`to_fraction`):

- ``int``, ``Fraction`` and numpy integers of every width (``int8`` … ``uint64``)
  become ``Fraction(int(value))``; other ``numbers.Rational`` types go through
  ``int(numerator)``, ``int(denominator)``.
- Floats are converted exactly: ``Fraction(0.1)`` is the binary value of 0.1,
  not 1/10.  The same holds for numpy ``float16``, ``float32``, ``float64`` and
  ``longdouble`` (through their exact ``as_integer_ratio``).
- A finite :class:`~decimal.Decimal` is converted exactly, within the size
  limit below; a 0-d array stands for its one element.
- Refused: bools, complex numbers, strings, None, NaN, infinities, and real
  types that cannot be converted exactly (pass an int, float, Fraction or Decimal).

Size limit of decimal numbers (``Decimal`` here, ``"1.5e3"`` and ``"p/q"`` literals
in :func:`lasso_spec.reference.problem.parse_number`): a number is read only if
it is written with at most ``MAX_DIGITS = 10 000`` digits (the significand
d₁…dₖ of d₁…dₖ × 10^e, or each of p and q) and ``|e| ≤ MAX_EXPONENT = 10 000``,
and its exact value p/q in lowest terms has at most 10 000 digits in p and in q,
so that every number accepted prints and reads back exactly.  Beyond it a
ProblemError says so at once, instead of computing ``10**999999999``.

Containers (:func:`as_matrix`, :func:`as_vector`):

- lists, tuples and other ordered sequences; numpy arrays of integer, float or
  object dtype (read element-wise with ``.tolist()``, never with numpy arithmetic);
  ``np.matrix`` and any object with ``__array__`` (read as its array);
  scipy.sparse matrices and arrays of integer or float dtype (read exactly
  through ``.toarray()``; ``coo_matrix`` included); pandas DataFrames column by
  column (each column keeps its own dtype, so int64 next to float64 stays exact;
  MultiIndex column labels are only labels: w[j] belongs to the j-th column) and
  pandas Series.
- a vector (y, w) may also be an (n, 1) column, which is flattened; an
  (n, 2) or (1, n) array is refused.
- refused: dicts and other mappings, sets (no order to read), strings, bool or
  complex arrays, ragged rows, 0-d arrays where a sequence is needed.
"""

import math
import sys
from collections.abc import Mapping, MappingView, Set
from decimal import Decimal
from fractions import Fraction
from numbers import Rational, Real

import numpy as np

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "ProblemError",
    "as_matrix",
    "as_penalty",
    "as_problem",
    "as_vector",
    "check_decimal_size",
    "check_value_size",
    "digit_count",
    "show",
    "to_fraction",
]

#: The most digits a decimal number (Decimal or literal) may have.
MAX_DIGITS = 10_000
#: The largest |e| in d₁…dₖ × 10^e for a decimal number (Decimal or literal).
MAX_EXPONENT = 10_000


class ProblemError(ValueError):
    """The problem given to a reference function is not a valid problem."""


def show(value, limit=80):
    """``repr(value)`` cut to ``limit`` characters (never fails on a 10⁵-digit int)."""
    try:
        text = repr(value)
    except ValueError:  # an int beyond sys.get_int_max_str_digits()
        text = f"<an int of {value.bit_length()} bits>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_fraction(value, name):
    """Return ``value`` as an exact :class:`Fraction` of Python ints.

    >>> to_fraction(0.5, "l1"), to_fraction(np.int8(100), "l1") * 100
    (Fraction(1, 2), Fraction(10000, 1))
    >>> to_fraction(True, "l1")
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: l1 must be a real number, not a bool: True
    """
    if type(value) is Fraction and type(value.numerator) is type(value.denominator) is int:
        return value  # already exact, of Python ints (the common case on a second pass)
    if type(value) is float:  # the common case first: a double is a dyadic rational
        if not math.isfinite(value):
            raise ProblemError(f"{name} must be finite, got {value!r}")
        return Fraction(*value.as_integer_ratio())
    if isinstance(value, (bool, np.bool_)):
        raise ProblemError(f"{name} must be a real number, not a bool: {value!r}")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return to_fraction(value[()], name)
    if isinstance(value, (int, np.integer)):
        return Fraction(int(value))
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            raise ProblemError(f"{name} must be finite, got {value!r}")
        return Fraction(*value.as_integer_ratio())
    if isinstance(value, Decimal):
        return _from_decimal(value, name)
    if isinstance(value, Rational):  # Fraction, and e.g. gmpy2.mpq, sympy.Rational
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, (complex, np.complexfloating)):
        raise ProblemError(f"{name} must be a real number, got complex: {value!r}")
    if isinstance(value, Real):  # e.g. an arbitrary-precision float: float() would round it
        raise ProblemError(
            f"{name}: a {type(value).__name__} cannot be read exactly; pass an int, float, "
            f"Fraction or Decimal, got {show(value)}"
        )
    raise ProblemError(f"{name} must be a real number, got {type(value).__name__}: {show(value)}")


def check_decimal_size(digits, exponent, name, value):
    """Refuse, unread, a number written with more than MAX_DIGITS digits or |e| > MAX_EXPONENT."""
    if digits > MAX_DIGITS or abs(exponent) > MAX_EXPONENT:
        raise ProblemError(
            f"{name} is too large to read exactly: {show(value)} has {digits} digits and "
            f"exponent {exponent}; the limit is {MAX_DIGITS} digits and |exponent| <= "
            f"{MAX_EXPONENT} (pass an exact int or Fraction instead)"
        )


def digit_count(n):
    """The number of decimal digits of the int n (no int-to-str, so no interpreter limit)."""
    return 1 if n == 0 else Decimal(abs(n)).adjusted() + 1


def check_value_size(value, name, written):
    """Refuse a Fraction whose numerator or denominator has more than MAX_DIGITS digits."""
    digits = max(digit_count(value.numerator), digit_count(value.denominator))
    if digits > MAX_DIGITS:
        raise ProblemError(
            f"{name} is too large to read exactly: {show(written)} is p/q with {digits} digits; "
            f"the limit is {MAX_DIGITS} digits (pass an exact int or Fraction instead)"
        )
    return value


def _from_decimal(value, name):
    if not value.is_finite():
        raise ProblemError(f"{name} must be finite, got {value!r}")
    _, digits, exponent = value.as_tuple()
    check_decimal_size(len(digits), exponent, name, value)
    return check_value_size(Fraction(value), name, value)


def as_penalty(value, name):
    """A penalty weight: an exact rational that is at least 0."""
    result = to_fraction(value, name)
    if result < 0:
        raise ProblemError(f"{name} must be >= 0, got {show(value)}")
    return result


def _check_dtype(dtype, name):
    if dtype.kind == "b":
        raise ProblemError(f"{name} must hold real numbers, not bools (dtype {dtype})")
    if dtype.kind not in "iufO":
        raise ProblemError(f"{name} must hold real numbers, got an array of dtype {dtype}")


def _loaded(module, attribute):
    """``module.attribute`` if that module is imported (else the value cannot be one)."""
    return getattr(sys.modules.get(module), attribute, None)


def _as_array(value, name):
    """The ndarray of an array-like (ndarray, np.matrix, Series, sparse, __array__), or None."""
    issparse = _loaded("scipy.sparse", "issparse")
    if issparse is not None and issparse(value):
        _check_dtype(value.dtype, name)
        value = value.toarray()
    series = _loaded("pandas", "Series")
    if series is not None and isinstance(value, series):
        value = value.to_numpy()
    if not isinstance(value, np.ndarray) and not hasattr(value, "__array__"):
        return None
    array = np.asarray(value)
    _check_dtype(array.dtype, name)
    return array


def _frame_rows(frame, name):
    """A DataFrame's rows, read column by column (each column keeps its exact dtype)."""
    columns = []
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j].to_numpy()
        _check_dtype(column.dtype, f"{name} column {j} ({show(frame.columns[j])})")
        columns.append(column.tolist())
    return [list(row) for row in zip(*columns, strict=True)] if columns else [[]] * len(frame)


def _elements(value, name, ndims):
    """The entries of a container one level deep, as a list (arrays read with .tolist())."""
    if isinstance(value, (Mapping, Set, MappingView)):
        raise ProblemError(
            f"{name} must be a sequence of numbers, not a {type(value).__name__} "
            "(it has no order to read the data in); pass a list or an array"
        )
    frame = _loaded("pandas", "DataFrame")
    if frame is not None and isinstance(value, frame):
        return _frame_rows(value, name)
    array = _as_array(value, name)
    if array is not None:
        if array.ndim not in ndims:
            expected = " or ".join(f"{d}-d" for d in ndims)
            raise ProblemError(f"{name} must be a {expected} array, got shape {array.shape}")
        return array.tolist()
    if isinstance(value, (str, bytes, bytearray)) or not hasattr(value, "__len__"):
        raise ProblemError(f"{name} must be a sequence of numbers, got {show(value)}")
    return list(value)


def _is_row(value):
    return isinstance(value, (list, tuple, np.ndarray))


def as_vector(values, name, length):
    """A sequence of exactly ``length`` exact rationals (an (n, 1) column is flattened)."""
    items = _elements(values, name, ndims=(1, 2))
    if items and all(_is_row(v) for v in items):  # a column: [[y₀], [y₁], …]
        for i, v in enumerate(items):
            if len(v) != 1:
                raise ProblemError(
                    f"{name} must be a vector or an (n, 1) column, but {name}[{i}] has "
                    f"{len(v)} entries"
                )
        items = [v[0] for v in items]
    if len(items) != length:
        raise ProblemError(f"{name} must have length {length}, got length {len(items)}")
    return _converted(items, name)


def _converted(entries, name):
    """[to_fraction(v) for v in entries]; on a bad entry, the error names it as name[j].

    The names are built only when one is needed (formatting 10⁶ of them costs seconds).
    """
    try:
        return [to_fraction(v, name) for v in entries]
    except ProblemError:
        return [to_fraction(v, f"{name}[{j}]") for j, v in enumerate(entries)]


def as_matrix(rows, name="X"):
    """A non-empty rectangular matrix of exact rationals, as a list of rows."""
    row_list = _elements(rows, name, ndims=(2,))
    if not row_list:
        raise ProblemError(f"{name} must have at least one row")
    matrix = []
    for i, row in enumerate(row_list):
        entries = _elements(row, f"{name}[{i}]", ndims=(1,))
        if matrix and len(entries) != len(matrix[0]):
            raise ProblemError(
                f"{name} is ragged: row 0 has {len(matrix[0])} entries, "
                f"row {i} has {len(entries)}"
            )
        matrix.append(_converted(entries, f"{name}[{i}]"))
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
