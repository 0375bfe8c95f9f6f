"""The options of the objective family, checked at the door and reduced to one quadratic form.

Every solver of :mod:`reference` takes the keyword options ``fit_intercept=False,
sample_weight=None, positive=False, penalty_factor=None`` and minimises (spec
OPTIONS-OBJECTIVE)::

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   subject to w ≥ 0 if positive

- sᵢ ≥ 0 sample weights, not all 0 (default 1);
- b an unpenalised intercept, present only when ``fit_intercept=True`` (else b = 0);
- vⱼ ≥ 0 penalty factors (default 1); vⱼ = 0 is an unpenalised feature: neither L1 nor L2;
- ``positive=True`` constrains w ≥ 0, never b.

The defaults are the canonical problem (spec OBJECTIVE).  Options that equal the
defaults (every sᵢ = 1, every vⱼ = 1, no intercept, no constraint) are the defaults:
:attr:`Options.default` is decided by value, so ``sample_weight=[1, 1, 1]`` gives
exactly the results of ``sample_weight=None``.

**The reduction** (spec OPTIONS-INTERCEPT-CENTRING).  The intercept is one more column
of ones, with v = 0 and no sign constraint: with X' = [X 1] (or X' = X), w' = (w, b),
S = diag(s) and V' = diag(v, 0),

    F = ½ yᵀSy − cᵀw' + ½ w'ᵀGw' + λ₁ Σⱼ v'ⱼ|w'ⱼ|,   G = X'ᵀSX' + 2λ₂V',  c = X'ᵀSy,

so the solvers see only the rational G and c: no square root of a weight appears.
Minimising over b first gives b = ȳ − x̄ᵀw with the weighted means x̄ = Σsᵢxᵢ/Σsᵢ and
ȳ = Σsᵢyᵢ/Σsᵢ, and leaves the same problem in w on the weighted-centred data
x̃ᵢ = xᵢ − x̄, ỹᵢ = yᵢ − ȳ (tests/test_options_reference.py checks both agree exactly).
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ._exact import _integers
from ._validate import ProblemError, as_vector, show, to_fraction

__all__ = ["Options", "Quadratic", "as_intercept", "as_options", "quadratic"]


@dataclass(frozen=True)
class Options:
    """The options, exact: weights and factors are tuples of Fractions, or None for all 1."""

    fit_intercept: bool = False
    sample_weight: tuple | None = None
    positive: bool = False
    penalty_factor: tuple | None = None

    @property
    def default(self):
        """Whether this is the canonical problem (spec OBJECTIVE)."""
        return (
            not (self.fit_intercept or self.positive)
            and self.sample_weight is None
            and (self.penalty_factor is None)
        )

    def weights(self, n):
        """s: the n sample weights."""
        return self.sample_weight or (Fraction(1),) * n

    def factors(self, p):
        """v: the p penalty factors."""
        return self.penalty_factor or (Fraction(1),) * p

    def keywords(self):
        """The options as the keyword arguments of the public functions."""
        return {
            "fit_intercept": self.fit_intercept,
            "sample_weight": self.sample_weight,
            "positive": self.positive,
            "penalty_factor": self.penalty_factor,
        }


def _as_bool(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise ProblemError(
            f"{name} must be True or False, got {type(value).__name__}: {show(value)}"
        )
    return bool(value)


def _nonnegative_vector(values, name, length):
    """A vector of exact rationals ≥ 0, or None when it is all ones (the default)."""
    if values is None:
        return None
    vector = as_vector(values, name, length)
    for i, value in enumerate(vector):
        if value < 0:
            raise ProblemError(f"{name}[{i}] must be >= 0, got {show(value)}")
    return None if all(value == 1 for value in vector) else tuple(vector)


def as_options(X, *, fit_intercept, sample_weight, positive, penalty_factor):
    """Check the options against the (already converted) design X and convert them exactly.

    >>> as_options([[1], [2]], fit_intercept=False, sample_weight=[0, 0], positive=False,
    ...            penalty_factor=None)
    Traceback (most recent call last):
      ...
    lasso_spec.reference._validate.ProblemError: sample_weight must not be all zero, got [0, 0]
    """
    n, p = len(X), len(X[0])
    weights = _nonnegative_vector(sample_weight, "sample_weight", n)
    if weights is not None and not any(weights):
        raise ProblemError(f"sample_weight must not be all zero, got {show(sample_weight)}")
    return Options(
        fit_intercept=_as_bool(fit_intercept, "fit_intercept"),
        sample_weight=weights,
        positive=_as_bool(positive, "positive"),
        penalty_factor=_nonnegative_vector(penalty_factor, "penalty_factor", p),
    )


def as_intercept(intercept, options):
    """The candidate's intercept b: required with fit_intercept=True, refused without it."""
    if not options.fit_intercept:
        if intercept is not None:
            raise ProblemError(
                f"intercept was given ({show(intercept)}) but fit_intercept=False: the "
                "problem has no intercept (pass fit_intercept=True)"
            )
        return None
    if intercept is None:
        raise ProblemError("intercept is required when fit_intercept=True (pass intercept=b)")
    return to_fraction(intercept, "intercept")


