"""SPSE's own SQLite database: accounts, sessions, certificates, tenders, offers, openings,
Data Penyedia and qualification sendings."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.apendo import PackageKey
from fake_spse.domain.certificates import AmsRequest, UserCertificate
from fake_spse.domain.email_links import EmailLink, LinkPurpose
from fake_spse.domain.evaluation import Evaluation, Sanggahan, Winner
from fake_spse.domain.offer_letter import OfferLetter
from fake_spse.domain.offers import Offer, OfferPart, OpeningResult
from fake_spse.domain.pemilihan import Question
from fake_spse.domain.qualification import Attachment, QualificationSubmission
from fake_spse.domain.schedule import Schedule, StageWindow
from fake_spse.domain.tenders import Tender
from fake_spse.domain.vendor_data import FIELDS, RecordKind, VendorRecord
from fake_spse.storage.sqlite import owner_only, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    user_id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
    company TEXT NOT NULL, npwp TEXT NOT NULL, address TEXT NOT NULL, phone TEXT NOT NULL,
    director TEXT NOT NULL, verified_at TEXT, verified_by TEXT,
    home_lpse TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS sessions (
    sid TEXT PRIMARY KEY, user_id TEXT, auth_token TEXT NOT NULL, created_at TEXT NOT NULL,
    last_seen TEXT
);
CREATE TABLE IF NOT EXISTS certificates (
    serial TEXT PRIMARY KEY, user_id TEXT NOT NULL, subject TEXT NOT NULL, pem TEXT NOT NULL,
    not_before TEXT NOT NULL, not_after TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ams_requests (
    request_id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,
    letter_name TEXT NOT NULL, letter_blob TEXT NOT NULL, letter_size INTEGER NOT NULL,
    submitted_at TEXT NOT NULL, status TEXT NOT NULL, serial TEXT, problem TEXT
);
CREATE TABLE IF NOT EXISTS tenders (
    tender_id TEXT PRIMARY KEY, name TEXT NOT NULL, instansi TEXT NOT NULL, satker TEXT NOT NULL,
    jenis_pengadaan INTEGER NOT NULL, metode TEXT NOT NULL, pagu INTEGER NOT NULL,
    hps INTEGER NOT NULL, lokasi TEXT NOT NULL, tahun INTEGER NOT NULL, created_at TEXT NOT NULL,
    created_by TEXT NOT NULL, schedule TEXT NOT NULL, recipients TEXT NOT NULL,
    method TEXT NOT NULL DEFAULT 'pasca-satu-file', failed_reason TEXT
);
CREATE TABLE IF NOT EXISTS participants (
    tender_id TEXT NOT NULL, vendor_id TEXT NOT NULL, joined_at TEXT NOT NULL,
    PRIMARY KEY (tender_id, vendor_id)
);
CREATE TABLE IF NOT EXISTS offers (
    offer_id INTEGER PRIMARY KEY AUTOINCREMENT, tender_id TEXT NOT NULL, vendor_id TEXT NOT NULL,
    blob_key TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
    received_at TEXT NOT NULL, current INTEGER NOT NULL,
    part TEXT NOT NULL DEFAULT 'penawaran', price_rupiah INTEGER
);
CREATE TABLE IF NOT EXISTS openings (
    offer_id INTEGER PRIMARY KEY, code TEXT NOT NULL, signer_subject TEXT NOT NULL,
    files TEXT NOT NULL, opened_at TEXT NOT NULL, opened_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS opening_log (
    entry_id INTEGER PRIMARY KEY AUTOINCREMENT, offer_id INTEGER NOT NULL, code TEXT NOT NULL,
    signer_subject TEXT NOT NULL, files TEXT NOT NULL, opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL, correction INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS offer_letters (
    tender_id TEXT NOT NULL, vendor_id TEXT NOT NULL, part TEXT NOT NULL,
    price_rupiah INTEGER NOT NULL, validity_days INTEGER NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (tender_id, vendor_id, part)
);
CREATE TABLE IF NOT EXISTS vendor_records (
    record_id INTEGER PRIMARY KEY AUTOINCREMENT, vendor_id TEXT NOT NULL, kind TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS qualification_submissions (
    submission_id INTEGER PRIMARY KEY AUTOINCREMENT, tender_id TEXT NOT NULL,
    vendor_id TEXT NOT NULL, records TEXT NOT NULL, attachments TEXT NOT NULL,
    submitted_at TEXT NOT NULL, current INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS email_links (
    token TEXT PRIMARY KEY, purpose TEXT NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL, used_at TEXT, user_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evaluations (
    tender_id TEXT NOT NULL, vendor_id TEXT NOT NULL, kualifikasi INTEGER,
    administrasi INTEGER, teknis INTEGER, harga INTEGER, reason TEXT NOT NULL,
    price_rupiah INTEGER, corrected_rupiah INTEGER, pembuktian INTEGER,
    evaluated_at TEXT NOT NULL, evaluated_by TEXT NOT NULL, nilai_teknis TEXT,
    PRIMARY KEY (tender_id, vendor_id)
);
CREATE TABLE IF NOT EXISTS winners (
    tender_id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL, price_rupiah INTEGER NOT NULL,
    decided_at TEXT NOT NULL, decided_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sanggahan (
    sanggah_id INTEGER PRIMARY KEY AUTOINCREMENT, tender_id TEXT NOT NULL,
    vendor_id TEXT NOT NULL, text TEXT NOT NULL, filed_at TEXT NOT NULL, answer TEXT,
    answered_at TEXT, answered_by TEXT
);
CREATE TABLE IF NOT EXISTS questions (
    question_id INTEGER PRIMARY KEY AUTOINCREMENT, tender_id TEXT NOT NULL,
    vendor_id TEXT NOT NULL, text TEXT NOT NULL, asked_at TEXT NOT NULL, answer TEXT,
    answered_at TEXT
);
CREATE TABLE IF NOT EXISTS inbox (
    message_id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,
    tender_id TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, sent_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sikap (
    vendor_id TEXT PRIMARY KEY, verified_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS package_keys (
    tender_id TEXT PRIMARY KEY, certificate_pem TEXT NOT NULL, private_key_pem TEXT NOT NULL,
    created_at TEXT NOT NULL, released_at TEXT, released_by TEXT
);
"""


