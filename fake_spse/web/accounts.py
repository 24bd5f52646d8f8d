"""Login, logout and the vendor's online registration."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import VendorRegistration
from fake_spse.domain.errors import DomainError
from fake_spse.domain.login_throttle import LoginThrottle
from fake_spse.service.blocking import call, call_hashing
from fake_spse.web import session as sessions
from fake_spse.web.common import form_data, redirect, render, services, texts

REGISTRATION_FIELDS = (
    "user_id",
    "password",
    "password_confirm",
    "company",
    "npwp",
    "email",
    "address",
    "phone",
    "director",
)


def throttle(request: Request) -> LoginThrottle:
    """The app's login throttle (made on first use: it lives as long as the app)."""
    found: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if found is None:
        found = request.app.state.login_throttle = LoginThrottle()
    return found


async def login(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "login.html")
    address = request.client.host if request.client else ""
    now = services(request).simulation.now()
    user_id = ""
    try:
        fields = await form_data(request)
        user_id = fields.get("user_id", "")
        until = throttle(request).locked_until(user_id, address, now)
        if until is not None:
            raise DomainError("login.terlalu_sering", until=until)
        account = await call_hashing(
            services(request).accounts.authenticate, user_id, fields.get("password", "")
        )
    except DomainError as exc:
        status = 429 if exc.key == "login.terlalu_sering" else 400
        if exc.key == "login.gagal":
            throttle(request).failed(user_id, address, now)
        return render(request, "login.html", {"errors": texts(request, exc)}, status=status)
    throttle(request).succeeded(account.user_id)
    # A new id and token: a session cookie planted before login never becomes the user's.
    request.scope["session"] = await call(sessions.log_in, request.scope, account.user_id)
    return redirect(request, "/dashboard")


async def logout(request: Request) -> Response:
    """POST with the authenticity token (a link or another site's page cannot log anyone out)."""
    await form_data(request)
    request.scope["session"] = await call(sessions.log_out, request.scope)
    return redirect(request, "/")


async def register(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "registrasi.html", {"form": {}})
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        form = VendorRegistration(**{name: fields.get(name, "") for name in REGISTRATION_FIELDS})
        account = await call_hashing(services(request).accounts.register_vendor, form)
    except DomainError as exc:
        safe = {k: v for k, v in fields.items() if "password" not in k}
        return render(
            request, "registrasi.html", {"form": safe, "errors": texts(request, exc)}, status=400
        )
    return render(request, "registrasi_berhasil.html", {"account": account})


def routes() -> list[Route]:
    return [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/registrasi", register, methods=["GET", "POST"]),
    ]
