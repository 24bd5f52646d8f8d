"""The trainer's control panel at /_sim/panel: the simulated clock and the fault switches.

A real page in Bahasa Indonesia for a trainer standing in front of a class. Everything it does
goes through the same objects the /_sim JSON API uses (``SimClock``, ``FaultBoard``); since the
fault board is read on every request, a switch takes effect on the next request.

Access (see README, "For trainers"): without a control token, only callers on a loopback
address; with a token, callers presenting it in ``X-Sim-Token`` or holding the panel cookie.
The browser gets that cookie by opening ``/_sim/panel?token=...`` once: the server checks the
token, sets an HttpOnly SameSite=Strict cookie (holding a value derived from the token, not the
token) and redirects to the bare URL, so the token never stays in the address bar of a screen
shown to a class. Forms carry a CSRF token and cross-site posts are refused; the page may not
be framed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from fake_spse.control import api
from fake_spse.domain.errors import DomainError
from fake_spse.service.services import Services
from fake_spse.simulation.faults import KNOWN_FAULTS, Fault, FaultBoard, FaultSpec, Firing
from fake_spse.web.common import COMPILED_TEMPLATES
from spse_shared.language import current_language, tr
from spse_shared.wib import format_wib as wib

PANEL_PATH = "/_sim/panel"
COOKIE = "spse_sim_panel"
TOKEN_QUERY = "token"

# Short switch titles; the longer description of each fault comes from KNOWN_FAULTS.
FAULT_TITLES: Mapping[str, str] = {
    "ca.down": "CA BSrE tidak dapat dihubungi",
    "ca.validity": "Sertifikat berikutnya berumur pendek",
    "adp.down": "ADP LKPP tidak dapat dihubungi",
    "support.down": "LPSE Support tidak dapat diakses",
    "upload.cut": "Unggahan penawaran terputus",
    "upload.slow": "Unggahan penawaran lambat",
    "upload.fail_next": "Unggahan penawaran berikutnya gagal",
    "sanggah.fail_next": "Pengiriman sanggahan berikutnya gagal",
}
PARAM_LABELS: Mapping[str, str] = {
    "delay_ms": "Jeda per potongan (milidetik)",
    "duration_s": "Lama unggahan menurut waktu SPSE (detik)",
    "after_bytes": "Putus setelah (byte)",
    "validity_days": "Masa berlaku (hari)",
}
# The values the server uses when a fault is armed without the param (fake_spse.service).
PARAM_DEFAULTS: Mapping[str, int] = {
    "delay_ms": 200,
    "duration_s": 0,
    "after_bytes": 1024,
    "validity_days": 1,
}
PARAM_MAX: Mapping[str, int] = {
    "delay_ms": 60_000,
    "duration_s": 86_400,
    "after_bytes": 2**31,
    "validity_days": 3650,
}
# "Make the next upload fail" means once; the other switches stay on until switched off.
DEFAULT_TIMES: Mapping[str, int] = {"upload.fail_next": 1, "sanggah.fail_next": 1}

CLOCK_STEPS: Mapping[str, timedelta] = {
    "maju_jam": timedelta(hours=1),
    "maju_hari": timedelta(days=1),
}
# Where in a stage "ke_tahap" puts the clock.
STAGE_POINTS: Mapping[str, str] = {
    "mulai": "awal tahap",
    "sebelum_akhir": "5 menit sebelum batas akhir",
    "akhir": "batas akhir",
}
BEFORE_DEADLINE = timedelta(minutes=5)
FIRINGS_SHOWN = 100


class PanelError(ValueError):
    """A panel form the trainer filled in wrongly; the message is shown on the panel."""


def fault_title(name: str) -> str:
    """The switch's title; a fault added later without one shows its name."""
    return tr(FAULT_TITLES[name]) if name in FAULT_TITLES else name


# form logic (no HTTP) --------------------------------------------------------------------------
def parse_times(raw: str) -> int | None:
    """'Berapa kali': empty means until switched off, else a whole number of at least 1."""
    text = raw.strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise PanelError(
            tr(
                "Isian 'Berapa kali' harus bilangan bulat 1 atau lebih, atau kosong (sampai "
                "dimatikan)."
            )
        )
    return int(text)


