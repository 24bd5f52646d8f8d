"""LPSE Support and the e-mail fallback (KODOK-100..119): file, follow, escalate, rate, e-mail.

People enter LPSE Support the way the seed says: SPSE home, "Aplikasi e-Procurement Lainnya",
"LPSE Support (Production)". What was stored is checked through /_sim (tickets, received mail).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Cm
from playwright.sync_api import FilePayload
from pytest_bdd import given, parsers, then, when

from fake_spse.support.tickets import CATEGORIES, TIER_LABELS, Action, Tier
from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in
from simulator.browser.journeys.support import (
    SupportEntry,
    TicketDraft,
    TicketSubmission,
    act_on_ticket,
    enter_lpse_support,
    file_ticket,
    open_ticket,
    send_report_email,
)
from simulator.browser.pages.base import SpsePage
from simulator.browser.pages.dashboard import DashboardPage
from simulator.browser.pages.support import Attachment, MailboxPage, TicketListPage, TicketPage
from simulator.scenarios.steps.common import add_staff, logged_in
from simulator.scenarios.world import Actor, World
from spse_shared.language import tr, tr_filled, tr_ticket_status
from spse_shared.wib import WIB

# The Gherkin's names for LPSE Support's people, and their SPSE roles.
JABATAN = {
    "helpdesk LPSE": "helpdesk",
    "admin LPSE": "admin",
    "verifikator LPSE": "verifikator",
    "helpdesk LKPP": "lkpp",
}
TIER_BY_LABEL = {label: tier for tier, label in TIER_LABELS.items()}
ROLE_LABELS = {
    "penyedia": "Penyedia",
    "helpdesk": "Helpdesk LPSE",
    "verifikator": "Verifikator LPSE",
    "admin": "Admin LPSE",
    "lkpp": "Helpdesk LKPP",
}
REPORT_NAME = "Kronologi Error.docx"
EMPTY = "(kosong)"


@dataclass
class SupportScene:
    """What happened around LPSE Support in this scenario."""

    world: World
    in_spse: set[str] = field(default_factory=set)
    in_support: set[str] = field(default_factory=set)
    tickets: dict[str, str] = field(default_factory=dict)
    submissions: dict[str, TicketSubmission] = field(default_factory=dict)
    entries: dict[str, SupportEntry] = field(default_factory=dict)
    reports: dict[str, list[Path]] = field(default_factory=dict)
    opened: dict[str, int] = field(default_factory=dict)

    def spse(self, actor: Actor) -> None:
        """Log the actor in to SPSE (once), on SPSE's home page after. Logging in is not what
        these scenarios are about: in an arranged world SPSE checks the password through
        /_sim/arrange and the desk gets the session cookie (see steps/common.py ``world``)."""
        if actor.alias in self.in_spse:
            return
        env = self.world.env
        if self.world.arranged:
            logged_in(self.world, actor)
            DashboardPage(actor.desk.page, env.spse_url).goto()
        else:
            log_in(
                actor.desk.page,
                env.spse_url,
                actor.user_id,
                actor.password,
                non_penyedia=actor.role != "penyedia",
            )
        self.in_spse.add(actor.alias)

    def support(self, actor: Actor) -> SupportEntry:
        """Log in to SPSE and enter LPSE Support; JourneyError if LPSE Support refuses."""
        self.spse(actor)
        entry = enter_lpse_support(actor.desk.page, self.world.env.spse_url)
        self.entries[actor.alias] = entry
        if entry.entered:
            self.in_support.add(actor.alias)
        return entry

    def ensure_support(self, actor: Actor) -> None:
        """The actor is inside LPSE Support. Entering it is walked by the step about entering
        (``vendor_enters`` below); in an arranged world the other steps find the desk logged in
        to SPSE and LPSE Support (through /_sim/arrange, the same service) on the ticket list,
        where entering lands."""
        if actor.alias in self.in_support:
            return
        env = self.world.env
        if self.world.arranged:
            env.arrange.log_in(
                actor.desk,
                env.server_url,
                actor.user_id,
                actor.password,
                lpse_support=True,
            )
            TicketListPage(actor.desk.page, env.spse_url).goto()
            self.in_spse.add(actor.alias)
            self.in_support.add(actor.alias)
            return
        entry = self.support(actor)
        if not entry.entered:
            raise JourneyError(f"{actor.alias} could not enter LPSE Support: {entry.messages}")

    def ticket_of(self, vendor: str) -> str:
        try:
            return self.tickets[vendor]
        except KeyError:
            raise AssertionError(f"penyedia {vendor!r} has not filed a ticket") from None

    def stored(self, vendor: str) -> dict[str, Any]:
        number = self.ticket_of(vendor)
        for ticket in self.world.env.sim.support_tickets()["tickets"]:
            if ticket["number"] == number:
                found: dict[str, Any] = ticket
                return found
        raise AssertionError(f"ticket {number} is not stored")


@pytest.fixture
def support_scene(world: World) -> SupportScene:
    return SupportScene(world)


# Documents on the vendor's desk ----------------------------------------------------------------
def wib_text(moment: datetime) -> str:
    return moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")


def screenshot(actor: Actor, name: str) -> Path:
    """A real screenshot of what the actor's browser shows now."""
    target = actor.desk.folder / "laporan" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    actor.desk.page.screenshot(path=str(target), full_page=True)
    return target


