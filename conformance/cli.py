"""``lasso-spec``: the conformance gate, the exact certificate and the test vectors, as a command.

Subcommands (``lasso-spec SUBCOMMAND --help`` for each, with examples):

``verify``   run the conformance gate against an implementation (pytest, isolated)
``certify``  judge one candidate answer to one problem (JSON or .npz file)
``vectors``  feed the shipped test vectors to a port (a command speaking the protocol)

Exit status, for every subcommand:
0 pass; 1 fail (the implementation or the answer does not conform); 2 usage or input
error, including a run that checked nothing; 3 internal error of the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import certify_command
from .exit_codes import FAIL, INTERNAL, PASS, USAGE

EXIT_CODES = """\
exit status:
  0  pass
  1  fail: the implementation (or the answer) does not conform
  2  usage or input error, or a run that checked nothing (every check skipped or
     deselected, or fewer executed than --min-checks)
  3  internal error of the suite (please report it with the output)
"""

VERIFY_EXAMPLES = """\
examples:
  lasso-spec verify --impl mysolver.conformance:solve
      a callable solve(X, y, l1, l2) -> w in your package (run from your repository:
      the working directory is importable), minimising ½‖y − Xw‖² + l1‖w‖₁ + l2‖w‖₂²
  lasso-spec verify --impl-cmd "node port/lasso.js"
      a solver in any language, one JSON line per problem (see porting/README.md)
  lasso-spec verify --impl sklearn --xfails-file known-failures.txt --junit-xml junit.xml
      a built-in peer: reference, reference-cd, sklearn, statsmodels, glum, cvxpy
  lasso-spec verify --impl mysolver:solve -k "edge/ or worked" --full-shrink
      a subset of the checks, with the failing problems shrunk to the smallest

The report is written to conformance-report-<implementation>.json (or --report) in
the working directory; $GITHUB_STEP_SUMMARY, when set, gets a Markdown summary.
The hypothesis profile is --profile, else $HYPOTHESIS_PROFILE, else "ci"
(derandomized: the same verdict on every machine).
"""

VECTORS_EXAMPLES = """\
examples:
  lasso-spec vectors "node porting/node/lasso_cd.js"
  lasso-spec vectors "./target/release/my_port" --timeout 60 --only lasso_test.json
  lasso-spec vectors "python3 my_port.py" --gap-rtol 1e-6

The accuracy demanded is the suite's (--gap-rtol, default 1e-9), never the port's: a
port declaring a coarser "relative_gap" gets its answers within that limitation
reported as LIMITED (exit 1 unless --accept-limitations).
"""


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("lasso-spec: interrupted", file=sys.stderr)
        return INTERNAL


def _parser():
    parser = argparse.ArgumentParser(
        prog="lasso-spec", description=__doc__.split("\n\n")[0],
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="{verify,certify,vectors}")
    _verify_parser(sub)
    certify_command.add_parser(sub, _sub)
    _vectors_parser(sub)
    return parser


def _sub(sub, name, help_text, examples):
    return sub.add_parser(name, help=help_text, description=help_text,
                          epilog=examples + "\n" + EXIT_CODES,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


# --------------------------------------------------------------------------- verify


def _verify_parser(sub):
    p = _sub(sub, "verify", "run the conformance gate against an implementation",
             VERIFY_EXAMPLES)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--impl", metavar="NAME|MODULE:CALLABLE",
                       help="a built-in (reference, reference-cd, sklearn, statsmodels, glum, "
                            "cvxpy) or MODULE:CALLABLE (default: reference)")
    which.add_argument("--impl-cmd", metavar="CMD",
                       help="a solver process speaking the JSON-lines protocol")
    p.add_argument("--xfails-file", metavar="FILE",
                   help='expected failures, lines "CHECK-ID-or-glob  reason"')
    p.add_argument("--gap-rtol", type=float, metavar="X",
                   help="accuracy demanded: F(w) − F* ≤ X·S (default 1e-9)")
    p.add_argument("--report", metavar="PATH",
                   help="the JSON report (default conformance-report-<implementation>.json)")
    p.add_argument("--profile", choices=("dev", "ci", "thorough"),
                   help="hypothesis profile (default $HYPOTHESIS_PROFILE, else ci)")
    p.add_argument("--junit-xml", metavar="PATH", help="also write a JUnit XML report")
    p.add_argument("--markdown", metavar="PATH", help="also write a Markdown summary")
    p.add_argument("--scale", choices=("off", "default", "large"), default="default",
                   help="the scale tier of realistic float64 problems (default: default)")
    p.add_argument("--full-shrink", action="store_true",
                   help="shrink failing generated problems to the smallest (slow)")
    p.add_argument("--min-checks", type=int, default=1, metavar="N",
                   help="fewer executed checks than N is exit status 2 (default 1)")
    p.add_argument("-k", dest="select", metavar="EXPR",
                   help='run only the checks matching EXPR (pytest -k), e.g. "edge/"')
    p.add_argument("-n", dest="workers", metavar="N",
                   help="run the checks in N processes (pytest-xdist; N or auto)")
    p.add_argument("-q", "--quiet", action="store_true", help="no per-check progress lines")
    p.add_argument("pytest_args", nargs="*", metavar="-- PYTEST-ARGS",
                   help="further arguments for pytest, after --")
    p.set_defaults(run=run_verify)


#: The test module the gate runs: it only collects the installed checks.
_SHIM = '''"""The lasso-spec conformance checks, collected from the installed package."""
from lasso_spec.conformance.checks import test_case, test_generated, test_scale  # noqa: F401
'''

#: A minimal pytest configuration, so that the user's own (pyproject.toml, pytest.ini,
#: conftest.py, addopts) never changes what the gate runs.
_INI = """[pytest]
addopts = -ra
xfail_strict = true
markers =
    spec(*clauses): the spec clause IDs that a check cites
