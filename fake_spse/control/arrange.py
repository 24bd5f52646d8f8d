"""/_sim/arrange: set up a scenario's world through the service layer, without the pages.

A catalog scenario's Givens that are not its subject (a registered and verified vendor, a
certificate issued by BSrE, an announced tender, a joined vendor, a logged-in desk) are arranged
here. Every call goes through the same service methods the pages call, so SPSE's rules still
apply (a pokja without a certificate cannot announce a CA tender, ADP still refuses duplicates);
only the browser round trips are skipped. Guarded like the rest of /_sim.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.control.api import _json, _services, guarded
from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Account, Role, VendorRegistration, require_role
from fake_spse.domain.certificates import AmsRequest, UserCertificate
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.offers import parse_part
from fake_spse.domain.tenders import TenderDraft
from fake_spse.service.blocking import call
from fake_spse.service.certificates import Document, Visit
from fake_spse.service.offers import UploadCut
from fake_spse.service.services import Services
from fake_spse.web.accounts import FORM_PATH, link_prefix
from fake_spse.web.session import COOKIE, Session, encode_cookie, log_in
from spse_shared.wib import format_wib

# The registration form's fields (as fake_spse/web/accounts.py reads them).
_VENDOR_FIELDS = ("user_id", "password", "company", "npwp", "email", "address", "phone", "director")


async def vendor(request: Request) -> Response:
    """Online registration of a vendor (the account waits for verification)."""
    body = await _json(request)
    fields = {name: str(body[name]) for name in _VENDOR_FIELDS}
    form = VendorRegistration(**fields, password_confirm=fields["password"])
    account = await call(register_by_email, request, form)
    return JSONResponse({"ok": True, "user_id": account.user_id, "status": account.status.value})


def register_by_email(request: Request, form: VendorRegistration) -> Account:
    """Registration as the pages walk it: the link mailed through the LPSE's mail server to the
    form's e-mail address, then the form behind that link (blocking: run in a worker thread)."""
    accounts = _services(request).accounts
    link = accounts.request_registration(form.email, link_prefix(request, FORM_PATH))
    return accounts.register_with_link(link.token, form)


async def verify(request: Request) -> Response:
    """A verifikator verifies a vendor: the account becomes active and is registered in ADP."""
    body = await _json(request)
    accounts = _services(request).accounts
    verifier = await call(accounts.account, str(body["verifier_id"]))
    account = await call(accounts.verify_vendor, verifier, str(body["vendor_id"]))
    return JSONResponse({"ok": True, "user_id": account.user_id, "status": account.status.value})


async def ams(request: Request) -> Response:
    """AMS registration with the desk's CSR and recommendation documents, and what the LPSE
    does with it as its pages do: a vendor's request is reviewed by the verifikator
    (``verifier_id``, or the LPSE's first verifikator), who records the visit (``attendee``,
    ``position``, every original) and approves; then BSrE's certificate is handed back. The
    desk embeds it and reports it with /arrange/ams/tertanam."""
    body = await _json(request)
    services = _services(request)
    certificates = services.certificates

    def arrange() -> tuple[AmsRequest, UserCertificate]:
        user = services.accounts.account(str(body["user_id"]))
        permit = Document(str(body["letter_name"]), base64.b64decode(str(body["letter_b64"])))
        statement = Document(
            str(body.get("statement_name") or ""),
            base64.b64decode(str(body.get("statement_b64") or "")),
        )
        made = certificates.request_certificate(
            user, permit=permit, statement=statement, csr_pem=str(body["csr_pem"])
        )
        if made.status == ams_review.STATUS_WAITING:
            verifier = _verifier(services, body.get("verifier_id"))
            visit = Visit(
                attendee=str(body.get("attendee") or user.director or user.name),
                position=str(body.get("position") or ""),
                originals=tuple(ams_review.ORIGINALS),
            )
            certificates.record_visit(verifier, made.request_id, visit)
            made = certificates.approve(verifier, made.request_id)
        return made, certificates.issued_certificate(made)

    made, certificate = await call(arrange)
    return JSONResponse(
        {
            "ok": True,
            "request_id": made.request_id,
            "reviewed": bool(made.csr_pem),
            "certificate_pem": certificate.pem,
            "chain_pem": certificates.ca_chain_pem(),
            "subject": certificate.subject,
        }
    )


def _verifier(services: Services, user_id: object) -> Account:
    """The verifikator named, or the LPSE's first one (a control-plane caller that does not
    know it, such as the rush)."""
    if user_id:
        return services.accounts.account(str(user_id))
    found = services.accounts.accounts(Role.VERIFIKATOR)
    if not found:
        raise DomainError("akses.ditolak")
    return found[0]


async def ams_embedded(request: Request) -> Response:
    """The desk's SpamKodok 2 embedded the certificate of request ``request_id``."""
    body = await _json(request)
    services = _services(request)
    user = await call(services.accounts.account, str(body["user_id"]))
    done = await call(services.certificates.confirm_embedded, user, int(body["request_id"]))
    return JSONResponse({"ok": True, "status": done.status})


