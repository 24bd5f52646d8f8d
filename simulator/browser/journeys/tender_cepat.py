"""Tender Cepat through the pages: the vendor's Sinkronisasi SIKaP and 'Ikut Tender', the
pokja's Penetapan Pemenang on the ranking page."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys.session import open_logged_in
from simulator.browser.pages.qualification import VendorDataPage
from simulator.browser.pages.tender import AnnouncementPage, TenderCepatPage


def synchronise_sikap(page: Page, spse_url: str) -> tuple[str, list[str]]:
    """The logged-in vendor presses 'Sinkronisasi SIKaP' on Data Penyedia; the SIKaP status
    shown afterwards and the page's messages."""
    data = VendorDataPage(page, spse_url)
    data.open("izin_usaha")
    data.synchronise_sikap()
    return data.sikap_status(), [*data.alert_texts(), *data.status_texts()]


def attempt_join(page: Page, spse_url: str, tender_id: str) -> list[str]:
    """'Ikut Tender' by the logged-in vendor, refused or not; the page's messages."""
    announcement = AnnouncementPage(page, spse_url)
    announcement.open(tender_id)
    announcement.join()
    return [*announcement.alert_texts(), *announcement.status_texts()]


def decide_cepat_winner(
    page: Page, spse_url: str, pokja: tuple[str, str], tender_id: str
) -> list[str]:
    """The pokja presses 'Tetapkan Pemenang' on the Tender Cepat page; the messages shown."""
    ranking = TenderCepatPage(page, spse_url)
    # The pokja logs in as Non Penyedia, as SPSE's login page asks.
    open_logged_in(page, spse_url, lambda: ranking.open(tender_id), *pokja, non_penyedia=True)
    ranking.decide_winner()
    return [*ranking.alert_texts(), *ranking.status_texts()]
