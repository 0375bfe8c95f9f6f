"""The Node.js port (porting/node/lasso_cd.js) proves the vectors and the protocol end to end.

It must pass every vector it does not declare unsupported, answer the edge-case
pack of the conformance suite within that suite's verdicts, and — as a check on
the runner — copies of it with a deliberate convention slip must fail.
"""

import os
import shutil
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from lasso_spec.conformance import cases, verdict
from lasso_spec.conformance.process_impl import ImplementationError, ProcessImplementation
from lasso_spec.porting import run_vectors, vector_file

ROOT = Path(__file__).resolve().parent.parent
PORT = ROOT / "porting" / "node" / "lasso_cd.js"
NODE = shutil.which("node")

# CI sets LASSO_REQUIRE_NODE=1 so that a missing runtime fails instead of skipping.
REQUIRED = os.environ.get("LASSO_REQUIRE_NODE", "") not in ("", "0")
needs_node = pytest.mark.skipif(
    NODE is None, reason="Node.js is not installed: `node` is not on PATH (CI installs it)"
)


def test_node_is_present_when_required():
    if not REQUIRED:
        pytest.skip("LASSO_REQUIRE_NODE is not set (only CI requires Node.js)")
    assert NODE is not None, "LASSO_REQUIRE_NODE=1 but `node` is not on PATH"


@pytest.fixture(scope="module")
def port():
    with ProcessImplementation(f"{NODE} {PORT}", timeout=60) as impl:
        yield impl


def _run_all(impl):
    vectors = vector_file.load_vectors()
    outcomes = run_vectors.run(impl, vectors, impl.relative_gap, impl.capabilities,
                               impl.reasons, ImplementationError)
    return vectors, outcomes


@needs_node
def test_the_port_declares_what_it_cannot_do(port):
    assert (port.name, port.version) == ("lasso_cd.js", "1.0.0")
    assert port.capabilities["least_squares"] is False and port.capabilities["exact_zeros"]
    assert 0 < port.relative_gap <= 1e-9  # within the conformance suite's GAP_RTOL
    assert "least_squares" in port.reasons
    with pytest.raises(ImplementationError, match="unsupported"):
        port([[1.0]], [1.0], 0.0, 0.0)


@pytest.mark.spec("CD-UPDATE", "SOFT-THRESHOLD", "DUAL-GAP", "GAP-DISTANCE-BOUND")
@needs_node
def test_the_port_passes_every_vector(port):
    vectors, outcomes = _run_all(port)
    failed = [f"{v.key}: {o.message}" for v, o in zip(vectors, outcomes) if o.status == "fail"]
    assert failed == []
    skipped = {v.key for v, o in zip(vectors, outcomes) if o.status == "skip"}
    declined = {v.key for v in vectors if "LeastSquares" in v.flags or v.options}
    assert skipped == declined  # least squares and the options it does not declare, no more
    assert sum(o.status == "pass" for o in outcomes) == len(vectors) - len(skipped)


@pytest.mark.spec("KKT-ZERO", "KKT-NONZERO", "KKT-RIDGE", "LAMBDA-MAX")
@pytest.mark.parametrize("case", cases.CASES, ids=lambda c: c.id)
@needs_node
def test_the_port_passes_the_conformance_edge_cases(port, case):
    problem = case.problem
    if not port.capabilities.get(cases.kind(problem), True):
        pytest.skip(f"declared unsupported: {cases.kind(problem)}")
    X = np.array([[float(v) for v in row] for row in problem.X])
    y = np.array([float(v) for v in problem.y])
    returned = port(X, y, float(problem.l1), float(problem.l2))
    judged = verdict.judge(problem, returned, exact_zeros=True)
    assert judged.passed, judged.describe("lasso_cd.js")


def _broken_port(tmp_path, original, replacement):
    source = PORT.read_text(encoding="utf-8")
    assert source.count(original) == 1
    # A slipped port never converges on some problems (it solves another one); a short sweep
    # cap keeps the run quick without changing what the runner must detect.
    cap = "const MAX_SWEEPS = 20000000;"
    assert source.count(cap) == 1
    source = source.replace(cap, "const MAX_SWEEPS = 20000;")
    path = tmp_path / "broken.js"
    path.write_text(source.replace(original, replacement), encoding="utf-8")
    return f"{NODE} {path}"


@pytest.mark.parametrize(
    ("slip", "original", "replacement", "kinds"),
    [
        # the penalty ½λ₂‖w‖² instead of λ₂‖w‖² (glmnet-style), used consistently
        ("l2 halved", "const l2 = parsePenalty('l2' in data ? data.l2 : 0, 'l2');",
         "const l2 = parsePenalty('l2' in data ? data.l2 : 0, 'l2') / 2;", {"elastic_net",
                                                                            "ridge"}),
        # a 1/n slip on the L1 penalty (scikit-learn's alpha passed as λ₁)
        ("l1 divided by n", "const l1 = parsePenalty(data.l1, 'l1');",
         "const l1 = parsePenalty(data.l1, 'l1') / X.length;", {"lasso", "elastic_net"}),
    ],
)
@needs_node
def test_the_runner_rejects_a_port_with_a_convention_slip(tmp_path, slip, original, replacement,
                                                          kinds):
    with ProcessImplementation(_broken_port(tmp_path, original, replacement), timeout=60) as impl:
        vectors, outcomes = _run_all(impl)
    failed = [v for v, o in zip(vectors, outcomes) if o.status == "fail"]
    assert failed, slip
    assert {vector_file.kind(Fraction(v.test["l1"]), Fraction(v.test["l2"])) for v in failed} \
        <= kinds
    # every vector the slip cannot affect still passes (the slip is not misreported elsewhere)
    assert all(o.status != "fail" for v, o in zip(vectors, outcomes) if v.result == "invalid")
