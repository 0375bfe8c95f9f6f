"""The worker's answers as plain data: what a solver returned, type and all, without pickle.

``encode`` (in the worker) describes a value as JSON-ready data; ``decode`` (in the
judge) rebuilds it from that data alone, so the verdict on the decoded answer is the
verdict on the original while nothing the worker sends can run code in the judge
(unpickling would).  JSON lists, numbers, strings, booleans and null stand for
themselves; tagged one-key objects for an ndarray (dtype, shape, data), a numpy
scalar, a Fraction, a Decimal, a complex, an int of 2⁶³ or more (hex), a dict, and
anything else as an opaque stand-in carrying the original type name and repr.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

#: Nesting depth of a returned value beyond which it is sent as an opaque stand-in.
MAX_DEPTH = 8
_BIG = 2**63  # ints at least this large travel as hex strings
_MAX_HEX = 100_000


def encode(value, depth=0):
    """A JSON-ready description of ``value`` (module doc); runs in the worker."""
    import numpy as np

    if value is None or isinstance(value, (bool, str, float)):
        return value
    if isinstance(value, int):
        return value if abs(value) < _BIG else {"int": format(value, "x")}
    if depth >= MAX_DEPTH:
        return opaque(value, f"nested more than {MAX_DEPTH} deep")
    if isinstance(value, np.ndarray):
        numeric = value.dtype.kind in "biufc"  # else an object array of encoded elements
        data = encode(value.tolist(), depth + 1) if numeric else [
            encode(v, depth + 1) for v in value.ravel().tolist()]
        return {"ndarray": {"dtype": value.dtype.str, "shape": list(value.shape), "data": data,
                            "object": not numeric}}
    if isinstance(value, np.generic):
        return {"numpy": {"dtype": value.dtype.str, "value": encode(value.item(), depth + 1)}}
    if isinstance(value, Fraction):
        return {"fraction": [encode(value.numerator), encode(value.denominator)]}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, complex):
        return {"complex": [value.real, value.imag]}
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {"dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    return opaque(value)


def opaque(value, why=""):
    try:
        text = repr(value)
    except Exception as error:  # a broken __repr__ is described, not raised
        text = f"<unrepresentable {type(value).__name__}: {type(error).__name__}>"
    return {"opaque": {"type": type(value).__name__, "repr": text[:300], "why": why}}


def decode(value):
    """The value ``encode`` described, rebuilt from plain data only; runs in the judge."""
    import numpy as np

    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    ((tag, body),) = value.items()
    if tag == "int":
        if not isinstance(body, str) or len(body) > _MAX_HEX:
            raise ValueError("an integer of more than 100000 hex digits")
        return int(body, 16)
    if tag == "ndarray":
        if body["object"]:
            flat = np.empty(len(body["data"]), dtype=object)
            flat[:] = [decode(v) for v in body["data"]]
            return flat.reshape(body["shape"])
        return np.array(decode(body["data"]), dtype=np.dtype(body["dtype"])).reshape(body["shape"])
    if tag == "numpy":
        return np.dtype(body["dtype"]).type(decode(body["value"]))
    if tag == "fraction":
        return Fraction(decode(body[0]), decode(body[1]))
    if tag == "decimal":
        return Decimal(body)
    if tag == "complex":
        return complex(*body)
    if tag == "dict":
        return {_hashable(decode(k)): decode(v) for k, v in body}
    if tag == "opaque":
        why = f" ({body['why']})" if body.get("why") else ""
        stand_in = type(str(body["type"]), (), {"__repr__": lambda self: body["repr"] + why})
        return stand_in()
    raise ValueError(f"unknown tag {tag!r}")


def _hashable(key):
    return tuple(key) if isinstance(key, list) else key
