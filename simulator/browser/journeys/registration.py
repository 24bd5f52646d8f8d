"""From online registration to an active vendor account."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.pages.registration import RegistrationPage
from simulator.browser.pages.verification import VerificationPage
from simulator.testdata.factory import StaffData, VendorData


def register_vendor(page: Page, spse_url: str, vendor: VendorData) -> str:
    """Fill in the online registration; returns SPSE's confirmation text."""
    registration = RegistrationPage(page, spse_url)
    registration.register(vendor)
    if registration.heading() != "Pendaftaran Berhasil":
        raise JourneyError(f"registration refused: {registration.alert_texts()}")
    return registration.status_texts()[0]


def verify_vendor(page: Page, spse_url: str, verifikator: StaffData, vendor_id: str) -> str:
    """The verifikator checks the originals at the LPSE and activates the account."""
    log_in(page, spse_url, verifikator.user_id, verifikator.password)
    verification = VerificationPage(page, spse_url)
    verification.verify(vendor_id)
    problems = verification.alert_texts()
    if problems:
        log_out(page, spse_url)
        raise JourneyError(f"verification refused: {problems}")
    message = verification.status_texts()[0]
    status = verification.status_of(vendor_id)
    log_out(page, spse_url)
    if status != "Aktif":
        raise JourneyError(f"vendor {vendor_id} is '{status}' after verification")
    return message
