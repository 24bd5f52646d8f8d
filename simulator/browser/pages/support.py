"""LPSE Support's pages, the SPSE page that leads there, and the LPSE's e-mail inbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import FilePayload, Page

from simulator.browser.pages.base import SpsePage, row_texts
from spse_shared.language import tr

SUPPORT_PATH = "/support"


def support_url(spse_url: str) -> str:
    """LPSE Support's root next to an SPSE, e.g. http://127.0.0.1:41234/support."""
    parts = urlsplit(spse_url)
    return f"{parts.scheme}://{parts.netloc}{SUPPORT_PATH}"


Attachment = Path | FilePayload


def input_files(attachments: Sequence[Attachment]) -> list[Path] | list[FilePayload]:
    """What a file input is given: the desk's files, or named uploads when one has a name no
    file on this desk can have (Playwright does not mix the two)."""
    paths = [a for a in attachments if isinstance(a, Path)]
    if len(paths) == len(attachments):
        return paths
    return [
        FilePayload(name=a.name, mimeType="application/octet-stream", buffer=a.read_bytes())
        if isinstance(a, Path)
        else a
        for a in attachments
    ]


@dataclass(frozen=True)
class TicketRow:
    number: str
    title: str
    vendor: str
    status: str
    tier: str


@dataclass(frozen=True)
class HistoryRow:
    seq: str
    at: str
    by: str
    role: str
    action: str
    status: str
    note: str


class OtherApplicationsPage(SpsePage):
    """SPSE's "Aplikasi e-Procurement Lainnya"."""

    path = "/aplikasi"

    def open_lpse_support(self) -> None:
        self.page.get_by_role("link", name=tr("LPSE Support (Production)")).click()
        self.page.wait_for_load_state()


class SupportPage(SpsePage):
    """A page of LPSE Support (mounted next to SPSE at /support)."""

    def __init__(self, page: Page, spse_url: str) -> None:
        super().__init__(page, spse_url)
        self.support_url = support_url(spse_url)

    def goto(self, path: str | None = None) -> None:
        self.page.goto(self.support_url + (self.path if path is None else path))


class SupportLoginPage(SupportPage):
    path = "/masuk"

    def enter(self) -> None:
        """Press 'Masuk dengan akun SPSE' (the SPSE session is the identity)."""
        self.page.get_by_role("button", name=tr("Masuk dengan akun SPSE")).click()
        self.page.wait_for_load_state()

    def fallback_email(self) -> str | None:
        """The LPSE address the page offers when LPSE Support cannot be reached."""
        link = self.page.locator("a.email-lpse")
        return link.inner_text().strip() if link.count() else None

    def is_logged_in(self) -> bool:
        return self.page.get_by_role("button", name=tr("Keluar dari LPSE Support")).count() > 0


class TicketListPage(SupportPage):
    path = "/tiket"

    def rows(self) -> list[TicketRow]:
        table = self.page.get_by_role("table", name=tr("Daftar tiket"))
        return [
            TicketRow(cells[0], cells[1], cells[2], cells[4], cells[5])
            for cells in row_texts(table.locator("tbody tr"))
            if len(cells) >= 6
        ]

    def open(self, number: str) -> None:
        self.page.get_by_role("link", name=number, exact=True).click()
        self.page.wait_for_load_state()

    def new_ticket(self) -> None:
        self.page.get_by_role("link", name=tr("Buat Tiket Baru")).click()
        self.page.wait_for_load_state()