def parse_params(spec: FaultSpec, form: Mapping[str, str]) -> dict[str, int | str]:
    """The fault's params from the form fields ``param_<name>``; empty fields take the default."""
    params: dict[str, int | str] = {}
    for name in spec.params:
        text = form.get(f"param_{name}", "").strip()
        if not text:
            params[name] = PARAM_DEFAULTS.get(name, 0)
            continue
        limit = PARAM_MAX.get(name, 2**31)
        if not text.isascii() or not text.isdigit() or int(text) > limit:
            label = tr(PARAM_LABELS[name]) if name in PARAM_LABELS else name
            raise PanelError(
                tr(
                    "Isian '{label}' harus bilangan bulat 0 sampai {limit}.",
                    label=label,
                    limit=limit,
                )
            )
        params[name] = int(text)
    return params


def switch_fault(board: FaultBoard, form: Mapping[str, str]) -> str:
    """Switch one fault on (with its params, times, actor) or off; returns the panel's note."""
    name = form.get("nama", "")
    spec = KNOWN_FAULTS.get(name)
    if spec is None:
        raise PanelError(tr("Gangguan tidak dikenal."))
    action = form.get("aksi", "")
    title = fault_title(name)
    if action == "matikan":
        board.disarm(name)
        return tr(
            "{title}: dimatikan. Layanan kembali normal pada permintaan berikutnya.", title=title
        )
    if action != "nyalakan":
        raise PanelError(tr("Aksi gangguan tidak dikenal."))
    times = parse_times(form.get("kali", ""))
    params = parse_params(spec, form)
    actor = form.get("aktor", "").strip() or None
    board.arm(name, times=times, actor=actor, params=params)
    scope = tr("sampai dimatikan") if times is None else tr("untuk {n} kali berikutnya", n=times)
    who = tr(", hanya untuk user {actor}", actor=actor) if actor else ""
    return tr(
        "{title}: dinyalakan ({scope}{who}). Berlaku pada permintaan berikutnya.",
        title=title,
        scope=scope,
        who=who,
    )


def clock_action(services: Services, form: Mapping[str, str]) -> str:
    """Move, freeze or run the simulated clock; returns the panel's note."""
    clock = services.simulation
    action = form.get("aksi", "")
    if action in CLOCK_STEPS:
        clock.advance_clock(CLOCK_STEPS[action])
    elif action == "bekukan":
        clock.freeze_clock()
    elif action == "jalankan":
        clock.run_clock()
    elif action == "ke_tahap":
        clock.set_clock(stage_target(services, form))
    else:
        raise PanelError(tr("Aksi waktu tidak dikenal."))
    state = tr("dibekukan") if clock.frozen else tr("berjalan")
    return tr("Waktu simulasi: {time} ({state}).", time=wib(clock.now()), state=state)


def stage_target(services: Services, form: Mapping[str, str]) -> datetime:
    """The moment 'ke_tahap' moves to: start, 5 minutes before the end, or the end of a stage."""
    try:
        tender = services.tenders.tender(form.get("tender", ""))
    except DomainError:
        raise PanelError(tr("Pilih paket tender yang ada.")) from None
    try:
        window = tender.schedule.window(form.get("tahap", ""))
    except KeyError:
        raise PanelError(tr("Pilih tahap dari jadwal tender.")) from None
    point = form.get("titik", "")
    if point == "mulai":
        return window.start
    if point == "sebelum_akhir":
        return window.end - BEFORE_DEADLINE
    if point == "akhir":
        return window.end
    raise PanelError(tr("Pilih awal tahap atau batas akhir tahap."))


# what the page shows ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FaultRow:
    name: str
    title: str
    description: str
    on: bool
    state: str
    params: tuple[tuple[str, str, str], ...]  # (name, label, value)
    times: str
    actor: str


