"""``spse-sim merge``: what it prints for a whole, an incomplete and a refused merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shard_runs import fake_run

from simulator.cli.main import main


def test_a_merge_prints_its_shards_and_the_runs_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = fake_run(tmp_path / "ci-1", "1/2", {"KODOK-001": "passed", "KODOK-002": "failed"})
    two = fake_run(tmp_path / "ci-2", "2/2", {"KODOK-003": "passed"})

    assert main(["merge", str(tmp_path / "semua"), str(one), str(two)]) == 1  # one failed

    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Run gabungan {tmp_path / 'semua'} dari 1/2 ({one}), 2/2 ({two})"
    assert "GAGAL         KODOK-002 judul KODOK-002" in out
    assert "2 lolos, 1 gagal, 0 flaky, 0 tidak berlaku (30 dtk)." in out
    assert f"Laporan HTML:   {tmp_path / 'semua' / 'report.html'}" in out


def test_an_incomplete_merge_says_which_shard_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = fake_run(tmp_path / "ci-1", "1/3", {"KODOK-001": "passed"})

    assert main(["merge", str(tmp_path / "semua"), str(one)]) == 1

    assert capsys.readouterr().err.splitlines() == [
        "spse-sim: run gabungan tidak lengkap: shard 2/3, 3/3 tidak ada"
    ]


def test_a_refused_merge_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = fake_run(tmp_path / "ci-1", "1/2", {"KODOK-001": "passed"})

    assert main(["merge", str(tmp_path / "semua"), str(one), str(tmp_path / "ci-2")]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: tidak dapat menggabungkan: {tmp_path / 'ci-2'}: folder tidak ada"
    ]
    assert not (tmp_path / "semua").exists()


def test_a_merge_with_an_interrupted_shard_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = fake_run(tmp_path / "ci-1", "1/2", {"KODOK-001": "passed"})
    two = fake_run(tmp_path / "ci-2", "2/2", {"KODOK-003": "passed"})
    manifest = json.loads((two / "run.json").read_text(encoding="utf-8"))
    (two / "run.json").write_text(json.dumps({**manifest, "status": "interrupted"}))

    assert main(["merge", str(tmp_path / "semua"), str(one), str(two)]) == 1

    assert capsys.readouterr().err.splitlines() == [
        "spse-sim: shard 2/2 dihentikan (Ctrl-C) sebelum selesai"
    ]
    report = (tmp_path / "semua" / "report.html").read_text(encoding="utf-8")
    assert "Run dihentikan (Ctrl-C) sebelum selesai" in report
