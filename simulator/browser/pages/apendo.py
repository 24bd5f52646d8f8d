"""SPSE NON CA pages (APENDO), in a plain browser: the vendor's .rhs upload page and the
pokja's opening page with the package private key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, expect

from simulator.browser.pages.base import SpsePage
from simulator.browser.pages.offer import ShownReceipt, shown_receipt
from spse_shared.language import tr


def _save_download(page_object: SpsePage, link: Locator, target: Path) -> Path:
    """Click ``link``, which answers with a file, and keep the file at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with page_object.page.expect_download() as download:
        link.click()
    download.value.save_as(target)
    return target


class ApendoOfferPage(SpsePage):
    """/lelang/{id}/penawaran-apendo: package public key and the .rhs file input."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/penawaran-apendo")

    def fingerprint(self) -> str:
        table = self.page.get_by_role("table", name=tr("Kunci publik paket"))
        return table.locator("#sidik-jari").inner_text().strip()

    def download_public_key(self, target: Path) -> Path:
        link = self.page.get_by_role("link", name=tr("Unduh Kunci Publik Paket"))
        return _save_download(self, link, target)

    def upload(self, path: Path) -> list[str]:
        """Choose ``path`` in the file input and send the form; the messages then shown."""
        self.page.get_by_label(tr("File Penawaran APENDO (.rhs)")).set_input_files(path)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=tr("Kirim Penawaran")).click()
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()
        return [*self.alert_texts(), *self.status_texts()]

    def receipt(self) -> ShownReceipt | None:
        return shown_receipt(self.page)


@dataclass(frozen=True)
class ApendoRow:
    """One offer on the opening page."""

    offer_id: int
    vendor: str
    size: int
    sha256: str
    status: str
    files: str


class ApendoOpeningPage(SpsePage):
    """/lelang/{id}/pembukaan-apendo: the package private key, the offers, the results."""

    def open(self, tender_id: str) -> None:
        self.goto(f"/lelang/{tender_id}/pembukaan-apendo")

    @property
    def private_key_link(self) -> Locator:
        return self.page.get_by_role("link", name=tr("Unduh Kunci Privat Paket"))

    def download_private_key(self, target: Path) -> Path:
        return _save_download(self, self.private_key_link, target)

    def ask_private_key(self) -> list[str]:
        """Click the private key link expecting a refusal page; the messages it shows."""
        self.private_key_link.click()
        self.page.wait_for_url(re.compile(r"/kunci-privat$"))
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()
        return [*self.alert_texts(), *self.status_texts()]

    def key_released(self) -> str:
        return self.page.locator("#kunci-diunduh").inner_text().strip()

    def _rows(self) -> Locator:
        table = self.page.get_by_role("table", name=tr("Dokumen penawaran"))
        return table.locator("tbody tr[data-offer]")

    def _row(self, offer_id: int) -> Locator:
        return self.page.locator(f'tr[data-offer="{offer_id}"]')

    def rows(self) -> list[ApendoRow]:
        return [
            ApendoRow(
                offer_id=int(row.get_attribute("data-offer") or 0),
                vendor=row.locator(".peserta").inner_text().strip(),
                size=int(row.locator(".ukuran").get_attribute("data-size") or -1),
                sha256=row.locator(".sha256").inner_text().strip(),
                status=row.locator(".status").inner_text().strip(),
                files=row.locator(".berkas").inner_text().strip(),
            )
            for row in self._rows().all()
        ]

    def download_offer(self, offer_id: int, target: Path) -> Path:
        link = self._row(offer_id).get_by_role("link", name=re.compile(r"^Unduh penawaran"))
        return _save_download(self, link, target)

    def record(self, offer_id: int, code: str, files: tuple[str, ...]) -> list[str]:
        """Record what APENDO found for one offer; the messages shown afterwards."""
        row = self._row(offer_id)
        row.get_by_label(tr("Hasil Pembukaan")).select_option(value=code)
        row.get_by_label(tr("Daftar File")).fill("\n".join(files))
        with self.page.expect_navigation():
            row.get_by_role("button", name=tr("Simpan Hasil")).click()
        return [*self.alert_texts(), *self.status_texts()]
