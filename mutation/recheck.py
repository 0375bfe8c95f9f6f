"""Re-check the survivors of a finished (or stopped) mutation run against tests added since.

    python mutation/recheck.py WORK [--sample] [--new] MODULE=TESTFILE[,TESTFILE…] …

For each mutant that survived in ``.mutation/WORK`` whose module is named, the mutant's diff
(``mutmut show``) is applied to the module in the working tree, the given test files run,
and the module restored; the result (killed / survived) is printed and written to
``.mutation/WORK-recheck.json`` (merged with earlier re-checks).  A mutant that the named
tests kill is killed by the suite; one they do not kill has survived the rest of the suite
already (in the run), so the two results together are the suite's verdict with the tests
added after the run.  ``--sample``: only the survivors drawn in ``WORK-sample.json``
(``mutation/sample.py``); ``--new``: only survivors not re-checked before.
"""

import argparse
import json
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import MUTMUT, module_of  # mutation/score.py

ROOT = Path(__file__).resolve().parents[1]


def _blocks(diff):
    old, new = [], []
    for line in diff.splitlines():
        if line.startswith(("---", "+++", "@@", "#")):
            continue
        if line.startswith("-"):
            old.append(line[1:])
        elif line.startswith("+"):
            new.append(line[1:])
        else:
            old.append(line[1:])
            new.append(line[1:])
    return "\n".join(old) + "\n", "\n".join(new) + "\n"


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", help="the work tree .mutation/WORK of a run")
    parser.add_argument("targets", nargs="+", metavar="MODULE=TESTFILE[,TESTFILE…]")
    parser.add_argument("--sample", action="store_true",
                        help="only the survivors drawn in WORK-sample.json")
    parser.add_argument("--new", action="store_true", help="only survivors not re-checked")
    args = parser.parse_args(argv)
    bad = [t for t in args.targets if "=" not in t]
    if bad:
        parser.error(f"a target is MODULE=TESTFILE[,TESTFILE…], got {bad[0]!r}")
    return args


def main(argv):
    # SIGTERM too restores the module (the ``finally`` below): never leave a mutant behind
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("mutation/recheck.py: terminated"))
    args = _arguments(argv)
    work = ROOT / ".mutation" / args.work
    targets = dict(arg.split("=", 1) for arg in args.targets)
    summary = json.loads((work.parent / f"{args.work}-summary.json").read_text())
    only = None
    if args.sample:
        drawn = json.loads((work.parent / f"{args.work}-sample.json").read_text())["drawn"]
        only = {n for names in drawn.values() for n in names}
    out = work.parent / f"{args.work}-recheck.json"
    results = json.loads(out.read_text()) if out.exists() else {}  # earlier re-checks kept
    for name, status in sorted(summary["not_killed"].items()):
        module = module_of(name)
        if status != "survived" or module not in targets:
            continue
        if only is not None and name not in only:
            continue
        if results.get(name) == "killed":  # by an earlier re-check: tests are only ever added
            continue
        if args.new and name in results:
            continue
        diff = subprocess.run(
            [*MUTMUT, "show", name], cwd=work, capture_output=True, text=True
        ).stdout
        path = ROOT / name.split(".")[1] / module  # lasso_spec.<package>.<module>.x_…
        source = path.read_text(encoding="utf-8")
        old, new = _blocks(diff)
        if source.count(old) != 1:  # the context changed since (a docstring): changed lines only
            old, new = _blocks("\n".join(li for li in diff.splitlines() if li[:1] in "+-"))
        if source.count(old) != 1:
            results[name] = "not applied"
            print(f"{name}: not applied (context not unique)", flush=True)
            continue
        try:
            path.write_text(source.replace(old, new), encoding="utf-8")
            tests = [str(ROOT / t) for t in targets[module].split(",")]
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
                cwd="/tmp",
                capture_output=True,
                text=True,
            )
        finally:
            path.write_text(source, encoding="utf-8")
        results[name] = "killed" if done.returncode else "survived"
        print(f"{name}: {results[name]}", flush=True)
        out.write_text(json.dumps(results, indent=2) + "\n")  # after each: a stop loses none
    out.write_text(json.dumps(results, indent=2) + "\n")
    killed = sum(v == "killed" for v in results.values())
    print(f"{killed} of {len(results)} re-checked survivors killed ({out})")


if __name__ == "__main__":
    main(sys.argv[1:])
