"""AMS registration: the red link's page and the endpoint that gets a certificate from BSrE."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.web.common import (
    check_token,
    read_letter,
    render,
    require_user,
    services,
    texts,
)


async def ams_page(request: Request) -> Response:
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    return render(
        request,
        "ams.html",
        {"certificate": services(request).certificates.certificate_of(user.user_id)},
    )


async def ams_submit(request: Request) -> Response:
    """Multipart: the recommendation letter (``surat``) and SpamKodok's CSR (``csr``)."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    max_letter = the_services.profile.ams_letter_max_bytes
    try:
        async with request.form() as form:
            check_token(request, _text(form.get("authenticityToken")))
            name, data = await read_letter(form, "surat", max_letter)
            certificate = await call(
                the_services.certificates.register_ams,
                user,
                letter_name=name,
                letter=data,
                csr_pem=_text(form.get("csr")) or "",
            )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    return JSONResponse(
        {
            "ok": True,
            "message": the_services.messages.text("ams.berhasil"),
            "embedded_message": the_services.messages.text("ams.tertanam"),
            "certificate_pem": certificate.pem,
            "chain_pem": the_services.certificates.ca_chain_pem(),
            "subject": certificate.subject,
        }
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def routes() -> list[Route]:
    return [
        Route("/ams", ams_page),
        Route("/ams", ams_submit, methods=["POST"]),
    ]
