"""The conformance gate: check any L1/L2-regularised least-squares solver against the spec.

Run ``lasso-spec verify --impl NAME`` (a built-in name, ``MODULE:CALLABLE``, or
``--impl-cmd "COMMAND"`` for a solver in another process), or this repository's
``pytest tests/test_gate.py --impl NAME``.  The pytest plugin is ``plugin.py``; the
checks themselves are ``checks.py``.

Modules:

``verdict``          the certificate-based checks, their derived tolerances, and triage
``cases``            the worked example and the edge-case pack (exact problems)
``strategies``       hypothesis strategies for exact rational problems
``implementations``  the implementation interface, the loader, the built-in adapters
``report``           per-check results: terminal summary and the JSON report
"""
