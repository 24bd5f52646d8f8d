"""The trainer panel in Chromium: its switches and clock buttons change what SPSE does next."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from simulator.browser.journeys.session import log_in
from simulator.browser.pages.trainer_panel import TrainerPanel
from simulator.browser.pages.verification import VerificationPage
from simulator.harness.environment import DEFAULT_CLOCK_START, SimEnvironment
from simulator.testdata.documents import write_pdf
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e
CATALOG = MessageCatalog()
ADP = "ADP LKPP tidak dapat dihubungi"


def test_adp_switch_fails_the_next_verification_and_switching_it_off_restores_it(
    sim_env: SimEnvironment,
) -> None:
    vendor = sim_env.data.vendor()
    sim_env.arrange.register_vendor(vendor)  # a Given: arranged, not walked
    checker = sim_env.data.staff("verifikator")
    sim_env.sim.add_staff(
        user_id=checker.user_id,
        role="verifikator",
        name=checker.name,
        email=checker.email,
        password=checker.password,
    )
    panel = TrainerPanel(sim_env.desk("pelatih", spamkodok=False).page, sim_env.server_url)
    panel.open()
    assert not panel.is_on(ADP)

    note = panel.turn_on(ADP)

    assert note.startswith(f"{ADP}: dinyalakan")
    desk = sim_env.desk("verifikator", spamkodok=False)
    log_in(desk.page, sim_env.spse_url, checker.user_id, checker.password, non_penyedia=True)
    verification = VerificationPage(desk.page, sim_env.spse_url)
    verification.verify(vendor.user_id)
    assert verification.alert_texts() == [CATALOG.text("adp.tidak_tersedia")]
    assert verification.status_of(vendor.user_id) == "Menunggu verifikasi"
    # The panel's log shows the firing (refreshed by the page itself while it is open).
    expect(panel.firing_log()).to_contain_text("adp.down", timeout=10_000)
    expect(panel.firing_log()).to_contain_text("ADP")
    [firing] = sim_env.sim.firings()
    assert firing["name"] == "adp.down"

    panel.open()
    note = panel.turn_off(ADP)

    assert note.startswith(f"{ADP}: dimatikan")
    verification.verify(vendor.user_id)
    assert verification.alert_texts() == []
    assert verification.status_texts() == [
        CATALOG.text("verifikasi.berhasil", company=vendor.company)
    ]
    assert verification.status_of(vendor.user_id) == "Aktif"
    assert len(sim_env.sim.firings()) == 1


def test_clock_buttons_move_the_server_time_and_reach_a_stage_deadline(
    sim_env: SimEnvironment, tmp_path: Path
) -> None:
    pokja = sim_env.data.staff("pokja")
    sim_env.sim.add_staff(
        user_id=pokja.user_id,
        role="pokja",
        name=pokja.name,
        email=pokja.email,
        password=pokja.password,
    )
    # Givens, arranged through /_sim/arrange (the pokja's AMS and the announced tender).
    letter = write_pdf(tmp_path / "Surat Rekomendasi.pdf", "Surat Rekomendasi", [pokja.name])
    sim_env.arrange.embed_certificate(
        user_id=pokja.user_id,
        keystore_path=tmp_path / "spamkodok.p12",
        passphrase="rahasia-kodok",
        common_name=pokja.name,
        organization=None,
        email=pokja.email,
        letter=letter,
    )
    tender_id = sim_env.arrange.create_tender(pokja.user_id, sim_env.data.tender())
    panel = TrainerPanel(sim_env.desk("pelatih", spamkodok=False).page, sim_env.server_url)
    panel.open()
    assert panel.clock_text() == "02 Maret 2026 08:00 WIB"

    panel.press("+1 jam")
    panel.press("+1 hari")

    assert sim_env.sim.now() == DEFAULT_CLOCK_START + timedelta(hours=25)
    assert panel.clock_text() == "03 Maret 2026 09:00 WIB"

    note = panel.to_stage(tender_id, "Upload Dokumen Penawaran", "5 menit sebelum batas akhir")

    # The tender was announced at the start; the upload stage ends 24+48+24+72 hours later.
    deadline = DEFAULT_CLOCK_START + timedelta(hours=168)
    assert sim_env.sim.now() == deadline - timedelta(minutes=5)
    assert note == "Waktu simulasi: 09 Maret 2026 07:55 WIB (dibekukan)."

    panel.press("Jalankan waktu")
    expect(panel.page.locator("#jam-status")).to_have_text("(berjalan)")
    panel.press("Bekukan waktu")
    expect(panel.page.locator("#jam-status")).to_have_text("(dibekukan)")
