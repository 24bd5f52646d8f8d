"""LPSE Support pages (mounted at ``/support``) and the SPSE pages that lead to it.

Under SPSE's base path: "Aplikasi e-Procurement Lainnya" (``/aplikasi``, linked from the vendor's
home) and the LPSE's "Kotak Masuk Email LPSE" (``/email``, helpdesk and admin). Under
``/support``: LPSE Support itself, a separate application that uses the SPSE session for
identity: ``/support/masuk`` logs the SPSE user in to it (the ``support.down`` fault makes that
fail with the seed's e-mail fallback), ``/support/tiket`` lists tickets, ``/support/tiket/baru``
files one, ``/support/tiket/{number}`` shows one with its history and handles actions.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from fake_spse.adapters.mail import Mailbox, SmtpServer
from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.domain.numbers import whole_number
from fake_spse.support.service import LpseSupport, TicketView
from fake_spse.support.tickets import (
    APPLICATIONS,
    CATEGORIES,
    Action,
    IncomingFile,
    TicketDraft,
    TicketEvent,
    TicketType,
)
from fake_spse.web.common import (
    LoginRequired,
    check_token,
    current_user,
    render,
    services,
    session,
    text,
)
from spse_shared.language import tr

SUPPORT_PATH = "/support"
MAIL_ROLES = (Role.HELPDESK, Role.ADMIN)

# Looked up through tr where shown (their English is in spse_shared.english_pages).
ROLE_LABELS = {
    "penyedia": "Penyedia",
    "helpdesk": "Helpdesk LPSE",
    "verifikator": "Verifikator LPSE",
    "admin": "Admin LPSE",
    "lkpp": "Helpdesk LKPP",
    "pokja": "Pokja Pemilihan",
}


def support(request: Request) -> LpseSupport:
    found: LpseSupport = request.app.state.support
    return found


def mailbox(request: Request) -> Mailbox:
    found: Mailbox = request.app.state.mailbox
    return found


def smtp_server(request: Request) -> SmtpServer | None:
    found: SmtpServer | None = request.app.state.smtp
    return found


class SupportLoginRequired(Exception):
    """The SPSE user has not (or no longer) logged in to LPSE Support."""


def support_user(request: Request) -> Account:
    """The SPSE session's user, if they have logged in to LPSE Support with this session."""
    user = current_user(request)
    if user is None:
        raise LoginRequired
    if not support(request).is_logged_in(session(request).sid, user):
        raise SupportLoginRequired
    return user


def go(request: Request, path: str, message: str | None = None) -> RedirectResponse:
    """Redirect to a path under ``/support``, with an optional flash message."""
    target = SUPPORT_PATH + path
    if message:
        target += ("&" if "?" in target else "?") + "pesan=" + quote(message)
    return RedirectResponse(target, status_code=303)


def _spse_login(request: Request, key: str) -> RedirectResponse:
    target = services(request).settings.base_path + "/login?pesan=" + quote(text_of(request, key))
    return RedirectResponse(target, status_code=303)


def text_of(request: Request, key: str, **params: object) -> str:
    return text(request, DomainError(key, **params))


def _status(error: DomainError) -> int:
    return 404 if isinstance(error, NotFound) else 403 if isinstance(error, Forbidden) else 400


def _texts(request: Request, error: DomainError) -> list[str]:
    problems = error.problems if isinstance(error, FormProblems) else [error]
    return [text(request, p) for p in problems]


Handler = Callable[[Request], Awaitable[Response]]


def support_page(handler: Handler) -> Handler:
    """LPSE Support's own answers to a missing login and to refused rules."""

    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except LoginRequired:
            return _spse_login(request, "support.harus_login_spse")
        except SupportLoginRequired:
            return go(request, "/masuk", text_of(request, "support.harus_masuk"))
        except DomainError as exc:
            return render_support(
                request, "support_error.html", {"errors": _texts(request, exc)}, _status(exc)
            )

    return wrapper


