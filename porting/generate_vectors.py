"""Generate the language-neutral test vectors ``spec/vectors/*.json`` from the exact reference.

    python -m lasso_spec.porting.generate_vectors            # rewrite the files
    python -m lasso_spec.porting.generate_vectors --check    # exit 1 if a file is stale

Deterministic: the same bytes on every run and machine (fixed seeds, keys in a fixed
order, no timestamps).  The files of the canonical problem are listed in
porting/canonical_vectors.py, those of the options in porting/option_vectors.py; the
format they share is porting/vector_format.py.  Every expected answer is computed by
``reference.solve``, certified exactly by ``reference.certify`` and checked against an
independent computation where one exists (porting/exact_checks.py), so no expected value
rests on the homotopy alone.
"""

import sys
from pathlib import Path

from lasso_spec.porting.canonical_vectors import FILES
from lasso_spec.porting.option_vectors import OPTION_FILES
from lasso_spec.porting.vector_format import document, dumps

VECTOR_DIR = Path(__file__).resolve().parent.parent / "spec" / "vectors"


def all_files():
    """Every vector file: name -> (title, group builder, header); the canonical ones first."""
    return {**FILES, **OPTION_FILES}


def build_file(name):
    """The document of one vector file (a dict, before serialisation)."""
    title, make, header = all_files()[name]
    return document(title, make(), header)


def build_all():
    """File name -> exact file text, for every vector file."""
    return {name: dumps(build_file(name)) + "\n" for name in all_files()}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    texts = build_all()
    stale = []
    for name, text in texts.items():
        path = VECTOR_DIR / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("stale vector files (run python -m lasso_spec.porting.generate_vectors):", *stale)
        return 1
    total = sum(text.count('"tcId"') for text in texts.values())
    print(f"{'checked' if check else 'wrote'} {len(texts)} files, {total} tests, in {VECTOR_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
