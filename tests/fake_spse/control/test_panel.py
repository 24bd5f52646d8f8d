"""The trainer panel's logic without HTTP: form parsing, switches, clock moves, what it shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import START, tender_draft

from fake_spse.app import build_services
from fake_spse.control import panel
from fake_spse.control.panel import PanelError
from fake_spse.domain.accounts import Role
from fake_spse.domain.tenders import Tender
from fake_spse.service.services import Services
from fake_spse.settings import Settings
from fake_spse.simulation.faults import KNOWN_FAULTS

MakeCsr = Callable[..., str]


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return build_services(Settings(data_dir=tmp_path, clock_start=START))


@pytest.fixture
def tender(services: Services, make_csr: MakeCsr) -> Tender:
    pokja = services.accounts.add_staff(
        user_id="pokja1", role=Role.POKJA, name="Sri", email="s@x.go.id", password="rahasia123"
    )
    services.certificates.register_ams(
        pokja, letter_name="surat.pdf", letter=b"%PDF-1.4\n%%EOF\n", csr_pem=make_csr("Sri")
    )
    draft = tender_draft()
    return services.tenders.create_tender(pokja, draft)


# forms -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "times"), [("", None), ("  ", None), ("1", 1), (" 3 ", 3)])
def test_times_empty_means_until_switched_off(raw: str, times: int | None) -> None:
    assert panel.parse_times(raw) == times


@pytest.mark.parametrize("raw", ["0", "-1", "dua", "1.5", "٣"])
def test_times_must_be_a_whole_number_of_at_least_one(raw: str) -> None:
    with pytest.raises(PanelError, match="Berapa kali"):
        panel.parse_times(raw)


def test_params_take_the_servers_defaults_when_empty() -> None:
    spec = KNOWN_FAULTS["upload.slow"]

    assert panel.parse_params(spec, {}) == {"delay_ms": 200, "duration_s": 0}
    assert panel.parse_params(spec, {"param_delay_ms": " 1500 "}) == {
        "delay_ms": 1500,
        "duration_s": 0,
    }
    assert panel.parse_params(KNOWN_FAULTS["upload.cut"], {}) == {"after_bytes": 1024}
    assert panel.parse_params(KNOWN_FAULTS["adp.down"], {"param_delay_ms": "5"}) == {}


@pytest.mark.parametrize("raw", ["abc", "-5", "60001"])
def test_params_outside_their_range_are_refused_in_bahasa(raw: str) -> None:
    with pytest.raises(PanelError, match=r"Jeda per potongan \(milidetik\)"):
        panel.parse_params(KNOWN_FAULTS["upload.slow"], {"param_delay_ms": raw})


# switches --------------------------------------------------------------------------------------
def test_switching_a_fault_on_arms_it_on_the_board_and_off_disarms_it(services: Services) -> None:
    note = panel.switch_fault(services.simulation.faults, {"nama": "adp.down", "aksi": "nyalakan"})

    assert note == (
        "ADP LKPP tidak dapat dihubungi: dinyalakan (sampai dimatikan). "
        "Berlaku pada permintaan berikutnya."
    )
    [armed] = services.simulation.faults.armed()
    assert (armed.name, armed.remaining, armed.actor) == ("adp.down", None, None)
    assert services.simulation.faults.check("adp.down") is not None  # what the next request sees

    note = panel.switch_fault(services.simulation.faults, {"nama": "adp.down", "aksi": "matikan"})

    assert note.startswith("ADP LKPP tidak dapat dihubungi: dimatikan.")
    assert services.simulation.faults.armed() == []
    assert services.simulation.faults.check("adp.down") is None


def test_a_switch_takes_times_params_and_one_user(services: Services) -> None:
    form = {
        "nama": "upload.slow",
        "aksi": "nyalakan",
        "kali": "2",
        "aktor": " ptmaju ",
        "param_delay_ms": "750",
    }

    note = panel.switch_fault(services.simulation.faults, form)

    assert "untuk 2 kali berikutnya, hanya untuk user ptmaju" in note
    [armed] = services.simulation.faults.armed()
    assert (armed.remaining, armed.actor, dict(armed.params)) == (
        2,
        "ptmaju",
        {"delay_ms": 750, "duration_s": 0},
    )
    assert services.simulation.faults.check("upload.slow", actor="lainnya") is None


def test_make_the_next_upload_fail_is_once_by_default(services: Services) -> None:
    [row] = [
        r for r in panel.fault_rows(services.simulation.faults) if r.name == "upload.fail_next"
    ]
    assert row.times == "1"

    panel.switch_fault(
        services.simulation.faults, {"nama": "upload.fail_next", "aksi": "nyalakan", "kali": "1"}
    )

    assert services.simulation.faults.check("upload.fail_next") is not None
    assert services.simulation.faults.check("upload.fail_next") is None
    assert not [r for r in panel.fault_rows(services.simulation.faults) if r.on]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"nama": "dns.down", "aksi": "nyalakan"}, "Gangguan tidak dikenal."),
        ({"nama": "adp.down", "aksi": "hapus"}, "Aksi gangguan tidak dikenal."),
        ({"nama": "adp.down", "aksi": "nyalakan", "kali": "0"}, "Isian 'Berapa kali'"),
    ],
)
def test_bad_switch_forms_change_nothing(
    services: Services, form: dict[str, str], message: str
) -> None:
    with pytest.raises(PanelError, match=re.escape(message)):
        panel.switch_fault(services.simulation.faults, form)
    assert services.simulation.faults.armed() == []


# clock -----------------------------------------------------------------------------------------
def test_clock_steps_freeze_and_run(services: Services) -> None:
    assert panel.clock_action(services, {"aksi": "maju_jam"}) == (
        "Waktu simulasi: 02 Maret 2026 09:00 WIB (dibekukan)."
    )
    panel.clock_action(services, {"aksi": "maju_hari"})
    assert services.simulation.now() == START + timedelta(hours=25)

    assert panel.clock_action(services, {"aksi": "jalankan"}).endswith("(berjalan).")
    assert not services.simulation.frozen
    assert panel.clock_action(services, {"aksi": "bekukan"}).endswith("(dibekukan).")
    assert services.simulation.frozen


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("mulai", START + timedelta(hours=96)),
        ("sebelum_akhir", START + timedelta(hours=168, minutes=-5)),
        ("akhir", START + timedelta(hours=168)),
    ],
)
def test_clock_moves_to_a_tenders_stage(
    services: Services, tender: Tender, point: str, expected: datetime
) -> None:
    form = {
        "aksi": "ke_tahap",
        "tender": tender.tender_id,
        "tahap": "Upload Dokumen Penawaran",
        "titik": point,
    }

    panel.clock_action(services, form)

    assert services.simulation.now() == expected


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tender": "99999999"}, "Pilih paket tender yang ada."),
        ({"tahap": "Tahap Khayalan"}, "Pilih tahap dari jadwal tender."),
        ({"titik": "tengah"}, "Pilih awal tahap atau batas akhir tahap."),
    ],
)
def test_bad_stage_moves_leave_the_clock_alone(
    services: Services, tender: Tender, changes: dict[str, str], message: str
) -> None:
    form = {
        "aksi": "ke_tahap",
        "tender": tender.tender_id,
        "tahap": "Upload Dokumen Penawaran",
        "titik": "mulai",
        **changes,
    }
    before = services.simulation.now()

    with pytest.raises(PanelError, match=re.escape(message)):
        panel.clock_action(services, form)
    assert services.simulation.now() == before


def test_unknown_clock_action_is_refused(services: Services) -> None:
    with pytest.raises(PanelError, match=re.escape("Aksi waktu tidak dikenal.")):
        panel.clock_action(services, {"aksi": "mundur"})


# what the page shows ---------------------------------------------------------------------------
def test_every_known_fault_has_a_row_with_a_title_and_its_params(services: Services) -> None:
    rows = panel.fault_rows(services.simulation.faults)

    assert [r.name for r in rows] == list(KNOWN_FAULTS)
    assert all(r.title != r.name and r.description for r in rows)
    assert all(r.state == "Normal" and not r.on for r in rows)
    [slow] = [r for r in rows if r.name == "upload.slow"]
    assert slow.params == (
        ("delay_ms", "Jeda per potongan (milidetik)", "200"),
        ("duration_s", "Lama unggahan menurut waktu SPSE (detik)", "0"),
    )


def test_the_firing_log_is_newest_first_with_sim_and_wall_time(services: Services) -> None:
    services.simulation.faults.arm("ca.down")
    services.simulation.faults.check("ca.down", actor="ptmaju", detail="AMS registration")
    services.simulation.advance_clock(timedelta(hours=2))
    services.simulation.faults.check("ca.down", actor="cvjaya", detail="AMS registration")

    rows = panel.firing_rows(services.simulation.faults.firings())

    assert [r["actor"] for r in rows] == ["cvjaya", "ptmaju"]
    assert rows[0]["sim"] == "02 Maret 2026 10:00:00 WIB"
    assert rows[0]["wall"].endswith(" WIB")
    assert rows[0]["title"] == "CA BSrE tidak dapat dihubungi"
    assert panel.status(services)["faults"]["ca.down"] == {
        "on": True,
        "state": "Gangguan aktif (sampai dimatikan)",
    }


def test_tokens_cookies_and_notes_are_derived_not_stored() -> None:
    assert panel.cookie_value("rahasia") != "rahasia"
    assert panel.cookie_value("rahasia") == panel.cookie_value("rahasia")
    assert panel.csrf_token(b"a" * 32) != panel.csrf_token(b"b" * 32)
    assert panel.sign_note(b"k" * 32, "teks", "ok") != panel.sign_note(b"k" * 32, "teks", "galat")
