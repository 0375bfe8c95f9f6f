"""``python -m reference``: the whole report, the exit statuses and the certify JSON (TESTING.md).

Written against the mutants that survived ``tox -e mutation`` in reference/__main__.py.  The
worked example's report is worked out by hand: Xᵀy = (5, 4), so λ_max = 5; on the path
w₀ = (5 − λ)/2 until x₁ᵀr = 4 − w₀ reaches λ at λ = 3 (w = (1, 0)); then
w = [[2, 1], [1, 2]]⁻¹(5 − λ, 4 − λ), which is (5/3, 2/3) at λ = 1, where r = (2, 1, 1)/3,
c = Xᵀr = (1, 1) and F = ½·6/9 + 7/3 = 8/3.
"""

import io
import json
import random
import sys
from fractions import Fraction

import pytest

from lasso_spec.reference import Problem, lambda_max
from lasso_spec.reference import __main__ as cli

WORKED_REPORT = """\
== the notes' worked example
   Problem.from_json({'X': [['1', '1'], ['1', '0'], ['0', '1']], 'y': ['3', '2', '1'], \
'l1': '1', 'l2': '0'})
   lambda_max = 5
   knot  lambda =            5   w = (0, 0)
   knot  lambda =            3   w = (1, 0)
   knot  lambda =            1   w = (5/3, 2/3)
   w*        = (5/3, 2/3)   (unique: True)
   F(w*)     = 8/3
   c_j       = (1, 1)   (x_j^T r - 2 l2 w_j)
   residual  = (0, 0)
   dual gap  = 0
   verdict   = OPTIMAL (exact KKT)
"""


def test_the_worked_example_report_line_by_line():
    out = io.StringIO()
    assert cli.report("the notes' worked example", cli.WORKED_EXAMPLE, out=out) is True
    assert out.getvalue() == WORKED_REPORT


def test_report_writes_to_standard_output_by_default(capsys):
    assert cli.report("the notes' worked example", cli.WORKED_EXAMPLE) is True
    assert capsys.readouterr().out == WORKED_REPORT


def test_report_solves_and_certifies_with_l2():
    """Ridge on the worked example: (XᵀX + 2I)w = Xᵀy is [[4, 1], [1, 4]]w = (5, 4)."""
    out = io.StringIO()
    assert cli.report("ridge", Problem([[1, 1], [1, 0], [0, 1]], [3, 2, 1], 0, 1), out=out)
    assert "   w*        = (16/15, 11/15)   (unique: True)\n" in out.getvalue()
    assert out.getvalue().endswith("   verdict   = OPTIMAL (exact KKT)\n")


def test_the_main_job_prints_both_reports(capsys):
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith(WORKED_REPORT + "== a random problem (seed 2026)\n")
    assert out.count("verdict   = OPTIMAL (exact KKT)") == 2


def test_the_random_problem_is_seeded_and_sits_at_a_third_of_lambda_max():
    problem = cli.random_problem()
    assert problem == cli.random_problem(2026) != cli.random_problem(2027)
    assert problem.shape == (6, 4) and cli.random_problem(5, n=3, p=2).shape == (3, 2)
    X, y = [list(row) for row in problem.X], list(problem.y)
    correlations = [abs(sum(row[j] * yi for row, yi in zip(X, y))) for j in range(4)]
    assert lambda_max(X, y) == max(correlations)
    assert problem.l1 == max(correlations) / 3 and problem.l2 == 0
    assert all(v.denominator == 1 for v in [*problem.y, *(v for row in X for v in row)])


def test_the_main_job_fails_when_a_certificate_fails(monkeypatch, capsys):
    """Exit status 1 and "NOT OPTIMAL" when either report's certificate fails."""
    real = cli.certify

    def fails_on(title_problem):
        def certify(X, y, w, l1, l2):
            cert = real(X, y, w, l1, l2)
            if Problem(X, y, l1, l2) == title_problem:
                w = [v + 1 for v in w]  # certify a point that is not the optimum
                cert = real(X, y, w, l1, l2)
            return cert

        return certify

    for problem in (cli.WORKED_EXAMPLE, cli.random_problem()):
        monkeypatch.setattr(cli, "certify", fails_on(problem))
        assert cli.main([]) == 1
        out = capsys.readouterr().out
        assert out.count("verdict   = NOT OPTIMAL\n") == 1 and "OPTIMAL (exact KKT)" in out


def test_main_reads_sys_argv_when_no_arguments_are_given(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["python -m lasso_spec.reference", "solve"])
    assert cli.main() == 2
    assert capsys.readouterr().err == cli.USAGE + "\n"


def _certify(data):
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(["certify"], stdin=io.StringIO(json.dumps(data)), out=out, err=err)
    return status, (json.loads(out.getvalue()) if out.getvalue() else None), err.getvalue()


WORKED = {"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1}


def test_certify_reports_the_bound_and_accepts_a_tolerance_equal_to_it():
    """At the exact optimum the bound on F(w) − F* is 0, and gap_tol = 0 is "at most 0"."""
    status, cert, _ = _certify({**WORKED, "w": ["5/3", "2/3"], "gap_tol": 0})
    assert status == 0 and cert["bound"] == "0" and cert["within_gap_tol"] is True
    assert cert["gap_tol"] == "0" and cert["passed"] is True
    status, cert, _ = _certify({**WORKED, "w": [2, 0]})  # excess F(2, 0) − 8/3 = 3 − 8/3
    assert status == 1 and Fraction(cert["bound"]) >= Fraction(1, 3)
    assert cert["objective"] == "3" and "within_gap_tol" not in cert


def test_certify_uses_l2():
    """Ridge on the worked example (l1 = 0, l2 = 1): the optimum is (16/15, 11/15)."""
    status, cert, _ = _certify({**WORKED, "l1": 0, "l2": 1, "w": ["16/15", "11/15"]})
    assert status == 0 and cert["optimal"] is True and cert["residual"] == ["0", "0"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**WORKED}, "certify: the input needs the candidate solution under the key 'w'\n"),
        (
            {**WORKED, "w": [1, 1], "gap_tol": "x"},
            "certify: gap_tol must be a number or a \"p/q\" string, got 'x'\n",
        ),
    ],
)
def test_certify_messages(data, message):
    status, cert, err = _certify(data)
    assert (status, cert, err) == (2, None, message)


def test_the_random_problem_follows_its_documented_recipe():
    """X row by row from randint(−4, 4), then y from randint(−6, 6), one Random(seed)."""
    for seed, n, p in [(2026, 6, 4), (7, 3, 5), (1, 60, 1)]:
        rng = random.Random(seed)
        X = [[rng.randint(-4, 4) for _ in range(p)] for _ in range(n)]
        y = [rng.randint(-6, 6) for _ in range(n)]
        assert cli.random_problem(seed, n=n, p=p) == Problem(X=X, y=y, l1=lambda_max(X, y) / 3)


def test_the_certify_json_is_indented_by_two_spaces():
    out, err = io.StringIO(), io.StringIO()
    text = json.dumps({"X": [[1]], "y": [1], "l1": 0, "w": [1]})
    assert cli.run_certify(io.StringIO(text), out, err) == 0
    result = json.loads(out.getvalue())
    assert out.getvalue() == json.dumps(result, indent=2) + "\n" and err.getvalue() == ""
