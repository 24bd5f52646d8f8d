"""The spse-sim pytest plugin: its options, and what each process of a run takes on.

Options live in the "spse-sim" group. A process that runs tests (a run without workers, or an
xdist worker) also loads ``simulator.scenarios.fixtures`` (the browser, the server, the
desks: Playwright and the fake SPSE). An xdist controller runs no test: it only reports (one
outcome per scenario, the progress lines) and starts its workers sooner without them.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Generator
from pathlib import Path

import pytest

from simulator.harness.gc_settings import collect_rarely
from simulator.scenarios.artifacts import ARTIFACT_CHOICES, ARTIFACTS_ON_FAILURE
from simulator.scenarios.outcome_collector import OutcomeCollector
from simulator.scenarios.progress import ProgressReporter
from simulator.scenarios.shard import parse_shard
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.profile import DEFAULT_PROFILE, available_profiles

# The plugin of a process that runs scenarios (fixtures and the hooks around a test).
FIXTURES_PLUGIN = "simulator.scenarios.fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("spse-sim", "SPSE CA simulator")
    group.addoption(
        "--sim-profile",
        default=DEFAULT_PROFILE,
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
    group.addoption("--sim-seed", type=int, default=DEFAULT_SEED, help="Faker seed for test data")
    group.addoption(
        "--sim-report",
        metavar="PATH",
        help="write one JSON outcome per scenario (expected vs observed) to PATH",
    )
    group.addoption(
        "--sim-scenario",
        action="append",
        default=[],
        metavar="ID",
        help="run only these scenario ids (e.g. KODOK-012); repeatable",
    )
    group.addoption(
        "--sim-base-url",
        metavar="URL",
        help="drive another deployment of the SPSE pages (e.g. http://host/eproc4); no /_sim",
    )
    group.addoption(
        "--sim-evidence",
        action="store_true",
        help="write the Word report for passing scenarios too (failing ones always get one)",
    )
    group.addoption(
        "--sim-artifacts",
        choices=ARTIFACT_CHOICES,
        default=ARTIFACTS_ON_FAILURE,
        help="Playwright traces and step screenshots: on-failure records them and keeps a "
        "failed scenario's; always keeps every scenario's; on-first-retry records none (a "
        "failing step still photographs every desk): spse-sim run re-runs failures recording",
    )
    group.addoption(
        "--sim-progress",
        action="store_true",
        help="print a line per finished scenario (id, status, seconds, title) instead of dots",
    )
    group.addoption(
        "--sim-shard",
        type=parse_shard,
        metavar="I/N",
        help="run shard I of N of the selected scenarios (equal work by steps, see shard.py)",
    )
    group.addoption("--sim-video", metavar="DIR", help="record a video of every desk into DIR")


# The scenario catalog --------------------------------------------------------------------------
# xdist's own answer (one per CPU) is a plain hook too: this one asks first. Optional: pytest
# -p no:xdist runs without it.
@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per CPU, and one more. A worker waits on its browser and server
    much of the time, and with one worker per CPU those waits leave a CPU idle. On 2 CPUs,
    the catalog took 63-65 s with three workers against 70-73 s with two (interleaved runs),
    and this project's test suite 292 s against 313 s."""
    return len(os.sched_getaffinity(0)) + 1


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> Generator[None, None, None]:
    # Started by simulator.scenarios.child, SIGINT ended the start quietly; from the session on
    # pytest's own Ctrl-C handling stops the run and the run folder says "interrupted".
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(session.config, "workerinput"):
        # An xdist worker starts with SIGINT blocked (below): a Ctrl-C while it imported and
        # collected waited until now, and stops it the way pytest stops a session.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return (yield)
    if session.config.getoption("dist", "no") == "no":
        return (yield)
    # xdist starts its workers in this hook; a Ctrl-C reaching a worker while Python starts it
    # would print a traceback from execnet's bootstrap. A signal mask is inherited across
    # fork and exec, so the workers start with SIGINT blocked; here it waits until they are
    # started, then stops the run as pytest does.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return (yield)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def pytest_configure(config: pytest.Config) -> None:
    worker = hasattr(config, "workerinput")
    report = config.getoption("--sim-report")
    # Under xdist only the controller writes the report; workers send their reports to it.
    if report and not worker:
        config.pluginmanager.register(OutcomeCollector(Path(report)), "sim-report")
    # Progress lines come from the process that reports: not from xdist's workers.
    if config.getoption("--sim-progress") and not worker:
        config.pluginmanager.register(ProgressReporter(config), "sim-progress")
    if worker or config.getoption("dist", "no") == "no":
        # The fixtures' imports and the collection build what the process keeps to the end;
        # after collection it is frozen out of the collector's sight (fixtures.py).
        collect_rarely()
        config.pluginmanager.import_plugin(FIXTURES_PLUGIN)
