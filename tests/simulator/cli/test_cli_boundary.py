"""``spse-sim``'s one error boundary: known errors become one line and an exit code, bugs don't."""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

import pytest

import simulator.cli.list as list_command
from simulator.cli.errors import CliError, as_cli_error
from simulator.cli.main import build_parser, installed_version, main
from simulator.scenarios.catalog import CatalogError


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def replace_list_handler(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """``spse-sim list`` raises ``error`` (the parser picks the handler up when built)."""

    def handle(args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr(list_command, "handle", handle)


def test_a_cli_error_is_one_line_and_its_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_list_handler(monkeypatch, CliError("ada yang salah\n  di dua baris", 3))

    assert main(["list"]) == 3
    assert stderr_lines(capsys) == ["spse-sim: ada yang salah di dua baris"]


def test_a_known_error_of_a_lower_layer_is_translated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "KODOK-999", "--output", str(tmp_path / "run")]) == 2

    assert stderr_lines(capsys) == ["spse-sim: id skenario tidak dikenal: KODOK-999"]
    assert not (tmp_path / "run").exists()


def test_an_os_error_names_the_file_and_the_reason_in_indonesian(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_list_handler(
        monkeypatch, PermissionError(errno.EACCES, "Permission denied", "/srv/laporan")
    )

    assert main(["list"]) == 2
    assert stderr_lines(capsys) == ["spse-sim: gagal mengakses berkas /srv/laporan: tidak ada izin"]


def test_ctrl_c_stops_with_130_and_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_list_handler(monkeypatch, KeyboardInterrupt())

    assert main(["list"]) == 130
    assert stderr_lines(capsys) == ["spse-sim: dihentikan oleh pengguna (Ctrl-C)"]


def test_a_bug_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    replace_list_handler(monkeypatch, ZeroDivisionError("bug"))

    with pytest.raises(ZeroDivisionError):
        main(["list"])


def test_translation_knows_errors_only_of_imported_modules() -> None:
    error = as_cli_error(CatalogError("id skenario tidak dikenal: KODOK-999"))
    assert error is not None
    assert (error.message, error.exit_code) == ("id skenario tidak dikenal: KODOK-999", 2)
    assert as_cli_error(ValueError("x")) is None


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"spse-sim {installed_version()}"


def test_help_shows_defaults_but_not_the_control_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPSE_SIM_TOKEN", "rahasia-kelas")
    parser = build_parser()
    for command in ("run", "serve"):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(bawaan: spse-4.3-ca)" in text
    assert "(bawaan: 20260302)" in text
    assert "(bawaan: 8080)" in text
    assert "rahasia-kelas" not in text
    assert "(bawaan: False)" not in text
    assert "(bawaan: None)" not in text


def test_the_control_token_still_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def serve(**kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setenv("SPSE_SIM_TOKEN", "rahasia-kelas")
    monkeypatch.setattr("simulator.demo.basic.serve", serve)

    assert main(["serve", "--data-dir", str(tmp_path / "data")]) == 0
    assert seen["control_token"] == "rahasia-kelas"
    assert main(["serve", "--data-dir", str(tmp_path / "data"), "--control-token", "auto"]) == 0
    assert seen["control_token"] not in ("auto", "rahasia-kelas")
