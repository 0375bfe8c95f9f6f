"""The scale tier catches what the small draws cannot (issue: an exact oracle that scales).

Each solver of tests/meta/scale_broken.py is right on every small problem of the gate (the
edge-case pack passes) and the default scale tier rejects it with a triage that names the
kind of failure; the correct float64 control passes the whole tier, so the tier is not
stricter than float64 arithmetic allows.
"""

import numpy as np
import pytest
from meta import scale_broken

from lasso_spec.conformance import scale
from lasso_spec.conformance.api import run_checks

#: (broken solver, the design that exposes it, the start of the triage it must get)
CAUGHT = (
    (scale_broken.screen_safe_sign_slip, "scale/tall-300x20", "ambiguous"),
    (scale_broken.capped_working_set, "scale/tall-300x20", "wrong"),
    (scale_broken.stale_gram_blocks, "scale/tall-300x20", "wrong"),
    (scale_broken.early_stop, "scale/near-duplicates-60x24", "not converged"),
)


@pytest.mark.parametrize(("solver", "design", "triage"), CAUGHT, ids=lambda v: getattr(
    v, "__name__", str(v)))
def test_a_scale_only_bug_is_rejected_with_its_triage(solver, design, triage):
    (result,) = run_checks(solver, select=design)
    assert result.result == "fail", result
    assert result.triage.startswith(triage), result.triage
    assert "Problem.from_json" in result.message  # a pasteable reproduction


@pytest.mark.parametrize("solver", [s for s, _, _ in CAUGHT], ids=lambda s: s.__name__)
def test_a_scale_only_bug_passes_every_small_edge_case(solver):
    """Why the tier is needed: the edge-case pack alone accepts these solvers."""
    results = run_checks(solver, select="edge/*", scale_tier="off")
    assert results and all(r.result == "pass" for r in results), [
        (r.check, r.triage) for r in results if r.result != "pass"]


def test_the_float64_control_passes_the_whole_default_tier():
    results = run_checks(scale_broken.correct, select="scale/*")
    assert len(results) == len(scale.designs("default"))
    assert all(r.result == "pass" for r in results), [(r.check, r.triage) for r in results]


def test_the_tiers_are_nested_and_deterministic():
    default, large = scale.designs("default"), scale.designs("large")
    assert scale.designs("off") == () and set(default) < set(large)
    ids = [d.id for d in large]
    assert len(ids) == len(set(ids))
    first, second = scale.data(default[0]), scale.data(default[0])
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    with pytest.raises(ValueError, match="unknown scale tier"):
        scale.designs("huge")


def test_every_design_of_the_large_tier_has_one_kind_and_float64_data():
    for design in scale.designs("large"):
        assert scale.kind(design) in ("lasso", "elastic_net", "ridge")
    for design in scale.designs("default"):  # the large ones are too big to build here
        for _, problem in scale.problems(design):
            assert all(float(v) == v for row in problem.X for v in row)  # exact doubles
            assert float(problem.l1) == problem.l1 and float(problem.l2) == problem.l2


def test_the_diabetes_data_are_the_published_442_by_10():
    X, y = scale.load_diabetes()
    assert X.shape == (442, 10) and y.shape == (442,)
    assert X[0].tolist() == [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87] and y[0] == 151
