"""Data Penyedia (the vendor's company records) and Kirim Persyaratan Kualifikasi."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from simulator.browser.pages.base import SpsePage, row_texts
from spse_shared.language import tr


class VendorDataPage(SpsePage):
    """One tab of Data Penyedia: its records and the form that adds one."""

    def open(self, kind: str) -> None:
        self.goto(f"/penyedia/data?jenis={kind}")

    def add(self, label: str, values: Mapping[str, str]) -> None:
        """Fill the tab's form ``Tambah <label>`` (field label -> value, both in Bahasa
        Indonesia as steps name them; the page shows them in the chosen language) and save it."""
        form = self.page.get_by_role("form", name=tr("Tambah {label}", label=tr(label)))
        for field, value in values.items():
            form.get_by_label(tr(field), exact=True).fill(value)
        form.get_by_role("button", name=tr("Simpan")).click()
        self.page.wait_for_load_state()

    def rows(self, label: str) -> list[list[str]]:
        """The cells of the tab's table (``label`` in Bahasa Indonesia), one list per record."""
        table = self.page.get_by_role("table", name=tr(label))
        return row_texts(table.locator("tbody tr[data-record]"))

    def synchronise_sikap(self) -> None:
        """'Sinkronisasi SIKaP': send Data Penyedia to LKPP's SIKaP."""
        self.page.get_by_role("button", name=tr("Sinkronisasi SIKaP")).click()
        self.page.wait_for_load_state()

    def sikap_status(self) -> str:
        """The 'Status Data SIKaP' cell."""
        table = self.page.get_by_role("table", name=tr("Data SIKaP"))
        row = table.locator("tr").filter(has=self.page.get_by_text(tr("Status Data SIKaP")))
        return row.locator("td").inner_text().strip()


class QualificationPage(SpsePage):
    """Kirim Persyaratan Kualifikasi of one tender."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/kualifikasi")

    def choices(self) -> list[str]:
        """The labels of the Data Penyedia records offered for choosing."""
        form = self.page.get_by_role("form", name=tr("Persyaratan kualifikasi"))
        return [
            t.strip() for t in form.locator("label:has(input[type=checkbox])").all_inner_texts()
        ]

    def send(self, chosen: Sequence[str], attachments: Sequence[Path]) -> None:
        """Tick exactly the records whose labels are in ``chosen``, attach files, send."""
        form = self.page.get_by_role("form", name=tr("Persyaratan kualifikasi"))
        for label in form.locator("label:has(input[type=checkbox])").all():
            box = label.locator("input[type=checkbox]")
            box.set_checked(label.inner_text().strip() in chosen)
        if attachments:
            form.get_by_label(tr("Lampiran")).set_input_files([str(p) for p in attachments])
        form.get_by_role("button", name=tr("Kirim Persyaratan Kualifikasi")).click()
        self.page.wait_for_load_state()