def chronology_report(
    world: World, actor: Actor, problem: str, picture: Path, steps: list[str]
) -> Path:
    """The seed's Word file: identity, the chronology as a table, the screenshot."""
    now = world.env.sim.now()
    document = Document()
    document.add_heading(tr("Kronologi Error"), level=1)
    vendor = actor.vendor
    identity = [
        (tr("Penyedia"), actor.display_name),
        (tr("User ID"), actor.user_id),
        (tr("Email"), vendor.email if vendor else ""),
        (tr("Permasalahan"), problem),
        (tr("Dibuat"), wib_text(now)),
    ]
    table = document.add_table(rows=0, cols=2)
    for label, value in identity:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading(tr("Kronologi"), level=2)
    chronology = document.add_table(rows=1, cols=3)
    chronology.rows[0].cells[0].text = tr("No")
    chronology.rows[0].cells[1].text = tr("Waktu")
    chronology.rows[0].cells[2].text = tr("Langkah")
    for number, text in enumerate(steps, start=1):
        cells = chronology.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(number), wib_text(now), text
    document.add_heading(tr("Screenshot"), level=2)
    document.add_picture(str(picture), width=Cm(15))
    document.add_paragraph(tr("Gambar {number}. {name}", number=1, name=picture.name))
    target = actor.desk.folder / "laporan" / REPORT_NAME
    document.save(str(target))
    return target


def desk_attachment(actor: Actor, name: str, size_kb: int) -> Attachment:
    """A file of ``size_kb`` KiB on the desk; a path-like name (as old browsers send the whole
    Windows path) cannot be a file on this desk, so it goes as a named upload."""
    data = (hashlib.sha256(name.encode()).digest() * (size_kb * 32 + 1))[: size_kb * 1024]
    if "\\" in name or "/" in name:
        return FilePayload(name=name, mimeType="application/octet-stream", buffer=data)
    target = actor.desk.folder / "lampiran" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def category_of(subcategory: str) -> str:
    for category, subcategories in CATEGORIES.items():
        if subcategory in subcategories:
            return category
    raise AssertionError(f"no category has the sub-category {subcategory!r}")


# People ----------------------------------------------------------------------------------------
@given(
    parsers.re(
        r"(?P<jabatan>helpdesk LPSE|admin LPSE|verifikator LPSE|helpdesk LKPP) "
        r'"(?P<alias>[^"]+)" bertugas'
    )
)
def staff_on_duty(world: World, jabatan: str, alias: str) -> None:
    add_staff(world, alias, JABATAN[jabatan], spamkodok=False)


@given("LPSE Support sedang tidak dapat diakses")
def support_down(world: World) -> None:
    world.env.sim.arm("support.down")