# Columns added after data folders were first written: (table, column, declaration).
_REVIEW_COLUMNS = (
    ("kind", "TEXT NOT NULL DEFAULT 'baru'"),
    ("statement_name", "TEXT NOT NULL DEFAULT ''"),
    ("statement_blob", "TEXT NOT NULL DEFAULT ''"),
    ("statement_size", "INTEGER NOT NULL DEFAULT 0"),
    ("csr_pem", "TEXT NOT NULL DEFAULT ''"),
    ("old_certificate_pem", "TEXT NOT NULL DEFAULT ''"),
    ("in_person", "INTEGER NOT NULL DEFAULT 0"),
    ("attendee", "TEXT NOT NULL DEFAULT ''"),
    ("attendee_position", "TEXT NOT NULL DEFAULT ''"),
    ("originals", "TEXT NOT NULL DEFAULT '[]'"),
    ("attended_at", "TEXT"),
    ("attended_by", "TEXT"),
    ("decided_by", "TEXT"),
    ("decided_at", "TEXT"),
    ("reason", "TEXT NOT NULL DEFAULT ''"),
    ("embedded_at", "TEXT"),
)
_LATER_COLUMNS = (
    ("tenders", "method", "TEXT NOT NULL DEFAULT 'pasca-satu-file'"),
    ("tenders", "failed_reason", "TEXT"),
    ("offers", "part", "TEXT NOT NULL DEFAULT 'penawaran'"),
    ("offers", "price_rupiah", "INTEGER"),
    # Kualitas dan Biaya: the pokja's nilai teknis, as a decimal text ("85.5").
    ("evaluations", "nilai_teknis", "TEXT"),
    # the LPSE's review of certificate requests (domain/ams_review.py)
    *(("ams_requests", column, kind) for column, kind in _REVIEW_COLUMNS),
)


def _rowid(value: int) -> bool:
    """Whether ``value`` can name a row: an id from a URL may be past SQLite's integers, which
    the driver refuses with OverflowError instead of finding no row."""
    return 0 < value < 2**63


