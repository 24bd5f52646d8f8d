"""A run stopped by Ctrl-C says so in its index.json, and keeps what it had finished."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator.evidence.bundle import INDEX_NAME, write_index, write_scenario_run_index
from simulator.evidence.interruption import mark_interrupted


def index_of(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    return data


def test_a_scenario_run_keeps_its_finished_scenarios(tmp_path: Path) -> None:
    done = tmp_path / "scenarios" / "KODOK-003"
    done.mkdir(parents=True)
    write_index(done, {"kind": "scenario", "scenario_id": "KODOK-003", "status": "passed"})

    mark_interrupted(tmp_path, kind="scenario-run")

    index = index_of(tmp_path)
    assert (index["kind"], index["interrupted"], index["ok"]) == ("scenario-run", True, False)
    assert [s["scenario_id"] for s in index["scenarios"]] == ["KODOK-003"]


def test_an_existing_index_keeps_its_content(tmp_path: Path) -> None:
    write_scenario_run_index(tmp_path, content={"profile": "spse-4.3-nonca", "ok": True})

    mark_interrupted(tmp_path, kind="journey")  # the index's own kind wins

    index = index_of(tmp_path)
    assert (index["kind"], index["profile"]) == ("scenario-run", "spse-4.3-nonca")
    assert (index["interrupted"], index["ok"]) == (True, False)


def test_a_run_stopped_during_its_re_run_says_interrupted_not_failed(tmp_path: Path) -> None:
    # The first attempt wrote its status; the Ctrl-C came while the failures were re-run.
    write_scenario_run_index(tmp_path, content={"status": "failed", "ok": False})

    mark_interrupted(tmp_path, kind="scenario-run")

    assert index_of(tmp_path)["status"] == "interrupted"


def test_a_journey_stopped_early_gets_an_index(tmp_path: Path) -> None:
    (tmp_path / "chronology.json").write_text("[]")
    (tmp_path / INDEX_NAME).write_text('{"kind": "jour')  # written halfway

    mark_interrupted(tmp_path, kind="journey")

    index = index_of(tmp_path)
    assert (index["kind"], index["interrupted"], index["ok"]) == ("journey", True, False)
    assert index["files"] == ["chronology.json", INDEX_NAME]


def test_no_folder_no_index(tmp_path: Path) -> None:
    assert mark_interrupted(tmp_path / "nope", kind="journey") is None
    assert not (tmp_path / "nope").exists()
