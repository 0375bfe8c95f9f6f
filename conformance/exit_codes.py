"""The exit status of every ``lasso-spec`` subcommand (``lasso-spec --help`` prints them)."""

PASS, FAIL, USAGE, INTERNAL = 0, 1, 2, 3
