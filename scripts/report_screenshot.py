"""Regenerate docs/report-html.png: report.html of a sample run, as Chromium shows it.

The sample run (built by ``build_sample``) has what a QA lead meets: passed, failed, flaky and
not applicable scenarios, statistics by tag, three earlier runs in the same runs folder for the
trend, and a failed step's screenshot. Next to the picture, docs/report-html.json holds the
page's embedded data; tests/simulator/qa/test_report_screenshot.py checks that the page built
from the same sample still carries that data, so the picture matches the page.

    PYTHONPATH=$PWD .venv/bin/python scripts/report_screenshot.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from simulator.browser.launch import find_chromium, launch_options
from simulator.evidence.bundle import Check
from simulator.qa.coverage_html import catalog_entries, write_coverage
from simulator.qa.report_html import read_report_data, summary_counts, write_report
from simulator.scenarios.run import Attempt, ScenarioOutcome

DOCS = Path(__file__).resolve().parent.parent / "docs"
PICTURE = DOCS / "report-html.png"
DATA = DOCS / "report-html.json"
WIDTH = 1280
RUN_NAME = "run-20260306-090000"
STARTED = "2026-03-06T02:00:00+00:00"
FILE_TAGS = ["profil-spse-4.3-ca", "sumber-hal-hal-yang-harus-diperhatikan"]
NAME_FEATURE = "Pemeriksaan nama file penawaran oleh SpamKodok 2"
TOO_LONG = (
    "Nama file Dokumen Penawaran Harga Tahap Satu123.pdf terlalu panjang (41 karakter). "
    "Nama file maksimal 40 karakter sudah termasuk ekstensinya."
)
# The earlier runs of the runs folder: (folder, start, counts, seconds).
EARLIER = (
    (
        "run-20260303-090000",
        "2026-03-03T02:00:00+00:00",
        {"passed": 3, "failed": 3, "n/a": 1},
        95.0,
    ),
    (
        "run-20260304-090000",
        "2026-03-04T02:00:00+00:00",
        {"passed": 4, "failed": 2, "n/a": 1},
        88.0,
    ),
    ("run-20260305-090000", "2026-03-05T02:00:00+00:00", {"passed": 5, "flaky": 1, "n/a": 1}, 80.0),
)


def sample_outcomes() -> list[ScenarioOutcome]:
    """The sample run's scenarios: passes, a failure, a flaky one and a not applicable one."""
    hh2 = [*FILE_TAGS, "aturan-hh-2"]
    hh3 = [*FILE_TAGS, "aturan-hh-3"]
    return [
        ScenarioOutcome(
            "KODOK-001",
            "Nama file 39 karakter diterima",
            "passed",
            4.6,
            [
                Check(
                    "penawaran diterima",
                    "Dokumen penawaran berhasil dikirim.",
                    "Dokumen penawaran berhasil dikirim.",
                    True,
                )
            ],
            feature=NAME_FEATURE,
            tags=["KODOK-001", *hh2],
        ),
        ScenarioOutcome(
            "KODOK-002",
            "Nama file tepat 40 karakter diterima",
            "failed",
            6.4,
            [Check("penawaran diterima", "Dokumen penawaran berhasil dikirim.", TOO_LONG, False)],
            error="AssertionError: pesan yang diharapkan 'penawaran.berhasil' tidak tampil",
            artifacts="scenarios/KODOK-002",
            feature=NAME_FEATURE,
            tags=["KODOK-002", *hh2],
        ),
        ScenarioOutcome(
            "KODOK-003",
            "Nama file 41 karakter ditolak",
            "passed",
            3.0,
            [
                Check(
                    "pesan SpamKodok",
                    "Nama file {name} terlalu panjang ({length} karakter).",
                    TOO_LONG,
                    True,
                )
            ],
            feature=NAME_FEATURE,
            tags=["KODOK-003", *hh2],
        ),
        ScenarioOutcome(
            "KODOK-010",
            "Nama file dengan simbol , ditolak SpamKodok",
            "flaky",
            11.8,
            attempts=[
                Attempt("failed", 6.1, "", "TimeoutError: halaman unggah tidak menjawab"),
                Attempt("passed", 5.7),
            ],
            feature="Nama file tanpa simbol",
            tags=["KODOK-010", *hh3],
            example=1,
        ),
        ScenarioOutcome(
            "KODOK-010",
            "Nama file dengan simbol : ditolak SpamKodok",
            "passed",
            4.3,
            feature="Nama file tanpa simbol",
            tags=["KODOK-010", *hh3],
            example=2,
        ),
        ScenarioOutcome(
            "KODOK-030",
            "Upload ditolak setelah batas waktu",
            "passed",
            5.2,
            [
                Check(
                    "pesan",
                    "Batas waktu upload telah berakhir.",
                    "Batas waktu upload telah berakhir.",
                    True,
                )
            ],
            feature="Batas waktu upload",
            tags=["KODOK-030", *FILE_TAGS, "aturan-hh-5"],
        ),
        ScenarioOutcome(
            "KODOK-060",
            "Penawaran APENDO diunggah dan dibuka tanpa sertifikat elektronik pengguna",
            "n/a",
            0.0,
            error="N/A: tidak berlaku untuk profil spse-4.3-ca (hanya spse-4.3-nonca)",
            feature="SPSE NON CA: dokumen penawaran diamankan dengan APENDO",
            tags=["KODOK-060", "profil-spse-4.3-nonca", "sumber-perbedaan-ca-non-ca"],
        ),
    ]


