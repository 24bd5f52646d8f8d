"""The pokja's 'Pembukaan Dokumen Penawaran' page."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import expect

from simulator.browser.pages.base import SpsePage, class_texts
from spse_shared.language import tr


@dataclass(frozen=True)
class OpeningRow:
    vendor: str
    status: str
    signer: str
    sha256: str
    part: str = ""
    price: str = "-"


class OpeningPage(SpsePage):
    def open(self, tender_id: str, part: str | None = None) -> None:
        """The opening page of ``tender_id`` (of one part, ``file1``/``file2``, for dua file)."""
        self.goto(f"/lelang/{tender_id}/pembukaan" + (f"?bagian={part}" if part else ""))

    def shown(self) -> bool:
        """Whether SPSE shows the opening page (not its refusal)."""
        return self.heading() == tr("Pembukaan Dokumen Penawaran")

    def open_all(self) -> list[OpeningRow]:
        """Press 'Buka Dokumen Penawaran' and wait until SpamKodok has opened every offer."""
        self.page.get_by_role("button", name=tr("Buka Dokumen Penawaran")).click()
        expect(self.page.locator("#hasil-pembukaan")).to_be_visible(timeout=120_000)
        return self.rows()

    def rows(self) -> list[OpeningRow]:
        table = self.page.get_by_role("table", name=tr("Dokumen penawaran"))
        cells = class_texts(
            table.locator("tbody tr[data-offer]"),
            ("peserta", "status", "subjek", "mono", "bagian", "harga"),
        )
        return [
            OpeningRow(
                vendor=row["peserta"],
                status=row["status"],
                signer=row["subjek"],
                sha256=row["mono"],
                part=row["bagian"],
                price=row["harga"],
            )
            for row in cells
        ]
