"""LPSE Support: the helpdesk ticket service reached from SPSE ("Aplikasi e-Procurement Lainnya").

It is its own application, as in reality: its own SQLite file (``support.sqlite3``) and its
own attachment folder (``support-blobs``) in the LPSE's data directory. It trusts SPSE's
session for identity ("login to LPSE Support uses the SPSE session") but keeps its own
record of who has logged in to it, so that the ``support.down`` fault makes that login fail.

The rules live in ``fake_spse.support.tickets``; this module stores what they return. A ticket
is stored whole or not at all: attachments are checked first, written atomically as blobs,
and removed again if the database transaction does not commit.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore
from fake_spse.storage.sqlite import create_wal_schema, transaction
from fake_spse.support.tickets import (
    NUMBER_PATTERN,
    Action,
    Actor,
    AttachmentRules,
    IncomingFile,
    Ticket,
    TicketDraft,
    TicketEvent,
    TicketStatus,
    Tier,
    allowed_actions,
    apply,
    attachment_problems,
    can_view,
    draft_problems,
    ensure_can_view,
    new_ticket,
    ticket_number,
)
from spse_shared.wib import WIB


@dataclass(frozen=True)
class StoredAttachment:
    attachment_id: int
    number: str
    event_seq: int
    name: str
    size: int
    sha256: str
    blob_key: str


@dataclass(frozen=True)
class HistoryLine:
    seq: int
    event: TicketEvent


@dataclass(frozen=True)
class TicketView:
    """A ticket with everything a page shows about it."""

    ticket: Ticket
    history: tuple[HistoryLine, ...]
    attachments: tuple[StoredAttachment, ...]

    @property
    def last_change(self) -> HistoryLine:
        return self.history[-1]


SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    number TEXT PRIMARY KEY, year INTEGER NOT NULL, seq INTEGER NOT NULL,
    vendor_id TEXT NOT NULL, vendor_name TEXT NOT NULL, vendor_email TEXT NOT NULL,
    vendor_phone TEXT NOT NULL, title TEXT NOT NULL, application TEXT NOT NULL,
    category TEXT NOT NULL, subcategory TEXT NOT NULL, description TEXT NOT NULL,
    status TEXT NOT NULL, tier TEXT NOT NULL, assignee TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, escalated_to_lkpp INTEGER NOT NULL,
    resolved_by TEXT, resolved_tier TEXT, rating INTEGER, closed INTEGER NOT NULL,
    version INTEGER NOT NULL,
    lpse TEXT NOT NULL DEFAULT '', error_code TEXT NOT NULL DEFAULT '',
    tender_code TEXT NOT NULL DEFAULT '', ticket_type TEXT NOT NULL DEFAULT 'Permasalahan',
    UNIQUE (year, seq)
);
CREATE TABLE IF NOT EXISTS events (
    number TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL,
    from_status TEXT, to_status TEXT NOT NULL, from_tier TEXT, to_tier TEXT NOT NULL,
    note TEXT NOT NULL, rating INTEGER,
    PRIMARY KEY (number, seq)
);
CREATE TABLE IF NOT EXISTS attachments (
    attachment_id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL,
    event_seq INTEGER NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, blob_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS logins (
    sid TEXT PRIMARY KEY, user_id TEXT NOT NULL, at TEXT NOT NULL
);
"""

_TICKET_COLUMNS = (
    "number, year, seq, vendor_id, vendor_name, vendor_email, vendor_phone, title, application, "
    "category, subcategory, description, status, tier, assignee, created_at, updated_at, "
    "escalated_to_lkpp, resolved_by, resolved_tier, rating, closed, version"
)


# Set once, when the ticket is filed (never changed by an update), with their defaults.
_FORM_COLUMNS = {"lpse": "", "error_code": "", "tender_code": "", "ticket_type": "Permasalahan"}


