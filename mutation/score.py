"""The results of a mutation run (mutmut's .meta files) and its score, per module.

Used by ``mutation/run.py`` (the report after a run, ``--report-only``) and
``mutation/sample.py`` (the estimate from a sample).
"""

import json
import os
import subprocess
import sys
from collections import Counter

MUTMUT = [sys.executable, "-m", "mutmut"]

#: mutmut's statuses that count as killed: the tests noticed (a timeout included).
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def module_of(name):
    """The module file of a mutant: lasso_spec.reference.<module>.x_…__mutmut_N -> <module>.py.

    >>> module_of("lasso_spec.reference._path.x__candidates__mutmut_6")
    '_path.py'
    """
    return name.split(".")[2] + ".py"


def results(work):
    """{module path: {mutant name: status}} from mutmut's .meta files."""
    cwd = os.getcwd()
    os.chdir(work)  # mutmut reads its configuration from the working directory
    try:
        from mutmut.stats import status_by_exit_code
    finally:
        os.chdir(cwd)
    found = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        module = str(meta.relative_to(work / "mutants"))[: -len(".meta")]
        found[module] = {k: status_by_exit_code[v] for k, v in data["exit_code_by_key"].items()}
    return found


def _score(counts):
    """killed / checked, in %: a mutant not (yet) checked counts for nothing either way."""
    checked = sum(counts.values()) - counts["not checked"]
    return checked, (100 * counts["killed"] / checked if checked else 100.0)


def report(work, found, elapsed, diffs):
    rows, survivors = [], []
    total_counts = Counter()
    for module, statuses in found.items():
        counts = Counter("killed" if s in KILLED else s for s in statuses.values())
        total_counts.update(counts)
        rows.append((module.removeprefix("src/"), counts))
        survivors += [n for n, s in sorted(statuses.items()) if s not in KILLED | {"not checked"}]
    print()
    print(f"{'module':<44} {'killed':>7} {'checked':>8} {'total':>6} {'score':>7}   not killed")
    for module, counts in [*rows, ("all", total_counts)]:
        checked, score = _score(counts)
        other = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s != "killed")
        total = sum(counts.values())
        killed = counts["killed"]
        print(f"{module:<44} {killed:>7} {checked:>8} {total:>6} {score:>6.1f}%   {other}")
    print(f"\n{len(survivors)} mutants checked and not killed:")
    for name in survivors:
        status = next(found[m][name] for m in found if name in found[m])
        print(f"    {name}: {status}")
        if diffs:
            done = subprocess.run([*MUTMUT, "show", name], cwd=work, capture_output=True, text=True)
            print("\n".join("        " + line for line in done.stdout.splitlines()[1:]))
    print(f"\nmutation run: {elapsed:.0f} s")
    checked, score = _score(total_counts)
    summary = {
        "modules": {m: dict(Counter(s.values())) for m, s in found.items()},
        "killed": total_counts["killed"],
        "checked": checked,
        "total": sum(total_counts.values()),
        "score": score,
        "seconds": round(elapsed),
        "not_killed": {n: s for m in found.values() for n, s in m.items() if s not in KILLED},
    }
    (work.parent / f"{work.name}-summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    if checked < summary["total"]:
        print(f"mutation/run.py: {summary['total'] - checked} mutants not checked (--resume)")
        return 0.0  # an unfinished run meets no --fail-under
    return score
