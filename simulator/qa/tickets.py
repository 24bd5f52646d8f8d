"""``spse-sim run ... --ticket``: after a scenario run, each vendor who met an error files a
ticket in LPSE Support, through the browser, as the seed tells them to.

Which scenarios, and what the ticket says: ``simulator.evidence.vendor_error`` (a failed
scenario, or an error message a vendor was shown; and the scenario's recorded credentials).

Each scenario's own server has stopped; the ticket is filed on a fake SPSE restarted on that
scenario's ``data/`` folder (same accounts, same LPSE Support), by a fresh browser: log in,
"Aplikasi e-Procurement Lainnya", LPSE Support, "Buat Tiket Baru", category Teknis, the error
and chronology as description, the Word report (built when missing) and the failure screenshot
attached.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fake_spse.settings import Settings
from simulator.browser.launch import find_chromium, launch_options
from simulator.evidence.bundle import scenario_folders
from simulator.evidence.docx import ensure_report
from simulator.evidence.vendor_error import (
    VendorError,
    description,
    failure_screenshot,
    read_credentials,
    vendor_error,
)
from simulator.harness.chronology import load_chronology
from simulator.harness.run_folder import (
    CREDENTIALS_NAME,
    DATA_FOLDER,
    INDEX_NAME,
    fresh_output_dir,
)
from spse_shared.profile import DEFAULT_PROFILE

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@dataclass(frozen=True)
class TicketResult:
    scenario_id: str
    folder: Path
    number: str | None
    problem: str = ""


# Filing ---------------------------------------------------------------------------------------
def file_ticket_for(error: VendorError, browser: Browser) -> TicketResult:
    """Restart the scenario's SPSE on its data folder and file the vendor's ticket there."""
    # Imported here, not at the top: `spse-sim` imports this module at start-up (for --ticket),
    # and the server, the page journeys and Playwright (about half a second) are needed only
    # when tickets are filed.
    from fake_spse.server import RunningServer
    from simulator.browser.journeys import JourneyError
    from simulator.browser.journeys.session import log_in
    from simulator.browser.journeys.support import TicketDraft, enter_lpse_support, file_ticket

    folder = error.folder
    vendors = read_credentials(folder)
    if not vendors:
        return TicketResult(error.scenario_id, folder, None, f"no {CREDENTIALS_NAME}")
    index = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    wanted = str(index.get("identity", {}).get("vendor_user_id", ""))
    vendor = next((v for v in vendors if v["user_id"] == wanted), vendors[0])
    steps = load_chronology(folder)
    report = ensure_report(folder)
    attachments: list[Path] = [report]
    picture = failure_screenshot(folder, error, steps)
    if picture is not None:
        attachments.append(picture)
    settings = Settings(
        data_dir=folder / DATA_FOLDER, profile=str(index.get("profile") or DEFAULT_PROFILE)
    )
    with RunningServer(settings) as server:
        context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
        try:
            page = context.new_page()
            log_in(page, server.spse_url, vendor["user_id"], vendor["password"])
            entry = enter_lpse_support(page, server.spse_url)
            if not entry.entered:
                return TicketResult(error.scenario_id, folder, None, " ".join(entry.messages))
            draft = TicketDraft(
                title=f"Error {error.scenario_id}: {error.title}"[:100],
                description=description(error, steps),
                subcategory=error.subcategory,
                category="Teknis",
            )
            submission = file_ticket(page, server.spse_url, draft, attachments)
        except JourneyError as exc:
            return TicketResult(error.scenario_id, folder, None, str(exc))
        finally:
            context.close()
    if submission.number is None:
        return TicketResult(error.scenario_id, folder, None, " ".join(submission.errors))
    return TicketResult(error.scenario_id, folder, submission.number)


def file_tickets(
    run_dir: Path,
    *,
    headed: bool = False,
    echo: Callable[[TicketResult], None] | None = None,
) -> list[TicketResult]:
    """A ticket for every scenario of ``run_dir`` in which a vendor met an error."""
    # Here, not at the top: see file_ticket_for.
    from playwright.sync_api import sync_playwright

    if not (run_dir / INDEX_NAME).exists():
        return []
    errors = [e for e in map(vendor_error, scenario_folders(run_dir)) if e is not None]
    if not errors:
        return []
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(find_chromium(), headless=not headed))
        try:
            for error in errors:
                result = file_ticket_for(error, browser)
                results.append(result)
                if echo is not None:
                    echo(result)
        finally:
            browser.close()
    return results


def print_ticket(result: TicketResult) -> None:
    if result.number is not None:
        print(f"{result.scenario_id:<10} -> ticket {result.number}", flush=True)
    else:
        print(f"{result.scenario_id:<10} -> no ticket: {result.problem}", flush=True)


# Command line ---------------------------------------------------------------------------------
def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``--ticket`` on ``spse-sim run``: wraps the run command, then files the tickets."""
    run = sub.choices["run"]
    run.add_argument(
        "--ticket",
        action="store_true",
        help="after the scenarios, each vendor who met an error files an LPSE Support ticket",
    )
    inner: Callable[[argparse.Namespace], int] = run.get_default("func")

    def cmd_run_then_ticket(args: argparse.Namespace) -> int:
        if not args.ticket:
            return inner(args)
        if not (args.ids or args.all or args.keyword) or args.base_url:
            print("spse-sim: --ticket needs scenario ids, --all or -k, without --base-url")
            return 2
        if not args.output:
            args.output = str(fresh_output_dir(Path(args.runs_dir)))
        code = inner(args)
        print("spse-sim: filing LPSE Support tickets (scenario id -> ticket number)", flush=True)
        results = file_tickets(Path(args.output), headed=args.headed, echo=print_ticket)
        if not results:
            print("spse-sim: no vendor met an error: no ticket filed")
        return code if all(r.number for r in results) else max(code, 1)

    run.set_defaults(func=cmd_run_then_ticket)