async def tender(request: Request) -> Response:
    """A pokja creates and announces a package (as the 'Paket Baru' page does)."""
    body = await _json(request)
    services = _services(request)
    draft = TenderDraft(
        name=str(body["name"]),
        instansi=str(body.get("instansi") or "") or services.settings.lpse_name,
        satker=str(body["satker"]),
        jenis_pengadaan=int(body["jenis_pengadaan"]),
        pagu=int(body["pagu"]),
        hps=int(body["hps"]),
        lokasi=str(body["lokasi"]),
        tahun=services.simulation.now().year,
        metode=str(body.get("metode") or ""),
    )
    pokja = await call(services.accounts.account, str(body["pokja_id"]))
    created = await call(services.tenders.create_tender, pokja, draft)
    return JSONResponse({"ok": True, "tender_id": created.tender_id})


async def join(request: Request) -> Response:
    """'Ikut Tender' for a vendor."""
    body = await _json(request)
    services = _services(request)
    vendor = await call(services.accounts.account, str(body["vendor_id"]))
    await call(services.tenders.join_tender, vendor, str(body["tender_id"]))
    return JSONResponse({"ok": True})


async def vendor_record(request: Request) -> Response:
    """One record of a vendor's Data Penyedia, saved under the form's rules (``fields``: the
    form's fields of tab ``kind``)."""
    body = await _json(request)
    fields = body["fields"]
    if not isinstance(fields, dict):
        raise ValueError("fields must be a JSON object")
    services = _services(request)
    vendor = await call(services.accounts.account, str(body["vendor_id"]))
    record = await call(
        services.vendor_data.add_record,
        vendor,
        str(body["kind"]),
        {str(k): str(v) for k, v in fields.items()},
    )
    return JSONResponse({"ok": True, "record_id": record.record_id})


async def sikap(request: Request) -> Response:
    """'Sinkronisasi SIKaP' for a vendor: verified when its Data Penyedia are complete."""
    body = await _json(request)
    services = _services(request)
    vendor = await call(services.accounts.account, str(body["vendor_id"]))
    status = await call(services.vendor_data.synchronise_sikap, vendor)
    verified = status.verified_at
    return JSONResponse({"ok": True, "verified_at": verified and verified.isoformat()})


async def price(request: Request) -> Response:
    """The price of a participant's Surat Penawaran on its current offer (offers sealed by a
    desk that filled in no price form)."""
    body = await _json(request)
    offer = await call(
        _services(request).evaluation.arrange_price,
        str(body["tender_id"]),
        str(body["vendor_id"]),
        int(body["price_rupiah"]),
    )
    return JSONResponse({"ok": True, "offer_id": offer.offer_id})


async def login(request: Request) -> Response:
    """Log a user in (password checked as on the login page); the session cookie to set."""
    _, _, cookie = await logged_in_session(request, await _json(request))
    return JSONResponse({"ok": True, "cookie": cookie})


async def logged_in_session(
    request: Request, body: dict[str, Any]
) -> tuple[Account, Session, dict[str, str]]:
    """The session the login page makes for ``body``'s user_id and password (checked as there):
    the account, the session and its cookie for the desk's browser."""
    accounts = _services(request).accounts
    account = await call(accounts.authenticate, str(body["user_id"]), str(body["password"]))
    # Its cookie goes to the desk's browser, not to this /_sim caller (the session is not put
    # into this request's scope).
    session = await call(log_in, request.scope, account.user_id)
    now = _services(request).simulation.now()
    value = encode_cookie(request.app.state.sim_secret, session, now)
    return account, session, {"name": COOKIE, "value": value, "path": "/"}


def _upload_page_inputs(services: Services, vendor_id: str, tender_id: str) -> dict[str, Any]:
    """What the vendor's upload page (fake_spse/web/vendor.py ``offer_page``) hands SpamKodok,
    under the same checks: a CA profile, a vendor, a participant of the tender."""
    services.offers.require_protection("ca")
    vendor = services.accounts.account(vendor_id)
    require_role(vendor, Role.PENYEDIA)
    tender = services.tenders.tender(tender_id)
    if not services.tenders.is_participant(vendor.user_id, tender.tender_id):
        raise Forbidden("penawaran.bukan_peserta")
    return {
        "tender_id": tender.tender_id,
        "vendor_id": vendor.user_id,
        "profile": services.profile.name,
        "recipients_pem": list(services.offers.offer_recipients(tender)),
        "waktu_server": services.simulation.now().isoformat(),
    }


