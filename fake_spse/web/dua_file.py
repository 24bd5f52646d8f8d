"""Seleksi dua file: the pokja's 'Evaluasi Administrasi dan Teknis (File I)' page, whose result
decides whose File II (harga) the opening page lists."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.dua_file import File1Marks
from fake_spse.domain.errors import DomainError
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
        {"tender": tender, "rows": rows, "errors": errors or []},
        status=status,
    )


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
