"""The conformance gate, run as this repository's own tests (default implementation: the
exact reference; ``--impl`` / ``--impl-cmd`` choose another).  The checks live in the
installed package, ``lasso_spec.conformance.checks``; this file only collects them."""

from lasso_spec.conformance.checks import test_case, test_generated, test_scale

__all__ = ["test_case", "test_generated", "test_scale"]
