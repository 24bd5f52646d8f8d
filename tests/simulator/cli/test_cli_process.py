"""The real ``spse-sim`` as a process: a closed stdout and Ctrl-C end without a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SPSE_SIM = Path(sys.executable).with_name("spse-sim")  # the console script pyproject declares


def environment() -> dict[str, str]:
    """The tree under test first on the path, whatever the script was installed from."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def test_a_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    """As ``spse-sim list | head -1`` once head has gone: no BrokenPipeError traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = subprocess.run(
            [str(SPSE_SIM), "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=environment(),
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)

    assert done.stderr.decode() == ""
    assert done.returncode == 1


def test_ctrl_c_stops_a_run_and_marks_it_interrupted(tmp_path: Path) -> None:
    output = tmp_path / "run"
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [str(SPSE_SIM), "run", "KODOK-003", "--output", str(output)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=environment(),
            cwd=tmp_path,
        )
        try:
            assert child.stdout is not None
            started = child.stdout.readline()  # printed once the run has its folder
            assert f"keluaran di {output}" in started
            child.send_signal(signal.SIGINT)
            code = child.wait(timeout=120)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            if child.stdout is not None:
                child.stdout.close()

    said = errors.read_text()
    assert code == 130
    assert "Traceback" not in said
    assert said.splitlines()[-1] == "spse-sim: dihentikan oleh pengguna (Ctrl-C)"
    index = json.loads((output / "index.json").read_text(encoding="utf-8"))
    assert (index["kind"], index["interrupted"], index["ok"]) == ("scenario-run", True, False)
