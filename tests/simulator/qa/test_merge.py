"""Merging the run folders of a sharded run: one run folder, one report, nothing lost or doubled."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from simulator.evidence.bundle import INDEX_NAME, write_index, write_scenario_run_index
from simulator.qa.merge import INCOMPLETE, MergeError, merge_runs
from simulator.qa.run import MANIFEST_NAME
from simulator.scenarios.run import Attempt, Check, ScenarioOutcome

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def fake_run(
    folder: Path,
    shard: str | None,
    scenarios: dict[str, str],
    *,
    profile: str = "spse-4.3-ca",
    elapsed: float = 30.0,
) -> Path:
    """A run folder as ``spse-sim run --shard`` leaves it: scenario id -> status."""
    outcomes = []
    cases = []
    for scenario_id, status in scenarios.items():
        artifacts = f"scenarios/popen-gw0/{scenario_id}"
        evidence = folder / artifacts
        (evidence / "screenshots").mkdir(parents=True)
        (evidence / "screenshots" / "01-failed.png").write_bytes(PNG)
        write_index(evidence, {"kind": "scenario", "scenario_id": scenario_id, "status": status})
        outcomes.append(
            ScenarioOutcome(
                scenario_id,
                f"judul {scenario_id}",
                status,
                1.5,
                checks=[Check("langkah", "diharapkan", "teramati", status == "passed")],
                nodeid=f"simulator/scenarios/suite.py::test_{scenario_id}",
                artifacts=artifacts,
                attempts=[Attempt(status, 1.5, artifacts)] if status == "failed" else [],
            )
        )
        failure = '<failure message="boom"/>' if status == "failed" else ""
        cases.append(f'<testcase name="test_{scenario_id}" time="1.5">{failure}</testcase>')
    (folder / "outcomes.json").write_text(json.dumps([o.to_json() for o in outcomes]))
    failures = sum(1 for s in scenarios.values() if s == "failed")
    (folder / "junit.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
        f'<testsuite name="pytest" errors="0" failures="{failures}" skipped="0" '
        f'tests="{len(cases)}" time="{elapsed}">{"".join(cases)}</testsuite></testsuites>'
    )
    manifest = {
        "kind": "qa-run",
        "status": "failed" if failures else "passed",
        "profile": profile,
        "seed": 20260302,
        "shard": shard,
        "started": "2026-11-27T10:00:00+00:00",
        "elapsed_s": elapsed,
        "pytest_exit_code": 1 if failures else 0,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest))
    write_scenario_run_index(folder, content={"profile": profile, "shard": shard})
    return folder


def test_two_shards_merge_into_one_run_folder_and_one_report(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "ci-1", "1/2", {"KODOK-001": "passed", "KODOK-002": "failed"})
    two = fake_run(tmp_path / "ci-2", "2/2", {"KODOK-003": "passed"}, elapsed=50.0)

    result = merge_runs(tmp_path / "merged", [one, two])
    merged = tmp_path / "merged"

    outcomes = json.loads((merged / "outcomes.json").read_text(encoding="utf-8"))
    assert [(o["scenario_id"], o["status"]) for o in outcomes] == [
        ("KODOK-001", "passed"),
        ("KODOK-002", "failed"),
        ("KODOK-003", "passed"),
    ]
    for outcome in outcomes:  # evidence paths lead to the copied folders
        assert (merged / outcome["artifacts"] / INDEX_NAME).is_file()
    [failed] = [o for o in outcomes if o["status"] == "failed"]
    assert failed["artifacts"] == "shards/shard-1-of-2/scenarios/popen-gw0/KODOK-002"
    assert failed["attempts"][0]["artifacts"] == failed["artifacts"]

    junit = ET.parse(merged / "junit.xml").getroot()
    assert (junit.get("tests"), junit.get("failures")) == ("3", "1")
    assert [s.get("name") for s in junit.iter("testsuite")] == ["pytest 1/2", "pytest 2/2"]
    assert len(list(junit.iter("testcase"))) == 3

    index = json.loads((merged / INDEX_NAME).read_text(encoding="utf-8"))
    assert index["kind"] == "scenario-run"
    assert index["status"] == "failed"
    assert [s["shard"] for s in index["shards"]] == ["1/2", "2/2"]
    assert sorted(s["scenario_id"] for s in index["scenarios"]) == [
        "KODOK-001",
        "KODOK-002",
        "KODOK-003",
    ]
    manifest = json.loads((merged / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["elapsed_s"] == 50.0  # shards run side by side
    assert manifest["counts"]["passed"] == 2
    assert manifest["missing_shards"] == []

    assert result.report == merged / "report.html"
    assert sorted(merged.glob("*.html")) == [merged / "coverage.html", result.report]
    html = result.report.read_text(encoding="utf-8")
    for scenario_id in ("KODOK-001", "KODOK-002", "KODOK-003"):
        assert scenario_id in html
    assert "shards/shard-1-of-2/scenarios/popen-gw0/KODOK-002" in html
    assert result.exit_code == 1  # a failed scenario stays failed


def test_all_shards_green_is_green_and_a_missing_shard_is_not(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"})
    assert merge_runs(tmp_path / "all", [two, one]).exit_code == 0

    partial = merge_runs(tmp_path / "partial", [one])
    assert partial.manifest["status"] == INCOMPLETE
    assert partial.manifest["missing_shards"] == ["2/2"]
    assert partial.exit_code == 1


def test_merged_hard_links_keep_the_files(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/1", {"KODOK-001": "passed"})
    merge_runs(tmp_path / "out", [one], link=True)
    shot = "shards/shard-1-of-1/scenarios/popen-gw0/KODOK-001/screenshots/01-failed.png"
    assert (tmp_path / "out" / shot).read_bytes() == PNG


def test_a_scenario_in_two_shards_is_refused(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-001": "passed"})
    with pytest.raises(MergeError, match="KODOK-001"):
        merge_runs(tmp_path / "out", [one, two])
    assert not (tmp_path / "out").exists()


def test_shards_of_different_profiles_or_a_used_output_folder_are_refused(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"}, profile="spse-4.3-nonca")
    with pytest.raises(MergeError, match="profil yang berbeda"):
        merge_runs(tmp_path / "out", [one, two])
    with pytest.raises(MergeError, match="tidak kosong"):
        merge_runs(tmp_path / "a", [two])
    with pytest.raises(MergeError, match=r"outcomes\.json"):
        merge_runs(tmp_path / "out2", [tmp_path])