def render_support(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> Response:
    ctx: dict[str, Any] = {
        "support_base": SUPPORT_PATH,
        "role_labels": ROLE_LABELS,
        "support_user": None,
    }
    user = current_user(request)
    if user is not None and support(request).is_logged_in(session(request).sid, user):
        ctx["support_user"] = user
    ctx.update(context or {})
    return render(request, template, ctx, status=status)


# Logging in ----------------------------------------------------------------------------------
@support_page
async def home(request: Request) -> Response:
    support_user(request)
    return go(request, "/tiket")


@support_page
async def login_page(request: Request) -> Response:
    user = current_user(request)
    errors = [] if user is not None else [text_of(request, "support.harus_login_spse")]
    return render_support(request, "support_masuk.html", {"errors": errors, "fallback": None})


@support_page
async def login(request: Request) -> Response:
    await read_form(request, 0)
    user = current_user(request)
    if user is None:
        raise LoginRequired
    service = support(request)
    try:
        service.log_in(user, session(request).sid)
    except DomainError as exc:
        # The seed's fallback: e-mail the LPSE with the Word chronology attached.
        context = {"errors": _texts(request, exc), "fallback": service.lpse_email}
        return render_support(request, "support_masuk.html", context, status=503)
    return go(request, "/tiket", text_of(request, "support.masuk_berhasil", name=user.display_name))


@support_page
async def logout(request: Request) -> Response:
    await read_form(request, 0)
    support(request).log_out(session(request).sid)
    return RedirectResponse(services(request).settings.base_path + "/dashboard", status_code=303)


# Tickets -------------------------------------------------------------------------------------
@support_page
async def ticket_list(request: Request) -> Response:
    user = support_user(request)
    views = support(request).visible_tickets(user)
    return render_support(request, "support_tiket_list.html", {"views": views})


def _new_ticket_context(request: Request, form: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "categories": CATEGORIES,
        "applications": APPLICATIONS,
        "ticket_types": [t.value for t in TicketType],
        # The LPSE the vendor reports about: this LPSE (LPSE Support serves one LPSE here).
        "lpses": [services(request).settings.lpse_name],
        "form": form or {},
    }


@support_page
async def new_ticket_page(request: Request) -> Response:
    user = support_user(request)
    if user.role is not Role.PENYEDIA:
        raise Forbidden("support.hanya_penyedia")
    context = _new_ticket_context(request)
    context["rules"] = support(request).rules
    return render_support(request, "support_tiket_baru.html", context)


@support_page
async def file_ticket(request: Request) -> Response:
    user = support_user(request)
    service = support(request)
    fields, files = await read_form(request, service.rules.max_bytes)
    subcategory = fields.get("subkategori", "")
    draft = TicketDraft(
        title=fields.get("judul", ""),
        application=fields.get("aplikasi", ""),
        category=fields.get("kategori", ""),
        # The form's options read "Kategori: Sub kategori" so one list serves both categories.
        subcategory=subcategory.partition(": ")[2] or subcategory,
        description=fields.get("deskripsi", ""),
        lpse=fields.get("lpse", ""),
        error_code=fields.get("kode_error", ""),
        tender_code=fields.get("kode_tender", ""),
        ticket_type=fields.get("tipe", TicketType.PERMASALAHAN.value),
    )
    try:
        ticket = service.file_ticket(user, draft, files)
    except DomainError as exc:
        context = _new_ticket_context(request, fields)
        context["rules"] = service.rules
        context["errors"] = _texts(request, exc)
        return render_support(request, "support_tiket_baru.html", context, status=_status(exc))
    message = text_of(request, "support.tiket_dibuat", number=ticket.number)
    return go(request, f"/tiket/{ticket.number}", message)


def _detail_context(request: Request, user: Account, view: TicketView) -> dict[str, Any]:
    service = support(request)
    actions = service.actions_for(user, view.ticket)
    return {
        "view": view,
        "ticket": view.ticket,
        "actions": [(a.value, _button(a, view)) for a in actions],
        "rates": any(a in (Action.TERSELESAIKAN, Action.TIDAK_SELESAI) for a in actions),
        "history": [(line, history_label(line.event)) for line in view.history],
        "rules": service.rules,
    }


@support_page
async def ticket_page(request: Request) -> Response:
    user = support_user(request)
    view = support(request).view(user, request.path_params["number"])
    return render_support(request, "support_tiket.html", _detail_context(request, user, view))


@support_page
async def ticket_action(request: Request) -> Response:
    user = support_user(request)
    service = support(request)
    number = request.path_params["number"]
    fields, files = await read_form(request, service.rules.max_bytes)
    try:
        try:
            action = Action(fields.get("aksi", ""))
        except ValueError:
            raise DomainError("support.aksi_tidak_dikenal") from None
        rating_text = fields.get("nilai", "")
        ticket = service.act(
            user,
            number,
            action,
            note=fields.get("catatan", ""),
            rating=whole_number(rating_text),
            files=files,
        )
    except DomainError as exc:
        view = service.view(user, number)
        context = _detail_context(request, user, view)
        context["errors"] = _texts(request, exc)
        context["note"] = fields.get("catatan", "")
        return render_support(request, "support_tiket.html", context, status=_status(exc))
    if action is Action.TIDAK_SELESAI:
        handler = services(request).accounts.find(ticket.assignee or "")
        message = text_of(
            request,
            "support.dikembalikan",
            number=number,
            handler=handler.display_name if handler else tr(ticket.tier.label),
        )
    else:
        message = text_of(
            request,
            "support.aksi_berhasil",
            number=number,
            action=action.label,
            status=ticket.status.value,
        )
    return go(request, f"/tiket/{number}", message)


@support_page
async def ticket_attachment(request: Request) -> Response:
    user = support_user(request)
    item, path = support(request).attachment(
        user, request.path_params["number"], request.path_params["attachment_id"]
    )
    return FileResponse(path, headers={"content-disposition": disposition(item.name)})


def _button(action: Action, view: TicketView) -> str:
    if action is Action.ESKALASI:
        above = view.ticket.tier.above
        return tr("Teruskan ke {tier}", tier=tr(above.label)) if above else tr("Teruskan")
    return tr(BUTTONS[action])


BUTTONS = {
    Action.AMBIL: "Ambil Tiket",
    Action.MINTA_INFO: "Minta Informasi ke Penyedia",
    Action.KOMENTAR: "Kirim Komentar",
    Action.SELESAIKAN: "Selesaikan Tiket",
    Action.TERSELESAIKAN: "Permasalahan Selesai",
    Action.TIDAK_SELESAI: "Permasalahan Tidak Selesai",
}


def history_label(event: TicketEvent) -> str:
    """What a history line says happened, e.g. 'Diteruskan ke Helpdesk LKPP'."""
    rating = event.rating
    match event.action:
        case Action.BUAT:
            return tr("Tiket dibuat")
        case Action.AMBIL:
            return tr("Tiket diambil")
        case Action.MINTA_INFO:
            return tr("Meminta informasi ke penyedia")
        case Action.KOMENTAR:
            return tr("Komentar")
        case Action.ESKALASI:
            return tr("Diteruskan ke {tier}", tier=tr(event.to_tier.label))
        case Action.SELESAIKAN:
            return tr("Diselesaikan")
        case Action.TERSELESAIKAN if rating is not None:
            return tr("Dinilai selesai (nilai {rating})", rating=rating)
        case Action.TERSELESAIKAN:
            return tr("Dinilai selesai")
        case Action.TIDAK_SELESAI if rating is not None:
            return tr("Dinilai tidak selesai (nilai {rating})", rating=rating)
        case Action.TIDAK_SELESAI:
            return tr("Dinilai tidak selesai")
    raise ValueError(f"no history label for {event.action}")


async def read_form(request: Request, max_bytes: int) -> tuple[dict[str, str], list[IncomingFile]]:
    """The posted form's fields and its "lampiran" files, after the authenticity-token check.

    The multipart spool files are closed before this returns, whatever happens.
    """
    async with request.form(max_files=100) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        check_token(request, fields.get("authenticityToken"))
        files = await _files(form, "lampiran", max_bytes)
    return fields, files


async def _files(form: FormData, name: str, max_bytes: int) -> list[IncomingFile]:
    """The uploaded files of one input; an input with no file chosen sends none."""
    files = []
    for item in form.getlist(name):
        if not isinstance(item, UploadFile):
            continue
        filename = item.filename or ""
        # Read at most one byte past the limit: a larger file is refused, never kept.
        data = await item.read(max_bytes + 1)
        size = item.size if item.size is not None else len(data)
        if not filename and size == 0:
            continue
        files.append(IncomingFile(name=filename, size=size, data=data))
    return files


def disposition(name: str) -> str:
    """A Content-Disposition that keeps the name whole but can never be a path."""
    safe = name.replace("\\", "_").replace("/", "_")
    ascii_name = safe.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe)}"


