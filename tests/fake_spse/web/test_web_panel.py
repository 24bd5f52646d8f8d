"""The trainer panel over HTTP: who may open it, the token-to-cookie exchange, CSRF, framing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from spse_web import START

from fake_spse.app import create_app
from fake_spse.control.panel import COOKIE, cookie_value
from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from spse_shared.run_sync import run_sync

CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
REMOTE = ("203.0.113.9", 50000)
TOKEN = "rahasia-pelatih-123"


def csrf_of(page: httpx.Response) -> str:
    found = CSRF.search(page.text)
    assert found, "no CSRF token on the panel"
    return found.group(1)


@pytest.fixture
def local(tmp_path: Path) -> Iterator[httpx.Client]:
    settings = Settings(
        data_dir=tmp_path / "lpse", clock_start=START, password_cost=SIMULATED_PASSWORD_COST
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as client:
        yield client


def remote_calls(settings: Settings, calls: list[tuple[str, str, dict[str, str]]]) -> list[int]:
    """Status codes of requests from a non-local address (the app called in process)."""

    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=create_app(settings), client=REMOTE)
        async with httpx.AsyncClient(transport=transport, base_url="http://spse.lan") as http:
            return [
                (await http.request(method, path, headers=headers)).status_code
                for method, path, headers in calls
            ]

    return run_sync(run())


def test_panel_on_a_local_address_is_a_hardened_page(local: httpx.Client) -> None:
    page = local.get("/_sim/panel")

    assert page.status_code == 200
    assert "Panel Pelatih" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    nonce = re.search(r"script-src 'nonce-([^']+)'", page.headers["content-security-policy"])
    assert nonce
    assert f'<script nonce="{nonce.group(1)}">' in page.text


def test_a_switch_needs_the_forms_csrf_token(local: httpx.Client) -> None:
    form = {"nama": "ca.down", "aksi": "nyalakan"}

    refused = local.post("/_sim/panel/gangguan", data={**form, "csrf": "0" * 64})

    assert refused.status_code == 403
    assert "Formulir panel tidak sah" in refused.text
    assert local.get("/_sim/faults").json()["armed"] == []

    done = local.post(
        "/_sim/panel/gangguan", data={**form, "csrf": csrf_of(local.get("/_sim/panel"))}
    )

    assert done.status_code == 303
    assert [f["name"] for f in local.get("/_sim/faults").json()["armed"]] == ["ca.down"]
    shown = local.get(done.headers["location"])
    assert "CA BSrE tidak dapat dihubungi: dinyalakan" in shown.text


def test_posts_from_another_sites_page_are_refused(local: httpx.Client) -> None:
    csrf = csrf_of(local.get("/_sim/panel"))
    form = {"nama": "adp.down", "aksi": "nyalakan", "csrf": csrf}

    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}):
        assert local.post("/_sim/panel/gangguan", data=form, headers=headers).status_code == 403
        assert (
            local.post("/_sim/faults", json={"name": "adp.down"}, headers=headers).status_code
            == 403
        )
    assert local.get("/_sim/faults").json()["armed"] == []


def test_notes_in_the_address_are_shown_only_when_the_panel_signed_them(
    local: httpx.Client,
) -> None:
    page = local.get(
        "/_sim/panel", params={"catatan": "Server diretas!", "jenis": "ok", "sig": "x"}
    )

    assert "Server diretas!" not in page.text


def test_without_a_token_other_computers_get_nothing(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse", clock_start=START, password_cost=SIMULATED_PASSWORD_COST
    )
    calls = [
        ("GET", "/_sim/panel", {}),
        ("GET", f"/_sim/panel?token={TOKEN}", {}),
        ("GET", "/_sim/panel/status", {}),
        ("POST", "/_sim/panel/waktu", {}),
        ("GET", "/_sim/clock", {}),
    ]

    assert remote_calls(settings, calls) == [403, 403, 403, 403, 403]


def test_with_a_token_the_browser_trades_it_for_a_cookie_once(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=START,
        control_token=TOKEN,
        password_cost=SIMULATED_PASSWORD_COST,
    )
    held = f"{COOKIE}={cookie_value(TOKEN)}"

    async def run() -> None:
        transport = httpx.ASGITransport(app=create_app(settings), client=REMOTE)
        async with httpx.AsyncClient(transport=transport, base_url="http://spse.lan") as http:
            assert (await http.get("/_sim/panel")).status_code == 403
            assert (await http.get("/_sim/panel?token=salah")).status_code == 403

            opened = await http.get(f"/_sim/panel?token={TOKEN}")

            assert opened.status_code == 303
            assert opened.headers["location"] == "/_sim/panel"  # the token leaves the address
            cookie = opened.headers["set-cookie"]
            assert cookie.startswith(held + ";")
            assert TOKEN not in cookie
            for attribute in ("HttpOnly", "SameSite=strict", "Path=/_sim"):
                assert attribute in cookie
            page = await http.get("/_sim/panel", headers={"cookie": held})
            assert page.status_code == 200
            form = {"aksi": "maju_jam", "csrf": csrf_of(page)}
            moved = await http.post("/_sim/panel/waktu", data=form, headers={"cookie": held})
            assert moved.status_code == 303
            # The cookie opens the panel only; scripts keep using the header.
            assert (await http.get("/_sim/clock", headers={"cookie": held})).status_code == 403
            clock = await http.get("/_sim/clock", headers={"x-sim-token": TOKEN})
            assert clock.json()["now"] == "2026-03-02T02:00:00+00:00"

    run_sync(run())


def test_with_a_token_even_local_callers_need_it(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=START,
        control_token=TOKEN,
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as http:
        assert http.get("/_sim/panel").status_code == 403
        assert http.get("/_sim/panel", headers={"x-sim-token": TOKEN}).status_code == 200
