"""SpamKodok's guards before sealing: other browsers, flash drives, typed names (bridge.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.processes import DeskProcesses, SystemProbe
from spse_shared.profile import load_profile


@pytest.fixture
def desk() -> DeskProcesses:
    return DeskProcesses()


@pytest.fixture
def kodok(tmp_path: Path, desk: DeskProcesses) -> SpamKodok:
    # No keystore on purpose: every guard answers before the keystore is opened.
    return SpamKodok(
        keystore_path=tmp_path / "spamkodok.p12",
        passphrase="rahasia",
        server_url="http://127.0.0.1:1/eproc4",
        profile=load_profile("spse-4.3-ca"),
        process_probe=desk,
    )


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "hdd" / "Penawaran Harga.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def seal(kodok: SpamKodok, *paths: Path) -> dict[str, Any]:
    return kodok._dispatch({}, "segel", {"paths": [str(p) for p in paths], "tender_id": "1"})


def keys(answer: dict[str, Any]) -> list[str]:
    return [p["key"] for p in answer.get("problems", [])]


# With no keystore, what comes after the guards: SpamKodok has no certificate to seal with.
PAST_THE_GUARDS = ["penawaran.tanpa_sertifikat"]


def test_the_default_probe_reads_the_real_process_table(tmp_path: Path) -> None:
    kodok = SpamKodok(
        keystore_path=tmp_path / "k.p12",
        passphrase="x",
        server_url="http://127.0.0.1:1",
        profile=load_profile("spse-4.3-ca"),
    )
    assert isinstance(kodok.process_probe, SystemProbe)


def test_another_browser_stops_sealing_and_names_it(
    kodok: SpamKodok, desk: DeskProcesses, document: Path
) -> None:
    desk.start("Google Chrome")
    desk.start("Mozilla Firefox")
    answer = seal(kodok, document)
    assert answer["ok"] is False
    assert answer["problems"] == [
        {"key": "kodok.browser_lain", "params": {"browsers": "Google Chrome, Mozilla Firefox"}}
    ]


def test_with_the_other_browser_closed_sealing_goes_past_the_guard(
    kodok: SpamKodok, desk: DeskProcesses, document: Path
) -> None:
    desk.start("Google Chrome")
    desk.close("Google Chrome")
    assert keys(seal(kodok, document)) == PAST_THE_GUARDS


def test_browser_and_file_problems_are_reported_together(
    kodok: SpamKodok, desk: DeskProcesses, document: Path
) -> None:
    desk.start("Microsoft Edge")
    bad = document.with_name("Harga-Final.pdf")
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert keys(seal(kodok, bad)) == ["kodok.browser_lain", "kodok.karakter_terlarang"]


def test_a_flash_drive_file_passes_the_guards_unless_the_profile_refuses_it_up_front(
    kodok: SpamKodok, tmp_path: Path
) -> None:
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    on_stick = stick / "Penawaran Harga.pdf"
    on_stick.write_bytes(b"%PDF-1.4\n%%EOF\n")
    kodok.declare_removable(stick)
    # As the field reports it: accepted now, it fails at opening (test_openssl_interop).
    assert keys(seal(kodok, on_stick)) == PAST_THE_GUARDS
    kodok.profile = replace(kodok.profile, flashdisk_failure="unggah")
    assert keys(seal(kodok, on_stick)) == ["kodok.flashdisk"]


def test_the_other_browser_guard_is_a_profile_switch(
    kodok: SpamKodok, desk: DeskProcesses, document: Path
) -> None:
    desk.start("Google Chrome")
    kodok.profile = replace(kodok.profile, other_browser_guard=False)
    assert keys(seal(kodok, document)) == PAST_THE_GUARDS


@pytest.mark.parametrize("name", ["Harga/Final.pdf", "Harga\\Final.pdf", "Harga “Final”.pdf"])
def test_a_typed_name_gets_the_same_check(kodok: SpamKodok, name: str) -> None:
    assert [p.key for p in kodok.check_name(name)] == ["kodok.karakter_terlarang"]


def test_a_clean_typed_name_passes(kodok: SpamKodok) -> None:
    assert kodok.check_name("Penawaran Harga.pdf") == []


def test_preflight_advice_on_a_desk_without_the_recommended_system(kodok: SpamKodok) -> None:
    assert kodok._dispatch({}, "info", {})["saran"] == []
    kodok.operating_system = "Windows 7"
    assert kodok._dispatch({}, "info", {})["saran"] == [
        {
            "key": "kodok.saran_sistem_operasi",
            "params": {"os": "Windows 7", "recommended": "Windows 10"},
        }
    ]
