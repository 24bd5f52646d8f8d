"""``create_app(settings)``: the one place where a fake SPSE is wired together."""

from __future__ import annotations

import secrets
import traceback
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from fake_spse.clock import SimClock
from fake_spse.control import api as control_api
from fake_spse.domain.errors import DomainError
from fake_spse.faults import FaultBoard
from fake_spse.lpse import Lpse
from fake_spse.messages import MessageCatalog
from fake_spse.profile import load_profile
from fake_spse.services.adp import AdpService
from fake_spse.services.ca import CertificateAuthority
from fake_spse.settings import Settings
from fake_spse.storage.blobs import BlobStore
from fake_spse.storage.database import Database
from fake_spse.web import accounts, certificates, pokja, public, staff, vendor
from fake_spse.web.common import LoginRequired, error_page, login_redirect, render
from fake_spse.web.session import SessionMiddleware


def build_lpse(settings: Settings) -> Lpse:
    """Open (or create) an LPSE's state in ``settings.data_dir``."""
    data = settings.data_dir
    data.mkdir(parents=True, exist_ok=True)
    profile = load_profile(settings.profile)
    clock = SimClock(data / "clock.json", start=settings.clock_start, frozen=settings.clock_frozen)
    faults = FaultBoard(data / "faults.sqlite3", clock)
    return Lpse(
        settings=settings,
        profile=profile,
        clock=clock,
        faults=faults,
        db=Database(data / "spse.sqlite3"),
        blobs=BlobStore(data / "blobs"),
        ca=CertificateAuthority(data / "bsre", clock.now),
        adp=AdpService(
            data / "adp.sqlite3",
            clock.now,
            is_down=lambda: faults.check("adp.down", detail="ADP") is not None,
        ),
        messages=MessageCatalog(profile.messages),
    )


def create_app(settings: Settings) -> Starlette:
    """The fake SPSE as an ASGI app: SPSE pages under the base path, BSrE under /bsre, /_sim."""
    lpse = build_lpse(settings)
    web_routes = [
        *public.routes(),
        *accounts.routes(),
        *staff.routes(),
        *vendor.routes(),
        *certificates.routes(),
        *pokja.routes(),
        Mount("/public", StaticFiles(packages=[("fake_spse.web", "static")]), name="static"),
    ]
    routes: list[Route | Mount] = [
        Route("/", lambda request: RedirectResponse(settings.base_path)),
        Mount(settings.base_path, routes=web_routes),
        Mount("/bsre", routes=public.bsre_routes()),
    ]
    if settings.simulation:
        routes.append(Mount("/_sim", routes=control_api.routes()))
    app = Starlette(
        routes=routes,
        exception_handlers={
            LoginRequired: _login_required,
            DomainError: _domain_error,
            HTTPException: _http_error,
            Exception: _server_error,
        },
    )
    app.state.lpse = lpse
    app.state.templates = jinja2.Environment(
        loader=jinja2.PackageLoader("fake_spse.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    secret = _secret(settings.data_dir / "session.key")
    return SessionMiddleware(app, db=lpse.db, secret=secret, now=lpse.clock.now)  # type: ignore[return-value]


def _secret(path: Path) -> bytes:
    if not path.exists():
        path.write_bytes(secrets.token_bytes(32))
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
    code = secrets.token_hex(4).upper()
    traceback.print_exception(exc)
    return render(request, "error.html", {"error_code": code}, status=500)
