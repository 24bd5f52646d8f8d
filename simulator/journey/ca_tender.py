"""The whole CA tender, end to end: registration to offer opening, through the pages only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.offer import join_tender, upload_offer
from simulator.browser.journeys.opening import open_offers
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.journeys.tender import create_tender
from simulator.browser.pages.opening import OpeningRow
from simulator.harness.chronology import Chronology
from simulator.harness.environment import SimEnvironment
from simulator.harness.tracks import alongside, on_lane
from simulator.journey import POKJA_LANE, VENDOR_LANE
from simulator.journey.clock_steps import time_passes_to
from simulator.journey.offer_notes import note_opened_rows, note_receipt
from simulator.journey.people import (
    cast_people,
    certify_pokja,
    certify_vendor,
    desk_of_pokja,
    desk_of_vendor,
)
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import StaffData, TenderData, VendorData
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_METHOD, OPENING_STAGE, UPLOAD_STAGE
from spse_shared.wib import format_wib


@dataclass(frozen=True)
class CaTenderResult:
    vendor: VendorData
    pokja: StaffData
    tender: TenderData
    tender_id: str
    offer_files: tuple[Path, ...]
    rows: tuple[OpeningRow, ...]


def walk_ca_tender(env: SimEnvironment, log: Chronology) -> CaTenderResult:
    """Walk the journey of issue #2; raises JourneyError at the first step that fails.

    The pokja's track (its certificate, then the tender) needs nothing of the vendor's
    (registration to the embedded certificate) until the vendor joins the tender: the two
    walk at the same time, each on a lane of its own (its own Chromium, on its own thread;
    the verifikator's desk walks on the vendor's). The simulator's steps walk here.
    """
    cast = cast_people(env)
    vendor, pokja = cast.vendor, cast.pokja
    # The CA journey walks Tender - Pascakualifikasi Satu File (one sealed offer, one opening).
    tender = env.data.tender(jenis=env.profile.method(DEFAULT_METHOD).jenis_pengadaan)
    vendors = env.lane(VENDOR_LANE)
    vendor_desk = desk_of_vendor(env, vendor, lane=vendors)
    kodok = vendor_desk.kodok
    assert kodok is not None
    pokjas = env.lane(POKJA_LANE)
    pokja_desk = desk_of_pokja(env, pokja, lane=pokjas)

    def pokja_track() -> str:
        certify_pokja(env, log, pokja, pokja_desk)
        with log.step(
            tr("Pokja membuat paket tender beserta jadwalnya"), pokja.user_id, pokja_desk.page
        ) as step:
            tender_id = create_tender(pokja_desk.page, env.spse_url, pokja, tender)
            step.note(f"tender {tender_id}: {tender.name}")
            log_out(pokja_desk.page, env.spse_url)
        return tender_id

    _, tender_id = alongside(
        log,
        pokjas,
        pokja_track,
        lambda: on_lane(log, vendors, lambda: certify_vendor(env, log, cast, vendor_desk)),
    )

    time_passes_to(env, log, tender_id, UPLOAD_STAGE)

    # The Surat Penawaran is not a file of the vendor's: SPSE generates it from the price and
    # validity entered on the offer page, and SpamKodok seals it with these documents.
    offer_files = (
        write_pdf(
            vendor_desk.folder / "Dokumen Administrasi.pdf",
            "Dokumen Administrasi",
            [vendor.company, tender.name],
        ),
        write_pdf(vendor_desk.folder / "Dokumen Teknis.pdf", "Dokumen Teknis", [tender.name]),
    )
    price = f"{tender.hps * 95 // 100:,}".replace(",", ".")

    def upload() -> None:
        with log.step(
            tr("Penyedia ikut tender dan mengunggah penawaran tersegel"),
            vendor.user_id,
            vendor_desk.page,
        ) as step:
            log_in(vendor_desk.page, env.spse_url, vendor.user_id, vendor.password)
            join_tender(vendor_desk.page, env.spse_url, tender_id)
            outcome = upload_offer(
                vendor_desk.page,
                env.spse_url,
                kodok,
                tender_id,
                offer_files,
                price=price,
                validity_days="60",
            )
            step.note(tr("Surat Penawaran: harga Rp {price}, berlaku 60 hari", price=price))
            note_receipt(step, outcome, "offer")

    on_lane(log, vendors, upload)
    # The vendor's and the verifikator's desks are done: their lane saves their traces and
    # closes while the pokja opens the offers.
    env.release_lane(vendors)

    with log.step(tr("Waktu melewati batas akhir unggah penawaran"), "simulator") as step:
        step.note(format_wib(env.sim.to_stage(tender_id, OPENING_STAGE, plus_seconds=60)))

    def opening() -> list[OpeningRow]:
        with log.step(
            tr("Pokja membuka penawaran di SpamKodok"), pokja.user_id, pokja_desk.page
        ) as step:
            rows = open_offers(pokja_desk.page, env.spse_url, pokja, tender_id)
            note_opened_rows(step, rows)
            opened = env.profile.catalog().text("pembukaan.dibuka")
            if not rows or any(row.status != opened for row in rows):
                raise JourneyError(f"offers not all opened: {rows}")
            if any(row.price != f"Rp {price},00" for row in rows):
                raise JourneyError(f"offered price not shown after opening: {rows}")
        return rows

    rows = on_lane(log, pokjas, opening)

    return CaTenderResult(vendor, pokja, tender, tender_id, offer_files, tuple(rows))
