"""mutation/sample.py: the allocation of the draws, and the estimate of the score of a whole
mutation run from the mutants checked before the draw (exact) and a sample of the rest."""

import importlib.util
import math
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample():
    sys.path.insert(0, str(ROOT / "mutation"))
    try:
        path = ROOT / "mutation" / "sample.py"
        spec = importlib.util.spec_from_file_location("mutation_sample", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "mutation"))
    return module


def _name(module, i):
    return f"lasso_spec.reference.{module}.x_f__mutmut_{i}"


def test_allocation_is_proportional_sums_to_the_size_and_draws_from_every_stratum(sample):
    draws = sample.allocate({"a": 997, "b": 2, "c": 1, "d": 0}, 50)
    assert sum(draws.values()) == 50 and draws["d"] == 0
    assert draws["b"] >= 1 and draws["c"] == 1 and 46 <= draws["a"] <= 48
    assert sample.allocate({"a": 3, "b": 1}, 10) == {"a": 3, "b": 1}  # capped at the strata


def test_the_estimate_of_a_stratified_sample(sample):
    found = {"m.py": {}}
    statuses = found["m.py"]
    for i in range(6):  # checked before the draw: 5 killed, 1 survived
        statuses[_name("m", i)] = "killed" if i else "survived"
    drawn = [_name("m", i) for i in range(6, 11)]
    for i in range(6, 16):  # 10 unchecked at the draw; 5 drawn, 4 of them killed
        statuses[_name("m", i)] = "not checked"
    for name, status in zip(drawn, ["killed", "killed", "timeout", "survived", "killed"],
                            strict=True):
        statuses[name] = status
    record = {"drawn": {"m.py": drawn}, "remaining": {"m.py": 10}}
    (est, total, var, n, k), = sample.estimate(found, record).values()
    assert (total, n, k) == (16, 5, 4)
    assert est == 5 + 10 * 4 / 5
    assert var == pytest.approx(10 * 10 * 0.8 * 0.2 / 5 * (10 - 5) / (10 - 1))
    # the survivor of the sample, killed by a test written after the run
    (est, *_), = sample.estimate(found, record, {drawn[3]}).values()
    assert est == 5 + 10


def test_a_stratum_without_a_checked_sample_has_no_estimate(sample):
    found = {"m.py": {_name("m", 0): "killed", _name("m", 1): "not checked"}}
    record = {"drawn": {"m.py": [_name("m", 1)]}, "remaining": {"m.py": 1}}
    assert sample.estimate(found, record)["m.py"][0] is None


def test_the_interval_covers_the_true_score_of_a_known_population(sample):
    """100 draws of 60 from a synthetic run (3 strata of unchecked mutants with kill rates
    0.95, 0.8 and 0.6, plus 400 checked before): the 95 % interval holds the true score in
    at least 90 % of them (the normal approximation may undercover a little, not much)."""
    rng = random.Random(7)
    statuses = {_name("pre", i): "killed" if rng.random() < 0.9 else "survived"
                for i in range(400)}
    truth = {}
    for module, size, rate in (("a", 300, 0.95), ("b", 120, 0.8), ("c", 80, 0.6)):
        for i in range(size):
            truth[_name(module, i)] = "killed" if rng.random() < rate else "survived"
    true_score = sum(s == "killed" for s in [*statuses.values(), *truth.values()]) / 900
    covered = 0
    for seed in range(100):
        found = {"all": {**statuses, **{n: "not checked" for n in truth}}}
        drawn, remaining = sample.draw(found, 60, seed)
        for names in drawn.values():
            for name in names:
                found["all"][name] = truth[name]
        rows = sample.estimate(found, {"drawn": drawn, "remaining": remaining})
        total = sum(t for _, t, *_ in rows.values())
        assert total == 900
        score, low, high = sample._interval(sum(e for e, *_ in rows.values()), total,
                                            sum(v for _, _, v, *_ in rows.values()))
        covered += low <= 100 * true_score <= high
        assert math.isfinite(score)
    assert covered >= 90, covered


def test_an_extended_sample_keeps_its_draws_and_adds_only_undrawn_mutants(sample):
    names = {_name("a", i): "not checked" for i in range(90)}
    names.update({_name("b", i): "not checked" for i in range(30)})
    names[_name("a", 0)] = "killed"  # checked before the draw: not in the population
    found = {"all": names}
    drawn, remaining = sample.draw(found, 12, seed=1)
    assert remaining == {"a.py": 89, "b.py": 30}
    first = {"seed": 1, "size": 12, "remaining": remaining, "drawn": drawn}
    for name in drawn["a.py"][:3]:
        names[name] = "survived"  # part of the first draw has run
    grown = sample.extend(found, first, 40)
    assert grown["size"] == 40 and grown["remaining"] == remaining
    assert {m: len(v) for m, v in grown["drawn"].items()} == sample.allocate(remaining, 40)
    for module, old in drawn.items():
        assert set(old) <= set(grown["drawn"][module])
        assert len(set(grown["drawn"][module])) == len(grown["drawn"][module])
    assert _name("a", 0) not in grown["drawn"]["a.py"]
