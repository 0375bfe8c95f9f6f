"""The real path, through the built wheel: a solver maintainer's repository uses the gate.

Builds the wheel of this repository, installs it into ONE fresh virtual environment
(dependencies from PyPI; pip's cache is used), creates a tiny external solver project
whose solver depends on scikit-learn, and from that project's directory runs

* ``lasso-spec verify --impl …`` (the console script of the wheel), and
* the pytest entry (``parametrize_checks``) in the project's own test suite,

asserting the verdicts: pass for the correct solver, the named triage ("λ₁ and λ₂
multiplied by n") for one that forgets the 1/n of scikit-learn's alpha.

Slow (venv, wheel, scikit-learn install: minutes) and needs PyPI, so it runs when
``LASSO_TEST_INSTALLED`` is set (`tox -e installed`, which CI runs), and is skipped otherwise.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not os.environ.get("LASSO_TEST_INSTALLED"),
    reason="builds the wheel and a fresh venv with scikit-learn (minutes, needs PyPI): "
           "run `tox -e installed` (sets LASSO_TEST_INSTALLED=1)",
)

README = ROOT / "README.md"


def readme_snippet(name):
    """The code block after ``<!-- snippet: NAME`` in the README: the commands and files a
    solver maintainer copies are the ones this test runs."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"<!-- snippet: {name} ")
    block = text.index("```python\n", start) + len("```python\n")
    return text[block:text.index("```", block)]


SOLVER = readme_snippet("skl_solver.py")
SUITE = readme_snippet("tests/test_lasso_spec.py")
OPTIONS = readme_snippet("skl_options.py")


def _run(command, cwd, env=None, timeout=1800):
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env,
                          check=False, timeout=timeout)
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin directory, project directory): the wheel installed in a fresh venv."""
    base = tmp_path_factory.mktemp("installed")
    wheels = base / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                  str(ROOT)], cwd=base)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("lasso_spec-*.whl")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], cwd=base)
    assert made.returncode == 0, made.stderr
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    pip = _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel),
                "scikit-learn"], cwd=base)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    project = base / "skl-project"
    (project / "tests").mkdir(parents=True)
    (project / "skl_solver.py").write_text(SOLVER)
    (project / "skl_options.py").write_text(OPTIONS)
    (project / "tests" / "test_lasso_spec.py").write_text(SUITE)
    (project / "pyproject.toml").write_text(textwrap.dedent("""\
        [project]
        name = "skl-solver"
        version = "0.1.0"
        [tool.pytest.ini_options]
        pythonpath = ["."]
        addopts = "-p no:cacheprovider"
        """))
    return bin_dir, project


def _env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTEST_ADDOPTS", "GITHUB_STEP_SUMMARY", "LASSO_IMPL",
                        "LASSO_REPORT", "VIRTUAL_ENV")}
    return env


def test_the_console_script_passes_the_correct_solver(installed):
    bin_dir, project = installed
    done = _run([str(bin_dir / "lasso-spec"), "verify", "--impl", "skl_solver:solve",
                 "-k", "worked or edge/ or lasso/generic"], cwd=project, env=_env())
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr
    report = project / "conformance-report-skl_solver-solve.json"
    assert report.exists() and '"fail"' not in report.read_text()
    assert "skl_solver:solve 0.1.0" in done.stdout


def test_the_console_script_names_the_1_over_n_slip(installed):
    bin_dir, project = installed
    done = _run([str(bin_dir / "lasso-spec"), "verify", "--impl", "skl_solver:forgets_n",
                 "-k", "worked"], cwd=project, env=_env())
    assert done.returncode == 1, done.stdout[-4000:] + done.stderr
    assert "λ₁ and λ₂ multiplied by n" in done.stdout


def test_an_intercept_weights_and_positivity_solver_is_verified(installed):
    """README step 6: the options solver passes the option checks; the alpha = l1/n slip
    under weights is named."""
    bin_dir, project = installed
    done = _run([str(bin_dir / "lasso-spec"), "verify", "--impl", "skl_options:solve",
                 "-k", "options"], cwd=project, env=_env())
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr
    assert "generated/options/intercept-weights-positive/lasso" in done.stdout
    done = _run([str(bin_dir / "lasso-spec"), "verify", "--impl", "skl_options:alpha_over_n",
                 "-k", "options"], cwd=project, env=_env())
    assert done.returncode == 1, done.stdout[-4000:] + done.stderr
    assert "sample weights normalised: rescaled by n/Σs" in done.stdout


def test_the_pytest_entry_in_the_solvers_own_suite(installed):
    bin_dir, project = installed
    done = _run([str(bin_dir / "python"), "-m", "pytest", "-q", "tests"], cwd=project,
                env=_env())
    assert done.returncode == 1, done.stdout[-4000:] + done.stderr
    assert "3 passed" in done.stdout and "1 xfailed" in done.stdout
    assert "2 failed" in done.stdout and "multiplied by n" in done.stdout
    assert "FAILED tests/test_lasso_spec.py::test_forgets_n[worked-example]" in done.stdout


def test_certify_and_vectors_work_from_the_wheel(installed):
    bin_dir, project = installed
    answer = project / "answer.json"
    answer.write_text('{"X": [[1, 1], [1, 0], [0, 1]], "y": [3, 2, 1], "l1": 1, '
                      '"w": [1.6666666666666667, 0.6666666666666666]}')
    done = _run([str(bin_dir / "lasso-spec"), "certify", str(answer)], cwd=project, env=_env())
    assert done.returncode == 0, done.stdout + done.stderr
    done = _run([str(bin_dir / "lasso-spec"), "vectors", "no-such-port-command"], cwd=project,
                env=_env())
    assert done.returncode == 2 and "cannot start" in done.stderr
