"""Steps of Tender Cepat (KODOK-420...): the vendor's SIKaP data, joining, the lowest price.

The SIKaP data a scenario does not test are arranged (Data Penyedia records and Sinkronisasi
SIKaP through /_sim/arrange, the same service the pages call); 'Sinkronisasi SIKaP', 'Ikut
Tender' and the pokja's Penetapan Pemenang walk the pages when they are the subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.qualification import VendorRecordForm, fill_vendor_data
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.journeys.tender import create_tender
from simulator.browser.journeys.tender_cepat import (
    attempt_join,
    decide_cepat_winner,
    synchronise_sikap,
)
from simulator.browser.pages.tender import ParticipantsPage
from simulator.scenarios.steps.common import (
    add_staff,
    embed_certificate,
    logged_in,
    stage_running,
    vendor_has_certificate,
    vendor_joined,
    vendor_verified,
)
from simulator.scenarios.world import Actor, World
from spse_shared.profile import UPLOAD_STAGE
from spse_shared.wib import WIB

# The profile's key of the method (spse_shared/profiles/*.toml [methods.tender-cepat]).
TENDER_CEPAT = "tender-cepat"


@dataclass(frozen=True)
class SikapRecord:
    """One Data Penyedia record SIKaP needs: its tab, the tab's title and each field as
    (form field name, label on the page, value): arranged by name, walked by label."""

    kind: str
    label: str
    fields: tuple[tuple[str, str, str], ...]

    def by_name(self) -> dict[str, str]:
        return {name: value for name, _, value in self.fields}

    def form(self) -> VendorRecordForm:
        return VendorRecordForm(self.kind, self.label, {lbl: v for _, lbl, v in self.fields})


def sikap_records(actor: Actor, tax_year: int) -> list[SikapRecord]:
    """What SIKaP needs of a company: a valid izin usaha, akta pendirian, a pengurus and last
    year's SPT Tahunan (the labels as the Data Penyedia forms show them)."""
    return [
        SikapRecord(
            "izin_usaha",
            "Izin Usaha",
            (
                ("jenis", "Jenis Izin", "SIUP"),
                ("nomor", "No. Surat", "503/77/2024"),
                ("instansi", "Instansi Pemberi", "DPMPTSP Kota Surakarta"),
                ("kualifikasi", "Kualifikasi", "Kecil"),
            ),
        ),
        SikapRecord(
            "akta",
            "Akta",
            (
                ("jenis", "Jenis Akta (Pendirian/Perubahan)", "Pendirian"),
                ("nomor", "No. Akta", "12"),
                ("tanggal", "Tanggal Akta", "2015-05-04"),
                ("notaris", "Notaris", "Sri Wahyuni, S.H., M.Kn."),
            ),
        ),
        SikapRecord(
            "pengurus",
            "Pengurus",
            (
                ("nama", "Nama", actor.display_name),
                ("nik", "No. KTP (NIK)", "3372010101800001"),
                ("jabatan", "Jabatan", "Direktur"),
            ),
        ),
        SikapRecord(
            "pajak",
            "Pajak",
            (
                ("jenis", "Jenis Pajak", "SPT Tahunan"),
                ("tahun", "Tahun Pajak", str(tax_year)),
                ("nomor", "No. Bukti Penerimaan", "BPE-0001"),
                ("tanggal", "Tanggal Bukti", f"{tax_year + 1}-01-15"),
            ),
        ),
    ]


def _vendor_logged_in(world: World, actor: Actor) -> None:
    """The vendor's desk holds a logged-in session (arranged or through the login page)."""
    env = world.env
    if world.arranged:
        logged_in(world, actor)
    else:
        log_in(actor.desk.page, env.spse_url, actor.user_id, actor.password)


