"""Finish a mutation run by a random sample of the mutants it has not checked, and estimate
the score of the whole target with a confidence interval.

    python mutation/sample.py WORK --size N [--seed S] [--batches K] [--max-children C]
    python mutation/sample.py WORK --report-only

Why: after ``mutation/run.py`` has checked the cheap mutants (mutmut runs the mutants with
the fewest tests first), the ones left are those of the functions every exact test calls,
and each survivor among them costs the whole ~120 s of those tests.  Checking all of them
takes hours; a uniform random sample of them gives the score of the whole target with a
stated error ("mutant sampling": Acree 1980, Budd 1980; Zhang et al., ICSE 2013).

How: the mutants not checked when the sample is drawn are the population, in strata by
module.  ``--size N`` draws N of them (proportional allocation, largest remainders, a seeded
``random.Random``) and writes the draw to ``.mutation/WORK-sample.json``: kept, so a second
call resumes it and never redraws; a larger ``--size`` extends it, uniformly again.  The
drawn mutants run with mutmut in K batches of random order, each batch complete, so a run
stopped between batches is still a uniform sample.

The estimate: for module m with ``R_m`` mutants unchecked at the draw, ``n_m`` of them drawn
and checked and ``k_m`` of those killed, the killed among the unchecked are estimated by
``R_m k_m / n_m``; with the mutants checked before the draw (exact, no sampling error)

    score = (killed_before + sum_m R_m k_m / n_m) / total,
    Var = sum_m R_m^2 p_m (1 - p_m) / n_m * (R_m - n_m) / (R_m - 1),   p_m = k_m / n_m,

and the interval is score ± 1.96 sqrt(Var) / total (normal approximation; a stratum whose
sample is all killed or all alive adds no variance, which is why every stratum is drawn
from).  A mutant killed by the tests written after the run (``WORK-recheck.json``,
``mutation/recheck.py``) counts as killed in the second estimate, as in TESTING.md's table.
"""

import argparse
import json
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from score import KILLED, module_of, results

Z95 = 1.959964


def _statuses(found):
    """{mutant: status} over every module of ``results(work)``."""
    return {n: s for statuses in found.values() for n, s in statuses.items()}


def allocate(remaining, size):
    """Proportional allocation of ``size`` draws over strata of the given sizes, by largest
    remainders, at least one draw from every non-empty stratum (when size allows).

    >>> allocate({"a": 300, "b": 100, "c": 0}, 8)
    {'a': 6, 'b': 2, 'c': 0}
    """
    total = sum(remaining.values())
    size = min(size, total)
    quota = {m: size * r / total for m, r in remaining.items()}
    draws = {m: max(math.floor(q), 1 if remaining[m] else 0) for m, q in quota.items()}
    while sum(draws.values()) > size:  # the minimum of one overshot: take from the largest
        m = max((m for m in draws if draws[m] > 1), key=lambda m: (draws[m] - quota[m], m))
        draws[m] -= 1
    order = sorted(remaining, key=lambda m: (draws[m] - quota[m], m))
    while sum(draws.values()) < size:
        m = next(m for m in order if draws[m] < remaining[m])
        draws[m] += 1
        order.remove(m)
    return draws


def draw(found, size, seed):
    """The sample: {module: sorted names drawn} and {module: unchecked count at the draw}."""
    status = _statuses(found)
    unchecked = {module_of(n): [] for n in status}
    for name in sorted(status):
        if status[name] == "not checked":
            unchecked[module_of(name)].append(name)
    remaining = {m: len(names) for m, names in sorted(unchecked.items())}
    rng = random.Random(seed)
    drawn = {m: sorted(rng.sample(unchecked[m], k)) for m, k in allocate(remaining, size).items()}
    return drawn, remaining


def extend(found, sample, size):
    """The sample grown to ``size``: each stratum's draws topped up to the allocation of the
    larger size by a uniform draw from its mutants not drawn yet (the union of two such
    draws is a uniform draw of the sum; the population is the one of the first draw, whose
    undrawn mutants are still the not-checked ones, as only drawn mutants have run since)."""
    status = _statuses(found)
    rng = random.Random(sample["seed"] + size)
    drawn = {}
    for module, k in allocate(sample["remaining"], size).items():
        old = sample["drawn"].get(module, [])
        rest = sorted(n for n in status
                      if module_of(n) == module and status[n] == "not checked" and n not in old)
        assert len(old) + len(rest) == sample["remaining"][module], module  # nothing else ran
        drawn[module] = sorted(old + rng.sample(rest, max(k - len(old), 0)))
    return {**sample, "size": sum(map(len, drawn.values())), "drawn": drawn}


def _parts(status, sample, module):
    """A module's mutants checked before the draw, and its drawn mutants checked since."""
    drawn = sample["drawn"].get(module, [])
    before = [n for n in status if module_of(n) == module
              and n not in drawn and status[n] != "not checked"]
    return before, [n for n in drawn if status[n] != "not checked"]


