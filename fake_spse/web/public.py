"""Public pages: home, tender list, announcement, schedule; BSrE's published chain and CRL."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from fake_spse.domain.errors import DomainError
from fake_spse.domain.tenders import JENIS_PENGADAAN, Tender
from fake_spse.service.blocking import call
from fake_spse.web import listing
from fake_spse.web.common import error_page, render, services
from spse_shared.profile import UPLOAD_STAGE


async def home(request: Request) -> Response:
    """The public home: SPSE 4's announcements of running tenders, per category."""
    the_services = services(request)
    now = the_services.simulation.now()
    running = [
        t
        for t in the_services.tenders.tenders()
        if t.failed_reason is None and now < t.schedule.windows[-1].end
    ]
    categories = [
        (label, [t for t in running if t.jenis_pengadaan == code])
        for code, label in JENIS_PENGADAAN.items()
    ]
    return render(request, "home.html", {"categories": categories, "upload_stage": UPLOAD_STAGE})


async def tender_list(request: Request) -> Response:
    # The page around SPSE's DataTables table (see web/listing.py), with its first page.
    return render(request, "lelang.html", await listing.first_page_context(services(request)))


async def announcement(request: Request) -> Response:
    tenders = services(request).tenders

    def read() -> tuple[Tender, int]:
        tender = tenders.tender(request.path_params["tender_id"])
        return tender, len(tenders.participants(tender.tender_id))

    try:
        tender, participant_count = await call(read)  # SQLite: off the event loop
    except DomainError as exc:
        return error_page(request, exc)
    return render(
        request, "pengumuman.html", {"tender": tender, "participant_count": participant_count}
    )


async def schedule(request: Request) -> Response:
    try:
        tender = await call(services(request).tenders.tender, request.path_params["tender_id"])
    except DomainError as exc:
        return error_page(request, exc)
    return render(request, "jadwal.html", {"tender": tender})


async def ca_chain(request: Request) -> Response:
    return PlainTextResponse(
        await call(services(request).certificates.ca_chain_pem), media_type="application/x-pem-file"
    )


async def ca_crl(request: Request) -> Response:
    return PlainTextResponse(
        # Signing a CRL and counting it in BSrE's SQLite file: off the event loop.
        await call(services(request).certificates.ca_crl_pem),
        media_type="application/x-pem-file",
    )


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/lelang", tender_list),
        Route("/lelang/{tender_id:str}/pengumumanlelang", announcement),
        Route("/lelang/{tender_id:str}/jadwal", schedule),
    ]


def bsre_routes() -> list[Route]:
    return [Route("/chain.pem", ca_chain), Route("/crl.pem", ca_crl)]
