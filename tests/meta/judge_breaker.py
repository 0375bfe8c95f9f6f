"""A pytest plugin that breaks the judge (``-p meta.judge_breaker``): every verdict raises.

Used to show that an exception inside the suite is an internal error (exit status 3),
never a verdict on the implementation.
"""

from lasso_spec.conformance import runner


def _broken_judge(*args, **kwargs):
    raise ZeroDivisionError("the judge itself failed")


def pytest_configure(config):
    runner.judge = _broken_judge
