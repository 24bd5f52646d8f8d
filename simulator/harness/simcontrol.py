"""A client of the fake SPSE's /_sim control API: the only way scenarios bend reality."""

from __future__ import annotations

import base64
import http.client
import json
import os
import select
import ssl
import threading
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import certifi

# How long connecting, or waiting for an answer, may take before a call is refused.
TIMEOUT_S = 30
# How a kept-alive connection the server closed at the moment of a request fails it.
_CLOSED_UNDER_US = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
# Characters a request target keeps as they are (the rest is percent-encoded, as httpx does).
_TARGET_SAFE = "/?&=%:@!$'()*+,;~"


class SimControlError(RuntimeError):
    """The control API refused a call."""


class ControlPlaneUnavailable(SimControlError):
    """There is no /_sim (a run against another deployment): what needs it does not apply."""


@cache
def _tls() -> ssl.SSLContext:
    """The TLS context httpx and the rest of this project's HTTP clients verify with (the CA
    bundle named by SSL_CERT_FILE or SSL_CERT_DIR, else certifi's), made once per process.
    Made here rather than by httpx: importing httpx (with the click and rich its command line
    brings) costs every run that talks to /_sim most of a tenth of a second."""
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    return ssl.create_default_context(cafile=certifi.where())


def _closed_by_peer(connection: http.client.HTTPConnection) -> bool:
    """Whether an idle kept-alive connection has something to read: the server closed it
    (uvicorn closes idle ones after a few seconds), so the next request needs a new one."""
    sock = connection.sock
    if sock is None:
        return False
    if not hasattr(select, "poll"):  # gevent's patched select (the rush, under Locust) has none
        return bool(select.select([sock], [], [], 0)[0])
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class SimControl:
    """Clock, faults and seed data of one fake SPSE server.

    Calls go over plain keep-alive HTTP connections (http.client), one per thread: a scenario
    makes dozens of calls, and httpx's client costs about a millisecond of CPU more per call
    (its own and the server's) than the request itself.
    """

    def __init__(self, server_url: str, *, token: str | None = None) -> None:
        url = urlsplit(server_url.rstrip("/"))
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"not an http(s) server URL: {server_url!r}")
        self._https = url.scheme == "https"
        self._host = url.hostname
        self._port = url.port
        self._prefix = url.path + "/_sim"
        self._headers = {"Accept": "application/json"}
        if token:
            self._headers["X-Sim-Token"] = token
        self._refusal: str | None = None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[http.client.HTTPConnection] = []

    @classmethod
    def unavailable(cls, reason: str) -> SimControl:
        """A client whose every call raises ControlPlaneUnavailable(``reason``)."""
        control = cls("http://sim.invalid")
        control._refusal = reason
        return control

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()

    def _connection(self) -> http.client.HTTPConnection:
        connection: http.client.HTTPConnection | None = getattr(self._local, "connection", None)
        if connection is None:
            if self._https:
                connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=TIMEOUT_S, context=_tls()
                )
            else:
                connection = http.client.HTTPConnection(self._host, self._port, timeout=TIMEOUT_S)
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        elif _closed_by_peer(connection):
            connection.close()  # the next request opens it again
        return connection

    def _exchange(
        self, method: str, path: str, body: dict[str, Any] | None = None
    ) -> tuple[int, bytes]:
        """The status and body of the answer to one request to ``/_sim<path>``."""
        if self._refusal is not None:
            raise ControlPlaneUnavailable(self._refusal)
        headers = dict(self._headers)
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        target = quote(self._prefix + path, safe=_TARGET_SAFE)
        for attempt in range(2):
            connection = self._connection()
            reused = connection.sock is not None
            try:
                connection.request(method, target, body=content, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                if reused and attempt == 0 and isinstance(exc, _CLOSED_UNDER_US):
                    # The server closed the kept-alive connection as the request went out
                    # (its idle timeout): it never read the request, so it is sent again.
                    continue
                # The server went away or stalled: a refusal of the control plane, in one line.
                detail = " ".join(str(exc).split()) or type(exc).__name__
                raise SimControlError(f"{method} /_sim{path}: {detail}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        status, answer = self._exchange(method, path, body)
        if status >= 400:
            text = answer.decode("utf-8", errors="replace")
            raise SimControlError(f"{method} /_sim{path}: {status} {text}")
        return json.loads(answer)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        """POST ``body`` to ``/_sim<path>``; the JSON answer (SimControlError when refused)."""
        return self._call("POST", path, body)

    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/health")
        return result

    def now(self) -> datetime:
        return datetime.fromisoformat(self._call("GET", "/clock")["now"])

    def set_clock(self, moment: datetime) -> datetime:
        return datetime.fromisoformat(
            self._call("POST", "/clock", {"set": moment.isoformat()})["now"]
        )

    def advance(self, seconds: float) -> datetime:
        answer = self._call("POST", "/clock", {"advance_seconds": seconds})
        return datetime.fromisoformat(answer["now"])

    def to_stage(
        self, tender_id: str, stage: str, *, edge: str = "start", plus_seconds: float = 0
    ) -> datetime:
        """Move the clock to the start (or end) of a stage of a tender's schedule."""
        body = {
            "tender_id": tender_id,
            "to_stage": stage,
            "edge": edge,
            "plus_seconds": plus_seconds,
        }
        return datetime.fromisoformat(self._call("POST", "/clock", body)["now"])

    def arm(
        self,
        name: str,
        *,
        times: int | None = None,
        actor: str | None = None,
        params: dict[str, int | str] | None = None,
    ) -> None:
        self._call(
            "POST", "/faults", {"name": name, "times": times, "actor": actor, "params": params}
        )

    def disarm(self, name: str) -> None:
        self._call("DELETE", f"/faults/{name}")

    def firings(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", "/firings")["firings"]
        return result

    def add_staff(self, *, user_id: str, role: str, name: str, email: str, password: str) -> None:
        self._call(
            "POST",
            "/staff",
            {"user_id": user_id, "role": role, "name": name, "email": email, "password": password},
        )

    def revoke(self, user_id: str, *, at: datetime | None = None) -> str:
        body: dict[str, Any] = {"user_id": user_id}
        if at is not None:
            body["at"] = at.isoformat()
        return str(self._call("POST", "/ca/revoke", body)["serial"])

    def certificates(self, user_id: str) -> dict[str, Any]:
        """A user's certificates: SPSE's list ("certificates", "current" serial), its AMS
        register ("ams_requests") and BSrE's register ("issued", with "revoked_at")."""
        result: dict[str, Any] = self._call("GET", f"/accounts/{user_id}/certificates")
        return result

    def old_certificate_apd(
        self, user_id: str, *, passphrase: str, variant: str = "aktif", key_pem: str | None = None
    ) -> tuple[bytes, dict[str, Any]]:
        """The user's old SpamKodok certificate as APD bytes (variant "aktif", "kedaluwarsa" or
        "asing"), with its serial, subject and validity; ``key_pem`` its key (else SPSE makes
        one)."""
        body = {"user_id": user_id, "passphrase": passphrase, "variant": variant}
        if key_pem is not None:
            body["key_pem"] = key_pem
        answer: dict[str, Any] = self._call("POST", "/ca/apd", body)
        return base64.b64decode(answer.pop("apd_b64")), answer

    def tender(self, tender_id: str) -> dict[str, Any]:
        """A tender's identity: tender_id, name, instansi, satker."""
        result: dict[str, Any] = self._call("GET", f"/tenders/{tender_id}")
        return result

    def offers(self, tender_id: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", f"/tenders/{tender_id}/offers")["offers"]
        return result

    def qualifications(self, tender_id: str) -> list[dict[str, Any]]:
        """The current qualification sendings of a tender (records and attachments)."""
        result: list[dict[str, Any]] = self._call("GET", f"/tenders/{tender_id}/kualifikasi")[
            "qualifications"
        ]
        return result

    def account(self, user_id: str) -> dict[str, Any] | None:
        """An account's state at this LPSE (status, home_lpse, ...), or None when there is none."""
        status, answer = self._exchange("GET", f"/accounts/{user_id}")
        if status == 404:
            return None
        if status >= 400:
            raise SimControlError(f"GET /_sim/accounts/{user_id}: {status}")
        result: dict[str, Any] = json.loads(answer)
        return result

    def adp_records(self) -> list[dict[str, Any]]:
        """The records of the ADP this LPSE uses (shared by every LPSE pointed at it)."""
        result: list[dict[str, Any]] = self._call("GET", "/adp/records")["records"]
        return result

    def damage_offer(
        self, tender_id: str, offer_id: int, mode: str, *, at: int | None = None
    ) -> dict[str, Any]:
        """Flip one byte of (``mode="flip"``) or cut short (``"truncate"``) a stored offer."""
        body: dict[str, Any] = {"mode": mode}
        if at is not None:
            body["at"] = at
        result: dict[str, Any] = self._call(
            "POST", f"/tenders/{tender_id}/offers/{offer_id}/damage", body
        )
        return result

    def blob_counts(self) -> dict[str, int]:
        """{"stored": files in the blob store, "partial": unfinished writes}."""
        result: dict[str, int] = self._call("GET", "/blobs")
        return result

    def package_key(self, tender_id: str) -> dict[str, Any]:
        """A tender's APENDO package key (NON CA): fingerprint, certificate, when released."""
        result: dict[str, Any] = self._call("GET", f"/tenders/{tender_id}/kunci-paket")
        return result

    def openings(self, tender_id: str) -> list[dict[str, Any]]:
        """What the pokja recorded at opening, per current offer of a tender."""
        result: list[dict[str, Any]] = self._call("GET", f"/tenders/{tender_id}/openings")[
            "openings"
        ]
        return result

    # LPSE Support and the LPSE's mailbox (KODOK-100..119)
    def support_tickets(self) -> dict[str, Any]:
        """{"tickets": [...with history and attachments], "attachment_files", "partial_files"}."""
        result: dict[str, Any] = self._call("GET", "/support/tickets")
        return result

    def mail(self) -> dict[str, Any]:
        """{"address", "smtp": {"host", "port"} or None, "messages": [...], "partial_files"}."""
        result: dict[str, Any] = self._call("GET", "/mail")
        return result

    def webmail(self, address: str) -> list[dict[str, Any]]:
        """The mail SPSE sent to ``address`` (its mailbox in the simulated world), newest
        first."""
        from_query = urlencode({"alamat": address})
        result: dict[str, Any] = self._call("GET", f"/webmail?{from_query}")
        return list(result["messages"])