# Filing ----------------------------------------------------------------------------------------
def ticket_documents(
    world: World, support_scene: SupportScene, actor: Actor, subcategory: str
) -> tuple[TicketDraft, list[Path]]:
    """What a vendor reports a problem with: the ticket's fields, and its attachments (the
    Word chronology and a screenshot of SPSE's home, logged in)."""
    support_scene.spse(actor)
    picture = screenshot(actor, "screenshot-1.png")
    report = chronology_report(
        world,
        actor,
        subcategory,
        picture,
        [
            tr("Login ke SPSE"),
            tr("Permasalahan: {problem}", problem=subcategory),
            tr("Membuat tiket di LPSE Support"),
        ],
    )
    draft = TicketDraft(
        title=tr("Kendala {problem}", problem=subcategory),
        description=tr(
            "Kami mengalami kendala {problem}. Kronologi dan screenshot terlampir dalam file "
            "MS. Word.",
            problem=subcategory,
        ),
        subcategory=subcategory,
        category=category_of(subcategory),
    )
    support_scene.reports[actor.alias] = [report, picture]
    return draft, [report, picture]


@given(parsers.parse('penyedia "{alias}" telah membuat tiket LPSE Support "{subcategory}"'))
def vendor_filed_ticket(
    world: World, support_scene: SupportScene, alias: str, subcategory: str
) -> None:
    """The ticket as a Given: arranged through LPSE Support's service (same fields and
    attachments as the form sends), or walked."""
    if not world.arranged:
        vendor_files_ticket(world, support_scene, alias, subcategory)
        return
    actor = world.actor(alias)
    draft, files = ticket_documents(world, support_scene, actor, subcategory)
    number, message = world.env.arrange.file_support_ticket(
        actor.user_id,
        title=draft.title,
        description=draft.description,
        subcategory=draft.subcategory,
        category=draft.category,
        application=draft.application,
        attachments=files,
    )
    support_scene.submissions[alias] = TicketSubmission(number, [message], [])
    support_scene.tickets[alias] = number


@when(
    parsers.parse(
        'penyedia "{alias}" membuat tiket LPSE Support "{subcategory}" dengan kronologi Word '
        "dan screenshot"
    )
)
def vendor_files_ticket(
    world: World, support_scene: SupportScene, alias: str, subcategory: str
) -> None:
    actor = world.actor(alias)
    draft, files = ticket_documents(world, support_scene, actor, subcategory)
    support_scene.ensure_support(actor)
    submission = file_ticket(actor.desk.page, world.env.spse_url, draft, files)
    support_scene.submissions[alias] = submission
    if submission.number is None:
        raise JourneyError(f"LPSE Support refused the ticket of {alias}: {submission.errors}")
    support_scene.tickets[alias] = submission.number


@when(
    parsers.parse(
        'penyedia "{alias}" mengirim tiket LPSE Support dengan deskripsi "{description}" dan '
        'lampiran "{name}" berukuran {size:d} KB'
    )
)
def vendor_sends_bad_ticket(
    world: World, support_scene: SupportScene, alias: str, description: str, name: str, size: int
) -> None:
    actor = world.actor(alias)
    support_scene.ensure_support(actor)
    draft = TicketDraft(
        title="Gagal upload dokumen penawaran",
        description="" if description == EMPTY else description,
        subcategory="Upload Dokumen Penawaran",
    )
    attachment = desk_attachment(actor, name, size)
    submission = file_ticket(actor.desk.page, world.env.spse_url, draft, [attachment])
    support_scene.submissions[alias] = submission
    if submission.number is not None:
        support_scene.tickets[alias] = submission.number


@when(
    parsers.parse(
        'penyedia "{alias}" membuat tiket LPSE Support bertipe "{ticket_type}" dengan kode error '
        '"{error_code}" dan kode tender "{tender_code}"'
    )
)
def vendor_files_typed_ticket(
    world: World,
    support_scene: SupportScene,
    alias: str,
    ticket_type: str,
    error_code: str,
    tender_code: str,
) -> None:
    actor = world.actor(alias)
    support_scene.ensure_support(actor)
    draft = TicketDraft(
        title=f"{ticket_type}: tender {tender_code}",
        description=f"{ticket_type} terkait tender {tender_code} (kode error {error_code}).",
        subcategory="Upload Dokumen Penawaran",
        ticket_type=ticket_type,
        error_code=error_code,
        tender_code=tender_code,
    )
    submission = file_ticket(actor.desk.page, world.env.spse_url, draft)
    support_scene.submissions[alias] = submission
    if submission.number is not None:
        support_scene.tickets[alias] = submission.number


