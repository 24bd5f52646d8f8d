"""report.html, coverage.html and the regression matrix with English chosen (--lang en)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.evidence.bundle import Check
from simulator.qa.compare import RunRecord, build_matrix, format_matrix
from simulator.qa.coverage_html import write_coverage
from simulator.qa.report_html import matrix_html, read_report_data, render_report
from simulator.scenarios.catalog import CatalogEntry
from simulator.scenarios.run import Attempt, ScenarioOutcome

MANIFEST = {
    "profile": "spse-4.3-ca",
    "spse_version": "SPSE v4.3u20191009",
    "started": "2026-03-02T01:00:05+00:00",
    "elapsed_s": 40.0,
}
INDONESIAN_WORDS = ("lolos", "gagal", "tidak berlaku", "dilewati", "dtk", "Skenario", "Durasi")


pytestmark = pytest.mark.usefixtures("english")


def outcomes() -> list[ScenarioOutcome]:
    return [
        ScenarioOutcome(
            "KODOK-003",
            "Nama file 41 karakter ditolak",
            "failed",
            9.5,
            [Check("pesan", "Nama file terlalu panjang", "(tidak ada pesan)", False)],
            tags=("sumber-domain-alur-penyedia", "profil-spse-4.3-ca"),
        ),
        ScenarioOutcome("KODOK-001", "Nama file 39 karakter diterima", "passed", 8.25),
        ScenarioOutcome("KODOK-050", "Unggah APENDO", "n/a", 0.0, example=2),
        ScenarioOutcome(
            "KODOK-010",
            "Unggah ulang",
            "flaky",
            20.0,
            attempts=[Attempt("failed", 10.0, "", "Timeout"), Attempt("passed", 10.0)],
        ),
    ]


def visible(page: str) -> str:
    """What a reader sees: the page without its styles, scripts, data and tags' attributes."""
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return re.sub(r"<[^>]*>", " ", page)


def test_report_html_speaks_english_with_english_dates_in_wib(tmp_path: Path) -> None:
    page = render_report(tmp_path / "run-1", outcomes(), MANIFEST)
    text = visible(page)

    assert '<html lang="en">' in page
    assert "<title>SPSE QA run run-1</title>" in page
    for heading in ("Trend against earlier runs", "Statistics by tag", "Scenario"):
        assert f"<h2>{heading}</h2>" in page
    assert "Source section (@sumber-)" in text
    assert "domain notes: vendor flow" in text
    assert "Profile (@profil-)" in text
    for badge in ("passed", "failed", "flaky", "n/a"):
        assert f">{badge}</span>" in page
    assert "Expected" in text
    assert "Observed" in text
    assert "Attempt 1" in text
    assert "[example 2]" in text
    assert "9.5 s" in text
    assert "02 March 2026 08:00:05 WIB" in text
    assert "4 of 4 shown" in " ".join(text.split())
    assert 'placeholder="id, title, message"' in page
    # The scenario titles and the checks' texts are quoted as they are (SPSE's own words).
    assert "Nama file terlalu panjang" in text
    leftovers = [w for w in INDONESIAN_WORDS if re.search(rf"\b{w}\b", text)]
    assert leftovers == []
    # The data for tools stays as it is, whatever the language.
    assert read_report_data(page)["counts"]["n/a"] == 1


def test_coverage_html_speaks_english(tmp_path: Path) -> None:
    entries = [
        CatalogEntry("KODOK-001", "judul", "fitur", "f.feature", ("semua",), ("x",), (), ("hh-2",))
    ]
    page = write_coverage(tmp_path, outcomes(), entries, started=MANIFEST["started"]).read_text(
        encoding="utf-8"
    )
    text = visible(page)

    assert '<html lang="en">' in page
    assert "<title>Coverage of the Konsep Operasional SPSE 4.3 CA" in page
    assert "Every rule of the document" in text
    assert "Verdict" in text
    assert "Scenarios (latest status)" in text
    assert "no scenario yet" in text
    assert "02 March 2026 08:00:05 WIB" in text
    assert not re.search(r"\b(lolos|gagal|belum ada skenario|Putusan)\b", text)


def test_the_regression_matrix_speaks_english(tmp_path: Path) -> None:
    before = {(o.scenario_id, o.title): o for o in outcomes()}
    after = dict(before)
    key = ("KODOK-001", "Nama file 39 karakter diterima")
    after[key] = ScenarioOutcome(*key, "failed", 1.0, [Check("pesan", "a", "b", False)])
    runs = [
        RunRecord(tmp_path / "a", "a", {"profile": "spse-4.3-ca"}, before),
        RunRecord(tmp_path / "b", "b", {"profile": "spse-4.4-ca"}, after),
    ]
    rows = build_matrix(runs)

    section = matrix_html(runs, rows, tmp_path)
    table = format_matrix(runs, rows)

    assert "<h2>Regression matrix</h2>" in section
    assert "1 of 4 scenarios changed outcome or message against [1] a (spse-4.3-ca)." in section
    assert "outcome, message" in section
    assert "PASSED" in table
    assert "FAILED" in table
    assert "outcome,message" in table
    assert "1 of 4 scenarios changed against a (spse-4.3-ca)" in table
