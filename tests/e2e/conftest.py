"""Runs that several e2e modules read: each is walked once per session, so at most once per
xdist worker; tests/conftest.py hands all its readers to one worker as one unit of work
(SHARED_UNITS), so under ``pytest -n`` it is walked once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from simulator.harness.environment import RunOptions
from simulator.journey.run import RunResult, run_journey


@pytest.fixture(scope="session")
def journey_run(sim_browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """The bare CA journey as ``spse-sim run --evidence`` walks it (Word report included)."""
    output = tmp_path_factory.mktemp("journey") / "run"
    result = run_journey(RunOptions(output_dir=output), browser=sim_browser, evidence=True)
    assert result.ok, result.error
    return result
