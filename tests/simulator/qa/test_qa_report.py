"""``spse-sim report`` and ``spse-sim compare`` on run folders built from synthetic outcomes.

The folders hold real files where a scenario run leaves them (screenshots, Playwright traces,
the Word report); every link of the written pages must lead to an existing file.
"""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest

from simulator.cli.main import main
from simulator.evidence.bundle import Check
from simulator.qa.report_html import EMBED_MAX_BYTES
from simulator.scenarios.run import Attempt, ScenarioOutcome

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def evidence(folder: Path, *, failed: bool) -> str:
    (folder / "screenshots").mkdir(parents=True)
    (folder / "traces").mkdir()
    for name in ("01-ok", "02-ok", "03-failed" if failed else "03-ok"):
        (folder / "screenshots" / f"{name}.png").write_bytes(PNG)
    (folder / "traces" / "penyedia-budi.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    steps = [
        {
            "number": number,
            "title": f"Langkah {number}",
            "actor": "CV Maju (penyedia, budi)",
            "outcome": "failed" if "failed" in name else "ok",
            "sim_time": "2026-03-02T01:00:00+00:00",
            "screenshot": f"screenshots/{name}.png",
        }
        for number, name in enumerate(("01-ok", "02-ok", "03-failed" if failed else "03-ok"), 1)
    ]
    (folder / "chronology.json").write_text(json.dumps(steps))
    if failed:
        (folder / "laporan-kronologi.docx").write_bytes(b"PK docx")
    return folder.name


def write_run(root: Path, profile: str, outcomes: list[ScenarioOutcome]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "outcomes.json").write_text(json.dumps([o.to_json() for o in outcomes]))
    (root / "run.json").write_text(json.dumps({"profile": profile, "workers": "2"}))
    (root / "junit.xml").write_text("<testsuites/>")
    return root


def hrefs(page: str) -> list[str]:
    return [unquote(unescape(h)) for h in re.findall(r'href="([^"]+)"', page)]


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    old_dir = tmp_path / "run-ca"
    passed = evidence(old_dir / "scenarios" / "KODOK-001", failed=False)
    old = write_run(
        old_dir,
        "spse-4.3-ca",
        [
            ScenarioOutcome(
                "KODOK-001",
                "nama file 41 karakter ditolak",
                "passed",
                9.1,
                [
                    Check(
                        "pesan",
                        "Nama file {name} terlalu panjang",
                        "Nama file x terlalu panjang",
                        True,
                    )
                ],
                artifacts=f"scenarios/{passed}",
            ),
            ScenarioOutcome("KODOK-002", "unggah ulang", "passed", 8.0),
        ],
    )
    new_dir = tmp_path / "run-baru"
    failed = evidence(new_dir / "scenarios" / "KODOK-001", failed=True)
    again = evidence(new_dir / "rerun-1" / "scenarios" / "KODOK-002", failed=False)
    big = new_dir / "scenarios" / "KODOK-001" / "screenshots" / "04-failed-pokja.png"
    big.write_bytes(PNG + bytes(EMBED_MAX_BYTES))
    new = write_run(
        new_dir,
        "spse-4.4-ca",
        [
            ScenarioOutcome(
                "KODOK-001",
                "nama file 41 karakter ditolak",
                "failed",
                9.4,
                [Check("pesan", "Nama file {name} terlalu panjang", "(tidak ada pesan)", False)],
                error="AssertionError: expected message 'kodok.nama_terlalu_panjang'",
                artifacts=f"scenarios/{failed}",
            ),
            ScenarioOutcome(
                "KODOK-002",
                "unggah ulang",
                "flaky",
                16.0,
                attempts=[
                    Attempt("failed", 8.0, "", "TimeoutError"),
                    Attempt("passed", 8.0, f"rerun-1/scenarios/{again}"),
                ],
            ),
        ],
    )
    return old, new


