"""Server fixtures: a fake SPSE on a real port with its own data directory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spse_web import START, Browser, Sim, World, build_world

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "lpse"


@pytest.fixture
def server(data_dir: Path) -> Iterator[RunningServer]:
    # Passwords at the cost simulated runs use: a full-cost scrypt per login was a third of
    # these tests' CPU, and hashing is not what they test (tests/fake_spse/domain/
    # test_accounts.py checks the full cost, which stays the default for `serve`).
    settings = Settings(data_dir=data_dir, clock_start=START, password_cost=SIMULATED_PASSWORD_COST)
    with RunningServer(settings) as running:
        yield running


@pytest.fixture
def new_browser(server: RunningServer) -> Iterator[Callable[[], Browser]]:
    """A factory of browsers (each with its own cookies), closed after the test."""
    made: list[Browser] = []

    def make() -> Browser:
        browser = Browser(server)
        made.append(browser)
        return browser

    yield make
    for browser in made:
        browser.close()


@pytest.fixture
def browser(new_browser: Callable[[], Browser]) -> Browser:
    return new_browser()


@pytest.fixture
def sim(server: RunningServer) -> Iterator[Sim]:
    control = Sim(server)
    yield control
    control.close()


@pytest.fixture
def world(
    server: RunningServer,
    sim: Sim,
    make_csr: Callable[..., str],
    new_browser: Callable[[], Browser],
) -> World:
    """Certified vendors: what they upload must be an offer SPSE accepts."""
    return build_world(
        server, sim, make_csr("Pokja Satu"), new_browser, vendor_csr_pem=make_csr("Budi Santoso")
    )
