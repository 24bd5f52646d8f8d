"""Launch the browser find_chromium picks and read a page back: proves the setup works."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from simulator.browser.launch import DISABLE_FEATURES, EXTRA_DISABLED_FEATURES
from simulator.desk.spamkodok.processes import descendants, read_process_table

PROC = Path("/proc")


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


def _chromium_command_lines() -> list[list[str]]:
    """The command lines of the Chromium browser processes this process started (through
    Playwright's driver)."""
    lines = []
    for pid in descendants(read_process_table(PROC), os.getpid()):
        try:
            raw = (PROC / str(pid) / "cmdline").read_bytes()
        except OSError:
            continue
        # Chromium may rewrite its command line into one string (its process title).
        words = " ".join(a.decode() for a in raw.split(b"\0") if a).split()
        if (
            words
            and "chrom" in Path(words[0]).name
            and not any(w.startswith("--type=") for w in words)
        ):
            lines.append(words)
    return lines


@pytest.mark.e2e
@pytest.mark.skipif(not PROC.is_dir(), reason="reads the process table from /proc")
def test_found_browser_runs_with_playwrights_disabled_features_and_ours(
    sim_browser: Browser,
) -> None:
    """Chromium keeps only the last --disable-features it is given: the one launch_options adds
    must turn off every feature Playwright's own switch does, and EXTRA_DISABLED_FEATURES."""
    assert sim_browser.is_connected()
    lines = _chromium_command_lines()
    assert lines, "no Chromium browser process under this test process"
    for words in lines:
        switches = [
            set(w.removeprefix(DISABLE_FEATURES).split(","))
            for w in words
            if w.startswith(DISABLE_FEATURES)
        ]
        assert len(switches) == 2, "Playwright's --disable-features, then ours"
        playwright_own, effective = switches
        assert playwright_own <= effective
        assert set(EXTRA_DISABLED_FEATURES) <= effective
