"""The rollout regression matrix (simulator.qa.compare): what changed between two runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.evidence.bundle import Check
from simulator.qa.compare import (
    ADDED,
    MESSAGE,
    OUTCOME,
    REMOVED,
    CompareError,
    RunRecord,
    build_matrix,
    changes,
    format_matrix,
    load_run,
)
from simulator.scenarios.run import ScenarioOutcome


def outcome(scenario_id: str, status: str = "passed", observed: str = "Pesan A") -> ScenarioOutcome:
    check = Check("pesan", "Pesan {x}", observed, status == "passed")
    return ScenarioOutcome(scenario_id, f"judul {scenario_id}", status, 1.0, [check])


def run(name: str, *outcomes: ScenarioOutcome, profile: str = "spse-4.3-ca") -> RunRecord:
    return RunRecord(
        path=Path(name),
        name=name,
        manifest={"profile": profile},
        outcomes={(o.scenario_id, o.title): o for o in outcomes},
    )


def test_changes_tell_outcome_message_added_and_removed_apart() -> None:
    assert changes(outcome("KODOK-001"), outcome("KODOK-001")) == ()
    assert changes(outcome("KODOK-001"), outcome("KODOK-001", "failed")) == (OUTCOME,)
    assert changes(outcome("KODOK-001"), outcome("KODOK-001", observed="Pesan B")) == (MESSAGE,)
    both = changes(outcome("KODOK-001"), outcome("KODOK-001", "failed", "Pesan B"))
    assert both == (OUTCOME, MESSAGE)
    assert changes(None, outcome("KODOK-001")) == (ADDED,)
    assert changes(outcome("KODOK-001"), None) == (REMOVED,)


def test_the_matrix_has_every_scenario_of_any_run_compared_with_the_first() -> None:
    old = run("ca", outcome("KODOK-001"), outcome("KODOK-002"), outcome("KODOK-003"))
    new = run(
        "baru",
        outcome("KODOK-001"),
        outcome("KODOK-002", "failed", "Pesan B"),
        outcome("KODOK-004", "n/a"),
        profile="spse-4.4-ca",
    )
    rows = build_matrix([old, new])
    assert [r.key[0] for r in rows] == ["KODOK-001", "KODOK-002", "KODOK-003", "KODOK-004"]
    assert [r.kinds for r in rows] == [(), (OUTCOME, MESSAGE), (REMOVED,), (ADDED,)]
    assert [r.changed for r in rows] == [False, True, True, True]

    table = format_matrix([old, new], rows)
    assert "KODOK-001" not in table  # unchanged rows only with everything=True
    assert "KODOK-002" in table
    assert "[2] pesan: Pesan B" in table
    assert "3 dari 4 skenario berubah terhadap ca (spse-4.3-ca)" in table
    assert "KODOK-001" in format_matrix([old, new], rows, everything=True)


def test_three_runs_compare_each_with_the_first() -> None:
    first = run("a", outcome("KODOK-001"))
    rows = build_matrix(
        [first, run("b", outcome("KODOK-001")), run("c", outcome("KODOK-001", "failed"))]
    )
    assert rows[0].changes == ((), (OUTCOME,))


def test_one_run_is_not_a_comparison() -> None:
    with pytest.raises(CompareError):
        build_matrix([run("a", outcome("KODOK-001"))])


def test_load_run_reads_outcomes_and_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "run-1"
    folder.mkdir()
    (folder / "outcomes.json").write_text(json.dumps([outcome("KODOK-001").to_json()]))
    (folder / "run.json").write_text(json.dumps({"profile": "spse-4.3-nonca"}))
    loaded = load_run(folder)
    assert loaded.name == "run-1"
    assert loaded.label == "run-1 (spse-4.3-nonca)"
    assert list(loaded.outcomes) == [("KODOK-001", "judul KODOK-001")]


def test_a_folder_without_outcomes_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="bukan run skenario"):
        load_run(tmp_path)
    (tmp_path / "outcomes.json").write_text("{rusak")
    with pytest.raises(CompareError):
        load_run(tmp_path)


def test_values_that_differ_on_every_run_are_no_message_change() -> None:
    def seen(observed: str) -> ScenarioOutcome:
        return outcome("KODOK-001", observed=observed)

    sha_a, sha_b = "4b3bf3e9" * 8, "9a0c11d2" * 8
    assert changes(seen(f"tanda terima {sha_a}"), seen(f"tanda terima {sha_b}")) == ()
    serials = ("dicabut: 90763026569405217267", "dicabut: 46193618250939606115")
    assert changes(seen(serials[0]), seen(serials[1])) == ()
    urls = ("http://127.0.0.1:42991/eproc4/dashboard", "http://127.0.0.1:33139/eproc4/dashboard")
    assert changes(seen(urls[0]), seen(urls[1])) == ()
    # Short numbers (tender ids, sizes) and words still count.
    assert changes(seen("paket 10000001"), seen("paket 10000002")) == (MESSAGE,)
    # A kode tender (11 digits, SPSE 4's shape) is no volatile number either.
    assert changes(seen("paket 10000001133"), seen("paket 10000002133")) == (MESSAGE,)
    assert changes(seen("Berkas rusak"), seen("Berkas berubah")) == (MESSAGE,)
