"""Merging the run folders of a sharded run: one run folder, one report, nothing lost or doubled."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from shard_runs import PNG, fake_run

import simulator.qa.merge as merge_module
from simulator.evidence.bundle import INDEX_NAME
from simulator.harness.run_folder import INCOMPLETE
from simulator.qa.junit import write_junit
from simulator.qa.merge import MergeError, merge_runs
from simulator.qa.report_html import load_history
from simulator.qa.run import MANIFEST_NAME
from simulator.scenarios.run import ScenarioOutcome
from simulator.scenarios.unfinished import UnfinishedScenario


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


SELECTED = ("KODOK-001", "KODOK-003")


@pytest.mark.parametrize(
    ("shard", "ids", "seed", "refusal"),
    [
        ("2/2", ("KODOK-002",), 20260302, r"pilihan yang berbeda \(id: "),
        ("2/2", SELECTED, 7, r"pilihan yang berbeda \(--seed: 20260302, 7\)"),
        ("3/3", SELECTED, 20260302, r"pembagian yang berbeda \(1/2, 3/3\)"),
        (None, SELECTED, 20260302, r"pembagian yang berbeda \(1/2, tanpa --shard\)"),
    ],
)
def test_shards_of_different_runs_are_refused(
    tmp_path: Path, shard: str | None, ids: tuple[str, ...], seed: int, refusal: str
) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"}, ids=SELECTED)
    two = fake_run(tmp_path / "b", shard, {"KODOK-003": "passed"}, ids=ids, seed=seed)

    with pytest.raises(MergeError, match=refusal):
        merge_runs(tmp_path / "out", [one, two])
    assert not (tmp_path / "out").exists()


def test_the_same_shard_twice_names_both_folders(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    again = fake_run(tmp_path / "a-again", "1/2", {"KODOK-002": "passed"})
    with pytest.raises(MergeError, match=r"shard 1/2 diberikan dua kali: .*/a, .*/a-again$"):
        merge_runs(tmp_path / "out", [one, again])


def outcome_json(**fields: object) -> str:
    """outcomes.json of one scenario whose ``fields`` a hand (or a tool) got wrong."""
    outcome = {"scenario_id": "KODOK-003", "title": "judul", "status": "passed", "duration_s": 1}
    return json.dumps([{**outcome, **fields}])


def broken(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("damage", "refusal"),
    [
        (lambda f: broken(f, "outcomes.json", "{}"), "bukan daftar hasil skenario"),
        (lambda f: broken(f, "outcomes.json", "[{}]"), "hasil skenario ke-1 tidak lengkap"),
        (lambda f: broken(f, "outcomes.json", outcome_json(status="zzz")), "ke-1 tidak lengkap"),
        (lambda f: broken(f, "outcomes.json", outcome_json(duration_s="abc")), "ke-1 tidak"),
        (lambda f: broken(f, "outcomes.json", "[]"), r"0 hasil skenario, tetapi run\.json .* 1"),
        (lambda f: broken(f, "junit.xml", "<testsuite"), r"junit\.xml: tidak terbaca"),
        (
            lambda f: broken(f, "run.json", json.dumps({"shard": "2/x"})),
            "shard harus berbentuk I/N",
        ),
        (lambda f: f.parent / "tidak-ada", "tidak-ada: folder tidak ada"),
    ],
)
def test_a_folder_that_is_not_a_whole_run_is_refused_before_anything_is_written(
    tmp_path: Path, damage: object, refusal: str
) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"})
    assert callable(damage)
    with pytest.raises(MergeError, match=refusal):
        merge_runs(tmp_path / "out", [one, damage(two)])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("made_before", [False, True])
def test_a_file_that_cannot_be_copied_leaves_the_output_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_before: bool
) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"})
    out = tmp_path / "out"
    if made_before:
        out.mkdir()
    copy = merge_module.shutil.copy2

    def unreadable(source: str, target: str) -> object:
        if source.endswith("01-failed.png") and "/b/" in source:
            raise PermissionError(13, "Permission denied", source)
        return copy(source, target)

    monkeypatch.setattr(merge_module.shutil, "copy2", unreadable)
    with pytest.raises(MergeError, match=r"01-failed\.png: tidak dapat disalin: .*Permission"):
        merge_runs(out, [one, two])
    assert out.exists() == made_before
    assert not made_before or list(out.iterdir()) == []
    monkeypatch.undo()
    assert merge_runs(out, [one, two]).exit_code == 0  # a second try is not refused


def test_an_incomplete_merge_says_so_above_its_report_and_its_trend_skips_the_shards(
    tmp_path: Path,
) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    result = merge_runs(tmp_path / "out", [one])

    html = result.report.read_text(encoding="utf-8")
    assert "Run gabungan tidak lengkap: shard 2/2 tidak ada; skenarionya tidak tercantum." in html
    assert "<th>Shard</th><td>1/2 (tidak ada: 2/2)</td>" in html
    history = load_history(tmp_path / "out", result.manifest)
    assert [entry["run"] for entry in history] == ["out"]  # not "a", a part of this run


def test_a_shard_stopped_by_a_signal_shows_its_name_not_a_negative_code(tmp_path: Path) -> None:
    one = fake_run(tmp_path / "a", "1/1", {"KODOK-001": "passed"})
    manifest = json.loads((one / MANIFEST_NAME).read_text(encoding="utf-8"))
    (one / MANIFEST_NAME).write_text(json.dumps({**manifest, "pytest_exit_code": -2}))

    html = merge_runs(tmp_path / "out", [one]).report.read_text(encoding="utf-8")

    assert "<th>Kode keluar pytest</th><td>dihentikan oleh sinyal SIGINT</td>" in html


def test_an_interrupted_shard_keeps_naming_what_it_cut_off_under_its_folder(
    tmp_path: Path,
) -> None:
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    cut = UnfinishedScenario("KODOK-004", "judul", folder="scenarios/popen-gw0/KODOK-004")
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"})
    manifest = json.loads((two / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest.update(status="interrupted", unfinished=[cut.to_json()])
    (two / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    outcomes = json.loads((two / "outcomes.json").read_text(encoding="utf-8"))
    earlier = [ScenarioOutcome.from_json(o) for o in outcomes]
    write_junit(two / "junit.xml", earlier, interrupted=True, unfinished=[cut])

    result = merge_runs(tmp_path / "out", [one, two])

    folder = "shards/shard-2-of-2/scenarios/popen-gw0/KODOK-004"
    assert [u["folder"] for u in result.manifest["unfinished"]] == [folder]
    index = json.loads((tmp_path / "out" / INDEX_NAME).read_text(encoding="utf-8"))
    assert index["unfinished"] == result.manifest["unfinished"]
    assert f'<a href="{folder}">' in result.report.read_text(encoding="utf-8")
    junit = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    folders = [p.get("value") for p in junit.iter("property") if p.get("name") == "folder"]
    assert folders == [folder]
    messages = [e.get("message", "") for e in junit.iter("error")]
    assert any(m.endswith(f"ada di {folder}") for m in messages), messages


@pytest.mark.parametrize(
    "listed", [{}, "x", [{"x": 1}], [{"scenario_id": "KODOK-001", "folder": "/etc"}]]
)
def test_a_damaged_list_of_scenarios_cut_off_is_refused(tmp_path: Path, listed: object) -> None:
    one = fake_run(tmp_path / "a", "1/1", {"KODOK-001": "passed"})
    manifest = json.loads((one / MANIFEST_NAME).read_text(encoding="utf-8"))
    (one / MANIFEST_NAME).write_text(json.dumps({**manifest, "unfinished": listed}))

    with pytest.raises(MergeError, match=r"run\.json: daftar skenario yang terhenti"):
        merge_runs(tmp_path / "out", [one])
    assert not (tmp_path / "out").exists()


def test_shards_of_different_catalogs_are_refused(tmp_path: Path) -> None:
    # --shard divides by steps: a catalog edited between two shards may leave a scenario in none.
    one = fake_run(tmp_path / "a", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "b", "2/2", {"KODOK-003": "passed"})
    for folder, digest in ((one, "aaaa"), (two, "bbbb")):
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        (folder / MANIFEST_NAME).write_text(json.dumps({**manifest, "catalog": digest}))

    with pytest.raises(MergeError, match=r"pilihan yang berbeda \(--catalog: "):
        merge_runs(tmp_path / "out", [one, two])
    assert not (tmp_path / "out").exists()
