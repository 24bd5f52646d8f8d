"""The request log: a JSON line per request; its id in X-Request-Id and on error pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from spse_web import START, Browser, Sim, page_text

from fake_spse.web.request_log import HEADER
from spse_shared.server_files import REQUEST_LOG_NAME


def log_lines(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / REQUEST_LOG_NAME
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def line_of(data_dir: Path, request_id: str) -> dict[str, Any]:
    [found] = [e for e in log_lines(data_dir) if e["request_id"] == request_id]
    return found


def test_every_request_gets_an_id_that_its_log_line_carries(
    browser: Browser, data_dir: Path
) -> None:
    response = browser.get("/lelang?q=jalan")

    request_id = response.headers[HEADER]
    assert re.fullmatch(r"[0-9A-F]{12}", request_id)
    entry = line_of(data_dir, request_id)
    assert entry["method"] == "GET"
    assert entry["path"] == "/eproc4/lelang"
    assert entry["query"] == "q=jalan"
    assert entry["status"] == 200
    assert entry["user_id"] is None
    assert entry["sim_time"] == START.isoformat()
    assert entry["wall_time"].endswith("+00:00")
    assert entry["duration_ms"] >= 0
    assert "error" not in entry


def test_ids_are_unique_and_the_log_line_names_the_logged_in_user(
    browser: Browser, sim: Sim, data_dir: Path
) -> None:
    sim.staff("verif01", "verifikator")
    login = browser.login("verif01")
    home = browser.get("/dashboard")

    assert line_of(data_dir, login.headers[HEADER])["user_id"] is None  # not yet logged in
    assert line_of(data_dir, home.headers[HEADER])["user_id"] == "verif01"
    ids = [e["request_id"] for e in log_lines(data_dir)]
    assert len(ids) == len(set(ids))
    assert any(e["path"] == "/_sim/staff" for e in log_lines(data_dir))


def test_error_page_shows_the_request_id(browser: Browser, data_dir: Path) -> None:
    response = browser.get("/lelang/99999/pengumumanlelang")

    request_id = response.headers[HEADER]
    assert response.status_code == 404
    assert f"ID Permintaan: {request_id}" in page_text(response)
    assert line_of(data_dir, request_id)["status"] == 404


def test_server_error_shows_the_request_id_as_kode_error(
    browser: Browser, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("template store unavailable")

    monkeypatch.setattr("fake_spse.web.public.render", broken)

    response = browser.get("/")

    request_id = response.headers[HEADER]
    assert response.status_code == 500
    assert f"Kode Error: {request_id}" in page_text(response)
    entry = line_of(data_dir, request_id)
    assert entry["status"] == 500
    assert entry["error"] == "RuntimeError"
