"""A real catalog run (child pytest, xdist workers, Chromium) shows a line per finished
scenario, and Ctrl-C (or SIGTERM) stops it: workers, browsers and servers end, the run folder
says "interrupted", and no scenario is reported failed because of the interruption.

The signal goes out as soon as the first progress line is read. Each scenario is one page form
(the e-mail step of registration), so the first line comes as early as a worker can finish
anything. SIGINT runs with two workers; SIGTERM, which the driver turns into the same stop
(``simulator.scenarios.run``), with one: that worker, its browser and server must end too."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.desk.spamkodok.processes import descendants, read_process_table
from simulator.evidence.bundle import INDEX_NAME
from simulator.harness.run_folder import INTERRUPTED

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# A catalog of its own (ids the real catalog does not use): short scenarios, more of them than
# workers, so that some are still running when the first has finished.
FEATURE = """# language: id
@sumber-domain-alur-penyedia @profil-semua
Fitur: Menghentikan jalannya katalog

""" + "\n".join(
    f"""  @KODOK-98{n}
  Skenario: Permintaan tautan pendaftaran nomor {n} terkirim
    Ketika calon penyedia "CV Maju {n}" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "daftar.email_terkirim"
"""
    for n in range(1, 7)
)
DRIVER = """
import sys
from pathlib import Path
from simulator.scenarios.run import ScenarioRunInterrupted, ScenarioRunRequest, run_scenarios

try:
    run_scenarios(ScenarioRunRequest(output_dir=Path(sys.argv[1]), workers=sys.argv[2]))
except ScenarioRunInterrupted as stop:
    print(f"DIHENTIKAN {stop.code} {len(stop.outcomes)}", flush=True)
    sys.exit(130)
print("SELESAI", flush=True)
"""
PROGRESS = re.compile(r"^\[\s*1/6\] (KODOK-98\d) +(\S+) +\d+\.\d dtk  (.+)$")


def live_descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (from /proc)."""
    return descendants(read_process_table(Path("/proc")), pid) - {pid}


def command_name(pid: int) -> str:
    """The process's name (``comm``), empty once it is gone."""
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Running, not only a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# SIGINT is Ctrl-C; SIGTERM is a cancelled CI job or `timeout`: both stop the run the same way.
@pytest.mark.parametrize(
    ("signum", "workers"), [(signal.SIGINT, "2"), (signal.SIGTERM, "1")], ids=["sigint", "sigterm"]
)
def test_ctrl_c_stops_the_run_and_leaves_an_interrupted_run_folder(
    tmp_path: Path, signum: signal.Signals, workers: str
) -> None:
    catalog = tmp_path / "katalog"
    catalog.mkdir()
    (catalog / "berhenti.feature").write_text(FEATURE, encoding="utf-8")
    run_dir = tmp_path / "run"
    env = {**os.environ, "SPSE_SIM_CATALOG": str(catalog), "PYTHONPATH": str(ROOT)}
    driver = subprocess.Popen(
        [sys.executable, "-P", "-c", DRIVER, str(run_dir), workers],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,  # our SIGINT reaches the driver only, as Ctrl-C would
    )
    assert driver.stdout is not None
    seen: list[str] = []
    first = None
    for line in driver.stdout:
        seen.append(line)
        first = PROGRESS.match(line.rstrip("\n"))
        if first is not None:
            break
    assert first is not None, "".join(seen)
    assert first.group(2) == "LOLOS", "".join(seen)
    number = first.group(1)[-1]
    assert first.group(3) == f"Permintaan tautan pendaftaran nomor {number} terkirim"
    assert not any(line.strip().strip(".") == "" and "." in line for line in seen)  # no dots
    running = live_descendants(driver.pid)
    names = [command_name(p) for p in running]
    # The child pytest and its xdist workers, and the browser of the worker that finished.
    assert len([n for n in names if n.startswith("python")]) >= 1 + int(workers), names
    assert any("chrom" in n or "headless" in n for n in names), names

    driver.send_signal(signum)
    rest, _ = driver.communicate(timeout=180)

    assert driver.returncode == 130, "".join(seen) + rest
    assert "DIHENTIKAN" in rest
    # spse-sim says it was stopped; pytest's banner and its line of code do not.
    assert "KeyboardInterrupt" not in rest
    assert "--full-trace" not in rest
    assert not [p for p in running if alive(p)], rest
    index = json.loads((run_dir / INDEX_NAME).read_text(encoding="utf-8"))
    assert index["status"] == INTERRUPTED
    assert index["ok"] is False
    outcomes = json.loads((run_dir / "outcomes.json").read_text(encoding="utf-8"))
    statuses = {o["scenario_id"]: o["status"] for o in outcomes}
    assert statuses[first.group(1)] == "passed"
    assert set(statuses.values()) == {"passed"}, outcomes  # the interrupted ones are not failed
    assert len(statuses) < 6
    for entry in index["scenarios"]:
        assert entry["status"] == "passed", entry
    # A scenario the signal cut off is named, with the folder of the steps it ran: every
    # scenario folder without a result, and only those. (One whose checks had passed when the
    # signal came in its teardown has its result, though its folder may lack its index.)
    cut_off = {u["folder"]: u for u in index.get("unfinished", [])}
    without_result = {
        str(folder.relative_to(run_dir))
        for folder in (run_dir / "scenarios").glob("*/KODOK-98*")
        if not (folder / INDEX_NAME).exists() and folder.name not in statuses
    }
    assert set(cut_off) == without_result, (cut_off, without_result, statuses)
    for entry in cut_off.values():
        assert entry["scenario_id"] not in statuses
        assert entry["title"].startswith("Permintaan tautan pendaftaran nomor ")
    for chronology in run_dir.rglob("chronology.json"):
        steps = json.loads(chronology.read_text(encoding="utf-8"))
        assert all(s["outcome"] == "ok" for s in steps), (chronology, steps)
