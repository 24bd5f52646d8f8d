"""The /_sim control API: who may call it, and what it answers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from spse_web import START, UPLOAD_STAGE, Sim, World
from starlette.requests import Request

from fake_spse.control.api import TOKEN_HEADER, allowed
from fake_spse.server import RunningServer
from fake_spse.settings import Settings


def control_request(
    tmp_path: Path, *, host: str, token: str | None, header: str | None = None
) -> Request:
    settings = Settings(data_dir=tmp_path, control_token=token)
    app = SimpleNamespace(state=SimpleNamespace(services=SimpleNamespace(settings=settings)))
    headers = [(b"host", b"127.0.0.1:8000")]
    if header is not None:
        headers.append((TOKEN_HEADER.encode(), header.encode()))
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/_sim/health",
        "headers": headers,
        "client": (host, 50000),
        "server": ("127.0.0.1", 8000),
        "app": app,
    }
    return Request(scope)


@pytest.mark.parametrize(
    ("host", "token", "header", "expected"),
    [
        ("203.0.113.9", "rahasia", None, False),
        ("203.0.113.9", "rahasia", "salah", False),
        ("203.0.113.9", "rahasia", "rahasia", True),
        ("203.0.113.9", None, None, False),
        ("203.0.113.9", None, "apa saja", False),
        ("127.0.0.1", None, None, True),
        ("::1", None, None, True),
        ("127.0.0.1", "rahasia", "rahasia", True),
    ],
)
def test_allowed(
    tmp_path: Path, host: str, token: str | None, header: str | None, expected: bool
) -> None:
    request = control_request(tmp_path, host=host, token=token, header=header)
    assert allowed(request) is expected


def test_the_token_is_required_over_http(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", clock_start=START, control_token="rahasia")
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as http:
        refused = http.get("/_sim/health")
        assert refused.status_code == 403
        assert refused.json()["ok"] is False
        assert http.get("/_sim/health", headers={TOKEN_HEADER: "salah"}).status_code == 403
        answer = http.get("/_sim/health", headers={TOKEN_HEADER: "rahasia"})
        assert answer.status_code == 200
        assert answer.json()["profile"] == "spse-4.3-ca"


def test_no_control_api_outside_simulation(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", simulation=False)
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as http:
        assert http.get("/_sim/health").status_code == 404


def test_clock_can_be_set_advanced_and_moved_to_a_stage(world: World) -> None:
    sim = world.sim
    assert sim.call("GET", "/clock")["now"] == START.isoformat()
    moved = sim.call("POST", "/clock", {"advance_seconds": 3600})
    assert moved["now"] == "2026-03-02T02:00:00+00:00"
    assert moved["now_wib"] == "2026-03-02T09:00:00+07:00"
    at_upload = sim.to_stage(world.tender_id, UPLOAD_STAGE)
    assert at_upload.isoformat() == "2026-03-06T01:00:00+00:00"
    sim.call("POST", "/clock", {"set": "2026-03-02T08:00:00+07:00"})
    assert sim.call("GET", "/clock")["now"] == START.isoformat()


def test_bad_control_requests_are_answered_in_json(sim: Sim) -> None:
    cases = [
        ("POST", "/clock", {"set": "2026-03-02T08:00:00"}, 400),  # naive time
        ("POST", "/clock", {"advance_seconds": -5}, 400),
        ("POST", "/faults", {"name": "ca.mati"}, 400),
        ("POST", "/staff", {"user_id": "x", "role": "penyedia"}, 400),
        ("POST", "/clock", {"tender_id": "99999999", "to_stage": UPLOAD_STAGE}, 404),
        ("POST", "/ca/revoke", {"serial": "12345"}, 404),
        ("POST", "/ca/revoke", {"user_id": "tidakada"}, 400),
        ("GET", "/tenders/99999999/offers", None, 404),
    ]
    for method, path, body, status in cases:
        response = sim.http.request(method, path, json=body)
        assert (path, response.status_code) == (path, status), response.text
        assert response.json()["ok"] is False


def test_faults_are_armed_listed_and_logged(sim: Sim) -> None:
    sim.arm("ca.down", times=2, actor="ptmaju")
    [armed] = sim.call("GET", "/faults")["armed"]
    assert (armed["name"], armed["remaining"], armed["actor"]) == ("ca.down", 2, "ptmaju")
    assert sim.call("DELETE", "/faults/ca.down")["armed"] == []
    sim.arm("upload.cut", params={"after_bytes": 10})
    assert sim.call("DELETE", "/faults")["armed"] == []
    assert sim.call("GET", "/firings")["firings"] == []


def test_staff_user_ids_are_unique(sim: Sim) -> None:
    sim.staff("pokja1", "pokja")
    body = {"user_id": "pokja1", "role": "pokja", "name": "x", "email": "x@y.id", "password": "p"}
    assert sim.http.post("/staff", json=body).status_code == 409
