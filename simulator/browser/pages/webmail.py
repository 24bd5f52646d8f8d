"""The vendor's own mailbox (its mail provider, outside SPSE), where SPSE's links arrive.

In the simulated world it is served by the fake's control plane (``/_sim/webmail/kotak``) at the
origin of the SPSE URL; a deployment that is not the fake has no such mailbox.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from playwright.sync_api import Page


class InboxPage:
    """One e-mail address's inbox, newest message first."""

    def __init__(self, page: Page, spse_url: str, address: str) -> None:
        parts = urlsplit(spse_url)
        self.page = page
        self.url = f"{parts.scheme}://{parts.netloc}/_sim/webmail/kotak?alamat={quote(address)}"

    def open(self) -> None:
        self.page.goto(self.url)

    def subjects(self) -> list[str]:
        """The subjects in the inbox, newest first."""
        return [t.strip() for t in self.page.get_by_role("heading", level=2).all_inner_texts()]

    def follow_newest_link(self, subject_part: str) -> str:
        """Click the link of the newest message whose subject contains ``subject_part``;
        returns the link. AssertionError when there is no such message."""
        self.open()
        mails = self.page.locator("article.email").filter(
            has=self.page.get_by_role("heading", name=subject_part)
        )
        if mails.count() == 0:
            raise AssertionError(f"no mail '{subject_part}' in {self.url}: {self.subjects()}")
        link = mails.first.get_by_role("link").first
        href = link.get_attribute("href") or ""
        link.click()
        self.page.wait_for_load_state()
        return href
