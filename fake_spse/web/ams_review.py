"""The verifikator's pages for vendors' certificate requests (the LPSE as RA): the queue, a
request with its documents, the vendor's visit with the originals, approve or reject."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.certificates import AmsRequest
from fake_spse.domain.errors import DomainError
from fake_spse.service.blocking import call
from fake_spse.service.certificates import Visit
from fake_spse.web.common import check_token, redirect, render, require_user, services, texts

QUEUE = "/verifikasi/sertifikat"


async def queue(request: Request) -> Response:
    require_user(request, Role.VERIFIKATOR, Role.ADMIN)
    the_services = services(request)

    def read() -> list[tuple[AmsRequest, Account | None]]:
        return [
            (r, the_services.accounts.find(r.user_id))
            for r in the_services.certificates.review_queue()
        ]

    rows = await call(read)  # SQLite: off the event loop
    return render(request, "ams_antrian.html", {"rows": rows, "review": ams_review})


async def detail(request: Request, errors: list[str] | None = None, status: int = 200) -> Response:
    checker = require_user(request, Role.VERIFIKATOR, Role.ADMIN)
    the_services = services(request)
    request_id: int = request.path_params["request_id"]

    def read() -> dict[str, Any]:
        found = the_services.certificates.ams_request(checker, request_id)
        certificate = None
        if found.serial is not None:
            certificate = the_services.certificates.issued_certificate(found)
        return {
            "permintaan": found,
            "vendor": the_services.accounts.find(found.user_id),
            "sertifikat": certificate,
        }

    context = await call(read)
    context.update(
        {"review": ams_review, "originals": ams_review.ORIGINALS, "errors": errors or []}
    )
    return render(request, "ams_permintaan.html", context, status=status)


async def _act(request: Request, action: str) -> Response:
    """One of the verifikator's buttons; back to the request with SPSE's answer."""
    checker = require_user(request, Role.VERIFIKATOR, Role.ADMIN)
    the_services = services(request)
    certificates = the_services.certificates
    request_id: int = request.path_params["request_id"]
    try:
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        check_token(request, fields.get("authenticityToken"))
        if action == "hadir":
            visit = Visit(
                attendee=fields.get("nama", ""),
                position=fields.get("jabatan", ""),
                originals=tuple(v for v in form.getlist("asli") if isinstance(v, str)),
            )
            await call(certificates.record_visit, checker, request_id, visit)
            message = the_services.messages.text("ams.hadir_tercatat")
        else:
            if action == "setujui":
                done = await call(certificates.approve, checker, request_id)
                key = "ams.disetujui"
            else:
                reason = fields.get("alasan", "")
                done = await call(certificates.reject, checker, request_id, reason)
                key = "ams.ditolak"
            vendor = await call(the_services.accounts.find, done.user_id)
            company = vendor.display_name if vendor else done.user_id
            message = the_services.messages.text(key, company=company)
    except DomainError as exc:
        if exc.key == "error.tidak_ditemukan":
            raise
        return await detail(request, texts(request, exc), status=400)
    return redirect(request, f"{QUEUE}/{request_id}", message)


async def attend(request: Request) -> Response:
    """Record the vendor's visit: who came, in what capacity, which originals were seen."""
    return await _act(request, "hadir")


async def approve(request: Request) -> Response:
    """Approve: BSrE issues the certificate."""
    return await _act(request, "setujui")


async def reject(request: Request) -> Response:
    """Reject with a reason the vendor reads on its AMS page."""
    return await _act(request, "tolak")


def routes() -> list[Route]:
    return [
        Route(QUEUE, queue),
        Route(QUEUE + "/{request_id:int}", detail),
        Route(QUEUE + "/{request_id:int}/hadir", attend, methods=["POST"]),
        Route(QUEUE + "/{request_id:int}/setujui", approve, methods=["POST"]),
        Route(QUEUE + "/{request_id:int}/tolak", reject, methods=["POST"]),
    ]
