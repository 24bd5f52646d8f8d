"""Who may read what a run leaves: evidence meant for sharing 0644, secrets 0600.

A run folder is handed to colleagues and attached to tickets: its screenshots, Word report,
report.html, junit.xml and JSON records are for sharing (0644, whatever made them: Playwright,
python-docx, pytest), and so are the folders that hold them (0755). Secrets stay the owner's
only (0600): ``credentials.json`` holds the simulated vendors' passwords (on purpose, for filing
tickets after the run), and Playwright traces record every typed value and request body, the
passwords too. The server's data folder, the desks' keystores and the PKI are left as their
writers made them (owner-only).
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    CREDENTIALS_NAME,
    DATA_FOLDER,
    FAULTS_NAME,
    FIRST_OUTCOMES_NAME,
    HTML_REPORT_NAME,
    INDEX_NAME,
    JUNIT_NAME,
    MANIFEST_NAME,
    OUTCOMES_NAME,
    REPORT_NAME,
    SERVER_LOG_NAME,
    TRACES_FOLDER,
)

SHARED_MODE = 0o644
SHARED_FOLDER_MODE = 0o755
SECRET_MODE = 0o600
SECRET_NAMES = frozenset({CREDENTIALS_NAME})
SHARED_NAMES = frozenset(
    {
        CHRONOLOGY_NAME,
        FAULTS_NAME,
        FIRST_OUTCOMES_NAME,
        HTML_REPORT_NAME,
        INDEX_NAME,
        JUNIT_NAME,
        MANIFEST_NAME,
        OUTCOMES_NAME,
        REPORT_NAME,
        SERVER_LOG_NAME,
    }
)
SHARED_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".docx"})
# Folders whose files belong to their writers (server data, desks' keystores, keys).
LEFT_ALONE = frozenset({DATA_FOLDER, "desks", "pki"})


def settle_modes(folder: Path) -> None:
    """Give every file below ``folder`` meant for sharing mode 0644 (its folders 0755) and
    every secret 0600."""
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = [name for name in subfolders if name not in LEFT_ALONE]
        Path(directory).chmod(SHARED_FOLDER_MODE)
        secret_folder = Path(directory).name == TRACES_FOLDER
        for name in files:
            path = Path(directory) / name
            if name in SECRET_NAMES or secret_folder:
                path.chmod(SECRET_MODE)
            elif name in SHARED_NAMES or path.suffix.lower() in SHARED_SUFFIXES:
                path.chmod(SHARED_MODE)
