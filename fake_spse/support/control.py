"""/_sim reads of LPSE Support tickets and of the LPSE's received e-mail, for assertions; and
the vendors' mailboxes of the simulated world (webmail), where SPSE's links arrive."""

from __future__ import annotations

import base64
import html
import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from fake_spse.adapters.mail import Mailbox, SmtpServer, mail_json
from fake_spse.control.api import _json, _services, guarded
from fake_spse.control.arrange import logged_in_session
from fake_spse.service.blocking import call
from fake_spse.support.service import LpseSupport, ticket_json
from fake_spse.support.tickets import Action, IncomingFile, TicketDraft, TicketType
from spse_shared.language import current_language, tr
from spse_shared.wib import format_wib


def _support(request: Request) -> LpseSupport:
    found: LpseSupport = request.app.state.support
    return found


def _mailbox(request: Request) -> Mailbox:
    found: Mailbox = request.app.state.mailbox
    return found


async def tickets(request: Request) -> Response:
    """Every ticket with its history and attachments, and the attachment files on disk."""
    service = _support(request)
    return JSONResponse(
        {
            "tickets": [ticket_json(v) for v in service.all_tickets()],
            "attachment_files": len(service.blobs.keys()),
            "partial_files": len(service.blobs.partial_keys()),
        }
    )


async def ticket(request: Request) -> Response:
    number = request.path_params["number"]
    found = _support(request).store.ticket(number)
    if found is None:
        return JSONResponse({"ok": False, "error": f"no ticket {number}"}, status_code=404)
    return JSONResponse(ticket_json(found[0]))


async def mail(request: Request) -> Response:
    """The LPSE's address, its SMTP server's address and every received message."""
    server: SmtpServer | None = request.app.state.smtp
    box = _mailbox(request)
    smtp = (
        {"host": server.host, "port": server.port}
        if server is not None and server.running
        else None
    )
    return JSONResponse(
        {
            "address": _support(request).lpse_email,
            "smtp": smtp,
            "messages": [mail_json(m) for m in box.messages()],
            "partial_files": len(box.partial_files()),
        }
    )


# Arranged LPSE Support (a Given that is not the scenario's subject), through LpseSupport: the
# same rules as the pages (a vendor files, the attachment rules, who may act when), no browser.
async def arrange_ticket(request: Request) -> Response:
    """A vendor files a ticket with attachments (``files``: ``name``, ``data_b64``), as the
    "Buat Tiket Baru" form sends it; the ticket number and the page's message."""
    body = await _json(request)
    services = _services(request)
    vendor = await call(services.accounts.account, str(body["vendor_id"]))
    draft = TicketDraft(
        title=str(body["title"]),
        application=str(body["application"]),
        category=str(body["category"]),
        subcategory=str(body["subcategory"]),
        description=str(body["description"]),
        lpse=str(body.get("lpse") or ""),
        error_code=str(body.get("error_code") or ""),
        tender_code=str(body.get("tender_code") or ""),
        ticket_type=str(body.get("ticket_type") or TicketType.PERMASALAHAN.value),
    )
    files = []
    for item in body.get("files", []):
        data = base64.b64decode(str(item["data_b64"]), validate=True)
        files.append(IncomingFile(name=str(item["name"]), size=len(data), data=data))
    ticket = _support(request).file_ticket(vendor, draft, files)
    message = services.messages.text("support.tiket_dibuat", number=ticket.number)
    return JSONResponse({"ok": True, "number": ticket.number, "message": message})


async def arrange_action(request: Request) -> Response:
    """``user_id`` takes ``action`` (an Action value: "ambil", "selesaikan"...) on ticket
    ``number``, with ``note`` and ``rating`` as the ticket page sends them."""
    body = await _json(request)
    user = await call(_services(request).accounts.account, str(body["user_id"]))
    rating = body.get("rating")
    ticket = _support(request).act(
        user,
        str(body["number"]),
        Action(str(body["action"])),
        note=str(body.get("note") or ""),
        rating=int(rating) if rating is not None else None,
    )
    return JSONResponse(
        {"ok": True, "status": ticket.status.value, "assignee": ticket.assignee or ""}
    )


LINK = re.compile(r"https?://[^\s<>\"]+")


def _webmail(request: Request) -> Mailbox:
    found: Mailbox = request.app.state.webmail
    return found


async def webmail(request: Request) -> Response:
    """The messages SPSE sent to ``?alamat=`` (every relayed message without it), newest first."""
    box = _webmail(request)
    address = request.query_params.get("alamat", "").strip()
    found = box.messages_to(address) if address else box.messages()
    return JSONResponse({"address": address, "messages": [mail_json(m) for m in found]})


async def webmail_inbox(request: Request) -> Response:
    """The vendor's inbox as the desk's browser shows it: each message with clickable links.

    It stands for the vendor's own mail provider (outside SPSE), so it lives in the simulated
    world's control plane, not among SPSE's pages.
    """
    address = request.query_params.get("alamat", "").strip()
    if not address:
        return HTMLResponse(f"<p>{tr('Parameter alamat wajib diisi.')}</p>", status_code=400)
    items = []
    for mail in _webmail(request).messages_to(address):
        body = LINK.sub(
            lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', html.escape(mail.body, False)
        )
        sender = html.escape(mail.from_header or mail.mail_from)
        items.append(
            f'<article class="email" aria-label="{html.escape(mail.subject)}">'
            f"<h2>{html.escape(mail.subject)}</h2>"
            f'<p class="dari">{tr("Dari: {sender}", sender=sender)}</p>'
            f'<p class="diterima">{tr("Diterima: {at}", at=format_wib(mail.received_at))}</p>'
            f"<pre>{body}</pre></article>"
        )
    listing = "".join(items) or f'<p class="kosong">{tr("Kotak masuk kosong.")}</p>'
    title = tr("Kotak Masuk {address}", address=html.escape(address))
    page = (
        f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{listing}</body></html>"
    )
    return HTMLResponse(page)


async def arrange_login(request: Request) -> Response:
    """Log a user in to SPSE and, with that session, to LPSE Support, as "Masuk dengan akun
    SPSE" does (refused while ``support.down``); the session cookie to set."""
    account, session, cookie = await logged_in_session(request, await _json(request))
    await call(_support(request).log_in, account, session.sid)
    return JSONResponse({"ok": True, "cookie": cookie})


def routes() -> list[Route]:
    return [
        Route("/support/tickets", guarded(tickets)),
        Route("/support/tickets/{number:str}", guarded(ticket)),
        Route("/mail", guarded(mail)),
        Route("/arrange/support/ticket", guarded(arrange_ticket), methods=["POST"]),
        Route("/arrange/support/action", guarded(arrange_action), methods=["POST"]),
        Route("/arrange/support/login", guarded(arrange_login), methods=["POST"]),
        Route("/webmail", guarded(webmail)),
        Route("/webmail/kotak", guarded(webmail_inbox)),
    ]
