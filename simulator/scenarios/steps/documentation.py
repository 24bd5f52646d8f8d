"""Documenting an error and following it up at the LPSE (KODOK-120..129).

Seed, "Apa yang harus dilakukan": (1) document every screenshot of the error and its chronology
in a Microsoft Word file; (5) if need be, come to the LPSE in person to identify the problem
together. The Word file is the evidence report (``simulator.evidence.docx``) built from what
the scenario recorded so far; the helpdesk reads it back from LPSE Support's download.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from docx import Document
from pytest_bdd import parsers, then, when

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.support import (
    TicketDraft,
    act_on_ticket,
    file_ticket,
    open_ticket,
    ticket_state,
)
from simulator.browser.pages.login import LoginPage
from simulator.browser.pages.support import TicketPage
from simulator.evidence.bundle import Evidence
from simulator.evidence.docx import build_document
from simulator.evidence.identity import identify
from simulator.evidence.vendor_errors import VendorError, description, failure_screenshot
from simulator.harness.run_folder import REPORT_NAME
from simulator.harness.step_record import load_chronology
from simulator.scenarios.evidence_hooks import STATE_KEY
from simulator.scenarios.steps.support import SupportScene
from simulator.scenarios.world import Actor, World
from spse_shared.language import tr, tr_ticket_status


@dataclass
class Documented:
    """The vendor's Word file, the screenshot sent with it, and the error they show."""

    report: Path
    picture: Path | None
    error: str
    steps: list[str] = field(default_factory=list)


@dataclass
class DocumentationScene:
    documents: dict[str, Documented] = field(default_factory=dict)
    shown_error: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def documentation_scene() -> DocumentationScene:
    return DocumentationScene()


def _error_shown(world: World) -> str:
    """The last error message a check saw (what the vendor copies into the report)."""
    for observation in reversed(world.observations):
        if observation.ok and observation.expected in world.catalog.templates().values():
            return observation.observed
    raise AssertionError("no error message was shown yet: nothing to document")


@when(parsers.parse('penyedia "{alias}" login dengan password salah'))
def vendor_wrong_password(world: World, alias: str) -> None:
    actor = world.actor(alias)
    LoginPage(actor.desk.page, world.env.spse_url).login(actor.user_id, actor.password + "-salah")


@when(
    parsers.parse(
        'penyedia "{alias}" mendokumentasikan screenshot dan kronologi error di file Word'
    )
)
def vendor_documents(
    request: pytest.FixtureRequest,
    world: World,
    documentation_scene: DocumentationScene,
    alias: str,
) -> None:
    actor = world.actor(alias)
    env = world.env
    error = _error_shown(world)
    steps = [s for s in load_chronology(env.output_dir) if s.outcome != "running"]
    state = request.node.stash.get(STATE_KEY, None)
    title = state.title if state is not None else "Kronologi error"
    evidence = Evidence(
        folder=env.output_dir,
        index={"kind": "scenario", "title": title, "ok": False, "error": error},
        identity=identify(
            env,
            vendor=actor.display_name,
            vendor_user_id=actor.user_id,
            kodok=actor.desk.kodok,
            tender_id=world.tender_id or "",
        ),
        steps=steps,
        checks=list(world.observations),
    )
    target = actor.desk.folder / "laporan" / REPORT_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    build_document(evidence).save(str(target))
    vendor_error = VendorError(env.output_dir, "", title, error, None, failed=False)
    documentation_scene.documents[alias] = Documented(
        report=target,
        picture=failure_screenshot(env.output_dir, vendor_error, steps),
        error=error,
        steps=[s.title for s in steps],
    )
    documentation_scene.shown_error[alias] = description(vendor_error, steps)


@when(
    parsers.parse(
        'penyedia "{alias}" membuat tiket LPSE Support "{subcategory}" dengan file Word '
        "kronologinya"
    )
)
def vendor_files_with_report(
    world: World,
    support_scene: SupportScene,
    documentation_scene: DocumentationScene,
    alias: str,
    subcategory: str,
) -> None:
    actor = world.actor(alias)
    documented = documentation_scene.documents[alias]
    support_scene.ensure_support(actor)
    files = [documented.report, *([documented.picture] if documented.picture else [])]
    draft = TicketDraft(
        title=f"Error: {documented.error}"[:100],
        description=documentation_scene.shown_error[alias],
        subcategory=subcategory,
    )
    submission = file_ticket(actor.desk.page, world.env.spse_url, draft, files)
    support_scene.submissions[alias] = submission
    support_scene.reports[alias] = files
    if submission.number is None:
        raise JourneyError(f"LPSE Support refused the ticket of {alias}: {submission.errors}")
    support_scene.tickets[alias] = submission.number


def _download_report(world: World, helpdesk: Actor, number: str) -> Path:
    page = helpdesk.desk.page
    open_ticket(page, world.env.spse_url, number)
    table = page.get_by_role("table", name=tr("Daftar lampiran"))
    with page.expect_download() as info:
        table.get_by_role("link", name=REPORT_NAME, exact=True).click()
    target = helpdesk.desk.folder / "unduhan" / number / REPORT_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    info.value.save_as(target)
    return target


