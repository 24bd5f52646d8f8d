"""From online registration (e-mail first, the form behind the mailed link) to an active vendor
account; and Lupa Password."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in_if_asked
from simulator.browser.pages.registration import ForgotPasswordPage, RegistrationPage
from simulator.browser.pages.verification import VerificationPage
from simulator.browser.pages.webmail import InboxPage
from simulator.testdata.factory import StaffData, VendorData
from spse_shared.language import tr

# Subjects of SPSE's mails (fake_spse/domain/email_links.py), as the vendor looks for them.
REGISTRATION_MAIL = "Konfirmasi Pendaftaran Penyedia"
RESET_MAIL = "Permintaan Reset Password"


def request_registration_link(page: Page, spse_url: str, email: str) -> str:
    """'Daftar' with ``email``; SPSE's confirmation text (the link is on its way)."""
    registration = RegistrationPage(page, spse_url)
    registration.request_link(email)
    if registration.heading() != tr("Email Terkirim"):
        raise JourneyError(f"registration e-mail refused: {registration.alert_texts()}")
    return registration.status_texts()[0]


def open_mailed_link(page: Page, spse_url: str, email: str, subject: str) -> None:
    """The vendor opens its mailbox and clicks the link of SPSE's newest mail ``subject``."""
    InboxPage(page, spse_url, email).follow_newest_link(subject)


def register_vendor(page: Page, spse_url: str, vendor: VendorData) -> str:
    """The whole online registration: e-mail, the link from the mailbox, the form; returns
    SPSE's confirmation text."""
    request_registration_link(page, spse_url, vendor.email)
    open_mailed_link(page, spse_url, vendor.email, REGISTRATION_MAIL)
    return fill_registration_form(page, spse_url, vendor)


def fill_registration_form(page: Page, spse_url: str, vendor: VendorData) -> str:
    """The form behind the registration link (open in ``page``); SPSE's confirmation text."""
    registration = RegistrationPage(page, spse_url)
    if registration.heading() != tr("Formulir Pendaftaran Penyedia"):
        raise JourneyError(f"registration link refused: {registration.alert_texts()}")
    registration.fill_form(vendor)
    if registration.heading() != tr("Pendaftaran Berhasil"):
        raise JourneyError(f"registration refused: {registration.alert_texts()}")
    return registration.status_texts()[0]


def reset_password(page: Page, spse_url: str, email: str, new_password: str) -> str:
    """Lupa Password: e-mail, the link from the mailbox, the new password; SPSE's message."""
    forgot = ForgotPasswordPage(page, spse_url)
    forgot.request_link(email)
    if forgot.heading() != tr("Email Terkirim"):
        raise JourneyError(f"Lupa Password refused: {forgot.alert_texts()}")
    open_mailed_link(page, spse_url, email, RESET_MAIL)
    if forgot.heading() != tr("Password Baru"):
        raise JourneyError(f"Lupa Password link refused: {forgot.alert_texts()}")
    forgot.set_password(new_password)
    if forgot.heading() != tr("Login"):
        raise JourneyError(f"new password refused: {forgot.alert_texts()}")
    return forgot.status_texts()[0]


def verify_vendor(page: Page, spse_url: str, verifikator: StaffData, vendor_id: str) -> str:
    """The verifikator checks the originals at the LPSE and activates the account (logging in
    when SPSE asks). The verifikator stays logged in at the LPSE's desk."""
    verification = VerificationPage(page, spse_url)
    verification.goto()
    # Logged in, a verifikator's home page is this list.
    log_in_if_asked(page, spse_url, verifikator.user_id, verifikator.password, non_penyedia=True)
    verification.verify(vendor_id)
    problems = verification.alert_texts()
    if problems:
        raise JourneyError(f"verification refused: {problems}")
    message = verification.status_texts()[0]
    status = verification.status_of(vendor_id)
    if status != tr("Aktif"):
        raise JourneyError(f"vendor {vendor_id} is '{status}' after verification")
    return message
