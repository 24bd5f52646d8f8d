"""LPSE Support tickets: numbers, categories, attachments, the status machine, who sees what.

A vendor files a ticket (Judul, LPSE, Aplikasi, Kode Error, Kode Tender, Tipe Tiket:
Permasalahan / Usulan / Permintaan Layanan, Deskripsi, Unggah); the LPSE helpdesk (or
verifikator, or admin) takes it, may ask the vendor for more information, resolves it or
escalates it one tier up: Helpdesk LPSE -> Helpdesk Eproc LKPP -> Helpdesk Teknis LKPP. The
vendor gives feedback on a resolution ("Beri Feedback"): "selesai" closes the ticket for good,
"tidak selesai" returns it to whoever resolved it, at that person's tier.

Status machine (``ALLOWED_FROM`` lists, for every action, the statuses it may start from):

    baru --ambil--> diproses --minta_info--> menunggu penyedia --(vendor replies)--> diproses
    baru/diproses --eskalasi (to Helpdesk Eproc LKPP)--> diteruskan ke LKPP
    diteruskan ke LKPP --eskalasi (to Helpdesk Teknis LKPP)--> diteruskan ke LKPP
    diproses/diteruskan ke LKPP --selesaikan--> selesai
    selesai --tidak_selesai--> diproses (or diteruskan ke LKPP when LKPP resolved it)
    selesai --terselesaikan--> selesai, closed

While LKPP holds a ticket its working status is "diteruskan ke LKPP"; at the LPSE's tiers it is
"diproses". Plain Python: the service layer stores what these functions return.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import PurePosixPath
from types import MappingProxyType

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, Forbidden

NUMBER_PATTERN = re.compile(r"^LPSE-\d{4}-\d{4}-\d{6}$")


class TicketStatus(StrEnum):
    BARU = "baru"
    DIPROSES = "diproses"
    MENUNGGU_PENYEDIA = "menunggu penyedia"
    DITERUSKAN_LKPP = "diteruskan ke LKPP"
    SELESAI = "selesai"


class Tier(StrEnum):
    """Who holds a ticket; escalation moves it one tier up."""

    HELPDESK = "helpdesk"
    LKPP = "lkpp"  # Helpdesk Eproc LKPP: the first tier at LKPP
    LKPP_TEKNIS = "lkpp_teknis"  # Helpdesk Teknis LKPP: the application's technical team

    @property
    def label(self) -> str:
        return TIER_LABELS[self]

    @property
    def above(self) -> Tier | None:
        order = list(Tier)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


TIER_LABELS: Mapping[Tier, str] = MappingProxyType(
    {
        Tier.HELPDESK: "Helpdesk LPSE",
        Tier.LKPP: "Helpdesk Eproc LKPP",
        Tier.LKPP_TEKNIS: "Helpdesk Teknis LKPP",
    }
)
LKPP_TIERS = frozenset({Tier.LKPP, Tier.LKPP_TEKNIS})


class TicketType(StrEnum):
    """LPSE Support's 'Tipe Tiket'."""

    PERMASALAHAN = "Permasalahan"
    USULAN = "Usulan"
    PERMINTAAN_LAYANAN = "Permintaan Layanan"


class Action(StrEnum):
    BUAT = "buat"
    AMBIL = "ambil"
    MINTA_INFO = "minta_info"
    KOMENTAR = "komentar"
    ESKALASI = "eskalasi"
    SELESAIKAN = "selesaikan"
    TERSELESAIKAN = "terselesaikan"
    TIDAK_SELESAI = "tidak_selesai"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: Mapping[Action, str] = MappingProxyType(
    {
        Action.BUAT: "membuat tiket",
        Action.AMBIL: "mengambil tiket",
        Action.MINTA_INFO: "meminta informasi kepada penyedia",
        Action.KOMENTAR: "menambahkan komentar",
        Action.ESKALASI: "meneruskan tiket",
        Action.SELESAIKAN: "menyelesaikan tiket",
        Action.TERSELESAIKAN: "menilai tiket selesai",
        Action.TIDAK_SELESAI: "menilai tiket tidak selesai",
    }
)

