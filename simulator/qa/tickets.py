"""``spse-sim run ... --ticket``: after a scenario run, each vendor who met an error files a
ticket in LPSE Support, through the browser, as the seed tells them to.

Which scenarios (the rule, read from each scenario folder's index.json):

- the scenario **failed** (status "failed": the error is the index's ``error``), or
- one of its **message checks** (a check whose expected text is a template of the message
  catalog) matched a message that is not a confirmation (``NOTICE_KEYS``): the vendor was shown
  an error such as "kodok.nama_terlalu_panjang" or "penawaran.ditutup", even if the scenario
  passed because that refusal was what it expected.

…and the scenario had a vendor whose credentials were recorded (``credentials.json``).

Each scenario's own server has stopped; the ticket is filed on a fake SPSE restarted on that
scenario's ``data/`` folder (same accounts, same LPSE Support), by a fresh browser: log in,
"Aplikasi e-Procurement Lainnya", LPSE Support, "Buat Tiket Baru", category Teknis, the error
and chronology as description, the Word report (built when missing) and the failure screenshot
attached.

``credentials.json``: the scenario hooks write the scenario's vendors' user ids and passwords
into the scenario folder, in plain text: these are simulated accounts of a throw-away server,
and nothing else (index.json, the Word report) carries a password.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.evidence.bundle import INDEX_NAME, REPORT_NAME, record_report, scenario_folders
from simulator.harness.chronology import StepRecord, load_chronology
from spse_shared.messages import MessageCatalog
from spse_shared.profile import load_profile

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from simulator.scenarios.world import World

CREDENTIALS_NAME = "credentials.json"

# Catalog messages that tell the user something went well (or explain a page): not errors.
NOTICE_KEYS = frozenset(
    {
        "ams.berhasil",
        "ams.link",
        "ams.tertanam",
        "apd.berhasil",
        "apendo.halaman_ca",
        "apendo.halaman_non_ca",
        "apendo.hasil_dicatat",
        "apendo.jadwal_pembukaan",
        "apendo.menggantikan",
        "apendo.petunjuk",
        "dt.info",
        "dt.kosong",
        "pembukaan.dibuka",
        "pembukaan.selesai",
        "penawaran.berhasil",
        "registrasi.berhasil",
        "support.aksi_berhasil",
        "support.dikembalikan",
        "support.masuk_berhasil",
        "support.tiket_dibuat",
        "support.tiket_ditutup",
        "tender.dibuat",
        "tender.ikut_berhasil",
        "verifikasi.berhasil",
    }
)

# The LPSE Support sub-category (category Teknis) for the area of the error message.
SUBCATEGORY_BY_AREA = {
    "kodok": "Aplikasi SPAMKODOK 2",
    "penawaran": "Upload Dokumen Penawaran",
    "ams": "Pendaftaran AMS / Sertifikat Elektronik",
    "apd": "Migrasi Sertifikat (Import APD)",
    "pembukaan": "Pembukaan Dokumen Penawaran",
    "apendo": "Pembukaan Dokumen Penawaran",
    "login": "Login dan ADP",
    "adp": "Login dan ADP",
}


@dataclass(frozen=True)
class VendorError:
    """A scenario in which a vendor met an error, and what to report."""

    folder: Path
    scenario_id: str
    title: str
    message: str
    key: str | None
    failed: bool

    @property
    def subcategory(self) -> str:
        area = (self.key or "").partition(".")[0]
        return SUBCATEGORY_BY_AREA.get(area, "Lainnya")


@dataclass(frozen=True)
class TicketResult:
    scenario_id: str
    folder: Path
    number: str | None
    problem: str = ""


# Recording credentials (called by the scenario hooks) ----------------------------------------
def write_credentials(folder: Path, world: World) -> Path | None:
    """The scenario's vendors' log-in data, for filing tickets after the run (see module doc)."""
    vendors = [
        {
            "alias": a.alias,
            "user_id": a.user_id,
            "password": a.password,
            "company": a.display_name,
        }
        for a in world.actors.values()
        if a.vendor is not None
    ]
    if not vendors:
        return None
    path = folder / CREDENTIALS_NAME
    path.write_text(json.dumps({"vendors": vendors}, indent=2) + "\n", encoding="utf-8")
    return path


def read_credentials(folder: Path) -> list[dict[str, str]]:
    path = folder / CREDENTIALS_NAME
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [v for v in data.get("vendors", []) if isinstance(v, dict)]


# The rule -------------------------------------------------------------------------------------
def vendor_error(folder: Path) -> VendorError | None:
    """The error a vendor met in this scenario folder, or None (see the module's rule)."""
    index_path = folder / INDEX_NAME
    if not index_path.exists():
        return None
    index: dict[str, Any] = json.loads(index_path.read_text(encoding="utf-8"))
    if index.get("kind") != "scenario":
        return None
    keys_by_template = _keys_by_template(str(index.get("profile") or "spse-4.3-ca"))
    shown: list[tuple[str, str]] = []  # (key, observed text) of error messages shown
    for check in index.get("checks", []):
        key = keys_by_template.get(str(check.get("expected", "")))
        if key is not None and check.get("ok") and key not in NOTICE_KEYS:
            shown.append((key, str(check.get("observed", ""))))
    scenario_id, title = str(index.get("scenario_id", "")), str(index.get("title", ""))
    if index.get("status") == "failed":
        key, message = shown[-1] if shown else (None, "")
        error = " ".join(str(index.get("error") or "").split())[:500]
        text = "; ".join(t for t in (message, error) if t) or "skenario gagal"
        return VendorError(folder, scenario_id, title, text, key, failed=True)
    if shown:
        key, message = shown[0]
        return VendorError(folder, scenario_id, title, message, key, failed=False)
    return None


def _keys_by_template(profile: str) -> dict[str, str]:
    try:
        messages = load_profile(profile).messages
    except Exception:  # an unknown profile: the default texts still identify most messages
        messages = {}
    return {template: key for key, template in MessageCatalog(messages).templates().items()}


# The ticket's content -------------------------------------------------------------------------
def description(error: VendorError, steps: Sequence[StepRecord]) -> str:
    """The ticket's description: the error message, then the chronology, one step a line."""
    lines = [
        f"Kami mengalami error: {error.message}",
        "",
        "Kronologi:",
        *(
            f"{s.number}. {s.sim_time[:16].replace('T', ' ')} {s.title} "
            f"({'berhasil' if s.outcome == 'ok' else 'GAGAL'})"
            for s in steps
        ),
        "",
        f"Screenshot dan kronologi lengkap terlampir dalam file MS. Word ({REPORT_NAME}).",
    ]
    return "\n".join(lines)


def failure_screenshot(
    folder: Path, error: VendorError, steps: Sequence[StepRecord]
) -> Path | None:
    """The screenshot at the failure; else of the step that showed the error; else the last."""
    chosen = next((s for s in steps if s.outcome != "ok" and s.screenshot), None)
    if chosen is None and error.message:
        chosen = next(
            (s for s in steps if s.screenshot and any(error.message in m for m in s.messages)),
            None,
        )
    if chosen is None:
        chosen = next((s for s in reversed(steps) if s.screenshot), None)
    if chosen is None or chosen.screenshot is None:
        return None
    path = folder / chosen.screenshot
    return path if path.exists() else None


def word_report(folder: Path) -> Path:
    """The scenario's laporan-kronologi.docx, written (and listed in its index) when missing."""
    path = folder / REPORT_NAME
    if not path.exists():
        from simulator.evidence.docx import write_report

        path = write_report(folder)
        record_report(folder, path)
    return path


# Filing ---------------------------------------------------------------------------------------
def file_ticket_for(error: VendorError, browser: Browser) -> TicketResult:
    """Restart the scenario's SPSE on its data folder and file the vendor's ticket there."""
    from fake_spse.server import RunningServer
    from fake_spse.settings import Settings
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
    report = word_report(folder)
    attachments: list[Path] = [report]
    picture = failure_screenshot(folder, error, steps)
    if picture is not None:
        attachments.append(picture)
    settings = Settings(
        data_dir=folder / "data", profile=str(index.get("profile") or "spse-4.3-ca")
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
    from playwright.sync_api import sync_playwright

    from simulator.browser.launch import find_chromium, launch_options

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
            from simulator.journey.run import fresh_output_dir

            args.output = str(fresh_output_dir(Path(args.runs_dir)))
        code = inner(args)
        print("spse-sim: filing LPSE Support tickets (scenario id -> ticket number)", flush=True)
        results = file_tickets(Path(args.output), headed=args.headed, echo=print_ticket)
        if not results:
            print("spse-sim: no vendor met an error: no ticket filed")
        return code if all(r.number for r in results) else max(code, 1)

    run.set_defaults(func=cmd_run_then_ticket)
