"""R glmnet executed at the mapped parameters (issues 10 and 13).

The glmnet clauses were executed through python-glmnet 2.2.1 (tests/test_conventions_executed.py,
tests/test_spec_options_executed.py); this file runs R's glmnet itself, through ``Rscript``,
at the parameters CONVENTION-GLMNET, CONVENTION-GLMNET-WEIGHTS and
CONVENTION-GLMNET-PENALTY-FACTOR render, and compares each fit with the exact minimiser
(``reference.solve`` on the same doubles, converted exactly).  R glmnet 4.1-6 (Debian's
r-cran-glmnet; its src/ is that of 4.1-8, which the clauses cite) agrees with every mapping
but one: without an intercept its s_y is ‖√(s/W)·y‖, the root mean square of y about 0, not
python-glmnet's sd about the mean (standardize.hpp line 46), which matters for λ₂ > 0.  The
other differences from python-glmnet are findings below: R fits a constant y without an
intercept (python-glmnet returns 0), stops with an error for a constant y with one, and
refuses a one-column x.

Data go to R exactly (hexadecimal floats, C99 ``%a``, which R parses) and the coefficients
come back exactly (R's ``sprintf("%a")``).

Tolerance.  glmnet is coordinate descent: it stops after a sweep in which every coordinate
moved by Δ_j with xv_j·Δ_j² < thresh, in its internal units (weights divided by their sum,
y divided by s_y, so the scaled data term is O(1)).  At thresh = 10⁻²⁸ the last steps are
below 10⁻¹⁴ (relative to the O(1) scaled coefficients).  CD converges linearly here, with
some rate ρ < 1 per sweep, so the distance to the minimiser is about the last step times
ρ/(1 − ρ): the slowest problem here needs ~400 sweeps (ρ ≈ 0.93, from its sweep counts at
thresh 10⁻²⁰ and 10⁻²⁸), so ~10⁻¹³; observed ≤ 3·10⁻¹³ relative.  (At thresh = 10⁻²⁰ the
same problems are off by up to 3·10⁻⁹, hence 10⁻²⁸.)  TOL = 10⁻¹⁰ relative to max(1, ‖w*‖∞,
|b*|) allows 1/(1 − ρ) up to 10⁴ above the float64 floor (10⁻¹⁵); a slip must be off by
more than 100·TOL, and each one below is off by ≥ 2·10⁻⁴.

Runs in ``tox -e conventions-r`` (which sets LASSO_CONVENTIONS_R=1), like the peers'
executed conventions in ``tox -e conventions-executed``: the default test run skips it, with
that reason, so that a machine with R does not spend ~40 s of ``tox`` on it.  It also skips,
with the reason, when Rscript or the glmnet package is missing (Debian/Ubuntu:
``apt-get install r-cran-glmnet``).
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache

import numpy as np
import pytest
import sympy as sp

from lasso_spec.reference import solve
from lasso_spec.spec import conventions, conventions_glmnet, lambda_max, optimality, options_lambda
from lasso_spec.spec import options_exact as O
from lasso_spec.spec.clauses import BY_ID
from lasso_spec.spec.formula import q
from lasso_spec.spec.options_conventions import SV, W, l1, l2, p, s_y
from lasso_spec.spec.options_library import glmnet_penalty_factor

TOL = Fraction(1, 10**10)
THRESH = 1e-28
R_VERSION = "4.1.6"  # the version this file's findings were recorded with

# ----------------------------------------------------------------------------- running R

R_FUNCTIONS = r"""
suppressMessages(library(glmnet))
h <- function(v) paste(sprintf("%a", v), collapse = " ")
one <- function(id, x, y, w, v, alpha, lambda, intercept, lower, type) {
  warns <- character(0)
  out <- tryCatch(withCallingHandlers({
      f <- if (is.null(lambda))
        glmnet(x, y, family = "gaussian", weights = w, alpha = alpha, nlambda = 5,
               standardize = FALSE, intercept = intercept, penalty.factor = v,
               lower.limits = lower, thresh = THRESH, maxit = MAXIT, type.gaussian = type)
      else
        glmnet(x, y, family = "gaussian", weights = w, alpha = alpha, lambda = lambda,
               standardize = FALSE, intercept = intercept, penalty.factor = v,
               lower.limits = lower, thresh = THRESH, maxit = MAXIT, type.gaussian = type)
      paste("OK", h(f$lambda[1]), h(f$a0[1]), h(as.numeric(as.matrix(f$beta)[, 1])))
    }, warning = function(w) {
      warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) paste("ERROR", gsub("[\r\n]", " ", conditionMessage(e))))
  cat(id, out, paste(gsub("[\r\n\t]", " ", warns), collapse = "; "), "\n", sep = "\t")
}
"""


@cache
def _r_unavailable() -> str | None:
    """None when asked for, Rscript runs and library(glmnet) loads; else the reason."""
    if os.environ.get("LASSO_CONVENTIONS_R") != "1":
        return "R glmnet is executed by `tox -e conventions-r` (LASSO_CONVENTIONS_R=1)"
    if shutil.which("Rscript") is None:
        return "Rscript is not on PATH (Debian/Ubuntu: apt-get install r-cran-glmnet)"
    code = 'suppressMessages(library(glmnet)); cat(format(packageVersion("glmnet")))'
    probe = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, timeout=120)
    if probe.returncode:
        return f"R's glmnet package does not load: {probe.stderr.strip()[-300:]}"
    return None


@pytest.fixture(scope="module", autouse=True)
def _needs_r_glmnet():
    reason = _r_unavailable()
    if reason:
        pytest.skip(reason)


def _hex(values) -> str:
    return "c(" + ", ".join(float(v).hex() for v in np.ravel(values)) + ")"


@dataclass(frozen=True)
class Call:
    """One glmnet(x, y, ...) call; ``lam = None`` asks for glmnet's own path (λ[1] = λ_max)."""

    X: np.ndarray
    y: np.ndarray
    s: np.ndarray
    v: np.ndarray
    alpha: float
    lam: float | None
    intercept: bool
    positive: bool
    type: str = "covariance"

    def r(self, i: int) -> str:
        n, pp = self.X.shape
        return (
            f"one({i}, matrix({_hex(self.X)}, nrow = {n}, ncol = {pp}, byrow = TRUE), "
            f"{_hex(self.y)}, {_hex(self.s)}, {_hex(self.v)}, {float(self.alpha).hex()}, "
            f"{'NULL' if self.lam is None else float(self.lam).hex()}, "
            f"{'TRUE' if self.intercept else 'FALSE'}, {'0' if self.positive else '-Inf'}, "
            f'"{self.type}")'
        )


@dataclass
class Result:
    error: str | None = None
    lambda1: float = math.nan
    b: float = math.nan
    w: tuple = ()
    warnings: str = ""


def run_r(calls: list[Call]) -> list[Result]:
    """All calls in one Rscript process, results in order."""
    script = R_FUNCTIONS.replace("THRESH", repr(THRESH)).replace("MAXIT", "10000000")
    script += "\n".join(c.r(i) for i, c in enumerate(calls)) + "\n"
    done = subprocess.run(
        ["Rscript", "-"], input=script, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    results = [Result() for _ in calls]
    for line in done.stdout.splitlines():
        i, body, warns, _ = line.split("\t")
        res = results[int(i)]
        res.warnings = warns
        if body.startswith("ERROR"):
            res.error = body[len("ERROR ") :]
            continue
        values = [float.fromhex(t) for t in body.split()[1:]]
        res.lambda1, res.b, res.w = values[0], values[1], tuple(values[2:])
    return results


# ----------------------------------------------------------------------------- cases, oracle


@dataclass(frozen=True)
class Case:
    """A family problem on doubles (dyadic here, so every value is exact)."""

    X: np.ndarray
    y: np.ndarray
    l1: float
    l2: float
    s: np.ndarray = field(default=None)
    v: np.ndarray = field(default=None)
    intercept: bool = False
    positive: bool = False

    def __post_init__(self):
        object.__setattr__(self, "X", np.asarray(self.X, dtype=float))
        object.__setattr__(self, "y", np.asarray(self.y, dtype=float))
        n, pp = self.X.shape
        s = np.ones(n) if self.s is None else np.asarray(self.s, dtype=float)
        v = np.ones(pp) if self.v is None else np.asarray(self.v, dtype=float)
        object.__setattr__(self, "s", s)
        object.__setattr__(self, "v", v)

    def fr(self, a):
        return [Fraction(float(t)) for t in np.ravel(a)]

    def exact(self):
        sol = solve(
            [self.fr(row) for row in self.X],
            self.fr(self.y),
            Fraction(self.l1),
            Fraction(self.l2),
            fit_intercept=self.intercept,
            sample_weight=self.fr(self.s),
            positive=self.positive,
            penalty_factor=self.fr(self.v),
        )
        assert sol.unique, "the comparison needs a unique minimiser"
        return sol

    def sy2(self, flavour: str) -> Fraction:
        """s_y² exactly: "R" is R glmnet 4.1-6 (standardize.hpp lines 46 and 89), "python"
        python-glmnet 2.2.1 (glmnet5.f90 lines 806 and 850), "documented" is s_y = 1."""
        s, y = self.fr(self.s), self.fr(self.y)
        total = sum(s)
        mean = sum(si * yi for si, yi in zip(s, y)) / total
        if flavour == "documented":
            return Fraction(1)
        centre = 0 if (flavour == "R" and not self.intercept) else mean
        return sum(si * (yi - centre) ** 2 for si, yi in zip(s, y)) / total

    def mapped(self, flavour="R", *, total=None, factor_sum=None):
        """(λ, α) from CONVENTION-GLMNET-PENALTY-FACTOR's rendered mapping (with unit weights
        and factors it is CONVENTION-GLMNET's, checked in test_unit_weights_...); ``total``
        and ``factor_sum`` replace W and ‖v‖₁ (the slips)."""
        mapping = glmnet_penalty_factor()["mapping"]
        values = {
            l1: q(Fraction(self.l1)),
            l2: q(Fraction(self.l2)),
            W: q(sum(self.fr(self.s)) if total is None else Fraction(total)),
            SV: q(sum(self.fr(self.v)) if factor_sum is None else Fraction(factor_sum)),
            p: self.X.shape[1],
            s_y: sp.sqrt(q(self.sy2(flavour))),
        }
        return float(mapping["lam"].subs(values)), float(mapping["mix"].subs(values))

    def call(self, lam, alpha, **changes) -> Call:
        fields = dict(
            X=self.X,
            y=self.y,
            s=self.s,
            v=self.v,
            alpha=alpha,
            lam=lam,
            intercept=self.intercept,
            positive=self.positive,
        )
        return Call(**{**fields, **changes})


def error(case: Case, res: Result, sol=None) -> float:
    """max(|w − w*|∞, |b − b*|) / max(1, ‖w*‖∞, |b*|), exactly, as a float."""
    assert res.error is None and not res.warnings, (res.error, res.warnings)
    sol = sol or case.exact()
    star = [*sol.w, sol.intercept if case.intercept else Fraction(0)]
    got = [Fraction(t) for t in (*res.w, res.b)]
    scale = max([Fraction(1), *(abs(t) for t in star)])
    return float(max(abs(g - t) for g, t in zip(got, star)) / scale)


def assert_exact(case: Case, res: Result, sol=None):
    err = error(case, res, sol)
    assert err <= TOL, f"R glmnet is {err:.3g} (relative) from the exact minimiser: {case}"


def assert_rejected(case: Case, res: Result, sol=None):
    err = error(case, res, sol)
    assert err > 100 * TOL, f"the slip was not told apart ({err:.3g}): {case}"


KINDS = {"lasso": (0.75, 0.0), "elastic-net": (0.75, 0.5), "ridge": (0.0, 0.5)}
WORKED = ([[1, 1], [1, 0], [0, 1]], [3, 2, 1])
X4 = [[1.0, 2.0], [3.0, -1.0], [0.5, 1.5], [2.0, 0.25]]
X5 = [[1.0, 2.0, 0.5], [3.0, -1.0, 1.0], [0.5, 1.5, -2.0], [2.0, 0.25, 1.0], [1.0, 1.0, 1.0]]
Y5 = ([2.0, 1.0, -1.5, 3.0, 0.5], [1.0, -2.0, 3.0, 0.5, -1.0], [-1.0, 2.0, 0.5, 1.0, -2.0])
S5, V5 = [1.0, 2.0, 0.5, 1.5, 3.0], [1.0, 0.0, 2.0]  # W = 8; v sums to 3 = p, v₂ = 0
S4, V4 = [1.0, 3.0, 2.0, 0.5], [0.5, 2.0]  # W = 6.5; v sums to 2.5 ≠ p = 2


def _fixed_cases():
    """The worked example and the X4/X5 problems, with weights not summing to 1 or n, factors
    not summing to p, an unpenalised feature (V5), and ys for which w ≥ 0 binds (Y5[1:])."""
    for kind, (a, b) in KINDS.items():
        for icp in (False, True):
            yield f"worked-{kind}-icp{icp:d}", Case(*WORKED, 1.0 if a else 0.0, b, intercept=icp)
            for pos in (False, True):
                yield (
                    f"X4-{kind}-icp{icp:d}-pos{pos:d}",
                    Case(X4, [2.0, 1.0, -1.0, 3.0], a, b, S4, V4, icp, pos),
                )
                for k, y in enumerate(Y5):
                    yield (
                        f"X5y{k}-{kind}-icp{icp:d}-pos{pos:d}",
                        Case(X5, y, a, b, S5, V5, icp, pos),
                    )


def _drawn_cases(count=40, seed=20240611):
    """Seeded random dyadic cases (R runs are batched, so hypothesis is not used): n ∈ 3..6,
    p ∈ 2..3 (R needs p ≥ 2), weights in {0, ½, 1, 2, 3}, factors in {0, ½, 1, 2}, both flags.
    Kept when glmnet can reach F (no column or y constant on the weighted rows: glmnet drops
    constant columns, see the findings) and the minimiser is unique."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        n, pp = int(rng.integers(3, 7)), int(rng.integers(2, 4))
        X = rng.integers(-8, 9, size=(n, pp)) / 4
        y = rng.integers(-8, 9, size=n) / 4
        s = rng.choice([0.0, 0.5, 1.0, 2.0, 3.0], size=n)
        v = rng.choice([0.0, 0.5, 1.0, 2.0], size=pp)
        rows = s > 0
        if not rows.any() or v.max() == 0 or np.ptp(y[rows]) == 0:
            continue
        if any(np.ptp(X[rows, j]) == 0 for j in range(pp)):
            continue
        a, b = float(rng.integers(1, 17)) / 8, float(rng.choice([0.0, 0.25, 0.5]))
        if rng.random() < 0.2:
            a, b = 0.0, 0.5  # Ridge: α = 0
        case = Case(X, y, a, b, s, v, bool(rng.integers(2)), bool(rng.integers(2)))
        try:
            sol = case.exact()
        except AssertionError:
            continue
        out.append((case, sol))
    return out


# ----------------------------------------------------------------------------- the mappings


@pytest.mark.spec("CONVENTION-GLMNET")
def test_unit_weights_no_intercept_at_the_mapping_with_r_s_y():
    """CONVENTION-GLMNET's rendered λ = (λ₁ + 2s_yλ₂)/n, α = λ₁/(λ₁ + 2s_yλ₂) (unit weights,
    intercept = FALSE) with R's s_y = √(Σyᵢ²/n): exact, both type.gaussian; with
    python-glmnet's s_y = sd(y), and with the documented s_y = 1, rejected for λ₂ > 0."""
    sol = conventions_glmnet.glmnet()["solution"]
    lam_sym, alpha_sym = conventions_glmnet.glmnet()["symbols"]
    cases = [Case(*WORKED, 1.0 if a else 0.0, b) for a, b in KINDS.values()]
    cases += [Case(X4, [2.0, 1.0, -1.0, 3.0], a, b) for a, b in KINDS.values()]
    cases += [Case(X5, y, a, b) for y in Y5 for a, b in KINDS.values()]
    calls, checks = [], []
    for case in cases:
        n = case.X.shape[0]
        values = {
            conventions.n: n,
            conventions.l1: q(Fraction(case.l1)),
            conventions.l2: q(Fraction(case.l2)),
            s_y: sp.sqrt(q(case.sy2("R"))),
        }
        lam, alpha = (float(sol[x].subs(values)) for x in (lam_sym, alpha_sym))
        assert (lam, alpha) == pytest.approx(case.mapped("R"), rel=1e-15)  # the same mapping
        for kind in ("covariance", "naive"):
            calls.append(case.call(lam, alpha, type=kind))
            checks.append((case, True))
        if case.l2 > 0:
            for flavour in ("python", "documented"):
                calls.append(case.call(*case.mapped(flavour)))
                checks.append((case, False))
    for (case, ok), res in zip(checks, run_r(calls)):
        (assert_exact if ok else assert_rejected)(case, res)


@pytest.mark.spec("CONVENTION-GLMNET")
def test_finding_r_s_y_without_intercept_is_the_root_mean_square():
    """Finding (issue 13).  X = [[1, 1], [1, 0], [0, 1]], y = (3, 2, 1), λ₁ = 1, λ₂ = ½,
    intercept = FALSE: w* = (9/8, 5/8).  python-glmnet 2.2.1 needs s_y = sd(y) = √(2/3):
    λ = 0.605498860309242, α = 0.5505102572168219 gives it (1.125, 0.62500000000000011), and R
    glmnet 4.1-6 (1.3989809995286058, 0.67327288470603697).  R needs s_y = √(Σyᵢ²/n) = √(14/3):
    λ = 1.0534156331564288, α = 0.3164309725825328 gives R (1.1249999999999996,
    0.62500000000000056) and python-glmnet (0.75708114822568229, 0.48278926304825076).  If this
    test fails, R glmnet changed: revisit the clauses."""
    case = Case(*WORKED, 1.0, 0.5)
    assert case.exact().w == (Fraction(9, 8), Fraction(5, 8))
    r_map, py_map = case.mapped("R"), case.mapped("python")
    assert r_map == pytest.approx((1.0534156331564288, 0.3164309725825328), rel=1e-15)
    assert py_map == pytest.approx((0.605498860309242, 0.5505102572168219), rel=1e-15)
    at_r, at_py = run_r([case.call(*r_map), case.call(*py_map)])
    assert_exact(case, at_r)
    assert at_py.w == pytest.approx((1.3989809995286058, 0.67327288470603697), rel=1e-10)


@pytest.mark.spec("CONVENTION-GLMNET-WEIGHTS", "CONVENTION-GLMNET-PENALTY-FACTOR")
@pytest.mark.parametrize("source", ["fixed", "drawn"])
def test_weights_factors_intercept_and_bounds_at_the_mapping(source):
    """λ = (λ₁ + 2s_yλ₂)‖v‖₁/(pW), α = λ₁/(λ₁ + 2s_yλ₂) with R's s_y, penalty.factor = v
    (zeros included), weights = s (zeros included), lower.limits = 0 for w ≥ 0: exact, for
    both type.gaussian, and unchanged when the weights are scaled by 2.5 and the factors by 4
    (glmnet normalises the weights to sum 1 and rescales the factors to sum p)."""
    if source == "fixed":
        pairs = [(case, case.exact()) for _, case in _fixed_cases()]
    else:
        pairs = _drawn_cases()
    calls = []
    for case, _ in pairs:
        lam, alpha = case.mapped("R")
        calls += [
            case.call(lam, alpha),
            case.call(lam, alpha, type="naive"),
            case.call(lam, alpha, s=2.5 * case.s, v=4 * case.v),
        ]
    results = run_r(calls)
    for k, (case, sol) in enumerate(pairs):
        for res in results[3 * k : 3 * k + 3]:
            assert_exact(case, res, sol)


@pytest.mark.spec("CONVENTION-GLMNET-WEIGHTS", "CONVENTION-GLMNET-PENALTY-FACTOR")
@pytest.mark.parametrize("kind", ["lasso", "elastic-net", "ridge"])
def test_slipped_mappings_are_rejected(kind):
    """n in place of W; ‖v‖₁/p left out; python-glmnet's s_y without an intercept (λ₂ > 0)."""
    a, b = KINDS[kind]
    cases = [Case(X4, [2.0, 1.0, -1.0, 3.0], a, b, S4, V4, icp) for icp in (False, True)]
    calls, checks = [], []
    for case in cases:
        sol = case.exact()
        calls += [
            case.call(*case.mapped("R")),
            case.call(*case.mapped("R", total=4)),
            case.call(*case.mapped("R", factor_sum=2)),
        ]
        checks += [
            (case, sol, assert_exact),
            (case, sol, assert_rejected),
            (case, sol, assert_rejected),
        ]
        if b and not case.intercept:
            calls.append(case.call(*case.mapped("python")))
            checks.append((case, sol, assert_rejected))
    for (case, sol, check), res in zip(checks, run_r(calls)):
        check(case, res, sol)


# ----------------------------------------------------------------------------- λ_max


@pytest.mark.spec("LAMBDA-MAX", "CONVENTION-GLMNET")
@pytest.mark.parametrize("alpha", [Fraction(1), Fraction(1, 2)])
def test_r_lambda_max(alpha):
    """R's own path starts at LAMBDA-MAX's rendered max|Xᵀy|/(nα) (intercept = FALSE, unit
    weights; fix.lam extrapolates λ[1] from λ[2], λ[3], so to ~10⁻¹⁵); at (1 + 10⁻⁹) of it the
    fit is 0, at 0.9 of it it is not."""
    X, y = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [2.0, 2.0]]), [1.0, -2.0, 3.0, 0.5]
    case = Case(X, y, 1.0, 0.0)
    threshold = BY_ID["LAMBDA-MAX"].formulas[4].rhs
    foreign = lambda_max.lambda_max()["foreign"]["glmnet"]
    lam_max = max(abs(sum(Fraction(X[i, j]) * Fraction(y[i]) for i in range(4))) for j in range(2))
    value = float(
        threshold.subs(
            {lambda_max.LAMBDA_MAX: q(lam_max), optimality.n: 4, foreign["mix"]: q(alpha)}
        )
    )
    path, above, below = run_r(
        [
            case.call(None, float(alpha)),
            case.call(value * (1 + 1e-9), float(alpha)),
            case.call(value * 0.9, float(alpha)),
        ]
    )
    assert path.lambda1 == pytest.approx(value, rel=1e-14)
    assert not any(above.w) and any(below.w)


