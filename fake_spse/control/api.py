"""The /_sim control API: the only way scenarios bend time, switch faults and seed staff.

It is separate from SPSE's own pages on purpose: a scenario never reaches into the database.
"""

from __future__ import annotations

import ipaddress
import json
from datetime import datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, NotFound
from fake_spse.faults import Fault, UnknownFault
from fake_spse.lpse import Lpse
from fake_spse.services.ca import UnknownCertificate

TOKEN_HEADER = "x-sim-token"


def _lpse(request: Request) -> Lpse:
    found: Lpse = request.app.state.lpse
    return found


def allowed(request: Request) -> bool:
    """With a control token set, only callers presenting it; without one, local callers only."""
    settings = _lpse(request).settings
    token = settings.control_token
    if token is not None:
        return request.headers.get(TOKEN_HEADER) == token
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")


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
        except (ValueError, KeyError, TypeError, UnknownFault) as exc:
            return _problem(str(exc))
        except UnknownCertificate as exc:
            return _problem(str(exc), 404)
        except DomainError as exc:
            return _problem(exc.key, 404 if isinstance(exc, NotFound) else 400)
        return response

    return wrapper


async def health(request: Request) -> Response:
    lpse = _lpse(request)
    return JSONResponse(
        {"ok": True, "profile": lpse.profile.name, "version": lpse.profile.footer_version}
    )


async def clock(request: Request) -> Response:
    lpse = _lpse(request)
    if request.method == "POST":
        body = await _json(request)
        if "set" in body:
            lpse.clock.set(_aware(body["set"]))
        if "advance_seconds" in body:
            lpse.clock.advance(timedelta(seconds=float(body["advance_seconds"])))
        if "to_stage" in body:
            tender = lpse.tender(str(body["tender_id"]))
            window = tender.schedule.window(str(body["to_stage"]))
            edge = body.get("edge", "start")
            if edge not in ("start", "end"):
                raise ValueError("edge must be 'start' or 'end'")
            target = window.start if edge == "start" else window.end
            lpse.clock.set(target + timedelta(seconds=float(body.get("plus_seconds", 0))))
        if "frozen" in body:
            lpse.clock.freeze() if body["frozen"] else lpse.clock.run()
    return JSONResponse(lpse.clock.snapshot())


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
    board = _lpse(request).faults
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
    board = _lpse(request).faults
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
                for f in _lpse(request).faults.firings()
            ]
        }
    )


async def staff(request: Request) -> Response:
    """Seed an active staff account (pokja, verifikator, ...), as the LPSE admin would."""
    body = await _json(request)
    role = Role(str(body["role"]))
    if role is Role.PENYEDIA:
        raise ValueError("vendors register themselves through the registration page")
    lpse = _lpse(request)
    if lpse.db.account(str(body["user_id"])) is not None:
        return _problem(f"user {body['user_id']} exists", 409)
    account = lpse.add_staff(
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
    lpse = _lpse(request)
    at = _aware(body["at"]) if "at" in body else None
    serial = body.get("serial")
    if serial is None:
        certificate = lpse.certificate_of(str(body["user_id"]))
        if certificate is None:
            raise ValueError(f"user {body['user_id']} has no valid certificate")
        serial = certificate.serial
    lpse.ca.revoke(int(serial), at=at)
    return JSONResponse({"ok": True, "serial": str(serial)})


async def offers(request: Request) -> Response:
    """Receipts of a tender's offers (all versions), for assertions about what was stored."""
    lpse = _lpse(request)
    try:
        lpse.tender(request.path_params["tender_id"])
    except DomainError:
        return _problem("no such tender", 404)
    rows = lpse.db.offers(request.path_params["tender_id"], current_only=False)
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
                }
                for o in rows
            ]
        }
    )


def routes() -> list[Route]:
    return [
        Route("/health", guarded(health)),
        Route("/clock", guarded(clock), methods=["GET", "POST"]),
        Route("/faults", guarded(faults), methods=["GET", "POST", "DELETE"]),
        Route("/faults/{name:str}", guarded(fault), methods=["DELETE"]),
        Route("/firings", guarded(firings)),
        Route("/staff", guarded(staff), methods=["POST"]),
        Route("/ca/revoke", guarded(revoke), methods=["POST"]),
        Route("/tenders/{tender_id:str}/offers", guarded(offers)),
    ]
