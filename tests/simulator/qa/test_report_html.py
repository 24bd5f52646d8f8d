"""The run report (simulator.qa.report_html): statuses, messages, reasons, escaping, matrix."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.evidence.bundle import Check
from simulator.qa.compare import RunRecord, build_matrix
from simulator.qa.report_html import (
    matrix_html,
    read_report_data,
    render_report,
    summary_counts,
)
from simulator.scenarios.run import Attempt, ScenarioOutcome

MANIFEST = {"profile": "spse-4.3-ca", "spse_version": "SPSE v4.3u20191009", "workers": "auto"}


def outcomes() -> list[ScenarioOutcome]:
    return [
        ScenarioOutcome(
            "KODOK-003",
            "nama file 41 karakter ditolak",
            "failed",
            9.5,
            [Check("pesan", "Nama file <{name}> terlalu panjang", "(tidak ada pesan)", False)],
            error="AssertionError: expected message",
        ),
        ScenarioOutcome("KODOK-001", "nama file 39 karakter diterima", "passed", 8.25),
        ScenarioOutcome(
            "KODOK-050",
            "unggah APENDO",
            "n/a",
            0.0,
            error="N/A: tidak berlaku untuk profil spse-4.3-ca",
        ),
        ScenarioOutcome(
            "KODOK-010",
            "unggah ulang",
            "flaky",
            20.0,
            attempts=[Attempt("failed", 10.0, "", "Timeout"), Attempt("passed", 10.0)],
        ),
    ]


def test_report_lists_every_scenario_failures_first_with_checks_and_reasons(
    tmp_path: Path,
) -> None:
    page = render_report(tmp_path, outcomes(), MANIFEST)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    # Self-contained: no external stylesheet, script or image.
    assert "<link" not in page
    assert 'src="http' not in page
    assert "<script src" not in page
    # Failures first, then flaky, passed, not applicable; failed and flaky ones open.
    table = page[page.index('id="skenario"') :]
    order = [table.index(i) for i in ("KODOK-003", "KODOK-010", "KODOK-001", "KODOK-050")]
    assert order == sorted(order)
    assert "<details open><summary>nama file 41 karakter ditolak" in page
    assert "<details><summary>nama file 39 karakter diterima" in page
    # Expected vs observed, escaped, the difference marked.
    assert "<del>Nama file &lt;{name}&gt; terlalu panjang</del>" in page
    assert "<ins>(tidak ada pesan)</ins>" in page
    assert '<div class="reason">N/A: tidak berlaku untuk profil spse-4.3-ca</div>' in page
    assert "Percobaan 1: " in page
    assert "Timeout" in page
    assert "SPSE v4.3u20191009" in page
    assert "auto" in page
    assert "Tidak ada folder bukti." in page
    # The overview: a chart, filters and a search box.
    assert '<svg class="donut"' in page
    assert 'id="cari"' in page
    assert 'class="status" value="flaky"' in page


def test_report_data_is_embedded_as_json(tmp_path: Path) -> None:
    data = read_report_data(render_report(tmp_path, outcomes(), MANIFEST))
    assert data["counts"] == {"failed": 1, "flaky": 1, "passed": 1, "n/a": 1, "skipped": 0}
    assert data["total"] == 4
    assert [s["id"] for s in data["scenarios"]] == [
        "KODOK-003",
        "KODOK-010",
        "KODOK-001",
        "KODOK-050",
    ]
    failed = data["scenarios"][0]
    assert failed["checks"][0]["observed"] == "(tidak ada pesan)"
    assert data["scenarios"][1]["attempts"] == 2
    assert data["duration_s"] == 37.75


def test_statistics_by_tag_count_every_status_per_source_rule_and_profile(tmp_path: Path) -> None:
    tagged = outcomes()
    tagged[0].tags = ["KODOK-003", "aturan-hh-2", "sumber-hal-hal-yang-harus-diperhatikan"]
    tagged[1].tags = ["KODOK-001", "aturan-hh-2", "profil-spse-4.3-ca"]
    page = render_report(tmp_path, tagged, MANIFEST)
    rows = {r["tag"]: r for r in read_report_data(page)["tags"]}
    assert set(rows) == {
        "aturan-hh-2",
        "sumber-hal-hal-yang-harus-diperhatikan",
        "profil-spse-4.3-ca",
    }
    assert rows["aturan-hh-2"]["counts"]["failed"] == 1
    assert rows["aturan-hh-2"]["counts"]["passed"] == 1
    assert rows["aturan-hh-2"]["title"].endswith(
        "Nama file maksimal 40 karakter sudah termasuk ekstensinya"
    )
    # The source section is named by the document's title, never by an internal word.
    title = rows["sumber-hal-hal-yang-harus-diperhatikan"]["title"]
    assert title == "Konsep Operasional SPSE 4.3 CA: Hal-hal yang harus diperhatikan"
    assert "Seed" not in page
    assert 'data-tag="aturan-hh-2"' in page


def test_the_trend_reads_earlier_runs_of_the_same_runs_folder(tmp_path: Path) -> None:
    for name, started, failed in (
        ("run-1", "2026-03-01T01:00:00+00:00", 3),
        ("run-2", "2026-03-02T01:00:00+00:00", 1),
    ):
        folder = tmp_path / name
        folder.mkdir()
        manifest = {
            "started": started,
            "elapsed_s": 60.0,
            "counts": {"passed": 1, "failed": failed},
        }
        (folder / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "bukan-run").mkdir()  # folders without run.json are no runs
    current = tmp_path / "run-3"
    current.mkdir()
    manifest = {**MANIFEST, "started": "2026-03-03T01:00:00+00:00", "elapsed_s": 30.0}
    page = render_report(current, outcomes(), manifest)
    history = read_report_data(page)["history"]
    assert [h["run"] for h in history] == ["run-1", "run-2", "run-3"]
    assert [h["counts"]["failed"] for h in history] == [3, 1, 1]
    assert history[-1]["elapsed_s"] == 30.0
    assert "03 Maret 2026 08:00:00 WIB" in page  # times in WIB, the zone shown


def test_a_first_run_says_the_trend_comes_later(tmp_path: Path) -> None:
    page = render_report(tmp_path / "run-1", outcomes(), MANIFEST)
    assert "tren muncul mulai run kedua" in page


def test_summary_counts_every_status() -> None:
    assert summary_counts(outcomes()) == {
        "failed": 1,
        "flaky": 1,
        "passed": 1,
        "n/a": 1,
        "skipped": 0,
    }


def test_an_empty_run_says_nothing_ran(tmp_path: Path) -> None:
    assert "Tidak ada skenario yang dijalankan." in render_report(tmp_path, [], {})


def test_matrix_section_marks_changed_rows(tmp_path: Path) -> None:
    before = {(o.scenario_id, o.title): o for o in outcomes()}
    after = dict(before)
    key = ("KODOK-001", "nama file 39 karakter diterima")
    after[key] = ScenarioOutcome(*key, "failed", 1.0, [Check("pesan", "a", "b", False)])
    runs = [
        RunRecord(tmp_path / "a", "a", {"profile": "spse-4.3-ca"}, before),
        RunRecord(tmp_path / "b", "b", {"profile": "spse-4.4-ca"}, after),
    ]
    section = matrix_html(runs, build_matrix(runs), tmp_path)
    assert "1 dari 4 skenario berubah hasil atau pesannya terhadap [1] a (spse-4.3-ca)" in section
    assert section.count('class="changed"') == 1
    assert "hasil, pesan" in section
    assert "[2] pesan: b" in section


def test_scenarios_cut_off_are_listed_escaped_with_links_to_their_folders(tmp_path: Path) -> None:
    cut = {"scenario_id": "KODOK-003", "title": "<b>nama</b> & file", "folder": 'scenarios/a "b"'}
    manifest = {**MANIFEST, "status": "interrupted", "unfinished": [cut]}

    html = render_report(tmp_path, outcomes(), manifest)

    assert (
        '<li>KODOK-003 &lt;b&gt;nama&lt;/b&gt; &amp; file: <a href="scenarios/a%20%22b%22">'
        "scenarios/a &quot;b&quot;</a></li>"
    ) in html
