"""Collect scenarios in a child pytest as ``spse-sim run`` starts one, with a probe plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import simulator
from simulator.scenarios.child import CHILD_CODE
from simulator.scenarios.run import ScenarioRunRequest, pytest_arguments

# Where the simulator package these tests imported lives (the checkout, or site-packages under
# tox): the child must import the same one, or pytest refuses the suite module it is handed.
PACKAGES = Path(simulator.__file__).resolve().parents[1]


def collect_in_child(
    folder: Path, request: ScenarioRunRequest, probe: str
) -> subprocess.CompletedProcess[str]:
    """Collect (``--co``) what ``request`` would run, in ``folder``, with ``probe`` (a plugin's
    source) loaded; the probe writes what it saw into ``folder``."""
    (folder / "probe_plugin.py").write_text(probe)
    args = pytest_arguments(request, folder / "o.json")
    env = {**os.environ, "PYTHONPATH": f"{folder}{os.pathsep}{PACKAGES}"}
    return subprocess.run(
        [sys.executable, "-P", "-c", CHILD_CODE, *args, "-p", "probe_plugin", "--co", "-q"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
