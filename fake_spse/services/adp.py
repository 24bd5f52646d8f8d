"""LKPP's Agregasi Data Penyedia (ADP): one vendor identity that roams across every LPSE.

ADP keeps its own state in its own SQLite file, apart from any LPSE's database, as the real
service is run by LKPP and not by the LPSE.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    UNIQUE (npwp_digits, address_key)
);
"""

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
    )


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
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with self._transaction() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE so the duplicate checks and the insert form one atomic step.
        with self._lock:
            conn = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            try:
                conn.row_factory = sqlite3.Row
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()

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
    ) -> AdpRecord:
        """Register a vendor in ADP.

        Raises AdpUnavailable when ADP is down, AdpDuplicate when the user id or e-mail is taken
        or the NPWP is already registered at the same address (the same NPWP at another address
        is a branch office and allowed), ValueError for empty fields or an NPWP that is not 15
        or 16 digits.
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
                " company, address, address_key, home_lpse, activated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

    def records(self) -> list[AdpRecord]:
        """Every record, in activation order (an operator's view; works while ADP is down)."""
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM records ORDER BY seq").fetchall()
        return [_record_from_row(row) for row in rows]