"""


def verify_command(args, workdir):
    """The pytest command line of a verify run (a list), in an isolated root ``workdir``."""
    shim, ini = Path(workdir) / "test_lasso_spec.py", Path(workdir) / "pytest.ini"
    shim.write_text(_SHIM, encoding="utf-8")
    ini.write_text(_INI, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", str(shim), "-c", str(ini),
               "--rootdir", str(workdir), "-p", "no:cacheprovider",
               "-p", "_hypothesis_pytestplugin", "-p", "lasso_spec.conformance.plugin",
               "--conformance-record", str(Path(workdir) / "record.json")]
    if args.impl_cmd:
        command += ["--impl-cmd", args.impl_cmd]
    else:
        command += ["--impl", args.impl or "reference"]
    profile = args.profile or os.environ.get("HYPOTHESIS_PROFILE") or "ci"
    command += ["--hypothesis-profile", profile]
    options = {"--xfails-file": args.xfails_file, "--gap-rtol": args.gap_rtol,
               "--conformance-report": args.report, "--junit-xml": args.junit_xml,
               "--conformance-markdown": args.markdown, "-k": args.select}
    for flag, value in options.items():
        if value is not None:
            paths = ("--xfails-file", "--conformance-report", "--junit-xml",
                     "--conformance-markdown")
            command += [flag, str(Path(value).resolve()) if flag in paths else str(value)]
    command += ["--min-checks", str(args.min_checks), "--scale", args.scale]
    if args.full_shrink:
        command.append("--full-shrink")
    if args.workers:
        command += ["-p", "xdist.plugin", "-n", str(args.workers)]
    command += ["-q"] if args.quiet else ["-q", "--conformance-progress"]
    return command + list(args.pytest_args)


def _environment():
    """The user's environment without what would change pytest's behaviour behind our back."""
    env = dict(os.environ)
    for key in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "LASSO_IMPL", "LASSO_IMPL_CMD",
                "LASSO_XFAILS", "LASSO_REPORT"):
        env.pop(key, None)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # no stray plugin (e.g. random ordering)
    return env


def run_verify(args):
    if args.xfails_file and not Path(args.xfails_file).is_file():
        return _usage(f"--xfails-file {args.xfails_file!r}: no such file")
    if args.min_checks < 0:
        return _usage("--min-checks must be >= 0")
    with tempfile.TemporaryDirectory(prefix="lasso-spec-") as workdir:
        command = verify_command(args, workdir)
        done = subprocess.run(command, env=_environment(), check=False)
        record_path = Path(workdir) / "record.json"
        record = json.loads(record_path.read_text()) if record_path.exists() else None
    return exit_status(done.returncode, record)


def exit_status(returncode, record):
    """lasso-spec's exit status from pytest's and the gate's run record (see EXIT_CODES)."""
    if record is None and returncode in (0, 1):
        print("lasso-spec verify: internal error: the run ended without the gate's summary "
              "(did the implementation end the process, e.g. os._exit?); no verdict",
              file=sys.stderr)
        return INTERNAL
    if returncode == 0:
        return PASS
    if returncode == 1:
        return FAIL
    if returncode == 2 and record and record.get("nothing_checked"):
        print(f"lasso-spec verify: {record['nothing_checked']}", file=sys.stderr)
        return USAGE
    if returncode == 3:
        print("lasso-spec verify: internal error of the suite (result ERROR above, with the "
              "problem and the traceback to report); no verdict on the implementation",
              file=sys.stderr)
        return INTERNAL
    if returncode == 4:
        return USAGE  # pytest's usage error: a bad --impl, xfails file, option (said above)
    if returncode == 5:
        print("lasso-spec verify: nothing was checked: no check was selected (-k?)",
              file=sys.stderr)
        return USAGE
    print(f"lasso-spec verify: internal error: pytest exited with status {returncode}",
          file=sys.stderr)
    return INTERNAL


def _usage(message):
    print(f"lasso-spec: {message}", file=sys.stderr)
    return USAGE


# --------------------------------------------------------------------------- vectors


def _vectors_parser(sub):
    p = _sub(sub, "vectors", "feed the shipped test vectors to a port", VECTORS_EXAMPLES)
    p.add_argument("port", metavar="CMD", help="the port's command line (split with shlex)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per problem")
    p.add_argument("--gap-rtol", type=float, default=None, metavar="X",
                   help="accuracy demanded: F(w) − F* ≤ X·S (default 1e-9)")
    p.add_argument("--only", default=None, metavar="FILE", help="e.g. lasso_test.json")
    p.add_argument("--vectors", default=None, metavar="DIR", help="another vector directory")
    p.add_argument("--accept-limitations", action="store_true",
                   help="exit 0 when answers pass only within the port's declared coarser "
                        "accuracy (they are still reported as LIMITED)")
    p.set_defaults(run=run_vectors)


def run_vectors(args):
    from lasso_spec.porting import run_vectors as runner

    argv = [args.port, "--timeout", str(args.timeout)]
    for flag, value in (("--gap-rtol", args.gap_rtol), ("--only", args.only),
                        ("--vectors", args.vectors)):
        if value is not None:
            argv += [flag, str(value)]
    if args.accept_limitations:
        argv.append("--accept-limitations")
    return runner.main(argv)


if __name__ == "__main__":
    sys.exit(main())