@pytest.mark.spec("OPTIONS-LAMBDA-MAX", "CONVENTION-GLMNET-PENALTY-FACTOR")
def test_r_lambda_max_with_options_is_the_mapped_one():
    """With weights, an intercept and factors (v₂ = 0: glmnet fits the unpenalised feature
    first, at λ = ∞), R's λ[1] = λ₁,max·‖v‖₁/(pWα), λ₁,max the exact OPTIONS-LAMBDA-MAX
    (w ≥ 0 not imposed: see the next test)."""
    cases = [
        Case(X5, y, 1.0, 0.0, s, v, icp)
        for y in Y5
        for s, v in ((None, None), (S5, V5), (S5, [0.5, 1.0, 2.0]))
        for icp in (False, True)
    ]
    calls = [c.call(None, alpha) for c in cases for alpha in (1.0, 0.5)]
    results = iter(run_r(calls))
    for c in cases:
        cs = O.ocase(
            c.X.tolist(),
            c.y.tolist(),
            [0] * 3,
            1,
            0,
            c.s.tolist(),
            c.v.tolist(),
            False,
            c.intercept,
        )
        true = options_lambda.true_lambda_max(cs)
        for alpha in (1, sp.Rational(1, 2)):
            mapped = float(true * q(sum(c.fr(c.v))) / (3 * q(sum(c.fr(c.s))) * alpha))
            assert next(results).lambda1 == pytest.approx(mapped, rel=1e-14)


