"""Sessions against an attacker and a careless user: fixation, logout, expiry on the
simulated clock, no rows for cookie-less requests, cookie flags and page headers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from spse_web import BASE, START, Browser, Sim

from fake_spse.app import create_app
from fake_spse.server import RunningServer
from fake_spse.settings import (
    SIMULATED_PASSWORD_COST,
    SPSE_SESSION_ABSOLUTE,
    SPSE_SESSION_IDLE,
    Settings,
)
from fake_spse.storage.database import Database
from spse_shared.run_sync import run_sync


@pytest.fixture
def server(data_dir: Path) -> Iterator[RunningServer]:
    """A server with SPSE's session lifetimes (the shared fixture's server has none)."""
    settings = Settings(
        data_dir=data_dir,
        clock_start=START,
        session_idle=SPSE_SESSION_IDLE,
        session_absolute=SPSE_SESSION_ABSOLUTE,
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as running:
        yield running


def logged_in(browser: Browser) -> bool:
    return browser.get("/dashboard").status_code == 200


def test_a_cookie_planted_before_login_does_not_become_the_users_session(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("pokja1", "pokja")
    attacker, victim = new_browser(), new_browser()
    planted_token = attacker.token()
    planted = attacker.http.cookies["SPSE_SESSION"]
    victim.http.cookies = httpx.Cookies(attacker.http.cookies)  # same host, same path

    assert victim.login("pokja1").status_code == 303

    assert logged_in(victim)
    assert victim.http.cookies["SPSE_SESSION"] != planted
    assert victim.token() != planted_token
    assert not logged_in(attacker)


def test_logout_is_a_post_with_the_authenticity_token(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    assert browser.login("pokja1").status_code == 303
    before = browser.http.cookies["SPSE_SESSION"]

    assert browser.get("/logout").status_code == 405
    assert browser.post_form("/logout", {}, token=False).status_code == 400
    assert logged_in(browser)

    assert browser.post_form("/logout", {}).status_code == 303
    assert not logged_in(browser)
    # The old cookie is worth nothing afterwards.
    browser.http.cookies.clear()
    browser.http.cookies.set("SPSE_SESSION", before)
    assert not logged_in(browser)


def test_the_page_offers_logout_as_a_form(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    browser.login("pokja1")
    page = browser.get("/dashboard").text
    assert f'<form method="post" action="{BASE}/logout"' in page
    assert f'name="authenticityToken" value="{browser.token()}"' in page


def test_an_idle_session_expires_on_the_simulated_clock(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    browser.login("pokja1")
    for _ in range(3):  # active every 25 minutes: still logged in after 75 minutes
        sim.call("POST", "/clock", {"advance_seconds": 25 * 60})
        assert logged_in(browser)
    sim.call("POST", "/clock", {"advance_seconds": 31 * 60})
    answer = browser.get("/dashboard")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith(BASE + "/login?pesan=")


def test_a_busy_session_still_ends_after_eight_hours(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    browser.login("pokja1")
    for _ in range(16):  # 8 hours of requests every 29 minutes
        assert logged_in(browser)
        sim.call("POST", "/clock", {"advance_seconds": 29 * 60})
    assert logged_in(browser)  # 7 h 44 min
    sim.call("POST", "/clock", {"advance_seconds": 20 * 60})
    assert not logged_in(browser)
    assert browser.login("pokja1").status_code == 303
    assert logged_in(browser)


def test_requests_without_a_cookie_store_no_session(
    sim: Sim, new_browser: Callable[[], Browser], data_dir: Path
) -> None:
    sim.staff("pokja1", "pokja")
    for _ in range(5):
        fresh = new_browser()
        assert fresh.get("/").status_code == 200
        assert fresh.get("/login").status_code == 200
    db = Database(data_dir / "spse.sqlite3")
    assert db.session_count() == 0
    user = new_browser()
    user.login("pokja1")
    assert db.session_count() == 1
    user.post_form("/logout", {})
    assert db.session_count() == 0


def test_spse_pages_are_not_framed_or_sniffed(browser: Browser) -> None:
    for path in ("/", "/login", "/lelang", "/public/spse.css", "/tidak-ada"):
        answer = browser.get(path)
        assert answer.headers["x-frame-options"] == "DENY", path
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"], path


def test_the_cookie_is_secure_over_https(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "lpse", clock_start=START, smtp_port=None))

    async def first_cookie(base_url: str) -> str:
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
            return (await http.get(BASE + "/")).headers["set-cookie"]

    secure = run_sync(first_cookie("https://spse.lan"))
    plain = run_sync(first_cookie("http://spse.lan"))
    assert secure.endswith("; HttpOnly; SameSite=Lax; Secure")
    assert plain.endswith("; HttpOnly; SameSite=Lax")


def test_repeated_wrong_passwords_lock_the_account_for_a_while(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    for _ in range(5):
        assert browser.login("pokja1", "salah-sekali").status_code == 400
    locked = browser.login("pokja1")  # even the right password, for now
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan login yang gagal" in locked.text
    assert not logged_in(browser)
    sim.call("POST", "/clock", {"advance_seconds": 15 * 60})
    assert browser.login("pokja1").status_code == 303
    assert logged_in(browser)