def build_sample(parent: Path, screenshot: bytes | None = None) -> Path:
    """Earlier runs and the sample run under ``parent``; returns the sample run's folder."""
    for name, started, counts, seconds in EARLIER:
        folder = parent / name
        folder.mkdir(parents=True)
        manifest = {"kind": "qa-run", "started": started, "counts": counts, "elapsed_s": seconds}
        (folder / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    run = parent / RUN_NAME
    evidence = run / "scenarios" / "KODOK-002"
    (evidence / "screenshots").mkdir(parents=True)
    steps = [
        (
            'Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender',
            "ok",
            None,
        ),
        ('Dan penyedia "CV Maju" siap mengunggah penawaran', "ok", None),
        (
            'Ketika penyedia "CV Maju" mengunggah penawaran berisi file '
            '"Dokumen Penawaran Harga Tahap Satu12X.pdf"',
            "ok",
            None,
        ),
        (
            'Maka penawaran penyedia "CV Maju" diterima dengan tanda terima',
            "failed",
            "04-failed.png",
        ),
    ]
    chronology = []
    for number, (title, result, shot) in enumerate(steps, start=1):
        if shot and screenshot:
            (evidence / "screenshots" / shot).write_bytes(screenshot)
        chronology.append(
            {
                "number": number,
                "title": title,
                "actor": "CV Maju (penyedia, putrabudiman)",
                "outcome": result,
                "sim_time": "2026-03-06T02:00:00+00:00",
                "duration_s": 0.9,
                "messages": [TOO_LONG] if number >= 3 else [],
                "screenshot": f"screenshots/{shot}" if shot and screenshot else None,
            }
        )
    (evidence / "chronology.json").write_text(json.dumps(chronology), encoding="utf-8")
    outcomes = sample_outcomes()
    manifest = {
        "kind": "qa-run",
        "status": "failed",
        "profile": "spse-4.3-ca",
        "spse_version": "SPSE v4.3u20191009",
        "workers": "2",
        "reruns": 1,
        "started": STARTED,
        "elapsed_s": 41.0,
        "pytest_exit_code": 1,
        "counts": summary_counts(outcomes),
    }
    (run / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    (run / "outcomes.json").write_text(
        json.dumps([o.to_json() for o in outcomes], ensure_ascii=False), encoding="utf-8"
    )
    write_coverage(run, outcomes, catalog_entries(), started=STARTED)
    write_report(run, outcomes, manifest)
    return run


ERROR_PAGE = """<!DOCTYPE html><html><body style="font-family:Arial;margin:0">
<div style="background:#8b0000;color:#fff;padding:10px 16px;font-weight:bold">SPSE 4.3 - LPSE
Kota Surakarta</div><div style="padding:16px"><h3>Dokumen Penawaran</h3>
<div style="border:1px solid #e0b4b4;background:#fff6f6;color:#9f3a38;padding:10px">{message}</div>
</div></body></html>"""


def main() -> int:
    """Build the sample, photograph its report.html, write the picture and the data to docs/."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(find_chromium(), headless=True))
        page = browser.new_page(viewport={"width": 640, "height": 220})
        page.set_content(ERROR_PAGE.format(message=TOO_LONG))
        screenshot = page.screenshot()
        with tempfile.TemporaryDirectory() as folder:
            run = build_sample(Path(folder), screenshot)
            report = run / "report.html"
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            page.goto(report.as_uri())
            page.screenshot(path=str(PICTURE), full_page=True)
            data = read_report_data(report.read_text(encoding="utf-8"))
        browser.close()
    DATA.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{PICTURE}\n{DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
