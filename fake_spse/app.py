"""``create_app(settings)``: the one place where a fake SPSE is wired together."""

from __future__ import annotations

import logging
import secrets
import socket
import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from fake_spse.adapters.adp import AdpService
from fake_spse.adapters.ca import CertificateAuthority
from fake_spse.adapters.mail import WEBMAIL_DIR, Mailbox, MailSender, SmtpServer
from fake_spse.control import api as control_api
from fake_spse.control import arrange as control_arrange
from fake_spse.control import panel as control_panel
from fake_spse.domain.errors import DomainError
from fake_spse.domain.tender_codes import check_lpse_code
from fake_spse.service.context import Context
from fake_spse.service.services import Services
from fake_spse.settings import Settings
from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore
from fake_spse.storage.database import Database
from fake_spse.storage.unit_of_work import UnitOfWork
from fake_spse.support import control as support_control
from fake_spse.support import pages as support_web
from fake_spse.support.service import LpseSupport, SupportStore
from fake_spse.web import (
    accounts,
    ams_review,
    apendo,
    certificates,
    dua_file,
    evaluation,
    listing,
    pemilihan,
    pokja,
    public,
    staff,
    tender_cepat,
    vendor,
    vendor_data,
)
from fake_spse.web.body_limit import BodyLimitMiddleware, BodyLimits, upload_paths
from fake_spse.web.common import LoginRequired, error_page, login_redirect, page_templates, render
from fake_spse.web.request_log import ERROR_KEY as REQUEST_ERROR
from fake_spse.web.request_log import RequestLog, RequestLogMiddleware, request_id
from fake_spse.web.session import SessionLimits, SessionMiddleware
from spse_shared.atomic import write_atomic
from spse_shared.profile import load_profile
from spse_shared.server_files import REQUEST_LOG_NAME

STARTUP_LOG = logging.getLogger("fake_spse.startup")
# BSrE's folder (its CA keys, certificates and register) in an LPSE's data directory.
BSRE_DIR = "bsre"


def open_database(settings: Settings) -> Database:
    """SPSE's SQLite database in ``settings.data_dir`` (created on first use)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Database(settings.data_dir / "spse.sqlite3")


def build_context(settings: Settings, db: Database) -> Context:
    """Open (or create) an LPSE's parts in ``settings.data_dir``, around database ``db``."""
    data = settings.data_dir
    data.mkdir(parents=True, exist_ok=True)
    profile = load_profile(settings.profile)
    clock = SimClock(data / "clock.json", start=settings.clock_start, frozen=settings.clock_frozen)
    faults = FaultBoard(data / "faults.sqlite3", clock)
    return Context(
        settings=settings,
        profile=profile,
        messages=profile.catalog(),
        clock=clock,
        faults=faults,
        unit=UnitOfWork(db),
        blobs=BlobStore(data / "blobs"),
        ca=CertificateAuthority(data / BSRE_DIR, clock.now),
        adp=AdpService(
            settings.adp_db_path,
            clock.now,
            is_down=lambda: faults.check("adp.down", detail="ADP") is not None,
        ),
        mail=MailSender(settings.spse_sender),
    )


def build_services(settings: Settings) -> Services:
    """An LPSE's services over its state in ``settings.data_dir`` (for seeding and tests)."""
    return Services(build_context(settings, open_database(settings)))


def build_support(settings: Settings, context: Context) -> LpseSupport:
    """LPSE Support: its own SQLite file and attachment folder in the LPSE's data directory."""
    return LpseSupport(
        store=SupportStore(settings.data_dir / "support.sqlite3"),
        blobs=BlobStore(settings.data_dir / "support-blobs"),
        now=context.clock.now,
        faults=context.faults,
        lpse_code=settings.lpse_code,
        lpse_email=settings.lpse_email,
    )


def clean_leftovers(context: Context, support: LpseSupport) -> None:
    """Remove partial uploads and unreferenced blobs a crash left behind, and say so."""
    with context.unit() as db:
        spse_keys = db.blob_keys()
    for name, store, referenced in (
        ("blobs", context.blobs, spse_keys),
        ("support-blobs", support.blobs, support.store.blob_keys()),
    ):
        removed = store.clean_up(referenced)
        if removed:
            STARTUP_LOG.warning(
                "start-up: removed %d partial upload(s) and %d orphan blob(s) from %s: %s",
                len(removed.partial),
                len(removed.orphans),
                name,
                ", ".join((*removed.partial, *removed.orphans)),
            )


