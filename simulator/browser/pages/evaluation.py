"""After opening: the pokja's 'Evaluasi Penawaran' page, the participant's 'Sanggahan' page,
and the public 'Hasil Evaluasi' and 'Pemenang' pages."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator

from simulator.browser.pages.base import SpsePage, row_texts
from spse_shared.language import tr

PARTS = ("Kualifikasi", "Administrasi", "Teknis", "Harga")


@dataclass(frozen=True)
class ResultRow:
    """One participant on the public Hasil Evaluasi page."""

    vendor: str
    marks: dict[str, str]
    price: str
    reason: str
    winner: bool
    # Kualitas dan Biaya (Seleksi): ST, SH, SA as shown ("" when the method has none).
    nilai_teknis: str = ""
    nilai_biaya: str = ""
    nilai_akhir: str = ""


class EvaluationPage(SpsePage):
    """The pokja evaluates each participant, fixes the winner and answers sanggahan."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/evaluasi")

    def price_of(self, vendor: str) -> str:
        return self._row(vendor).locator(".harga").inner_text().strip()

    def _row(self, vendor: str) -> Locator:
        return self.page.get_by_role("table", name=tr("Evaluasi peserta")).locator(
            "tbody tr", has_text=vendor
        )

    def proposals(self, vendor: str) -> list[str]:
        """The gugur SPSE proposes for ``vendor`` before the pokja evaluates (its notes)."""
        return [t.strip() for t in self._row(vendor).get_by_role("note").all_inner_texts()]

    def evaluate(self, vendor: str, gugur: dict[str, str] | None = None) -> None:
        """Mark every part the form asks lulus, except the parts in ``gugur`` (part label:
        reason). A dua file's form asks only Harga: its File I parts (and the nilai teknis)
        are File I's page's (File1EvaluationPage)."""
        form = self.page.get_by_role("form", name=tr("Evaluasi {name}", name=vendor))
        form.wait_for()
        reasons = []
        for part in PARTS:
            failed = gugur is not None and part in gugur
            field = form.get_by_label(tr(part), exact=True)
            if not field.count():
                if failed:
                    raise ValueError(f"the evaluation form of {vendor} has no {part}")
                continue
            field.select_option("gugur" if failed else "lulus")
            if failed and gugur is not None:
                reasons.append(gugur[part])
        form.get_by_label(tr("Alasan Gugur")).fill("; ".join(reasons))
        form.get_by_role("button", name=tr("Simpan Evaluasi")).click()

    def decide_winner(self) -> None:
        self.page.get_by_role("button", name=tr("Tetapkan Pemenang")).click()

    def answer_sanggah(self, vendor: str, answer: str) -> None:
        row = self.page.get_by_role("table", name=tr("Sanggahan")).locator(
            "tbody tr", has_text=vendor
        )
        row.get_by_label(tr("Jawaban")).fill(answer)
        row.get_by_role("button", name=tr("Kirim Jawaban")).click()


FILE1_PARTS = ("Kualifikasi", "Administrasi", "Teknis")


class File1EvaluationPage(SpsePage):
    """Seleksi dua file: the pokja's 'Evaluasi Administrasi dan Teknis (File I)'."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/evaluasi-file1")

    def evaluate(
        self, vendor: str, gugur: dict[str, str] | None = None, nilai_teknis: str | None = None
    ) -> None:
        """Mark File I's parts lulus, except the parts in ``gugur`` (part label: reason); with
        ``nilai_teknis``, type it in the Nilai Teknis field (Kualitas dan Biaya: the teknis
        score is given here, with File I)."""
        form = self.page.get_by_role("form", name=tr("Evaluasi File I {name}", name=vendor))
        if nilai_teknis is not None:
            form.get_by_label(tr("Nilai Teknis"), exact=True).fill(nilai_teknis)
        reasons = []
        for part in FILE1_PARTS:
            failed = gugur is not None and part in gugur
            form.get_by_label(tr(part), exact=True).select_option("gugur" if failed else "lulus")
            if failed and gugur is not None:
                reasons.append(gugur[part])
        form.get_by_label(tr("Alasan Gugur")).fill("; ".join(reasons))
        form.get_by_role("button", name=tr("Simpan Evaluasi")).click()
        self.page.wait_for_load_state()


class SanggahPage(SpsePage):
    """A participant's sanggahan in Masa Sanggah, and the pokja's answers."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/sanggah")

    def file(self, text: str) -> None:
        self.page.get_by_label(tr("Isi Sanggahan")).fill(text)
        self.page.get_by_role("button", name=tr("Kirim Sanggahan")).click()

    def answers(self) -> list[str]:
        table = self.page.get_by_role("table", name=tr("Sanggahan Anda"))
        return [cells[2] for cells in row_texts(table.locator("tbody tr")) if len(cells) == 3]


# The columns of Hasil Evaluasi by SPSE's abbreviation (the same in every language): the marks
# by part, then prices, scores and the winner's star. "P" is there twice: the offer's price
# first, the winner's star second.
_MARKS = {"K": "Kualifikasi", "B": "Pembuktian", "A": "Administrasi", "T": "Teknis", "H": "Harga"}


def _mark(cell: Locator) -> str:
    """SPSE's icon in a mark cell: fa-check lulus, fa-close gugur, otherwise not evaluated."""
    css = cell.locator("i").get_attribute("class") or ""
    return "lulus" if "fa-check" in css else "gugur" if "fa-close" in css else "-"


class ResultsPage(SpsePage):
    """The public Hasil Evaluasi page (K, B, A, T, H marks; P, PT prices; ST, SH, SA scores of
    a Kualitas dan Biaya method; the winner's star), read by its header as scrapers do."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/evaluasi/{tender_id}/hasil")

    def rows(self) -> list[ResultRow]:
        table = self.page.get_by_role("table", name=tr("Hasil evaluasi"))
        header = [h.strip() for h in table.locator("tr").first.locator("th").all_inner_texts()]
        # The first column of each name (the price's P), and the last P (the winner's star).
        column = {name: header.index(name) for name in header}
        star = len(header) - 1 - header[::-1].index("P")
        found = []
        for row in table.locator("tr[data-peserta]").all():
            cells = row.locator("td")

            def text(name: str, cells: Locator = cells) -> str:
                return cells.nth(column[name]).inner_text().strip() if name in column else ""

            found.append(
                ResultRow(
                    vendor=cells.nth(1).inner_text().rsplit(" - ", 1)[0].strip(),
                    marks={part: _mark(cells.nth(column[k])) for k, part in _MARKS.items()},
                    price=text("P"),
                    # The reason is the last column.
                    reason=cells.nth(len(header) - 1).inner_text().strip(),
                    winner=cells.nth(star).locator("img").count() > 0,
                    nilai_teknis=text("ST"),
                    nilai_biaya=text("SH"),
                    nilai_akhir=text("SA"),
                )
            )
        return found


class WinnerPage(SpsePage):
    """The public Pengumuman Pemenang page: the winners' table in the last row."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/evaluasi/{tender_id}/pemenang")

    def winner_names(self) -> list[str]:
        table = self.page.get_by_role("table", name=tr("Pemenang"), exact=True)
        return [
            row.locator("td").first.inner_text().strip()
            for row in table.locator("tr").all()
            if row.locator("td").count()
        ]
