"""Every check of the gate by ID, in the canonical order of its reports.

A check ID names one conformance test: the worked example and the edge-case pack
(``cases.CASES``: ``worked-example``, ``edge/...``, ``corpus/...``), a family of generated
problems (``GENERATED``: ``generated/...``, each with its problem kind and family, the
option sets and the metamorphic pairs, ``metamorphic/...``, among them) and the scale
designs (``scale/...``: those of the ``large`` tier, every design there is).  ``CHECK_IDS``
lists them all: the order of the table, the JSON and the Markdown (``report.check_order``),
and what the entries of an xfails file are matched against (expected_failures.py).
"""

from __future__ import annotations

from . import scale
from .cases import CASES
from .metamorphic import METAMORPHIC
from .strategies import FAMILIES, OPTION_SETS

#: The option sets that also get an Elastic Net and a Ridge check (OPTION_SETS order).
OPTION_L2_SETS = ("penalty-factors", "intercept-weights", "intercept-weights-positive", "all")

#: Every check ID of the suite (the xfails file is matched against these).
GENERATED = (
    *((f"generated/lasso/{family}", "lasso", family) for family in FAMILIES),
    ("generated/elastic-net", "elastic_net", None),
    ("generated/ridge", "ridge", None),
    # the options (spec OPTIONS-OBJECTIVE): skipped, with the reason, unless declared
    *((f"generated/options/{name}/lasso", "lasso", f"options:{name}") for name in OPTION_SETS),
    # Elastic Net and Ridge with the options: without positivity too, so that a solver
    # with an intercept and weights (or penalty factors, which then weight the L2 term as
    # well: statsmodels' vector alpha, glum's P2) but no bounds gets them
    *((f"generated/options/{name}/{kind.replace('_', '-')}", kind, f"options:{name}")
      for name in OPTION_L2_SETS for kind in ("elastic_net", "ridge")),
    # pairs of problems related by a theorem, each answer judged exactly (metamorphic.py);
    # an option a theorem uses is skipped, with the reason, unless declared
    *METAMORPHIC,
)
CHECK_IDS = (
    *(case.id for case in CASES),
    *(check for check, _, _ in GENERATED),
    *(design.id for design in scale.designs("large")),
)
