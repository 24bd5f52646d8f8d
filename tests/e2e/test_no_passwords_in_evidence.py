"""Passwords of simulated users never reach what a run leaves for sharing.

A real catalog scenario that walks its logins in Chromium (KODOK-040, @jalan-ui, every artifact
kept) and the CA journey run as `spse-sim run` would run them. Every password is found without
trusting the outputs: each account's password hash is in the run's own SPSE database
(``data/spse.sqlite3``), and every string in the outputs that could be a password of the test
data factory (12 characters, one upper, one lower, one digit, one of ``!@#$%*``) is checked
against every hash. ``credentials.json`` holds the vendors' passwords by design (README
"Security model") and must be 0600; the server's data folder, the desks and the PKI are not
evidence for sharing and are not searched.
"""

from __future__ import annotations

import re
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_spse.domain.accounts import password_matches
from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    CREDENTIALS_NAME,
    DATA_FOLDER,
    HTML_REPORT_NAME,
    JUNIT_NAME,
    OUTCOMES_NAME,
    REPORT_NAME,
    SCREENSHOTS_FOLDER,
    SERVER_LOG_NAME,
    TRACES_FOLDER,
)
from simulator.journey.run import RunResult
from simulator.testdata.factory import TestDataFactory

pytestmark = pytest.mark.e2e

NOT_EVIDENCE = {DATA_FOLDER, "desks", "pki"}
# A run of the factory's password alphabet, and the shape of one of its passwords.
RUN = re.compile(rb"[A-Za-z0-9!@#$%*]{12,}")
CLASSES = (
    re.compile(r"[A-Z]"),
    re.compile(r"[a-z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[!@#$%*]"),
)


def cli(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", "run", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, journey_run: RunResult) -> list[Path]:
    """The scenario's run folder, and the journey's (the session's one, walked as
    ``spse-sim run --evidence`` walks it: tests/e2e/conftest.py)."""
    folder = tmp_path_factory.mktemp("leak")
    cli("KODOK-040", "--output", str(folder / "scenario"), "--evidence", "--artifacts", "always")
    return [folder / "scenario", journey_run.output_dir]


def password_hashes(run: Path) -> list[str]:
    hashes = []
    for database in run.rglob("spse.sqlite3"):
        conn = sqlite3.connect(database)
        try:
            hashes += [row[0] for row in conn.execute("SELECT password_hash FROM accounts")]
        finally:
            conn.close()
    assert hashes, f"no SPSE accounts in {run}"
    return hashes


def evidence_files(run: Path) -> Iterator[Path]:
    for path in sorted(run.rglob("*")):
        if path.is_file() and not NOT_EVIDENCE & set(path.relative_to(run).parts):
            yield path


def readable_bytes(path: Path) -> bytes:
    """The file's bytes; for the Word report (a zip of XML), its unpacked parts."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as packed:
            return b"\n".join(packed.read(name) for name in packed.namelist())
    return path.read_bytes()


def candidates(data: bytes) -> set[str]:
    """Every 12-character window of the password alphabet shaped like a factory password."""
    found = set()
    for run in RUN.findall(data):
        text = run.decode()
        for start in range(len(text) - 11):
            window = text[start : start + 12]
            if all(c.search(window) for c in CLASSES):
                found.add(window)
    return found


def leaked(run: Path, names: list[Path]) -> dict[str, str]:
    hashes = password_hashes(run)
    leaks = {}
    for path in names:
        for word in candidates(readable_bytes(path)) | candidates(str(path).encode()):
            if any(password_matches(word, stored) for stored in hashes):
                leaks[str(path.relative_to(run))] = word
    return leaks


def test_the_search_finds_a_factory_password() -> None:
    """The scan below would see a password: the factory's shape is what it looks for."""
    account = TestDataFactory(seed=7).vendor()
    assert account.password in candidates(f'{{"x": "{account.password}"}}'.encode())


def test_no_password_in_shared_evidence_or_file_names(runs: list[Path]) -> None:
    for run in runs:
        shared = [
            p
            for p in evidence_files(run)
            if p.name in {JUNIT_NAME, CHRONOLOGY_NAME, OUTCOMES_NAME, HTML_REPORT_NAME, REPORT_NAME}
            or p.name == SERVER_LOG_NAME
        ]
        assert {p.name for p in shared} >= {CHRONOLOGY_NAME, REPORT_NAME, SERVER_LOG_NAME}
        assert leaked(run, shared) == {}
        # Traces and screenshots: their names (a trace's content is Playwright's record of the
        # typed input, kept like the desks: see README "Security model").
        named = [
            p for p in evidence_files(run) if {TRACES_FOLDER, SCREENSHOTS_FOLDER} & set(p.parts)
        ]
        assert named, f"no traces or screenshots in {run}"
        hashes = password_hashes(run)
        for path in named:
            for word in candidates(path.name.encode()):
                assert not any(password_matches(word, h) for h in hashes), path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_secrets_are_the_owners_and_evidence_for_sharing_is_readable(runs: list[Path]) -> None:
    [credentials] = list(runs[0].rglob(CREDENTIALS_NAME))
    assert mode(credentials) == 0o600
    assert leaked(runs[0], [credentials]) != {}  # the file does hold them, as documented
    for run in runs:
        traces = list(run.rglob(f"{TRACES_FOLDER}/*.zip"))
        assert traces
        assert {mode(p) for p in traces} == {0o600}  # they record typed passwords
        shared = [
            *run.rglob(f"{SCREENSHOTS_FOLDER}/*.png"),
            *run.rglob(REPORT_NAME),
            *run.rglob(CHRONOLOGY_NAME),
        ]
        assert shared
        assert {mode(p) for p in shared} == {0o644}, run
    assert mode(runs[0] / HTML_REPORT_NAME) == 0o644