def _ts(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


class Database:
    """All of SPSE's tables in one file.

    Each call is its own short transaction, unless the calling thread is inside
    ``transaction()``: then every call joins that one transaction (the unit of work).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.RLock()
        owner_only(self._path)
        # The connection of the transaction the current thread has open, if any.
        self._active = threading.local()
        conn = sqlite3.connect(self._path, timeout=30)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)
            # Data folders written before roaming vendors (ADP) existed lack accounts.home_lpse.
            columns = {row[1] for row in conn.execute("PRAGMA table_info(accounts)")}
            if "home_lpse" not in columns:
                conn.execute("ALTER TABLE accounts ADD COLUMN home_lpse TEXT NOT NULL DEFAULT ''")
            # ... and sessions.last_seen (idle expiry).
            columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
            if "last_seen" not in columns:
                conn.execute("ALTER TABLE sessions ADD COLUMN last_seen TEXT")
            # ... and the tender methods, Tender Gagal, offer parts and prices.
            for table, column, kind in _LATER_COLUMNS:
                columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                if column not in columns:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run every call of this thread inside the block in one transaction (BEGIN IMMEDIATE):
        it commits when the block ends and rolls back if it raises. Nested blocks join the
        outer one."""
        if getattr(self._active, "conn", None) is not None:
            yield
            return
        with transaction(self._path, self._lock) as conn:
            self._active.conn = conn
            try:
                yield
            finally:
                self._active.conn = None

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        active: sqlite3.Connection | None = getattr(self._active, "conn", None)
        if active is not None:
            return nullcontext(active)
        return transaction(self._path, self._lock)

    # accounts -------------------------------------------------------------------------------
    def add_account(self, account: Account) -> None:
        row = asdict(account)
        row["role"] = account.role.value
        row["status"] = account.status.value
        row["created_at"] = _ts(account.created_at)
        row["verified_at"] = _ts(account.verified_at)
        with self._tx() as db:
            db.execute(
                f"INSERT INTO accounts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )

    def save_account(self, account: Account) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE accounts SET status=?, verified_at=?, verified_by=? WHERE user_id=?",
                (
                    account.status.value,
                    _ts(account.verified_at),
                    account.verified_by,
                    account.user_id,
                ),
            )

    def set_password_hash(self, user_id: str, password_hash: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE accounts SET password_hash=? WHERE user_id=?", (password_hash, user_id)
            )

    # e-mailed links (registration, Lupa Password) ----------------------------------------------
    def delete_email_link(self, token: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM email_links WHERE token=?", (token,))

    def add_email_link(self, link: EmailLink) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO email_links (token, purpose, email, created_at, expires_at, used_at, "
                "user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    link.token,
                    link.purpose.value,
                    link.email,
                    _ts(link.created_at),
                    _ts(link.expires_at),
                    _ts(link.used_at),
                    link.user_id,
                ),
            )

    def email_link(self, token: str) -> EmailLink | None:
        with self._tx() as db:
            row = db.execute("SELECT * FROM email_links WHERE token=?", (token,)).fetchone()
        if row is None:
            return None
        return EmailLink(
            token=row["token"],
            purpose=LinkPurpose(row["purpose"]),
            email=row["email"],
            created_at=_req_dt(row["created_at"]),
            expires_at=_req_dt(row["expires_at"]),
            used_at=_dt(row["used_at"]),
            user_id=row["user_id"],
        )

    def mark_email_link_used(self, token: str, at: datetime) -> bool:
        """Use a link once: False when it was already used (a racing second use)."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE email_links SET used_at=? WHERE token=? AND used_at IS NULL",
                (_ts(at), token),
            )
        return cur.rowcount == 1

    def account(self, user_id: str) -> Account | None:
        with self._tx() as db:
            row = db.execute("SELECT * FROM accounts WHERE user_id=?", (user_id,)).fetchone()
        return None if row is None else _account(row)

    def account_by_email(self, email: str) -> Account | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM accounts WHERE lower(email)=lower(?)", (email,)
            ).fetchone()
        return None if row is None else _account(row)

    def accounts(self, role: Role | None = None) -> list[Account]:
        with self._tx() as db:
            if role is None:
                rows = db.execute("SELECT * FROM accounts ORDER BY created_at, user_id").fetchall()
            else:
                rows = db.execute(
                    "SELECT * FROM accounts WHERE role=? ORDER BY created_at, user_id",
                    (role.value,),
                ).fetchall()
        return [_account(r) for r in rows]

    # sessions -------------------------------------------------------------------------------
    def add_session(
        self, sid: str, auth_token: str, created_at: datetime, *, user_id: str | None = None
    ) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO sessions (sid, user_id, auth_token, created_at, last_seen) "
                "VALUES (?, ?, ?, ?, ?)",
                (sid, user_id, auth_token, _ts(created_at), _ts(created_at)),
            )

    def session(self, sid: str) -> tuple[str | None, str, datetime, datetime] | None:
        """(user id or None, authenticity token, created at, last seen) of a session."""
        with self._tx() as db:
            row = db.execute(
                "SELECT user_id, auth_token, created_at, last_seen FROM sessions WHERE sid=?",
                (sid,),
            ).fetchone()
        if row is None:
            return None
        created = _req_dt(row["created_at"])
        return row["user_id"], row["auth_token"], created, _dt(row["last_seen"]) or created

    def touch_session(self, sid: str, now: datetime) -> None:
        """Record that the session was used at ``now`` (idle expiry counts from here)."""
        with self._tx() as db:
            db.execute("UPDATE sessions SET last_seen=? WHERE sid=?", (_ts(now), sid))

    def delete_session(self, sid: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE sid=?", (sid,))

    def session_count(self) -> int:
        """How many sessions are stored (logged-in ones only)."""
        with self._tx() as db:
            found: int = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        return found

    def blob_keys(self) -> set[str]:
        """Every blob a record refers to: offers, AMS letters, qualification attachments."""
        with self._tx() as db:
            offers = db.execute("SELECT blob_key FROM offers").fetchall()
            letters = db.execute(
                "SELECT letter_blob FROM ams_requests UNION "
                "SELECT statement_blob FROM ams_requests WHERE statement_blob != ''"
            ).fetchall()
            sent = db.execute("SELECT attachments FROM qualification_submissions").fetchall()
        attached = {a["blob_key"] for row in sent for a in json.loads(row[0])}
        return {row[0] for row in offers} | {row[0] for row in letters} | attached

    # certificates ---------------------------------------------------------------------------
    def add_certificate(self, cert: UserCertificate) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO certificates VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    cert.serial,
                    cert.user_id,
                    cert.subject,
                    cert.pem,
                    _ts(cert.not_before),
                    _ts(cert.not_after),
                    _ts(cert.recorded_at),
                ),
            )

    def certificates(self, user_id: str) -> list[UserCertificate]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM certificates WHERE user_id=? ORDER BY recorded_at", (user_id,)
            ).fetchall()
        return [
            UserCertificate(
                serial=r["serial"],
                user_id=r["user_id"],
                subject=r["subject"],
                pem=r["pem"],
                not_before=_req_dt(r["not_before"]),
                not_after=_req_dt(r["not_after"]),
                recorded_at=_req_dt(r["recorded_at"]),
            )
            for r in rows
        ]

    def add_ams_request(self, request: AmsRequest) -> int:
        values = _ams_values(request)
        with self._tx() as db:
            cur = db.execute(
                f"INSERT INTO ams_requests ({', '.join(values)}) "
                f"VALUES ({', '.join('?' for _ in values)})",
                tuple(values.values()),
            )
            return int(cur.lastrowid or 0)

    def update_ams_request(self, request: AmsRequest) -> None:
        """Store the request's new state (every field but its id and owner)."""
        values = _ams_values(request)
        values.pop("user_id")
        with self._tx() as db:
            db.execute(
                f"UPDATE ams_requests SET {', '.join(f'{c}=?' for c in values)} WHERE request_id=?",
                (*values.values(), request.request_id),
            )

    def ams_requests(self, user_id: str) -> list[AmsRequest]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM ams_requests WHERE user_id=? ORDER BY request_id", (user_id,)
            ).fetchall()
        return [_ams_request(r) for r in rows]

    def ams_request(self, request_id: int) -> AmsRequest | None:
        if not _rowid(request_id):
            return None
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM ams_requests WHERE request_id=?", (request_id,)
            ).fetchone()
        return None if row is None else _ams_request(row)

    def reviewed_ams_requests(self) -> list[AmsRequest]:
        """Every request that goes through the LPSE's review, oldest first."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM ams_requests WHERE status NOT IN ('diterbitkan', 'diperbarui', "
                "'gagal') ORDER BY request_id"
            ).fetchall()
        return [_ams_request(r) for r in rows]

    # tenders --------------------------------------------------------------------------------
    def add_tender(self, tender: Tender, package_key: PackageKey | None = None) -> None:
        """Store a tender, with its APENDO package key (NON CA) in the same transaction."""
        schedule = [
            {"number": w.number, "name": w.name, "start": _ts(w.start), "end": _ts(w.end)}
            for w in tender.schedule.windows
        ]
        with self._tx() as db:
            db.execute(
                "INSERT INTO tenders (tender_id, name, instansi, satker, jenis_pengadaan, metode, "
                "pagu, hps, lokasi, tahun, created_at, created_by, schedule, recipients, method, "
                "failed_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    tender.tender_id,
                    tender.name,
                    tender.instansi,
                    tender.satker,
                    tender.jenis_pengadaan,
                    tender.metode,
                    tender.pagu,
                    tender.hps,
                    tender.lokasi,
                    tender.tahun,
                    _ts(tender.created_at),
                    tender.created_by,
                    json.dumps(schedule),
                    json.dumps(list(tender.recipient_certificates)),
                    tender.method,
                    tender.failed_reason,
                ),
            )
            if package_key is not None:
                db.execute(
                    "INSERT INTO package_keys VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        package_key.tender_id,
                        package_key.certificate_pem,
                        package_key.private_key_pem,
                        _ts(package_key.created_at),
                        _ts(package_key.released_at),
                        package_key.released_by,
                    ),
                )

    def tender(self, tender_id: str) -> Tender | None:
        with self._tx() as db:
            row = db.execute("SELECT * FROM tenders WHERE tender_id=?", (tender_id,)).fetchone()
        return None if row is None else _tender(row)

    def tenders(self) -> list[Tender]:
        with self._tx() as db:
            rows = db.execute("SELECT * FROM tenders ORDER BY created_at DESC").fetchall()
        return [_tender(r) for r in rows]

    def tender_ids(self) -> list[str]:
        """Every tender's kode, in no particular order."""
        with self._tx() as db:
            rows = db.execute("SELECT tender_id FROM tenders").fetchall()
        return [str(r["tender_id"]) for r in rows]

    def add_participant(self, tender_id: str, vendor_id: str, joined_at: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO participants VALUES (?, ?, ?)", (tender_id, vendor_id, _ts(joined_at))
            )

    def participants(self, tender_id: str) -> list[str]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT vendor_id FROM participants WHERE tender_id=? ORDER BY joined_at",
                (tender_id,),
            ).fetchall()
        return [r["vendor_id"] for r in rows]

    def joined_tenders(self, vendor_id: str) -> list[str]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT tender_id FROM participants WHERE vendor_id=? ORDER BY joined_at",
                (vendor_id,),
            ).fetchall()
        return [r["tender_id"] for r in rows]

    # offers ---------------------------------------------------------------------------------
    def add_offer(
        self,
        *,
        tender_id: str,
        vendor_id: str,
        blob_key: str,
        sha256: str,
        size: int,
        received_at: datetime,
        part: OfferPart = OfferPart.PENAWARAN,
        price_rupiah: int | None = None,
    ) -> tuple[Offer, str | None]:
        """Record a new current offer of one part; returns it and the blob key of the offer of
        the same part it replaces."""
        with self._tx() as db:
            key = (tender_id, vendor_id, str(part))
            old = db.execute(
                "SELECT blob_key FROM offers WHERE tender_id=? AND vendor_id=? AND part=? "
                "AND current=1",
                key,
            ).fetchone()
            db.execute(
                "UPDATE offers SET current=0 WHERE tender_id=? AND vendor_id=? AND part=?", key
            )
            cur = db.execute(
                "INSERT INTO offers (tender_id, vendor_id, blob_key, sha256, size, received_at, "
                "current, part, price_rupiah) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (
                    tender_id,
                    vendor_id,
                    blob_key,
                    sha256,
                    size,
                    _ts(received_at),
                    str(part),
                    price_rupiah,
                ),
            )
            offer_id = int(cur.lastrowid or 0)
        offer = Offer(
            offer_id,
            tender_id,
            vendor_id,
            blob_key,
            sha256,
            size,
            received_at,
            True,
            part=part,
            price_rupiah=price_rupiah,
        )
        return offer, (None if old is None else str(old["blob_key"]))

    def offer(self, offer_id: int) -> Offer | None:
        if not _rowid(offer_id):
            return None
        with self._tx() as db:
            row = db.execute("SELECT * FROM offers WHERE offer_id=?", (offer_id,)).fetchone()
        return None if row is None else _offer(row)

    def offers(self, tender_id: str, *, current_only: bool = True) -> list[Offer]:
        query = "SELECT * FROM offers WHERE tender_id=?"
        if current_only:
            query += " AND current=1"
        with self._tx() as db:
            rows = db.execute(query + " ORDER BY received_at, offer_id", (tender_id,)).fetchall()
        return [_offer(r) for r in rows]

    def current_offer(
        self, tender_id: str, vendor_id: str, part: OfferPart = OfferPart.PENAWARAN
    ) -> Offer | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM offers WHERE tender_id=? AND vendor_id=? AND part=? AND current=1",
                (tender_id, vendor_id, str(part)),
            ).fetchone()
        return None if row is None else _offer(row)

    def save_opening(self, result: OpeningResult, *, correction: bool = False) -> None:
        """Make ``result`` the offer's opening result and append it to the opening log (every
        result ever recorded, corrections marked), in one transaction."""
        row = (
            result.offer_id,
            result.code,
            result.signer_subject,
            json.dumps(list(result.files)),
            _ts(result.opened_at),
            result.opened_by,
        )
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO openings VALUES (?, ?, ?, ?, ?, ?)", row)
            db.execute(
                "INSERT INTO opening_log (offer_id, code, signer_subject, files, opened_at, "
                "opened_by, correction) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*row, int(correction)),
            )

    def opening_log(self, offer_id: int) -> list[tuple[OpeningResult, bool]]:
        """Every result recorded for the offer, oldest first, each with its correction flag."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM opening_log WHERE offer_id=? ORDER BY entry_id", (offer_id,)
            ).fetchall()
        return [
            (
                OpeningResult(
                    offer_id=r["offer_id"],
                    code=r["code"],
                    signer_subject=r["signer_subject"],
                    files=tuple(json.loads(r["files"])),
                    opened_at=_req_dt(r["opened_at"]),
                    opened_by=r["opened_by"],
                ),
                bool(r["correction"]),
            )
            for r in rows
        ]

    def opening(self, offer_id: int) -> OpeningResult | None:
        with self._tx() as db:
            row = db.execute("SELECT * FROM openings WHERE offer_id=?", (offer_id,)).fetchone()
        if row is None:
            return None
        return OpeningResult(
            offer_id=row["offer_id"],
            code=row["code"],
            signer_subject=row["signer_subject"],
            files=tuple(json.loads(row["files"])),
            opened_at=_req_dt(row["opened_at"]),
            opened_by=row["opened_by"],
        )

    def set_offer_price(self, offer_id: int, price_rupiah: int | None) -> None:
        """The price of the offer's Surat Penawaran (set where SPSE learns it)."""
        with self._tx() as db:
            db.execute(
                "UPDATE offers SET price_rupiah=? WHERE offer_id=?", (price_rupiah, offer_id)
            )

    # evaluation, winner, sanggahan, inbox ---------------------------------------------------
    def fail_tender(self, tender_id: str, reason: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE tenders SET failed_reason=? WHERE tender_id=?", (reason, tender_id))

    def save_evaluation(self, evaluation: Evaluation) -> None:
        e = evaluation
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO evaluations (tender_id, vendor_id, kualifikasi, "
                "administrasi, teknis, harga, reason, price_rupiah, corrected_rupiah, pembuktian, "
                "evaluated_at, evaluated_by, nilai_teknis) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    e.tender_id,
                    e.vendor_id,
                    _flag(e.kualifikasi),
                    _flag(e.administrasi),
                    _flag(e.teknis),
                    _flag(e.harga),
                    e.reason,
                    e.price_rupiah,
                    e.corrected_rupiah,
                    _flag(e.pembuktian),
                    _ts(e.evaluated_at),
                    e.evaluated_by,
                    None if e.nilai_teknis is None else str(e.nilai_teknis),
                ),
            )

    def evaluations(self, tender_id: str) -> list[Evaluation]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM evaluations WHERE tender_id=? ORDER BY evaluated_at, vendor_id",
                (tender_id,),
            ).fetchall()
        return [
            Evaluation(
                tender_id=r["tender_id"],
                vendor_id=r["vendor_id"],
                kualifikasi=_mark(r["kualifikasi"]),
                administrasi=_mark(r["administrasi"]),
                teknis=_mark(r["teknis"]),
                harga=_mark(r["harga"]),
                reason=r["reason"],
                price_rupiah=r["price_rupiah"],
                corrected_rupiah=r["corrected_rupiah"],
                pembuktian=_mark(r["pembuktian"]),
                evaluated_at=_req_dt(r["evaluated_at"]),
                evaluated_by=r["evaluated_by"],
                nilai_teknis=None if r["nilai_teknis"] is None else Decimal(r["nilai_teknis"]),
            )
            for r in rows
        ]

    def save_winner(self, winner: Winner) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO winners VALUES (?, ?, ?, ?, ?)",
                (
                    winner.tender_id,
                    winner.vendor_id,
                    winner.price_rupiah,
                    _ts(winner.decided_at),
                    winner.decided_by,
                ),
            )

    def winner(self, tender_id: str) -> Winner | None:
        with self._tx() as db:
            r = db.execute("SELECT * FROM winners WHERE tender_id=?", (tender_id,)).fetchone()
        if r is None:
            return None
        return Winner(
            tender_id=r["tender_id"],
            vendor_id=r["vendor_id"],
            price_rupiah=r["price_rupiah"],
            decided_at=_req_dt(r["decided_at"]),
            decided_by=r["decided_by"],
        )

    def add_sanggahan(self, tender_id: str, vendor_id: str, text: str, at: datetime) -> int:
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO sanggahan (tender_id, vendor_id, text, filed_at) VALUES (?, ?, ?, ?)",
                (tender_id, vendor_id, text, _ts(at)),
            )
            return int(cur.lastrowid or 0)

    def answer_sanggahan(self, sanggah_id: int, answer: str, at: datetime, by: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE sanggahan SET answer=?, answered_at=?, answered_by=? WHERE sanggah_id=?",
                (answer, _ts(at), by, sanggah_id),
            )

    def sanggahan(self, tender_id: str) -> list[Sanggahan]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM sanggahan WHERE tender_id=? ORDER BY sanggah_id", (tender_id,)
            ).fetchall()
        return [
            Sanggahan(
                sanggah_id=r["sanggah_id"],
                tender_id=r["tender_id"],
                vendor_id=r["vendor_id"],
                text=r["text"],
                filed_at=_req_dt(r["filed_at"]),
                answer=r["answer"],
                answered_at=_dt(r["answered_at"]),
                answered_by=r["answered_by"],
            )
            for r in rows
        ]

    def add_question(self, tender_id: str, vendor_id: str, text: str, at: datetime) -> int:
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO questions (tender_id, vendor_id, text, asked_at) VALUES (?, ?, ?, ?)",
                (tender_id, vendor_id, text, _ts(at)),
            )
            return int(cur.lastrowid or 0)

    def answer_question(self, question_id: int, answer: str, at: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE questions SET answer=?, answered_at=? WHERE question_id=?",
                (answer, _ts(at), question_id),
            )

    def questions(self, tender_id: str) -> list[Question]:
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM questions WHERE tender_id=? ORDER BY question_id", (tender_id,)
            ).fetchall()
        return [
            Question(
                question_id=r["question_id"],
                tender_id=r["tender_id"],
                vendor_id=r["vendor_id"],
                text=r["text"],
                asked_at=_req_dt(r["asked_at"]),
                answer=r["answer"],
                answered_at=_dt(r["answered_at"]),
            )
            for r in rows
        ]

    def add_inbox(
        self, user_id: str, tender_id: str, subject: str, body: str, at: datetime
    ) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO inbox (user_id, tender_id, subject, body, sent_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (user_id, tender_id, subject, body, _ts(at)),
            )

    # SIKaP ----------------------------------------------------------------------------------
    def save_sikap(self, vendor_id: str, verified_at: datetime) -> None:
        """The vendor's SIKaP data verified at ``verified_at`` (the latest synchronisation)."""
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO sikap (vendor_id, verified_at) VALUES (?, ?)",
                (vendor_id, _ts(verified_at)),
            )

    def sikap_verified_at(self, vendor_id: str) -> datetime | None:
        """When the vendor's SIKaP data were last verified; None if never."""
        with self._tx() as db:
            row = db.execute(
                "SELECT verified_at FROM sikap WHERE vendor_id=?", (vendor_id,)
            ).fetchone()
        return None if row is None else _req_dt(row["verified_at"])

    def inbox(self, user_id: str) -> list[tuple[str, str, str, datetime]]:
        """The user's SPSE messages, newest first: (tender id, subject, body, sent at)."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM inbox WHERE user_id=? ORDER BY message_id DESC", (user_id,)
            ).fetchall()
        return [(r["tender_id"], r["subject"], r["body"], _req_dt(r["sent_at"])) for r in rows]

    # APENDO package keys (SPSE NON CA) ------------------------------------------------------
    # the Surat Penawaran ---------------------------------------------------------------------
    def save_offer_letter(self, letter: OfferLetter) -> None:
        """Keep the latest Surat Penawaran SPSE generated for one part of a vendor's offer."""
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO offer_letters VALUES (?, ?, ?, ?, ?, ?)",
                (
                    letter.tender_id,
                    letter.vendor_id,
                    str(letter.part),
                    letter.price_rupiah,
                    letter.validity_days,
                    _ts(letter.created_at),
                ),
            )

    def offer_letter(self, tender_id: str, vendor_id: str, part: OfferPart) -> OfferLetter | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM offer_letters WHERE tender_id=? AND vendor_id=? AND part=?",
                (tender_id, vendor_id, str(part)),
            ).fetchone()
        if row is None:
            return None
        return OfferLetter(
            tender_id=row["tender_id"],
            vendor_id=row["vendor_id"],
            part=OfferPart(row["part"]),
            price_rupiah=row["price_rupiah"],
            validity_days=row["validity_days"],
            created_at=_req_dt(row["created_at"]),
        )

    # Data Penyedia and qualification ---------------------------------------------------------
    def add_vendor_record(
        self, vendor_id: str, kind: RecordKind, values: Mapping[str, str | int | date | None]
    ) -> VendorRecord:
        """Save one Data Penyedia record; returns it with its id."""
        draft = VendorRecord(0, vendor_id, kind, dict(values))
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO vendor_records (vendor_id, kind, data) VALUES (?, ?, ?)",
                (vendor_id, str(kind), json.dumps(_record_json(draft)["values"])),
            )
        return VendorRecord(int(cur.lastrowid or 0), vendor_id, kind, dict(values))

    def vendor_records(self, vendor_id: str) -> list[VendorRecord]:
        """Every Data Penyedia record of a vendor, oldest first."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM vendor_records WHERE vendor_id=? ORDER BY record_id", (vendor_id,)
            ).fetchall()
        return [
            _record_from(
                vendor_id,
                {"record_id": r["record_id"], "kind": r["kind"], "values": json.loads(r["data"])},
            )
            for r in rows
        ]

    def delete_vendor_record(self, vendor_id: str, record_id: int) -> bool:
        """Remove one record of a vendor; False if the vendor has no such record."""
        if not _rowid(record_id):
            return False
        with self._tx() as db:
            cur = db.execute(
                "DELETE FROM vendor_records WHERE vendor_id=? AND record_id=?",
                (vendor_id, record_id),
            )
        return cur.rowcount > 0

    def add_qualification(
        self,
        *,
        tender_id: str,
        vendor_id: str,
        records: Sequence[VendorRecord],
        attachments: Sequence[Attachment],
        submitted_at: datetime,
    ) -> QualificationSubmission:
        """Record a sending of Kirim Persyaratan Kualifikasi; it replaces the vendor's last one."""
        with self._tx() as db:
            db.execute(
                "UPDATE qualification_submissions SET current=0 WHERE tender_id=? AND vendor_id=?",
                (tender_id, vendor_id),
            )
            cur = db.execute(
                "INSERT INTO qualification_submissions (tender_id, vendor_id, records, "
                "attachments, submitted_at, current) VALUES (?, ?, ?, ?, ?, 1)",
                (
                    tender_id,
                    vendor_id,
                    json.dumps([_record_json(r) for r in records]),
                    json.dumps([asdict(a) for a in attachments]),
                    _ts(submitted_at),
                ),
            )
        return QualificationSubmission(
            int(cur.lastrowid or 0),
            tender_id,
            vendor_id,
            tuple(records),
            tuple(attachments),
            submitted_at,
            True,
        )

    def qualifications(
        self, tender_id: str, vendor_id: str | None = None
    ) -> list[QualificationSubmission]:
        """The current qualification sendings of a tender (of one vendor if given)."""
        query = "SELECT * FROM qualification_submissions WHERE tender_id=? AND current=1"
        params: tuple[str, ...] = (tender_id,)
        if vendor_id is not None:
            query += " AND vendor_id=?"
            params += (vendor_id,)
        with self._tx() as db:
            rows = db.execute(query + " ORDER BY submission_id", params).fetchall()
        return [_submission(r) for r in rows]

    def package_key(self, tender_id: str) -> PackageKey | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT * FROM package_keys WHERE tender_id=?", (tender_id,)
            ).fetchone()
        if row is None:
            return None
        return PackageKey(
            tender_id=row["tender_id"],
            certificate_pem=row["certificate_pem"],
            private_key_pem=row["private_key_pem"],
            created_at=_req_dt(row["created_at"]),
            released_at=_dt(row["released_at"]),
            released_by=row["released_by"],
        )

    def release_package_key(self, tender_id: str, pokja_id: str, at: datetime) -> None:
        """Remember the first release of a package's private key (later ones change nothing)."""
        with self._tx() as db:
            db.execute(
                "UPDATE package_keys SET released_at=?, released_by=? "
                "WHERE tender_id=? AND released_at IS NULL",
                (_ts(at), pokja_id, tender_id),
            )


