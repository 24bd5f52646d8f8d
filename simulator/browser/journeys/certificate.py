"""Getting an electronic certificate embedded in SpamKodok 2 through AMS registration."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in
from simulator.browser.pages.certificate import AmsPage
from simulator.browser.pages.dashboard import DashboardPage


def register_ams(
    page: Page,
    spse_url: str,
    user_id: str,
    password: str,
    letter: Path | None,
    *,
    non_penyedia: bool = False,
) -> list[str]:
    """Log in (inside SpamKodok), follow the red AMS link, upload the recommendation letter.

    Returns the messages shown; JourneyError when the link is missing or SPSE refuses.
    """
    log_in(page, spse_url, user_id, password, non_penyedia=non_penyedia)
    dashboard = DashboardPage(page, spse_url)
    if not dashboard.ams_link.is_visible():
        raise JourneyError(f"no red AMS link on the home page of {user_id}")
    dashboard.ams_link.click()
    page.wait_for_load_state()
    ams = AmsPage(page, spse_url)
    messages = ams.submit(letter)
    if ams.alerts.count():
        raise JourneyError(f"AMS registration refused: {messages}")
    return messages
