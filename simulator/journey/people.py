"""The first steps every journey walks: the vendor registers by e-mail and is verified, the
vendor and the pokja get their electronic certificates (AMS; the vendor's reviewed by the
LPSE's verifikator) embedded in SpamKodok."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.certificate import embed_issued, register_ams, review_request
from simulator.browser.journeys.registration import (
    REGISTRATION_MAIL,
    fill_registration_form,
    open_mailed_link,
    request_registration_link,
    verify_vendor,
)
from simulator.browser.lanes import Lane
from simulator.browser.pages.certificate import AmsPage
from simulator.harness.chronology import Chronology
from simulator.harness.environment import Desk, SimEnvironment
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import StaffData, VendorData
from spse_shared.language import tr


@dataclass(frozen=True)
class Cast:
    """The journey's vendor, pokja and verifikator, drawn from the run's test data; the pokja
    and the verifikator are the LPSE's staff already."""

    vendor: VendorData
    pokja: StaffData
    verifikator: StaffData


@dataclass(frozen=True)
class People:
    """The journey's vendor and pokja, each at a SpamKodok desk with a certificate."""

    vendor: VendorData
    pokja: StaffData
    vendor_desk: Desk
    pokja_desk: Desk
    verifikator: StaffData


def cast_people(env: SimEnvironment) -> Cast:
    """Draw the vendor, the pokja and the verifikator (in that order) and add both staff."""
    data = env.data
    cast = Cast(data.vendor(), data.staff("pokja"), data.staff("verifikator"))
    for staff, role in ((cast.pokja, "pokja"), (cast.verifikator, "verifikator")):
        env.sim.add_staff(
            user_id=staff.user_id,
            role=role,
            name=staff.name,
            email=staff.email,
            password=staff.password,
        )
    return cast


def desk_of_vendor(env: SimEnvironment, vendor: VendorData, *, lane: Lane | None = None) -> Desk:
    """The vendor's SpamKodok desk (on ``lane``: walked there)."""
    return env.desk(f"penyedia-{vendor.user_id}", spamkodok=True, lane=lane)


def desk_of_pokja(env: SimEnvironment, pokja: StaffData, *, lane: Lane | None = None) -> Desk:
    """The pokja's SpamKodok desk (on ``lane``: walked there)."""
    return env.desk(f"pokja-{pokja.user_id}", spamkodok=True, lane=lane)


def certified_people(env: SimEnvironment, log: Chronology) -> People:
    """Walk registration, verification and both AMS registrations through the pages, one
    after the other."""
    cast = cast_people(env)
    vendors = desk_of_vendor(env, cast.vendor)
    pokjas = desk_of_pokja(env, cast.pokja)
    certify_vendor(env, log, cast, vendors)
    certify_pokja(env, log, cast.pokja, pokjas)
    return People(cast.vendor, cast.pokja, vendors, pokjas, cast.verifikator)


def certify_vendor(env: SimEnvironment, log: Chronology, cast: Cast, vendor_desk: Desk) -> None:
    """The vendor's track: registration by e-mail, the verifikator's verification, the AMS
    request, the verifikator's review and the embedding, at ``vendor_desk`` and the
    verifikator's desk (opened here, on the vendor desk's lane)."""
    vendor, verifikator = cast.vendor, cast.verifikator
    lpse_desk = env.desk(
        f"verifikator-{verifikator.user_id}", spamkodok=False, lane=vendor_desk.lane
    )
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


def certify_pokja(env: SimEnvironment, log: Chronology, pokja: StaffData, pokja_desk: Desk) -> None:
    """The pokja's AMS registration (Non Penyedia: embedded at once) at ``pokja_desk``."""
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
