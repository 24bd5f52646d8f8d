"""Every user's home page, and the verifikator's list of vendors to verify."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.certificates import UserCertificate
from fake_spse.domain.errors import DomainError
from fake_spse.domain.tenders import Tender
from fake_spse.service.blocking import call
from fake_spse.service.evaluation import InboxMessage
from fake_spse.web.common import form_data, redirect, render, require_user, services, texts
from spse_shared.profile import UPLOAD_STAGE


async def dashboard(request: Request) -> Response:
    user = require_user(request)
    the_services = services(request)
    if user.role is Role.VERIFIKATOR:
        return redirect(request, "/verifikasi")
    if user.role in (Role.HELPDESK, Role.ADMIN, Role.LKPP):
        # LPSE Support's handlers: links to LPSE Support and the LPSE's mailbox.
        return render(request, "beranda_lpse.html")

    def read() -> tuple[UserCertificate | None, list[Tender], set[str], list[InboxMessage]]:
        return (
            the_services.certificates.certificate_of(user.user_id),
            the_services.tenders.tenders(),
            set(the_services.tenders.joined_tenders(user.user_id)),
            the_services.evaluation.inbox(user.user_id) if user.role is Role.PENYEDIA else [],
        )

    certificate, tenders, joined, inbox = await call(read)  # SQLite: off the event loop
    if user.role is Role.POKJA:
        own = [t for t in tenders if t.created_by == user.user_id]
        return render(request, "beranda_pokja.html", {"tenders": own, "certificate": certificate})
    # SPSE 4's vendor home: Tender Baru (still open to join), Tender yang Diikuti, Inbox.
    now = the_services.simulation.now()
    return render(
        request,
        "beranda_penyedia.html",
        {
            "new_tenders": [
                t
                for t in tenders
                if t.tender_id not in joined
                and t.failed_reason is None
                and now < t.schedule.window(UPLOAD_STAGE).end
            ],
            "joined_tenders": [t for t in tenders if t.tender_id in joined],
            "inbox": inbox,
            "certificate": certificate,
        },
    )


async def vendor_list(request: Request) -> Response:
    require_user(request, Role.VERIFIKATOR, Role.ADMIN)
    vendors = await call(services(request).accounts.vendors)  # SQLite: off the event loop
    return render(request, "verifikasi.html", {"vendors": vendors})


async def verify(request: Request) -> Response:
    verifier = require_user(request, Role.VERIFIKATOR, Role.ADMIN)
    the_services = services(request)
    try:
        await form_data(request)
        vendor = await call(
            the_services.accounts.verify_vendor, verifier, request.path_params["user_id"]
        )
    except DomainError as exc:
        return render(
            request,
            "verifikasi.html",
            {"vendors": the_services.accounts.vendors(), "errors": texts(request, exc)},
            status=400,
        )
    message = the_services.messages.text("verifikasi.berhasil", company=vendor.display_name)
    return redirect(request, "/verifikasi", message)


def routes() -> list[Route]:
    return [
        Route("/dashboard", dashboard),
        Route("/verifikasi", vendor_list),
        Route("/verifikasi/{user_id:str}", verify, methods=["POST"]),
    ]