class NewTicketPage(SupportPage):
    path = "/tiket/baru"

    def submit(
        self,
        *,
        title: str,
        application: str,
        category: str,
        subcategory: str,
        description: str,
        ticket_type: str = "Permasalahan",
        error_code: str = "",
        tender_code: str = "",
        attachments: Sequence[Attachment] = (),
    ) -> None:
        """Fill in "Buat Tiket Baru" (the LPSE stays this LPSE, the form's first choice)."""
        page = self.page
        page.get_by_label(tr("Judul"), exact=True).fill(title)
        page.get_by_label(tr("Aplikasi")).select_option(label=application)
        page.get_by_label(tr("Kode Error")).fill(error_code)
        page.get_by_label(tr("Kode Tender")).fill(tender_code)
        page.get_by_label(tr("Tipe Tiket")).select_option(label=ticket_type)
        page.get_by_label(tr("Kategori"), exact=True).select_option(label=category)
        page.get_by_label(tr("Sub Kategori")).select_option(label=f"{category}: {subcategory}")
        page.get_by_label(tr("Deskripsi"), exact=True).fill(description)
        if attachments:
            page.get_by_label(tr("Unggah")).set_input_files(input_files(attachments))
        page.get_by_role("button", name=tr("Kirim Tiket")).click()
        page.wait_for_load_state()


class TicketPage(SupportPage):
    """One ticket: its data, attachments, history and the buttons of the allowed actions."""

    def open_number(self, number: str) -> int:
        """Go straight to a ticket's address (as a typed URL); the HTTP status SPSE answered."""
        response = self.page.goto(f"{self.support_url}/tiket/{number}")
        return response.status if response is not None else 0

    def number(self) -> str:
        return self.page.locator("td.nomor").inner_text().strip()

    def status(self) -> str:
        return self.page.locator("td.status").inner_text().strip()

    def handled_by(self) -> str:
        return self.page.locator("td.tier").inner_text().strip()

    def ticket_type(self) -> str:
        return self.page.locator("td.tipe").inner_text().strip()

    def tender_code(self) -> str:
        return self.page.locator("td.kode-tender").inner_text().strip()

    def feedback_heading(self) -> bool:
        """True when the page asks the vendor to 'Beri Feedback' on a resolution."""
        return self.page.get_by_role("heading", name=tr("Beri Feedback")).is_visible()

    def attachment_names(self) -> list[str]:
        table = self.page.get_by_role("table", name=tr("Daftar lampiran"))
        return [t.strip() for t in table.locator("tbody tr td:first-child a").all_inner_texts()]

    def history(self) -> list[HistoryRow]:
        table = self.page.get_by_role("table", name=tr("Riwayat penanganan"))
        return [HistoryRow(*cells[:7]) for cells in row_texts(table.locator("tbody tr"))]

    def buttons(self) -> list[str]:
        form = self.page.locator("form").filter(has=self.page.get_by_label(tr("Catatan")))
        return [t.strip() for t in form.get_by_role("button").all_inner_texts()]

    def act(
        self,
        button: str,
        *,
        note: str = "",
        rating: int | None = None,
        attachments: Sequence[Attachment] = (),
    ) -> None:
        """Fill in the note (and rating, attachments) and press the action's button."""
        page = self.page
        if note:
            page.get_by_label(tr("Catatan")).fill(note)
        if rating is not None:
            page.get_by_label(tr("Nilai Penyelesaian")).select_option(str(rating))
        if attachments:
            page.get_by_label(tr("Lampiran")).set_input_files(input_files(attachments))
        page.get_by_role("button", name=button, exact=True).click()
        page.wait_for_load_state()


@dataclass(frozen=True)
class MailRow:
    number: str
    received: str
    sender: str
    subject: str
    attachments: str


class MailboxPage(SpsePage):
    """SPSE's "Kotak Masuk Email LPSE" (helpdesk and admin)."""

    path = "/email"

    def rows(self) -> list[MailRow]:
        table = self.page.get_by_role("table", name=tr("Email masuk"))
        return [
            MailRow(*cells) for cells in row_texts(table.locator("tbody tr")) if len(cells) == 5
        ]

    def open(self, subject: str) -> None:
        self.page.get_by_role("link", name=subject).first.click()
        self.page.wait_for_load_state()

    def attachment_names(self) -> list[str]:
        table = self.page.get_by_role("table", name=tr("Lampiran email"))
        return [t.strip() for t in table.locator("tbody tr td:first-child a").all_inner_texts()]

    def body(self) -> str:
        return self.page.locator("pre.isi-email").inner_text()
