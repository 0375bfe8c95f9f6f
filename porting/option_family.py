"""The options' test vectors: one test (an ``OptionSpec``), one group, the linked pairs.

The problem family is that of spec OPTIONS-OBJECTIVE::

    F(w, b) = ½ Σᵢ sᵢ (yᵢ − b − xᵢᵀw)² + λ₁ Σⱼ vⱼ|wⱼ| + λ₂ Σⱼ vⱼ wⱼ²,   w ≥ 0 if positive

A test carries its options as the optional keys of the process protocol (``fit_intercept``,
``sample_weight``, ``positive``, ``penalty_factor``), sent as they are with the group's X,
y and the test's l1, l2.  Every expected answer is computed by ``reference.solve`` with
the options and certified by ``reference.certify`` with them (porting/vector_answers.py),
and checked by independent computations (porting/exact_checks.py): for p ≤ 5 against an
enumeration of every active set and sign pattern (its own G = X'ᵀSX' + 2λ₂V', its own KKT
test), the intercept against the weighted centring of spec OPTIONS-INTERCEPT-CENTRING (the
same w from the centred problem without intercept, b = ȳ − x̄ᵀw), the separable cases
against the (one-sided) soft threshold, λ_max against ``reference.lambda_max``, and every
pair of tests that a theorem makes equivalent (integer weights ≡ repeated rows, zero
weight ≡ the row removed, a column and its factor scaled together) against each other.
The cases: porting/intercept_weight_cases.py and porting/positive_factor_cases.py.
"""

from fractions import Fraction

from lasso_spec.porting.exact_checks import (
    centring_flags,
    dot,
    enumerate_minimisers,
    factors,
    separable_closed_form,
    weights,
)
from lasso_spec.porting.vector_answers import (
    Spec,
    answer_flags,
    invalid_group,
    solved,
    solved_entry,
    solved_group,
)
from lasso_spec.porting.vector_format import (
    exact_and_float,
    exact_or_null,
    expected_json,
    is_binary64,
    number,
)
from lasso_spec.reference import Problem, ProblemError, certify, lambda_max, solve

OPTION_KEYS = ("fit_intercept", "sample_weight", "positive", "penalty_factor")
#: The clauses that every test with options exercises.
CLAUSES = {"OPTIONS-OBJECTIVE", "OPTIONS-KKT", "OPTIONS-DUAL-GAP"}
#: The flag of a test just below lambdaMax.
JUST = frozenset({"JustBelowLambdaMax"})


class OptionSpec(Spec):
    """One test: l1, l2, the options and what it is about.

    ``pair``: tests with the same pair label are equivalent (equivalentTo); ``scale``,
    for a ScaledColumn pair, maps j -> a: this test's w_j is a times the partner's.
    """

    def __init__(self, l1, l2=0, comment="", flags=(), clauses=(), *, fit_intercept=None,
                 sample_weight=None, positive=None, penalty_factor=None, pair=None, scale=None):
        super().__init__(l1, l2, comment, flags, clauses)
        self.options = {}
        if fit_intercept is not None:
            self.options["fit_intercept"] = fit_intercept
        if sample_weight is not None:
            self.options["sample_weight"] = [Fraction(v) for v in sample_weight]
        if positive is not None:
            self.options["positive"] = positive
        if penalty_factor is not None:
            self.options["penalty_factor"] = [Fraction(v) for v in penalty_factor]
        self.pair, self.scale = pair, dict(scale or {})

    def keywords(self):
        """The options as keyword arguments of the reference (explicit defaults included)."""
        return dict(self.options)


def _lambda_max(X, y, options):
    try:
        return lambda_max(X, y, **options)
    except ProblemError:
        return None


