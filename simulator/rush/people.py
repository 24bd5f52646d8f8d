"""A handful of real vendors in Chromium, walking the upload page while the rush runs.

``python -m simulator.rush.people PLAN OUT START`` (a process of its own: Playwright's sync API
and Locust's gevent do not share a process). Each person, at their moment of the window, opens
the tender list, opens the offer page, picks the documents in SpamKodok, seals and sends them,
and notes what a person sees: how long each page took, the messages shown, the receipt.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from simulator.browser.journeys.offer import upload_offer
from simulator.browser.launch import find_chromium, launch_options
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.processes import DeskProcesses
from simulator.rush.plan import RushPlan, Vendor
from spse_shared.atomic import write_atomic
from spse_shared.profile import load_profile

TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class PersonRecord:
    """What one person saw."""

    vendor: str
    started: float  # wall epoch
    tender_list_ms: float
    offer_page_ms: float
    send_ms: float  # from pressing 'Kirim Penawaran' to SPSE's answer on the page
    t0: float
    t1: float
    messages: tuple[str, ...]
    receipt_sha256: str | None
    receipt_size: str | None
    receipt_time: str | None
    sealed_sha256: str | None
    sealed_size: int | None
    error: str | None = None


def _walk(plan: RushPlan, folder: Path, person: Vendor, browser: Browser) -> PersonRecord:
    """One person's walk; a failure is recorded as what the person saw, never raised."""
    kodok = SpamKodok(
        keystore_path=folder / person.keystore,
        passphrase=person.passphrase,
        server_url=plan.server_url,
        profile=load_profile(plan.profile),
        output_dir=folder / "orang" / person.user_id,
        process_probe=DeskProcesses(),
    )
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(TIMEOUT_MS)
    kodok.install(context)
    context.add_cookies(
        [{"name": person.cookie_name, "value": person.cookie_value, "url": plan.server_url + "/"}]
    )
    page = context.new_page()
    started = time.time()
    timings = {"list": 0.0, "offer": 0.0}
    t0 = t1 = started
    try:
        t = time.perf_counter()
        page.goto(plan.spse_url + "/lelang")
        page.get_by_role("table").first.wait_for()
        timings["list"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        page.goto(f"{plan.spse_url}/lelang/{plan.tender_id}/penawaran")
        timings["offer"] = (time.perf_counter() - t) * 1000
        t0 = time.time()
        outcome = upload_offer(
            page,
            plan.spse_url,
            kodok,
            plan.tender_id,
            [folder / d for d in person.documents[:1]],
        )
        t1 = time.time()
        sealed = kodok.sealed[-1] if kodok.sealed else None
        return PersonRecord(
            vendor=person.user_id,
            started=started,
            tender_list_ms=round(timings["list"], 1),
            offer_page_ms=round(timings["offer"], 1),
            send_ms=round((t1 - t0) * 1000, 1),
            t0=t0,
            t1=t1,
            messages=tuple(outcome.messages),
            receipt_sha256=outcome.receipt.sha256 if outcome.receipt else None,
            receipt_size=outcome.receipt.size if outcome.receipt else None,
            receipt_time=outcome.receipt.received_at if outcome.receipt else None,
            sealed_sha256=sealed.sha256 if sealed else None,
            sealed_size=sealed.size if sealed else None,
        )
    except PlaywrightError as exc:
        return PersonRecord(
            vendor=person.user_id,
            started=started,
            tender_list_ms=round(timings["list"], 1),
            offer_page_ms=round(timings["offer"], 1),
            send_ms=0.0,
            t0=t0,
            t1=time.time(),
            messages=(),
            receipt_sha256=None,
            receipt_size=None,
            receipt_time=None,
            sealed_sha256=None,
            sealed_size=None,
            error=str(exc).splitlines()[0][:300],
        )
    finally:
        context.close()


def run_people(plan: RushPlan, folder: Path, out: Path, start: float) -> list[PersonRecord]:
    """Walk every person of ``plan``, spread over the window that began at ``start`` (wall)."""
    people = plan.people()
    records: list[PersonRecord] = []
    pause = threading.Event()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(find_chromium()))
        try:
            for number, person in enumerate(people):
                # Spread over the first half of the window: the people meet the rush at its
                # height and, unless the server buckles, send before the deadline.
                moment = start + plan.window_s * 0.5 * number / max(1, len(people))
                pause.wait(max(0.0, moment - time.time()))
                records.append(_walk(plan, folder, person, browser))
                write_atomic(out, json.dumps([asdict(r) for r in records], indent=1).encode())
        finally:
            browser.close()
    write_atomic(out, json.dumps([asdict(r) for r in records], indent=1).encode())
    return records


def read_people(path: Path) -> list[PersonRecord]:
    """The records ``run_people`` left (none when it left no file)."""
    if not path.exists():
        return []
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [PersonRecord(**{**r, "messages": tuple(r["messages"])}) for r in raw]


def main(argv: Sequence[str] | None = None) -> int:
    plan_path, out, start = (argv if argv is not None else sys.argv[1:])[:3]
    plan = RushPlan.read(Path(plan_path))
    run_people(plan, Path(plan_path).parent, Path(out), float(start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
