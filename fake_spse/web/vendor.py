"""The vendor's side: home, joining a tender, the offer upload page and its upload endpoint."""

from __future__ import annotations

import base64

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.offers import parse_part, parts_for_method
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
    wib,
)


async def join(request: Request) -> Response:
    vendor = require_user(request, Role.PENYEDIA)
    tender_id = request.path_params["tender_id"]
    try:
        fields = await form_data(request)
        if fields.get("setuju") != "ya":
            raise DomainError("tender.persetujuan_wajib")
        tender = await call(services(request).tenders.join_tender, vendor, tender_id)
    except DomainError as exc:
        return redirect(request, f"/lelang/{tender_id}/pengumumanlelang", texts(request, exc)[0])
    message = services(request).messages.text("tender.ikut_berhasil", name=tender.name)
    page = "penawaran-apendo" if services(request).profile.protection == "apendo" else "penawaran"
    return redirect(request, f"/lelang/{tender_id}/{page}", message)


async def offer_page(request: Request) -> Response:
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    try:
        the_services.offers.require_protection("ca")
        tender = the_services.tenders.tender(request.path_params["tender_id"])
        if not the_services.tenders.is_participant(vendor.user_id, tender.tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        # The page opens on the first part (File I of "dua file") unless one is asked for.
        wanted = request.query_params.get("bagian") or parts_for_method(tender.method)[0]
        part = parse_part(wanted, tender.method)
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request,
        "penawaran.html",
        {
            "tender": tender,
            "part": part,
            "parts": parts_for_method(tender.method),
            "offer": the_services.offers.current_offer(vendor, tender.tender_id, part),
            "certificate": the_services.certificates.certificate_of(vendor.user_id),
            "recipients": the_services.offers.offer_recipients(tender),
        },
    )


async def offer_letter(request: Request) -> Response:
    """JSON {harga, masa_berlaku, bagian}: SPSE generates the Surat Penawaran the page hands to
    SpamKodok to seal with the documents; answers its file name and bytes (base64)."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    try:
        the_services.offers.require_protection("ca")
        check_token(request, request.headers.get("x-authenticity-token"))
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise DomainError("penawaran.harga_tidak_valid")
        name, pdf, _ = await call(
            the_services.offers.prepare_letter,
            vendor,
            request.path_params["tender_id"],
            str(body.get("bagian") or ""),
            str(body.get("harga") or ""),
            str(body.get("masa_berlaku") or ""),
        )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    return JSONResponse(
        {
            "ok": True,
            "name": name,
            "data_b64": base64.b64encode(pdf).decode(),
            "message": the_services.messages.text("penawaran.surat_dibuat"),
        }
    )


async def upload_offer(request: Request) -> Response:
    """The sealed offer arrives as the raw request body and is streamed to disk."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    try:
        the_services.offers.require_protection("ca")
        check_token(request, request.headers.get("x-authenticity-token"))
        receipt = await the_services.offers.receive_offer(
            vendor,
            request.path_params["tender_id"],
            request.stream(),
            request.query_params.get("bagian"),
        )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    except (UploadCut, ClientDisconnect):
        # Nothing was kept; a real server would just see the connection go away.
        return JSONResponse(
            {"ok": False, "messages": [the_services.messages.text("penawaran.terputus")]},
            status_code=400,
        )
    offer = receipt.offer
    return JSONResponse(
        {
            "ok": True,
            "message": the_services.messages.text("penawaran.berhasil"),
            "offer_id": offer.offer_id,
            "sha256": offer.sha256,
            "size": offer.size,
            "received_at": offer.received_at.isoformat(),
            "received_at_wib": wib(offer.received_at),
            "replaced": receipt.replaced,
        }
    )


def routes() -> list[Route]:
    return [
        Route("/lelang/{tender_id:str}/ikut", join, methods=["POST"]),
        Route("/lelang/{tender_id:str}/penawaran", offer_page),
        Route("/lelang/{tender_id:str}/penawaran/kirim", upload_offer, methods=["POST"]),
        Route("/lelang/{tender_id:str}/penawaran/surat", offer_letter, methods=["POST"]),
    ]
