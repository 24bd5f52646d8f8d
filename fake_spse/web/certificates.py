"""Certificate pages: AMS registration (the red link) and Import APD (the "Sertifikat" menu).

AMS: SpamKodok 2 makes the key and CSR; a vendor's request (with the two recommendation
documents) waits for the LPSE's verifikator (fake_spse/web/ams_review.py); once approved, BSrE
issues the certificate and the vendor embeds it from this page ("Tanamkan Sertifikat"). A Non
Penyedia's request is issued at once and embedded in the same step.

Import APD: SpamKodok 2 reads the old SpamKodok's APD file, checks the old certificate and
makes a new key; SPSE checks the old certificate belongs to the user, asks BSrE for the new one
and has the old revoked (with the in-person step: only once the verifikator approved).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Role
from fake_spse.domain.certificates import UserCertificate
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.service.certificates import Document
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
        the_services = services(request)

        def read() -> tuple[UserCertificate | None, Any]:
            certificates = the_services.certificates
            latest = certificates.latest_request(user.user_id)
            reviewed = latest if latest is not None and latest.csr_pem else None
            return certificates.certificate_of(user.user_id), reviewed

        certificate, latest = await call(read)  # SQLite: off the event loop
        return render(
            request,
            template,
            {
                "certificate": certificate,
                "permintaan": latest,
                "review": ams_review,
                "originals": ams_review.ORIGINALS,
            },
        )

    return page


async def ams_submit(request: Request) -> Response:
    """Multipart: the copy of TDP/SIUP/SIUJK (``surat``), the director's stamped statement
    (``keterangan``, vendors only) and SpamKodok's CSR (``csr``)."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    try:
        async with request.form() as form:
            permit, statement = await _checked_documents(request, form, the_services)
            made = await call(
                the_services.certificates.request_certificate,
                user,
                permit=permit,
                statement=statement,
                csr_pem=_text(form.get("csr")) or "",
            )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    if made.status == ams_review.STATUS_WAITING:
        return _waiting(the_services, made.request_id, "ams.terkirim")
    certificate = await call(the_services.certificates.issued_certificate, made)
    return _issued(the_services, certificate, the_services.messages.text("ams.berhasil"))


def _waiting(the_services: Services, request_id: int, key: str) -> Response:
    """A request that now waits for the verifikator: nothing to embed yet."""
    return JSONResponse(
        {
            "ok": True,
            "menunggu": True,
            "request_id": request_id,
            "message": the_services.messages.text(key),
        }
    )


async def issued_certificate(request: Request) -> Response:
    """The certificate BSrE issued for the vendor's approved request, for SpamKodok 2 to
    embed ("Tanamkan Sertifikat")."""
    user = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    certificates = the_services.certificates
    try:

        def read() -> UserCertificate:
            found = certificates.ams_request(user, request.path_params["request_id"])
            if found.user_id != user.user_id or not ams_review.handover_available(found):
                raise DomainError("ams.belum_terbit")
            return certificates.issued_certificate(found)

        certificate = await call(read)
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    return _issued(the_services, certificate, the_services.messages.text("ams.berhasil"))


async def embedded(request: Request) -> Response:
    """SpamKodok 2 embedded the issued certificate: the request is "tertanam"."""
    user = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    try:
        check_token(request, request.headers.get("x-authenticity-token"))
        await call(
            the_services.certificates.confirm_embedded, user, request.path_params["request_id"]
        )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    return JSONResponse({"ok": True, "message": the_services.messages.text("ams.tertanam")})


async def handover(request: Request) -> Response:
    """The berita acara serah terima (PDF), for the request's vendor and the verifikator."""
    user = require_user(request, Role.PENYEDIA, Role.VERIFIKATOR, Role.ADMIN)
    made = await call(
        services(request).certificates.handover, user, request.path_params["request_id"]
    )
    return _file(made)


async def document(request: Request) -> Response:
    """One of the request's recommendation documents (``izin`` or ``keterangan``)."""
    user = require_user(request, Role.PENYEDIA, Role.VERIFIKATOR, Role.ADMIN)
    found = await call(
        services(request).certificates.document,
        user,
        request.path_params["request_id"],
        request.path_params["jenis"],
    )
    return _file(found)


def _file(document: Document) -> Response:
    kind = "application/pdf" if document.name.lower().endswith(".pdf") else "image/*"
    return Response(
        document.data,
        media_type="application/octet-stream" if kind == "image/*" else kind,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(document.name)}"},
    )


async def apd_submit(request: Request) -> Response:
    """Multipart: ``surat`` and ``keterangan`` (recommendation documents), ``sertifikat_lama``
    (PEM), ``csr`` (PEM), and ``hadir`` when the vendor chose the in-person step."""
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    the_services = services(request)
    certificates = the_services.certificates
    try:
        async with request.form() as form:
            permit, statement = await _checked_documents(request, form, the_services)
            old_pem = _text(form.get("sertifikat_lama")) or ""
            csr_pem = _text(form.get("csr")) or ""
            if certificates.upgrade_needs_review(user, chosen=form.get("hadir") == "ya"):
                made = await call(
                    certificates.request_upgrade,
                    user,
                    old_certificate_pem=old_pem,
                    csr_pem=csr_pem,
                    permit=permit,
                    statement=statement,
                )
                return _waiting(the_services, made.request_id, "apd.terkirim")
            certificate, old_serial = await call(
                certificates.upgrade_certificate,
                user,
                old_certificate_pem=old_pem,
                csr_pem=csr_pem,
                letter_name=permit.name,
                letter=permit.data,
            )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    message = the_services.messages.text("apd.berhasil", serial_lama=old_serial)
    return _issued(
        the_services, certificate, message, serial=certificate.serial, old_serial=old_serial
    )


async def _checked_documents(
    request: Request, form: FormData, the_services: Services
) -> tuple[Document, Document]:
    check_token(request, _text(form.get("authenticityToken")))
    limit = the_services.profile.ams_letter_max_bytes
    permit = Document(*await read_letter(form, "surat", limit))
    return permit, Document(*await read_letter(form, "keterangan", limit))


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
        Route("/ams/{request_id:int}/sertifikat", issued_certificate),
        Route("/ams/{request_id:int}/tertanam", embedded, methods=["POST"]),
        Route("/ams/{request_id:int}/berita-acara", handover),
        Route("/ams/{request_id:int}/dokumen/{jenis:str}", document),
        Route("/sertifikat/apd", _page("apd.html")),
        Route("/sertifikat/apd", apd_submit, methods=["POST"]),
    ]
