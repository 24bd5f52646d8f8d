"""SPSE 4's public package search and detail pages, as public scrapers see them.

``/dt/lelang`` (and ``/dt/pl``, ``/dt/nonspk``, which list no packages here) is the DataTables
endpoint the tender list page calls; ``/lelang/{id}/peserta`` is the participant page (the
evaluation and winner pages are in web/evaluation.py).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.errors import DomainError
from fake_spse.domain.numbers import whole_number
from fake_spse.domain.tender_listing import (
    DEFAULT_LENGTH,
    ListingPage,
    ListingQuery,
    datatables_json,
    parse_query,
    query_tenders,
)
from fake_spse.domain.tenders import JENIS_PENGADAAN, Tender, rupiah
from fake_spse.service.blocking import call
from fake_spse.service.evaluation import ParticipantResult
from fake_spse.service.services import Services
from fake_spse.web.common import check_token, error_page, render, services, text


async def tender_page(the_services: Services, query: ListingQuery) -> ListingPage:
    """One page of the tender list (every tender is read, in a worker thread)."""
    return query_tenders(await call(the_services.tenders.listed_tenders), query)


async def _params(request: Request) -> dict[str, str]:
    """The request's parameters: the query string (GET), plus the posted form (POST)."""
    params = dict(request.query_params)
    if request.method == "POST":
        form = await request.form()
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params


def _query(request: Request, params: dict[str, str]) -> ListingQuery:
    # A POST is checked like every SPSE form; older SPSE 4 builds answered a plain GET too.
    if request.method == "POST":
        check_token(request, params.get("authenticityToken"))
    return parse_query(params)


def _dt_error(request: Request, params: dict[str, str], error: DomainError) -> JSONResponse:
    draw = params.get("draw", "0")
    status = 403 if error.key == "token.tidak_valid" else 400
    body = {
        "draw": whole_number(draw) or 0,
        "recordsTotal": 0,
        "recordsFiltered": 0,
        "data": [],
        "error": text(request, error),
    }
    return JSONResponse(body, status_code=status)


async def dt_lelang(request: Request) -> Response:
    params = await _params(request)
    try:
        query = _query(request, params)
    except DomainError as exc:
        return _dt_error(request, params, exc)
    the_services = services(request)
    page = await tender_page(the_services, query)
    return JSONResponse(datatables_json(page, the_services.simulation.now(), rupiah))


async def dt_empty(request: Request) -> Response:
    """Non-tender (``pl``) and non-SPK (``nonspk``) packages: this LPSE lists none."""
    params = await _params(request)
    try:
        query = _query(request, params)
    except DomainError as exc:
        return _dt_error(request, params, exc)
    page = ListingPage(draw=query.draw, records_total=0, records_filtered=0)
    return JSONResponse(datatables_json(page, services(request).simulation.now(), rupiah))


async def participants(request: Request) -> Response:
    the_services = services(request)

    def read() -> tuple[Tender, list[ParticipantResult], bool]:
        tender = the_services.tenders.tender(request.path_params["tender_id"])
        # Offers are sealed: SPSE shows their prices only once the opening has started, and
        # only for an offer the pokja could open.
        opening = the_services.profile.method(tender.method).opening_stages[0]
        shown = tender.schedule.has_started(opening, the_services.simulation.now())
        return tender, the_services.evaluation.results(tender.tender_id), shown

    try:
        tender, rows, prices_shown = await call(read)  # SQLite: off the event loop
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request,
        "peserta.html",
        {"tender": tender, "rows": rows, "prices_shown": prices_shown},
    )


def routes() -> list[Route]:
    return [
        Route("/dt/lelang", dt_lelang, methods=["GET", "POST"]),
        Route("/dt/pl", dt_empty, methods=["GET", "POST"]),
        Route("/dt/nonspk", dt_empty, methods=["GET", "POST"]),
        Route("/lelang/{tender_id:str}/peserta", participants),
    ]


async def first_page_context(the_services: Services) -> dict[str, object]:
    """What the tender list page needs: its first page and the texts its script fills in."""
    return {
        "listing": await tender_page(the_services, ListingQuery()),
        "page_length": DEFAULT_LENGTH,
        "jenis": JENIS_PENGADAAN,
        "info_template": the_services.messages.templates()["dt.info"],
    }
