"""Per-check results: collected from test reports, printed as a table, written as JSON.

Each conformance test keeps one ``stats`` dict in ``item.user_properties``
(key ``"conformance"``), updated problem by problem.  pytest copies
user_properties into every test report, and pytest-xdist ships them from the
workers to the controller, so :class:`Collector` (running where
``pytest_runtest_logreport`` runs: the single process, or the xdist
controller) sees every check's numbers with the same verdicts either way.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from pathlib import Path


def new_stats(check_id):
    """The numbers one check accumulates over its problems."""
    return {
        "check": check_id,
        "problems": 0,
        "failures": 0,
        "worst_kkt_rel": 0.0,
        "worst_gap_rel": 0.0,
        "tiny_values": 0,
        "non_unique_equivalent": 0,
        "failure": None,
        "skip_reason": None,
    }


def update(stats, verdict, description):
    """Fold one verdict into a check's stats."""
    stats["problems"] += 1
    if verdict.kkt_rel is not None:
        stats["worst_kkt_rel"] = max(stats["worst_kkt_rel"], verdict.kkt_rel)
    if verdict.gap_rel is not None:
        stats["worst_gap_rel"] = max(stats["worst_gap_rel"], verdict.gap_rel)
    stats["tiny_values"] += len(verdict.tiny)
    stats["non_unique_equivalent"] += any("non-unique" in note for note in verdict.notes)
    if not verdict.passed:
        stats["failures"] += 1
        stats["failure"] = {**verdict.summary(), "message": description}


def _outcome(report):
    if hasattr(report, "wasxfail"):
        return "xfail" if report.skipped else "xpass"
    return {"passed": "pass", "failed": "fail", "skipped": "skip"}[report.outcome]


def check_order(check_id):
    """The canonical position of a check (its place in catalogue.CHECK_IDS, unknown ones last)."""
    from .catalogue import CHECK_IDS

    return (CHECK_IDS.index(check_id), "") if check_id in CHECK_IDS else (len(CHECK_IDS), check_id)


class Collector:
    """Gathers the conformance results of one session.

    Results arrive in completion order, which under pytest-xdist depends on the workers'
    timing; :meth:`ordered` (used for the table, the JSON and the Markdown) sorts them into
    the canonical check order, so every run writes the same report whatever ``-n`` is.
    """

    def __init__(self):
        self.results = {}

    def add(self, report):
        """Record one test report; the entry when a check has finished, else None."""
        stats = dict(report.user_properties).get("conformance")
        if stats is None:
            return None
        if report.when == "call" or (report.when == "setup" and report.skipped):
            entry = dict(stats)
            entry["result"] = "error" if stats.get("internal_error") else _outcome(report)
            if report.skipped and not hasattr(report, "wasxfail"):
                entry["skip_reason"] = entry["skip_reason"] or _skip_reason(report)
            if hasattr(report, "wasxfail"):
                entry["xfail_reason"] = report.wasxfail
            entry["seconds"] = round(float(getattr(report, "duration", 0.0)), 3)
            self.results[report.nodeid] = entry
            return entry
        if report.when == "teardown" and report.failed and report.nodeid in self.results:
            self.results[report.nodeid]["result"] = "fail"
        return None

    def ordered(self):
        """The entries in the canonical check order (then node ID): the same for every run."""
        keys = sorted(self.results, key=lambda k: (check_order(self.results[k]["check"]), k))
        return [self.results[k] for k in keys]

    def totals(self):
        counts = {}
        for entry in self.results.values():
            counts[entry["result"]] = counts.get(entry["result"], 0) + 1
        return dict(sorted(counts.items()))

    def table(self, header, width=120):
        """The readable per-check summary; long notes wrap (never cut) under the note column."""
        lines = [header, _row("check", "result", "problems", "worst KKT/λ", "worst gap", "note")]
        for entry in self.ordered():
            note = ""
            if entry["result"] == "skip":
                note = entry.get("skip_reason") or ""
            elif entry["result"] in ("xfail", "xpass"):
                note = "expected failure: " + (entry.get("xfail_reason") or "")
            elif entry["failure"]:
                note = entry["failure"]["triage"] or ""
            elif entry["tiny_values"]:
                note = f"{entry['tiny_values']} tiny values read as zeros"
            if entry["non_unique_equivalent"] and entry["result"] == "pass":
                note = (note + "; " if note else "") + (
                    f"{entry['non_unique_equivalent']} non-unique but equivalent"
                )
            lines += _wrapped(
                _row(entry["check"], entry["result"].upper(), str(entry["problems"]),
                     _number(entry["worst_kkt_rel"], entry), _number(entry["worst_gap_rel"], entry),
                     ""),
                note, width,
            )
        totals = ", ".join(f"{v} {k}" for k, v in self.totals().items())
        lines.append(f"conformance totals: {totals or 'no checks ran'}")
        return lines

    def write_json(self, path, meta):
        document = {**meta, "totals": self.totals(), "checks": self.ordered()}
        Path(path).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")

    def markdown(self, meta, verdict):
        """A Markdown summary for CI (e.g. $GITHUB_STEP_SUMMARY): verdict, totals, failures."""
        impl = meta["implementation"]
        totals = ", ".join(f"{v} {k}" for k, v in self.totals().items()) or "no checks ran"
        lines = [
            f"### lasso-spec conformance: {impl['name']} {impl['version']}: {verdict}",
            "",
            f"{totals}; accuracy demanded F(w) − F* ≤ {meta['gap_rtol']:g}·S; hypothesis "
            f"profile `{meta['hypothesis']['profile']}`",
            "",
            "| check | result | problems | worst KKT/λ | worst gap | note |",
            "|---|---|---:|---:|---:|---|",
        ]
        for entry in self.ordered():
            note = _note(entry).replace("|", "\\|")
            lines.append(
                f"| `{entry['check']}` | {entry['result'].upper()} | {entry['problems']} | "
                f"{_number(entry['worst_kkt_rel'], entry)} | "
                f"{_number(entry['worst_gap_rel'], entry)} | {note} |"
            )
        return "\n".join(lines) + "\n\n"


