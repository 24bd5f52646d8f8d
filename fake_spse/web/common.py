"""What every page handler needs: the LPSE's services, the session's user, the CSRF check,
and rendering."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

import jinja2
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.domain.scoring import two_places
from fake_spse.domain.tenders import rupiah
from fake_spse.service.services import Services
from fake_spse.web.session import ACCOUNT_AT_ARRIVAL, Session
from spse_shared.language import current_language, tr, tr_ticket_status
from spse_shared.wib import format_wib


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates shared by every app of this process, in memory, and by every
    process of the user through ``disk`` when given.

    An Environment compiles each template on first use: lexing, parsing and compiling a page
    costs far more than rendering it (all the pages a catalog run shows: about half a
    CPU-second, in every scenario worker and test process). Jinja checks each entry against
    the template's source checksum (and its own and Python's version), so an edited template
    is compiled anew.
    """

    def __init__(self, disk: Callable[[], jinja2.BytecodeCache | None] | None = None) -> None:
        self._compiled: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._disk_factory = disk
        self._disk: jinja2.BytecodeCache | None = None

    def _on_disk(self) -> jinja2.BytecodeCache | None:
        # Made on first use: importing the pages creates no folder.
        with self._lock:
            if self._disk_factory is not None:
                self._disk, self._disk_factory = self._disk_factory(), None
            return self._disk

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._lock:
            compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)
            return
        disk = self._on_disk()
        if disk is not None:
            disk.load_bytecode(bucket)
            if bucket.code is not None:
                with self._lock:
                    self._compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = bucket.bytecode_to_string()
        with self._lock:
            self._compiled[bucket.key] = compiled
        disk = self._on_disk()
        if disk is not None:
            # A cache that cannot be written is only slower.
            with contextlib.suppress(OSError):
                disk.dump_bytecode(bucket)


def _user_template_cache() -> jinja2.BytecodeCache | None:
    """Jinja's per-user cache folder in the temporary directory (owner-only, checked by
    Jinja), or None when there is none to be had."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


# The one cache of compiled templates of this process (the pages' and the trainer panel's).
COMPILED_TEMPLATES = CompiledTemplates(disk=_user_template_cache)


@cache
def page_templates() -> jinja2.Environment:
    """The SPSE pages' templates: one Environment per process, shared by every app.

    Every LPSE renders the same templates with the same globals, and an Environment keeps
    each template it loaded: shared, a scenario worker loads each page's template once, not
    once per scenario (reading its source, checking it and building the template from its
    compiled code cost more than rendering a page). Jinja still reloads a template whose
    file changed.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("fake_spse.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    # SPSE 4 offers its pages in English too: labels go through tr, <html lang> through lang.
    env.globals["tr"] = tr
    env.globals["lang"] = current_language
    env.globals["ticket_status"] = tr_ticket_status
    return env


def services(request: Request) -> Services:
    """The LPSE's services, built once by ``create_app``."""
    found: Services = request.app.state.services
    return found


def session(request: Request) -> Session:
    found: Session = request.scope["session"]
    return found


def url(request: Request, path: str) -> str:
    """A path under SPSE's base path (``/eproc4``)."""
    return services(request).settings.base_path + path


def current_user(request: Request) -> Account | None:
    user_id = session(request).user_id
    if user_id is None:
        return None
    read = request.scope.get(ACCOUNT_AT_ARRIVAL)  # read with the session, off the event loop
    if isinstance(read, Account) and read.user_id == user_id:
        return read
    return services(request).accounts.find(user_id)  # the session changed (login) since


class LoginRequired(Exception):
    """Raised inside handlers; turned into a redirect to the login page."""


def require_user(request: Request, *roles: Role) -> Account:
    """The logged-in user with one of ``roles`` (any role when none given)."""
    user = current_user(request)
    if user is None:
        raise LoginRequired
    if roles and user.role not in roles:
        raise Forbidden("akses.ditolak")
    return user


async def form_data(request: Request) -> dict[str, str]:
    """The posted form's text fields, after the authenticity-token check."""
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    check_token(request, fields.get("authenticityToken"))
    return fields


def check_token(request: Request, token: str | None) -> None:
    if token != session(request).auth_token:
        raise DomainError("token.tidak_valid")


def text(request: Request, error: DomainError) -> str:
    return services(request).messages.text(error.key, **_display(error.params))


def texts(request: Request, error: DomainError) -> list[str]:
    problems = error.problems if isinstance(error, FormProblems) else [error]
    return [text(request, p) for p in problems]


# SPSE's date style under the name the templates use.
wib = format_wib


# Parameters naming a thing by its Bahasa Indonesia label (a form field, a ticket action or
# tier): shown in the page's language like every label. Other parameters are data.
LABEL_PARAMS = frozenset({"field", "action", "tier"})


def _display(params: dict[str, object]) -> dict[str, object]:
    return {k: _shown(k, v) for k, v in params.items()}


def _shown(name: str, value: object) -> object:
    if isinstance(value, datetime):
        return wib(value)
    if name in LABEL_PARAMS and isinstance(value, str):
        return tr(value)
    if name == "status" and isinstance(value, str):  # a ticket's status (support.aksi_*)
        return tr_ticket_status(value)
    return value


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    the_services = services(request)
    ctx: dict[str, Any] = {
        "request": request,
        "services": the_services,
        "profile": the_services.profile,
        "user": current_user(request),
        "token": session(request).auth_token,
        "base": the_services.settings.base_path,
        "now": the_services.simulation.now(),
        "msg": the_services.messages.text,
        "wib": wib,
        "rupiah": rupiah,
        "skor": two_places,
        "flash": request.query_params.get("pesan"),
        "errors": [],
        "messages": [],
        "not_found": False,
        "error_code": None,
        "catalog_json": the_services.messages.templates_json,
    }
    ctx.update(context or {})
    return HTMLResponse(env.get_template(template).render(ctx), status_code=status)


def error_page(request: Request, error: DomainError) -> HTMLResponse:
    """SPSE's error pages: 'Halaman yang dituju tidak ditemukan' or 'Terjadi Kesalahan'."""
    status = 404 if isinstance(error, NotFound) else 403 if isinstance(error, Forbidden) else 400
    return render(request, "error.html", {"messages": texts(request, error)}, status=status)


def redirect(request: Request, path: str, message: str | None = None) -> RedirectResponse:
    target = url(request, path)
    if message:
        from urllib.parse import quote

        target += ("&" if "?" in target else "?") + "pesan=" + quote(message)
    return RedirectResponse(target, status_code=303)


def login_redirect(request: Request) -> Response:
    return redirect(request, "/login", services(request).messages.text("login.harus_login"))


async def read_letter(form: FormData, field: str, max_bytes: int) -> tuple[str, bytes]:
    """The uploaded file ``field`` as (name, bytes), reading one byte past ``max_bytes``:
    enough to know it is too big, no more. ("", b"") when no file was chosen."""
    upload = form.get(field)
    if not isinstance(upload, UploadFile) or not upload.filename:
        return "", b""
    return upload.filename, await upload.read(max_bytes + 1)