class SupportStore:
    """LPSE Support's own SQLite file: tickets, their history, attachments and logins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        create_wal_schema(path, SCHEMA)
        # Files written before the form had LPSE, Kode Error, Kode Tender and Tipe Tiket.
        with self._tx() as db:
            columns = {row[1] for row in db.execute("PRAGMA table_info(tickets)")}
            for column, default in _FORM_COLUMNS.items():
                if column not in columns:
                    db.execute(
                        f"ALTER TABLE tickets ADD COLUMN {column} TEXT NOT NULL DEFAULT '{default}'"
                    )

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path, self._lock)

    def blob_keys(self) -> set[str]:
        """Every attachment blob a ticket refers to."""
        with self._tx() as db:
            return {row[0] for row in db.execute("SELECT blob_key FROM attachments").fetchall()}

    # tickets --------------------------------------------------------------------------------
    def create(
        self,
        year: int,
        build: Callable[[int], tuple[Ticket, TicketEvent]],
        attachments: Sequence[tuple[str, int, str, str]],
    ) -> Ticket:
        """Allocate the year's next number, store ``build(seq)``'s ticket, its first history
        line and its attachments (name, size, sha256, blob key) in one transaction."""
        with self._tx() as db:
            row = db.execute("SELECT max(seq) AS m FROM tickets WHERE year=?", (year,)).fetchone()
            seq = int(row["m"] or 0) + 1
            ticket, event = build(seq)
            db.execute(
                f"INSERT INTO tickets ({_TICKET_COLUMNS}) VALUES ({', '.join('?' * 23)})",
                (ticket.number, year, seq, *_ticket_values(ticket), 1),
            )
            db.execute(
                "UPDATE tickets SET lpse=?, error_code=?, tender_code=?, ticket_type=? "
                "WHERE number=?",
                (
                    ticket.lpse,
                    ticket.error_code,
                    ticket.tender_code,
                    ticket.ticket_type,
                    ticket.number,
                ),
            )
            _insert_event(db, ticket.number, 1, event)
            _insert_attachments(db, ticket.number, 1, attachments)
        return ticket

    def update(
        self,
        before_version: int,
        ticket: Ticket,
        event: TicketEvent,
        attachments: Sequence[tuple[str, int, str, str]],
    ) -> bool:
        """Store ``ticket`` and its new history line if nobody changed it since
        ``before_version``; False (nothing stored) when someone did."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE tickets SET status=?, tier=?, assignee=?, updated_at=?, "
                "escalated_to_lkpp=?, resolved_by=?, resolved_tier=?, rating=?, closed=?, "
                "version=version+1 WHERE number=? AND version=?",
                (
                    ticket.status.value,
                    ticket.tier.value,
                    ticket.assignee,
                    ticket.updated_at.isoformat(),
                    int(ticket.escalated_to_lkpp),
                    ticket.resolved_by,
                    None if ticket.resolved_tier is None else ticket.resolved_tier.value,
                    ticket.rating,
                    int(ticket.closed),
                    ticket.number,
                    before_version,
                ),
            )
            if cur.rowcount != 1:
                return False
            seq = before_version + 1
            _insert_event(db, ticket.number, seq, event)
            _insert_attachments(db, ticket.number, seq, attachments)
        return True

    def ticket(self, number: str) -> tuple[TicketView, int] | None:
        """A ticket with its history and attachments, and its version (number of events)."""
        with self._tx() as db:
            row = db.execute("SELECT * FROM tickets WHERE number=?", (number,)).fetchone()
            if row is None:
                return None
            view = _view(db, row)
        return view, int(row["version"])

    def tickets(self) -> list[TicketView]:
        """Every ticket, newest first."""
        with self._tx() as db:
            rows = db.execute("SELECT * FROM tickets ORDER BY created_at DESC, number DESC")
            return [_view(db, row) for row in rows.fetchall()]

    def attachment(self, attachment_id: int) -> StoredAttachment | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM attachments WHERE attachment_id=?", (attachment_id,)
            ).fetchone()
        return None if row is None else _attachment(row)

    # logins ---------------------------------------------------------------------------------
    def record_login(self, sid: str, user_id: str, at: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO logins (sid, user_id, at) VALUES (?, ?, ?)",
                (sid, user_id, at.isoformat()),
            )

    def login_of(self, sid: str) -> str | None:
        with self._tx() as db:
            row = db.execute("SELECT user_id FROM logins WHERE sid=?", (sid,)).fetchone()
        return None if row is None else str(row["user_id"])

    def forget_login(self, sid: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM logins WHERE sid=?", (sid,))


def _ticket_values(t: Ticket) -> tuple[object, ...]:
    return (
        t.vendor_id,
        t.vendor_name,
        t.vendor_email,
        t.vendor_phone,
        t.title,
        t.application,
        t.category,
        t.subcategory,
        t.description,
        t.status.value,
        t.tier.value,
        t.assignee,
        t.created_at.isoformat(),
        t.updated_at.isoformat(),
        int(t.escalated_to_lkpp),
        t.resolved_by,
        None if t.resolved_tier is None else t.resolved_tier.value,
        t.rating,
        int(t.closed),
    )


def _insert_event(db: sqlite3.Connection, number: str, seq: int, e: TicketEvent) -> None:
    db.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            number,
            seq,
            e.at.isoformat(),
            e.actor_id,
            e.actor_role,
            e.actor_name,
            e.action.value,
            None if e.from_status is None else e.from_status.value,
            e.to_status.value,
            None if e.from_tier is None else e.from_tier.value,
            e.to_tier.value,
            e.note,
            e.rating,
        ),
    )


