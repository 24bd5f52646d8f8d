"""The verifikator's list of vendors waiting for verification."""

from __future__ import annotations

from simulator.browser.pages.base import SpsePage
from spse_shared.language import tr


class VerificationPage(SpsePage):
    path = "/verifikasi"

    def verify(self, user_id: str) -> None:
        """Press 'Verifikasi' on the vendor's row (of the list shown), after checking their
        documents."""
        self.page.get_by_role("button", name=tr("Verifikasi {user_id}", user_id=user_id)).click()
        self.page.wait_for_load_state()

    def status_of(self, user_id: str) -> str:
        row = self.page.get_by_role("row").filter(has_text=user_id)
        return row.locator(".status").inner_text().strip()
