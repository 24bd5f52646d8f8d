"""Locust's users of the deadline rush: vendors sending sealed offers, readers of the tender list.

Run in-process by ``spse-sim rush`` (``simulator.rush.engine``), or by Locust itself across
machines (README, "Deadline rush")::

    SPSE_RUSH_PLAN=rush/rencana.json locust -f simulator/rush/locustfile.py --master ...
    SPSE_RUSH_PLAN=rush/rencana.json SPSE_RUSH_WORKERS=2 locust -f ... --worker ...

Each vendor does what the upload page does (fake_spse/web/static/spamkodok-ui.js): open the
tender list, open the offer page (its authenticity token), POST the sealed offer as the raw body
with ``Content-Type: application/octet-stream`` and ``X-Authenticity-Token``. Every request is
logged to ``klien-<host>-<pid>.jsonl`` next to the plan; the verdict reads those logs against
the server's state.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import gevent
from locust import HttpUser, constant, events, task
from locust.env import Environment
from locust.runners import WorkerRunner
from requests import RequestException, Response

from simulator.harness.simcontrol import SimControl
from simulator.rush.plan import (
    CLIENT_LOG_PREFIX,
    CUT,
    LATE,
    PLAN_ENV,
    REUPLOAD,
    SLOW,
    START_CLOCK_ENV,
    WORKERS_ENV,
    RushPlan,
    Vendor,
)
from simulator.rush.prepare import start_clock

TOKEN = re.compile(r"d\.authenticityToken = '([^']*)'")
SERVER_TIME = re.compile(r'data-waktu-server="([^"]+)"')
CHUNK = 64 * 1024
# A vendor whose request got no answer (server down, connection dropped) tries again, as a person
# at the keyboard would, this many times, this far apart.
RETRIES = 30
RETRY_PAUSE_S = 1.0
TIMEOUT_S = 300.0
UPLOAD = "kirim penawaran"
IDLE_S = 3600.0


class _ClientCut(Exception):
    """The vendor's own connection drops mid-upload (a CUT vendor's first attempt)."""


class _Shared:
    """Per process: the plan, the vendors not yet claimed, and the client log."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plan: RushPlan | None = None
        self._queue: Iterator[Vendor] | None = None
        self._log: Any = None
        self.finished = 0

    def plan(self) -> RushPlan:
        with self._lock:
            if self._plan is None:
                path = os.environ.get(PLAN_ENV)
                if not path:
                    raise RuntimeError(f"${PLAN_ENV} (path of rencana.json) is not set")
                self._plan = RushPlan.read(Path(path))
            return self._plan

    @property
    def folder(self) -> Path:
        return Path(os.environ[PLAN_ENV]).parent

    def claim(self, worker_index: int) -> Vendor | None:
        """The next vendor of this worker's share (worker k of W takes every W-th from k)."""
        plan = self.plan()
        with self._lock:
            if self._queue is None:
                workers = max(1, int(os.environ.get(WORKERS_ENV, "1")))
                self._queue = iter(plan.uploaders()[worker_index::workers])
            return next(self._queue, None)

    def finish(self) -> None:
        """One more vendor of this process is done."""
        with self._lock:
            self.finished += 1

    def log(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            if self._log is None:
                name = f"{CLIENT_LOG_PREFIX}{socket.gethostname()}-{os.getpid()}.jsonl"
                self._log = (self.folder / name).open("a", encoding="utf-8")
            self._log.write(line)
            self._log.flush()


SHARED = _Shared()


def _vendor_count() -> int:
    return len(SHARED.plan().uploaders()) if os.environ.get(PLAN_ENV) else 1


def _reader_count() -> int:
    return SHARED.plan().browsers if os.environ.get(PLAN_ENV) else 1


class _Base(HttpUser):
    abstract = True
    wait_time = constant(0)

    @property
    def spse(self) -> str:
        return SHARED.plan().spse_url

    def page(self, path: str, name: str) -> Response | None:
        """GET a page, logged; None when no answer came."""
        started = time.time()
        try:
            response = self.client.get(self.spse + path, name=name, timeout=TIMEOUT_S)
        except RequestException as exc:
            SHARED.log(_page_entry(name, started, None, str(exc)))
            return None
        status, error = _status(response)
        SHARED.log(_page_entry(name, started, status, error))
        return response if status == 200 else None

    def tender_list(self) -> None:
        """The public tender list and its data call (as spse-lelang.js makes it)."""
        listing = self.page("/lelang", "daftar tender")
        token = _token(listing)
        if token is None:
            return
        started = time.time()
        form = {"authenticityToken": token, "draw": "1", "start": "0", "length": "25"}
        name = "data daftar tender"
        try:
            response = self.client.post(
                self.spse + "/dt/lelang", data=form, name=name, timeout=TIMEOUT_S
            )
            SHARED.log(_page_entry(name, started, *_status(response)))
        except RequestException as exc:
            SHARED.log(_page_entry(name, started, None, str(exc)))


class RushVendor(_Base):
    """One vendor on deadline day (its kind from the plan)."""

    fixed_count = _vendor_count()
    vendor: Vendor | None = None
    finished = False

    def wait_time(self) -> float:
        # A vendor who is done stays (idle) until the rush ends: Locust would start a new user
        # in place of one that stopped, and every vendor uploads once.
        return IDLE_S if self.finished else 0.0

    def on_start(self) -> None:
        runner = self.environment.runner
        self.vendor = SHARED.claim(int(getattr(runner, "worker_index", 0) or 0))
        if self.vendor is not None:
            # For the server's host, so that a cookie the server sets later replaces this one.
            host = urlsplit(SHARED.plan().server_url).hostname or ""
            self.client.cookies.set(
                self.vendor.cookie_name, self.vendor.cookie_value, domain=host, path="/"
            )

    @task
    def deadline_day(self) -> None:
        if self.finished:
            return
        try:
            if self.vendor is not None:
                self._deadline_day(self.vendor)
        finally:
            self.finished = True
            SHARED.finish()

    def _deadline_day(self, vendor: Vendor) -> None:
        plan = SHARED.plan()
        self.tender_list()
        tender = plan.tender_id
        self.page(f"/lelang/{tender}/pengumumanlelang", "pengumuman tender")
        if vendor.kind == LATE:
            self._wait_for_deadline(plan)
        self._send(vendor, 0, "pertama" if vendor.kind != LATE else "terlambat")
        if vendor.kind == REUPLOAD and len(vendor.offers) > 1:
            self._send(vendor, 1, "ganti")

    def _wait_for_deadline(self, plan: RushPlan) -> None:
        """A late vendor waits until the server's clock (shown on the offer page) is past the
        deadline."""
        while True:
            assert self.vendor is not None
            response = self._offer_page(self.vendor)
            shown = SERVER_TIME.search(response.text) if response is not None else None
            if shown is not None:
                now = datetime.fromisoformat(shown.group(1))
                left = (plan.deadline - now).total_seconds() + plan.late_after_s
                if left <= 0:
                    return
                gevent.sleep(min(left, 5.0))
            else:
                gevent.sleep(RETRY_PAUSE_S)

    def _send(self, vendor: Vendor, number: int, purpose: str) -> None:
        """Open the offer page and send offer ``number``; again while no answer comes."""
        offer = vendor.offers[number]
        path = SHARED.folder / offer.path
        cut_first = vendor.kind == CUT
        for attempt in range(1, RETRIES + 1):
            token = _token(self._offer_page(vendor))
            if token is None:
                gevent.sleep(RETRY_PAUSE_S)
                continue
            client_cut = cut_first and attempt == 1
            answered, again = self._post(vendor, number, path, token, purpose, attempt, client_cut)
            if not again:
                return
            gevent.sleep(RETRY_PAUSE_S if not answered else 0)

    def _offer_page(self, vendor: Vendor) -> Response | None:
        """The offer page; when the session has ended (a server whose sessions expire), the
        vendor logs in on the login page it was sent to, as a person would, and opens it again."""
        path = f"/lelang/{SHARED.plan().tender_id}/penawaran"
        page = self.page(path, "halaman penawaran")
        if page is not None and urlsplit(page.url).path.endswith("/login"):
            self._log_in(vendor, page)
            page = self.page(path, "halaman penawaran")
        return page

    def _log_in(self, vendor: Vendor, login_page: Response) -> None:
        """The login form, with the login page's authenticity token."""
        form = {
            "authenticityToken": _token(login_page) or "",
            "user_id": vendor.user_id,
            "password": vendor.password,
        }
        started = time.time()
        try:
            response = self.client.post(
                self.spse + "/login", data=form, name="login", timeout=TIMEOUT_S
            )
            SHARED.log(_page_entry("login", started, *_status(response)))
        except RequestException as exc:
            SHARED.log(_page_entry("login", started, None, str(exc)))

    def _post(
        self,
        vendor: Vendor,
        number: int,
        path: Path,
        token: str,
        purpose: str,
        attempt: int,
        client_cut: bool,
    ) -> tuple[bool, bool]:
        """One POST of the sealed offer: (answered, send again)."""
        offer = vendor.offers[number]
        url = f"{self.spse}/lelang/{SHARED.plan().tender_id}/penawaran/kirim"
        headers = {"Content-Type": "application/octet-stream", "X-Authenticity-Token": token}
        entry: dict[str, Any] = {
            "type": "unggah",
            "vendor": vendor.user_id,
            "kind": vendor.kind,
            "purpose": purpose,
            "offer": number,
            "sha256": offer.sha256,
            "size": offer.size,
            "attempt": attempt,
            "client_cut": client_cut,
        }
        slow = vendor.kind == SLOW
        entry["t0"] = time.time()
        try:
            with path.open("rb") as handle:
                body: Any = handle
                if slow or client_cut:
                    body = _trickle(
                        handle,
                        pause_s=SHARED.plan().slow_delay_ms / 1000 if slow else 0.0,
                        stop_at=offer.size // 2 if client_cut else None,
                    )
                else:
                    headers["Content-Length"] = str(offer.size)
                with self.client.post(
                    url,
                    data=body,
                    headers=headers,
                    name=UPLOAD,
                    catch_response=True,
                    timeout=TIMEOUT_S,
                ) as response:
                    entry.update(_answer(response))
                    if entry["status"] == 200 or entry["messages"]:
                        response.success()  # a receipt, or a refusal SPSE explains
        except (RequestException, _ClientCut, OSError) as exc:
            entry.update({"status": None, "error": type(exc).__name__ + ": " + str(exc)[:200]})
        entry["t1"] = time.time()
        SHARED.log(entry)
        if entry.get("receipt") is not None:
            return True, False
        if entry["status"] is None or entry["status"] >= 500:
            return False, True
        # Refused with a message: after a dropped connection SPSE says to send again.
        return True, "terputus" in " ".join(entry.get("messages", [])).lower()


class TenderReader(_Base):
    """Someone who only follows the tender list during the rush."""

    fixed_count = _reader_count()
    wait_time = constant(1)

    @task
    def read(self) -> None:
        self.tender_list()
        self.page(f"/lelang/{SHARED.plan().tender_id}/pengumumanlelang", "pengumuman tender")


def _trickle(handle: Any, *, pause_s: float, stop_at: int | None) -> Iterator[bytes]:
    """The body in chunks, pausing between them; raising _ClientCut at ``stop_at`` bytes."""
    sent = 0
    while True:
        if stop_at is not None and sent >= stop_at:
            raise _ClientCut(f"koneksi penyedia terputus setelah {sent} byte")
        chunk = handle.read(CHUNK)
        if not chunk:
            return
        sent += len(chunk)
        yield chunk
        if pause_s:
            gevent.sleep(pause_s)


def _token(response: Response | None) -> str | None:
    found = TOKEN.search(response.text) if response is not None else None
    return found.group(1) if found else None


def _status(response: Response) -> tuple[int | None, str | None]:
    """The HTTP status, or None and why when no answer came: Locust's client does not raise on
    a connection error or a timeout, it answers status 0 with the error attached."""
    if response.status_code:
        return response.status_code, None
    error = getattr(response, "error", None)
    return None, (type(error).__name__ + ": " + str(error)[:200]) if error else "tanpa jawaban"


def _answer(response: Response) -> dict[str, Any]:
    """What the upload endpoint answered: status, request id, receipt or messages."""
    status, error = _status(response)
    entry: dict[str, Any] = {
        "status": status,
        "request_id": response.headers.get("X-Request-Id"),
        "receipt": None,
        "messages": [],
    }
    if status is None:
        entry["error"] = error
        return entry
    try:
        body = response.json()
    except ValueError:
        return entry
    if not isinstance(body, dict):
        return entry
    if body.get("ok"):
        entry["receipt"] = {
            key: body.get(key) for key in ("offer_id", "sha256", "size", "received_at", "replaced")
        }
        entry["messages"] = [str(body.get("message", ""))]
    else:
        entry["messages"] = [str(m) for m in body.get("messages", [])]
    return entry


def _page_entry(name: str, started: float, status: int | None, error: str | None) -> dict[str, Any]:
    return {
        "type": "halaman",
        "name": name,
        "t0": started,
        "t1": time.time(),
        "status": status,
        "error": error,
    }


def _start_clock(environment: Environment, **_: Any) -> None:
    """Locust's own master (or a lone locust) starts the server's clock at the window's start."""
    if not os.environ.get(START_CLOCK_ENV) or isinstance(environment.runner, WorkerRunner):
        return
    plan = SHARED.plan()
    token = plan.extra.get("control_token")
    sim = SimControl(plan.server_url, token=str(token) if token else None)
    try:
        start_clock(sim, plan)
    finally:
        sim.close()


def _close_log(environment: Environment, **_: Any) -> None:
    with SHARED._lock:
        if SHARED._log is not None:
            SHARED._log.close()
            SHARED._log = None


# Locust's event hooks are untyped; registered by call rather than by decorator.
events.test_start.add_listener(_start_clock)  # type: ignore[no-untyped-call]
events.quitting.add_listener(_close_log)  # type: ignore[no-untyped-call]
