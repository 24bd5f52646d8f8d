"""What every SPSE page object shares: the page, SPSE's base URL, and the message areas."""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Locator, Page

# A table's rows read in one round trip to the browser, however many rows and cells: read cell
# by cell, every cell costs one (the catalog read about 400 cells a run that way).
_ROW_TEXTS = """rows => rows.map(row =>
    [...row.querySelectorAll(':scope > td')].map(cell => cell.innerText.trim()))"""
_CLASS_TEXTS = """(rows, names) => rows.map(row => Object.fromEntries(names.map(name =>
    [name, (row.querySelector('.' + name)?.innerText ?? '').trim()])))"""


def row_texts(rows: Locator) -> list[list[str]]:
    """The text of each ``td`` cell of each row of ``rows``, as shown (stripped)."""
    found: list[list[str]] = rows.evaluate_all(_ROW_TEXTS)
    return found


def class_texts(rows: Locator, names: Sequence[str]) -> list[dict[str, str]]:
    """For each row of ``rows``: the shown text of its element of each class in ``names``
    ("" when the row has none)."""
    found: list[dict[str, str]] = rows.evaluate_all(_CLASS_TEXTS, list(names))
    return found


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