@dataclass(frozen=True)
class Quadratic:
    """½yᵀSy − cᵀw' + ½w'ᵀGw' + λ₁Σⱼ vⱼ|w'ⱼ|, with w'ⱼ ≥ 0 where ``nonneg[j]``.

    w' = (w, b): the p features, then the intercept when ``intercept`` is True
    (v = 0 and no sign constraint there).  G, c, v hold Fractions.
    """

    G: tuple
    c: tuple
    v: tuple
    nonneg: tuple
    p: int
    intercept: bool

    def restricted(self, indices, v):
        """The same quadratic on the coordinates ``indices`` only, with L1 factors ``v``."""
        return Quadratic(
            G=tuple(tuple(self.G[i][k] for k in indices) for i in indices),
            c=tuple(self.c[i] for i in indices),
            v=tuple(v),
            nonneg=tuple(self.nonneg[i] for i in indices),
            p=len(indices),
            intercept=False,
        )


def quadratic(X, y, l2, options):
    """G = X'ᵀSX' + 2λ₂V' and c = X'ᵀSy of the reduction, computed on integers.

    >>> q = quadratic([[1], [2]], [3, 4], 1, Options(fit_intercept=True, sample_weight=(1, 3)))
    >>> [[str(g) for g in row] for row in q.G], [str(cj) for cj in q.c], q.v, q.nonneg
    ([['15', '7'], ['7', '4']], ['27', '15'], (Fraction(1, 1), Fraction(0, 1)), (False, False))
    """
    n, p = len(X), len(X[0])
    rows = [[*row, 1] for row in X] if options.fit_intercept else X
    Xi, K = _integers(rows)
    (si,), L = _integers([options.weights(n)])
    (yi,), M = _integers([y])
    weighted = [[s * a for a in row] for s, row in zip(si, Xi, strict=True)]  # K·L·SX'
    columns, weighted_columns = list(zip(*Xi, strict=True)), list(zip(*weighted, strict=True))
    v = options.factors(p) + ((Fraction(0),) if options.fit_intercept else ())
    G = [
        [Fraction(sum(a * b for a, b in zip(u, x, strict=True)), K * K * L) for x in columns]
        for u in weighted_columns
    ]
    for j, vj in enumerate(v):
        G[j][j] += 2 * l2 * vj
    c = [
        Fraction(sum(a * b for a, b in zip(u, yi, strict=True)), K * L * M)
        for u in weighted_columns
    ]
    return Quadratic(
        G=tuple(map(tuple, G)),
        c=tuple(c),
        v=tuple(v),
        nonneg=(options.positive,) * p + ((False,) if options.fit_intercept else ()),
        p=p,
        intercept=options.fit_intercept,
    )
