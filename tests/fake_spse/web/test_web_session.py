"""Sessions, login/logout and the authenticity token, over real HTTP."""

from __future__ import annotations

import re
from collections.abc import Callable

from spse_web import BASE, PASSWORD, START, Browser, Sim, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
COOKIE = re.compile(
    r"^SPSE_SESSION=(?P<mac>[0-9a-f]{40})-___AT=(?P<at>[0-9a-f]+)&___TS=(?P<ts>\d+)"
    r"&___ID=(?P<id>[0-9a-f]+); Path=/; HttpOnly; SameSite=Lax$"
)


def test_session_cookie_has_spse_shape_and_the_page_embeds_its_token(browser: Browser) -> None:
    first = browser.get("/")
    assert first.status_code == 200
    found = COOKIE.match(first.headers["set-cookie"])
    assert found, first.headers["set-cookie"]
    assert f"d.authenticityToken = '{found['at']}'" in first.text
    assert int(found["ts"]) == int(START.timestamp() * 1000)  # the simulated clock's time
    again = browser.get("/lelang")
    assert "set-cookie" not in again.headers
    assert f"d.authenticityToken = '{found['at']}'" in again.text


def test_a_tampered_cookie_starts_a_new_session(browser: Browser) -> None:
    token = browser.token()
    cookie = browser.http.cookies["SPSE_SESSION"]
    browser.http.cookies.clear()
    browser.http.cookies.set("SPSE_SESSION", "0" * 40 + cookie[40:])
    response = browser.get("/")
    assert "set-cookie" in response.headers
    assert browser.token() != token


def test_login_and_logout(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    response = browser.login("pokja1")
    assert (response.status_code, response.headers["location"]) == (303, BASE + "/dashboard")
    dashboard = browser.get("/dashboard")
    assert dashboard.status_code == 200
    assert "Nama pokja1 (pokja)" in page_text(dashboard)

    assert browser.post_form("/logout", {}).status_code == 303
    after = browser.get("/dashboard")
    assert after.status_code == 303
    assert after.headers["location"].startswith(BASE + "/login?pesan=")
    login_page = browser.http.get(after.headers["location"])
    assert MESSAGES.text("login.harus_login") in page_text(login_page)


def test_a_wrong_password_is_refused(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    response = browser.login("pokja1", "salah-sekali")
    assert response.status_code == 400
    assert MESSAGES.text("login.gagal") in page_text(response)
    assert browser.get("/dashboard").status_code == 303


def test_login_needs_the_authenticity_token(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    browser.token()  # a session exists, but the form does not carry its token
    for fields in (
        {"user_id": "pokja1", "password": PASSWORD},
        {"user_id": "pokja1", "password": PASSWORD, "authenticityToken": "palsu"},
    ):
        response = browser.post_form("/login", fields, token=False)
        assert response.status_code == 400
        assert MESSAGES.text("token.tidak_valid") in page_text(response)
    assert browser.get("/dashboard").status_code == 303


def test_a_token_from_another_session_is_refused(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("pokja1", "pokja")
    mine, theirs = new_browser(), new_browser()
    mine.token()
    fields = {"user_id": "pokja1", "password": PASSWORD, "authenticityToken": theirs.token()}
    response = mine.post_form("/login", fields, token=False)
    assert response.status_code == 400
    assert MESSAGES.text("token.tidak_valid") in page_text(response)
