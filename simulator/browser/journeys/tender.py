"""The pokja creates and announces a tender package."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys.session import log_in
from simulator.browser.pages.tender import NewTenderPage
from simulator.testdata.factory import StaffData, TenderData


def create_tender(
    page: Page, spse_url: str, pokja: StaffData, tender: TenderData, method: str | None = None
) -> str:
    """Returns the new tender's id (kode tender); ``method``: a 'Metode Pemilihan' the pokja
    chooses by its name (e.g. "Tender Cepat"), else the one SPSE picks."""
    log_in(page, spse_url, pokja.user_id, pokja.password, non_penyedia=True)
    return NewTenderPage(page, spse_url).create(tender, method)