@then(
    parsers.parse(
        'helpdesk LPSE "{staff}" mengunduh file Word tiket penyedia "{alias}" berisi kronologi, '
        'gambar dan pesan "{key}"'
    )
)
def helpdesk_reads_report(
    world: World,
    support_scene: SupportScene,
    documentation_scene: DocumentationScene,
    staff: str,
    alias: str,
    key: str,
) -> None:
    helpdesk = world.actor(staff)
    documented = documentation_scene.documents[alias]
    support_scene.ensure_support(helpdesk)
    number = support_scene.ticket_of(alias)
    downloaded = _download_report(world, helpdesk, number)
    sent = hashlib.sha256(documented.report.read_bytes()).hexdigest()
    got = hashlib.sha256(downloaded.read_bytes()).hexdigest()
    world.expect(
        "file Word yang diunduh helpdesk sama dengan kiriman", sent[:12], got[:12], sent == got
    )
    stored = support_scene.stored(alias)
    kept = {a["name"]: a["sha256"] for a in stored["attachments"]}
    world.expect(
        "file Word tersimpan utuh di LPSE Support",
        f"{REPORT_NAME} {sent[:12]}",
        ", ".join(f"{n} {h[:12]}" for n, h in kept.items()),
        kept.get(REPORT_NAME) == sent,
    )
    document = Document(str(downloaded))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    flat = [" ".join(r) for r in rows]
    # The report writes a step's catalog keys as the message's wording (readable prose).
    missing = [
        s for s in documented.steps if not any(world.catalog.readable(s) in line for line in flat)
    ]
    world.expect(
        "baris kronologi di file Word",
        tr("{count} langkah", count=len(documented.steps)),
        tr("{count} langkah ditemukan", count=len(documented.steps) - len(missing))
        + (tr("; hilang: {missing}", missing=missing) if missing else ""),
        bool(documented.steps) and not missing,
    )
    pictures = len(document.inline_shapes)
    world.expect(
        "gambar screenshot di file Word",
        tr("minimal {count} gambar", count=1),
        tr("{count} gambar", count=pictures),
        pictures >= 1,
    )
    text = "\n".join([p.text for p in document.paragraphs] + flat)
    world.expect_message(f"pesan error tertulis di file Word ({key})", key, [text])


# Rule 5: at the LPSE, in person ------------------------------------------------------------------
@when(
    parsers.parse(
        'penyedia "{alias}" datang ke LPSE dan "{staff}" membuka tiketnya bersama penyedia'
    )
)
def open_together(world: World, support_scene: SupportScene, alias: str, staff: str) -> None:
    helpdesk = world.actor(staff)
    support_scene.ensure_support(helpdesk)
    number = support_scene.ticket_of(alias)
    state = open_ticket(helpdesk.desk.page, world.env.spse_url, number)
    vendor = world.actor(alias)
    shown = [(h.by, h.action) for h in state.history]
    created = tr("Tiket dibuat")
    world.expect(
        f"riwayat tiket {number} di meja helpdesk",
        f"{vendor.display_name}, {created}",
        " | ".join(", ".join(row) for row in shown),
        bool(shown) and shown[0] == (vendor.display_name, created),
    )
    wanted = [p.name for p in support_scene.reports.get(alias, [])]
    world.expect(
        f"lampiran tiket {number} di meja helpdesk",
        ", ".join(wanted),
        ", ".join(state.attachments),
        state.attachments == wanted,
    )


@when(
    parsers.parse(
        '"{staff}" mencatat hasil identifikasi bersama pada tiket penyedia "{alias}": "{note}"'
    )
)
def record_identification(
    world: World, support_scene: SupportScene, staff: str, alias: str, note: str
) -> None:
    helpdesk = world.actor(staff)
    number = support_scene.ticket_of(alias)
    page = helpdesk.desk.page
    shown = open_ticket(page, world.env.spse_url, number)
    if tr("Ambil Tiket") in shown.buttons:
        act_on_ticket(page, world.env.spse_url, number, "Ambil Tiket", shown=shown)
        # Taken, LPSE Support shows the ticket again, with the buttons of its new status.
        shown = ticket_state(page, world.env.spse_url)
    act_on_ticket(page, world.env.spse_url, number, "Kirim Komentar", note=note, shown=shown)


@then(
    parsers.parse(
        'penyedia "{alias}" melihat catatan identifikasi bersama "{note}" dari "{staff}" '
        "pada tiketnya"
    )
)
def vendor_sees_identification(
    world: World, support_scene: SupportScene, alias: str, note: str, staff: str
) -> None:
    vendor = world.actor(alias)
    helpdesk = world.actor(staff)
    support_scene.ensure_support(vendor)
    number = support_scene.ticket_of(alias)
    state = open_ticket(vendor.desk.page, world.env.spse_url, number)
    rows = [h for h in state.history if h.note == note]
    world.expect(
        f"catatan identifikasi pada tiket {number} di halaman penyedia",
        f"{helpdesk.display_name}: {note}",
        " | ".join(f"{h.by}: {h.note}" for h in state.history),
        len(rows) == 1 and rows[0].by == helpdesk.display_name,
    )
    world.expect(
        f"status tiket {number} di halaman penyedia",
        tr_ticket_status("diproses"),
        TicketPage(vendor.desk.page, world.env.spse_url).status(),
        state.status == tr_ticket_status("diproses"),
    )
    stored = support_scene.stored(alias)
    notes = [h["note"] for h in stored["history"]]
    world.expect(
        "catatan identifikasi tersimpan di riwayat tiket",
        note,
        " | ".join(n for n in notes if n) or tr("(tanpa catatan)"),
        note in notes,
    )