_WORKING = frozenset({TicketStatus.DIPROSES, TicketStatus.DITERUSKAN_LKPP})

# For every action, the statuses it may start from (comments: any status of an open ticket).
ALLOWED_FROM: Mapping[Action, frozenset[TicketStatus]] = MappingProxyType(
    {
        Action.AMBIL: frozenset({TicketStatus.BARU, *_WORKING}),
        Action.MINTA_INFO: _WORKING,
        Action.KOMENTAR: frozenset(TicketStatus),
        Action.ESKALASI: frozenset(
            {TicketStatus.BARU, TicketStatus.DIPROSES, TicketStatus.DITERUSKAN_LKPP}
        ),
        Action.SELESAIKAN: _WORKING,
        Action.TERSELESAIKAN: frozenset({TicketStatus.SELESAI}),
        Action.TIDAK_SELESAI: frozenset({TicketStatus.SELESAI}),
    }
)

# Handling actions need a note: the question to the vendor, the answer, the reason.
NOTE_REQUIRED = frozenset(
    {Action.MINTA_INFO, Action.KOMENTAR, Action.SELESAIKAN, Action.TIDAK_SELESAI}
)
HANDLER_ACTIONS = frozenset({Action.AMBIL, Action.MINTA_INFO, Action.ESKALASI, Action.SELESAIKAN})
VENDOR_ACTIONS = frozenset({Action.TERSELESAIKAN, Action.TIDAK_SELESAI})

# Which roles may handle a ticket at each tier (the admin stands in for the helpdesk too; LKPP's
# helpdesk staff work at both of LKPP's tiers).
HANDLERS: Mapping[Tier, frozenset[Role]] = MappingProxyType(
    {
        Tier.HELPDESK: frozenset({Role.HELPDESK, Role.VERIFIKATOR, Role.ADMIN}),
        Tier.LKPP: frozenset({Role.LKPP}),
        Tier.LKPP_TEKNIS: frozenset({Role.LKPP}),
    }
)
LPSE_STAFF = frozenset({Role.HELPDESK, Role.VERIFIKATOR, Role.ADMIN})

CATEGORIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Teknis": (
            "Pendaftaran AMS / Sertifikat Elektronik",
            "Migrasi Sertifikat (Import APD)",
            "Upload Dokumen Penawaran",
            "Pembukaan Dokumen Penawaran",
            "Aplikasi SPAMKODOK 2",
            "Login dan ADP",
            "Lainnya",
        ),
        "Non Teknis": (
            "Registrasi dan Verifikasi Penyedia",
            "Informasi Tender",
            "Pelatihan",
            "Lainnya",
        ),
    }
)
APPLICATIONS = ("SPSE", "SPAMKODOK 2", "ADP", "SIKaP")

MIN_RATING, MAX_RATING = 1, 5
# SPSE's tender codes are numbers; error codes are short identifiers copied from an error page.
TENDER_CODE = re.compile(r"\d{1,20}")
MAX_ERROR_CODE = 60


def working_status(tier: Tier) -> TicketStatus:
    """The status of a ticket someone is working on at ``tier``."""
    return TicketStatus.DITERUSKAN_LKPP if tier in LKPP_TIERS else TicketStatus.DIPROSES


def ticket_number(lpse_code: str, year: int, sequence: int) -> str:
    """``LPSE-3372-2026-000123``: LPSE code (BPS region code), year, running number."""
    if not re.fullmatch(r"\d{4}", lpse_code):
        raise ValueError(f"LPSE code must be 4 digits, got {lpse_code!r}")
    if not 1 <= sequence <= 999_999:
        raise ValueError(f"ticket sequence out of range: {sequence}")
    return f"LPSE-{lpse_code}-{year:04d}-{sequence:06d}"


@dataclass(frozen=True)
class Actor:
    """Who acts on a ticket: an SPSE account's id, role and display name."""

    user_id: str
    role: Role
    name: str


