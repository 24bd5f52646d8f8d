"""Logging in and out as a given user."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.pages.login import LoginPage


def log_in(
    page: Page,
    spse_url: str,
    user_id: str,
    password: str,
    *,
    non_penyedia: bool = False,
    shown: bool = False,
) -> None:
    """Log in as a vendor (staff: ``non_penyedia``); JourneyError with SPSE's message when SPSE
    refuses. ``shown``: SPSE has just sent the desk to its login page (see LoginPage.login)."""
    login = LoginPage(page, spse_url)
    login.login(user_id, password, non_penyedia=non_penyedia, shown=shown)
    if page.url.rstrip("/").endswith("/login") or "/login?" in page.url:
        raise JourneyError(f"login of {user_id} refused: {login.alert_texts()}")


def log_out(page: Page, spse_url: str) -> None:
    LoginPage(page, spse_url).logout()
