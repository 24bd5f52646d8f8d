"""pytest fixtures for driving the fake SPSE with SpamKodok desks.

A chain of small fixtures, each overridable: ``sim_browser`` (one Chromium per session) ->
``sim_options`` (per test: its own output and data folder) -> ``sim_env`` (a started server and
desks). Options live in the "spse-sim" group.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from fake_spse.profile import available_profiles
from simulator.browser import find_chromium, launch_options
from simulator.environment import RunOptions, SimEnvironment


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("spse-sim", "SPSE CA simulator")
    group.addoption(
        "--sim-profile",
        default="spse-4.3-ca",
        choices=available_profiles(),
        help="SPSE profile the embedded fake SPSE runs",
    )
    group.addoption("--sim-headed", action="store_true", help="show the browser windows")
    group.addoption(
        "--sim-slowmo",
        type=float,
        default=0,
        metavar="MS",
        help="slow every browser action down by MS milliseconds",
    )
    group.addoption("--sim-seed", type=int, default=20260302, help="Faker seed for test data")


@pytest.fixture(scope="session")
def sim_browser(pytestconfig: pytest.Config) -> Iterator[Browser]:
    """One Chromium for the whole session; each desk gets its own context."""
    options = launch_options(
        find_chromium(),
        headless=not pytestconfig.getoption("--sim-headed"),
        slow_mo_ms=pytestconfig.getoption("--sim-slowmo"),
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()


@pytest.fixture
def sim_options(pytestconfig: pytest.Config, tmp_path: Path) -> RunOptions:
    """Per test: its own output folder (and so its own server data directory)."""
    return RunOptions(
        output_dir=tmp_path / "run",
        profile=pytestconfig.getoption("--sim-profile"),
        seed=pytestconfig.getoption("--sim-seed"),
        headless=not pytestconfig.getoption("--sim-headed"),
        slow_mo_ms=pytestconfig.getoption("--sim-slowmo"),
    )


@pytest.fixture
def sim_env(sim_options: RunOptions, sim_browser: Browser) -> Iterator[SimEnvironment]:
    """A started fake SPSE on a real port, with desks in the shared browser."""
    with SimEnvironment(sim_options, browser=sim_browser) as env:
        yield env