@dataclass(frozen=True)
class TicketDraft:
    """What the vendor types into the new-ticket form."""

    title: str
    application: str
    category: str
    subcategory: str
    description: str
    # The LPSE the problem happened at (as chosen in the form), SPSE's error code if one was
    # shown, the tender's code if the problem is about one, and the ticket type.
    lpse: str = ""
    error_code: str = ""
    tender_code: str = ""
    ticket_type: str = TicketType.PERMASALAHAN.value


@dataclass(frozen=True)
class IncomingFile:
    """An uploaded attachment: its name as sent, its full size, and its bytes.

    ``data`` may be cut short at ``AttachmentRules.max_bytes + 1`` for files over the limit:
    such files are refused and never stored.
    """

    name: str
    size: int
    data: bytes


@dataclass(frozen=True)
class AttachmentRules:
    allowed_types: tuple[str, ...] = (".doc", ".docx", ".pdf", ".png", ".jpg", ".jpeg")
    max_bytes: int = 5 * 2**20
    max_files: int = 10
    max_name_chars: int = 120


@dataclass(frozen=True)
class Ticket:
    number: str
    vendor_id: str
    vendor_name: str
    vendor_email: str
    vendor_phone: str
    title: str
    application: str
    category: str
    subcategory: str
    description: str
    status: TicketStatus
    tier: Tier
    assignee: str | None
    created_at: datetime
    updated_at: datetime
    escalated_to_lkpp: bool = False
    resolved_by: str | None = None
    resolved_tier: Tier | None = None
    rating: int | None = None
    closed: bool = False
    lpse: str = ""
    error_code: str = ""
    tender_code: str = ""
    ticket_type: str = TicketType.PERMASALAHAN.value


@dataclass(frozen=True)
class TicketEvent:
    """One line of a ticket's history: who (and as what role) did what, when, with what note."""

    at: datetime
    actor_id: str
    actor_role: str
    actor_name: str
    action: Action
    from_status: TicketStatus | None
    to_status: TicketStatus
    from_tier: Tier | None
    to_tier: Tier
    note: str = ""
    rating: int | None = None


# Filing --------------------------------------------------------------------------------------
def draft_problems(draft: TicketDraft) -> list[DomainError]:
    problems: list[DomainError] = []
    if not draft.title.strip():
        problems.append(DomainError("support.judul_wajib"))
    if draft.application not in APPLICATIONS:
        problems.append(
            DomainError("support.aplikasi_tidak_valid", choices=", ".join(APPLICATIONS))
        )
    if draft.category not in CATEGORIES:
        problems.append(DomainError("support.kategori_tidak_valid"))
    elif draft.subcategory not in CATEGORIES[draft.category]:
        problems.append(
            DomainError(
                "support.subkategori_tidak_valid",
                subcategory=draft.subcategory or "(kosong)",
                category=draft.category,
            )
        )
    if draft.ticket_type not in set(TicketType):
        choices = ", ".join(t.value for t in TicketType)
        problems.append(DomainError("support.tipe_tidak_valid", choices=choices))
    if draft.tender_code.strip() and not TENDER_CODE.fullmatch(draft.tender_code.strip()):
        problems.append(DomainError("support.kode_tender_tidak_valid"))
    if len(draft.error_code.strip()) > MAX_ERROR_CODE:
        problems.append(DomainError("support.kode_error_panjang", max=MAX_ERROR_CODE))
    if not draft.description.strip():
        problems.append(DomainError("support.deskripsi_wajib"))
    return problems


def is_path_like(name: str) -> bool:
    """A name that carries a folder, a drive, a parent reference or control characters."""
    if any(ch in name for ch in "/\\:") or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return True
    return name.startswith(".") or name.strip() != name