@given(
    parsers.parse('pokja "{alias}" dengan sertifikat tertanam telah mengumumkan paket Tender Cepat')
)
def cepat_announced(world: World, alias: str) -> None:
    env = world.env
    pokja = add_staff(world, alias, "pokja", spamkodok=True)
    if world.profile.protection == "ca":
        embed_certificate(world, pokja)
    method = env.profile.method(TENDER_CEPAT)
    tender = env.data.tender(jenis=method.jenis_pengadaan)
    if world.arranged:
        world.tender_id = env.arrange.create_tender(pokja.user_id, tender, TENDER_CEPAT)
        return
    assert pokja.staff is not None
    world.tender_id = create_tender(pokja.desk.page, env.spse_url, pokja.staff, tender, method.name)
    log_out(pokja.desk.page, env.spse_url)


@given(parsers.parse('penyedia "{alias}" telah mengisi Data Penyedia yang diperlukan SIKaP'))
def sikap_data_filled(world: World, alias: str) -> None:
    env = world.env
    actor = world.actor(alias)
    records = sikap_records(actor, env.sim.now().astimezone(WIB).year - 1)
    if world.arranged:
        for record in records:
            env.arrange.add_vendor_record(actor.user_id, record.kind, record.by_name())
        return
    _vendor_logged_in(world, actor)
    fill_vendor_data(actor.desk.page, env.spse_url, [r.form() for r in records])


@given(parsers.parse('penyedia "{alias}" memiliki data SIKaP terverifikasi'))
def sikap_verified(world: World, alias: str) -> None:
    sikap_data_filled(world, alias)
    actor = world.actor(alias)
    if world.arranged:
        world.env.arrange.synchronise_sikap(actor.user_id)
    else:
        synchronise_sikap(actor.desk.page, world.env.spse_url)


@given(
    parsers.parse('penyedia "{alias}" dengan data SIKaP terverifikasi siap mengunggah penawaran')
)
def sikap_vendor_ready(world: World, alias: str) -> None:
    """Verified, certificate embedded (CA profiles), SIKaP verified, joined, upload stage."""
    vendor_verified(world, alias)
    if world.profile.protection == "ca":
        vendor_has_certificate(world, alias)
    sikap_verified(world, alias)
    vendor_joined(world, alias)
    stage_running(world, UPLOAD_STAGE)


@when(parsers.parse('penyedia "{alias}" melakukan Sinkronisasi SIKaP'))
def vendor_synchronises(world: World, alias: str) -> None:
    actor = world.actor(alias)
    _vendor_logged_in(world, actor)
    synchronise_sikap(actor.desk.page, world.env.spse_url)


@when(parsers.parse('penyedia "{alias}" mengikuti tender'))
def vendor_tries_to_join(world: World, alias: str) -> None:
    actor = world.actor(alias)
    if not actor.desk.opened or "/login" in actor.desk.page.url:
        _vendor_logged_in(world, actor)
    attempt_join(actor.desk.page, world.env.spse_url, world.require_tender())


@when(parsers.parse('pokja "{alias}" menetapkan pemenang Tender Cepat'))
def pokja_decides_cepat(world: World, alias: str) -> None:
    pokja = world.actor(alias)
    decide_cepat_winner(
        pokja.desk.page, world.env.spse_url, logged_in(world, pokja), world.require_tender()
    )


def _participants(world: World, actor: Actor) -> list[str]:
    participants = ParticipantsPage(actor.desk.page, world.env.spse_url)
    participants.open(world.require_tender())
    return list(participants.prices())


@then(parsers.parse('penyedia "{alias}" terdaftar sebagai peserta tender'))
def vendor_is_participant(world: World, alias: str) -> None:
    actor = world.actor(alias)
    names = _participants(world, actor)
    world.expect("peserta tender", actor.display_name, repr(names), actor.display_name in names)


@then(parsers.parse('penyedia "{alias}" tidak terdaftar sebagai peserta tender'))
def vendor_is_not_participant(world: World, alias: str) -> None:
    actor = world.actor(alias)
    names = _participants(world, actor)
    world.expect(
        "bukan peserta tender", "(tidak ada)", repr(names), actor.display_name not in names
    )
