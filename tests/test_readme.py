"""The README stays true: its snippets are the files tests/test_installed.py runs, and every
`lasso-spec …` command it shows parses with the real command-line parser."""

import re
import shlex
from pathlib import Path

import pytest

from lasso_spec.conformance import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    """Every `lasso-spec …` command line of the README (in code blocks or inline code)."""
    found = re.findall(r"(?m)^\s*(?:- run: )?(lasso-spec [^#`\n]+)", README)
    found += re.findall(r"`(lasso-spec [^`]+)`", README)
    return sorted({c.strip() for c in found if "…" not in c and "|" not in c})


COMMANDS = _commands()


def test_the_readme_shows_the_maintainers_path():
    for command in ("lasso-spec verify --impl skl_solver:solve",
                    "lasso-spec verify --impl skl_solver:forgets_n",
                    "lasso-spec certify answer.json"):
        assert command in COMMANDS, command
    for snippet in ("skl_solver.py", "tests/test_lasso_spec.py", "skl_options.py"):
        assert f"<!-- snippet: {snippet} (tests/test_installed.py runs this file) -->" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_parses(command, capsys):
    argv = shlex.split(command)[1:]
    if "--help" in argv:
        with pytest.raises(SystemExit) as done:
            cli._parser().parse_args(argv)
        assert done.value.code == 0 and "examples:" in capsys.readouterr().out
        return
    args = cli._parser().parse_args(argv)
    assert callable(args.run)
