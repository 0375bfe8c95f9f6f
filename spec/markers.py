"""Which tests check which clause: a deterministic scan of the test sources.

A test cites clause or claim IDs with ``@pytest.mark.spec("ID", ...)`` on a
test function (or a test class, which covers its methods).  The scan parses
``tests/**/test_*.py`` with ``ast``, so it does not depend on which tests a
particular pytest run collects.
"""

from __future__ import annotations

import ast
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  # the source tree's tests; absent from an installed wheel
#: The scan's result as shipped: SPEC.md is rendered from it, so an installed copy renders
#: the same text.  ``python -m lasso_spec.spec --tests tests`` refreshes it.
CITATIONS = Path(__file__).with_name("citations.json")


def _spec_ids(decorators) -> list[str]:
    """IDs of every ``pytest.mark.spec(...)`` / ``mark.spec(...)`` decorator."""
    ids = []
    for dec in decorators:
        if not isinstance(dec, ast.Call):
            continue
        name = ast.unparse(dec.func)
        if name in ("pytest.mark.spec", "mark.spec"):
            for arg in dec.args:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    raise ValueError(f"spec marker arguments must be string literals: {name}")
                ids.append(arg.value)
    return ids


def _tests_in(tree: ast.Module):
    """(qualified test name, decorators in force) for module-level tests and class methods."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(
            "test"
        ):
            yield node.name, node.decorator_list
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(
                    item, (ast.FunctionDef, ast.AsyncFunctionDef)
                ) and item.name.startswith("test"):
                    yield f"{node.name}::{item.name}", [*node.decorator_list, *item.decorator_list]


def scan(tests_dir: Path = TESTS) -> dict[str, tuple[str, ...]]:
    """ID -> sorted test node IDs (``tests/test_x.py::test_y``, and the gate's
    ``conformance/checks.py``) citing it."""
    found = defaultdict(set)
    gate = tests_dir.parent / "conformance" / "checks.py"  # the gate's checks, run by tests/
    for path in [*sorted(tests_dir.rglob("test_*.py")), *([gate] if gate.exists() else [])]:
        tree = ast.parse(path.read_text(), filename=str(path))
        rel = path.relative_to(tests_dir.parent).as_posix()
        for name, decorators in _tests_in(tree):
            for ident in _spec_ids(decorators):
                found[ident].add(f"{rel}::{name}")
    return {ident: tuple(sorted(tests)) for ident, tests in sorted(found.items())}


def stored() -> dict[str, tuple[str, ...]]:
    """The shipped citations (``citations.json``): ID -> citing test node IDs."""
    data = json.loads(CITATIONS.read_text(encoding="utf-8"))
    return {ident: tuple(tests) for ident, tests in data.items()}


def citations_json(cited: dict[str, tuple[str, ...]]) -> str:
    """The text of ``citations.json`` for a scan result."""
    return json.dumps({k: list(v) for k, v in cited.items()}, indent=1, ensure_ascii=False) + "\n"


def known_ids() -> tuple[str, ...]:
    """Every ID a marker may cite: the clauses, then the claims."""
    from .claims import CLAIMS
    from .clauses import CLAUSES

    return tuple(c.id for c in CLAUSES) + tuple(c.id for c in CLAIMS)


def problems(tests_dir: Path = TESTS) -> list[str]:
    """Unknown IDs cited by a test, and IDs no test cites; empty when all is well."""
    cited = scan(tests_dir)
    known = set(known_ids())
    unknown = [
        f"unknown spec ID {i!r} cited by {', '.join(t)}" for i, t in cited.items() if i not in known
    ]
    untested = [f"no test cites {i}" for i in known_ids() if i not in cited]
    return unknown + untested
