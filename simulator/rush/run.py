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
from typing import Any

from simulator.harness.environment import deployment_root
from simulator.harness.simcontrol import SimControl
from simulator.rush.engine import LOCUST_CSV_PREFIX, LOCUST_HTML_NAME, run_locust
from simulator.rush.people import PersonRecord, read_people
from simulator.rush.plan import LATE, PEOPLE_NAME, PLAN_NAME, RushPlan
from simulator.rush.prepare import RushOptions, prepare, start_clock
from simulator.rush.report import VERDICT_NAME, write_report, write_verdict
from simulator.rush.server import ChildServer, rush_settings
from simulator.rush.server_state import (
    client_records,
    cut_firings,
    server_requests,
    stored_offers,
)
from simulator.rush.verdict import Kill, Upload, Verdict, judge
from spse_shared.messages import MessageCatalog
from spse_shared.profile import load_profile
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


def judge_folder(
    folder: Path,
    data_dir: Path,
    *,
    kill: Kill | None = None,
    timed_out: bool = False,
    started: float | None = None,
) -> Verdict:
    """The verdict of the rush planned in ``folder`` against the server data in ``data_dir``."""
    plan = RushPlan.read(folder / PLAN_NAME)
    catalog = MessageCatalog(load_profile(plan.profile).messages)
    uploads, pages = client_records(folder)
    stored = stored_offers(data_dir, plan.tender_id)
    people = read_people(folder / PEOPLE_NAME)
    uploads += _people_uploads(plan, people, stored)
    verdict = judge(
        tender_id=plan.tender_id,
        deadline=plan.deadline,
        deadline_message=catalog.text("penawaran.ditutup", deadline=format_wib(plan.deadline)),
        cut_message=catalog.text("penawaran.terputus"),
        uploads=uploads,
        pages=pages,
        stored=stored,
        requests=server_requests(data_dir),
        kill=kill,
        cut_firings=cut_firings(data_dir),
        late_kind=LATE,
    )
    if timed_out:
        verdict.passed = False
    sizes = sorted(o.size for v in plan.vendors for o in v.offers)
    start = min((u.t0 for u in uploads), default=0.0)
    verdict.extra["rush"] = {
        "tender_id": plan.tender_id,
        "batas_waktu": format_wib(plan.deadline),
        "penyedia": len(plan.vendors),
        "ukuran": f"{sizes[0]}-{sizes[-1]} byte" if sizes else "-",
        "jendela_detik": plan.window_s,
        "kill": "ya" if kill else "tidak",
        "melewati_batas_waktu_tunggu": timed_out,
        # Where the deadline falls on the chart's time axis (seconds since the first upload).
        "batas_detik": (
            round(started + plan.window_s - start, 1) if started is not None and uploads else None
        ),
    }
    return verdict


def _people_uploads(plan: RushPlan, people: list[PersonRecord], stored: list[Any]) -> list[Upload]:
    """The Chromium vendors' uploads as the verdict counts them: a receipt shown on the page is
    a receipt (its offer found by vendor and bytes)."""
    found = []
    for person in people:
        if person.sealed_sha256 is None or person.sealed_size is None:
            continue
        offer_id = None
        if person.receipt_sha256 is not None:
            matches = [
                s.offer_id
                for s in stored
                if s.vendor_id == person.vendor and s.blob_sha256 == person.receipt_sha256
            ]
            offer_id = matches[-1] if matches else -1
        found.append(
            Upload(
                vendor=person.vendor,
                kind="orang",
                purpose="orang",
                offer=0,
                sha256=person.sealed_sha256,
                size=person.sealed_size,
                t0=person.t0,
                t1=person.t1,
                status=200 if person.receipt_sha256 else (400 if person.messages else None),
                messages=person.messages,
                receipt_offer_id=offer_id,
                receipt_sha256=person.receipt_sha256,
                error=person.error,
            )
        )
    return found


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


def write_outputs(folder: Path, verdict: Verdict) -> Path:
    """verdict.json and report.html (with its rush section) in the run folder."""
    data = verdict.as_json()
    write_verdict(folder, data)
    links = {
        "Laporan Locust": LOCUST_HTML_NAME,
        "CSV Locust": f"{LOCUST_CSV_PREFIX}_stats.csv",
        "Riwayat CSV Locust": f"{LOCUST_CSV_PREFIX}_stats_history.csv",
        "verdict.json": VERDICT_NAME,
        "Rencana": PLAN_NAME,
    }
    return write_report(folder, data, read_people(folder / PEOPLE_NAME), links)
