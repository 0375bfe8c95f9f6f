"""The registry, the marker meta-test, and the rendered SPEC.md."""

import subprocess
import sys
from pathlib import Path

import pytest

from lasso_spec.spec import markers
from lasso_spec.spec.claim import VERDICTS
from lasso_spec.spec.claims import CLAIMS
from lasso_spec.spec.clauses import CLAUSES

ROOT = Path(__file__).resolve().parent.parent


def test_every_spec_id_is_cited_and_every_citation_is_known():
    """Meta-test: each clause and claim has a test; no marker names an unknown ID."""
    assert markers.problems(ROOT / "tests") == []


def test_marker_scan_sees_unknown_ids_and_missing_clauses(tmp_path):
    """The scan itself works: an unknown ID and the uncited IDs are reported."""
    source = "import pytest\n\n@pytest.mark.spec('NO-SUCH-CLAUSE', 'OBJECTIVE')\n"
    (tmp_path / "test_fake.py").write_text(source + "def test_x():\n    pass\n")
    found = markers.problems(tmp_path)
    assert any("NO-SUCH-CLAUSE" in line for line in found)
    assert "no test cites KKT-ZERO" in found
    assert not any("no test cites OBJECTIVE" in line for line in found)


def test_ids_are_unique_and_stable_in_form():
    ids = markers.known_ids()
    assert len(ids) == len(set(ids))
    assert all(i == i.upper() and " " not in i for i in ids)
    assert {"OBJECTIVE", "KKT-ZERO", "CD-UPDATE", "DUAL-GAP", "FLOAT-KKT-TOLERANCE"} <= set(ids)


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c.id)
def test_every_clause_has_statement_and_latex(clause):
    """A clause renders formulas, or is declared prose (advice to porters, an algorithm)
    and renders none; its tests carry it."""
    assert clause.statement
    assert bool(clause.latex) != clause.prose
    assert all(isinstance(tex, str) and tex for tex in clause.latex)


def test_every_claim_is_quoted_verbatim_with_a_verdict():
    sources = ROOT / "spec" / "sources"
    for claim in CLAIMS:
        assert claim.verdict in VERDICTS
        assert claim.verdict != "false" or claim.counterexamples, claim.id
        for source, quote in claim.quotes:
            assert quote in (sources / source).read_text(encoding="utf-8"), (claim.id, quote)


def test_spec_md_is_up_to_date(capsys):
    """`python -m lasso_spec.spec --check` passes: the committed SPEC.md is a fresh rendering.

    In this process: its derivations are cached and shared with the other spec tests of
    this worker (a subprocess derived them all again: 10 CPU seconds).  The module entry
    itself is run below."""
    import lasso_spec.spec.__main__ as cli

    assert cli.main(["--check", "--tests", str(ROOT / "tests")]) == 0, capsys.readouterr()


def test_the_spec_command_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "lasso_spec.spec", "--help"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m lasso_spec.spec") and "--check" in done.stdout


def test_check_fails_on_drift(tmp_path, monkeypatch):
    """--check exits non-zero when the file differs from a fresh rendering."""
    import lasso_spec.spec.__main__ as cli

    stale = tmp_path / "SPEC.md"
    stale.write_text("stale\n", encoding="utf-8")
    monkeypatch.setattr(cli, "SPEC_PATH", stale)
    monkeypatch.setattr(cli, "render", lambda cited=None: "fresh\n")
    assert cli.main(["--check"]) == 1
    assert cli.main([]) == 0 and stale.read_text(encoding="utf-8") == "fresh\n"
    assert cli.main(["--check"]) == 0