def estimate(found, sample, rechecked=()):
    """Per module: (estimated killed, total, variance, sample checked, killed in it)."""
    status = _statuses(found)
    rows = {}
    for module in sorted({module_of(n) for n in status}):
        killed = lambda n: status[n] in KILLED or n in rechecked  # noqa: E731
        before, checked = _parts(status, sample, module)
        total = sum(module_of(n) == module for n in status)
        k = sum(map(killed, checked))
        r = sample["remaining"].get(module, 0)
        if r and not checked:
            rows[module] = (None, total, None, 0, 0)
            continue
        p = k / len(checked) if checked else 0.0
        var = (r * r * p * (1 - p) / len(checked) * (r - len(checked)) / (r - 1)
               if r > 1 and checked else 0.0)
        rows[module] = (sum(map(killed, before)) + r * p, total, var, len(checked), k)
    return rows


def _interval(killed, total, var):
    half = Z95 * math.sqrt(var) / total
    return 100 * killed / total, 100 * (killed / total - half), 100 * (killed / total + half)


def _whole(rows):
    """The score of the whole with its interval, or None while a stratum has no sample."""
    if any(est is None for est, *_ in rows.values()):
        return None
    total = sum(t for _, t, *_ in rows.values())
    return _interval(sum(e for e, *_ in rows.values()), total,
                     sum(v for _, _, v, *_ in rows.values()))


HEADER = ("| module | mutants | checked one by one | of them killed | unchecked: sampled "
          "| killed in the sample | + killed by the later tests | estimate, the run's tests "
          "| estimate, the suite now |")


def report(found, sample, rechecked):
    """The table of TESTING.md ("The run of all of reference/"), in Markdown."""
    status = _statuses(found)
    run_only, now = estimate(found, sample), estimate(found, sample, rechecked)
    print(f"sample: {sample['size']} of {sum(sample['remaining'].values())} unchecked, "
          f"seed {sample['seed']}\n")
    print(HEADER)
    print("|" + " --- |" * HEADER.count(" | ") + " --- |")
    for module, (est, total, _var, n, k) in run_only.items():
        before, checked = _parts(status, sample, module)
        later = sum(status[x] not in KILLED and x in rechecked for x in before + checked)
        r = sample["remaining"].get(module, 0)
        shown = ["–" if e is None else f"{100 * e / total:.1f} %" for e in (est, now[module][0])]
        print(f"| `{module}` | {total} | {len(before)} | "
              f"{sum(status[x] in KILLED for x in before)} | "
              f"{f'{n} of {r}' if r else '–'} | {k if r else '–'} | "
              f"{f'+{later}' if later else ''} | {shown[0]} | {shown[1]} |")
    for label, rows in (("the run's tests", run_only), ("the suite now", now)):
        whole = _whole(rows)
        print(f"all reference/, {label}: " + ("no estimate yet (a stratum has no sample)"
              if whole is None else "{:.1f} % (95 % interval {:.1f} % to {:.1f} %)".format(*whole)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", help="the work tree .mutation/WORK of an interrupted run")
    parser.add_argument("--size", type=int,
                        help="mutants to draw; on a sample drawn before, a larger size extends it")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--batches", type=int, default=1)
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args(argv)
    work = run.ROOT / ".mutation" / args.work
    path = work.parent / f"{args.work}-sample.json"
    found = results(work)
    if path.exists():
        sample = json.loads(path.read_text(encoding="utf-8"))
        if args.size and args.size > sample["size"]:
            sample = extend(found, sample, args.size)
            path.write_text(json.dumps(sample, indent=1) + "\n", encoding="utf-8")
    elif args.size:
        drawn, remaining = draw(found, args.size, args.seed)
        sample = {"seed": args.seed, "size": sum(map(len, drawn.values())),
                  "remaining": remaining, "drawn": drawn}
        path.write_text(json.dumps(sample, indent=1) + "\n", encoding="utf-8")
    else:
        parser.error(f"no sample in {path}: give --size")
    if not args.report_only:
        status = _statuses(found)
        todo = [n for names in sample["drawn"].values() for n in names
                if status[n] == "not checked"]
        random.Random(args.seed + 1).shuffle(todo)
        for b in range(args.batches):
            batch = todo[b::args.batches]
            if batch:
                print(f"batch {b + 1}/{args.batches}: {len(batch)} mutants", flush=True)
                code = run.run_mutmut(work, run.mutmut_env(work), args.max_children, batch)
                if code != 0:
                    sys.exit(f"mutation/sample.py: mutmut exited with {code} "
                             f"(log: {work}/mutmut.log)")
        found = results(work)
    recheck = work.parent / f"{args.work}-recheck.json"
    rechecked = {n for n, s in json.loads(recheck.read_text()).items() if s == "killed"} \
        if recheck.exists() else set()
    report(found, sample, rechecked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
