"""Logging in and out as a given user."""

from __future__ import annotations

from collections.abc import Callable

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
    if _on_login_page(page):
        raise JourneyError(f"login of {user_id} refused: {login.alert_texts()}")


def log_in_if_asked(
    page: Page, spse_url: str, user_id: str, password: str, *, non_penyedia: bool = False
) -> bool:
    """After opening a page that needs a session: when SPSE sent the desk to its login page
    instead, log in there (the form shown, not loaded again). Whether it logged in: SPSE then
    shows the user's home page (``open_logged_in`` opens the page asked for again)."""
    if not _on_login_page(page):
        return False
    log_in(page, spse_url, user_id, password, non_penyedia=non_penyedia, shown=True)
    return True


def open_logged_in(
    page: Page,
    spse_url: str,
    open_page: Callable[[], object],
    user_id: str,
    password: str,
    *,
    non_penyedia: bool = False,
) -> None:
    """Open a page that needs a session (``open_page``); when SPSE sent the desk to its login
    page instead, log in there and open it again."""
    open_page()
    if log_in_if_asked(page, spse_url, user_id, password, non_penyedia=non_penyedia):
        open_page()


def _on_login_page(page: Page) -> bool:
    return page.url.rstrip("/").endswith("/login") or "/login?" in page.url


def log_out(page: Page, spse_url: str) -> None:
    LoginPage(page, spse_url).logout()
