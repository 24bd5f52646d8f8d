"""The vendor's offer upload page: pick files in SpamKodok, seal, send, read the receipt."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, expect

from simulator.browser.pages.base import SpsePage, row_texts
from spse_shared.language import tr


@dataclass(frozen=True)
class ShownReceipt:
    """SPSE's receipt for an offer as the page shows it (the CA and the APENDO upload page)."""

    received_at: str
    size: str
    sha256: str


def shown_receipt(page: Page) -> ShownReceipt | None:
    """The receipt table of an upload page, or None when the page shows none."""
    table = page.get_by_role("table", name=tr("Tanda terima penawaran"))
    if not table.is_visible():
        return None
    return ShownReceipt(
        received_at=table.locator("#tanda-terima-waktu").inner_text().strip(),
        size=table.locator("#tanda-terima-ukuran").inner_text().strip(),
        sha256=table.locator("#tanda-terima-hash").inner_text().strip(),
    )


class OfferUploadPage(SpsePage):
    def open(self, tender_id: str, part: str | None = None) -> None:
        """The upload page of ``tender_id`` (of one part, ``file1``/``file2``, for dua file)."""
        self.goto(f"/lelang/{tender_id}/penawaran" + (f"?bagian={part}" if part else ""))

    def part(self) -> str:
        """The part this page sends, as SPSE names it."""
        return self.page.locator("#bagian-penawaran").inner_text().strip()

    def asks_for_price(self) -> bool:
        """Whether this part carries the Surat Penawaran (price and validity)."""
        return self.page.get_by_role("group", name=tr("Surat Penawaran")).count() > 0

    def fill_letter(self, price: str, validity_days: str) -> None:
        """The Surat Penawaran's fields: harga total and masa berlaku."""
        self.page.get_by_label(tr("Harga Penawaran (Rp)")).fill(price)
        self.page.get_by_label(tr("Masa Berlaku Penawaran (hari)")).fill(validity_days)

    def preflight_advice(self) -> str | None:
        """SpamKodok's pre-flight advice on this page (None: none, after its check ran)."""
        advice = self.page.locator("#saran-spamkodok")
        expect(advice).to_have_attribute("data-pemeriksaan", "selesai")
        return advice.inner_text().strip() if advice.is_visible() else None

    def click_choose_files(self) -> None:
        """Press 'Pilih File'; SpamKodok's dialog answers (see ``SpamKodok.file_dialog``)."""
        self.page.get_by_role("button", name=tr("Pilih File")).click()
        expect(self.page.get_by_role("table", name=tr("File penawaran"))).to_be_visible()

    def file_checks(self) -> dict[str, str]:
        """File name -> SpamKodok's check result shown in the table."""
        rows = self.page.get_by_role("table", name=tr("File penawaran")).locator("tbody tr")
        return {cells[0]: cells[2] for cells in row_texts(rows)}

    def send(self) -> list[str]:
        """Press 'Kirim Penawaran' and wait for SPSE's answer; returns the messages shown."""
        result = self.page.locator("#hasil-penawaran")
        self.page.get_by_role("button", name=tr("Kirim Penawaran")).click()
        expect(result).to_be_visible()
        expect(self.page.get_by_role("button", name=tr("Kirim Penawaran"))).to_be_enabled()
        return [t.strip() for t in result.locator("p").all_inner_texts()]

    def receipt(self) -> ShownReceipt | None:
        return shown_receipt(self.page)

    def refusal(self) -> str:
        """The message shown when the page is opened outside SpamKodok."""
        result = self.page.locator("#hasil-penawaran")
        expect(result).to_be_visible()
        return result.inner_text().strip()
