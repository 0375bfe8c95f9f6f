"""The docstring examples of the installed package, run as tests (doctest)."""

import doctest
import importlib
import pkgutil

import pytest

import lasso_spec

PACKAGES = ("reference", "spec", "conformance", "porting", "figures")


def _modules():
    for package in PACKAGES:
        root = importlib.import_module(f"lasso_spec.{package}")
        yield root.__name__
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{root.__name__}."):
            if not info.name.endswith("__main__"):
                yield info.name


MODULES = sorted(_modules())


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    """Every example in the module's docstrings gives the output it shows."""
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # an optional extra (matplotlib) that is not installed
        pytest.skip(f"{name} needs {error.name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_there_are_doctests_to_run():
    """The parametrisation is not vacuous: the reference carries examples."""
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for name in MODULES if name.startswith("lasso_spec.reference")
                   for t in finder.find(importlib.import_module(name)))
    assert examples >= 5
    assert lasso_spec.__path__  # a namespace package: the wheel's five subpackages