def fault_rows(board: FaultBoard) -> list[FaultRow]:
    """Every known fault, switched on or not, in the order of KNOWN_FAULTS."""
    armed = {fault.name: fault for fault in board.armed()}
    rows = []
    for name, spec in KNOWN_FAULTS.items():
        fault = armed.get(name)
        values = dict(fault.params) if fault else {}
        rows.append(
            FaultRow(
                name=name,
                title=fault_title(name),
                description=tr(spec.description),
                on=fault is not None,
                state=fault_state(fault),
                params=tuple(
                    (
                        p,
                        tr(PARAM_LABELS[p]) if p in PARAM_LABELS else p,
                        str(values.get(p, PARAM_DEFAULTS.get(p, ""))),
                    )
                    for p in spec.params
                ),
                times=str(DEFAULT_TIMES.get(name, "")),
                actor=(fault.actor or "") if fault else "",
            )
        )
    return rows


def fault_state(fault: Fault | None) -> str:
    """'Normal', or what is switched on and for how long."""
    if fault is None:
        return tr("Normal")
    scope = (
        tr("sampai dimatikan")
        if fault.remaining is None
        else tr("{n} kali lagi", n=fault.remaining)
    )
    who = tr(", hanya user {actor}", actor=fault.actor) if fault.actor else ""
    return tr("Gangguan aktif ({scope}{who})", scope=scope, who=who)


def firing_rows(firings: list[Firing], limit: int = FIRINGS_SHOWN) -> list[dict[str, str]]:
    """The firing log, newest first: when (simulated and wall time), which fault, for whom."""
    return [
        {
            "sim": wib(f.sim_time, seconds=True),
            "wall": wib(f.wall_time, seconds=True),
            "name": f.name,
            "title": fault_title(f.name),
            "actor": f.actor or "-",
            "detail": f.detail or "-",
        }
        for f in reversed(firings[-limit:])
    ]


def tender_rows(services: Services) -> list[dict[str, str]]:
    now = services.simulation.now()
    return [
        {"id": t.tender_id, "name": t.name, "stage": t.stage_name(now)}
        for t in sorted(services.tenders.tenders(), key=lambda t: t.tender_id)
    ]


def status(services: Services) -> dict[str, Any]:
    """What the page refreshes while open: clock, switches, firing log."""
    simulation = services.simulation
    return {
        "clock": wib(simulation.now()),
        "frozen": simulation.frozen,
        "faults": {
            row.name: {"on": row.on, "state": row.state} for row in fault_rows(simulation.faults)
        },
        "firings": firing_rows(simulation.faults.firings()),
        "tenders": tender_rows(services),
    }


# access ----------------------------------------------------------------------------------------
def cookie_value(token: str) -> str:
    """What the panel cookie holds: derived from the token, so the cookie is not the token."""
    return hmac.new(token.encode(), b"spse-sim-panel-cookie", hashlib.sha256).hexdigest()


def csrf_token(secret: bytes) -> str:
    return hmac.new(secret, b"spse-sim-panel-csrf", hashlib.sha256).hexdigest()


def sign_note(secret: bytes, text: str, kind: str) -> str:
    return hmac.new(secret, f"{kind}\0{text}".encode(), hashlib.sha256).hexdigest()[:32]


def panel_allowed(request: Request) -> bool:
    """The /_sim rule, plus the panel cookie for browsers when a control token is set.

    Requests another site's page made the browser send are refused, cookie or not.
    """
    if api.cross_site(request):
        return False
    if api.allowed(request):
        return True
    token = _services(request).settings.control_token
    if token is None:
        return False
    held = request.cookies.get(COOKIE)
    return held is not None and _same(held, cookie_value(token))


