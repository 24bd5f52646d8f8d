"""LPSE Support as the seed tells a vendor to use it, and the e-mail fallback.

"Login ke SPSE, klik aplikasi e-procurement lainnya. Kemudian masuk ke LPSE Support versi
Production. Buat tiket baru ... Apabila tidak bisa login di LPSE Support, silahkan email ke LPSE
... beserta lampiran berwujud MS. Word." The same pages serve the LPSE's helpdesk, admin and
LKPP, who follow the ticket up.
"""

from __future__ import annotations

import mimetypes
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.pages.dashboard import DashboardPage
from simulator.browser.pages.support import (
    Attachment,
    HistoryRow,
    NewTicketPage,
    OtherApplicationsPage,
    SupportLoginPage,
    TicketListPage,
    TicketPage,
)
from spse_shared.language import tr, tr_filled


@dataclass(frozen=True)
class TicketDraft:
    """What the vendor fills in on "Buat Tiket Baru"."""

    title: str
    description: str
    subcategory: str
    category: str = "Teknis"
    application: str = "SPSE"
    ticket_type: str = "Permasalahan"  # Tipe Tiket: Permasalahan / Usulan / Permintaan Layanan
    error_code: str = ""
    tender_code: str = ""


@dataclass(frozen=True)
class SupportEntry:
    """How the attempt to enter LPSE Support ended."""

    entered: bool
    messages: list[str]
    fallback_email: str | None


@dataclass(frozen=True)
class TicketSubmission:
    """The ticket number SPSE gave (None when refused) and the messages shown."""

    number: str | None
    messages: list[str]
    errors: list[str]


@dataclass(frozen=True)
class TicketState:
    number: str
    status: str
    handled_by: str
    attachments: list[str]
    history: list[HistoryRow]
    buttons: list[str]


def enter_lpse_support(page: Page, spse_url: str) -> SupportEntry:
    """From SPSE's home: "Aplikasi e-Procurement Lainnya", "LPSE Support (Production)", and
    "Masuk dengan akun SPSE". The user must be logged in to SPSE."""
    home = DashboardPage(page, spse_url)
    if page.url != spse_url + home.path:  # not shown already (as right after logging in)
        home.goto()
    page.get_by_role("link", name=tr("Aplikasi e-Procurement Lainnya")).click()
    page.wait_for_load_state()
    OtherApplicationsPage(page, spse_url).open_lpse_support()
    login = SupportLoginPage(page, spse_url)
    if login.is_logged_in():
        return SupportEntry(True, login.status_texts(), None)
    login.enter()
    if login.is_logged_in():
        return SupportEntry(True, login.status_texts(), None)
    return SupportEntry(False, login.alert_texts(), login.fallback_email())


def file_ticket(
    page: Page, spse_url: str, draft: TicketDraft, attachments: Sequence[Attachment] = ()
) -> TicketSubmission:
    """Fill in and send "Buat Tiket Baru" (inside LPSE Support); the number, or the refusal."""
    TicketListPage(page, spse_url).new_ticket()
    form = NewTicketPage(page, spse_url)
    form.submit(
        title=draft.title,
        application=draft.application,
        category=draft.category,
        subcategory=draft.subcategory,
        description=draft.description,
        ticket_type=draft.ticket_type,
        error_code=draft.error_code,
        tender_code=draft.tender_code,
        attachments=attachments,
    )
    if "/tiket/baru" in page.url:
        return TicketSubmission(None, form.status_texts(), form.alert_texts())
    ticket = TicketPage(page, spse_url)
    return TicketSubmission(ticket.number(), ticket.status_texts(), ticket.alert_texts())


def open_ticket(page: Page, spse_url: str, number: str) -> TicketState:
    """Open a ticket from LPSE Support's list, as its vendor or a handler does."""
    tickets = TicketListPage(page, spse_url)
    tickets.goto()
    tickets.open(number)
    return ticket_state(page, spse_url)


def ticket_state(page: Page, spse_url: str) -> TicketState:
    ticket = TicketPage(page, spse_url)
    return TicketState(
        number=ticket.number(),
        status=ticket.status(),
        handled_by=ticket.handled_by(),
        attachments=ticket.attachment_names(),
        history=ticket.history(),
        buttons=ticket.buttons(),
    )


def act_on_ticket(
    page: Page,
    spse_url: str,
    number: str,
    button: str,
    *,
    note: str = "",
    rating: int | None = None,
    attachments: Sequence[Attachment] = (),
    shown: TicketState | None = None,
) -> list[str]:
    """Open the ticket and press one of its action buttons (its label in Bahasa Indonesia, as
    steps name it, or as the page shows it); the message shown. ``shown``: the ticket's page
    as the desk shows it now (``open_ticket`` just read it), not opened again.

    JourneyError when the button is not offered or LPSE Support refuses the action.
    """
    state = shown if shown is not None else open_ticket(page, spse_url, number)
    button = tr_filled(button)
    if button not in state.buttons:
        raise JourneyError(f"ticket {number} offers {state.buttons}, not {button!r}")
    ticket = TicketPage(page, spse_url)
    ticket.act(button, note=note, rating=rating, attachments=attachments)
    problems = ticket.alert_texts()
    if problems:
        raise JourneyError(f"{button} on {number} refused: {problems}")
    return ticket.status_texts()


def send_report_email(
    host: str,
    port: int,
    *,
    sender_name: str,
    sender: str,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[Path],
) -> str:
    """The vendor's e-mail to the LPSE with the Word chronology attached; its Message-ID."""
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    message["Subject"] = subject
    message_id = make_msgid(domain=sender.partition("@")[2] or "penyedia.local")
    message["Message-ID"] = message_id
    message.set_content(body)
    for path in attachments:
        kind, _ = mimetypes.guess_type(path.name)
        maintype, _, subtype = (kind or "application/octet-stream").partition("/")
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    with smtplib.SMTP(host, port, timeout=30) as client:
        refused = client.send_message(message)
    if refused:
        raise JourneyError(f"the LPSE mail server refused {sorted(refused)}")
    return message_id
