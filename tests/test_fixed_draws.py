"""The gate's draws depend on the profile alone (profiles.fixed_draws): importing a module
full of literals, as a solver's own package is, changes hypothesis' derandomized examples
of a plain ``@given`` test, and leaves the gate's problems as they were.

Where lasso_spec is installed in site-packages (tox, a user's CI) it is not local, so before
the import hypothesis knows no local literal and the gate's draws would move with the import
(measured, with fixed_draws made a no-op: the 30 problems differ).  From a source checkout's
editable install lasso_spec's own literals already fill the small ranges the gate draws from,
and the same import moves nothing either way.
"""

import json
import subprocess
import sys
import textwrap

import pytest

#: Run in a fresh interpreter (this session's test run already holds fixed_draws): the gate's
#: problems and a plain @given test's draws, before and after importing a local module whose
#: literals hypothesis collects.
SCRIPT = textwrap.dedent('''
    import json, sys
    from hypothesis import given, settings, strategies as st
    from lasso_spec.conformance import profiles, strategies
    from lasso_spec.conformance.adapters import reference_exact
    from lasso_spec.conformance.api import run_checks

    reference = reference_exact().solve

    def gate_problems():
        seen = []
        def recording(X, y, l1, l2):
            seen.append([X.tolist(), y.tolist(), l1, l2])
            return reference(X, y, l1, l2)
        (result,) = run_checks(recording, select="generated/lasso/generic", profile="ci",
                               isolated=False)
        assert result.result == "pass", result.message
        return seen

    def plain_draws():
        seen = []
        @settings(settings.get_profile("ci"), max_examples=200)
        @given(st.integers(10**6, 10**6 + 1000))
        def draw(value):
            seen.append(value)
        draw()
        return seen

    before = gate_problems(), plain_draws()
    sys.path.insert(0, sys.argv[1])
    import solver_literals  # a local module: hypothesis collects its literals
    after = gate_problems(), plain_draws()
    print(json.dumps({"gate": [len(before[0]), before[0] == after[0]],
                      "plain": [1000537 in before[1], 1000537 in after[1]]}))
''')

#: A solver's literals: thresholds, iteration caps, and 1000537, which the plain test's range
#: holds and hypothesis' own constants do not.
LITERALS = "LITERALS = " + repr([*range(-20, 101), 1000537, 1e-8, 1e-4, 0.37, 0.5, 2.5, 1e6])


def test_the_gate_draws_the_same_problems_whatever_else_is_imported(tmp_path):
    (tmp_path / "solver_literals.py").write_text(LITERALS + "\n")
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])
    if seen["plain"] == [False, False]:
        pytest.skip("this hypothesis draws no literals of local modules: nothing to fix")
    assert seen["plain"] == [False, True]  # a plain @given test draws the solver's literal
    assert seen["gate"] == [30, True]  # the gate's 30 problems are the same
