"""The metamorphic checks (conformance/metamorphic.py): one list in CHECK_IDS, the pytest gate
and the api; the reference and the control pass them; each broken solver of
tests/meta/metamorphic_solvers.py is rejected by the theorem meant for it, with a message
naming the theorem, and several of them pass the plain checks; a false theorem is an
internal error of the suite, never a verdict; undeclared options are skipped with the reason.
"""

import json
import os
import subprocess
import sys
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from meta import metamorphic_solvers, option_solvers

from lasso_spec.conformance import checks, metamorphic
from lasso_spec.conformance.api import checks as api_checks
from lasso_spec.conformance.api import run_checks
from lasso_spec.conformance.catalogue import CHECK_IDS, GENERATED
from lasso_spec.conformance.metamorphic import METAMORPHIC, THEOREMS, Pair, assert_theorem
from lasso_spec.conformance.received import exact_solution
from lasso_spec.conformance.runner import SuiteError
from lasso_spec.conformance.verdict import judge
from lasso_spec.reference import Problem

IDS = [theorem.id for theorem in THEOREMS.values()]
PAIRS_PER_CHECK = max(10, settings.get_profile("ci").max_examples // 5)


def _run(impl, select, isolated=False):
    return run_checks(impl, select=select, profile="ci", isolated=isolated)


def test_the_metamorphic_checks_are_one_list_in_check_ids_the_gate_and_the_api():
    assert [check for check, _, _ in METAMORPHIC] == IDS and len(IDS) == 7
    assert set(METAMORPHIC) <= set(GENERATED) and set(IDS) <= set(CHECK_IDS)
    (parametrize,) = [m for m in checks.test_generated.pytestmark if m.name == "parametrize"]
    assert [param.id for param in parametrize.args[1]] == [check for check, _, _ in GENERATED]
    everything = api_checks(lambda X, y, l1, l2: [0.0] * len(X[0]), scale_tier="large",
                            isolated=False)
    assert [check.id for check in everything] == list(CHECK_IDS)
    assert [c.family for c in everything if c.id in IDS] == [f for _, _, f in METAMORPHIC]


@pytest.mark.parametrize("impl", ["reference", option_solvers.correct],
                         ids=["reference", "correct"])
def test_the_reference_and_the_control_pass_every_metamorphic_check(impl):
    results = _run(impl, "metamorphic/*", isolated=impl == "reference")
    assert [r.check for r in results] == IDS
    assert [(r.result, r.problems) for r in results] == [("pass", 2 * PAIRS_PER_CHECK)] * 7


@pytest.mark.parametrize("name", list(metamorphic_solvers.BROKEN))
def test_every_broken_solver_is_rejected_by_its_theorem(name):
    solver, check_id = metamorphic_solvers.BROKEN[name]
    theorem = THEOREMS[check_id.partition("/")[2]]
    (result,) = _run(solver, check_id)
    assert result.result == "fail", f"{name} passed {check_id}"
    assert result.message.startswith(f"{check_id}: theorem: {theorem.statement}\n")
    assert result.message.count("Problem.from_json(") >= 3  # the pair, and the account
    assert result.triage.startswith(f"theorem {theorem.name} violated: the answer to the ")


#: The plain checks of the same kind or option accept these solvers: only a pair shows them.
ONLY_A_PAIR_SHOWS = {
    "stale_residual": ["generated/lasso/generic", "generated/lasso/ties"],
    "stale_gram": ["generated/lasso/generic", "generated/lasso/duplicate"],
    "clips_coefficients": ["generated/lasso/correlated", "generated/elastic-net"],
    "drops_tiny_columns": ["generated/options/all/lasso"],
    "float32_means": ["generated/options/intercept/lasso",
                      "generated/options/intercept-weights/lasso"],
}


@pytest.mark.parametrize("name", list(ONLY_A_PAIR_SHOWS))
def test_the_plain_checks_accept_what_only_a_pair_shows(name):
    solver, _ = metamorphic_solvers.BROKEN[name]
    results = _run(solver, ONLY_A_PAIR_SHOWS[name])
    assert [(r.check, r.result) for r in results] == [(c, "pass") for c in ONLY_A_PAIR_SHOWS[name]]


def _naive_column_scaling_with_l2():
    """The false theorem: x = 1, y = 1, λ₁ = 0, λ₂ = 1 (w* = 1/3); x = 2, v = 2 gives 1/4."""
    first = Problem(X=[[1]], y=[1], l1=0, l2=1)
    second = Problem(X=[[2]], y=[1], l1=0, l2=1, penalty_factor=[2])
    return Pair(first, second, lambda u: (u[0] / 2,), Fraction(1), "column 0 and v_0 doubled")


def test_the_column_scaling_theorem_is_false_with_l2_so_the_check_draws_l2_zero():
    pair = _naive_column_scaling_with_l2()
    assert exact_solution(pair.second).w == (Fraction(1, 4),) != (Fraction(1, 6),)
    with pytest.raises(SuiteError, match="internal error of the suite"):
        assert_theorem(THEOREMS["column-scaling-with-penalty-factor"], pair)
    assert THEOREMS["column-scaling-with-penalty-factor"].kinds == ("lasso",)


@settings(max_examples=15, derandomize=True, database=None, deadline=None)
@given(st.data())
def test_the_column_scaling_pairs_are_lasso_pairs_and_theorems(data):
    theorem = THEOREMS["column-scaling-with-penalty-factor"]
    pair = data.draw(theorem.pairs("lasso"))
    assert pair.first.l2 == pair.second.l2 == 0 and pair.second.penalty_factor is not None
    assert_theorem(theorem, pair)


def test_a_false_theorem_in_a_run_is_an_internal_error_not_a_verdict(monkeypatch):
    name = "column-scaling-with-penalty-factor"
    false = replace(THEOREMS[name], pairs=lambda kind: st.just(_naive_column_scaling_with_l2()))
    monkeypatch.setitem(metamorphic.THEOREMS, name, false)
    (result,) = _run(option_solvers.correct, f"metamorphic/{name}")
    assert result.result == "error" and "internal error of the suite" in result.message
    assert result.stats["internal_error"].startswith(f"metamorphic/{name}: the theorem fails")


def plain_control(X, y, l1, l2):
    """A correct solver that declares no option."""
    return option_solvers.cd(X, y, l1, l2)


def test_undeclared_options_are_skipped_with_the_reason_and_the_rest_run():
    results = {r.check: r for r in _run(plain_control, "metamorphic/*")}
    needs = {theorem.id: theorem.needs for theorem in THEOREMS.values()}
    assert {c for c, n in needs.items() if not n} == {
        "metamorphic/row-permutation", "metamorphic/column-permutation",
        "metamorphic/scaling-y-and-lambda"}
    for check, result in results.items():
        if needs[check]:
            assert result.result == "skip" and result.problems == 0
            assert "declares no support for" in result.message and check in result.message
        else:
            assert result.result == "pass" and result.problems == 2 * PAIRS_PER_CHECK


def _returned(problem, u):
    return (list(u[:-1]), u[-1]) if problem.fit_intercept else list(u)


@pytest.mark.parametrize("name", [n for n in THEOREMS if n != "column-scaling-with-penalty-factor"])
@settings(max_examples=6, derandomize=True, database=None, deadline=None)
@given(data=st.data())
def test_the_judge_is_invariant_under_the_theorem_map(name, data):
    """The docstring's claim: judge(B, T u) decides as judge(A, u), the gap scaled by c."""
    theorem = THEOREMS[name]
    pair = data.draw(theorem.pairs(data.draw(st.sampled_from(theorem.kinds))))
    solution = exact_solution(pair.first)
    star = (*solution.w, *((solution.intercept,) if pair.first.fit_intercept else ()))
    for delta in (Fraction(0), Fraction(1, 10**5), Fraction(1, 10)):
        u = tuple(v + delta * (-1) ** j for j, v in enumerate(star))
        a = judge(pair.first, _returned(pair.first, u), triage=False)
        b = judge(pair.second, _returned(pair.second, pair.carry(u)), triage=False)
        assert b.gap == pair.factor * a.gap
        assert {k: c.status for k, c in b.checks.items() if k != "feasibility"} == {
            k: c.status for k, c in a.checks.items() if k != "feasibility"}


def test_the_gate_runs_a_metamorphic_check_and_skips_an_undeclared_one(tmp_path):
    """``lasso-spec verify``: the solver in its worker process keeps its stale Gram cache
    between the two calls of a pair; the intercept theorem is skipped with the reason."""
    report = tmp_path / "report.json"
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("LASSO_IMPL", "LASSO_IMPL_CMD", "LASSO_REPORT",
                                "GITHUB_STEP_SUMMARY")}
    done = subprocess.run(
        [sys.executable, "-m", "lasso_spec.conformance.cli", "verify", "--impl",
         "meta.metamorphic_solvers:stale_gram", "--profile", "ci", "-q", "-k",
         "metamorphic/column-permutation or metamorphic/intercept-shift", "--report",
         str(report)], cwd=Path(__file__).parent, capture_output=True, text=True,
        env=environment, timeout=600, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "metamorphic/column-permutation: theorem: permuting the columns" in done.stdout
    assert "During handling" not in done.stdout  # the account once, not a chained copy
    entries = {e["check"]: e for e in json.loads(report.read_text())["checks"]}
    failed = entries["metamorphic/column-permutation"]
    assert failed["result"] == "fail"
    assert failed["failure"]["message"].startswith("metamorphic/column-permutation: theorem: ")
    skipped = entries["metamorphic/intercept-shift"]
    assert skipped["result"] == "skip" and "an intercept" in skipped["skip_reason"]


@pytest.mark.parametrize("name", list(THEOREMS))
def test_every_pair_has_a_nonzero_optimum(name):
    """A pair with w* = 0 on both sides says only "0 maps to 0" (metamorphic._not_trivial)."""
    _, kind, family = next(m for m in METAMORPHIC if m[2] == f"metamorphic:{name}")

    @settings(max_examples=5, derandomize=True, database=None, deadline=None)
    @given(metamorphic.problems(kind, family))
    def pairs(pair):
        assert any(exact_solution(pair.first).w) and any(exact_solution(pair.second).w)

    pairs()