# SPSE pages: other applications, the LPSE's mailbox ------------------------------------------
OTHER_APPLICATIONS = (
    ("LPSE Support (Production)", "Layanan tiket helpdesk LPSE dan LKPP.", True),
    ("LPSE Support (Training)", "Latihan penggunaan LPSE Support.", False),
    ("SIKaP", "Sistem Informasi Kinerja Penyedia.", False),
    ("e-Katalog", "Katalog elektronik LKPP.", False),
    ("SiRUP", "Sistem Informasi Rencana Umum Pengadaan.", False),
)


async def other_applications(request: Request) -> Response:
    if current_user(request) is None:
        raise LoginRequired
    return render(
        request,
        "aplikasi.html",
        {"applications": OTHER_APPLICATIONS, "support_base": SUPPORT_PATH},
    )


def _mail_user(request: Request) -> Account:
    user = current_user(request)
    if user is None:
        raise LoginRequired
    if user.role not in MAIL_ROLES:
        raise Forbidden("email.hanya_lpse")
    return user


async def inbox(request: Request) -> Response:
    _mail_user(request)
    server = smtp_server(request)
    address = f"{server.host}:{server.port}" if server is not None and server.running else None
    return render(
        request,
        "email_list.html",
        {
            "mails": mailbox(request).messages(),
            "smtp_address": address,
            "lpse_email": services(request).settings.lpse_email,
        },
    )


