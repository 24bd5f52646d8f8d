"""Evidence meant for sharing is 0644 and secrets 0600 once a run folder is finished."""

from __future__ import annotations

import stat
from pathlib import Path

from simulator.evidence.docx import finish_folder
from simulator.evidence.file_modes import settle_modes
from simulator.evidence.vendor_errors import VendorLogin, write_credentials
from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    CREDENTIALS_NAME,
    DATA_FOLDER,
    HTML_REPORT_NAME,
    INDEX_NAME,
    JUNIT_NAME,
    OUTCOMES_NAME,
    REPORT_NAME,
    SCREENSHOTS_FOLDER,
    TRACES_FOLDER,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make(path: Path, file_mode: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    path.chmod(file_mode)
    return path


def test_shared_evidence_becomes_0644_and_secrets_0600(tmp_path: Path) -> None:
    shared = [
        make(tmp_path / SCREENSHOTS_FOLDER / "01-login.png", 0o600),
        make(tmp_path / REPORT_NAME, 0o600),
        make(tmp_path / HTML_REPORT_NAME, 0o600),
        make(tmp_path / JUNIT_NAME, 0o640),
        make(tmp_path / OUTCOMES_NAME, 0o600),
        make(tmp_path / "scenarios" / "KODOK-003" / CHRONOLOGY_NAME, 0o600),
    ]
    secret = make(tmp_path / "scenarios" / "KODOK-003" / CREDENTIALS_NAME, 0o644)
    trace = make(tmp_path / "scenarios" / "KODOK-003" / TRACES_FOLDER / "penyedia.zip", 0o644)
    server_data = make(tmp_path / DATA_FOLDER / "session.key", 0o600)
    (tmp_path / "scenarios" / "KODOK-003").chmod(0o700)

    settle_modes(tmp_path)

    assert {p.name: mode(p) for p in shared} == {p.name: 0o644 for p in shared}
    assert mode(tmp_path / "scenarios" / "KODOK-003") == 0o755
    assert mode(secret) == 0o600
    assert mode(trace) == 0o600  # Playwright's record of typed passwords
    assert mode(server_data) == 0o600  # the server's own folder keeps its owner-only files


def test_finishing_an_evidence_folder_settles_the_modes(tmp_path: Path) -> None:
    screenshot = make(tmp_path / SCREENSHOTS_FOLDER / "01-login.png", 0o600)
    credentials = make(tmp_path / CREDENTIALS_NAME, 0o644)

    finish_folder(tmp_path, {"status": "passed"}, report=False)

    assert mode(screenshot) == 0o644
    assert mode(credentials) == 0o600
    assert mode(tmp_path / INDEX_NAME) == 0o644


def test_credentials_are_written_for_the_owner_only(tmp_path: Path) -> None:
    login = VendorLogin(alias="CV Maju", user_id="cvmaju", password="rahasia", company="CV Maju")
    path = write_credentials(tmp_path, [login])
    assert path is not None
    assert mode(path) == 0o600
