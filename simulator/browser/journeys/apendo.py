"""SPSE NON CA journeys: the vendor encrypts with APENDO and uploads the .rhs file; the pokja
takes the package private key at opening and opens every offer with APENDO. Plain browsers:
no SpamKodok, no user certificate. APENDO itself runs on the desk (``simulator.desk.apendo``)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in
from simulator.browser.pages.apendo import ApendoOfferPage, ApendoOpeningPage, ApendoRow
from simulator.browser.pages.offer import ShownReceipt
from simulator.desk import apendo
from simulator.testdata.factory import StaffData
from spse_shared.language import tr


@dataclass(frozen=True)
class ApendoUpload:
    """What the vendor sent and what the page then showed."""

    file: Path
    sha256: str
    messages: list[str]
    receipt: ShownReceipt | None
    public_key: Path | None


@dataclass(frozen=True)
class ApendoOpening:
    """The pokja's opening: the key file on the desk, what APENDO found, the rows shown."""

    private_key: Path
    found: dict[int, tuple[str, tuple[str, ...]]]
    rows: list[ApendoRow]
    messages: list[str]


def _open_offer_page(page: Page, spse_url: str, tender_id: str) -> ApendoOfferPage:
    offer_page = ApendoOfferPage(page, spse_url)
    offer_page.open(tender_id)
    if offer_page.heading() != tr("Upload Dokumen Penawaran"):
        raise JourneyError(f"APENDO upload page refused: {offer_page.alert_texts()}")
    return offer_page


def download_public_key(page: Page, spse_url: str, tender_id: str, desk: Path) -> Path:
    """'Unduh Kunci Publik Paket' of a tender, kept on the desk."""
    offer_page = _open_offer_page(page, spse_url, tender_id)
    return offer_page.download_public_key(desk / f"kunci_publik_paket_{tender_id}.pem")


def upload_file(page: Page, spse_url: str, tender_id: str, path: Path) -> ApendoUpload:
    """Choose ``path`` in the upload form and send it (whatever kind of file it is)."""
    offer_page = _open_offer_page(page, spse_url, tender_id)
    messages = offer_page.upload(path)
    receipt = offer_page.receipt() if not offer_page.alert_texts() else None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return ApendoUpload(path, digest, messages, receipt, None)


def encrypt_and_upload(
    page: Page,
    spse_url: str,
    *,
    tender_id: str,
    vendor_id: str,
    profile: str,
    documents: Sequence[Path],
    desk: Path,
    key_from_tender: str | None = None,
) -> ApendoUpload:
    """Download the package public key, encrypt ``documents`` with APENDO, upload the .rhs.

    ``key_from_tender``: take the public key of that (other) tender instead, as a vendor who
    mixed up two packages would.
    """
    key_file = download_public_key(page, spse_url, key_from_tender or tender_id, desk)
    certificate = apendo.load_public_key(key_file.read_bytes())
    rhs = apendo.encrypt(
        documents, certificate, tender_id=tender_id, vendor_id=vendor_id, profile=profile
    )
    rhs_file = desk / f"penawaran_{tender_id}{apendo.RHS_SUFFIX}"
    rhs_file.write_bytes(rhs)
    sent = upload_file(page, spse_url, tender_id, rhs_file)
    return ApendoUpload(sent.file, sent.sha256, sent.messages, sent.receipt, key_file)


def _open_opening_page(page: Page, spse_url: str, tender_id: str) -> ApendoOpeningPage:
    opening = ApendoOpeningPage(page, spse_url)
    opening.open(tender_id)
    if opening.heading() != tr("Pembukaan Dokumen Penawaran"):
        raise JourneyError(f"APENDO opening page refused: {opening.alert_texts()}")
    return opening


def ask_private_key(page: Page, spse_url: str, pokja: StaffData, tender_id: str) -> list[str]:
    """The pokja asks for the package private key; the messages SPSE answers with."""
    log_in(page, spse_url, pokja.user_id, pokja.password, non_penyedia=True)
    return _open_opening_page(page, spse_url, tender_id).ask_private_key()


def open_offers(
    page: Page, spse_url: str, pokja: StaffData, tender_id: str, desk: Path
) -> ApendoOpening:
    """Take the package private key, open each offer with APENDO, record every result."""
    log_in(page, spse_url, pokja.user_id, pokja.password, non_penyedia=True)
    opening = _open_opening_page(page, spse_url, tender_id)
    key_file = opening.download_private_key(desk / f"kunci_privat_paket_{tender_id}.pem")
    key = apendo.load_private_key(key_file.read_bytes())
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    messages: list[str] = []
    for row in opening.rows():
        offer = opening.download_offer(row.offer_id, desk / f"penawaran_{row.offer_id}.rhs")
        try:
            opened = apendo.decrypt(
                offer.read_bytes(),
                key,
                tender_id=tender_id,
                expected_size=row.size,
                expected_sha256=row.sha256,
            )
        except apendo.ApendoError as exc:
            found[row.offer_id] = (exc.code, ())
        else:
            found[row.offer_id] = ("dibuka", opened.files)
        messages += opening.record(row.offer_id, *found[row.offer_id])
    return ApendoOpening(key_file, found, opening.rows(), messages)
