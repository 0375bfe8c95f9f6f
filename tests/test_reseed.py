"""``--reseed SALT`` (tests/reseed.py): other fixed examples for every derandomized test,
the same ones again for the same SALT."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent('''
    import json, sys
    sys.path.insert(0, sys.argv[1])
    from hypothesis import given, settings, strategies as st
    import reseed

    def draws():
        seen = []
        @settings(derandomize=True, database=None, max_examples=20)
        @given(st.integers(0, 10**9))
        def draw(value):
            seen.append(value)
        draw()
        return seen

    plain = draws()
    if len(sys.argv) > 2:
        reseed.reseed(sys.argv[2])
    print(json.dumps([plain, draws()]))
''')


def _draws(*salt):
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(Path(__file__).parent), *salt],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(run.stdout)


def test_a_salt_gives_other_fixed_examples_and_the_same_salt_the_same_ones():
    plain, salted = _draws("1")
    plain_again, salted_again = _draws("1")
    assert plain == plain_again and len(plain) == 20  # derandomized: fixed examples
    assert salted == salted_again and salted != plain