@then(
    parsers.parse(
        'tiket penyedia "{alias}" tercatat bertipe "{ticket_type}" dengan kode error '
        '"{error_code}" dan kode tender "{tender_code}" untuk LPSE ini'
    )
)
def typed_ticket_stored(
    world: World,
    support_scene: SupportScene,
    alias: str,
    ticket_type: str,
    error_code: str,
    tender_code: str,
) -> None:
    stored = support_scene.stored(alias)
    expected = (ticket_type, error_code, tender_code, world.env.settings.lpse_name)
    observed = (stored["ticket_type"], stored["error_code"], stored["tender_code"], stored["lpse"])
    world.expect(f"isian tiket {alias}", str(expected), str(observed), observed == expected)


# Handling ----------------------------------------------------------------------------------------
def handle(
    world: World,
    scene: SupportScene,
    alias: str,
    vendor: str,
    button: str,
    *,
    note: str = "",
    rating: int | None = None,
) -> None:
    actor = world.actor(alias)
    scene.ensure_support(actor)
    number = scene.ticket_of(vendor)
    shown = None
    if button == ESCALATE:
        shown = open_ticket(actor.desk.page, world.env.spse_url, number)
        # "Teruskan ke <tier>": the page names the tier above, whichever it is.
        prefix = tr("Teruskan ke {tier}", tier="")
        offered = [b for b in shown.buttons if b.startswith(prefix)]
        if not offered:
            raise JourneyError(f"{alias} is offered no escalation on {number}: {shown.buttons}")
        button = offered[0]
    act_on_ticket(
        actor.desk.page,
        world.env.spse_url,
        number,
        button,
        note=note,
        rating=rating,
        shown=shown,
    )


def handled(
    world: World, scene: SupportScene, alias: str, vendor: str, action: Action, *, note: str = ""
) -> None:
    """A handler's action on a ticket as a Given: arranged through LPSE Support's service (the
    same rules decide), or walked with the action's button."""
    if not world.arranged:
        handle(world, scene, alias, vendor, BUTTONS[action], note=note)
        return
    world.env.arrange.act_on_support_ticket(
        world.actor(alias).user_id, scene.ticket_of(vendor), action.value, note=note
    )


# The ticket page's buttons of the actions a Given may take (Bahasa Indonesia; the journey
# finds them in the chosen language), and of escalation, whose label names the tier above.
ESCALATE = "Teruskan"
BUTTONS = {Action.AMBIL: "Ambil Tiket", Action.SELESAIKAN: "Selesaikan Tiket"}


@given(parsers.parse('"{alias}" mengambil tiket penyedia "{vendor}"'))
def ticket_taken(world: World, support_scene: SupportScene, alias: str, vendor: str) -> None:
    handled(world, support_scene, alias, vendor, Action.AMBIL)


@when(parsers.parse('"{alias}" mengambil tiket penyedia "{vendor}"'))
def take_ticket(world: World, support_scene: SupportScene, alias: str, vendor: str) -> None:
    handle(world, support_scene, alias, vendor, BUTTONS[Action.AMBIL])


@when(parsers.parse('"{alias}" meneruskan tiket penyedia "{vendor}"'))
def escalate_ticket(world: World, support_scene: SupportScene, alias: str, vendor: str) -> None:
    handle(world, support_scene, alias, vendor, ESCALATE)


@given(parsers.parse('"{alias}" menyelesaikan tiket penyedia "{vendor}" dengan jawaban "{note}"'))
def ticket_resolved(
    world: World, support_scene: SupportScene, alias: str, vendor: str, note: str
) -> None:
    handled(world, support_scene, alias, vendor, Action.SELESAIKAN, note=note)


@when(parsers.parse('"{alias}" menyelesaikan tiket penyedia "{vendor}" dengan jawaban "{note}"'))
def resolve_ticket(
    world: World, support_scene: SupportScene, alias: str, vendor: str, note: str
) -> None:
    handle(world, support_scene, alias, vendor, BUTTONS[Action.SELESAIKAN], note=note)


