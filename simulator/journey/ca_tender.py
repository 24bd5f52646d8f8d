"""The whole CA tender, end to end: registration to offer opening, through the pages only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.certificate import embed_issued, register_ams, review_request
from simulator.browser.journeys.offer import join_tender, upload_offer
from simulator.browser.journeys.opening import open_offers
from simulator.browser.journeys.registration import (
    REGISTRATION_MAIL,
    fill_registration_form,
    open_mailed_link,
    request_registration_link,
    verify_vendor,
)
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.journeys.tender import create_tender
from simulator.browser.pages.certificate import AmsPage
from simulator.browser.pages.opening import OpeningRow
from simulator.harness.chronology import Chronology
from simulator.harness.environment import SimEnvironment
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
    """Walk the journey of issue #2; raises JourneyError at the first step that fails."""
    data = env.data
    vendor = data.vendor()
    pokja = data.staff("pokja")
    verifikator = data.staff("verifikator")
    # The CA journey walks Tender - Pascakualifikasi Satu File (one sealed offer, one opening).
    tender = data.tender(jenis=env.profile.method(DEFAULT_METHOD).jenis_pengadaan)
    for staff, role in ((pokja, "pokja"), (verifikator, "verifikator")):
        env.sim.add_staff(
            user_id=staff.user_id,
            role=role,
            name=staff.name,
            email=staff.email,
            password=staff.password,
        )

    vendor_desk = env.desk(f"penyedia-{vendor.user_id}", spamkodok=True)
    pokja_desk = env.desk(f"pokja-{pokja.user_id}", spamkodok=True)
    lpse_desk = env.desk(f"verifikator-{verifikator.user_id}", spamkodok=False)
    assert vendor_desk.kodok is not None

    with log.step(tr("Penyedia mendaftar dengan email"), vendor.user_id, vendor_desk.page) as step:
        step.note(request_registration_link(vendor_desk.page, env.spse_url, vendor.email))
    with log.step(
        tr("Penyedia membuka tautan pendaftaran dari email"), vendor.user_id, vendor_desk.page
    ) as step:
        open_mailed_link(vendor_desk.page, env.spse_url, vendor.email, REGISTRATION_MAIL)
        step.note(vendor_desk.page.url.split("?", 1)[0])
    with log.step(
        tr("Penyedia melengkapi formulir pendaftaran"), vendor.user_id, vendor_desk.page
    ) as step:
        step.note(fill_registration_form(vendor_desk.page, env.spse_url, vendor))

    with log.step(
        tr("Verifikator memverifikasi penyedia"), verifikator.user_id, lpse_desk.page
    ) as step:
        step.note(verify_vendor(lpse_desk.page, env.spse_url, verifikator, vendor.user_id))

    letter = write_pdf(
        vendor_desk.folder / "Surat Rekomendasi.pdf",
        "Surat Rekomendasi Penyedia",
        [vendor.company, f"Direktur: {vendor.director}", f"NPWP: {vendor.npwp}"],
    )
    statement = write_pdf(
        vendor_desk.folder / "Surat Keterangan Direktur.pdf",
        "Surat Keterangan Direktur",
        [vendor.company, f"Direktur: {vendor.director}", "Kop surat dan cap perusahaan"],
    )
    with log.step(
        tr("Penyedia mendaftar sertifikat elektronik (AMS)"), vendor.user_id, vendor_desk.page
    ) as step:
        for message in register_ams(
            vendor_desk.page,
            env.spse_url,
            vendor.user_id,
            vendor.password,
            letter,
            statement=statement,
        ):
            step.note(message)
    # The Konsep Operasional, activation a-1: the vendor comes to the LPSE with the originals;
    # the verifikator records it and approves, and only then does BSrE issue the certificate.
    with log.step(
        tr("Verifikator LPSE memeriksa dokumen asli dan menyetujui permintaan sertifikat"),
        verifikator.user_id,
        lpse_desk.page,
    ) as step:
        for message in review_request(
            lpse_desk.page,
            env.spse_url,
            verifikator,
            vendor.user_id,
            attendee=vendor.director,
        ):
            step.note(message)
    with log.step(
        tr("Penyedia menanamkan sertifikat di SpamKodok"), vendor.user_id, vendor_desk.page
    ) as step:
        for message in embed_issued(vendor_desk.page, env.spse_url):
            step.note(message)
        if not vendor_desk.kodok.has_certificate:
            raise JourneyError("the certificate is not embedded in the vendor's SpamKodok")
        handover = AmsPage(vendor_desk.page, env.spse_url).handover_pdf()
        if not handover.startswith(b"%PDF"):
            raise JourneyError("the berita acara serah terima is not a PDF")
        step.note(tr("Berita acara serah terima diunduh ({size} byte)", size=len(handover)))

    pokja_letter = write_pdf(
        pokja_desk.folder / "Surat Tugas Pokja.pdf",
        "Surat Tugas Pokja",
        [pokja.name, f"NIP {pokja.nip}"],
    )
    with log.step(
        tr("Pokja mendaftar sertifikat elektronik (AMS)"), pokja.user_id, pokja_desk.page
    ) as step:
        for message in register_ams(
            pokja_desk.page,
            env.spse_url,
            pokja.user_id,
            pokja.password,
            pokja_letter,
            non_penyedia=True,
        ):
            step.note(message)

    with log.step(
        tr("Pokja membuat paket tender beserta jadwalnya"), pokja.user_id, pokja_desk.page
    ) as step:
        tender_id = create_tender(pokja_desk.page, env.spse_url, pokja, tender)
        step.note(f"tender {tender_id}: {tender.name}")
        log_out(pokja_desk.page, env.spse_url)

    with log.step(
        tr("Waktu berjalan sampai tahap '{stage}'", stage=UPLOAD_STAGE), "simulator"
    ) as step:
        step.note(format_wib(env.sim.to_stage(tender_id, UPLOAD_STAGE, plus_seconds=3600)))

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
            vendor_desk.kodok,
            tender_id,
            offer_files,
            price=price,
            validity_days="60",
        )
        step.note(tr("Surat Penawaran: harga Rp {price}, berlaku 60 hari", price=price))
        step.note(" ".join(outcome.messages))
        if not outcome.accepted or outcome.receipt is None:
            raise JourneyError(f"offer not accepted: {outcome.messages}")
        step.note(
            tr(
                "tanda terima {time}, {size}, sha256 {sha256}",
                time=outcome.receipt.received_at,
                size=outcome.receipt.size,
                sha256=outcome.receipt.sha256,
            )
        )

    with log.step(tr("Waktu melewati batas akhir unggah penawaran"), "simulator") as step:
        step.note(format_wib(env.sim.to_stage(tender_id, OPENING_STAGE, plus_seconds=60)))

    with log.step(
        tr("Pokja membuka penawaran di SpamKodok"), pokja.user_id, pokja_desk.page
    ) as step:
        rows = open_offers(pokja_desk.page, env.spse_url, pokja, tender_id)
        for row in rows:
            step.note(
                tr(
                    "{vendor}: {status} ({signer}), harga {price}",
                    vendor=row.vendor,
                    status=row.status,
                    signer=row.signer,
                    price=row.price,
                )
            )
        opened = env.profile.catalog().text("pembukaan.dibuka")
        if not rows or any(row.status != opened for row in rows):
            raise JourneyError(f"offers not all opened: {rows}")
        if any(row.price != f"Rp {price},00" for row in rows):
            raise JourneyError(f"offered price not shown after opening: {rows}")

    return CaTenderResult(vendor, pokja, tender, tender_id, offer_files, tuple(rows))
