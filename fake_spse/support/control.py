"""/_sim reads of LPSE Support tickets and of the LPSE's received e-mail, for assertions."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.adapters.mail import Mailbox, SmtpServer, mail_json
from fake_spse.control.api import guarded
from fake_spse.support.service import LpseSupport, ticket_json


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


def routes() -> list[Route]:
    return [
        Route("/support/tickets", guarded(tickets)),
        Route("/support/tickets/{number:str}", guarded(ticket)),
        Route("/mail", guarded(mail)),
    ]