def _insert_attachments(
    db: sqlite3.Connection, number: str, seq: int, files: Sequence[tuple[str, int, str, str]]
) -> None:
    for name, size, sha256, key in files:
        db.execute(
            "INSERT INTO attachments (number, event_seq, name, size, sha256, blob_key) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (number, seq, name, size, sha256, key),
        )


def _view(db: sqlite3.Connection, row: sqlite3.Row) -> TicketView:
    number = row["number"]
    events = db.execute("SELECT * FROM events WHERE number=? ORDER BY seq", (number,)).fetchall()
    files = db.execute(
        "SELECT * FROM attachments WHERE number=? ORDER BY attachment_id", (number,)
    ).fetchall()
    return TicketView(
        ticket=Ticket(
            number=number,
            vendor_id=row["vendor_id"],
            vendor_name=row["vendor_name"],
            vendor_email=row["vendor_email"],
            vendor_phone=row["vendor_phone"],
            title=row["title"],
            application=row["application"],
            category=row["category"],
            subcategory=row["subcategory"],
            description=row["description"],
            status=TicketStatus(row["status"]),
            tier=Tier(row["tier"]),
            assignee=row["assignee"],
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            escalated_to_lkpp=bool(row["escalated_to_lkpp"]),
            resolved_by=row["resolved_by"],
            resolved_tier=None if row["resolved_tier"] is None else Tier(row["resolved_tier"]),
            rating=row["rating"],
            closed=bool(row["closed"]),
            lpse=row["lpse"],
            error_code=row["error_code"],
            tender_code=row["tender_code"],
            ticket_type=row["ticket_type"],
        ),
        history=tuple(
            HistoryLine(
                seq=e["seq"],
                event=TicketEvent(
                    at=datetime.fromisoformat(e["at"]),
                    actor_id=e["actor_id"],
                    actor_role=e["actor_role"],
                    actor_name=e["actor_name"],
                    action=Action(e["action"]),
                    from_status=None
                    if e["from_status"] is None
                    else TicketStatus(e["from_status"]),
                    to_status=TicketStatus(e["to_status"]),
                    from_tier=None if e["from_tier"] is None else Tier(e["from_tier"]),
                    to_tier=Tier(e["to_tier"]),
                    note=e["note"],
                    rating=e["rating"],
                ),
            )
            for e in events
        ),
        attachments=tuple(_attachment(f) for f in files),
    )


def _attachment(row: sqlite3.Row) -> StoredAttachment:
    return StoredAttachment(
        attachment_id=row["attachment_id"],
        number=row["number"],
        event_seq=row["event_seq"],
        name=row["name"],
        size=row["size"],
        sha256=row["sha256"],
        blob_key=row["blob_key"],
    )


def actor_of(account: Account) -> Actor:
    return Actor(user_id=account.user_id, role=account.role, name=account.display_name)


