"""Seleksi dua file: the pokja's 'Evaluasi Administrasi dan Teknis (File I)' page, whose result
decides whose File II (harga) the opening page lists."""

from __future__ import annotations

from decimal import Decimal

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.dua_file import File1Marks
from fake_spse.domain.errors import DomainError
from fake_spse.domain.scoring import parse_nilai_teknis
from fake_spse.service.blocking import call
from fake_spse.web.common import (
    error_page,
    form_data,
    redirect,
    render,
    require_user,
    services,
    texts,
)


def _page(request: Request, errors: list[str] | None = None, status: int = 200) -> Response:
    pokja = require_user(request, Role.POKJA)
    try:
        tender, rows = services(request).dua_file.file1_rows(
            pokja, request.path_params["tender_id"]
        )
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request,
        "evaluasi_file1.html",
        {
            "tender": tender,
            "rows": rows,
            "rules": services(request).evaluation.kualitas_biaya(tender),
            "errors": errors or [],
        },
        status=status,
    )


def _nilai_teknis(request: Request, fields: dict[str, str]) -> Decimal | None:
    """The Nilai Teknis field: File I is where a Kualitas dan Biaya method scores teknis."""
    the_services = services(request)
    tender = the_services.tenders.tender(request.path_params["tender_id"])
    if the_services.evaluation.kualitas_biaya(tender) is None:
        return None
    return parse_nilai_teknis(fields.get("nilai_teknis", ""))


async def file1_page(request: Request) -> Response:
    return _page(request)


async def evaluate_file1(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    vendor_id = request.path_params["vendor_id"]
    try:
        fields = await form_data(request)
        marks = File1Marks(
            kualifikasi=fields.get("kualifikasi", "") == "lulus",
            administrasi=fields.get("administrasi", "") == "lulus",
            teknis=fields.get("teknis", "") == "lulus",
            reason=fields.get("alasan", ""),
            nilai_teknis=_nilai_teknis(request, fields),
        )
        await call(the_services.dua_file.evaluate_file1, pokja, tender_id, vendor_id, marks)
        name = (await call(the_services.accounts.account, vendor_id)).display_name
    except DomainError as exc:
        return _page(request, texts(request, exc), status=400)
    message = the_services.messages.text("evaluasi.tersimpan", peserta=name)
    return redirect(request, f"/lelang/{tender_id}/evaluasi-file1", message)


def routes() -> list[Route]:
    return [
        Route("/lelang/{tender_id:str}/evaluasi-file1", file1_page),
        Route(
            "/lelang/{tender_id:str}/evaluasi-file1/{vendor_id:str}",
            evaluate_file1,
            methods=["POST"],
        ),
    ]
