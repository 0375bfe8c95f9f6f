"""The gate under the options (issue 10): the control passes, each option bug is rejected
with a triage naming the option, and the option judge agrees with the default judge.

The pool: small integer problems drawn from a fixed seed, for every option set of the
gate's generated checks, at λ₁ = k/16·λ_max and for Ridge.
"""

import random
from fractions import Fraction

import pytest
from meta import option_solvers

from lasso_spec.conformance.cases import CASES
from lasso_spec.conformance.implementations import wrap_callable
from lasso_spec.conformance.option_verdict import judge_options
from lasso_spec.conformance.received import exact_solution
from lasso_spec.conformance.report import new_stats
from lasso_spec.conformance.runner import Runner
from lasso_spec.conformance.strategies import OPTION_SETS
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem, lambda_max


def _pool(seed=2026, per_set=6):
    rng = random.Random(seed)
    pool = []
    for keys in OPTION_SETS.values():
        for index in range(per_set):
            n, p = rng.randint(3, 6), rng.randint(1, 3)
            X = [[rng.randint(-3, 3) for _ in range(p)] for _ in range(n)]
            y = [rng.randint(-4, 4) for _ in range(n)]
            options = {}
            if "fit_intercept" in keys:
                options["fit_intercept"] = True
            if "positive" in keys:
                options["positive"] = True
            if "sample_weight" in keys:
                options["sample_weight"] = [rng.choice([0, 1, 2, 3, Fraction(1, 2)])
                                            for _ in range(n - 1)] + [1]
            if "penalty_factor" in keys:
                options["penalty_factor"] = [rng.choice([0, 1, 2]) for _ in range(p - 1)] + [1]
            l2 = Fraction(rng.randint(0, 2), 2)
            top = lambda_max(X, y, **options)
            l1 = top * Fraction(rng.randint(1, 15), 16) if index % 3 else Fraction(0)
            if l1 == 0 and l2 == 0:
                l2 = Fraction(1, 2)
            pool.append(Problem(X=X, y=y, l1=l1, l2=l2, **options))
    return pool


POOL = _pool()


def _messages(solver):
    impl = wrap_callable(solver, spec=solver.__name__)
    runner = Runner(impl, new_stats("meta"), 1e-9)
    messages = []
    for problem in POOL:
        try:
            runner.check(problem)
        except pytest.skip.Exception:
            continue
        except pytest.fail.Exception as failure:
            messages.append(str(failure))
    return messages


def test_the_pool_covers_every_option_and_kind():
    assert {key for problem in POOL for key in problem.options} == {
        "fit_intercept", "sample_weight", "positive", "penalty_factor"}
    assert any(p.l1 > 0 and p.l2 > 0 for p in POOL) and any(p.l1 == 0 for p in POOL)
    assert any(0 in (p.sample_weight or ()) for p in POOL)  # a zero-weight row
    assert any(0 in (p.penalty_factor or ()) for p in POOL)  # an unpenalised feature


def test_the_reference_and_the_control_pass_every_pool_problem():
    from lasso_spec.conformance.adapters import reference_exact

    assert _messages(reference_exact().solve) == []
    assert _messages(option_solvers.correct) == []


@pytest.mark.parametrize("name", sorted(option_solvers.BROKEN))
def test_every_option_bug_is_rejected_with_a_triage_naming_it(name):
    solver, expected = option_solvers.BROKEN[name]
    messages = _messages(solver)
    assert messages, f"{name} passed every problem of the pool"
    assert all("Problem.from_json(" in m for m in messages)
    assert any(expected in m for m in messages), messages[0]


def test_an_answer_without_the_intercept_is_an_output_failure():
    problem = next(p for p in POOL if p.fit_intercept)
    verdict = judge(problem, [0.0] * len(problem.X[0]))
    assert verdict.failed_checks() == ["output"] and "(w, b)" in verdict.triage


def test_a_negative_coefficient_under_positive_is_infeasible():
    problem = next(p for p in POOL if p.positive and not p.fit_intercept)
    answer = [float(v) for v in exact_solution(problem).w]
    answer[0] = -1e-300
    verdict = judge(problem, answer)
    assert "feasibility" in verdict.failed_checks() and "negative" in verdict.triage


@pytest.mark.parametrize("case", CASES[:12], ids=lambda c: c.id)
def test_the_option_judge_agrees_with_the_default_judge_on_default_problems(case):
    """With the default options the quadratic-form judge is the default judge: the same
    gap, the same passed checks, on the exact answer and on a perturbed one."""
    problem = case.problem
    solution = exact_solution(problem)
    for delta in (Fraction(0), Fraction(1, 10**6), Fraction(1, 10)):
        answer = [v + delta for v in solution.w]
        default = judge(problem, answer)
        quadratic = judge_options(problem, answer, exact_zeros=False, gap_rtol=1e-9,
                                  shown=problem, solution=solution, triage=False)
        assert quadratic.gap == default.gap
        for name in ("objective", "kkt", "fit", "coefficients"):
            assert quadratic.checks[name].status == default.checks[name].status, name


PORT = '''
import json, sys
from lasso_spec.reference import Problem, solve
OMIT = {omit}
for line in sys.stdin:
    data = json.loads(line)
    if data == {{"capabilities": True}}:
        caps = {{k: True for k in ("fit_intercept", "sample_weight", "positive",
                                   "penalty_factor", "exact_zeros")}}
        print(json.dumps({{"name": "options-port", "version": "1", "capabilities": caps}}))
    else:
        problem = Problem.from_json(data)
        s = solve(problem.X, problem.y, problem.l1, problem.l2, **problem.options)
        reply = {{"w": [str(v) for v in s.w]}}
        if s.intercept is not None and not OMIT:
            reply["intercept"] = str(s.intercept)
        print(json.dumps(reply))
    sys.stdout.flush()
'''


@pytest.mark.parametrize("omit", [False, True])
def test_a_port_receives_the_options_as_keys_and_returns_the_intercept(tmp_path, omit):
    import sys

    from lasso_spec.conformance.implementations import load_command

    script = tmp_path / "port.py"
    script.write_text(PORT.format(omit=omit))
    impl = load_command(f"{sys.executable} {script}")
    try:
        assert impl.supports("penalty_factor") and impl.name == "options-port"
        runner = Runner(impl, new_stats("port"), 1e-9)
        problems = [p for p in POOL if p.fit_intercept][:4] + [p for p in POOL if p.positive][:2]
        failures = []
        for problem in problems:
            try:
                runner.check(problem)
            except pytest.fail.Exception as failure:
                failures.append(str(failure))
    finally:
        impl.close()
    if omit:
        assert failures and all("no 'intercept'" in f for f in failures)
    else:
        assert failures == []
