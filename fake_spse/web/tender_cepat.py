"""The pokja's Tender Cepat page: the opened offers ranked by price, and Penetapan Pemenang."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError
from fake_spse.domain.tenders import rupiah
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
    require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        tender = the_services.tender_cepat.cepat_tender(tender_id)
        rows = the_services.tender_cepat.ranking(tender_id)
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request,
        "tender_cepat.html",
        {
            "tender": tender,
            "rows": rows,
            "winner": the_services.evaluation.winner(tender_id),
            "errors": errors or [],
        },
        status=status,
    )


async def ranking_page(request: Request) -> Response:
    """GET: every participant's offer, the acceptable ones ranked by price."""
    return _page(request)


async def penetapan(request: Request) -> Response:
    """POST: fix the winner (lowest acceptable price) or declare the Tender Cepat failed."""
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        await form_data(request)
        winner = await call(the_services.tender_cepat.decide_winner, pokja, tender_id)
    except DomainError as exc:
        return _page(request, texts(request, exc), status=400)
    if winner is None:
        reason = the_services.tenders.tender(tender_id).failed_reason or ""
        message = the_services.messages.text("tender.gagal", alasan=reason)
    else:
        message = the_services.messages.text(
            "pemenang.ditetapkan",
            peserta=the_services.accounts.account(winner.vendor_id).display_name,
            harga=rupiah(winner.price_rupiah),
        )
    return redirect(request, f"/lelang/{tender_id}/tendercepat", message)


def routes() -> list[Route]:
    return [
        Route("/lelang/{tender_id:str}/tendercepat", ranking_page),
        Route("/lelang/{tender_id:str}/tendercepat/penetapan", penetapan, methods=["POST"]),
    ]