def _note(entry):
    if entry["result"] == "skip":
        return entry.get("skip_reason") or ""
    if entry["result"] in ("xfail", "xpass"):
        return "expected failure: " + (entry.get("xfail_reason") or "")
    if entry["failure"]:
        return entry["failure"].get("triage") or ""
    return ""


def _number(value, entry):
    return "-" if not entry["problems"] else f"{value:.2g}"


_NOTE_COLUMN = 40 + 1 + 6 + 1 + 8 + 2 + 11 + 2 + 9 + 2


def _row(check, result, problems, kkt, gap, note):
    return f"{check:<40} {result:<6} {problems:>8}  {kkt:>11}  {gap:>9}  {note}"


def _wrapped(row, note, width):
    """The row with its note wrapped at word boundaries under the note column (never cut)."""
    import textwrap

    room = max(30, width - _NOTE_COLUMN)
    pieces = textwrap.wrap(note, room, break_long_words=False, break_on_hyphens=False) or [""]
    return [row + pieces[0]] + [" " * _NOTE_COLUMN + piece for piece in pieces[1:]]


def _skip_reason(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def write_kkt_bands(results, report_path, gap_rtol):
    """Draw the KKT band of each failing check's answer beside the JSON report.

    The figure (figures.write_kkt_band) plots every c_j = x_jᵀr − 2λ₂w_j against
    [−λ₁, λ₁], with the violations marked, allowing each coordinate the KKT tolerance
    δ_j = √(2G(‖x_j‖² + 2λ₂)) of the verdict (spec CONFORMANCE-TOLERANCE).  Each failure
    entry gets ``"kkt_band"``: the file's path, or why there is none (matplotlib is an
    optional extra; a problem with options has no band: the figure is the canonical KKT
    picture, and its answer (w, b) is not a canonical w).  Returns the paths written.
    """
    from lasso_spec.reference import Problem

    from .tolerance import augmented_column_norms_sq, gap_tolerance

    failures = [e["failure"] for e in results if e.get("failure") and e["failure"].get("w")]
    if not failures:
        return []
    try:
        import matplotlib  # noqa: F401  (the optional extra)

        import lasso_spec.figures as figures
    except ImportError:
        for failure in failures:
            failure["kkt_band"] = "not drawn: matplotlib is not installed (pip install matplotlib)"
        return []
    report_path = Path(report_path)
    written = []
    for entry in results:
        failure = entry.get("failure")
        if failure not in failures:
            continue
        problem = Problem.from_json(failure["problem_judged"])
        if problem.options:  # the band is the canonical KKT picture (no b, s, v, w ≥ 0)
            failure["kkt_band"] = ("not drawn: the KKT band is drawn for problems without "
                                   "options (intercept, weights, positivity, penalty factors)")
            continue
        G = gap_tolerance(problem, gap_rtol)
        delta = [math.sqrt(float(2 * G * a)) for a in augmented_column_norms_sq(problem)]
        slug = re.sub(r"[^A-Za-z0-9]+", "-", entry["check"]).strip("-")
        path = report_path.with_name(f"{report_path.stem}-{slug}-kkt.png")
        w = [Fraction(v) for v in failure["w"]]
        figures.write_kkt_band(problem, w, path, tolerance=delta,
                               title=f"{entry['check']}: the failing answer")
        failure["kkt_band"] = str(path)
        written.append(path)
    return written
