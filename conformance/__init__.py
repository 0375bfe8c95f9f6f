"""The conformance gate: check any L1/L2-regularised least-squares solver against the spec.

Run ``lasso-spec verify --impl NAME`` (a built-in name, ``MODULE:CALLABLE``, or
``--impl-cmd "COMMAND"`` for a solver in another process), or this repository's
``pytest tests/test_gate.py --impl NAME``.  The pytest plugin is ``plugin.py`` (with the
hooks of ``live_results.py`` and ``session_outcome.py``); the checks themselves are
``checks.py``, by the IDs of ``catalogue.py``.

Modules (among others):

``verdict``             the verdict on an answer, and ``judge``
``certificate_checks``  the certificate-based checks, each a bound derived from G
``tolerance``           the one tolerance G = gap_rtol·S and the scale S
``received``            the float64 data an implementation receives; the exact problem judged
``triage``              the likely cause of a failing answer
``cases``               the worked example and the edge-case pack (exact problems)
``strategies``          hypothesis strategies for exact rational problems
``implementations``     the implementation interface and the loader
``adapters``            the built-in implementations (peers: ``enet_adapters``,
                        ``glmnet_adapter``, ``cvxpy_adapter``)
``process_impl``        the process protocol's client (on ``port_channel``)
``report``              per-check results: terminal summary and the JSON report
"""
