"""A problem (X, y, λ₁, λ₂) held exactly, printed ready to paste, and read from JSON.

Numbers travel as JSON numbers or as exact strings ``"p/q"`` (also ``"-3"``,
``"0.25"``, ``"1.5e-3"``); a float is read exactly (``0.1`` is the binary value).
The ``repr`` of a Problem is a Python expression that rebuilds it exactly, so a
failing hypothesis example can be pasted straight into a test.

Size limit of number literals: as for Decimals (:mod:`._validate`), a literal is
read only if it is written with at most ``MAX_DIGITS = 10 000`` digits (the
significand d₁…dₖ of a decimal d₁…dₖ × 10^e, or each of p and q in ``"p/q"``),
``|e| ≤ MAX_EXPONENT = 10 000``, and its exact value p/q in lowest terms has at
most 10 000 digits in p and in q — so every number accepted prints with
:func:`format_number` and reads back exactly.  Beyond that, ``parse_number`` and
``Problem.from_json`` raise a ProblemError at once (``"1e999999999"`` would
otherwise compute 10⁹⁹⁹⁹⁹⁹⁹⁹⁹), and :func:`loads` applies the same limit to JSON
integers.  None of this depends on Python's ``sys.get_int_max_str_digits()``:
digits are converted through :class:`~decimal.Decimal`, which has no such limit.
"""

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ._validate import (
    MAX_DIGITS,
    MAX_EXPONENT,
    ProblemError,
    as_problem,
    check_decimal_size,
    show,
    to_fraction,
)

__all__ = ["Problem", "format_number", "loads", "parse_number"]

_DIGITS = r"\d+(?:_\d+)*"
_LITERAL = re.compile(
    rf"\s*(?P<sign>[-+]?)(?:(?P<num>{_DIGITS})\s*/\s*(?P<den>{_DIGITS})"
    rf"|(?P<int>(?:{_DIGITS})?)(?:\.(?P<frac>(?:{_DIGITS})?))?(?:[eE](?P<exp>[-+]?{_DIGITS}))?)\s*",
    re.ASCII,
)


def _integer(digits, name, text):
    """The int of a digit string, within MAX_DIGITS (exact, whatever the int-string limit)."""
    digits = digits.replace("_", "")
    check_decimal_size(len(digits), 0, name, text)
    return int(Decimal(digits))


def parse_number(value, name):
    """An exact rational from a JSON number or a "p/q" or decimal string (size-limited).

    >>> parse_number("-3/4", "l1"), parse_number(0.5, "l1"), parse_number("1.5e-3", "l1")
    (Fraction(-3, 4), Fraction(1, 2), Fraction(3, 2000))
    >>> parse_number("one", "l1")
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: l1 must be a number or a "p/q" string, got 'one'
    """
    if not isinstance(value, str):
        return to_fraction(value, name)
    match = _LITERAL.fullmatch(value)
    if match is None or not (match["num"] or match["int"] or match["frac"]):
        raise ProblemError(f'{name} must be a number or a "p/q" string, got {show(value)}')
    sign = -1 if match["sign"] == "-" else 1
    if match["num"] is not None:
        denominator = _integer(match["den"], name, value)
        if denominator == 0:
            raise ProblemError(
                f'{name} must be a number or a "p/q" string with q > 0, got {show(value)}'
            )
        return Fraction(sign * _integer(match["num"], name, value), denominator)
    whole, frac = (match["int"] or "").replace("_", ""), (match["frac"] or "").replace("_", "")
    written = (match["exp"] or "0").replace("_", "")
    if len(written.lstrip("+-").lstrip("0")) > len(str(MAX_EXPONENT + MAX_DIGITS)):
        raise ProblemError(  # |exponent| > MAX_EXPONENT + MAX_DIGITS: refused unread
            f"{name} is too large to read exactly: {show(value)} has an exponent of "
            f"{len(written)} digits; the limit is |exponent| <= {MAX_EXPONENT}"
        )
    exponent = int(written) - len(frac)
    check_decimal_size(len(whole + frac), exponent, name, value)
    return sign * to_fraction(Decimal(f"{whole}{frac}e{exponent}"), name)


def format_number(value):
    """The exact "p/q" (or "p") string of a rational (any number of digits).

    >>> format_number(Fraction(-3, 4)), format_number(2)
    ('-3/4', '2')
    """
    value = to_fraction(value, "value")
    text = _int_text(value.numerator)
    return text if value.denominator == 1 else f"{text}/{_int_text(value.denominator)}"


def _int_text(n):
    try:
        return str(n)
    except ValueError:  # beyond sys.get_int_max_str_digits(); Decimal(int) is exact, no limit
        return str(Decimal(n))


def _json_int(text):
    return _integer(text.lstrip("-"), "a JSON integer", text) * (-1 if text[0] == "-" else 1)


def loads(text):
    """Parse JSON text; integers are size-limited like literals, bad JSON is a ProblemError.

    >>> loads('{"l1": 1, "y": [0.5]}')
    {'l1': 1, 'y': [0.5]}
    >>> loads("1" * 10_001)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: a JSON integer is too large to read exactly: ...
    """
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise ProblemError(str(error)) from None
    except RecursionError:
        raise ProblemError("the JSON is nested too deeply to read") from None


