"""The verdict of a rush from its folder: the plan, the clients' logs, the Chromium vendors'
record, and the server's data folder; verdict.json and report.html written next to them.

Never imports Locust (``spse-sim rush --nilai-saja`` judges a rush Locust ran elsewhere).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.rush.people import PersonRecord, read_people
from simulator.rush.plan import (
    LATE,
    LOCUST_CSV_PREFIX,
    LOCUST_HTML_NAME,
    PEOPLE_NAME,
    PLAN_NAME,
    RushPlan,
)
from simulator.rush.report import VERDICT_NAME, write_report, write_verdict
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
    start = float(verdict.extra["mulai"])
    verdict.extra["rush"] = {
        "tender_id": plan.tender_id,
        "batas_waktu": format_wib(plan.deadline),
        "penyedia": len(plan.vendors),
        "ukuran": f"{sizes[0]}-{sizes[-1]} byte" if sizes else "-",
        "jendela_detik": plan.window_s,
        "kill": "ya" if kill else "tidak",
        "melewati_batas_waktu_tunggu": timed_out,
        # Where the deadline and the kill fall on the chart's time axis (seconds since the
        # first request).
        "batas_detik": (
            round(started + plan.window_s - start, 1) if started is not None and uploads else None
        ),
        "kill_detik": round(kill.at - start, 1) if kill is not None else None,
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
