"""A small deadline rush end to end: `spse-sim rush` as a user runs it (its own process: Locust
patches the process it runs in), then what it left in the run folder and the server's data.

20 vendors with small offers in a 15-second window, one of them a real Chromium vendor; then the
same folder judged again after a stored offer was damaged (the verdict must fail); and a rush
whose server is killed (-9) mid-run and restarted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CHECKOUT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 600


def spse_sim(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    return subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def verdict_of(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "verdict.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def small_rush(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("rush")
    done = spse_sim(
        "rush",
        "--penyedia", "20",
        "--ukuran", "16KiB-64KiB",
        "--jendela", "15",
        "--orang", "1",
        "--output", "lari",
        cwd=root,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "lari", done.stdout


def test_a_small_rush_passes_its_verdict_from_the_servers_state(
    small_rush: tuple[Path, str],
) -> None:
    folder, output = small_rush
    assert "Putusan: LULUS" in output
    verdict = verdict_of(folder)
    assert verdict["lulus"] is True
    counts = verdict["jumlah"]
    assert isinstance(counts, dict)
    assert counts["penyedia"] == 20
    assert counts["hilang"] == 0
    assert counts["ganda"] == 0
    # The late vendor was refused with SPSE's message.
    assert counts["ditolak_batas_waktu"] >= 1
    # What the server kept: one current offer per vendor that got a receipt, nothing more.
    clients = [
        json.loads(line)
        for log in folder.glob("klien-*.jsonl")
        for line in log.read_text(encoding="utf-8").splitlines()
    ]
    receipts = {e["vendor"] for e in clients if e["type"] == "unggah" and e.get("receipt")}
    with closing(sqlite3.connect(folder / "data" / "spse.sqlite3")) as db:
        current = {row[0] for row in db.execute("SELECT vendor_id FROM offers WHERE current = 1")}
    people = json.loads((folder / "orang.json").read_text(encoding="utf-8"))
    assert current == receipts | {p["vendor"] for p in people if p["receipt_sha256"]}


def test_a_small_rush_leaves_locusts_reports_and_the_rush_section(
    small_rush: tuple[Path, str],
) -> None:
    folder, _ = small_rush
    assert "kirim penawaran" in (folder / "locust_stats.csv").read_text(encoding="utf-8")
    assert (folder / "locust_stats_history.csv").stat().st_size > 0
    assert "locust" in (folder / "locust.html").read_text(encoding="utf-8").lower()
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "Rush batas waktu" in report
    assert "<svg" in report
    assert "LULUS" in report
    # The Chromium vendor saw SPSE's answer on the upload page: the receipt, or (on a machine
    # too busy to reach the page before the deadline) SPSE's deadline refusal; the verdict
    # checked either against the server's state.
    people = json.loads((folder / "orang.json").read_text(encoding="utf-8"))
    [seen] = [p["messages"] for p in people]
    assert len(seen) == 1
    assert seen[0] == "Dokumen penawaran berhasil dikirim." or seen[0].startswith(
        "Batas waktu Upload Dokumen Penawaran telah berakhir"
    )
    assert seen[0] in report


def test_a_damaged_stored_offer_fails_the_verdict(small_rush: tuple[Path, str]) -> None:
    folder, _ = small_rush
    with closing(sqlite3.connect(folder / "data" / "spse.sqlite3")) as db:
        key = db.execute("SELECT blob_key FROM offers WHERE current = 1 LIMIT 1").fetchone()[0]
    blob = folder / "data" / "blobs" / key
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0xFF
    blob.write_bytes(bytes(data))
    done = spse_sim(
        "rush", "--nilai-saja", str(folder), "--data-dir", str(folder / "data"), cwd=folder
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "TEMUAN isi_berbeda" in done.stdout
    assert "Putusan: GAGAL" in done.stdout
    assert verdict_of(folder)["lulus"] is False


def test_a_rush_whose_server_is_killed_and_restarted_keeps_every_receipt(tmp_path: Path) -> None:
    done = spse_sim(
        "rush",
        "--penyedia", "12",
        "--ukuran", "32KiB",
        "--jendela", "12",
        "--orang", "0",
        "--kill-at", "4",
        "--output", "lari",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kill -9" in done.stdout
    verdict = verdict_of(tmp_path / "lari")
    assert verdict["lulus"] is True
    rush = verdict["rush"]
    assert isinstance(rush, dict)
    assert rush["kill"] == "ya"
