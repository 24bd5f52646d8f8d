"""The pokja opens the offers of a tender in SpamKodok 2."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import open_logged_in
from simulator.browser.pages.opening import OpeningPage, OpeningRow
from simulator.testdata.factory import StaffData


def open_offers(
    page: Page, spse_url: str, pokja: StaffData, tender_id: str, part: str | None = None
) -> list[OpeningRow]:
    """Open the opening page (of ``part`` for a dua file tender), logging in when SPSE asks,
    and let SpamKodok open every offer listed; the rows shown. JourneyError with SPSE's
    message when refused."""
    opening = opening_page(page, spse_url, (pokja.user_id, pokja.password), tender_id, part)
    if not opening.shown():
        raise JourneyError(f"opening page refused: {opening.alert_texts()}")
    return opening.open_all()


def opening_page(
    page: Page, spse_url: str, pokja: tuple[str, str], tender_id: str, part: str | None = None
) -> OpeningPage:
    """The pokja (user id, password) on the opening page of ``tender_id`` (of ``part``),
    logging in when SPSE asks; SPSE's refusal, if any, stays on the screen."""
    opening = OpeningPage(page, spse_url)
    open_logged_in(page, spse_url, lambda: opening.open(tender_id, part), *pokja, non_penyedia=True)
    return opening
