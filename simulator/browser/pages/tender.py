"""Tender pages: the pokja's new-package form, the announcement and the schedule."""

from __future__ import annotations

import re

from simulator.browser.pages.base import SpsePage, row_texts
from simulator.testdata.factory import TenderData
from spse_shared.language import tr


class NewTenderPage(SpsePage):
    path = "/pokja/paket/baru"

    def create(self, tender: TenderData, method: str | None = None) -> str:
        """Create and announce the package (as ``method``, a 'Metode Pemilihan' the pokja
        chooses, e.g. "Tender Cepat"; else the one SPSE picks); returns the new tender's id."""
        self.goto()
        self.page.get_by_label(tr("Nama Paket")).fill(tender.name)
        self.page.get_by_label(tr("Satuan Kerja")).fill(tender.satker)
        self.page.get_by_label(tr("Jenis Pengadaan")).select_option(str(tender.jenis_pengadaan))
        self.page.get_by_label(tr("Nilai Pagu (Rp)")).fill(str(tender.pagu))
        self.page.get_by_label(tr("Nilai HPS (Rp)")).fill(str(tender.hps))
        self.page.get_by_label(tr("Lokasi Pekerjaan")).fill(tender.lokasi)
        if method is not None:
            self.page.get_by_label(tr("Metode Pemilihan")).select_option(label=method)
        self.page.get_by_role("button", name=tr("Simpan dan Umumkan")).click()
        self.page.wait_for_load_state()
        match = re.search(r"/lelang/(\d+)/pengumumanlelang", self.page.url)
        if match is None:
            raise AssertionError(f"tender not created: {self.alert_texts()}")
        return match.group(1)


class AnnouncementPage(SpsePage):
    """/lelang/{id}/pengumumanlelang: the th/td table of a tender."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/pengumumanlelang")

    def field(self, label: str) -> str:
        row = self.page.locator("table tr").filter(
            has=self.page.locator("th", has_text=re.compile(f"^{re.escape(label)}$"))
        )
        return row.locator("td").inner_text().strip()

    def join(self) -> None:
        """'Ikut Tender' after agreeing to the integrity pact."""
        self.page.get_by_label(tr("Saya menyetujui Pakta Integritas")).check()
        self.page.get_by_role("button", name=tr("Ikut Tender")).click()
        self.page.wait_for_load_state()


class ParticipantsPage(SpsePage):
    """The public 'Peserta Tender' page: participants and, once opened, their offered price."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/peserta")

    def prices(self) -> dict[str, str]:
        """Participant name -> the 'Harga Penawaran' cell (empty while offers are sealed)."""
        table = self.page.get_by_role("table", name=tr("Peserta tender"))
        return {cells[1]: cells[3] for cells in row_texts(table.locator("tbody tr"))}


class TenderCepatPage(SpsePage):
    """The pokja's Tender Cepat page: the offers ranked by price, and 'Tetapkan Pemenang'."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/tendercepat")

    def ranking(self) -> list[str]:
        """The participants in the page's order (ranked offers first)."""
        table = self.page.get_by_role("table", name=tr("Peringkat penawaran"))
        return [c.strip() for c in table.locator("tbody tr .peserta").all_inner_texts()]

    def decide_winner(self) -> None:
        self.page.get_by_role("button", name=tr("Tetapkan Pemenang")).click()
        self.page.wait_for_load_state()