def attachment_problems(files: Sequence[IncomingFile], rules: AttachmentRules) -> list[DomainError]:
    """Every problem of the attachments at once; an empty list means all may be stored."""
    problems: list[DomainError] = []
    if len(files) > rules.max_files:
        problems.append(DomainError("support.lampiran_terlalu_banyak", max=rules.max_files))
    types = ", ".join(rules.allowed_types)
    seen: set[str] = set()
    for file in files:
        name = file.name
        if not name or is_path_like(name) or len(name) > rules.max_name_chars:
            problems.append(DomainError("support.lampiran_nama", name=name or "(tanpa nama)"))
            continue
        if PurePosixPath(name).suffix.lower() not in rules.allowed_types:
            problems.append(DomainError("support.lampiran_jenis", name=name, types=types))
        elif file.size == 0:
            problems.append(DomainError("support.lampiran_kosong", name=name))
        elif file.size > rules.max_bytes or len(file.data) > rules.max_bytes:
            problems.append(
                DomainError("support.lampiran_besar", name=name, max_mb=_mb(rules.max_bytes))
            )
        elif name.lower() in seen:
            problems.append(DomainError("support.lampiran_ganda", name=name))
        seen.add(name.lower())
    return problems


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0")


def new_ticket(
    number: str,
    vendor: Actor,
    draft: TicketDraft,
    *,
    email: str,
    phone: str,
    company: str,
    at: datetime,
) -> tuple[Ticket, TicketEvent]:
    """A ticket as filed (status baru, at the helpdesk), with its first history line."""
    if vendor.role is not Role.PENYEDIA:
        raise Forbidden("support.hanya_penyedia")
    if not NUMBER_PATTERN.fullmatch(number):
        raise ValueError(f"not a ticket number: {number!r}")
    problems = draft_problems(draft)
    if problems:
        raise problems[0]
    ticket = Ticket(
        number=number,
        vendor_id=vendor.user_id,
        vendor_name=company or vendor.name,
        vendor_email=email,
        vendor_phone=phone,
        title=draft.title.strip(),
        application=draft.application,
        category=draft.category,
        subcategory=draft.subcategory,
        description=draft.description.strip(),
        lpse=draft.lpse.strip(),
        error_code=draft.error_code.strip(),
        tender_code=draft.tender_code.strip(),
        ticket_type=draft.ticket_type,
        status=TicketStatus.BARU,
        tier=Tier.HELPDESK,
        assignee=None,
        created_at=at,
        updated_at=at,
    )
    event = TicketEvent(
        at=at,
        actor_id=vendor.user_id,
        actor_role=vendor.role.value,
        actor_name=vendor.name,
        action=Action.BUAT,
        from_status=None,
        to_status=TicketStatus.BARU,
        from_tier=None,
        to_tier=Tier.HELPDESK,
        note=draft.title.strip(),
    )
    return ticket, event


# Who sees and does what ------------------------------------------------------------------------
def can_view(ticket: Ticket, user_id: str, role: Role) -> bool:
    """The filing vendor; the LPSE's helpdesk, verifikator and admin; LKPP once escalated."""
    if role is Role.PENYEDIA:
        return ticket.vendor_id == user_id
    if role in LPSE_STAFF:
        return True
    if role is Role.LKPP:
        return ticket.escalated_to_lkpp
    return False


def ensure_can_view(ticket: Ticket, user_id: str, role: Role) -> None:
    if not can_view(ticket, user_id, role):
        raise Forbidden("support.bukan_tiket_anda", number=ticket.number)


def can_handle(ticket: Ticket, role: Role) -> bool:
    return role in HANDLERS[ticket.tier]


def allowed_actions(ticket: Ticket, user_id: str, role: Role) -> list[Action]:
    """The actions ``apply`` would accept from this user now (for the page's buttons)."""
    if not can_view(ticket, user_id, role) or ticket.closed:
        return []
    actions: list[Action] = []
    for action in Action:
        if action is Action.BUAT or ticket.status not in ALLOWED_FROM[action]:
            continue
        if action in HANDLER_ACTIONS and not can_handle(ticket, role):
            continue
        if action is Action.AMBIL and ticket.assignee == user_id:
            continue
        if action is Action.ESKALASI and ticket.tier.above is None:
            continue
        if action in VENDOR_ACTIONS and ticket.vendor_id != user_id:
            continue
        actions.append(action)
    return actions


