"""Files that hold secrets are readable by their owner only."""

from __future__ import annotations

import stat
from pathlib import Path

from fake_spse.app import create_app
from fake_spse.settings import Settings

SECRETS = ("session.key", "spse.sqlite3", "faults.sqlite3", "adp.sqlite3", "support.sqlite3")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_keeps_its_secrets_to_the_owner(tmp_path: Path) -> None:
    data = tmp_path / "lpse"
    create_app(Settings(data_dir=data, smtp_port=None))
    for name in SECRETS:
        assert mode(data / name) == 0o600, name


def test_an_older_data_folder_is_tightened_at_start(tmp_path: Path) -> None:
    data = tmp_path / "lpse"
    create_app(Settings(data_dir=data, smtp_port=None))
    for name in SECRETS:
        (data / name).chmod(0o644)
    create_app(Settings(data_dir=data, smtp_port=None))
    for name in SECRETS:
        assert mode(data / name) == 0o600, name
