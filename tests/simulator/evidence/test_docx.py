"""The Word report, built from a synthetic evidence folder and read back with python-docx."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.shared import Cm
from docx.table import Table

from fake_spse.simulation.faults import KNOWN_FAULTS
from simulator.cli.main import main
from simulator.evidence.bundle import (
    Evidence,
    EvidenceError,
    refresh_scenario_run_index,
    write_scenario_run_index,
)
from simulator.evidence.docx import CHRONOLOGY_HEADERS, finish_folder, png_size, write_report
from simulator.harness.run_folder import INDEX_NAME, REPORT_NAME
from spse_shared.messages import MessageCatalog

MESSAGE = (
    "Nama file Dokumen Penawaran Harga Tahap Satu123.pdf terlalu panjang (41 karakter). "
    "Nama file maksimal 40 karakter sudah termasuk ekstensinya."
)
EXPECTED = "Penawaran berhasil dikirim."
SUBJECT = "UID=cvmaju01,O=CV Maju,CN=Budi Santoso"


def png(width: int, height: int) -> bytes:
    """A valid, solid grey RGB PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x80\x80\x80" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def step(number: int, title: str, actor: str, outcome: str, **more: Any) -> dict[str, Any]:
    return {
        "number": number,
        "title": title,
        "actor": actor,
        "outcome": outcome,
        "sim_time": f"2026-03-0{number + 1}T01:00:00+00:00",
        "wall_time": f"2026-03-10T03:00:0{number}.000+00:00",
        "duration_s": 0.8,
        "page_url": "http://127.0.0.1:41234/eproc4/lelang/10000001/penawaran",
        "page_title": "Dokumen Penawaran - SPSE",
        "screenshot": f"screenshots/{number:02d}-{outcome}.png",
        **more,
    }


def make_folder(root: Path, *, failed: bool = True, kind: str = "scenario") -> Path:
    folder = root / "KODOK-003"
    (folder / "screenshots").mkdir(parents=True)
    (folder / "traces").mkdir()
    (folder / "traces" / "penyedia-cvmaju01.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    steps = [
        step(1, 'Dengan pokja "Pokja 1" telah mengumumkan paket tender', "Pokja 1", "ok"),
        step(2, 'Dan penyedia "CV Maju" siap mengunggah penawaran', "CV Maju", "ok"),
        step(
            3,
            'Maka penawaran penyedia "CV Maju" diterima dengan tanda terima',
            "CV Maju (penyedia, cvmaju01)",
            "failed" if failed else "ok",
            messages=[MESSAGE] if failed else [],
            more_screenshots=["screenshots/03-failed-pokja-pokja01.png"] if failed else [],
            detail="AssertionError: expected message 'penawaran.berhasil'",
        ),
    ]
    for record in steps:
        for shot in [record["screenshot"], *record.get("more_screenshots", [])]:
            (folder / shot).write_bytes(png(64, 40))
    (folder / "chronology.json").write_text(json.dumps(steps))
    log = [
        {"request_id": "AAAAAAAAAAAA", "method": "GET", "path": "/eproc4/lelang", "status": 200},
        {"request_id": "FAVICON00000", "method": "GET", "path": "/favicon.ico", "status": 404},
        {"request_id": "C0FFEE123456", "method": "POST", "status": 500, "error": "RuntimeError"},
    ]
    log[1]["wall_time"] = log[2]["wall_time"] = "2026-03-10T03:00:03.400+00:00"
    log[2]["path"] = "/eproc4/lelang/10000001/penawaran/kirim"
    log[2]["sim_time"] = "2026-03-04T01:00:00+00:00"
    (folder / "server-log.jsonl").write_text("".join(json.dumps(e) + "\n" for e in log))
    firing = {
        "name": "upload.fail_next",
        "actor": "cvmaju01",
        "sim_time": "2026-03-04T01:00:00+00:00",
        "wall_time": "2026-03-10T03:00:03+00:00",
        "detail": "10000001",
    }
    (folder / "faults-fired.json").write_text(json.dumps([firing]))
    checks = [
        {
            "step": "penawaran diterima",
            "expected": EXPECTED,
            "observed": MESSAGE if failed else EXPECTED,
            "ok": not failed,
        }
    ]
    content = {
        "kind": kind,
        "scenario_id": "KODOK-003",
        "title": "Nama file 41 karakter ditolak",
        "feature": "Pemeriksaan nama file penawaran oleh SpamKodok 2",
        "status": "failed" if failed else "passed",
        "ok": not failed,
        "error": "AssertionError: expected message 'penawaran.berhasil'" if failed else "",
        "identity": {
            "lpse": "LPSE Kota Surakarta",
            "vendor": "CV Maju",
            "vendor_user_id": "cvmaju01",
            "tender_id": "10000001",
            "tender_name": "Pembangunan Jalan Desa",
            "profile": "spse-4.3-ca",
            "profile_title": "SPSE 4.3 CA",
            "spse_version": "4.3 (SPSE v4.3u20191009)",
            "certificate_subject": SUBJECT,
        },
        "checks": checks if kind == "scenario" else [],
        "steps": len(steps),
    }
    finish_folder(folder, content, report=False)
    return folder


