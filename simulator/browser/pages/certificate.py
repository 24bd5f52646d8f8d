"""The AMS registration page (upload the recommendation documents, embed the issued
certificate) and the verifikator's pages for certificate requests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import expect

from simulator.browser.pages.base import SpsePage
from spse_shared.language import tr


class AmsPage(SpsePage):
    path = "/ams"

    def submit(self, letter: Path | None, statement: Path | None = None) -> list[str]:
        """Send the form (a vendor's has two uploads: the copy of TDP/SIUP/SIUJK and the
        director's statement; a Non Penyedia's one letter); returns the messages shown when
        SPSE and SpamKodok have answered."""
        vendor_form = self.page.get_by_label(tr("Salinan TDP/SIUP/SIUJK"))
        staff_form = self.page.get_by_label(tr("Surat Rekomendasi"))
        if letter is not None:
            # Which form this is can only be told once the page is there: right after the
            # click on the red link, the home page may still be showing.
            vendor_form.or_(staff_form).first.wait_for()
            if vendor_form.count():
                vendor_form.set_input_files(letter)
            else:
                staff_form.set_input_files(letter)
        if statement is not None:
            self.page.get_by_label(
                tr("Surat Keterangan Direktur (kop dan cap perusahaan)")
            ).set_input_files(statement)
        self.page.get_by_role("button", name=tr("Kirim Pendaftaran AMS")).click()
        return self._result()

    def embed(self) -> list[str]:
        """'Tanamkan Sertifikat': SpamKodok 2 embeds the certificate BSrE issued."""
        self.page.get_by_role("button", name=tr("Tanamkan Sertifikat")).click()
        return self._result()

    def _result(self) -> list[str]:
        result = self.page.locator("#hasil-ams")
        expect(result).to_be_visible()
        return [t.strip() for t in result.locator("p").all_inner_texts()]

    def request_state(self) -> str:
        """The state of the vendor's latest certificate request as the page names it."""
        section = self.page.get_by_role("region", name=tr("Permintaan sertifikat"))
        return section.locator(".status").inner_text().strip()

    def request_notice(self) -> str:
        """What the page tells the vendor about the latest request (the reason of a
        rejection, the wait, or that it can be embedded)."""
        section = self.page.get_by_role("region", name=tr("Permintaan sertifikat"))
        return section.locator(".alert").first.inner_text().strip()

    def handover_pdf(self) -> bytes:
        return download_handover(self)

    def can_request(self) -> bool:
        return self.page.get_by_role("button", name=tr("Kirim Pendaftaran AMS")).count() > 0

    def refusal(self) -> str:
        """The message shown when the page is not inside SpamKodok."""
        result = self.page.locator("#hasil-ams")
        expect(result).to_be_visible()
        return result.inner_text().strip()


class RequestQueuePage(SpsePage):
    """The verifikator's list of certificate requests; the methods read the list the page
    shows (``goto()`` first: the caller knows whether the desk still needs to log in)."""

    path = "/verifikasi/sertifikat"

    def open_request(self, user_id: str) -> None:
        """'Periksa' on the vendor's newest open request (open ones are listed first)."""
        link = self.page.get_by_role(
            "link", name=tr("Periksa permintaan {user_id}", user_id=user_id)
        )
        link.first.click()
        self.page.wait_for_load_state()

    def state_of(self, user_id: str) -> str:
        row = self.page.locator(f"tr[data-user='{user_id}']").first
        return row.locator(".status").inner_text().strip()

    def origin_of(self, user_id: str) -> str:
        """The vendor's home LPSE as the queue names it (another one for a roaming vendor)."""
        row = self.page.locator(f"tr[data-user='{user_id}']").first
        return row.locator("td").nth(3).inner_text().strip()


class RequestReviewPage(SpsePage):
    """One certificate request: documents, the vendor's visit, approve or reject."""

    def record_visit(self, name: str, position: str, originals: Sequence[str] = ()) -> None:
        """Record who came and which originals the verifikator saw: those labelled
        ``originals``, or every one the form lists when none are named."""
        self.page.get_by_label(tr("Nama yang hadir")).fill(name)
        self.page.get_by_label(tr("Jabatan")).fill(position)
        if originals:
            for label in originals:
                self.page.get_by_label(tr(label)).check()
        else:
            group = self.page.get_by_role("group", name=tr("Dokumen asli yang diperiksa"))
            for box in group.get_by_role("checkbox").all():
                box.check()
        self.page.get_by_role("button", name=tr("Catat Kehadiran")).click()
        self.page.wait_for_load_state()

    def approve(self) -> None:
        self.page.get_by_role("button", name=tr("Setujui dan Terbitkan Sertifikat")).click()
        self.page.wait_for_load_state()

    def reject(self, reason: str) -> None:
        self.page.get_by_label(tr("Alasan Penolakan")).fill(reason)
        self.page.get_by_role("button", name=tr("Tolak Permintaan")).click()
        self.page.wait_for_load_state()

    def documents(self) -> list[str]:
        """The recommendation documents listed for the verifikator."""
        heading = tr("Dokumen Rekomendasi")
        items = self.page.locator(f"h2:has-text('{heading}') + ul li")
        return [t.strip() for t in items.all_inner_texts()]

    def handover_pdf(self) -> bytes:
        return download_handover(self)


def download_handover(page: SpsePage) -> bytes:
    """Download the berita acara serah terima from the page's link (the vendor's AMS page or
    the verifikator's request page)."""
    with page.page.expect_download() as download:
        page.page.get_by_role("link", name=tr("Unduh Berita Acara Serah Terima")).click()
    return Path(download.value.path()).read_bytes()
