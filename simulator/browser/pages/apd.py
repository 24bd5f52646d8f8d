"""The 'Import APD' page: upgrade an old SpamKodok certificate (menu 'Sertifikat', top right)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from simulator.browser.pages.base import SpsePage
from simulator.desk.spamkodok.bridge import SpamKodok
from spse_shared.language import tr

# As the page names them in Bahasa Indonesia; shown through tr() in the chosen language.
HEADING = "Import APD (Sertifikat SpamKodok Lama)"
IMPORT_BUTTON = "Pilih Berkas APD dan Import"
IN_PERSON = (
    "Verifikasi ulang dengan hadir di LPSE membawa dokumen asli (sertifikat baru diterbitkan "
    "setelah disetujui verifikator)"
)


class ApdImportPage(SpsePage):
    path = "/sertifikat/apd"

    def open_from_menu(self) -> None:
        """As the seed says: click 'Sertifikat' top right, then 'Import APD'."""
        menu = self.page.get_by_role("navigation", name=tr("Menu utama"))
        menu.get_by_role("link", name=tr("Sertifikat"), exact=True).click()
        self.page.get_by_role("link", name=tr("Import APD"), exact=True).click()
        # Loaded, not just shown: the import is SpamKodok's, started by the page's script.
        self.page.wait_for_load_state()
        expect(self.page.get_by_role("heading", level=1)).to_have_text(tr(HEADING))

    def import_apd(
        self,
        kodok: SpamKodok,
        apd: Path,
        passphrase: str,
        letter: Path | None,
        *,
        statement: Path | None = None,
        in_person: bool = False,
    ) -> list[str]:
        """Type the APD's passphrase, attach the recommendation documents (a vendor's copy of
        TDP/SIUP/SIUJK and director's statement), choose the in-person verification when
        ``in_person``, press the button and pick ``apd`` in SpamKodok's file dialog; returns
        the messages shown once SPSE and SpamKodok answered."""
        self.page.get_by_label(tr("Passphrase APD")).fill(passphrase)
        vendor_form = self.page.get_by_label(tr("Salinan TDP/SIUP/SIUJK"))
        if letter is not None:
            if vendor_form.count():
                vendor_form.set_input_files(letter)
            else:
                self.page.get_by_label(tr("Surat Rekomendasi")).set_input_files(letter)
        if statement is not None:
            self.page.get_by_label(
                tr("Surat Keterangan Direktur (kop dan cap perusahaan)")
            ).set_input_files(statement)
        if in_person:
            self.page.get_by_label(tr(IN_PERSON)).check()
        button = self.page.get_by_role("button", name=tr(IMPORT_BUTTON))
        result = self.page.locator("#hasil-apd")
        with kodok.file_dialog([apd]):
            button.click()
            expect(result).to_be_visible()
            expect(button).to_be_enabled()
        return [t.strip() for t in result.locator("p").all_inner_texts()]

    def certificate_serial(self) -> str | None:
        """The serial of the certificate SPSE lists for the user, if any."""
        cell = self.page.get_by_role("table", name=tr("Sertifikat elektronik")).locator(".serial")
        return cell.inner_text().strip() if cell.count() else None