async def offer_page(request: Request) -> Response:
    """The sealing inputs of the upload page for ``vendor_id`` and ``tender_id`` (of the part
    ``bagian``, "file1"/"file2" for a dua file method): the tender's pokja certificates, SPSE's
    time, the profile (the desk seals with them, as from the page). With ``harga`` (and
    ``masa_berlaku``) SPSE also generates the Surat Penawaran when the part carries the price,
    as the page's "Buat Surat Penawaran" does, handed over in ``tambahan`` to be sealed."""
    body = await _json(request)
    services = _services(request)
    vendor_id, tender_id = str(body["vendor_id"]), str(body["tender_id"])
    part = str(body.get("bagian") or "")

    def prepare() -> dict[str, Any]:
        inputs = _upload_page_inputs(services, vendor_id, tender_id)
        method = services.tenders.tender(tender_id).method
        # The page asks for the price only on the part that carries it.
        if body.get("harga") is not None and parse_part(part, method).carries_price:
            name, pdf, _ = services.offers.prepare_letter(
                services.accounts.account(vendor_id),
                tender_id,
                part,
                str(body["harga"]),
                str(body.get("masa_berlaku") or ""),
            )
            inputs["tambahan"] = [{"name": name, "data_b64": base64.b64encode(pdf).decode()}]
        return inputs

    return JSONResponse({"ok": True, **await call(prepare)})


async def offer(request: Request) -> Response:
    """A sealed offer sent for ``vendor_id`` to ``tender_id`` (``data_b64``, of the part
    ``bagian`` for a dua file method), received by the service the upload endpoint calls
    (stage, deadline, faults, CMS checks, atomic storage); the answer is the upload
    endpoint's."""
    body = await _json(request)
    services = _services(request)
    services.offers.require_protection("ca")
    vendor = await call(services.accounts.account, str(body["vendor_id"]))
    require_role(vendor, Role.PENYEDIA)
    data = base64.b64decode(str(body["data_b64"]), validate=True)

    async def sealed() -> AsyncIterator[bytes]:
        yield data

    try:
        receipt = await services.offers.receive_offer(
            vendor, str(body["tender_id"]), sealed(), str(body.get("bagian") or "") or None
        )
    except UploadCut as exc:
        raise DomainError("penawaran.terputus") from exc
    stored = receipt.offer
    return JSONResponse(
        {
            "ok": True,
            "message": services.messages.text("penawaran.berhasil"),
            "offer_id": stored.offer_id,
            "sha256": stored.sha256,
            "size": stored.size,
            "received_at": stored.received_at.isoformat(),
            "received_at_wib": format_wib(stored.received_at),
            "replaced": receipt.replaced,
        }
    )


async def qualification(request: Request) -> Response:
    """Data Penyedia and Kirim Persyaratan Kualifikasi for ``vendor_id``: ``records``
    ({"kind": tab, field: value...}) saved as their forms save them (all or none), then all of
    them and the ``attachments`` ([{"name", "data_b64"}]) sent for ``tender_id`` under the
    form's rules (a refused sending keeps the saved records, as Data Penyedia does)."""
    body = await _json(request)
    services = _services(request)
    records, attachments = body["records"], body.get("attachments") or []
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError("records must be a list of objects")
    if not isinstance(attachments, list) or not all(isinstance(a, dict) for a in attachments):
        raise ValueError("attachments must be a list of objects")
    files = [
        (str(a["name"]), base64.b64decode(str(a["data_b64"]), validate=True)) for a in attachments
    ]

    def send() -> dict[str, Any]:
        vendor = services.accounts.account(str(body["vendor_id"]))
        saved = services.vendor_data.add_records(
            vendor,
            [
                (str(r["kind"]), {str(k): str(v) for k, v in r.items() if k != "kind"})
                for r in records
            ],
        )
        ids = [record.record_id for record in saved]
        sent = services.qualification.submit(vendor, str(body["tender_id"]), ids, files)
        return {"submission_id": sent.submission_id, "record_ids": ids}

    return JSONResponse(
        {"ok": True, "message": services.messages.text("kualifikasi.terkirim"), **await call(send)}
    )


def routes() -> list[Route]:
    return [
        Route("/arrange/vendor", guarded(vendor), methods=["POST"]),
        Route("/arrange/verify", guarded(verify), methods=["POST"]),
        Route("/arrange/ams", guarded(ams), methods=["POST"]),
        Route("/arrange/ams/tertanam", guarded(ams_embedded), methods=["POST"]),
        Route("/arrange/tender", guarded(tender), methods=["POST"]),
        Route("/arrange/join", guarded(join), methods=["POST"]),
        Route("/arrange/price", guarded(price), methods=["POST"]),
        Route("/arrange/vendor-record", guarded(vendor_record), methods=["POST"]),
        Route("/arrange/sikap", guarded(sikap), methods=["POST"]),
        Route("/arrange/login", guarded(login), methods=["POST"]),
        Route("/arrange/offer-page", guarded(offer_page), methods=["POST"]),
        Route("/arrange/offer", guarded(offer), methods=["POST"]),
        Route("/arrange/qualification", guarded(qualification), methods=["POST"]),
    ]
