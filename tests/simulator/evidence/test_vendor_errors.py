"""Which scenarios' vendors met an error (the rule behind ``spse-sim run --ticket``)."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.evidence.vendor_errors import (
    VendorLogin,
    read_credentials,
    vendor_error,
    write_credentials,
)
from simulator.harness.run_folder import CREDENTIALS_NAME
from spse_shared.messages import MessageCatalog

TEMPLATES = MessageCatalog().templates()


def _folder(tmp_path: Path, status: str, checks: list[dict[str, object]], error: str = "") -> Path:
    (tmp_path / "index.json").write_text(
        json.dumps(
            {
                "kind": "scenario",
                "scenario_id": "KODOK-999",
                "title": "t",
                "status": status,
                "error": error,
                "profile": "spse-4.3-ca",
                "checks": checks,
            }
        ),
        encoding="utf-8",
    )
    return tmp_path


def _check(key: str, observed: str, ok: bool = True) -> dict[str, object]:
    return {"step": key, "expected": TEMPLATES[key], "observed": observed, "ok": ok}


def test_passed_scenario_with_an_error_message_shown_counts(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "passed", [_check("login.gagal", "User ID atau password salah")])
    found = vendor_error(folder)
    assert found is not None
    assert not found.failed
    assert found.key == "login.gagal"
    assert found.subcategory == "Login dan ADP"
    assert found.message == "User ID atau password salah"


def test_confirmations_and_state_checks_do_not_count(tmp_path: Path) -> None:
    checks = [
        _check("penawaran.berhasil", "Penawaran berhasil dikirim"),
        {"step": "s", "expected": "0 penawaran", "observed": "0 penawaran", "ok": True},
    ]
    assert vendor_error(_folder(tmp_path, "passed", checks)) is None


def test_failed_scenario_counts_with_its_error(tmp_path: Path) -> None:
    found = vendor_error(_folder(tmp_path, "failed", [], error="AssertionError: boom"))
    assert found is not None
    assert found.failed
    assert "boom" in found.message
    assert found.subcategory == "Lainnya"


def test_not_a_scenario_folder(tmp_path: Path) -> None:
    assert vendor_error(tmp_path) is None


def test_credentials_are_written_from_plain_data_and_read_back(tmp_path: Path) -> None:
    vendors = [VendorLogin("CV Maju", "cvmaju", "rahasia123", "CV Maju Jaya")]

    path = write_credentials(tmp_path, vendors)

    assert path == tmp_path / CREDENTIALS_NAME
    assert read_credentials(tmp_path) == vendors
    assert write_credentials(tmp_path / "lain", []) is None
    assert read_credentials(tmp_path / "lain") == []