def table_with_header(document: Document, first: str) -> Table:
    for table in document.tables:
        if table.rows[0].cells[0].text == first:
            return table
    raise AssertionError(f"no table starting with {first!r}")


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.fixture
def failed_folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path)


def test_report_of_a_failed_scenario_has_chronology_pictures_and_the_exact_message(
    failed_folder: Path,
) -> None:
    path = write_report(failed_folder)

    assert path == failed_folder / REPORT_NAME
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Laporan Kronologi Error"
    chronology = table_with_header(document, "No")
    assert tuple(c.text for c in chronology.rows[0].cells) == CHRONOLOGY_HEADERS
    rows = [[c.text for c in row.cells] for row in chronology.rows[1:]]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0][1] == "02-03-2026 08:00:00"  # simulated time, in WIB
    assert rows[0][2] == "10-03-2026 10:00:01 WIB"  # wall time, in WIB
    assert rows[2][3] == "CV Maju (penyedia, cvmaju01)"
    assert rows[2][4] == "Dokumen Penawaran\n/eproc4/lelang/10000001/penawaran"
    assert rows[2][5] == 'Maka penawaran penyedia "CV Maju" diterima dengan tanda terima'
    assert rows[2][6] == "Gagal\nKode: C0FFEE123456"
    assert [r[6] for r in rows[:2]] == ["Berhasil", "Berhasil"]
    # Three steps, plus the other desk's page at the failure.
    assert len(document.inline_shapes) == 4
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert [c.split(".")[0] for c in captions] == [f"Gambar {n}" for n in range(1, 5)]
    assert "saat gagal" in captions[2]
    assert "layar pokja-pokja01 pada saat yang sama" in captions[3]
    assert "Halaman: Dokumen Penawaran – /eproc4/lelang/10000001/penawaran" in captions[2]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Intense Quote"]
    assert quotes == [MESSAGE]
    assert any("Kode Error / ID Permintaan: C0FFEE123456 (HTTP 500" in t for t in texts(document))


def test_report_shows_identity_expected_against_observed_server_errors_and_faults(
    failed_folder: Path,
) -> None:
    document = docx.Document(str(write_report(failed_folder)))

    identity = {
        r.cells[0].text: r.cells[1].text for r in table_with_header(document, "Keterangan").rows
    }
    assert identity["Penyedia"] == "CV Maju (User ID: cvmaju01)"
    assert identity["Paket tender (kode – nama)"] == "10000001 – Pembangunan Jalan Desa"
    assert identity["Versi SPSE"] == "4.3 (SPSE v4.3u20191009)"
    assert identity["Subjek sertifikat elektronik"] == SUBJECT
    assert identity["Skenario"] == "KODOK-003 – Nama file 41 karakter ditolak"
    assert identity["Hasil"] == "GAGAL"
    [check] = table_with_header(document, "Pemeriksaan").rows[1:]
    assert [c.text for c in check.cells] == [
        "penawaran diterima",
        EXPECTED,
        MESSAGE,
        "Tidak sesuai",
    ]
    server = table_with_header(document, "ID Permintaan")
    assert [r.cells[0].text for r in server.rows[1:]] == ["C0FFEE123456"]  # no favicon noise
    [fault] = table_with_header(document, "Gangguan").rows[1:]
    assert fault.cells[0].text == "upload.fail_next"
    assert fault.cells[1].text == KNOWN_FAULTS["upload.fail_next"].description
    assert any("playwright show-trace traces/penyedia-cvmaju01.zip" in t for t in texts(document))


