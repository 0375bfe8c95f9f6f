"""Implementations under test: one interface, three ways to name one.

Every implementation is an :class:`Implementation`: callable as
``impl(X, y, l1, l2) -> p coefficients`` in the canonical convention
F(w) = ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂² (X float64 n × p, y float64, l1 and l2
Python floats ≥ 0), with a ``name``, a ``version`` and ``capabilities``.

``load(spec)`` accepts

* a built-in name: ``reference``, ``reference-cd``, ``sklearn``, ``statsmodels``,
  ``glum``, ``glmnet``, ``cvxpy`` (``adapters.BUILTINS``; the peers' adapters import
  their library with ``require``, a LoadError saying how to install it);
* ``MODULE:CALLABLE`` (``CALLABLE`` may be dotted): any callable.  It may carry
  optional attributes ``name``, ``version`` (default: the module's
  ``__version__``) and ``capabilities``, a dict overriding :data:`DEFAULT_CAPABILITIES`,
  e.g. ``{"exact_zeros": True, "ridge": False}``;
* ``load_command(command)``: a solver in another process (``--impl-cmd``),
  through ``conformance.process_impl.ProcessImplementation``.

By default ``load`` runs the implementation in a worker process (``isolation.py``): the
judge's process never imports it, each problem has a timeout (``timeout`` seconds,
default 60), and a crash, a hang, an ``os._exit`` or a signal becomes a verdict on that
problem while later problems still run.  ``load(spec, isolated=False)`` calls it in
this process (for debugging: no timeout, and it shares the judge's interpreter).

A load failure raises :class:`LoadError` with a one-paragraph message.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass, field

#: What an implementation supports unless it says otherwise.  The problem kinds are
#: those of cases.kind(); ``exact_zeros`` means it returns 0.0 exactly where the exact
#: solution is zero with strict KKT slack (see certificate_checks.py).
DEFAULT_CAPABILITIES = {
    "lasso": True,
    "elastic_net": True,
    "ridge": True,
    "least_squares": True,
    "exact_zeros": False,
    # the options of spec OPTIONS-OBJECTIVE: not supported unless declared (passed as keywords)
    "fit_intercept": False,
    "sample_weight": False,
    "positive": False,
    "penalty_factor": False,
}

#: The capabilities that are options of the problem (passed as keywords when not default).
OPTIONS = ("fit_intercept", "sample_weight", "positive", "penalty_factor")

CAPABILITY_MEANING = {
    "lasso": "Lasso (λ₁ > 0 = λ₂)",
    "elastic_net": "Elastic Net (λ₁ > 0, λ₂ > 0)",
    "ridge": "pure Ridge (λ₁ = 0 < λ₂)",
    "least_squares": "plain least squares (λ₁ = λ₂ = 0)",
    "exact_zeros": "exact zeros",
    "fit_intercept": "an intercept (fit_intercept=True; returns (w, b))",
    "sample_weight": "sample weights (sample_weight=s)",
    "positive": "non-negativity (positive=True)",
    "penalty_factor": "penalty factors (penalty_factor=v)",
}


class LoadError(Exception):
    """The implementation could not be loaded; the message says why and what to do."""


def require(module_name, package):
    import importlib

    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        raise LoadError(
            f"the {package} adapter needs {package}, which is not installed here ({error}); "
            f"install it (pip install {package}) or use its tox env, e.g. tox -e "
            f"conformance-{module_name.partition('.')[0]}"
        ) from None


@dataclass
class Implementation:
    """An implementation under test: callable, with name, version and capabilities."""

    solve: object
    name: str
    version: str = "unknown"
    capabilities: dict = field(default_factory=lambda: dict(DEFAULT_CAPABILITIES))
    closer: object = None

    def __call__(self, X, y, l1, l2, **options):
        """The answer; ``options`` (only the non-default ones) are passed as keywords."""
        return self.solve(X, y, l1, l2, **options)

    def supports(self, capability):
        return bool(self.capabilities.get(capability, False))

    def close(self):
        if self.closer is not None:
            self.closer()

    def describe(self):
        unsupported = [CAPABILITY_MEANING[k] for k, v in self.capabilities.items()
                       if not v and k not in OPTIONS]
        options = [k for k in OPTIONS if self.capabilities.get(k)]
        text = f"{self.name} {self.version}"
        text += f" (declares no {', no '.join(unsupported)})" if unsupported else ""
        return text + (f" (options: {', '.join(options)})" if options else "")


def capabilities(overrides=None):
    """DEFAULT_CAPABILITIES updated by ``overrides``; unknown keys are a LoadError."""
    result = dict(DEFAULT_CAPABILITIES)
    overrides = dict(overrides or {})
    unknown = set(overrides) - set(result)
    if unknown:
        raise LoadError(
            f"unknown capabilities {sorted(unknown)}; known: {sorted(DEFAULT_CAPABILITIES)}"
        )
    result.update({k: bool(v) for k, v in overrides.items()})
    return result


def load(spec, *, isolated=True, timeout=None, extra_path=()):
    """An Implementation from a built-in name or ``MODULE:CALLABLE`` (module doc: isolation).

    ``extra_path``: directories the isolated worker appends to its sys.path to import the
    module (this process's sys.path is left alone)."""
    from . import adapters

    spec = (spec or "reference").strip()
    if isolated:
        return _isolated(spec, _timeout(timeout), extra_path)
    if spec in adapters.BUILTINS:
        return adapters.BUILTINS[spec]()
    if ":" not in spec:
        raise LoadError(
            f"--impl {spec!r} is neither a built-in ({', '.join(adapters.BUILTINS)}) nor "
            "MODULE:CALLABLE (e.g. mypackage.solvers:lasso)"
        )
    return wrap_callable(*_import_callable(spec), spec=spec)


def _timeout(value):
    """The per-problem timeout in seconds (None: the default), or a LoadError."""
    if value is None:
        return None
    if not (isinstance(value, (int, float)) and 0 < value < float("inf")):
        raise LoadError(f"--impl-timeout must be a positive number of seconds, got {value!r}")
    return float(value)


def _isolated(spec, timeout, extra_path=()):
    """``spec`` loaded in a worker process; its name, version and capabilities from there."""
    from .isolation import DEFAULT_TIMEOUT, IsolatedSolver

    solver = IsolatedSolver(spec, DEFAULT_TIMEOUT if timeout is None else timeout, extra_path)
    described = solver.described
    return Implementation(
        solve=solver,
        name=str(described["name"]),
        version=str(described["version"]),
        capabilities=capabilities(described["capabilities"]),
        closer=solver.close,
    )


def _import_callable(spec):
    module_name, _, attribute = spec.partition(":")
    if os.getcwd() not in sys.path:
        sys.path.append(os.getcwd())  # like `python -m`: the user's own module, run from its repo
    try:
        module = importlib.import_module(module_name)
    except Exception as error:  # any import-time failure is the user's to see, in one line
        raise LoadError(
            f"--impl {spec!r}: cannot import module {module_name!r}: "
            f"{type(error).__name__}: {error}"
        ) from None
    target = module
    for part in attribute.split("."):
        if not hasattr(target, part):
            raise LoadError(f"--impl {spec!r}: {module_name!r} has no attribute {attribute!r}")
        target = getattr(target, part)
    if not callable(target):
        kind = type(target).__name__
        raise LoadError(f"--impl {spec!r}: {attribute!r} is a {kind}, not callable")
    return target, module


def wrap_callable(target, module=None, *, spec=""):
    """An Implementation around a user's callable, reading its optional attributes."""
    name = getattr(target, "name", None) or spec or getattr(target, "__qualname__", repr(target))
    version = getattr(target, "version", None) or getattr(module, "__version__", None)
    if version is None and module is not None:
        version = _distribution_version(module.__name__.partition(".")[0])
    return Implementation(
        solve=target,
        name=str(name),
        version=str(version or "unknown"),
        capabilities=capabilities(getattr(target, "capabilities", None)),
    )


def _distribution_version(top_level):
    from importlib import metadata

    try:
        return metadata.version(top_level)
    except metadata.PackageNotFoundError:
        return None


def load_command(command, timeout=None):
    """An Implementation around a solver process (``--impl-cmd``)."""
    try:
        from .process_impl import ProcessImplementation
    except ImportError as error:
        raise LoadError(
            "--impl-cmd needs lasso_spec/conformance/process_impl.py (ProcessImplementation), "
            f"which is not available: {error}"
        ) from None
    timeout = _timeout(timeout)
    try:  # asking for name and capabilities starts the process: a failure is a load failure
        process = ProcessImplementation(command, timeout=30.0 if timeout is None else timeout)
        name, version = process.name, process.version
        declared = process.capabilities
    except Exception as error:  # said plainly, in one line
        raise LoadError(f"--impl-cmd {command!r}: {type(error).__name__}: {error}") from None
    return Implementation(
        solve=process,
        name=str(name or command),
        version=str(version or "unknown"),
        capabilities=capabilities(declared),
        closer=process.close,
    )

