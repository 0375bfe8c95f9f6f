"""Mutation testing of this project's own tests, with mutmut 3 (``tox -e mutation``; TESTING.md).

    python mutation/run.py [reference | judge] [--max-children N] [--fail-under PCT]
                           [--only FILE ...] [--work NAME] [--resume] [--report-only]
                           [--diffs]

The layout problem, and how it is solved: the repository keeps its top-level directories
(``reference/``, ``conformance/``, …) and installs them as ``lasso_spec.<name>`` through
``package-dir``, but mutmut copies the sources into a ``mutants/`` directory and the tests
must import that mutated copy as ``lasso_spec.reference``.  So the sources are *staged* in a
src-layout tree of their own, ``.mutation/<target>/src/lasso_spec/<package>`` (copies: a
snapshot, so edits made to the working tree during a run do not disturb it), beside copies
of ``tests/``, ``conftest.py`` and ``pyproject.toml`` with a ``[tool.mutmut]`` section.
mutmut runs there: it puts ``mutants/src`` first on ``sys.path`` (its src-layout
convention), so ``lasso_spec`` (a namespace package) resolves every subpackage to the staged,
mutated copy, ahead of any installed one; mutmut's own forced-fail run checks that the tests
really import the mutated code.  ``.mutation/`` is ignored by git, by pytest (a dot
directory) and by the wheel (explicit package list).

A target is the modules mutated (for reference/: all of them) and the tests that cover them
(for reference/: the files of ``tox -e coverage``, which cover every branch, and the
``test_mutation_kills_*`` files), run with the profile ``mutation``: ``ci`` (derandomized:
the same examples, so the same score, every run) with ``--examples`` examples per property
(30; ci has 150), and, as mutmut always does, ``-x``.  mutmut runs, for each mutant, only
the tests that call the mutated function (recorded in one stats run), in a forked process;
``_mutmut.py`` orders them fastest first.

After the run the score is printed per module, killed / checked (a timeout counts as killed:
the tests noticed), with every surviving mutant; ``--diffs`` also prints each survivor's
diff, and a ``<work>-summary.json`` is written beside the work tree.  ``--fail-under PCT``
makes the exit status 1 when the score of the whole target is below PCT, or when the run
did not check every mutant.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("spec", "reference", "conformance", "porting", "figures")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import report, results  # noqa: E402  (mutation/score.py)


#: The tests of the reference: the files of ``tox -e coverage``, which must cover every
#: branch of reference/ (read from tox.ini, so that the two lists cannot drift apart).
def _coverage_tests():
    text = (ROOT / "tox.ini").read_text(encoding="utf-8")
    section = text[text.index("[testenv:coverage]") :]
    return re.search(r"\{posargs:([^}]*)\}", section)[1].split()


TARGETS = {
    "reference": {
        "package": "reference",
        "modules": None,  # every module of reference/
        "tests": [*_coverage_tests(), "tests/test_mutation_kills_*.py"],
    },
    "judge": {
        "package": "conformance",
        "modules": ["verdict.py", "certificate_checks.py", "tolerance.py", "received.py",
                    "answers.py", "option_verdict.py", "option_triage.py"],
        # the test files that call the judge in-process and run in the staged tree (mutmut
        # runs, per mutant, only the tests that call the mutated function); not
        # test_vectors.py (reads spec/vectors/ by its repository path) nor
        # test_metamorphic_gate.py (its gate subprocess fails in the staged tree, unmutated)
        "tests": [
            "tests/test_answers.py",
            "tests/test_verdict_boundaries.py",
            "tests/test_verdict_notes.py",
            "tests/test_check_details.py",
            "tests/test_option_verdict_details.py",
            "tests/test_triage.py",
            "tests/test_internal_errors.py",
            "tests/test_conformance_meta.py",
            "tests/test_gate.py",
            "tests/test_zero_scale.py",
            "tests/test_option_gate.py",
            "tests/test_spec_derivations.py",
        ],
    },
}

#: Examples per property test in a mutation run (TESTING.md, "Profile").
EXAMPLES = 30

def _modules(target, only):
    package = ROOT / target["package"]
    every = sorted(p.name for p in package.glob("*.py"))
    names = [Path(name).name for name in only] if only else list(target["modules"] or every)
    left = sorted(p.name for p in package.glob("*.py") if p.name not in names)
    print(f"mutation/run.py: not mutated in {target['package']}/: {', '.join(left) or '-'}")
    missing = [name for name in names if not (package / name).is_file()]
    if missing:
        sys.exit(f"mutation/run.py: no such module in {target['package']}/: {missing}")
    return [f"src/lasso_spec/{target['package']}/{name}" for name in names]


def _tests(target):
    """The test files of a target, and the doctests of its package's modules (by node ID)."""
    found = []
    for pattern in target["tests"]:
        found += sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(pattern))
    package = target["package"]
    names = sorted(p.stem for p in (ROOT / package).glob("*.py"))
    modules = [f"lasso_spec.{package}"]
    modules += [f"lasso_spec.{package}.{n}" for n in names if n not in ("__init__", "__main__")]
    found = [f for f in dict.fromkeys(found) if f != "tests/test_doctests.py"]  # once each;
    # of the doctests, only the package's own:
    return found + [f"tests/test_doctests.py::test_docstring_examples[{m}]" for m in modules]


def _toml_list(values):
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


