"""Locust headless and in-process: Environment + LocalRunner over the shipped locustfile.

Importing this module imports Locust, which monkey-patches the process for gevent; only the
``spse-sim rush`` process imports it (its server, sealing workers and Chromium vendors run in
processes of their own). Output: Locust's own CSV files (``locust_*.csv``) and HTML report.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gevent
from locust import events
from locust.env import Environment
from locust.html import get_html_report
from locust.stats import (
    CSV_STATS_INTERVAL_SEC,
    PERCENTILES_TO_REPORT,
    StatsCSVFileWriter,
    stats_history,
)

from simulator.rush.locustfile import SHARED, RushVendor, TenderReader
from simulator.rush.plan import LOCUST_CSV_PREFIX, LOCUST_HTML_NAME, PLAN_ENV, RushPlan

# Share of the window over which Locust starts the vendors (the rest is for their uploads).
SPAWN_SHARE = 0.8
TICK_S = 0.5


@dataclass(frozen=True)
class EngineResult:
    started: float  # wall time the first user started
    ended: float
    timed_out: bool
    html: Path
    csv_prefix: Path


def run_locust(
    plan_path: Path,
    plan: RushPlan,
    out: Path,
    *,
    timeout_s: float,
    on_tick: Callable[[float], None] | None = None,
) -> EngineResult:
    """Run the rush of ``plan`` until every vendor is done (or ``timeout_s``)."""
    os.environ[PLAN_ENV] = str(plan_path)
    vendors = len(plan.uploaders())
    RushVendor.fixed_count = vendors
    TenderReader.fixed_count = plan.browsers
    environment = Environment(
        user_classes=[RushVendor, TenderReader], events=events, host=plan.server_url
    )
    runner = environment.create_local_runner()
    csv_prefix = out / LOCUST_CSV_PREFIX
    writer = StatsCSVFileWriter(
        environment, PERCENTILES_TO_REPORT, str(csv_prefix), full_history=True
    )
    greenlets = [gevent.spawn(writer.stats_writer), gevent.spawn(stats_history, runner)]
    total = vendors + plan.browsers
    rate = max(1.0, total / max(1.0, plan.window_s * SPAWN_SHARE))
    started = time.time()
    environment.events.test_start.fire(environment=environment)  # type: ignore[no-untyped-call]
    runner.start(total, spawn_rate=rate)
    timed_out = False
    while True:
        gevent.sleep(TICK_S)
        elapsed = time.time() - started
        if on_tick is not None:
            on_tick(elapsed)
        if SHARED.finished >= vendors:
            break
        if elapsed > timeout_s:
            timed_out = True
            break
    runner.quit()
    environment.events.quitting.fire(  # type: ignore[no-untyped-call]
        environment=environment, reverse=True
    )
    ended = time.time()
    # One more round of the CSV writer, so the files end with the final figures.
    gevent.sleep(CSV_STATS_INTERVAL_SEC + 0.2)
    for greenlet in greenlets:
        greenlet.kill(block=True)
    writer.close_files()
    html = out / LOCUST_HTML_NAME
    report = get_html_report(environment, show_download_link=False)  # type: ignore[no-untyped-call]
    html.write_text(report, encoding="utf-8")
    return EngineResult(
        started=started, ended=ended, timed_out=timed_out, html=html, csv_prefix=csv_prefix
    )
