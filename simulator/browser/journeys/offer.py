"""The vendor joins a tender and uploads an offer sealed by SpamKodok 2."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.pages.offer import OfferUploadPage, ShownReceipt
from simulator.browser.pages.tender import AnnouncementPage
from simulator.desk.spamkodok.bridge import SpamKodok


@dataclass(frozen=True)
class UploadOutcome:
    messages: list[str]
    receipt: ShownReceipt | None
    file_checks: dict[str, str]

    @property
    def accepted(self) -> bool:
        return self.receipt is not None and not any("Gagal" in m for m in self.messages)


def join_tender(page: Page, spse_url: str, tender_id: str) -> None:
    """'Ikut Tender' on the announcement page (the vendor is logged in)."""
    announcement = AnnouncementPage(page, spse_url)
    announcement.open(tender_id)
    announcement.join()
    if f"/lelang/{tender_id}/penawaran" not in page.url:
        raise JourneyError(f"joining tender {tender_id} refused: {announcement.status_texts()}")


# What a vendor enters on the Surat Penawaran when a scenario does not say (below a typical HPS
# of the test tenders, valid for 60 days).
DEFAULT_PRICE = "700.000.000"
DEFAULT_VALIDITY_DAYS = "60"


def upload_offer(
    page: Page,
    spse_url: str,
    kodok: SpamKodok,
    tender_id: str,
    files: Sequence[Path],
    *,
    part: str | None = None,
    price: str | None = None,
    validity_days: str | None = None,
) -> UploadOutcome:
    """Pick ``files`` in SpamKodok's dialog, seal and send them as ``part`` of the offer (the
    tender's only part by default), with the Surat Penawaran's price and validity when the part
    carries the price; what the page then shows."""
    upload = OfferUploadPage(page, spse_url)
    # Always a fresh page: it carries SPSE's time for SpamKodok's certificate check, and no
    # message of an earlier attempt is left on it.
    upload.open(tender_id, part)
    if upload.asks_for_price():
        upload.fill_letter(price or DEFAULT_PRICE, validity_days or DEFAULT_VALIDITY_DAYS)
    with kodok.file_dialog(files):
        upload.click_choose_files()
    checks = upload.file_checks()
    messages = upload.send()
    receipt = upload.receipt() if upload.alerts.count() == 0 else None
    return UploadOutcome(messages=messages, receipt=receipt, file_checks=checks)
