"""LKPP's Agregasi Data Penyedia (ADP): one vendor identity that roams across every LPSE.

ADP keeps its own state in its own SQLite file, apart from any LPSE's database, as the real
service is run by LKPP and not by the LPSE: several fake SPSE servers (LPSEs) may share one file.
What roams is the identity data and the password hash (never the password itself); qualification
data stays with each LPSE.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fake_spse.domain.accounts import password_matches
from fake_spse.storage.sqlite import execute_statements, owner_only, transaction, use_wal

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    user_id_key TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    npwp TEXT NOT NULL,
    npwp_digits TEXT NOT NULL,
    company TEXT NOT NULL,
    address TEXT NOT NULL,
    address_key TEXT NOT NULL,
    home_lpse TEXT NOT NULL,
    activated_at TEXT NOT NULL,
    director TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    UNIQUE (npwp_digits, address_key)
);
"""

# Columns added after the first version of the schema: files written by it get them on open
# (their records have no password hash, so they cannot be used to log in at another LPSE).
_ADDED_COLUMNS = {
    "director": "TEXT NOT NULL DEFAULT ''",
    "phone": "TEXT NOT NULL DEFAULT ''",
    "password_hash": "TEXT NOT NULL DEFAULT ''",
}

_FIELD_LABELS = {"user_id": "User ID", "email": "Email", "npwp": "NPWP"}


class AdpUnavailable(Exception):
    """ADP cannot be reached (the ``adp.down`` fault, or an outage)."""

    def __init__(self, message: str = "Layanan ADP LKPP sedang tidak dapat dihubungi.") -> None:
        super().__init__(message)


class AdpDuplicate(Exception):
    """An activation clashes with an ADP record on ``field``: "user_id", "email" or "npwp"."""

    def __init__(self, field: str, value: str) -> None:
        label = _FIELD_LABELS.get(field, field)
        super().__init__(f"{label} {value} sudah terdaftar di ADP.")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class AdpRecord:
    """A vendor's roaming identity as held by ADP."""

    user_id: str
    email: str
    npwp: str
    company: str
    address: str
    home_lpse: str
    activated_at: datetime
    director: str = ""
    phone: str = ""
    password_hash: str = field(default="", repr=False)


def _user_id_key(user_id: str) -> str:
    # SPSE user ids are treated case-insensitively, so "PT_ABC" and "pt_abc" clash.
    return user_id.strip().casefold()


def _email_key(email: str) -> str:
    return email.strip().casefold()


def _npwp_digits(npwp: str) -> str:
    return "".join(ch for ch in npwp if ch.isdigit())


def _address_key(address: str) -> str:
    # Spacing and capitalisation differences do not make a different office.
    return " ".join(address.split()).casefold()


def _record_from_row(row: sqlite3.Row) -> AdpRecord:
    return AdpRecord(
        user_id=row["user_id"],
        email=row["email"],
        npwp=row["npwp"],
        company=row["company"],
        address=row["address"],
        home_lpse=row["home_lpse"],
        activated_at=datetime.fromisoformat(row["activated_at"]),
        director=row["director"],
        phone=row["phone"],
        password_hash=row["password_hash"],
    )


def _looks_hashed(password_hash: str) -> bool:
    # "scheme$salt$digest": ADP must never be handed a password in clear.
    parts = password_hash.split("$")
    return len(parts) == 3 and all(parts)


