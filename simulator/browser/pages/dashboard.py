"""A user's home page ('Beranda') with the red AMS link when they have no certificate."""

from __future__ import annotations

from playwright.sync_api import Locator

from simulator.browser.pages.base import SpsePage
from spse_shared.language import tr


class DashboardPage(SpsePage):
    path = "/dashboard"

    @property
    def ams_link(self) -> Locator:
        return self.page.get_by_role("link", name=tr("pendaftaran AMS"))

    def follow_ams_link(self) -> None:
        """Open the AMS page through the red link, loaded: its form is SpamKodok's, sent by
        the page's script, which a click before the load would miss (a plain form post)."""
        self.ams_link.click()
        self.page.wait_for_load_state()

    def certificate_subject(self) -> str | None:
        info = self.page.locator(".sertifikat-info .subject")
        return info.inner_text().strip() if info.count() else None
