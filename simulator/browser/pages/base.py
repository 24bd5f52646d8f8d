"""What every SPSE page object shares: the page, SPSE's base URL, and the message areas."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


class SpsePage:
    """A page object: one SPSE page, driven through roles and labels."""

    path = "/"

    def __init__(self, page: Page, spse_url: str) -> None:
        self.page = page
        self.spse_url = spse_url.rstrip("/")

    def goto(self, path: str | None = None) -> None:
        self.page.goto(self.spse_url + (self.path if path is None else path))

    @property
    def alerts(self) -> Locator:
        return self.page.get_by_role("alert")

    @property
    def statuses(self) -> Locator:
        return self.page.get_by_role("status")

    def alert_texts(self) -> list[str]:
        return [t.strip() for t in self.alerts.all_inner_texts() if t.strip()]

    def status_texts(self) -> list[str]:
        return [t.strip() for t in self.statuses.all_inner_texts() if t.strip()]

    def heading(self) -> str:
        return self.page.get_by_role("heading", level=1).inner_text().strip()

    def footer(self) -> str:
        return self.page.locator("footer").inner_text()
