"""Scenarios a Ctrl-C cut off halfway, named from what each wrote as it started."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.evidence.bundle import write_index
from simulator.scenarios.unfinished import (
    STARTED_NAME,
    UnfinishedScenario,
    read_unfinished,
    unfinished_scenarios,
    write_started,
)


def _started(
    folder: Path, scenario_id: str, *, example: int = 0, finished: bool = False
) -> UnfinishedScenario:
    folder.mkdir(parents=True)
    scenario = UnfinishedScenario(
        scenario_id,
        f"judul {scenario_id}",
        feature="Fitur contoh",
        example=example,
        nodeid=f"suite.py::test_{scenario_id}[{example}]",
    )
    write_started(folder, scenario)
    if finished:
        write_index(folder, {"kind": "scenario", "status": "passed"})
    return scenario


def test_started_and_never_ended_is_cut_off_with_its_folder(tmp_path: Path) -> None:
    run = tmp_path / "run"
    _started(run / "scenarios" / "popen-gw0" / "KODOK-981", "KODOK-981", finished=True)
    row = _started(run / "scenarios" / "popen-gw0" / "KODOK-981-2", "KODOK-981", example=2)
    other = _started(run / "scenarios" / "popen-gw1" / "KODOK-982", "KODOK-982")
    (run / "scenarios" / "popen-gw1" / "catatan").mkdir()  # no scenario's folder

    found = unfinished_scenarios(run, finished=set())

    assert found == [
        UnfinishedScenario(**{**row.to_json(), "folder": "scenarios/popen-gw0/KODOK-981-2"}),
        UnfinishedScenario(**{**other.to_json(), "folder": "scenarios/popen-gw1/KODOK-982"}),
    ]


def test_a_scenario_with_an_outcome_is_not_cut_off_even_without_its_index(tmp_path: Path) -> None:
    # A scenario whose browser or server failed to start: failed, its folder never indexed.
    run = tmp_path / "run"
    failed = _started(run / "scenarios" / "KODOK-981", "KODOK-981")
    cut = _started(run / "scenarios" / "KODOK-982", "KODOK-982")

    found = unfinished_scenarios(run, finished={failed.nodeid})

    assert [(u.scenario_id, u.folder) for u in found] == [("KODOK-982", "scenarios/KODOK-982")]
    assert found[0].title == cut.title


def test_a_torn_started_file_or_a_run_without_scenarios_names_nothing(tmp_path: Path) -> None:
    run = tmp_path / "run"
    (run / "scenarios" / "KODOK-981").mkdir(parents=True)
    (run / "scenarios" / "KODOK-981" / STARTED_NAME).write_text('{"scenario_id": "KO')

    assert unfinished_scenarios(run, finished=set()) == []
    assert unfinished_scenarios(tmp_path / "nothing-ran", finished=set()) == []


def test_what_is_written_is_read_back() -> None:
    cut = UnfinishedScenario("KODOK-010", "judul", "Fitur", 3, "a::b", "scenarios/KODOK-010-2")
    assert read_unfinished(json.loads(json.dumps([cut.to_json()]))) == [cut]
    assert read_unfinished(None) == []


@pytest.mark.parametrize(
    "listed",
    [
        "abc",
        {"scenario_id": "KODOK-001"},
        0,
        [None],
        ["KODOK-001"],
        [{"folder": "scenarios/KODOK-001"}],
        [{"scenario_id": None, "folder": None}],
        [{"scenario_id": "abc", "folder": "scenarios/abc"}],
        [{"scenario_id": "KODOK-001", "title": {"a": 1}}],
        [{"scenario_id": "KODOK-001", "example": "2"}],
        [{"scenario_id": "KODOK-001", "example": -1}],
        [{"scenario_id": "KODOK-001", "folder": "../../etc"}],
        [{"scenario_id": "KODOK-001", "folder": "/etc"}],
    ],
)
def test_a_damaged_list_is_refused(listed: object) -> None:
    with pytest.raises(ValueError, match=r"^not "):
        read_unfinished(listed)