def test_report_of_a_run_links_only_existing_evidence(
    runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = runs
    assert main(["report", str(new), "--compare-with", str(old)]) == 0
    assert capsys.readouterr().out.strip() == str(new / "report.html")
    page = (new / "report.html").read_text(encoding="utf-8")
    # coverage.html and junit.xml are written again from outcomes.json too.
    assert "Konsep Operasional SPSE 4.3 CA" in (new / "coverage.html").read_text(encoding="utf-8")
    names = [c.get("name") for c in ET.parse(new / "junit.xml").getroot().iter("testcase")]
    assert "KODOK-002 unggah ulang" in names

    links = hrefs(page)
    for target in links:
        assert (new / target).exists(), target
    assert "scenarios/KODOK-001/traces/penyedia-budi.zip" in links
    assert "scenarios/KODOK-001/laporan-kronologi.docx" in links
    assert "rerun-1/scenarios/KODOK-002" in links
    assert "../run-ca/report.html" not in links  # the older run has no report.html yet
    # Failed steps' screenshots (and the last one) are embedded, unless too big: then linked.
    assert page.count("data:image/png;base64,") == 1
    assert "scenarios/KODOK-001/screenshots/03-failed.png" in links
    assert "scenarios/KODOK-001/screenshots/04-failed-pokja.png" in links
    assert "tidak disematkan: terlalu besar" in page
    assert "scenarios/KODOK-001/screenshots/01-ok.png" in links
    # The step log, its simulated times in WIB, the failed step's screenshot shown opened.
    assert "Langkah 3" in page
    assert "02 Maret 2026 08:00:00 WIB" in page
    assert "<details open><summary>tangkapan layar</summary>" in page
    # Expected vs observed, the failure, flaky attempts, and the regression matrix.
    assert "(tidak ada pesan)" in page
    assert "AssertionError: expected message" in page
    assert '<span class="badge s-flaky">flaky</span>' in page
    assert "Matriks regresi" in page
    assert "2 dari 2 skenario berubah hasil atau pesannya" in page


def test_compare_prints_the_matrix_and_writes_its_page(
    runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = runs
    assert main(["report", str(old)]) == 0
    target = tmp_path / "matriks" / "compare.html"
    assert main(["compare", str(old), str(new), "--html", str(target)]) == 1  # changes found
    out = capsys.readouterr().out
    assert "KODOK-001" in out
    assert "LOLOS" in out
    assert "hasil,pesan" in out
    assert "2 dari 2 skenario berubah terhadap run-ca (spse-4.3-ca)" in out
    page = target.read_text(encoding="utf-8")
    for link in hrefs(page):
        assert (target.parent / link).exists(), link
    assert "../run-ca/report.html" in hrefs(page)
    # Same run twice: nothing changed.
    assert main(["compare", str(old), str(old), "--html", str(target)]) == 0


def test_compare_refuses_a_folder_that_is_no_run(tmp_path: Path) -> None:
    assert main(["compare", str(tmp_path), str(tmp_path)]) == 2


def _interrupted_run(folder: Path, unfinished: object) -> Path:
    folder.mkdir()
    passed = ScenarioOutcome("KODOK-001", "judul a", "passed", 1.0)
    (folder / "outcomes.json").write_text(json.dumps([passed.to_json()]), encoding="utf-8")
    manifest = {"profile": "spse-4.3-ca", "status": "interrupted", "unfinished": unfinished}
    (folder / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "junit.xml").write_text("<testsuites/>", encoding="utf-8")
    return folder


def test_report_of_an_interrupted_run_keeps_it_an_error_for_ci(tmp_path: Path) -> None:
    cut = {"scenario_id": "KODOK-002", "title": "judul b", "folder": "scenarios/KODOK-002"}
    run = _interrupted_run(tmp_path / "run", [cut])

    assert main(["report", str(run)]) == 0

    root = ET.parse(run / "junit.xml").getroot()
    cases = {c.get("name"): c for c in root.iter("testcase")}
    stopped = "run dihentikan sebelum selesai"
    assert set(cases) == {"KODOK-001 judul a", "KODOK-002 judul b", stopped}
    assert cases["KODOK-002 judul b"].find("error") is not None
    assert root.get("errors") == "2"


def test_report_refuses_a_damaged_list_of_scenarios_cut_off_and_rewrites_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _interrupted_run(tmp_path / "run", [{"x": 1}])

    assert main(["report", str(run)]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith(f"{run / 'run.json'}: daftar skenario yang terhenti (unfinished) rusak")
    assert (run / "junit.xml").read_text(encoding="utf-8") == "<testsuites/>"
    assert not (run / "report.html").exists()
