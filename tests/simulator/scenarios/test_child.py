"""The child pytest of a scenario run: a Ctrl-C while it starts ends it quietly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.scenarios.child import CHILD_CODE, INTERRUPTED_EXIT_CODE

ROOT = Path(__file__).resolve().parents[3]

# A plugin that is still importing when the Ctrl-C comes (as pytest's and Playwright's slow
# imports are on a busy machine): it says so, then waits for a signal.
SLOW_PLUGIN = """
import pathlib, signal
pathlib.Path("importing").write_text("yes")
signal.pause()
"""


# The same while pytest configures its plugins (the scenario plugin loads its fixtures there),
# where pytest reports an exception other than KeyboardInterrupt as an internal error.
SLOW_CONFIGURE = """
import pathlib, signal

def pytest_configure(config):
    pathlib.Path("importing").write_text("yes")
    signal.pause()
"""


@pytest.mark.parametrize("plugin", [SLOW_PLUGIN, SLOW_CONFIGURE], ids=["import", "configure"])
def test_ctrl_c_while_the_child_starts_ends_it_with_130_and_no_traceback(
    tmp_path: Path, plugin: str
) -> None:
    (tmp_path / "slow_plugin.py").write_text(plugin)
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_CODE, "-p", "slow_plugin", "--co", "-q"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not (tmp_path / "importing").exists():
            assert child.poll() is None, child.communicate()
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert child.returncode == INTERRUPTED_EXIT_CODE
    assert "Traceback" not in err
    assert err == ""


# A session fixture whose teardown fails once the run was interrupted (as when Ctrl-C also
# ended Playwright's driver and closing the browser finds the connection gone).
INTERRUPTED_SESSION = """
import pytest

@pytest.fixture(scope="session")
def browser():
    yield
    raise RuntimeError("Playwright connection closed")

def test_walks(browser):
    raise KeyboardInterrupt
"""


def test_teardown_failing_after_ctrl_c_ends_the_child_with_130_and_no_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_interrupted.py").write_text(INTERRUPTED_SESSION)
    done = subprocess.run(
        [sys.executable, "-c", CHILD_CODE, "-q", "-p", "no:cacheprovider", "test_interrupted.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == INTERRUPTED_EXIT_CODE, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
