"""Certificate pages: AMS registration (the red link) and Import APD (the "Sertifikat" menu).

AMS: SpamKodok 2 makes the key and CSR, SPSE sends the CSR with the recommendation letter to
BSrE and hands back the certificate for SpamKodok to embed. Import APD: SpamKodok 2 reads the old
SpamKodok's APD file, checks the old certificate and makes a new key; SPSE checks the old
certificate belongs to the user, asks BSrE for the new one and has the old revoked.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.certificates import UserCertificate
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.service.services import Services
from fake_spse.web.common import (
    check_token,
    read_letter,
    render,
    require_user,
    services,
    texts,
)


def _page(template: str) -> Any:
    async def page(request: Request) -> Response:
        user = require_user(request, Role.PENYEDIA, Role.POKJA)
        certificate = services(request).certificates.certificate_of(user.user_id)
        return render(request, template, {"certificate": certificate})

    return page


async def ams_submit(request: Request) -> Response:
    """Multipart: the recommendation letter (``surat``) and SpamKodok's CSR (``csr``)."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    try:
        async with request.form() as form:
            name, data = await _checked_letter(request, form, the_services)
            certificate = await call(
                the_services.certificates.register_ams,
                user,
                letter_name=name,
                letter=data,
                csr_pem=_text(form.get("csr")) or "",
            )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    return _issued(the_services, certificate, the_services.messages.text("ams.berhasil"))


async def apd_submit(request: Request) -> Response:
    """Multipart: ``surat`` (recommendation letter), ``sertifikat_lama`` (PEM), ``csr`` (PEM)."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    try:
        async with request.form() as form:
            name, data = await _checked_letter(request, form, the_services)
            certificate, old_serial = await call(
                the_services.certificates.upgrade_certificate,
                user,
                old_certificate_pem=_text(form.get("sertifikat_lama")) or "",
                csr_pem=_text(form.get("csr")) or "",
                letter_name=name,
                letter=data,
            )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    message = the_services.messages.text("apd.berhasil", serial_lama=old_serial)
    return _issued(
        the_services, certificate, message, serial=certificate.serial, old_serial=old_serial
    )


async def _checked_letter(
    request: Request, form: FormData, the_services: Services
) -> tuple[str, bytes]:
    check_token(request, _text(form.get("authenticityToken")))
    return await read_letter(form, "surat", the_services.profile.ams_letter_max_bytes)


def _issued(
    the_services: Services, certificate: UserCertificate, message: str, **more: str
) -> Response:
    """What SpamKodok 2 needs to embed the certificate BSrE issued."""
    return JSONResponse(
        {
            "ok": True,
            "message": message,
            "embedded_message": the_services.messages.text("ams.tertanam"),
            "certificate_pem": certificate.pem,
            "chain_pem": the_services.certificates.ca_chain_pem(),
            "subject": certificate.subject,
            **more,
        }
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def routes() -> list[Route]:
    return [
        Route("/ams", _page("ams.html")),
        Route("/ams", ams_submit, methods=["POST"]),
        Route("/sertifikat/apd", _page("apd.html")),
        Route("/sertifikat/apd", apd_submit, methods=["POST"]),
    ]
