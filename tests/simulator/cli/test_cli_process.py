"""The real ``spse-sim`` as a process: a closed stdout and Ctrl-C end without a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

from spse_sim_process import SPSE_SIM, environment, started


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
    args = ["run", "KODOK-003", "--output", str(output)]
    with errors.open("w") as stderr, started(args, cwd=tmp_path, stderr=stderr) as child:
        assert child.stdout is not None
        first = child.stdout.readline()  # printed once the run has its folder
        assert f"keluaran di {output}" in first
        child.send_signal(signal.SIGINT)
        code = child.wait(timeout=120)

    said = errors.read_text()
    assert code == 130
    assert "Traceback" not in said
    assert said.splitlines() == [
        f"spse-sim: dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {output}"
    ]
    index = json.loads((output / "index.json").read_text(encoding="utf-8"))
    assert (index["kind"], index["interrupted"], index["ok"]) == ("scenario-run", True, False)