def _parse_rows(rows, name):
    if not isinstance(rows, list):
        raise ProblemError(f"{name} must be a list, got {show(rows)}")
    return [
        [parse_number(v, f"{name}[{i}][{j}]") for j, v in enumerate(row)]
        if isinstance(row, list)
        else parse_number(row, f"{name}[{i}]")
        for i, row in enumerate(rows)
    ]


#: The option keys of a problem (spec OPTIONS-OBJECTIVE), all optional: absent is the default.
OPTION_KEYS = ("fit_intercept", "sample_weight", "positive", "penalty_factor")


@dataclass(frozen=True)
class Problem:
    """min_w ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂², with every number an exact Fraction.

    With the options (spec OPTIONS-OBJECTIVE; :mod:`.options`) it is the family
    min ½Σsᵢ(yᵢ − b − xᵢᵀw)² + l1Σvⱼ|wⱼ| + l2Σvⱼwⱼ² (w ≥ 0 if ``positive``).  Options equal
    to the defaults are stored as the defaults (None, False), so such a problem is equal
    to, and prints as, the canonical one.
    """

    X: tuple
    y: tuple
    l1: Fraction
    l2: Fraction = Fraction(0)
    fit_intercept: bool = False
    sample_weight: tuple | None = None
    positive: bool = False
    penalty_factor: tuple | None = None

    def __post_init__(self):
        from .options import as_options

        X, y, l1, l2 = as_problem(self.X, self.y, self.l1, self.l2)
        object.__setattr__(self, "X", tuple(tuple(row) for row in X))
        object.__setattr__(self, "y", tuple(y))
        object.__setattr__(self, "l1", l1)
        object.__setattr__(self, "l2", l2)
        options = as_options(X, **{key: getattr(self, key) for key in OPTION_KEYS})
        one = Fraction(1)
        weights, factors = options.sample_weight, options.penalty_factor
        object.__setattr__(self, "fit_intercept", options.fit_intercept)
        object.__setattr__(self, "positive", options.positive)
        object.__setattr__(self, "sample_weight",
                           None if weights is None or all(s == one for s in weights)
                           else tuple(weights))
        object.__setattr__(self, "penalty_factor",
                           None if factors is None or all(v == one for v in factors)
                           else tuple(factors))

    @property
    def options(self):
        """The non-default options as keyword arguments of the reference's functions."""
        return {key: getattr(self, key) for key in OPTION_KEYS
                if getattr(self, key) not in (None, False)}

    @property
    def shape(self):
        return len(self.X), len(self.X[0])

    @classmethod
    def from_json(cls, data):
        """Build from a dict with keys X, y, l1 and optionally l2 (numbers or "p/q")."""
        if not isinstance(data, dict):
            raise ProblemError(f"a problem must be a JSON object, got {show(data)}")
        unknown = set(data) - {"X", "y", "l1", "l2", *OPTION_KEYS}
        missing = {"X", "y", "l1"} - set(data)
        if unknown or missing:
            raise ProblemError(
                f"a problem has keys X, y, l1 and optionally l2, {', '.join(OPTION_KEYS)}; "
                f"missing {sorted(missing)}, unknown {sorted(unknown)}"
            )
        if isinstance(data["y"], list) and any(isinstance(v, list) for v in data["y"]):
            # The Python API flattens an (n, 1) array; the JSON format (the process
            # protocol and the vectors) has exactly one spelling of a vector.
            raise ProblemError("y must be a flat JSON list of numbers, not a column matrix "
                               f"[[...], ...]: got {show(data['y'])}")
        options = {}
        for key in ("fit_intercept", "positive"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise ProblemError(f"{key} must be true or false, got {show(data[key])}")
                options[key] = data[key]
        for key in ("sample_weight", "penalty_factor"):
            if data.get(key) is not None:
                if isinstance(data[key], list) and any(isinstance(v, list) for v in data[key]):
                    raise ProblemError(f"{key} must be a flat JSON list of numbers, got "
                                       f"{show(data[key])}")
                options[key] = _parse_rows(data[key], key)
        return cls(
            X=_parse_rows(data["X"], "X"),
            y=_parse_rows(data["y"], "y"),
            l1=parse_number(data["l1"], "l1"),
            l2=parse_number(data.get("l2", 0), "l2"),
            **options,
        )

    def to_json(self):
        """A dict of exact "p/q" strings (the inverse of ``from_json``)."""
        return {
            "X": [[format_number(v) for v in row] for row in self.X],
            "y": [format_number(v) for v in self.y],
            "l1": format_number(self.l1),
            "l2": format_number(self.l2),
            **{
                key: value if isinstance(value, bool) else [format_number(v) for v in value]
                for key, value in self.options.items()
            },
        }

    def __repr__(self):
        data = self.to_json()
        return f"Problem.from_json({data!r})"
