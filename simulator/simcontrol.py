"""A client of the fake SPSE's /_sim control API: the only way scenarios bend reality."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx


class SimControlError(RuntimeError):
    """The control API refused a call."""


class SimControl:
    """Clock, faults and seed data of one fake SPSE server."""

    def __init__(self, server_url: str, *, token: str | None = None) -> None:
        headers = {"X-Sim-Token": token} if token else {}
        self._http = httpx.Client(
            base_url=server_url.rstrip("/") + "/_sim", headers=headers, timeout=30
        )

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, path, json=body)
        if response.status_code >= 400:
            raise SimControlError(f"{method} /_sim{path}: {response.status_code} {response.text}")
        return response.json()

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

    def offers(self, tender_id: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", f"/tenders/{tender_id}/offers")["offers"]
        return result
