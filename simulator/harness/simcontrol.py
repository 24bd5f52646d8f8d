"""A client of the fake SPSE's /_sim control API: the only way scenarios bend reality."""

from __future__ import annotations

import base64
import ssl
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlencode

import httpx


class SimControlError(RuntimeError):
    """The control API refused a call."""


class ControlPlaneUnavailable(SimControlError):
    """There is no /_sim (a run against another deployment): what needs it does not apply."""


@cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS context, made once per process: httpx builds a new one per client
    otherwise (reading its CA bundle, ~50 ms), and every scenario opens a client."""
    return httpx.create_ssl_context()


class SimControl:
    """Clock, faults and seed data of one fake SPSE server."""

    def __init__(self, server_url: str, *, token: str | None = None) -> None:
        headers = {"X-Sim-Token": token} if token else {}
        self._http = httpx.Client(
            base_url=server_url.rstrip("/") + "/_sim", headers=headers, timeout=30, verify=_tls()
        )

    @classmethod
    def unavailable(cls, reason: str) -> SimControl:
        """A client whose every call raises ControlPlaneUnavailable(``reason``)."""

        def refuse(request: httpx.Request) -> httpx.Response:
            raise ControlPlaneUnavailable(reason)

        control = cls("http://sim.invalid")
        control._http.close()
        control._http = httpx.Client(
            base_url="http://sim.invalid/_sim", transport=httpx.MockTransport(refuse)
        )
        return control

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            response = self._http.request(method, path, json=body)
        except httpx.TransportError as exc:
            # The server went away or stalled: a refusal of the control plane, said in one line.
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise SimControlError(f"{method} /_sim{path}: {detail}") from exc
        if response.status_code >= 400:
            raise SimControlError(f"{method} /_sim{path}: {response.status_code} {response.text}")
        return response.json()

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
        self, user_id: str, *, passphrase: str, variant: str = "aktif"
    ) -> tuple[bytes, dict[str, Any]]:
        """The user's old SpamKodok certificate as APD bytes (variant "aktif", "kedaluwarsa" or
        "asing"), with its serial, subject and validity."""
        body = {"user_id": user_id, "passphrase": passphrase, "variant": variant}
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
        response = self._http.get(f"/accounts/{user_id}")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise SimControlError(f"GET /_sim/accounts/{user_id}: {response.status_code}")
        result: dict[str, Any] = response.json()
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
