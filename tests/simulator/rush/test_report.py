"""The rush section of report.html: verdict, findings, the Chromium vendors, the chart."""

from __future__ import annotations

from pathlib import Path

from simulator.rush.people import PersonRecord
from simulator.rush.report import latency_chart, rush_section, write_report

POINTS = [
    {"detik": 0.0, "p50_ms": 100.0, "p95_ms": 200.0, "p99_ms": 300.0, "daftar_tender_p95_ms": 50.0},
    {"detik": 5.0, "p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "daftar_tender_p95_ms": 80.0},
    {
        "detik": 10.0,
        "p50_ms": 150.0,
        "p95_ms": 250.0,
        "p99_ms": 900.0,
        "daftar_tender_p95_ms": 60.0,
    },
]


def verdict(passed: bool) -> dict[str, object]:
    figures = {"n": 3.0, "p50": 100.0, "p95": 250.0, "p99": 900.0, "maks": 900.0}
    return {
        "lulus": passed,
        "jumlah": {"tanda_terima": 3},
        "temuan": []
        if passed
        else [{"check": "isi_berbeda", "vendor": "jayasolusi", "detail": "penawaran 7: <beda>"}],
        "dimaafkan": [],
        "latensi_unggah_ms": figures,
        "halaman_daftar_tender_ms": figures,
        "per_waktu": POINTS,
        "rush": {"tender_id": "10000001", "batas_detik": 8.0, "kill_detik": 4.0},
    }


def test_the_chart_is_inline_svg_with_the_deadline_and_the_kill() -> None:
    svg = latency_chart(POINTS, 8.0, 4.0)
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert svg.count("<polyline") == 4
    assert "batas waktu" in svg
    assert "kill -9" in svg
    assert "900 ms" in svg


def test_a_bucket_without_receipts_is_not_drawn_as_zero() -> None:
    svg = latency_chart(POINTS, None)
    p50 = svg.split("<polyline")[1]
    assert p50.count(",") == 2  # two points: the empty bucket is left out


def test_a_failed_verdict_shows_its_findings_escaped() -> None:
    html = rush_section(verdict(False), [], {"verdict.json": "verdict.json"})
    assert "GAGAL" in html
    assert "isi_berbeda" in html
    assert "penawaran 7: &lt;beda&gt;" in html


def test_the_report_is_one_page_with_what_the_chromium_vendors_saw(tmp_path: Path) -> None:
    person = PersonRecord(
        vendor="jayasolusi",
        started=0.0,
        tender_list_ms=120.0,
        offer_page_ms=80.0,
        send_ms=900.0,
        t0=0.0,
        t1=0.9,
        messages=("Dokumen penawaran berhasil dikirim.",),
        receipt_sha256="ab",
        receipt_size="3 byte",
        receipt_time="09 Maret 2026 07:59 WIB",
        sealed_sha256="ab",
        sealed_size=3,
    )
    path = write_report(tmp_path, verdict(True), [person], {"Laporan Locust": "locust.html"})
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "LULUS" in html
    assert "Dokumen penawaran berhasil dikirim." in html
    assert '<a href="locust.html">Laporan Locust</a>' in html
    assert "<script" not in html
