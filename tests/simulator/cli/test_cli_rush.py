"""What ``spse-sim rush`` refuses before it starts work: one line, exit 2, nothing started."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from simulator.cli.main import main


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--penyedia", "0"], "--penyedia harus paling sedikit 1"),
        (["--jendela", "0"], "--jendela harus lebih dari 0 detik"),
        (["--proses", "0"], "--proses harus paling sedikit 1"),
        (["--kill-at", "-1"], "--kill-at harus lebih dari 0 detik"),
        (
            ["--ukuran", "lima"],
            "--ukuran: ukuran tidak dikenal: 'lima' (contoh: 5MiB, 200KiB, 1024)",
        ),
        (["--siapkan-saja"], "--siapkan-saja butuh --base-url (server yang akan diserbu)"),
        (["--nilai-saja", "x"], "--nilai-saja butuh --data-dir (folder data server fake SPSE)"),
    ],
)
def test_bad_options_are_refused_in_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rush", *args]) == 2
    assert capsys.readouterr().err.splitlines() == [f"spse-sim: {message}"]


def test_judging_a_folder_without_a_plan_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rush", "--nilai-saja", str(tmp_path), "--data-dir", str(tmp_path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("spse-sim: rencana rush tidak dapat dibaca:")
    # Judging never imports Locust: it would patch this process for gevent.
    assert "locust" not in sys.modules


def test_judging_without_the_servers_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = {
        "server_url": "http://127.0.0.1:1",
        "spse_url": "http://127.0.0.1:1/eproc4",
        "tender_id": "10000001",
        "deadline": "2026-03-09T01:00:00+00:00",
        "window_s": 60,
        "profile": "spse-4.3-ca",
        "vendors": [],
    }
    (tmp_path / "rencana.json").write_text(json.dumps(plan), encoding="utf-8")
    empty = tmp_path / "data"
    empty.mkdir()
    assert main(["rush", "--nilai-saja", str(tmp_path), "--data-dir", str(empty)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: folder data server tidak berisi spse.sqlite3: {empty}"
    ]
