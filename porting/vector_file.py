"""The shipped test vectors as read by the runner: one :class:`Vector` per test of a file.

A vector carries its file, tcId, result ("valid", "acceptable", "invalid"), comment, flags,
the test and its group; it builds the problem line the port is sent (the stored exact
numbers, the options as optional keys) and reads the stored answer back exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTOR_DIR = ROOT / "spec" / "vectors"
#: The options of spec OPTIONS-OBJECTIVE: optional keys of a problem line, and capabilities
#: that a port must declare true to be sent them.
OPTIONS = ("fit_intercept", "sample_weight", "positive", "penalty_factor")
KINDS = ("lasso", "elastic_net", "ridge", "least_squares")


def kind(l1, l2):
    """The problem kind, as the conformance suite's capability names it."""
    if l1 > 0:
        return "elastic_net" if l2 > 0 else "lasso"
    return "ridge" if l2 > 0 else "least_squares"


@dataclass(frozen=True)
class Vector:
    """One test with its group, in exact form."""

    file: str
    tc_id: int
    result: str
    comment: str
    flags: tuple
    test: dict
    group: dict

    @property
    def key(self):
        return f"{self.file}:{self.tc_id}"

    def problem(self):
        """The exact problem of a solvable vector."""
        from lasso_spec.reference import Problem

        return Problem.from_json(self.problem_line())

    def problem_line(self):
        """The object sent to the port: the invalid input as stored, or the exact problem
        with the test's options (the optional keys of the protocol, as stored)."""
        if self.result == "invalid":
            return self.test["problem"]
        return {"X": self.group["X"], "y": self.group["y"], "l1": self.test["l1"],
                "l2": self.test["l2"],
                **{key: self.test[key] for key in OPTIONS if key in self.test}}

    @property
    def options(self):
        """The option keys present in the problem line (explicit defaults included)."""
        line = self.problem_line()
        return tuple(key for key in OPTIONS if isinstance(line, dict) and key in line)

    @property
    def fits_intercept(self):
        """Whether the port's answer is the pair (w, b)."""
        return self.result != "invalid" and self.test.get("fit_intercept") is True

    @property
    def kind(self):
        """The problem kind of a solvable vector by its effective penalties, None if invalid:
        a penalty factor scales both penalties, so with every factor 0 it is least squares."""
        if self.result == "invalid":
            return None
        factors = [Fraction(v) for v in self.test.get("penalty_factor", ["1"])]
        scale = max(factors)
        return kind(Fraction(self.test["l1"]) * scale, Fraction(self.test["l2"]) * scale)

    def expected_answer(self):
        """The stored exact answer as a port returns it: w, or (w, b) with an intercept."""
        expected = self.test["expected"]
        w = [Fraction(v) for v in expected["w"]]
        return (w, Fraction(expected["intercept"])) if self.fits_intercept else w


def load_vectors(directory=VECTOR_DIR):
    """Every test of every ``*_test.json`` file, in file order then tcId order."""
    vectors = []
    for path in sorted(Path(directory).glob("*_test.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for group in data["testGroups"]:
            for test in group["tests"]:
                vectors.append(Vector(path.name, test["tcId"], test["result"], test["comment"],
                                      tuple(test["flags"]), test, group))
    return vectors