@when(
    parsers.re(
        r'penyedia "(?P<alias>[^"]+)" menilai tiketnya "selesai" dengan nilai '
        r"(?P<rating>\d)$"
    )
)
def rate_resolved(world: World, support_scene: SupportScene, alias: str, rating: str) -> None:
    handle(world, support_scene, alias, alias, "Permasalahan Selesai", rating=int(rating))


@when(
    parsers.re(
        r'penyedia "(?P<alias>[^"]+)" menilai tiketnya "tidak selesai" dengan nilai '
        r'(?P<rating>\d) dan alasan "(?P<note>[^"]+)"'
    )
)
def rate_unresolved(
    world: World, support_scene: SupportScene, alias: str, rating: str, note: str
) -> None:
    handle(
        world,
        support_scene,
        alias,
        alias,
        "Permasalahan Tidak Selesai",
        note=note,
        rating=int(rating),
    )


# Reading another vendor's ticket -----------------------------------------------------------------
@when(parsers.parse('penyedia "{alias}" membuka tiket penyedia "{other}" di LPSE Support'))
def open_other_ticket(world: World, support_scene: SupportScene, alias: str, other: str) -> None:
    actor = world.actor(alias)
    support_scene.ensure_support(actor)
    number = support_scene.ticket_of(other)
    support_scene.opened[alias] = TicketPage(actor.desk.page, world.env.spse_url).open_number(
        number
    )


@then(parsers.parse('penyedia "{alias}" ditolak dengan status {status:d} dan pesan "{key}"'))
def refused_with(
    world: World, support_scene: SupportScene, alias: str, status: int, key: str
) -> None:
    actor = world.actor(alias)
    world.expect(
        "status HTTP halaman tiket",
        str(status),
        str(support_scene.opened.get(alias)),
        support_scene.opened.get(alias) == status,
    )
    page = SpsePage(actor.desk.page, world.env.spse_url)
    world.expect_message(f"penyedia ditolak ({key})", key, page.alert_texts())


@then(parsers.parse('daftar tiket penyedia "{alias}" tidak memuat tiket penyedia "{other}"'))
def list_excludes(world: World, support_scene: SupportScene, alias: str, other: str) -> None:
    actor = world.actor(alias)
    tickets = TicketListPage(actor.desk.page, world.env.spse_url)
    tickets.goto()
    numbers = [row.number for row in tickets.rows()]
    number = support_scene.ticket_of(other)
    world.expect(
        "daftar tiket penyedia",
        tr("tanpa {number}", number=number),
        ", ".join(numbers) or tr("(kosong)"),
        number not in numbers,
    )


# The e-mail fallback -----------------------------------------------------------------------------
@when(
    parsers.parse('penyedia "{alias}" masuk ke LPSE Support melalui Aplikasi e-Procurement Lainnya')
)
def vendor_enters(world: World, support_scene: SupportScene, alias: str) -> None:
    support_scene.support(world.actor(alias))


@when(
    parsers.parse(
        'penyedia "{alias}" mengirim email laporan dengan kronologi Word ke alamat LPSE '
        "yang tertera"
    )
)
def vendor_emails_report(world: World, support_scene: SupportScene, alias: str) -> None:
    actor = world.actor(alias)
    entry = support_scene.entries.get(alias)
    if entry is None or entry.fallback_email is None:
        raise JourneyError(f"no LPSE address was shown to {alias}")
    # The screenshot is of the refusal itself, as the seed asks.
    picture = screenshot(actor, "screenshot-lpse-support.png")
    report = chronology_report(
        world,
        actor,
        tr("Tidak bisa login di LPSE Support"),
        picture,
        [
            tr("Login ke SPSE"),
            tr("Klik Aplikasi e-Procurement Lainnya, LPSE Support (Production)"),
            tr("Masuk ke LPSE Support gagal: {messages}", messages=" ".join(entry.messages)),
        ],
    )
    smtp = world.env.sim.mail()["smtp"]
    if smtp is None:
        raise JourneyError("the LPSE has no mail server running")
    assert actor.vendor is not None
    send_report_email(
        smtp["host"],
        int(smtp["port"]),
        sender_name=actor.display_name,
        sender=actor.vendor.email,
        to=entry.fallback_email,
        subject=tr(
            "Laporan error: tidak bisa login di LPSE Support ({vendor})", vendor=actor.display_name
        ),
        body=tr(
            "Yth. Helpdesk LPSE,\n\nkami tidak bisa login di LPSE Support. Kronologi dan "
            "screenshot terlampir dalam file MS. Word.\n\nHormat kami,\n{vendor}\n",
            vendor=actor.display_name,
        ),
        attachments=[report],
    )
    support_scene.reports[alias] = [report]