@pytest.mark.spec("OPTIONS-LAMBDA-MAX", "CONVENTION-GLMNET-PENALTY-FACTOR")
def test_finding_r_lambda_max_ignores_lower_limits():
    """Finding: with lower.limits = 0, R's path still starts at max_j |c°_j|/v'_j (base.hpp's
    initialize_point takes |g(j)|), not at OPTIONS-LAMBDA-MAX's max_j max(0, c°_j)/v'_j.
    X5, y = (1, −2, 3, ½, −1), unit weights, no intercept, α = 1: λ_max = 1.6 without the bound,
    1.525 with it (w* = 0 from there on); R returns 1.6 for both, as python-glmnet 2.2.1 does
    (lambda_path_[0] = 1.6).  The fits at a supplied λ are right (the tests above)."""
    case = Case(X5, Y5[1], 1.0, 0.0, positive=True)
    cs = O.ocase(X5, list(Y5[1]), [0] * 3, 1, 0, None, None, True, False)
    assert options_lambda.true_lambda_max(cs) / 5 == sp.Rational(61, 40)  # λ = λ₁/(nα)
    bounded, free, at_true = run_r(
        [
            case.call(None, 1.0),
            case.call(None, 1.0, positive=False),
            case.call(1.525 * (1 + 1e-9), 1.0),
        ]
    )
    assert bounded.lambda1 == pytest.approx(1.6, rel=1e-14) == free.lambda1
    assert not any(at_true.w)