def _option_test(X, y, spec, with_path):
    """The JSON of one solvable test with options, its exact answer certified here."""
    l1, l2, options = spec.l1, spec.l2, spec.keywords()
    for key in ("sample_weight", "penalty_factor"):
        assert all(is_binary64(v) for v in options.get(key, ())), (key, options[key])
    Problem(X=X, y=y, l1=l1, l2=l2, **options)  # the reference accepts it
    solution, cert = solved(X, y, l1, l2, options)
    w, b = solution.w, solution.intercept
    assert (b is not None) == bool(options.get("fit_intercept"))
    assert _lambda_max(X, y, options) == solution.lambda_max
    flags, clauses = answer_flags(solution, "OPTIONS-LAMBDA-MAX")
    flags |= _option_flags(X, y, options, solution)
    clauses |= CLAUSES
    # independent computations of the same answer
    if len(w) <= 5:
        found = enumerate_minimisers(X, y, l1, l2, options)
        assert (w, b) in found, "the enumeration does not find the homotopy's answer"
        if solution.unique:
            assert found == {(w, b)}, "a unique minimiser, but the enumeration finds others"
        elif len(found) < 2:
            assert any(vj == 0 for vj in factors(X, options)) or l2 == 0, \
                "non-unique without a reason"
        for w_other, b_other in found:
            assert certify(X, y, w_other, l1, l2, intercept=b_other, **options).optimal
    closed = separable_closed_form(X, y, l1, l2, options)
    if closed is not None and solution.unique:
        assert w == closed, "the separable closed form disagrees"
        flags.add("OneFeature" if len(w) == 1 else "Orthogonal")
        clauses |= {"OPTIONS-CD-UPDATE", "SOFT-THRESHOLD"}
    if b is not None:
        flags |= {"Intercept"} | centring_flags(X, y, l1, l2, options, solution)
        clauses.add("OPTIONS-INTERCEPT-CENTRING")
    expected = expected_json(solution, [(b or 0) + dot(row, w) for row in X], cert.c, with_path,
                             exact_or_null("lambdaMax", solution.lambda_max))
    sent = {}
    for key in OPTION_KEYS:
        if key in options:
            value = options[key]
            sent.update({key: value} if isinstance(value, bool) else exact_and_float(key, value))
    if spec.pair is not None:
        sent["_pair"] = (spec.pair, spec.scale, solution)
    return solved_entry(spec, solution, flags, clauses, expected, sent)


def _option_flags(X, y, options, solution):
    """The flags read off the options themselves, and what positivity does to the answer."""
    l1, l2, lam_max = solution.l1, solution.l2, solution.lambda_max
    s, v = weights(X, options), factors(X, options)
    flags = set()
    if any(si != 1 for si in s):
        flags.add("SampleWeight")
    if any(si == 0 for si in s):
        flags.add("ZeroWeight")
    if options.get("positive"):
        flags.add("Positive")
        unconstrained = _lambda_max(X, y, {**options, "positive": False})
        if lam_max is not None and lam_max < unconstrained:
            flags.add("PositiveLambdaMax")
            if lam_max <= l1 < unconstrained and l1 > 0:
                flags.add("BetweenLambdaMaxes")
        if (l1 == 0 and l2 == 0) or lam_max is None:
            free = solve(X, y, l1, l2, **{**options, "positive": False})
            if free.objective < solution.objective:
                flags.add("NonNegativeLeastSquares")
    if any(vj != 1 for vj in v):
        flags.add("PenaltyFactor")
    if any(vj == 0 for vj in v):
        flags.add("AllUnpenalised" if all(vj == 0 for vj in v) else "UnpenalisedFeature")
    non_default = [k for k in OPTION_KEYS if k in options and options[k] not in (False, None)
                   and not (k == "sample_weight" and all(si == 1 for si in s))
                   and not (k == "penalty_factor" and all(vj == 1 for vj in v))]
    if len(non_default) >= 2:
        flags.add("Combined")
    return flags


def option_group(comment, X, y, specs, flags=(), clauses=(), with_path=None, **options):
    """A test group with options: X and y shared by several tests (one per OptionSpec).

    ``options`` are defaults for every spec (a spec's own options win); ``flags`` and
    ``clauses`` apply to every test.
    """
    for spec in specs:
        for key, value in options.items():
            spec.options.setdefault(key, [Fraction(v) for v in value] if isinstance(value, list)
                                    else value)
    return solved_group(comment, X, y, specs, _option_test, flags, clauses, with_path)


def link_pairs(groups):
    """Replace the pair labels by ``equivalentTo`` tcIds and check that every pair has the
    same answer."""
    members = {}
    for test in number(groups):
        if "_pair" in test:
            members.setdefault(test["_pair"][0], []).append((test["tcId"], test))
    for label, tests in members.items():
        assert len(tests) >= 2, f"pair {label!r} has one member"
        first = tests[0][1]["_pair"]
        for _, test in tests:
            _, scale, solution = test["_pair"]
            _, scale0, solution0 = first
            assert solution.objective == solution0.objective, label
            assert solution.intercept == solution0.intercept, label
            w = [wj / scale.get(j, 1) for j, wj in enumerate(solution.w)]
            w0 = [wj / scale0.get(j, 1) for j, wj in enumerate(solution0.w)]
            if solution.unique:
                assert w == w0, label
    for tests in members.values():
        for tc, test in tests:
            del test["_pair"]
            others = [other for other, _ in tests if other != tc]
            expected = test.pop("expected")
            test["equivalentTo"] = others
            test["expected"] = expected
    return groups


def invalid_option_group(entries):
    """Inputs with a bad option that every port declaring the option must reject."""
    return invalid_group('options that are not valid: reply {"error": ...}', "OPTIONS-OBJECTIVE",
                         entries)


def base_problem(**extra):
    """A valid problem (n = 3, p = 2) that an invalid entry changes by ``extra``."""
    return {"X": [[1, 2], [3, 4], [5, 6]], "y": [1, 2, 3], "l1": 1, "l2": 0, **extra}