def test_journey_without_checks_compares_against_the_failed_step(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, kind="journey")

    document = docx.Document(str(write_report(folder)))

    [row] = table_with_header(document, "Pemeriksaan").rows[1:]
    assert row.cells[0].text == "Langkah 3"
    assert row.cells[1].text.startswith("Langkah selesai tanpa error: Maka penawaran")
    assert row.cells[2].text == MESSAGE
    assert "Skenario" not in {r.cells[0].text for r in document.tables[0].rows}


def test_passing_run_gets_a_test_report_without_error_sections(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, failed=False)

    document = docx.Document(str(write_report(folder)))

    assert document.paragraphs[0].text == "Laporan Kronologi Pengujian"
    assert "Semua 3 langkah berhasil; tidak ada error." in texts(document)
    assert not [p for p in document.paragraphs if p.style.name == "Intense Quote"]
    assert len(document.inline_shapes) == 3


def test_a_tall_full_page_screenshot_is_scaled_to_fit_the_page(failed_folder: Path) -> None:
    (failed_folder / "screenshots" / "01-ok.png").write_bytes(png(100, 1000))

    document = docx.Document(str(write_report(failed_folder)))

    first = document.inline_shapes[0]
    assert first.height <= Cm(20) + 1
    assert first.width < Cm(16)


