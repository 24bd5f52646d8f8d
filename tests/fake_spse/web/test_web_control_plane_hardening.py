"""The control plane cannot be driven by a web page in the user's browser (CSRF, DNS
rebinding), and the control token never reaches the request log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from spse_web import START

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from fake_spse.web.request_log import redact_query
from spse_shared.server_files import REQUEST_LOG_NAME

TOKEN = "rahasia-pelatih-123"


@pytest.fixture
def running(tmp_path: Path) -> Iterator[RunningServer]:
    with RunningServer(
        Settings(
            data_dir=tmp_path / "lpse", clock_start=START, password_cost=SIMULATED_PASSWORD_COST
        )
    ) as server:
        yield server


def clock_now(http: httpx.Client) -> str:
    now: str = http.get("/_sim/clock").json()["now"]
    return now


def test_a_rebound_host_name_cannot_drive_the_control_plane(running: RunningServer) -> None:
    """A page on evil.example (resolving to 127.0.0.1) talks to us from a loopback address,
    with its own name in Host and, being same-origin to itself, an Origin matching it."""
    evil = f"evil.example:{running.port}"
    rebound = {"host": evil, "origin": f"http://{evil}", "sec-fetch-site": "same-origin"}
    with httpx.Client(base_url=running.url, timeout=30) as http:
        before = clock_now(http)
        calls = [
            http.post("/_sim/clock", json={"advance_seconds": 86400}, headers=rebound),
            http.post("/_sim/faults", json={"name": "ca.down"}, headers=rebound),
            http.post(
                "/_sim/staff",
                json={
                    "user_id": "jahat",
                    "role": "pokja",
                    "name": "Jahat",
                    "email": "jahat@evil.example",
                    "password": "rahasia123",
                },
                headers=rebound,
            ),
            http.get("/_sim/panel", headers=rebound),
            http.get("/_sim/health", headers={"host": evil}),
        ]
        assert [c.status_code for c in calls] == [403] * len(calls)
        assert clock_now(http) == before
        assert http.get("/_sim/faults").json()["armed"] == []
        # The same requests by the bound address (and by localhost) are served.
        assert http.get("/_sim/health").status_code == 200
        local = {"host": f"localhost:{running.port}"}
        assert http.get("/_sim/health", headers=local).status_code == 200


def test_a_host_name_the_trainer_allows_is_served(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=START,
        allowed_hosts=("pelatih.lan",),
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as http:
        named = {"host": f"pelatih.lan:{server.port}"}
        assert http.get("/_sim/health", headers=named).status_code == 200
        other = {"host": f"lain.lan:{server.port}"}
        assert http.get("/_sim/health", headers=other).status_code == 403


def test_another_origin_cannot_drive_the_api(running: RunningServer) -> None:
    with httpx.Client(base_url=running.url, timeout=30) as http:
        before = clock_now(http)
        for headers in (
            {"origin": "http://evil.example"},
            {"origin": "null"},
            {"sec-fetch-site": "same-site"},
        ):
            answer = http.post("/_sim/clock", json={"advance_seconds": 60}, headers=headers)
            assert answer.status_code == 403
        assert clock_now(http) == before


def test_the_panel_token_never_reaches_the_request_log(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=START,
        control_token=TOKEN,
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as http:
        exchanged = http.get("/_sim/panel", params={"token": TOKEN, "catatan": "halo"})
        assert exchanged.status_code == 303
        http.get("/eproc4/lelang", params={"authenticityToken": "abc123def", "q": "jalan"})
    text = (settings.data_dir / REQUEST_LOG_NAME).read_text(encoding="utf-8")
    assert TOKEN not in text
    assert "abc123def" not in text
    queries = [json.loads(line)["query"] for line in text.splitlines()]
    assert "token=[disembunyikan]&catatan=halo" in queries
    assert "authenticityToken=[disembunyikan]&q=jalan" in queries


def test_redaction_keeps_the_rest_of_the_query() -> None:
    assert redact_query("") == ""
    assert redact_query("a=1&Token=x&b") == "a=1&Token=[disembunyikan]&b"
    assert redact_query("password=p%20q&x-sim-token=t") == (
        "password=[disembunyikan]&x-sim-token=[disembunyikan]"
    )
