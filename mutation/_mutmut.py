"""mutmut's command line, with each mutant's tests run fastest first (a pure speed-up).

mutmut runs the tests that cover a mutant with ``-x`` in the order of a set; a mutant is
killed if any of them fails, whatever the order, so sorting them by the durations of
mutmut's stats run changes no verdict, only how soon a killed mutant is known.
"""

from mutmut.__main__ import cli
from mutmut.runners.harness import PytestRunner
from mutmut.state import state

_regular_run = PytestRunner._pytest_args_regular_run


def _fastest_first(self, tests):
    durations = state().duration_by_test
    return _regular_run(self, sorted(tests, key=lambda t: (durations.get(t, 0.0), t)))


PytestRunner._pytest_args_regular_run = _fastest_first

if __name__ == "__main__":
    cli()
