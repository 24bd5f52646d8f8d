"""Login, logout and the vendor's online registration."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import VendorRegistration
from fake_spse.domain.errors import DomainError
from fake_spse.web import session as sessions
from fake_spse.web.common import form_data, lpse, redirect, render, session, texts

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


async def login(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "login.html")
    try:
        fields = await form_data(request)
        account = lpse(request).authenticate(fields.get("user_id", ""), fields.get("password", ""))
    except DomainError as exc:
        return render(request, "login.html", {"errors": texts(request, exc)}, status=400)
    the_lpse = lpse(request)
    old = session(request)
    if old.user_id is not None:
        the_lpse.db.delete_session(old.sid)
    # A new id and token: a session cookie planted before login never becomes the user's.
    request.scope["session"] = sessions.log_in(the_lpse.db, account.user_id, the_lpse.clock.now())
    return redirect(request, "/dashboard")


async def logout(request: Request) -> Response:
    """POST with the authenticity token (a link or another site's page cannot log anyone out)."""
    await form_data(request)
    request.scope["session"] = sessions.log_out(lpse(request).db, session(request))
    return redirect(request, "/")


async def register(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "registrasi.html", {"form": {}})
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        form = VendorRegistration(**{name: fields.get(name, "") for name in REGISTRATION_FIELDS})
        account = lpse(request).register_vendor(form)
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