def test_finish_folder_lists_the_report_only_when_one_is_written(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    index = json.loads((folder / INDEX_NAME).read_text())
    assert index["report"] is None
    assert REPORT_NAME not in index["files"]
    content = {k: v for k, v in index.items() if k not in ("files", "report")}

    finish_folder(folder, content, report=True)

    index = json.loads((folder / INDEX_NAME).read_text())
    assert index["report"] == REPORT_NAME
    assert {REPORT_NAME, "chronology.json", "server-log.jsonl", INDEX_NAME} <= set(index["files"])


def test_scenario_run_index_lists_every_scenario_folder(tmp_path: Path) -> None:
    run = tmp_path / "run"
    scenarios = run / "scenarios"
    make_folder(scenarios)
    (run / "junit.xml").write_text("<testsuites/>")

    write_scenario_run_index(run, content={"profile": "spse-4.3-ca"})

    index = json.loads((run / INDEX_NAME).read_text())
    assert index["kind"] == "scenario-run"
    assert index["files"] == [INDEX_NAME, "junit.xml"]
    assert index["scenarios"] == [
        {
            "scenario_id": "KODOK-003",
            "title": "Nama file 41 karakter ditolak",
            "status": "failed",
            "folder": "scenarios/KODOK-003",
            "report": None,
        }
    ]
    with pytest.raises(EvidenceError, match="adalah run skenario"):
        Evidence.load(run)


def test_refreshed_run_index_lists_later_files_and_reruns(tmp_path: Path) -> None:
    run = tmp_path / "run"
    make_folder(run / "scenarios")
    write_scenario_run_index(run, content={"profile": "spse-4.3-ca"})
    (run / "report.html").write_text("<html></html>")
    make_folder(run / "rerun-1" / "scenarios")

    refresh_scenario_run_index(run)

    index = json.loads((run / INDEX_NAME).read_text())
    assert index["profile"] == "spse-4.3-ca"
    assert index["files"] == [INDEX_NAME, "report.html"]
    assert [s["folder"] for s in index["scenarios"]] == [
        "rerun-1/scenarios/KODOK-003",
        "scenarios/KODOK-003",
    ]


def test_cli_rebuilds_the_report_of_a_run_and_of_each_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = tmp_path / "run"
    folder = make_folder(run / "scenarios")
    write_scenario_run_index(run, content={})

    assert main(["evidence", str(folder)]) == 0
    assert main(["evidence", str(run), "--failed"]) == 0

    printed = capsys.readouterr().out.split()
    assert printed == [str(folder / REPORT_NAME)] * 2
    assert json.loads((folder / INDEX_NAME).read_text())["report"] == REPORT_NAME


def test_cli_says_so_when_a_scenario_run_has_no_scenario_to_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = tmp_path / "run"  # stopped before any scenario finished
    run.mkdir()
    write_scenario_run_index(run, content={"status": "interrupted"})

    assert main(["evidence", str(run)]) == 1
    assert main(["evidence", str(run), "--failed"]) == 0

    said = capsys.readouterr()
    assert said.err.splitlines() == [f"spse-sim: {run}: tidak ada skenario yang selesai"]
    assert said.out.splitlines() == [f"spse-sim: {run}: tidak ada skenario yang gagal"]


def test_cli_refuses_a_folder_that_holds_no_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evidence", str(tmp_path)]) == 2
    assert "bukan folder run" in capsys.readouterr().err
    assert not (tmp_path / REPORT_NAME).exists()


def test_png_size_reads_the_header(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(png(7, 3))
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 30)

    assert png_size(tmp_path / "a.png") == (7, 3)
    assert png_size(tmp_path / "b.jpg") is None


def test_the_report_is_readable_by_whoever_it_is_shared_with(tmp_path: Path) -> None:
    path = write_report(make_folder(tmp_path, failed=False))
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_pass_that_shows_the_vendor_the_expected_error_says_which_error_was_met(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path, failed=False)
    shown = MessageCatalog().text(
        "kodok.nama_terlalu_panjang",
        name="Penawaran Harga Tahap Satu Final123456.pdf",
        length=41,
        max=40,
    )
    steps = json.loads((folder / "chronology.json").read_text())
    steps[2]["title"] = 'Maka SpamKodok menolak file dengan pesan "kodok.nama_terlalu_panjang"'
    steps[2]["messages"] = [shown]
    (folder / "chronology.json").write_text(json.dumps(steps))
    index = json.loads((folder / "index.json").read_text())
    template = MessageCatalog().templates()["kodok.nama_terlalu_panjang"]
    index["checks"] = [
        {"step": "file ditolak", "expected": template, "observed": shown, "ok": True}
    ]
    (folder / "index.json").write_text(json.dumps(index))

    document = docx.Document(str(write_report(folder)))

    paragraphs = texts(document)
    assert not any("tidak ada error" in p for p in paragraphs)
    summary = next(p for p in paragraphs if p.startswith("Penyedia menemui error pada langkah 3"))
    assert "memang yang diharapkan" in summary
    assert shown in [p.text for p in document.paragraphs if p.style.name == "Intense Quote"]
    chronology = table_with_header(document, "No")
    step_cell = chronology.rows[3].cells[5].text
    assert "kodok.nama_terlalu_panjang" not in step_cell
    assert "“Nama file … terlalu panjang (… karakter)." in step_cell


def test_the_file_preview_is_the_screenshot_of_the_error_not_a_stock_page(
    failed_folder: Path,
) -> None:
    report = write_report(failed_folder)

    with zipfile.ZipFile(report) as archive:
        names = archive.namelist()
        rels = archive.read("_rels/.rels").decode()
        preview = archive.read("docProps/thumbnail.png")
    assert "docProps/thumbnail.jpeg" not in names
    assert "docProps/thumbnail.png" in rels
    assert preview == (failed_folder / "screenshots/03-failed.png").read_bytes()


def test_a_report_without_screenshots_has_no_preview(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, failed=False)
    for shot in (folder / "screenshots").iterdir():
        shot.unlink()

    with zipfile.ZipFile(write_report(folder)) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n]
        assert "thumbnail" not in archive.read("_rels/.rels").decode()
