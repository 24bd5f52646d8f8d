"""What ``spse-sim run`` loads before the journey's first step: the journey's first line and
lanes start at once, and everything imported on the way delays the first step."""

from __future__ import annotations

import subprocess
import sys

# Imported in a fresh interpreter: this test's own process has pytest loaded already.
_JOURNEY_START = """
import sys
from simulator.cli.main import build_parser
build_parser()
import simulator.journey.run
print(" ".join(sorted(name for name in ("pytest", "_pytest", "pytest_bdd") if name in sys.modules)))
"""


def test_the_journey_does_not_load_pytest() -> None:
    """pytest (about 0.1 s of imports) belongs to catalog runs, which start it as a child."""
    done = subprocess.run(
        [sys.executable, "-c", _JOURNEY_START],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    assert done.stdout.strip() == ""
