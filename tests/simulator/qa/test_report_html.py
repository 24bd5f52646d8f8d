"""The run report (simulator.qa.report_html): statuses, messages, reasons, escaping, matrix."""

from __future__ import annotations

from pathlib import Path

from simulator.evidence.bundle import Check
from simulator.qa.compare import RunRecord, build_matrix
from simulator.qa.report_html import matrix_html, render_report, summary_counts
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


def test_report_lists_every_scenario_with_status_checks_and_reasons(tmp_path: Path) -> None:
    page = render_report(tmp_path, outcomes(), MANIFEST)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "<link" not in page  # self-contained: no external stylesheet
    # Sorted by id; failed and flaky scenarios open, others folded.
    assert page.index("KODOK-001") < page.index("KODOK-003") < page.index("KODOK-010")
    assert "<details open><summary>nama file 41 karakter ditolak" in page
    assert "<details><summary>nama file 39 karakter diterima" in page
    # Expected vs observed, escaped.
    assert "Nama file &lt;{name}&gt; terlalu panjang" in page
    assert "(tidak ada pesan)" in page
    assert '<div class="reason">N/A: tidak berlaku untuk profil spse-4.3-ca</div>' in page
    assert "Attempt 1: " in page
    assert "Timeout" in page
    assert "SPSE v4.3u20191009" in page
    assert "auto" in page
    assert "No evidence folder." in page


def test_summary_counts_every_status() -> None:
    assert summary_counts(outcomes()) == {
        "failed": 1,
        "flaky": 1,
        "passed": 1,
        "n/a": 1,
        "skipped": 0,
    }


def test_an_empty_run_says_nothing_ran(tmp_path: Path) -> None:
    assert "No scenario ran." in render_report(tmp_path, [], {})


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
    assert "1 of 4 scenario(s) changed outcome or message against [1] a (spse-4.3-ca)" in section
    assert section.count('class="changed"') == 1
    assert "outcome, message" in section
    assert "[2] pesan: b" in section