def vendor_mail(world: World, actor: Actor) -> dict[str, Any] | None:
    assert actor.vendor is not None
    mails = [m for m in world.env.sim.mail()["messages"] if m["mail_from"] == actor.vendor.email]
    return mails[0] if mails else None


@then(parsers.parse('email laporan penyedia "{alias}" diterima LPSE beserta lampiran Word-nya'))
def report_received(world: World, support_scene: SupportScene, alias: str) -> None:
    actor = world.actor(alias)
    [report] = support_scene.reports[alias]
    expected = hashlib.sha256(report.read_bytes()).hexdigest()
    mail = vendor_mail(world, actor)
    address = world.env.sim.mail()["address"]
    world.expect(
        "email diterima di alamat LPSE",
        address,
        ", ".join(mail["rcpt_tos"]) if mail else tr("(tidak ada email)"),
        bool(mail) and [r.lower() for r in mail["rcpt_tos"]] == [address.lower()],  # type: ignore[index]
    )
    attachments = mail["attachments"] if mail else []
    observed = ", ".join(f"{a['name']} {a['sha256'][:12]}" for a in attachments) or tr(
        "(tanpa lampiran)"
    )
    world.expect(
        "lampiran Word sama dengan file di meja penyedia",
        f"{REPORT_NAME} {expected[:12]}",
        observed,
        [(a["name"], a["sha256"]) for a in attachments] == [(REPORT_NAME, expected)],
    )


@then(
    parsers.parse(
        'helpdesk LPSE "{staff}" melihat email laporan penyedia "{alias}" di Kotak Masuk Email LPSE'
    )
)
def helpdesk_reads_mail(world: World, support_scene: SupportScene, staff: str, alias: str) -> None:
    helpdesk = world.actor(staff)
    vendor = world.actor(alias)
    support_scene.spse(helpdesk)
    page = helpdesk.desk.page
    DashboardPage(page, world.env.spse_url).goto()
    page.get_by_role("link", name=tr("Kotak Masuk Email LPSE")).click()
    page.wait_for_load_state()
    inbox = MailboxPage(page, world.env.spse_url)
    rows = [r for r in inbox.rows() if vendor.display_name in r.sender]
    world.expect(
        "email penyedia di Kotak Masuk Email LPSE",
        vendor.display_name,
        " | ".join(r.sender for r in inbox.rows()) or tr("(kotak masuk kosong)"),
        len(rows) == 1,
    )
    inbox.open(rows[0].subject)
    names = inbox.attachment_names()
    world.expect("lampiran email terlihat", REPORT_NAME, ", ".join(names), names == [REPORT_NAME])


# State left behind ------------------------------------------------------------------------------
@then("tidak ada tiket LPSE Support yang tersimpan")
def no_ticket_stored(world: World) -> None:
    state = world.env.sim.support_tickets()
    observed = tr(
        "{tickets} tiket, {attachments} lampiran, {partial} file setengah jadi",
        tickets=len(state["tickets"]),
        attachments=state["attachment_files"],
        partial=state["partial_files"],
    )
    world.expect(
        "tidak ada tiket maupun lampiran tersimpan",
        tr(
            "{tickets} tiket, {attachments} lampiran, {partial} file setengah jadi",
            tickets=0,
            attachments=0,
            partial=0,
        ),
        observed,
        not state["tickets"] and state["attachment_files"] == 0 and state["partial_files"] == 0,
    )