def _record_json(record: VendorRecord) -> dict[str, object]:
    values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in record.values.items()}
    return {"record_id": record.record_id, "kind": str(record.kind), "values": values}


def _record_from(vendor_id: str, data: Mapping[str, Any]) -> VendorRecord:
    kind = RecordKind(data["kind"])
    types = {name: kind_of for name, _, kind_of in FIELDS[kind]}
    values: dict[str, str | int | date | None] = {}
    for name, value in data["values"].items():
        is_date = types.get(name, "").startswith("date")
        values[name] = date.fromisoformat(value) if is_date and value else value
    return VendorRecord(int(data["record_id"]), vendor_id, kind, values)


def _submission(row: sqlite3.Row) -> QualificationSubmission:
    records = tuple(_record_from(row["vendor_id"], r) for r in json.loads(row["records"]))
    return QualificationSubmission(
        submission_id=row["submission_id"],
        tender_id=row["tender_id"],
        vendor_id=row["vendor_id"],
        records=records,
        attachments=tuple(Attachment(**a) for a in json.loads(row["attachments"])),
        submitted_at=_req_dt(row["submitted_at"]),
        current=bool(row["current"]),
    )


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _mark(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _account(row: sqlite3.Row) -> Account:
    data: dict[str, Any] = dict(row)
    data["role"] = Role(data["role"])
    data["status"] = AccountStatus(data["status"])
    data["created_at"] = _req_dt(data["created_at"])
    data["verified_at"] = _dt(data["verified_at"])
    return Account(**data)


def _tender(row: sqlite3.Row) -> Tender:
    windows = tuple(
        StageWindow(
            number=w["number"], name=w["name"], start=_req_dt(w["start"]), end=_req_dt(w["end"])
        )
        for w in json.loads(row["schedule"])
    )
    return Tender(
        tender_id=row["tender_id"],
        name=row["name"],
        instansi=row["instansi"],
        satker=row["satker"],
        jenis_pengadaan=row["jenis_pengadaan"],
        metode=row["metode"],
        pagu=row["pagu"],
        hps=row["hps"],
        lokasi=row["lokasi"],
        tahun=row["tahun"],
        created_at=_req_dt(row["created_at"]),
        created_by=row["created_by"],
        schedule=Schedule(windows=windows),
        recipient_certificates=tuple(json.loads(row["recipients"])),
        method=row["method"],
        failed_reason=row["failed_reason"],
    )


def _offer(row: sqlite3.Row) -> Offer:
    return Offer(
        offer_id=row["offer_id"],
        tender_id=row["tender_id"],
        vendor_id=row["vendor_id"],
        blob_key=row["blob_key"],
        sha256=row["sha256"],
        size=row["size"],
        received_at=_req_dt(row["received_at"]),
        current=bool(row["current"]),
        part=OfferPart(row["part"]),
        price_rupiah=row["price_rupiah"],
    )


def _ams_values(request: AmsRequest) -> dict[str, object]:
    """The request's columns (all but its id), as stored."""
    return {
        "user_id": request.user_id,
        "letter_name": request.letter_name,
        "letter_blob": request.letter_blob,
        "letter_size": request.letter_size,
        "submitted_at": _ts(request.submitted_at),
        "status": request.status,
        "serial": request.serial,
        "problem": request.problem,
        "kind": request.kind,
        "statement_name": request.statement_name,
        "statement_blob": request.statement_blob,
        "statement_size": request.statement_size,
        "csr_pem": request.csr_pem,
        "old_certificate_pem": request.old_certificate_pem,
        "in_person": int(request.in_person),
        "attendee": request.attendee,
        "attendee_position": request.attendee_position,
        "originals": json.dumps(list(request.originals)),
        "attended_at": _ts(request.attended_at),
        "attended_by": request.attended_by,
        "decided_by": request.decided_by,
        "decided_at": _ts(request.decided_at),
        "reason": request.reason,
        "embedded_at": _ts(request.embedded_at),
    }


def _ams_request(r: sqlite3.Row) -> AmsRequest:
    return AmsRequest(
        request_id=r["request_id"],
        user_id=r["user_id"],
        letter_name=r["letter_name"],
        letter_blob=r["letter_blob"],
        letter_size=r["letter_size"],
        submitted_at=_req_dt(r["submitted_at"]),
        status=r["status"],
        serial=r["serial"],
        problem=r["problem"],
        kind=r["kind"],
        statement_name=r["statement_name"],
        statement_blob=r["statement_blob"],
        statement_size=r["statement_size"],
        csr_pem=r["csr_pem"],
        old_certificate_pem=r["old_certificate_pem"],
        in_person=bool(r["in_person"]),
        attendee=r["attendee"],
        attendee_position=r["attendee_position"],
        originals=tuple(json.loads(r["originals"])),
        attended_at=_dt(r["attended_at"]),
        attended_by=r["attended_by"],
        decided_by=r["decided_by"],
        decided_at=_dt(r["decided_at"]),
        reason=r["reason"],
        embedded_at=_dt(r["embedded_at"]),
    )
