"""A real failing scenario (own pytest process, real Chromium) leaves its whole evidence folder."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from simulator.harness.run_folder import INDEX_NAME, REPORT_NAME
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e

LONG_NAME = "Dokumen Penawaran Harga Tahap Satu123.pdf"
# Expects the upload of a 41-character name to be accepted: SpamKodok refuses it, so the last
# step fails with SpamKodok's message on the vendor's page. The Givens walk (@jalan-ui), so every
# desk has a page to photograph at the failure.
FEATURE = f"""# language: id
@jalan-ui
Fitur: Bukti kegagalan
  Skenario: Penawaran dengan nama file terlalu panjang diharapkan diterima
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "{LONG_NAME}"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
"""
SUITE = """from pytest_bdd import scenarios

scenarios("bukti.feature")
"""


@pytest.fixture(scope="module")
def failed_scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Runs the scenario in its own pytest; returns its evidence folder."""
    project = tmp_path_factory.mktemp("project")
    (project / "bukti.feature").write_text(FEATURE, encoding="utf-8")
    (project / "test_bukti.py").write_text(SUITE, encoding="utf-8")
    basetemp = project / "out"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--basetemp", basetemp],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    [index] = [p for p in basetemp.rglob(INDEX_NAME) if "desks" not in p.parts]
    return index.parent


def index_of(folder: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    return result


def shown_message() -> str:
    catalog = MessageCatalog()
    return catalog.text("kodok.nama_terlalu_panjang", name=LONG_NAME, length=41, max=40)


def test_failed_scenario_folder_holds_traces_screenshots_log_faults_and_report(
    failed_scenario: Path,
) -> None:
    index = index_of(failed_scenario)

    assert index["kind"] == "scenario"
    assert index["status"] == "failed"
    assert index["report"] == REPORT_NAME
    files = set(index["files"])
    assert {"chronology.json", "server-log.jsonl", "faults-fired.json", REPORT_NAME} <= files
    assert "screenshots/04-failed.png" in files
    # Every desk walked its part: pokja, verifikator and vendor.
    assert len([f for f in files if f.startswith("traces/")]) == 3
    assert index["identity"]["vendor_user_id"]
    assert "O=" + index["identity"]["vendor"] in index["identity"]["certificate_subject"]
    assert index["identity"]["tender_name"]
    [check] = [c for c in index["checks"] if not c["ok"]]
    assert check["observed"] == shown_message()


def test_chronology_records_each_step_with_times_actor_page_and_outcome(
    failed_scenario: Path,
) -> None:
    steps = json.loads((failed_scenario / "chronology.json").read_text(encoding="utf-8"))

    assert [s["outcome"] for s in steps] == ["ok", "ok", "ok", "failed"]
    assert steps[0]["actor"].startswith("Pokja 1 (pokja, ")
    assert steps[3]["title"].startswith('Maka penawaran penyedia "CV Maju"')
    assert steps[3]["actor"].startswith("CV Maju (penyedia, ")
    assert shown_message() in steps[3]["messages"]
    assert steps[3]["page_url"].endswith("/penawaran")
    assert steps[3]["more_screenshots"]  # the other desks at the failure
    assert all(s["sim_time"] and s["wall_time"] and s["screenshot"] for s in steps)
    # The clock was moved into the upload stage by step 2.
    assert steps[2]["sim_time"] > steps[0]["sim_time"]


def test_request_ids_of_the_server_log_are_in_the_desks_traces(failed_scenario: Path) -> None:
    lines = (failed_scenario / "server-log.jsonl").read_text(encoding="utf-8").splitlines()
    pages = [json.loads(line) for line in lines]
    page_ids = {p["request_id"] for p in pages if p["path"].startswith("/eproc4")}
    traced = b""
    for trace in (failed_scenario / "traces").glob("*.zip"):
        with zipfile.ZipFile(trace) as archive:
            traced += archive.read("trace.network")

    assert page_ids
    assert {i for i in page_ids if i.encode() in traced} == page_ids


def test_word_report_reads_back_with_the_chronology_pictures_and_message(
    failed_scenario: Path,
) -> None:
    document = docx.Document(str(failed_scenario / REPORT_NAME))
    steps = json.loads((failed_scenario / "chronology.json").read_text(encoding="utf-8"))

    [chronology] = [t for t in document.tables if t.rows[0].cells[0].text == "No"]
    assert len(chronology.rows) == 1 + len(steps)
    assert chronology.rows[-1].cells[6].text.startswith("Gagal")
    shots = sum(1 + len(s["more_screenshots"]) for s in steps)
    assert len(document.inline_shapes) == shots
    quotes = [p.text for p in document.paragraphs if p.style.name == "Intense Quote"]
    assert shown_message() in quotes
