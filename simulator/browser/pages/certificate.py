"""The AMS registration page: upload the recommendation letter, SpamKodok embeds the result."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from simulator.browser.pages.base import SpsePage
from spse_shared.language import tr


class AmsPage(SpsePage):
    path = "/ams"

    def submit(self, letter: Path | None) -> list[str]:
        """Send the form; returns the messages shown when SPSE and SpamKodok have answered."""
        if letter is not None:
            self.page.get_by_label(tr("Surat Rekomendasi")).set_input_files(letter)
        self.page.get_by_role("button", name=tr("Kirim Pendaftaran AMS")).click()
        result = self.page.locator("#hasil-ams")
        expect(result).to_be_visible()
        return [t.strip() for t in result.locator("p").all_inner_texts()]

    def refusal(self) -> str:
        """The message shown when the page is not inside SpamKodok."""
        result = self.page.locator("#hasil-ams")
        expect(result).to_be_visible()
        return result.inner_text().strip()
