"""Login (Penyedia / Non Penyedia), logout, the vendor's registration by e-mail link, and Lupa
Password."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import VendorRegistration
from fake_spse.domain.email_links import EmailLink
from fake_spse.domain.errors import DomainError
from fake_spse.domain.login_throttle import LoginThrottle
from fake_spse.service.blocking import call, call_hashing
from fake_spse.web import session as sessions
from fake_spse.web.common import form_data, redirect, render, services, texts, url

# The form behind the registration link; the e-mail address comes from the link.
REGISTRATION_FIELDS = (
    "user_id",
    "password",
    "password_confirm",
    "company",
    "npwp",
    "address",
    "phone",
    "director",
)
FORM_PATH = "/registrasi/formulir"
RESET_PATH = "/lupa-password/baru"


def throttle(request: Request) -> LoginThrottle:
    """The app's login throttle (made on first use: it lives as long as the app)."""
    found: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if found is None:
        found = request.app.state.login_throttle = LoginThrottle()
    return found


async def login(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "login.html", {"jenis": "penyedia"})
    address = request.client.host if request.client else ""
    now = services(request).simulation.now()
    user_id = ""
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        user_id = fields.get("user_id", "")
        until = throttle(request).locked_until(user_id, address, now)
        if until is not None:
            raise DomainError("login.terlalu_sering", until=until)
        account = await call_hashing(
            services(request).accounts.authenticate,
            user_id,
            fields.get("password", ""),
            kind=fields.get("jenis"),
        )
    except DomainError as exc:
        status = 429 if exc.key == "login.terlalu_sering" else 400
        if exc.key == "login.gagal":
            throttle(request).failed(user_id, address, now)
        return render(
            request,
            "login.html",
            {"errors": texts(request, exc), "jenis": fields.get("jenis") or "penyedia"},
            status=status,
        )
    throttle(request).succeeded(account.user_id)
    # A new id and token: a session cookie planted before login never becomes the user's.
    request.scope["session"] = await call(sessions.log_in, request.scope, account.user_id)
    return redirect(request, "/dashboard")


async def logout(request: Request) -> Response:
    """POST with the authenticity token (a link or another site's page cannot log anyone out)."""
    await form_data(request)
    request.scope["session"] = await call(sessions.log_out, request.scope)
    return redirect(request, "/")


def link_prefix(request: Request, path: str) -> str:
    """The absolute link (up to the token) a mail of this LPSE carries for ``path``.

    From ``Settings.public_url`` when set: a link built from the request's Host header could be
    pointed at another site by whoever asks for a Lupa Password link for someone else's account.
    """
    base = services(request).settings.public_url or str(request.base_url)
    return base.rstrip("/") + url(request, path) + "?token="


async def register(request: Request) -> Response:
    """'Daftar': SPSE 4 asks for an e-mail address first and mails the registration link."""
    accounts = services(request).accounts
    return await _mail_a_link(
        request, "daftar.html", accounts.request_registration, FORM_PATH, "daftar.email_terkirim"
    )


async def registration_form(request: Request) -> Response:
    """The registration form behind the mailed link (for the link's e-mail address)."""
    accounts = services(request).accounts
    if request.method == "GET":
        token = request.query_params.get("token", "")
        try:
            opened = await call(accounts.registration_link, token)
        except DomainError as exc:
            return render(request, "tautan_ditolak.html", {"errors": texts(request, exc)}, 400)
        context = {"form": {}, "email": opened.email, "link": token}
        return render(request, "registrasi.html", context)
    fields: dict[str, str] = {}
    token = ""
    link: EmailLink | None = None
    try:
        fields = await form_data(request)
        token = fields.get("link", "")
        link = await call(accounts.registration_link, token)
        form = VendorRegistration(
            **{name: fields.get(name, "") for name in REGISTRATION_FIELDS}, email=link.email
        )
        account = await call_hashing(accounts.register_with_link, token, form)
    except DomainError as exc:
        if link is None or exc.key.startswith("tautan."):
            return render(request, "tautan_ditolak.html", {"errors": texts(request, exc)}, 400)
        safe = {k: v for k, v in fields.items() if "password" not in k}
        context = {"form": safe, "email": link.email, "link": token, "errors": texts(request, exc)}
        return render(request, "registrasi.html", context, status=400)
    return render(request, "registrasi_berhasil.html", {"account": account})


async def forgot_password(request: Request) -> Response:
    """Lupa Password: the account's e-mail address; SPSE mails a new-password link."""
    accounts = services(request).accounts
    return await _mail_a_link(
        request,
        "lupa_password.html",
        accounts.request_password_reset,
        RESET_PATH,
        "lupa_password.terkirim",
    )


async def _mail_a_link(
    request: Request,
    template: str,
    mail_link: Callable[[str, str], EmailLink],
    path: str,
    sent_key: str,
) -> Response:
    """The e-mail-only form of ``template``: ``mail_link`` (address, link prefix to ``path``)
    mails the link; the page then says ``sent_key``, or shows the form with SPSE's refusal."""
    if request.method == "GET":
        return render(request, template, {"email": ""})
    email = ""
    try:
        fields = await form_data(request)
        email = fields.get("email", "")
        link = await call(mail_link, email, link_prefix(request, path))
    except DomainError as exc:
        context = {"email": email, "errors": texts(request, exc)}
        return render(request, template, context, status=400)
    message = services(request).messages.text(sent_key, email=link.email)
    return render(request, "email_terkirim.html", {"message": message})


async def new_password(request: Request) -> Response:
    """The new-password form behind a Lupa Password link."""
    accounts = services(request).accounts
    if request.method == "GET":
        token = request.query_params.get("token", "")
        try:
            opened = await call(accounts.reset_link, token)
        except DomainError as exc:
            return render(request, "tautan_ditolak.html", {"errors": texts(request, exc)}, 400)
        return render(request, "password_baru.html", {"user_id": opened.user_id, "link": token})
    token = ""
    link: EmailLink | None = None
    try:
        fields = await form_data(request)
        token = fields.get("link", "")
        link = await call(accounts.reset_link, token)
        await call_hashing(
            accounts.reset_password,
            token,
            fields.get("password", ""),
            fields.get("password_confirm", ""),
        )
    except DomainError as exc:
        if link is None or exc.key.startswith("tautan."):
            return render(request, "tautan_ditolak.html", {"errors": texts(request, exc)}, 400)
        context = {"user_id": link.user_id, "link": token, "errors": texts(request, exc)}
        return render(request, "password_baru.html", context, status=400)
    return redirect(request, "/login", services(request).messages.text("lupa_password.berhasil"))


def routes() -> list[Route]:
    return [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/registrasi", register, methods=["GET", "POST"]),
        Route(FORM_PATH, registration_form, methods=["GET", "POST"]),
        Route("/lupa-password", forgot_password, methods=["GET", "POST"]),
        Route(RESET_PATH, new_password, methods=["GET", "POST"]),
    ]