@pytest.mark.spec("LAMBDA-MAX", "CONVENTION-GLMNET")
def test_finding_r_lambda_max_of_ridge_is_a_thousand_times():
    """glmnet divides its λ_max by max(α, 10⁻³) (base.hpp line 271): for α = 0 (Ridge, where
    no λ gives w = 0) the path starts at max|Xᵀy|/(n·10⁻³)."""
    X, y = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [2.0, 2.0]]), [1.0, -2.0, 3.0, 0.5]
    (res,) = run_r([Case(X, y, 0.0, 0.5).call(None, 0.0)])
    assert res.lambda1 == pytest.approx(8 / 4 * 1000, rel=1e-14)  # max|Xᵀy| = 8, n = 4


# ----------------------------------------------------------------------------- findings


@pytest.mark.spec("CONVENTION-GLMNET")
def test_finding_constant_y():
    """X = [[1, 2], [2, 1], [3, 1]], y = (1, 1, 1), λ₁ = ½ (λ = 1/6, α = 1).  Without an
    intercept R fits it (its s_y = √(Σyᵢ²/n) = 1 > 0): w* = (17/70, 3/10) — python-glmnet 2.2.1
    returns 0.  With an intercept R stops: "y is constant; gaussian glmnet fails at
    standardization step" (R/elnet.R line 23) — python-glmnet returns w = 0, b = 1, which is
    the minimiser there."""
    X, y = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 1.0]]), np.ones(3)
    free, with_b = Case(X, y, 0.5, 0.0), Case(X, y, 0.5, 0.0, intercept=True)
    assert free.exact().w == (Fraction(17, 70), Fraction(3, 10))
    fit, refused = run_r([free.call(*free.mapped("R")), with_b.call(1 / 6, 1.0)])
    assert_exact(free, fit)
    assert refused.error == "y is constant; gaussian glmnet fails at standardization step"


