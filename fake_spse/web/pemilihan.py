"""Before the offer: Download Dokumen Pemilihan and the Pemberian Penjelasan page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
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


async def document(request: Request) -> Response:
    user = require_user(request, Role.PENYEDIA, Role.POKJA)
    tender_id = request.path_params["tender_id"]
    try:
        pdf = await call(services(request).pemilihan.document, user, tender_id)
    except DomainError as exc:
        return error_page(request, exc)
    headers = {"content-disposition": f'attachment; filename="dokumen-pemilihan-{tender_id}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


def _page(request: Request, errors: list[str] | None = None, status: int = 200) -> Response:
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        tender = the_services.tenders.tender(tender_id)
        questions = the_services.pemilihan.questions(tender_id)
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request,
        "penjelasan.html",
        {"tender": tender, "questions": questions, "errors": errors or []},
        status=status,
    )


async def penjelasan(request: Request) -> Response:
    """Every logged-in user sees the questions and answers; participants ask (POST)."""
    user = require_user(request)
    if request.method == "GET":
        return _page(request)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        fields = await form_data(request)
        await call(the_services.pemilihan.ask, user, tender_id, fields.get("pertanyaan", ""))
    except DomainError as exc:
        return _page(request, texts(request, exc), status=400)
    message = the_services.messages.text("penjelasan.terkirim")
    return redirect(request, f"/lelang/{tender_id}/penjelasan", message)


async def answer(request: Request) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        fields = await form_data(request)
        await call(
            the_services.pemilihan.answer,
            pokja,
            tender_id,
            int(request.path_params["question_id"]),
            fields.get("jawaban", ""),
        )
    except DomainError as exc:
        return _page(request, texts(request, exc), status=400)
    message = the_services.messages.text("penjelasan.dijawab")
    return redirect(request, f"/lelang/{tender_id}/penjelasan", message)


def routes() -> list[Route]:
    return [
        Route("/lelang/{tender_id:str}/dokumen-pemilihan", document),
        Route("/lelang/{tender_id:str}/penjelasan", penjelasan, methods=["GET", "POST"]),
        Route(
            "/lelang/{tender_id:str}/penjelasan/{question_id:int}/jawab", answer, methods=["POST"]
        ),
    ]
