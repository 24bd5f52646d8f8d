"""SPSE NON CA pages (APENDO): the vendor's .rhs upload and the pokja's opening with the key.

Plain browser pages, no SpamKodok: the vendor downloads the package public key, encrypts with
APENDO on the desk and uploads the ``.rhs`` file through an ordinary file input; the pokja
downloads the package private key once the opening stage has started, opens each offer with
APENDO and records what it found. The rules live in ``fake_spse.service.apendo``; these
handlers only translate.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.apendo import APENDO_OPENING_CODES
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.service.offers import UploadCut
from fake_spse.web.common import (
    check_token,
    error_page,
    form_data,
    redirect,
    render,
    require_user,
    services,
    texts,
)
from fake_spse.web.streaming_form import FormError, FormTruncated, StreamingForm
from spse_shared.profile import UPLOAD_STAGE

FILE_FIELD = "dokumen"


def offer_path(tender_id: str) -> str:
    return f"/lelang/{tender_id}/penawaran-apendo"


def opening_path(tender_id: str) -> str:
    return f"/lelang/{tender_id}/pembukaan-apendo"


def _attachment(content: str, filename: str) -> Response:
    return Response(
        content,
        media_type="application/x-pem-file",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


# vendor -----------------------------------------------------------------------------------------
def _offer_page(
    request: Request, vendor: Account, errors: list[str] | None = None, status: int = 200
) -> Response:
    the_services = services(request)
    try:
        tender, key = the_services.apendo.apendo_offer_page(
            vendor, request.path_params["tender_id"]
        )
    except DomainError as exc:
        return error_page(request, exc)
    context = {
        "tender": tender,
        "key": key,
        "offer": the_services.offers.current_offer(vendor, tender.tender_id),
        "deadline": tender.schedule.window(UPLOAD_STAGE).end,
        "file_field": FILE_FIELD,
        "errors": errors or [],
    }
    return render(request, "penawaran_apendo.html", context, status=status)


async def offer_page(request: Request) -> Response:
    return _offer_page(request, require_user(request, Role.PENYEDIA))


async def public_key(request: Request) -> Response:
    user = require_user(request)
    try:
        key = services(request).apendo.package_public_key(user, request.path_params["tender_id"])
    except DomainError as exc:
        return error_page(request, exc)
    return _attachment(key.certificate_pem, f"kunci-publik-paket-{key.tender_id}.pem")


async def upload(request: Request) -> Response:
    """The form's file is streamed into the blob store as it arrives (never spooled whole)."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    form: StreamingForm | None = None
    try:
        form = StreamingForm(request)
        file_name = await form.next_file(FILE_FIELD)
        check_token(request, form.fields.get("authenticityToken"))
        receipt = await the_services.apendo.receive_apendo_offer(
            vendor, tender_id, file_name or "", form.file_chunks()
        )
    except DomainError as exc:
        errors = texts(request, exc)
    except (UploadCut, ClientDisconnect, FormTruncated):
        errors = [the_services.messages.text("penawaran.terputus")]
    except FormError:
        errors = [the_services.messages.text("apendo.form_tidak_valid")]
    else:
        message = the_services.messages.text("penawaran.berhasil")
        if receipt.replaced:
            message += " " + the_services.messages.text("apendo.menggantikan")
        return redirect(request, offer_path(tender_id), message)
    if form is not None:
        await form.drain(the_services.profile.upload_max_bytes)
    return _offer_page(request, vendor, errors=errors, status=400)


# pokja ------------------------------------------------------------------------------------------
def _opening_page(
    request: Request, pokja: Account, errors: list[str] | None = None, status: int = 200
) -> Response:
    the_services = services(request)
    try:
        tender, key, offers = the_services.apendo.apendo_opening(
            pokja, request.path_params["tender_id"]
        )
    except DomainError as exc:
        return error_page(request, exc)
    rows = [
        {
            "offer": offer,
            "vendor": the_services.accounts.account(offer.vendor_id),
            "opening": the_services.offers.opening(offer.offer_id),
        }
        for offer in offers or []
    ]
    context = {
        "tender": tender,
        "key": key,
        "started": offers is not None,
        "opening_start": tender.schedule.window(
            the_services.profile.method(tender.method).opening_stages[0]
        ).start,
        "rows": rows,
        "codes": APENDO_OPENING_CODES,
        "errors": errors or [],
    }
    return render(request, "pembukaan_apendo.html", context, status=status)


async def opening_page(request: Request) -> Response:
    return _opening_page(request, require_user(request, Role.POKJA))


async def private_key(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    tender_id = request.path_params["tender_id"]
    try:
        content = await call(services(request).apendo.release_package_key, pokja, tender_id)
    except DomainError as exc:
        return error_page(request, exc)
    return _attachment(content, f"kunci-privat-paket-{tender_id}.pem")


async def offer_document(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    try:
        offer, path = services(request).apendo.apendo_offer_file(
            pokja, request.path_params["tender_id"], int(request.path_params["offer_id"])
        )
    except DomainError as exc:
        return error_page(request, exc)
    return FileResponse(
        path, media_type="application/octet-stream", filename=f"penawaran-{offer.offer_id}.rhs"
    )


async def record_opening(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        fields = await form_data(request)
        result = await call(
            the_services.apendo.record_apendo_opening,
            pokja,
            tender_id,
            int(request.path_params["offer_id"]),
            code=fields.get("hasil", ""),
            files=tuple(fields.get("berkas", "").splitlines()),
            correction=fields.get("koreksi") == "ya",
        )
        offer, _ = the_services.apendo.apendo_offer_file(pokja, tender_id, result.offer_id)
    except DomainError as exc:
        return _opening_page(request, pokja, errors=texts(request, exc), status=400)
    message = the_services.messages.text(
        "apendo.hasil_dicatat",
        vendor=the_services.accounts.account(offer.vendor_id).display_name,
        status=the_services.messages.text(f"pembukaan.{result.code}"),
    )
    return redirect(request, opening_path(tender_id), message)


def routes() -> list[Route]:
    return [
        Route("/lelang/{tender_id:str}/penawaran-apendo", offer_page),
        Route("/lelang/{tender_id:str}/penawaran-apendo", upload, methods=["POST"]),
        Route("/lelang/{tender_id:str}/kunci-publik-paket", public_key),
        Route("/lelang/{tender_id:str}/pembukaan-apendo", opening_page),
        Route("/lelang/{tender_id:str}/pembukaan-apendo/kunci-privat", private_key),
        Route("/lelang/{tender_id:str}/pembukaan-apendo/{offer_id:int}/dokumen", offer_document),
        Route(
            "/lelang/{tender_id:str}/pembukaan-apendo/{offer_id:int}",
            record_opening,
            methods=["POST"],
        ),
    ]
