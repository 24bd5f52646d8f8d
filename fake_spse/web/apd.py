"""Import APD: the upgrade of an old SpamKodok certificate, reached from the "Sertifikat" menu.

SpamKodok 2 reads the APD file on the vendor's desk, checks the old certificate and makes a new
key; SPSE gets the old certificate and the new CSR (with the recommendation letter), checks the
old certificate belongs to the user, asks BSrE for the new certificate and has the old revoked.
"""

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


async def apd_page(request: Request) -> Response:
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    return render(
        request,
        "apd.html",
        {"certificate": services(request).certificates.certificate_of(user.user_id)},
    )


async def apd_submit(request: Request) -> Response:
    """Multipart: ``surat`` (recommendation letter), ``sertifikat_lama`` (PEM), ``csr`` (PEM)."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    max_letter = the_services.profile.ams_letter_max_bytes
    try:
        async with request.form() as form:
            check_token(request, _text(form.get("authenticityToken")))
            name, data = await read_letter(form, "surat", max_letter)
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
    return JSONResponse(
        {
            "ok": True,
            "message": the_services.messages.text("apd.berhasil", serial_lama=old_serial),
            "embedded_message": the_services.messages.text("ams.tertanam"),
            "certificate_pem": certificate.pem,
            "chain_pem": the_services.certificates.ca_chain_pem(),
            "subject": certificate.subject,
            "serial": certificate.serial,
            "old_serial": old_serial,
        }
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def routes() -> list[Route]:
    return [
        Route("/sertifikat/apd", apd_page),
        Route("/sertifikat/apd", apd_submit, methods=["POST"]),
    ]
