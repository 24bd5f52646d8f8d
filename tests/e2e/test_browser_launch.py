"""Launch the browser find_chromium picks and read a page back: proves the setup works."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import sync_playwright

from simulator.browser.launch import find_chromium, launch_options


@pytest.mark.e2e
def test_found_browser_renders_a_page() -> None:
    choice = find_chromium()
    html = "<!doctype html><title>SPSE</title><h1>Sistem Pengadaan Secara Elektronik</h1>"

    with sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(choice, headless=True))
        try:
            page = browser.new_page()
            page.goto("data:text/html;charset=utf-8," + quote(html))
            heading = page.locator("h1").inner_text()
        finally:
            browser.close()

    assert heading == "Sistem Pengadaan Secara Elektronik"