#: The hypothesis profile of the run, appended to the staged conftest.py: ``ci``
#: (derandomized: the same examples, so the same score, every run) with fewer examples.
MUTATION_PROFILE = """

# ---- written by mutation/run.py for this staged run only ----
from lasso_spec.conformance.profiles import register_ci_variant  # noqa: E402

register_ci_variant("mutation", {examples})
"""


def stage(work, target, modules, tests, examples):
    """The src-layout tree of a run: every package, the tests, conftest and the configuration."""
    if work.exists():
        shutil.rmtree(work)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, work / "src" / "lasso_spec" / package, ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    # the Node.js port, which the gate's tests run by its repository path (porting/node/…)
    shutil.copytree(ROOT / "porting" / "node", work / "porting" / "node", ignore=ignore)
    shutil.copy2(ROOT / "conftest.py", work / "conftest.py")
    with open(work / "conftest.py", "a", encoding="utf-8") as conftest:
        conftest.write(MUTATION_PROFILE.format(examples=examples))
    mutated = f"src/lasso_spec/{target['package']}"
    also_copy = [f"src/lasso_spec/{p}" for p in PACKAGES if p != target["package"]]
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config += f"""

# ---- written by mutation/run.py for this staged run only ----
[tool.mutmut]
source_paths = {_toml_list([mutated])}
only_mutate = {_toml_list(modules)}
also_copy = {_toml_list([*also_copy, "conftest.py", "porting"])}
pytest_add_cli_args = ["--hypothesis-profile=mutation", "-p", "no:cacheprovider", "--no-isolation"]
pytest_add_cli_args_test_selection = {_toml_list(tests)}
use_git_change_detection = false
# A mutant whose tests use more than 2·5·(their measured time + 1 s) of CPU is a timeout,
# counted as killed (mutmut's default factor, 15, let one non-terminating descent mutant
# run for ten minutes): the tests are derandomized, so an unmutated run's time is the same.
timeout_multiplier = 5.0
"""
    (work / "pyproject.toml").write_text(config, encoding="utf-8")
    # Made now, so that the PYTHONPATH entry below is a directory from the interpreter's start
    # (a path entry missing at the first import is cached as "no finder" for good).
    (work / "mutants" / "src").mkdir(parents=True)


def _is_spinner(segment):
    return bool(segment) and "\u2800" <= segment[0] <= "\u28ff"


def mutmut_env(work):
    """The environment of a run: the tests' subprocesses (python -m lasso_spec.reference)
    import the mutated copy too; the profile is the staged one, never the caller's."""
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(work / "mutants" / "src"),
    }
    env.pop("HYPOTHESIS_PROFILE", None)
    return env


def run_mutmut(work, env, max_children, names=()):
    """``mutmut run [NAMES]`` in the staged tree; its whole output goes to mutmut.log, and a
    digest (no spinner frames, progress every 100 mutants) to stdout."""
    command = [sys.executable, str(Path(__file__).with_name("_mutmut.py")), "run"]
    command += ["--max-children", str(max_children), *names]
    shown = -1
    with open(work / "mutmut.log", "a", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        pending = ""
        for chunk in iter(lambda: process.stdout.read(4096), ""):
            log.write(chunk)
            log.flush()
            *segments, pending = re.split(r"[\r\n]", pending + chunk)
            for segment in segments:
                progress = re.match(r"\W*(\d+)/(\d+) ", segment)
                if progress and _is_spinner(segment):
                    done, total = int(progress[1]), int(progress[2])
                    if done != shown and (done % 100 == 0 or done == total):
                        shown = done
                        print("    " + segment[1:].strip(), flush=True)
                elif segment.strip() and not _is_spinner(segment):
                    print(segment, flush=True)
        return process.wait()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", nargs="?", default="reference", choices=sorted(TARGETS))
    parser.add_argument("--only", nargs="+", metavar="FILE", help="mutate these modules only")
    parser.add_argument("--max-children", type=int, default=1, help="parallel workers (1)")
    parser.add_argument("--fail-under", type=float, default=0.0, metavar="PCT")
    parser.add_argument(
        "--examples",
        type=int,
        default=EXAMPLES,
        metavar="N",
        help=f"examples per property test (profile ci with max_examples N; {EXAMPLES})",
    )
    parser.add_argument("--diffs", action="store_true", help="print each survivor's diff")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep the staged tree and mutmut's results of an interrupted run",
    )
    parser.add_argument(
        "--work", metavar="NAME", help="the work tree .mutation/NAME (default: the target's name)"
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="print the score of the last run without running anything",
    )
    args = parser.parse_args(argv)
    target = TARGETS[args.target]
    work = ROOT / ".mutation" / (args.work or args.target)
    start = time.monotonic()
    if not args.report_only:
        modules = _modules(target, args.only)
        if not (args.resume and work.exists()):
            stage(work, target, modules, _tests(target), args.examples)
        print(f"mutation/run.py: mutmut on {', '.join(modules)} in {work}", flush=True)
        status = run_mutmut(work, mutmut_env(work), args.max_children)
        if status != 0:
            sys.exit(f"mutation/run.py: mutmut run exited with {status} (log: {work}/mutmut.log)")
    score = report(work, results(work), time.monotonic() - start, args.diffs)
    if score < args.fail_under:
        print(f"mutation/run.py: score {score:.1f}% is below --fail-under {args.fail_under}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
