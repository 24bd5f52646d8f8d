"""Login, logout and the vendor's online registration."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import VendorRegistration
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.web.common import form_data, redirect, render, services, session, texts

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
        account = await call(
            services(request).accounts.authenticate,
            fields.get("user_id", ""),
            fields.get("password", ""),
        )
    except DomainError as exc:
        return render(request, "login.html", {"errors": texts(request, exc)}, status=400)
    await call(services(request).accounts.bind_session, session(request).sid, account.user_id)
    return redirect(request, "/dashboard")


async def logout(request: Request) -> Response:
    await call(services(request).accounts.bind_session, session(request).sid, None)
    return redirect(request, "/")


async def register(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "registrasi.html", {"form": {}})
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        form = VendorRegistration(**{name: fields.get(name, "") for name in REGISTRATION_FIELDS})
        account = await call(services(request).accounts.register_vendor, form)
    except DomainError as exc:
        safe = {k: v for k, v in fields.items() if "password" not in k}
        return render(
            request, "registrasi.html", {"form": safe, "errors": texts(request, exc)}, status=400
        )
    return render(request, "registrasi_berhasil.html", {"account": account})


def routes() -> list[Route]:
    return [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout),
        Route("/registrasi", register, methods=["GET", "POST"]),
    ]