def _mail_id(request: Request) -> int:
    mail_id: int = request.path_params["mail_id"]
    return mail_id


async def mail_page(request: Request) -> Response:
    _mail_user(request)
    try:
        mail = mailbox(request).message(_mail_id(request))
    except KeyError:
        raise NotFound("email.tidak_ditemukan", mail_id=_mail_id(request)) from None
    return render(request, "email_detail.html", {"mail": mail})


async def mail_attachment(request: Request) -> Response:
    _mail_user(request)
    try:
        meta, data = mailbox(request).attachment(_mail_id(request), request.path_params["index"])
    except KeyError:
        raise NotFound("email.tidak_ditemukan", mail_id=_mail_id(request)) from None
    return Response(
        data,
        media_type=meta.content_type,
        headers={"content-disposition": disposition(meta.name)},
    )


def routes() -> list[Route]:
    """LPSE Support, mounted at ``SUPPORT_PATH``."""
    return [
        Route("/", home),
        Route("/masuk", login_page),
        Route("/masuk", login, methods=["POST"]),
        Route("/keluar", logout, methods=["POST"]),
        Route("/tiket", ticket_list),
        Route("/tiket/baru", new_ticket_page),
        Route("/tiket/baru", file_ticket, methods=["POST"]),
        Route("/tiket/{number:str}", ticket_page),
        Route("/tiket/{number:str}", ticket_action, methods=["POST"]),
        Route("/tiket/{number:str}/lampiran/{attachment_id:int}", ticket_attachment),
    ]


def spse_routes() -> list[Route]:
    """SPSE's own pages around LPSE Support, under the base path."""
    return [
        Route("/aplikasi", other_applications),
        Route("/email", inbox),
        Route("/email/{mail_id:int}", mail_page),
        Route("/email/{mail_id:int}/lampiran/{index:int}", mail_attachment),
    ]