def _same(offered: str, expected: str) -> bool:
    """Constant-time comparison of text a client sent: compare_digest refuses non-ASCII str
    (a TypeError, so a 500) and that text can be anything."""
    return hmac.compare_digest(
        offered.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


# pages -----------------------------------------------------------------------------------------
class Panel:
    """The panel's handlers, with their own templates."""

    def __init__(self) -> None:
        self.templates = jinja2.Environment(
            loader=jinja2.PackageLoader("fake_spse.control", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=COMPILED_TEMPLATES,
        )
        self.templates.globals["tr"] = tr
        self.templates.globals["lang"] = current_language

    def routes(self) -> list[Route]:
        return [
            Route("/panel", self.page, methods=["GET"]),
            Route("/panel/status", self.status, methods=["GET"]),
            Route("/panel/waktu", self.clock, methods=["POST"]),
            Route("/panel/gangguan", self.fault, methods=["POST"]),
        ]

    async def page(self, request: Request) -> Response:
        token = _services(request).settings.control_token
        offered = request.query_params.get(TOKEN_QUERY)
        if offered is not None:
            if token is not None and hmac.compare_digest(offered.encode(), token.encode()):
                # Exchange the token for the cookie and drop it from the address bar.
                response = RedirectResponse(PANEL_PATH, status_code=303)
                response.set_cookie(
                    COOKIE,
                    cookie_value(token),
                    path="/_sim",
                    httponly=True,
                    samesite="strict",
                    secure=request.url.scheme == "https",
                )
                return _hardened(response)
            if token is None and panel_allowed(request):
                return _hardened(RedirectResponse(PANEL_PATH, status_code=303))
            return self._refused(request)
        if not panel_allowed(request):
            return self._refused(request)
        return self._render(request)

    async def status(self, request: Request) -> Response:
        if not panel_allowed(request):
            return _hardened(JSONResponse({"ok": False}, status_code=403))
        return _hardened(JSONResponse(status(_services(request))))

    async def clock(self, request: Request) -> Response:
        return await self._post(request, lambda form: clock_action(_services(request), form))

    async def fault(self, request: Request) -> Response:
        return await self._post(
            request, lambda form: switch_fault(_services(request).simulation.faults, form)
        )

    async def _post(self, request: Request, act: Any) -> Response:
        if not panel_allowed(request):
            return self._refused(request)
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        secret = _secret(request)
        if not _same(fields.get("csrf", ""), csrf_token(secret)):
            return self._refused(request, reason=tr("Formulir panel tidak sah. Muat ulang panel."))
        try:
            note, kind = str(act(fields)), "ok"
        except PanelError as exc:
            note, kind = str(exc), "galat"
        query = urlencode({"catatan": note, "jenis": kind, "sig": sign_note(secret, note, kind)})
        return _hardened(RedirectResponse(f"{PANEL_PATH}?{query}", status_code=303))

    def _render(self, request: Request) -> Response:
        the_services = _services(request)
        simulation = the_services.simulation
        secret = _secret(request)
        note = request.query_params.get("catatan", "")
        kind = request.query_params.get("jenis", "ok")
        signature = request.query_params.get("sig", "")
        if note and not _same(signature, sign_note(secret, note, kind)):
            note = ""  # only notes the panel itself wrote are shown
        nonce = secrets.token_urlsafe(16)
        html = self.templates.get_template("panel.html").render(
            services=the_services,
            clock=wib(simulation.now()),
            frozen=simulation.frozen,
            faults=fault_rows(simulation.faults),
            firings=firing_rows(simulation.faults.firings()),
            tenders=tender_rows(the_services),
            # Every method's stages (a tender jumps only to the ones its schedule has).
            stages=list(
                dict.fromkeys(
                    s.name for m in the_services.profile.methods.values() for s in m.stages
                )
            ),
            points=STAGE_POINTS,
            csrf=csrf_token(secret),
            note=note,
            note_kind=kind if kind in ("ok", "galat") else "ok",
            nonce=nonce,
            wall=wib(datetime.now(UTC)),
        )
        return _hardened(HTMLResponse(html), nonce=nonce)

    def _refused(self, request: Request, reason: str | None = None) -> Response:
        html = self.templates.get_template("panel_ditolak.html").render(reason=reason)
        return _hardened(HTMLResponse(html, status_code=403))


def _services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def _secret(request: Request) -> bytes:
    found: bytes = request.app.state.sim_secret
    return found


def _hardened(response: Response, *, nonce: str | None = None) -> Response:
    """No caching, no framing (clickjacking), no referrer to other sites; nonce-only scripts."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    # same-origin, not no-referrer: with no-referrer Chromium posts forms with "Origin: null".
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    inline = f"'nonce-{nonce}'" if nonce else "'none'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src {inline}; style-src {inline}; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )
    return response


def routes() -> list[Route]:
    """The panel's routes, mounted under /_sim next to the JSON API."""
    return Panel().routes()