@pytest.mark.spec("CONVENTION-GLMNET")
def test_finding_constant_column_is_dropped_and_one_column_refused():
    """As python-glmnet: a constant column is excluded (chkvars.hpp, over all rows) even with
    intercept = FALSE: X = [[1, 1], [1, 2], [1, 0]], y = (3, 1, 2), λ₁ = ¼: w* = (13/6, −¼), R
    (0, 0.95), the fit on the second column alone.  Unlike python-glmnet, R refuses a
    one-column x ("x should be a matrix with 2 or more columns", R/glmnet.R line 353):
    X = [[1], [2]], y = (1, 3), λ₁ = ½ has w* = 13/10, which python-glmnet returns."""
    case = Case([[1.0, 1.0], [1.0, 2.0], [1.0, 0.0]], [3.0, 1.0, 2.0], 0.25, 0.0)
    one = Case([[1.0], [2.0]], [1.0, 3.0], 0.5, 0.0)
    dropped, refused = run_r([case.call(*case.mapped("R")), one.call(*one.mapped("R"))])
    assert case.exact().w == (Fraction(13, 6), Fraction(-1, 4))
    assert dropped.w[0] == 0.0 and dropped.w[1] == pytest.approx(0.95, rel=1e-12)
    assert_rejected(case, dropped)
    assert refused.error == "x should be a matrix with 2 or more columns"