def apply(
    ticket: Ticket,
    actor: Actor,
    action: Action,
    *,
    at: datetime,
    note: str = "",
    rating: int | None = None,
) -> tuple[Ticket, TicketEvent]:
    """``ticket`` after ``actor`` did ``action``, and the history line for it; DomainError if
    the rules say no (checked in order: visibility, closed, role, status, note, rating)."""
    if action is Action.BUAT:
        raise ValueError("tickets are filed with new_ticket()")
    ensure_can_view(ticket, actor.user_id, actor.role)
    if ticket.closed:
        raise DomainError("support.tiket_ditutup", number=ticket.number)
    if action in HANDLER_ACTIONS and not can_handle(ticket, actor.role):
        raise Forbidden(
            "support.bukan_penanganan",
            number=ticket.number,
            tier=ticket.tier.label,
            action=action.label,
        )
    if action in VENDOR_ACTIONS and ticket.vendor_id != actor.user_id:
        raise Forbidden("support.hanya_pengirim", number=ticket.number)
    if ticket.status not in ALLOWED_FROM[action]:
        raise DomainError(
            "support.aksi_tidak_diizinkan", action=action.label, status=ticket.status.value
        )
    note = note.strip()
    if action in NOTE_REQUIRED and not note:
        raise DomainError("support.catatan_wajib", action=action.label)
    if action in VENDOR_ACTIONS and (
        rating is None or isinstance(rating, bool) or not MIN_RATING <= rating <= MAX_RATING
    ):
        raise DomainError("support.nilai_tidak_valid", low=MIN_RATING, high=MAX_RATING)
    after = _after(ticket, actor, action, rating)
    if after.tier in LKPP_TIERS:
        after = replace(after, escalated_to_lkpp=True)
    after = replace(after, updated_at=at)
    event = TicketEvent(
        at=at,
        actor_id=actor.user_id,
        actor_role=actor.role.value,
        actor_name=actor.name,
        action=action,
        from_status=ticket.status,
        to_status=after.status,
        from_tier=ticket.tier,
        to_tier=after.tier,
        note=note,
        rating=rating if action in VENDOR_ACTIONS else None,
    )
    return after, event


def _after(ticket: Ticket, actor: Actor, action: Action, rating: int | None) -> Ticket:
    if action is Action.AMBIL:
        if ticket.assignee == actor.user_id:
            raise DomainError("support.sudah_diambil", number=ticket.number)
        return replace(ticket, status=working_status(ticket.tier), assignee=actor.user_id)
    if action is Action.MINTA_INFO:
        return replace(ticket, status=TicketStatus.MENUNGGU_PENYEDIA)
    if action is Action.KOMENTAR:
        # The vendor's answer to a question puts the ticket back to work at its tier.
        if ticket.status is TicketStatus.MENUNGGU_PENYEDIA and actor.user_id == ticket.vendor_id:
            return replace(ticket, status=working_status(ticket.tier))
        return ticket
    if action is Action.ESKALASI:
        target = ticket.tier.above
        if target is None:
            raise DomainError("support.tidak_dapat_diteruskan", number=ticket.number)
        return replace(ticket, tier=target, status=working_status(target), assignee=None)
    if action is Action.SELESAIKAN:
        return replace(
            ticket,
            status=TicketStatus.SELESAI,
            resolved_by=actor.user_id,
            resolved_tier=ticket.tier,
            rating=None,
        )
    if action is Action.TERSELESAIKAN:
        return replace(ticket, closed=True, rating=rating)
    if action is Action.TIDAK_SELESAI:
        # Back to whoever resolved it, at the tier they resolved it at.
        tier = ticket.resolved_tier or ticket.tier
        return replace(
            ticket,
            tier=tier,
            status=working_status(tier),
            assignee=ticket.resolved_by,
            rating=rating,
        )
    raise ValueError(f"unknown action {action!r}")  # pragma: no cover
