"""Launch the browser find_chromium picks and read a page back: proves the setup works."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from simulator.browser.launch import DISABLE_FEATURES, EXTRA_DISABLED_FEATURES


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
    Playwright's driver), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    mine = {os.getpid()}
    grew = True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in mine} - mine
        mine |= found
        grew = bool(found)
    lines = []
    for pid in mine:
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        words = " ".join(a.decode() for a in raw.split(b"\0") if a).split()
        if (
            words
            and "chrom" in Path(words[0]).name
            and not any(w.startswith("--type=") for w in words)
        ):
            lines.append(words)
    return lines


@pytest.mark.e2e
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table")
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
