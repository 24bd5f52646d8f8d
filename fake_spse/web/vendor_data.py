"""The vendor's Data Penyedia tabs and Kirim Persyaratan Kualifikasi for a tender."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.numbers import whole_number
from fake_spse.domain.vendor_data import FIELDS, RecordKind
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
from spse_shared.wib import WIB


def _kind(value: str | None) -> RecordKind:
    try:
        return RecordKind(value or RecordKind.IZIN_USAHA)
    except ValueError:
        return RecordKind.IZIN_USAHA


async def data_page(request: Request) -> Response:
    """GET: one tab of Data Penyedia (``?jenis=``); POST: save a record of that tab."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    kind = _kind(request.query_params.get("jenis"))
    errors: list[str] = []
    form: dict[str, str] = {}
    if request.method == "POST":
        try:
            form = await form_data(request)
            await call(the_services.vendor_data.add_record, vendor, kind, form)
        except DomainError as exc:
            errors = texts(request, exc)
        else:
            return redirect(
                request,
                f"/penyedia/data?jenis={kind}",
                the_services.messages.text("data_penyedia.tersimpan"),
            )
    records = [r for r in the_services.vendor_data.records(vendor) if r.kind is kind]
    return render(
        request,
        "data_penyedia.html",
        {
            "kind": kind,
            "kinds": list(RecordKind),
            "fields": FIELDS[kind],
            "records": records,
            "form": form,
            "errors": errors,
            "today": the_services.simulation.now().astimezone(WIB).date(),
            "sikap": the_services.vendor_data.sikap_status(vendor),
            "sikap_missing": the_services.vendor_data.sikap_missing(vendor),
        },
        status=400 if errors else 200,
    )


async def sikap_sync(request: Request) -> Response:
    """POST 'Sinkronisasi SIKaP': Data Penyedia to LKPP's SIKaP, verified when complete."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    kind = _kind(request.query_params.get("jenis"))
    try:
        await form_data(request)
        await call(the_services.vendor_data.synchronise_sikap, vendor)
    except DomainError as exc:
        return redirect(request, f"/penyedia/data?jenis={kind}", texts(request, exc)[0])
    return redirect(
        request, f"/penyedia/data?jenis={kind}", the_services.messages.text("sikap.tersinkron")
    )


async def delete_record(request: Request) -> Response:
    vendor = require_user(request, Role.PENYEDIA)
    kind = _kind(request.query_params.get("jenis"))
    try:
        await form_data(request)
        await call(
            services(request).vendor_data.delete_record, vendor, request.path_params["record_id"]
        )
    except DomainError as exc:
        return redirect(request, f"/penyedia/data?jenis={kind}", texts(request, exc)[0])
    return redirect(request, f"/penyedia/data?jenis={kind}")


async def qualification_page(request: Request) -> Response:
    """GET: the form (records of Data Penyedia to tick, attachments); POST: send it."""
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    try:
        tender = the_services.tenders.tender(tender_id)
        if not the_services.tenders.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
    except DomainError as exc:
        return error_page(request, exc)
    errors: list[str] = []
    chosen: set[int] = set()
    if request.method == "POST":
        # The form's uploaded files are temporary files: closed when the block ends.
        async with request.form() as form:
            numbers = (whole_number(v) for v in form.getlist("data") if isinstance(v, str))
            chosen = {n for n in numbers if n is not None}
            limit = the_services.profile.ams_letter_max_bytes
            attachments = [
                (f.filename, await f.read(limit + 1))
                for f in form.getlist("lampiran")
                if isinstance(f, UploadFile) and f.filename
            ]
            token = form.get("authenticityToken")
        try:
            check_token(request, token if isinstance(token, str) else None)
            await call(
                the_services.qualification.submit, vendor, tender_id, sorted(chosen), attachments
            )
        except DomainError as exc:
            errors = texts(request, exc)
        else:
            return redirect(
                request,
                f"/lelang/{tender_id}/kualifikasi",
                the_services.messages.text("kualifikasi.terkirim"),
            )
    sent = the_services.qualification.current(vendor.user_id, tender_id)
    if not chosen and sent is not None:
        chosen = {r.record_id for r in sent.records}
    return render(
        request,
        "kualifikasi.html",
        {
            "tender": tender,
            "kinds": list(RecordKind),
            "records": the_services.vendor_data.records(vendor),
            "chosen": chosen,
            "sent": sent,
            "errors": errors,
            "today": the_services.simulation.now().astimezone(WIB).date(),
        },
        status=400 if errors else 200,
    )


def routes() -> list[Route]:
    return [
        Route("/penyedia/data", data_page, methods=["GET", "POST"]),
        Route("/penyedia/data/{record_id:int}/hapus", delete_record, methods=["POST"]),
        Route("/penyedia/sikap", sikap_sync, methods=["POST"]),
        Route("/lelang/{tender_id:str}/kualifikasi", qualification_page, methods=["GET", "POST"]),
    ]