def _status_check(
    world: World, scene: SupportScene, vendor: str, status: str, tier: str, who: str | None
) -> None:
    ticket = scene.stored(vendor)
    expected_tier = TIER_BY_LABEL.get(tier)
    if expected_tier is None:
        raise AssertionError(f"unknown handler {tier!r}; known: {sorted(TIER_BY_LABEL)}")
    observed = f"{ticket['status']} / {TIER_LABELS[Tier(ticket['tier'])]}"
    ok = ticket["status"] == status and ticket["tier"] == expected_tier.value
    expected = f"{status} / {tier}"
    if who is not None:
        handler = world.actor(who)
        expected += f" / {handler.user_id}"
        observed += f" / {ticket['assignee']}"
        ok = ok and ticket["assignee"] == handler.user_id
    world.expect(f"tiket {ticket['number']}", expected, observed, ok)


@then(
    parsers.re(
        r'tiket penyedia "(?P<vendor>[^"]+)" berstatus "(?P<status>[^"]+)" dan ditangani '
        r'"(?P<tier>[^"]+)"$'
    )
)
def ticket_status(
    world: World, support_scene: SupportScene, vendor: str, status: str, tier: str
) -> None:
    _status_check(world, support_scene, vendor, status, tier, None)


@then(
    parsers.re(
        r'tiket penyedia "(?P<vendor>[^"]+)" berstatus "(?P<status>[^"]+)" dan ditangani '
        r'"(?P<tier>[^"]+)" oleh "(?P<who>[^"]+)"$'
    )
)
def ticket_status_by(
    world: World, support_scene: SupportScene, vendor: str, status: str, tier: str, who: str
) -> None:
    _status_check(world, support_scene, vendor, status, tier, who)


@then(parsers.parse('tiket penyedia "{vendor}" selesai dan ditutup dengan nilai {rating:d}'))
def ticket_closed(world: World, support_scene: SupportScene, vendor: str, rating: int) -> None:
    ticket = support_scene.stored(vendor)
    world.expect(
        f"tiket {ticket['number']} ditutup",
        f"selesai, ditutup, nilai {rating}",
        f"{ticket['status']}, {'ditutup' if ticket['closed'] else 'terbuka'}, "
        f"nilai {ticket['rating']}",
        ticket["status"] == "selesai" and ticket["closed"] and ticket["rating"] == rating,
    )


@then(parsers.parse('riwayat tiket penyedia "{vendor}" hanya berisi {count:d} catatan'))
def history_length(world: World, support_scene: SupportScene, vendor: str, count: int) -> None:
    ticket = support_scene.stored(vendor)
    history = ticket["history"]
    world.expect(
        f"riwayat tiket {ticket['number']}",
        tr("{count} catatan", count=count),
        tr("{count} catatan", count=len(history)) + ": " + ", ".join(h["action"] for h in history),
        len(history) == count,
    )


@then(parsers.parse('penyedia "{alias}" melihat riwayat penanganan tiketnya:'))
def vendor_sees_history(
    world: World, support_scene: SupportScene, alias: str, datatable: list[list[str]]
) -> None:
    actor = world.actor(alias)
    number = support_scene.ticket_of(alias)
    state = open_ticket(actor.desk.page, world.env.spse_url, number)
    # Roles, actions and statuses as the page names them in the chosen language.
    expected = [
        (
            world.actor(who).display_name,
            tr_filled(role),
            tr_filled(action),
            tr_ticket_status(status),
        )
        for who, role, action, status in datatable[1:]
    ]
    shown = [(h.by, h.role, h.action, h.status) for h in state.history]
    world.expect(
        f"riwayat tiket {number} di halaman penyedia",
        " | ".join(", ".join(row) for row in expected),
        " | ".join(", ".join(row) for row in shown),
        shown == expected,
    )
    stored = support_scene.stored(alias)
    world.expect(
        "riwayat tersimpan sama dengan yang ditampilkan",
        tr("{count} catatan", count=len(shown)),
        tr("{count} catatan", count=len(stored["history"])),
        len(stored["history"]) == len(shown),
    )
    files = support_scene.reports.get(alias, [])
    wanted = [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]
    kept = [(a["name"], a["sha256"]) for a in stored["attachments"]]
    world.expect(
        "lampiran tersimpan utuh",
        ", ".join(n for n, _ in wanted),
        ", ".join(n for n, _ in kept) + f" (ditampilkan: {', '.join(state.attachments)})",
        kept == wanted and state.attachments == [n for n, _ in wanted],
    )
