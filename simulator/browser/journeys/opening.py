"""The pokja opens the offers of a tender in SpamKodok 2."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in_if_asked
from simulator.browser.pages.opening import OpeningPage, OpeningRow
from simulator.testdata.factory import StaffData
from spse_shared.language import tr


def open_offers(
    page: Page, spse_url: str, pokja: StaffData, tender_id: str, part: str | None = None
) -> list[OpeningRow]:
    """Open the opening page (of ``part`` for a dua file tender), logging in when SPSE asks,
    and let SpamKodok open every offer listed; the rows shown. JourneyError with SPSE's
    message when refused."""
    opening = OpeningPage(page, spse_url)
    opening.open(tender_id, part)
    if log_in_if_asked(page, spse_url, pokja.user_id, pokja.password, non_penyedia=True):
        opening.open(tender_id, part)
    if opening.heading() != tr("Pembukaan Dokumen Penawaran"):
        raise JourneyError(f"opening page refused: {opening.alert_texts()}")
    return opening.open_all()
