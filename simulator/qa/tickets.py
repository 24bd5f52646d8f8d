"""After a scenario run, each vendor who met an error files a ticket in LPSE Support, through the
browser, as the seed tells them to (``spse-sim run ... --ticket``).

Which scenarios, and what the ticket says, is read from the evidence
(``simulator.evidence.vendor_errors``). Each scenario's own server has stopped; the ticket is
filed on a fake SPSE restarted on that scenario's ``data/`` folder (same accounts, same LPSE
Support), by a fresh browser: log in, "Aplikasi e-Procurement Lainnya", LPSE Support, "Buat
Tiket Baru", category Teknis, the error and chronology as description, the Word report (built
when missing) and the failure screenshot attached.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in
from simulator.browser.journeys.support import TicketDraft, enter_lpse_support, file_ticket
from simulator.browser.launch import find_chromium, launch_options
from simulator.evidence.bundle import scenario_folders
from simulator.evidence.docx import ensure_report
from simulator.evidence.vendor_errors import (
    VendorError,
    description,
    failure_screenshot,
    read_credentials,
    vendor_error,
)
from simulator.harness.run_folder import CREDENTIALS_NAME, DATA_FOLDER, INDEX_NAME
from simulator.harness.step_record import load_chronology
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_PROFILE


@dataclass(frozen=True)
class TicketResult:
    """The ticket filed for one scenario (its number), or why none was."""

    scenario_id: str
    folder: Path
    number: str | None
    problem: str = ""


def file_ticket_for(error: VendorError, browser: Browser) -> TicketResult:
    """Restart the scenario's SPSE on its data folder and file the vendor's ticket there."""
    folder = error.folder
    vendors = read_credentials(folder)
    if not vendors:
        return TicketResult(
            error.scenario_id, folder, None, tr("tidak ada {name}", name=CREDENTIALS_NAME)
        )
    index = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    wanted = str(index.get("identity", {}).get("vendor_user_id", ""))
    vendor = next((v for v in vendors if v.user_id == wanted), vendors[0])
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
            log_in(page, server.spse_url, vendor.user_id, vendor.password)
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
    if not (run_dir / INDEX_NAME).exists():
        return []
    errors = [e for e in map(vendor_error, scenario_folders(run_dir)) if e is not None]
    if not errors:
        return []
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            **launch_options(find_chromium(headless=not headed), headless=not headed)
        )
        try:
            for error in errors:
                result = file_ticket_for(error, browser)
                results.append(result)
                if echo is not None:
                    echo(result)
        finally:
            browser.close()
    return results
