"""One deadline rush, start to verdict: server, world, Locust, Chromium vendors, verdict, report.

The embedded server runs as a child process (``server.ChildServer``) so that ``kill_at`` can
kill it with SIGKILL mid-rush and start it again on the same data folder. Against another
server (``base_url``) the rush prepares through its /_sim and judges from its data folder when
it is given (``data_dir``), as in Locust's distributed mode (README, "Deadline rush").
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from simulator.harness.environment import deployment_root
from simulator.harness.simcontrol import SimControl
from simulator.rush.engine import run_locust
from simulator.rush.judging import judge_folder, write_outputs
from simulator.rush.plan import PEOPLE_NAME, PLAN_NAME, RushPlan
from simulator.rush.prepare import RushOptions, prepare, start_clock
from simulator.rush.server import ChildServer, rush_settings
from simulator.rush.verdict import Kill, Verdict
from spse_shared.wib import format_wib

# Server faults during the rush, as shares of the vendors: slow reads, and connections the
# server drops mid-upload (fake_spse/simulation/faults.py).
SLOW_SHARE = 0.03
SLOW_DELAY_MS = 50
CUT_SHARE = 0.02
CUT_AFTER_BYTES = 128 * 1024
# After the last vendor, how long the rush may still take before it is called off.
OVERTIME_S = 600.0


@dataclass(frozen=True)
class RushResult:
    folder: Path
    verdict: Verdict | None
    report: Path | None
    timed_out: bool


def run_rush(
    options: RushOptions,
    *,
    folder: Path,
    kill_at: float | None,
    people: bool,
    say: Callable[[str], None],
) -> RushResult:
    """A whole rush against an embedded fake SPSE in a child process."""
    server = ChildServer(folder / "data", profile=options.profile)
    server.start()
    say(f"Server fake SPSE berjalan di {server.url} (proses {server.pid}).")
    sim = SimControl(server.url)
    kill: Kill | None = None
    try:
        plan = prepare(
            sim,
            server_url=server.url,
            spse_url=server.url + rush_settings(folder / "data", options.profile).base_path,
            control_token=None,
            folder=folder,
            options=options,
            say=say,
        )
        _arm_faults(sim, len(plan.uploaders()))
        start_clock(sim, plan)
        started = time.time()
        say(
            f"Jam server {plan.window_s:.0f} detik sebelum batas waktu {format_wib(plan.deadline)};"
            f" {len(plan.uploaders())} penyedia mulai mengunggah."
        )
        chromium = _start_people(folder, started) if people and plan.people() else None
        killed: list[Kill] = []

        def tick(elapsed: float) -> None:
            if kill_at is None or killed or elapsed < kill_at:
                return
            at = time.time()
            server.kill()
            say(f"Server dimatikan (kill -9) pada detik {elapsed:.0f}; dijalankan lagi.")
            server.start()
            killed.append(Kill(at=at, back=time.time()))

        result = run_locust(
            folder / PLAN_NAME,
            plan,
            folder,
            timeout_s=plan.window_s + plan.late_after_s + OVERTIME_S,
            on_tick=tick,
        )
        if chromium is not None:
            chromium.wait()
        kill = killed[0] if killed else None
    finally:
        sim.close()
        server.stop()
    verdict = judge_folder(
        folder, folder / "data", kill=kill, timed_out=result.timed_out, started=started
    )
    report = write_outputs(folder, verdict)
    return RushResult(folder=folder, verdict=verdict, report=report, timed_out=result.timed_out)


def prepare_only(
    options: RushOptions,
    *,
    folder: Path,
    base_url: str,
    control_token: str | None,
    say: Callable[[str], None],
) -> RushPlan:
    """Arrange the world on another server (``base_url``, with its /_sim) for Locust's own
    master/worker mode; the plan folder is what the worker machines need."""
    root = deployment_root(base_url)
    sim = SimControl(root, token=control_token)
    try:
        plan = prepare(
            sim,
            server_url=root,
            spse_url=base_url.rstrip("/"),
            control_token=control_token,
            folder=folder,
            options=replace(options, mix=replace(options.mix, people=0)),
            say=say,
        )
        _arm_faults(sim, len(plan.uploaders()))
    finally:
        sim.close()
    return plan


def _arm_faults(sim: SimControl, vendors: int) -> None:
    if vendors < 10:
        return
    sim.arm(
        "upload.slow",
        times=max(1, round(vendors * SLOW_SHARE)),
        params={"delay_ms": SLOW_DELAY_MS},
    )
    sim.arm(
        "upload.cut",
        times=max(1, round(vendors * CUT_SHARE)),
        params={"after_bytes": CUT_AFTER_BYTES},
    )


def _start_people(folder: Path, started: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "simulator.rush.people",
            str(folder / PLAN_NAME),
            str(folder / PEOPLE_NAME),
            str(started),
        ],
        stderr=(folder / "orang-stderr.log").open("wb"),
    )
