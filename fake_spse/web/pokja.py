"""The pokja's side: creating a package and the offer opening page."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError
from fake_spse.domain.numbers import whole_number
from fake_spse.domain.offers import parse_part, parts_for_method
from fake_spse.domain.tenders import JENIS_PENGADAAN, TenderDraft, rupiah
from fake_spse.service.blocking import call
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


async def new_tender(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    context: dict[str, object] = {
        "jenis": JENIS_PENGADAAN,
        "form": {},
        "certificate": the_services.certificates.certificate_of(pokja.user_id),
    }
    if request.method == "GET":
        return render(request, "paket_baru.html", context)
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        draft = TenderDraft(
            name=fields.get("name", ""),
            instansi=fields.get("instansi", "") or the_services.settings.lpse_name,
            satker=fields.get("satker", ""),
            jenis_pengadaan=_number(fields, "jenis_pengadaan", "Jenis pengadaan"),
            pagu=_number(fields, "pagu", "Nilai pagu"),
            hps=_number(fields, "hps", "Nilai HPS"),
            lokasi=fields.get("lokasi", ""),
            tahun=the_services.simulation.now().year,
            metode=fields.get("metode", "").strip(),
        )
        tender = await call(the_services.tenders.create_tender, pokja, draft)
    except DomainError as exc:
        context.update(form=fields, errors=texts(request, exc))
        return render(request, "paket_baru.html", context, status=400)
    message = the_services.messages.text(
        "tender.dibuat", name=tender.name, tender_id=tender.tender_id
    )
    return redirect(request, f"/lelang/{tender.tender_id}/pengumumanlelang", message)


def _number(fields: dict[str, str], name: str, label: str) -> int:
    raw = fields.get(name, "").replace(".", "").replace(",", "").strip()
    number = whole_number(raw)
    if number is None:
        raise DomainError("tender.angka_tidak_valid", field=label)
    return number


async def opening_page(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    try:
        the_services.offers.require_protection("ca")
        # A dua file tender opens on File I; File II (``?bagian=file2``) only after File I
        # was evaluated, with the File II of those who passed it.
        tender, offers = await call(
            the_services.offers.offers_for_opening,
            pokja,
            request.path_params["tender_id"],
            request.query_params.get("bagian", ""),
        )
        wanted = request.query_params.get("bagian") or parts_for_method(tender.method)[0]
        part = parse_part(wanted, tender.method)
    except DomainError as exc:
        return error_page(request, exc)
    rows = [
        {
            "offer": offer,
            "vendor": the_services.accounts.account(offer.vendor_id),
            "opening": the_services.offers.opening(offer.offer_id),
            "price": the_services.offers.shown_price(offer),
        }
        for offer in offers
    ]
    return render(
        request,
        "pembukaan.html",
        {
            "tender": tender,
            "rows": rows,
            "part": part,
            "parts": parts_for_method(tender.method),
        },
    )


async def offer_document(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    try:
        services(request).offers.require_protection("ca")
        offer, path = services(request).offers.offer_file(
            pokja, request.path_params["tender_id"], int(request.path_params["offer_id"])
        )
    except DomainError as exc:
        return error_page(request, exc)
    return FileResponse(
        path, media_type="application/octet-stream", filename=f"penawaran-{offer.offer_id}.p7m"
    )


async def record_opening(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    try:
        the_services.offers.require_protection("ca")
        check_token(request, request.headers.get("x-authenticity-token"))
        body = json.loads(await request.body())
        result = await call(
            the_services.offers.record_opening,
            pokja,
            request.path_params["tender_id"],
            int(request.path_params["offer_id"]),
            code=str(body.get("code", "")),
            signer_subject=str(body.get("signer_subject", "")),
            files=tuple(str(f) for f in body.get("files", [])),
            correction=body.get("koreksi") is True,
        )
    except DomainError as exc:
        return JSONResponse({"ok": False, "messages": texts(request, exc)}, status_code=400)
    except (ValueError, AttributeError):
        message = the_services.messages.text("pembukaan.status_tidak_dikenal")
        return JSONResponse({"ok": False, "messages": [message]}, status_code=400)
    offer = the_services.offers.stored_offer(
        request.path_params["tender_id"], int(request.path_params["offer_id"])
    )[0]
    price = the_services.offers.shown_price(offer)
    return JSONResponse(
        {
            "ok": True,
            "status": the_services.messages.text(f"pembukaan.{result.code}"),
            "harga": "-" if price is None else rupiah(price),
        }
    )


def routes() -> list[Route]:
    return [
        Route("/pokja/paket/baru", new_tender, methods=["GET", "POST"]),
        Route("/lelang/{tender_id:str}/pembukaan", opening_page),
        Route("/lelang/{tender_id:str}/pembukaan/{offer_id:int}/dokumen", offer_document),
        Route("/lelang/{tender_id:str}/pembukaan/{offer_id:int}", record_opening, methods=["POST"]),
    ]
