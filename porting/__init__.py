"""The porting kit: exact test vectors, their generator and runner, and an example port.

``python -m lasso_spec.porting.generate_vectors``  rewrites ``spec/vectors/*.json`` exactly
``python -m lasso_spec.porting.run_vectors CMD``   feeds every vector to a port, a verdict each
``porting/node/lasso_cd.js``             a float64 coordinate-descent port in Node.js (no deps)

The generator's modules: the files and their headers (``canonical_vectors``,
``option_vectors``), the cases (``canonical_cases``, ``canonical_stress_cases``,
``intercept_weight_cases``, ``positive_factor_cases``, on the shared ``designs``), one test
and one group of each family (``canonical_family``, ``option_family``), what both share
(``vector_answers``: solved, certified, flagged; ``exact_checks``: independent exact
computations; ``vector_format``: the document and its JSON).  The runner reads the files
through ``vector_file`` (one ``Vector`` per test) and judges with the gate's one judge.

See ``porting/README.md`` for the process protocol and the vector format.
"""
