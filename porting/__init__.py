"""The porting kit: exact test vectors, their generator and runner, and an example port.

``python -m lasso_spec.porting.generate_vectors``  rewrites ``spec/vectors/*.json`` exactly
                                          (the options' files: ``option_vectors.py``)
``python -m lasso_spec.porting.run_vectors CMD``   feeds every vector to a port, a verdict each
``porting/node/lasso_cd.js``             a float64 coordinate-descent port in Node.js (no deps)

See ``porting/README.md`` for the process protocol and the vector format.
"""