class AdpService:
    """LKPP's ADP: activation once at the home LPSE, duplicate checks, lookups from any LPSE."""

    def __init__(
        self,
        db_path: Path,
        now: Callable[[], datetime],
        is_down: Callable[[], bool] = lambda: False,
    ) -> None:
        self._path = Path(db_path)
        self._now = now
        self._is_down = is_down
        self._lock = threading.Lock()
        owner_only(self._path)
        use_wal(self._path)
        with self._transaction() as conn:
            execute_statements(conn, _SCHEMA)
            present = {row["name"] for row in conn.execute("PRAGMA table_info(records)")}
            for column, definition in _ADDED_COLUMNS.items():
                if column not in present:
                    conn.execute(f"ALTER TABLE records ADD COLUMN {column} {definition}")

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        # BEGIN IMMEDIATE so the duplicate checks and the insert form one atomic step.
        return transaction(self._path, self._lock)

    def _check_up(self) -> None:
        if self._is_down():
            raise AdpUnavailable()

    def activate(
        self,
        *,
        user_id: str,
        email: str,
        npwp: str,
        company: str,
        address: str,
        home_lpse: str,
        password_hash: str,
        director: str = "",
        phone: str = "",
    ) -> AdpRecord:
        """Register a vendor in ADP, with what roams: identity data and the password hash.

        Raises AdpUnavailable when ADP is down, AdpDuplicate when the user id or e-mail is taken
        or the NPWP is already registered at the same address (the same NPWP at another address
        is a branch office and allowed), ValueError for empty fields, an NPWP that is not 15
        or 16 digits, or a password that is not hashed.
        """
        self._check_up()
        fields = {
            "user_id": user_id,
            "email": email,
            "npwp": npwp,
            "company": company,
            "address": address,
            "home_lpse": home_lpse,
        }
        for name, value in fields.items():
            if not value.strip():
                raise ValueError(f"{name} must not be empty")
        if not _looks_hashed(password_hash):
            raise ValueError("ADP stores a password hash ('scheme$salt$digest'), never a password")
        digits = _npwp_digits(npwp)
        if len(digits) not in (15, 16):
            raise ValueError(f"NPWP must have 15 or 16 digits, got {npwp!r}")
        activated_at = self._now()
        if activated_at.tzinfo is None:
            raise ValueError("the ADP clock must give timezone-aware datetimes")
        record = AdpRecord(
            user_id=user_id.strip(),
            email=email.strip(),
            npwp=npwp.strip(),
            company=company.strip(),
            address=address.strip(),
            home_lpse=home_lpse.strip(),
            activated_at=activated_at,
            director=director.strip(),
            phone=phone.strip(),
            password_hash=password_hash,
        )
        with self._transaction() as conn:
            clashes = (
                ("user_id", "user_id_key = ?", (_user_id_key(user_id),), user_id),
                ("email", "email_key = ?", (_email_key(email),), email),
                (
                    "npwp",
                    "npwp_digits = ? AND address_key = ?",
                    (digits, _address_key(address)),
                    npwp,
                ),
            )
            for field, where, args, value in clashes:
                if conn.execute(f"SELECT 1 FROM records WHERE {where}", args).fetchone():
                    raise AdpDuplicate(field, value.strip())
            conn.execute(
                "INSERT INTO records (user_id, user_id_key, email, email_key, npwp, npwp_digits,"
                " company, address, address_key, home_lpse, activated_at, director, phone,"
                " password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.user_id,
                    _user_id_key(user_id),
                    record.email,
                    _email_key(email),
                    record.npwp,
                    digits,
                    record.company,
                    record.address,
                    _address_key(address),
                    record.home_lpse,
                    record.activated_at.isoformat(),
                    record.director,
                    record.phone,
                    record.password_hash,
                ),
            )
        return record

    def lookup(self, user_id: str) -> AdpRecord | None:
        """The ADP record of ``user_id`` (case-insensitive), or None; AdpUnavailable when down."""
        self._check_up()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT * FROM records WHERE user_id_key = ?", (_user_id_key(user_id),)
            ).fetchone()
        return None if row is None else _record_from_row(row)

    def authenticate(self, user_id: str, password: str) -> AdpRecord | None:
        """The record of ``user_id`` when ``password`` matches its roaming hash, else None.

        What an LPSE asks when someone logs in with a user id it does not know; AdpUnavailable
        when ADP is down.
        """
        record = self.lookup(user_id)
        if record is None or not password_matches(password, record.password_hash):
            return None
        return record

    def records(self) -> list[AdpRecord]:
        """Every record, in activation order (an operator's view; works while ADP is down)."""
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM records ORDER BY seq").fetchall()
        return [_record_from_row(row) for row in rows]
