"""The /_sim control API: the only way scenarios bend time, switch faults and seed staff.

It is separate from SPSE's own pages on purpose: a scenario never reaches into the database.
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
import json
from datetime import datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.control.damage import damage_file
from fake_spse.control.old_certificates import old_key_from_pem, seed_old_certificate
from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, NotFound
from fake_spse.service.blocking import call
from fake_spse.service.services import Services
from fake_spse.simulation.faults import Fault, UnknownFault

TOKEN_HEADER = "x-sim-token"


def _services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def allowed(request: Request) -> bool:
    """With a control token set, only callers presenting it; without one, local callers only.

    Either way, a request a browser sends on behalf of another site's page is refused (CSRF).
    Without a token, a local caller must also address the server by an address it was bound to
    (DNS rebinding: a page on ``evil.example``, resolving to 127.0.0.1, reaches us from a
    loopback address with ``Host: evil.example``; its Origin matches that Host, so only the
    Host check stops it).
    """
    if cross_site(request):
        return False
    settings = _services(request).settings
    token = settings.control_token
    if token is not None:
        presented = request.headers.get(TOKEN_HEADER)
        return presented is not None and hmac.compare_digest(presented.encode(), token.encode())
    if not own_host(request):
        return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")


def bound_hosts(request: Request) -> set[str]:
    """The ``host[:port]`` values a request to this server may carry in its Host header: the
    address of the socket the request came in on (the one the server was bound to; for a
    0.0.0.0 bind, the interface's own address), ``localhost`` on a loopback socket, and the
    names in ``Settings.allowed_hosts``."""
    extra = {name.lower() for name in _services(request).settings.allowed_hosts}
    server = request.scope.get("server")
    if not server:
        return extra
    address, port = str(server[0]), server[1]
    names = {address}
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        ip = None
    if ip is not None and ip.version == 6:
        names = {f"[{address}]"}
    if ip is not None and ip.is_loopback:
        names |= {"localhost", "127.0.0.1", "[::1]"}
    names |= extra
    with_port = {f"{name}:{port}" for name in names} if port is not None else set()
    default_port = port is None or (request.url.scheme, port) in (("http", 80), ("https", 443))
    return with_port | (names if default_port else set()) | extra


def own_host(request: Request) -> bool:
    """True when the Host header names an address this server was bound to (see bound_hosts)."""
    return request.headers.get("host", "").lower() in bound_hosts(request)


def cross_site(request: Request) -> bool:
    """True for a request another origin's page made the browser send (Sec-Fetch-Site, Origin)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin is not None and origin.lower() != own.lower()


def _problem(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status)


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    body = json.loads(raw)
    if not isinstance(body, dict):
        raise ValueError("body must be a JSON object")
    return body


def guarded(handler: Any) -> Any:
    async def wrapper(request: Request) -> Response:
        if not allowed(request):
            return _problem("control API needs a local address or the X-Sim-Token header", 403)
        try:
            response: Response = await handler(request)
        except (ValueError, KeyError, TypeError, OverflowError, UnknownFault) as exc:
            return _problem(str(exc))
        except DomainError as exc:
            return _problem(exc.key, 404 if isinstance(exc, NotFound) else 400)
        return response

    return wrapper


async def health(request: Request) -> Response:
    services = _services(request)
    return JSONResponse(
        {"ok": True, "profile": services.profile.name, "version": services.profile.footer_version}
    )


async def clock(request: Request) -> Response:
    services = _services(request)
    if request.method == "POST":
        body = await _json(request)
        if "set" in body:
            services.simulation.set_clock(_aware(body["set"]))
        if "advance_seconds" in body:
            services.simulation.advance_clock(timedelta(seconds=float(body["advance_seconds"])))
        if "to_stage" in body:
            tender = services.tenders.tender(str(body["tender_id"]))
            window = tender.schedule.window(str(body["to_stage"]))
            edge = body.get("edge", "start")
            if edge not in ("start", "end"):
                raise ValueError("edge must be 'start' or 'end'")
            target = window.start if edge == "start" else window.end
            services.simulation.set_clock(
                target + timedelta(seconds=float(body.get("plus_seconds", 0)))
            )
        if "frozen" in body:
            services.simulation.freeze_clock() if body[
                "frozen"
            ] else services.simulation.run_clock()
    return JSONResponse(services.simulation.clock_snapshot())


def _aware(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("time needs a UTC offset, e.g. 2026-03-02T08:00:00+07:00")
    return moment


def _fault(fault: Fault) -> dict[str, Any]:
    return {
        "name": fault.name,
        "remaining": fault.remaining,
        "actor": fault.actor,
        "params": dict(fault.params),
        "armed_at": fault.armed_at.isoformat(),
    }


async def faults(request: Request) -> Response:
    board = _services(request).simulation.faults
    if request.method == "POST":
        body = await _json(request)
        board.arm(
            str(body["name"]),
            times=body.get("times"),
            actor=body.get("actor"),
            params=body.get("params"),
        )
    elif request.method == "DELETE":
        board.reset()
    return JSONResponse({"armed": [_fault(f) for f in board.armed()]})


async def fault(request: Request) -> Response:
    board = _services(request).simulation.faults
    board.disarm(request.path_params["name"])
    return JSONResponse({"armed": [_fault(f) for f in board.armed()]})


async def firings(request: Request) -> Response:
    return JSONResponse(
        {
            "firings": [
                {
                    "name": f.name,
                    "actor": f.actor,
                    "sim_time": f.sim_time.isoformat(),
                    "wall_time": f.wall_time.isoformat(),
                    "detail": f.detail,
                }
                for f in _services(request).simulation.faults.firings()
            ]
        }
    )


async def staff(request: Request) -> Response:
    """Seed an active staff account (pokja, verifikator, ...), as the LPSE admin would."""
    body = await _json(request)
    role = Role(str(body["role"]))
    if role is Role.PENYEDIA:
        raise ValueError("vendors register themselves through the registration page")
    services = _services(request)
    if services.accounts.find(str(body["user_id"])) is not None:
        return _problem(f"user {body['user_id']} exists", 409)
    account = await call(
        services.accounts.add_staff,
        user_id=str(body["user_id"]),
        role=role,
        name=str(body["name"]),
        email=str(body["email"]),
        password=str(body["password"]),
    )
    return JSONResponse({"ok": True, "user_id": account.user_id, "role": account.role.value})


async def revoke(request: Request) -> Response:
    """Revoke a user's certificate at BSrE (now, or at a given time)."""
    body = await _json(request)
    services = _services(request)
    at = _aware(body["at"]) if "at" in body else None
    serial = body.get("serial")
    if serial is None:
        certificate = services.certificates.certificate_of(str(body["user_id"]))
        if certificate is None:
            raise ValueError(f"user {body['user_id']} has no valid certificate")
        serial = certificate.serial
    services.certificates.revoke(serial, at=at)
    return JSONResponse({"ok": True, "serial": str(serial)})


# certificates (KODOK-070..099) ----------------------------------------------------------------
async def old_certificate_apd(request: Request) -> Response:
    """The vendor's old SpamKodok certificate as an APD file (PKCS#12, base64), for the desk.

    Body: {"user_id", "passphrase", "variant": "aktif" | "kedaluwarsa" | "asing", "key_pem"}:
    ``key_pem`` (optional) the old key, an unencrypted RSA-2048 PEM from the simulator's pool
    of pre-generated keys; without it SPSE makes a new one.
    """
    body = await _json(request)
    key_pem = body.get("key_pem")
    old = await call(
        seed_old_certificate,
        _services(request),
        str(body["user_id"]),
        passphrase=str(body["passphrase"]),
        variant=str(body.get("variant", "aktif")),
        key=None if key_pem is None else old_key_from_pem(str(key_pem)),
    )
    return JSONResponse(
        {
            "ok": True,
            "serial": old.serial,
            "subject": old.subject,
            "not_before": old.not_before.isoformat(),
            "not_after": old.not_after.isoformat(),
            "variant": old.variant,
            "apd_b64": base64.b64encode(old.apd).decode(),
        }
    )


async def user_certificates(request: Request) -> Response:
    """A user's certificates as SPSE lists them, its AMS register, and BSrE's register."""
    services = _services(request)
    user_id = request.path_params["user_id"]
    current = services.certificates.certificate_of(user_id)
    issued = {str(r.serial): r for r in services.certificates.issued(user_id)}
    return JSONResponse(
        {
            "current": None if current is None else current.serial,
            "certificates": [
                {
                    "serial": c.serial,
                    "subject": c.subject,
                    "not_before": c.not_before.isoformat(),
                    "not_after": c.not_after.isoformat(),
                    "recorded_at": c.recorded_at.isoformat(),
                }
                for c in services.certificates.certificates(user_id)
            ],
            "ams_requests": [
                {
                    "request_id": a.request_id,
                    "kind": a.kind,
                    "status": a.status,
                    "letter_name": a.letter_name,
                    "serial": a.serial,
                    "reason": a.reason,
                    "attended": a.attended_at is not None,
                }
                for a in services.certificates.ams_requests(user_id)
            ],
            "issued": [
                {
                    "serial": serial,
                    "subject": r.subject,
                    "not_after": r.not_after.isoformat(),
                    "revoked_at": None if r.revoked_at is None else r.revoked_at.isoformat(),
                }
                for serial, r in issued.items()
            ],
        }
    )


async def tender(request: Request) -> Response:
    """A tender's identity (for reports: the evidence bundle names the tender)."""
    try:
        found = _services(request).tenders.tender(request.path_params["tender_id"])
    except DomainError:
        return _problem("no such tender", 404)
    return JSONResponse(
        {
            "tender_id": found.tender_id,
            "name": found.name,
            "instansi": found.instansi,
            "satker": found.satker,
            "hps": found.hps,
            "method": found.method,
        }
    )


async def offers(request: Request) -> Response:
    """Receipts of a tender's offers (all versions), for assertions about what was stored."""
    services = _services(request)
    try:
        services.tenders.tender(request.path_params["tender_id"])
    except DomainError:
        return _problem("no such tender", 404)
    rows = services.offers.offers(request.path_params["tender_id"], current_only=False)
    return JSONResponse(
        {
            "offers": [
                {
                    "offer_id": o.offer_id,
                    "vendor_id": o.vendor_id,
                    "sha256": o.sha256,
                    "size": o.size,
                    "received_at": o.received_at.isoformat(),
                    "current": o.current,
                    "part": str(o.part),
                    "price_rupiah": o.price_rupiah,
                }
                for o in rows
            ]
        }
    )


async def qualifications(request: Request) -> Response:
    """The current Kirim Persyaratan Kualifikasi sendings of a tender, for assertions."""
    services = _services(request)
    try:
        services.tenders.tender(request.path_params["tender_id"])
    except DomainError:
        return _problem("no such tender", 404)
    sent = services.qualification.submissions(request.path_params["tender_id"])
    return JSONResponse(
        {
            "qualifications": [
                {
                    "vendor_id": q.vendor_id,
                    "submitted_at": q.submitted_at.isoformat(),
                    "records": [{"kind": str(r.kind), "summary": r.summary} for r in q.records],
                    "attachments": [
                        {"name": a.name, "size": a.size, "sha256": a.sha256} for a in q.attachments
                    ],
                }
                for q in sent
            ]
        }
    )


async def damage_offer(request: Request) -> Response:
    """Damage one stored offer on disk: {"mode": "flip"|"truncate", "at": n (optional)}."""
    services = _services(request)
    body = await _json(request)
    try:
        _, path = services.offers.stored_offer(
            request.path_params["tender_id"], int(request.path_params["offer_id"])
        )
    except NotFound:
        return _problem("no such offer in this tender", 404)
    at = body.get("at")
    done = damage_file(path, str(body["mode"]), None if at is None else int(at))
    return JSONResponse(
        {
            "ok": True,
            "mode": done.mode,
            "at": done.at,
            "size_before": done.size_before,
            "size_after": done.size_after,
        }
    )


async def blobs(request: Request) -> Response:
    """How many files the blob store holds, and how many partial writes are left over."""
    counts = _services(request).offers.blob_counts()
    return JSONResponse({"stored": counts.stored, "partial": counts.partial})


# ADP (accounts and the shared ADP records) -------------------------------------------------------
async def account(request: Request) -> Response:
    """One account's state at this LPSE (status, home LPSE of a roaming vendor); 404 if none."""
    found = _services(request).accounts.find(request.path_params["user_id"])
    if found is None:
        return _problem("no such account", 404)
    return JSONResponse(
        {
            "user_id": found.user_id,
            "role": found.role.value,
            "status": found.status.value,
            "company": found.company,
            "npwp": found.npwp,
            "address": found.address,
            "email": found.email,
            "home_lpse": found.home_lpse,
            "verified_at": None if found.verified_at is None else found.verified_at.isoformat(),
        }
    )


async def adp_records(request: Request) -> Response:
    """ADP's records as LKPP sees them (also while ``adp.down``); never the password hash."""
    return JSONResponse(
        {
            "records": [
                {
                    "user_id": r.user_id,
                    "email": r.email,
                    "npwp": r.npwp,
                    "company": r.company,
                    "address": r.address,
                    "home_lpse": r.home_lpse,
                    "activated_at": r.activated_at.isoformat(),
                    "has_password_hash": bool(r.password_hash),
                }
                for r in _services(request).accounts.adp_records()
            ]
        }
    )


# APENDO (SPSE NON CA): the package key's state and the recorded openings ------------------------
async def package_key(request: Request) -> Response:
    """A tender's APENDO package key: fingerprint and release, never the private key itself."""
    key = _services(request).apendo.package_key_info(request.path_params["tender_id"])
    return JSONResponse(
        {
            "tender_id": key.tender_id,
            "fingerprint": key.fingerprint,
            "certificate_pem": key.certificate_pem,
            "created_at": key.created_at.isoformat(),
            "released_at": None if key.released_at is None else key.released_at.isoformat(),
            "released_by": key.released_by,
        }
    )


async def openings(request: Request) -> Response:
    """What the pokja recorded at opening for each current offer of a tender (CA or APENDO)."""
    services = _services(request)
    tender = services.tenders.tender(request.path_params["tender_id"])
    found = []
    for offer, result in services.offers.openings(tender.tender_id):
        found.append(
            {
                "offer_id": offer.offer_id,
                "vendor_id": offer.vendor_id,
                "code": result.code,
                "signer_subject": result.signer_subject,
                "files": list(result.files),
                "opened_at": result.opened_at.isoformat(),
                "opened_by": result.opened_by,
            }
        )
    return JSONResponse({"openings": found})


def routes() -> list[Route]:
    return [
        Route("/health", guarded(health)),
        Route("/clock", guarded(clock), methods=["GET", "POST"]),
        Route("/faults", guarded(faults), methods=["GET", "POST", "DELETE"]),
        Route("/faults/{name:str}", guarded(fault), methods=["DELETE"]),
        Route("/firings", guarded(firings)),
        Route("/staff", guarded(staff), methods=["POST"]),
        Route("/ca/revoke", guarded(revoke), methods=["POST"]),
        Route("/ca/apd", guarded(old_certificate_apd), methods=["POST"]),
        Route("/accounts/{user_id:str}/certificates", guarded(user_certificates)),
        Route("/tenders/{tender_id:str}/offers", guarded(offers)),
        Route("/tenders/{tender_id:str}/kualifikasi", guarded(qualifications)),
        Route("/tenders/{tender_id:str}", guarded(tender)),
        Route("/accounts/{user_id:str}", guarded(account)),
        Route("/adp/records", guarded(adp_records)),
        Route(
            "/tenders/{tender_id:str}/offers/{offer_id:int}/damage",
            guarded(damage_offer),
            methods=["POST"],
        ),
        Route("/blobs", guarded(blobs)),
        Route("/tenders/{tender_id:str}/kunci-paket", guarded(package_key)),
        Route("/tenders/{tender_id:str}/openings", guarded(openings)),
    ]