def build_smtp(
    settings: Settings,
    mailbox: Mailbox,
    sock: socket.socket | None,
    *,
    outside: Mailbox | None = None,
) -> SmtpServer | None:
    """The LPSE's SMTP server, unless switched off: mail for ``lpse_email`` into ``mailbox``,
    and SPSE's own outgoing mail (from ``spse_sender``) relayed into ``outside``."""
    if settings.smtp_port is None and sock is None:
        return None
    address = settings.lpse_email.lower()
    return SmtpServer(
        mailbox,
        host=settings.smtp_host,
        port=settings.smtp_port or 0,
        accepts=lambda rcpt: rcpt.strip().lower() == address,
        sock=sock,
        outside=outside,
        relays_from=settings.spse_sender,
    )


def create_app(settings: Settings, *, smtp_socket: socket.socket | None = None) -> Starlette:
    """The fake SPSE as an ASGI app: SPSE pages under the base path, BSrE under /bsre, /_sim,
    LPSE Support under /support; its SMTP server runs with the app's lifespan (on
    ``smtp_socket`` when given, already bound, else on ``settings.smtp_host``/``smtp_port``)."""
    # A wrong code would first show as a failed 'Paket Baru': refuse it before anything starts.
    check_lpse_code(settings.spse_code)
    db = open_database(settings)
    context = build_context(settings, db)
    services = Services(context)
    support = build_support(settings, context)
    clean_leftovers(context, support)
    mailbox = Mailbox(settings.data_dir / "mail", context.clock.now)
    webmail = Mailbox(settings.data_dir / WEBMAIL_DIR, context.clock.now)
    smtp = build_smtp(settings, mailbox, smtp_socket, outside=webmail)
    context.mail.connect(smtp)
    web_routes = [
        *public.routes(),
        *listing.routes(),
        *evaluation.routes(),
        *tender_cepat.routes(),
        *pemilihan.routes(),
        *accounts.routes(),
        *staff.routes(),
        *vendor.routes(),
        *vendor_data.routes(),
        *certificates.routes(),
        *ams_review.routes(),
        *pokja.routes(),
        *dua_file.routes(),
        *apendo.routes(),
        *support_web.spse_routes(),
        Mount("/public", StaticFiles(packages=[("fake_spse.web", "static")]), name="static"),
    ]
    routes: list[Route | Mount] = [
        Route("/", lambda request: RedirectResponse(settings.base_path)),
        Mount(settings.base_path, routes=web_routes),
        Mount("/bsre", routes=public.bsre_routes()),
        Mount(support_web.SUPPORT_PATH, routes=support_web.routes()),
    ]
    if settings.simulation:
        routes.append(
            Mount(
                "/_sim",
                routes=[
                    *control_panel.routes(),
                    *control_api.routes(),
                    *control_arrange.routes(),
                    *support_control.routes(),
                ],
            )
        )
    app = Starlette(
        routes=routes,
        exception_handlers={
            LoginRequired: _login_required,
            DomainError: _domain_error,
            HTTPException: _http_error,
            Exception: _server_error,
        },
        lifespan=_lifespan(smtp),
    )
    app.state.services = services
    app.state.support = support
    app.state.mailbox = mailbox
    app.state.smtp = smtp
    app.state.webmail = webmail
    app.state.templates = page_templates()
    secret = _secret(settings.data_dir / "session.key")
    app.state.sim_secret = secret  # the trainer panel signs its forms and notes with it
    limits = SessionLimits(idle=settings.session_idle, absolute=settings.session_absolute)
    sessions = SessionMiddleware(app, db=db, secret=secret, now=context.clock.now, limits=limits)
    body_limits = BodyLimits(
        upload_paths=upload_paths(settings.base_path, support_web.SUPPORT_PATH),
        upload_limit=context.profile.upload_max_bytes,
    )
    bounded = BodyLimitMiddleware(sessions, limits=body_limits, message=context.messages.text)
    # Outermost: every request, also /_sim and static files, gets an id and a log line.
    log = RequestLog(settings.data_dir / REQUEST_LOG_NAME)
    return RequestLogMiddleware(bounded, log=log, now=context.clock.now)  # type: ignore[return-value]


def _lifespan(smtp: SmtpServer | None) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if smtp is not None:
            await smtp.start()
        try:
            yield
        finally:
            if smtp is not None:
                await smtp.stop()

    return lifespan


def _secret(path: Path) -> bytes:
    if not path.exists():
        write_atomic(path, secrets.token_bytes(32))  # owner-only: it signs every session
    path.chmod(0o600)
    return path.read_bytes()


async def _login_required(request: Request, exc: Exception) -> Response:
    return login_redirect(request)


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    return error_page(request, exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return render(request, "error.html", {"not_found": True}, status=404)
    return render(request, "error.html", {"messages": [str(exc.detail)]}, status=exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    code = request_id(request) or secrets.token_hex(6).upper()
    request.scope[REQUEST_ERROR] = type(exc).__name__
    traceback.print_exception(exc)
    return render(request, "error.html", {"error_code": code}, status=500)
