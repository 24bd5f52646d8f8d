"""Launch the browser find_chromium picks and read a page back: proves the setup works."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Browser


@pytest.mark.e2e
def test_found_browser_renders_a_page(sim_browser: Browser) -> None:
    """``sim_browser`` is the Chromium find_chromium picks, launched with launch_options (one
    per session: a second sync Playwright in the same thread would refuse to start)."""
    html = "<!doctype html><title>SPSE</title><h1>Sistem Pengadaan Secara Elektronik</h1>"

    page = sim_browser.new_page()
    try:
        page.goto("data:text/html;charset=utf-8," + quote(html))
        heading = page.locator("h1").inner_text()
    finally:
        page.close()

    assert heading == "Sistem Pengadaan Secara Elektronik"