class LpseSupport:
    """The LPSE Support application of one LPSE."""

    def __init__(
        self,
        *,
        store: SupportStore,
        blobs: BlobStore,
        now: Callable[[], datetime],
        faults: FaultBoard,
        lpse_code: str,
        lpse_email: str,
        rules: AttachmentRules | None = None,
    ) -> None:
        self.store = store
        self.blobs = blobs
        self.now = now
        self.faults = faults
        self.lpse_code = lpse_code
        self.lpse_email = lpse_email
        self.rules = rules or AttachmentRules()

    # logging in -----------------------------------------------------------------------------
    def log_in(self, user: Account, sid: str) -> None:
        """Log the SPSE session's user in to LPSE Support (fails while ``support.down``)."""
        if self.faults.check("support.down", actor=user.user_id, detail="login LPSE Support"):
            raise DomainError("support.tidak_tersedia", email=self.lpse_email)
        self.store.record_login(sid, user.user_id, self.now())

    def is_logged_in(self, sid: str, user: Account | None) -> bool:
        """True while the SPSE session is still the user who logged in to LPSE Support."""
        return user is not None and self.store.login_of(sid) == user.user_id

    def log_out(self, sid: str) -> None:
        self.store.forget_login(sid)

    # tickets --------------------------------------------------------------------------------
    def file_ticket(
        self, vendor: Account, draft: TicketDraft, files: Sequence[IncomingFile]
    ) -> Ticket:
        """A new ticket with its attachments, or FormProblems listing every problem."""
        if vendor.role is not Role.PENYEDIA:
            raise Forbidden("support.hanya_penyedia")
        problems = draft_problems(draft) + attachment_problems(files, self.rules)
        if problems:
            raise FormProblems(problems)
        at = self.now()
        year = at.astimezone(WIB).year
        actor = actor_of(vendor)

        def build(seq: int) -> tuple[Ticket, TicketEvent]:
            return new_ticket(
                ticket_number(self.lpse_code, year, seq),
                actor,
                draft,
                email=vendor.email,
                phone=vendor.phone,
                company=vendor.company,
                at=at,
            )

        with self._stored(files) as stored:
            return self.store.create(year, build, stored)

    def visible_tickets(self, user: Account) -> list[TicketView]:
        """The tickets this user may see (the vendor's own; the LPSE's; LKPP's escalated)."""
        return [v for v in self.store.tickets() if can_view(v.ticket, user.user_id, user.role)]

    def view(self, user: Account, number: str) -> TicketView:
        """One ticket for this user: NotFound, or Forbidden when it is someone else's."""
        view, _ = self._load(number)
        ensure_can_view(view.ticket, user.user_id, user.role)
        return view

    def actions_for(self, user: Account, ticket: Ticket) -> list[Action]:
        return allowed_actions(ticket, user.user_id, user.role)

    def act(
        self,
        user: Account,
        number: str,
        action: Action,
        *,
        note: str = "",
        rating: int | None = None,
        files: Sequence[IncomingFile] = (),
    ) -> Ticket:
        """Apply ``action`` (the rules decide); attachments may come with it."""
        view, version = self._load(number)
        after, event = apply(
            view.ticket, actor_of(user), action, at=self.now(), note=note, rating=rating
        )
        problems = attachment_problems(files, self.rules)
        if problems:
            raise FormProblems(problems)
        with self._stored(files) as stored:
            if not self.store.update(version, after, event, stored):
                raise DomainError("support.tiket_berubah", number=number)
        return after

    def attachment(
        self, user: Account, number: str, attachment_id: int
    ) -> tuple[StoredAttachment, Path]:
        view = self.view(user, number)
        for item in view.attachments:
            if item.attachment_id == attachment_id:
                return item, self.blobs.path(item.blob_key)
        raise NotFound("support.tiket_tidak_ditemukan", number=number)

    def all_tickets(self) -> list[TicketView]:
        return self.store.tickets()

    def _load(self, number: str) -> tuple[TicketView, int]:
        found = self.store.ticket(number) if NUMBER_PATTERN.fullmatch(number) else None
        if found is None:
            raise NotFound("support.tiket_tidak_ditemukan", number=number)
        return found

    @contextmanager
    def _stored(self, files: Sequence[IncomingFile]) -> Iterator[list[tuple[str, int, str, str]]]:
        """Write the attachments as blobs; remove them again unless the block succeeds."""
        written: list[tuple[str, int, str, str]] = []
        try:
            for file in files:
                blob = self.blobs.write_bytes(file.data)
                written.append((file.name, blob.size, blob.sha256, blob.key))
            yield written
        except BaseException:
            for _, _, _, key in written:
                self.blobs.delete(key)
            raise


def ticket_json(view: TicketView) -> dict[str, object]:
    """A ticket as /_sim and ``spse-sim tickets --json`` show it."""
    t = view.ticket
    return {
        "number": t.number,
        "vendor_id": t.vendor_id,
        "vendor_name": t.vendor_name,
        "title": t.title,
        "application": t.application,
        "category": t.category,
        "subcategory": t.subcategory,
        "lpse": t.lpse,
        "error_code": t.error_code,
        "tender_code": t.tender_code,
        "ticket_type": t.ticket_type,
        "description": t.description,
        "status": t.status.value,
        "tier": t.tier.value,
        "assignee": t.assignee,
        "escalated_to_lkpp": t.escalated_to_lkpp,
        "resolved_by": t.resolved_by,
        "rating": t.rating,
        "closed": t.closed,
        "created_at": t.created_at.isoformat(),
        "updated_at": t.updated_at.isoformat(),
        "history": [
            {
                "seq": line.seq,
                "at": line.event.at.isoformat(),
                "actor_id": line.event.actor_id,
                "actor_role": line.event.actor_role,
                "actor_name": line.event.actor_name,
                "action": line.event.action.value,
                "from_status": _value(line.event.from_status),
                "to_status": line.event.to_status.value,
                "from_tier": _value(line.event.from_tier),
                "to_tier": line.event.to_tier.value,
                "note": line.event.note,
                "rating": line.event.rating,
            }
            for line in view.history
        ],
        "attachments": [
            {
                "attachment_id": a.attachment_id,
                "event_seq": a.event_seq,
                "name": a.name,
                "size": a.size,
                "sha256": a.sha256,
            }
            for a in view.attachments
        ],
    }


def _value(member: TicketStatus | Tier | None) -> str | None:
    return None if member is None else member.value


def dumps(views: Sequence[TicketView]) -> str:
    return json.dumps([ticket_json(v) for v in views], ensure_ascii=False, indent=2)
