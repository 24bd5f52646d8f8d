"""Named fault switches for the trainer and scenarios, with a log of every firing."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from fake_spse.simulation.clock import SimClock
from fake_spse.storage.sqlite import execute_statements, owner_only, transaction, use_wal

# Bounds of what arm() accepts (the trainer panel has stricter, per-param ones for its form).
MAX_TIMES = 10**9
MAX_PARAM = 2**31


@dataclass(frozen=True)
class FaultSpec:
    """A known fault: its name, a description for the trainer panel and its allowed params."""

    name: str
    description: str
    params: tuple[str, ...] = ()


KNOWN_FAULTS: Mapping[str, FaultSpec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            FaultSpec(
                "ca.down",
                "CA BSrE tidak dapat dihubungi: pendaftaran AMS dan penerbitan sertifikat gagal.",
            ),
            FaultSpec(
                "ca.validity",
                "BSrE menerbitkan sertifikat berikutnya dengan masa berlaku validity_days hari "
                "saja (untuk membuat sertifikat yang segera kedaluwarsa).",
                ("validity_days",),
            ),
            FaultSpec(
                "adp.down",
                "Layanan ADP LKPP tidak dapat dihubungi: aktivasi ADP dan login lintas LPSE gagal.",
            ),
            FaultSpec("support.down", "Login ke LPSE Support gagal."),
            FaultSpec(
                "upload.cut",
                "Server memutus koneksi di tengah unggahan dokumen penawaran berikutnya "
                "(setelah after_bytes byte).",
                ("after_bytes",),
            ),
            FaultSpec(
                "upload.slow",
                "Unggahan dokumen penawaran lambat: jeda delay_ms milidetik nyata per potongan, "
                "dan/atau unggahan berikutnya memakan duration_s detik waktu SPSE (jam simulasi), "
                "sehingga unggahan yang dimulai sebelum batas akhir dapat selesai sesudahnya.",
                ("delay_ms", "duration_s"),
            ),
            FaultSpec(
                "upload.fail_next",
                "Unggahan dokumen penawaran berikutnya berakhir di halaman error SPSE.",
            ),
            FaultSpec(
                "sanggah.fail_next",
                "Pengiriman sanggahan berikutnya berakhir di halaman error SPSE.",
            ),
        )
    }
)


class UnknownFault(ValueError):
    """A fault name that is not in ``KNOWN_FAULTS`` (usually a typo in the caller)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown fault {name!r}; known faults: {', '.join(sorted(KNOWN_FAULTS))}")
        self.name = name


@dataclass(frozen=True)
class Fault:
    """An armed fault. ``remaining`` is None while armed until switched off."""

    name: str
    remaining: int | None
    actor: str | None
    params: Mapping[str, int | str]
    armed_at: datetime


@dataclass(frozen=True)
class Firing:
    """One time a fault took effect."""

    name: str
    actor: str | None
    sim_time: datetime
    wall_time: datetime
    detail: str


_SCHEMA = """
CREATE TABLE IF NOT EXISTS armed (
    name TEXT PRIMARY KEY,
    remaining INTEGER,
    actor TEXT,
    params TEXT NOT NULL,
    armed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS firings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    actor TEXT,
    sim_time TEXT NOT NULL,
    wall_time TEXT NOT NULL,
    detail TEXT NOT NULL
);
"""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _spec(name: str) -> FaultSpec:
    try:
        return KNOWN_FAULTS[name]
    except KeyError:
        raise UnknownFault(name) from None


def _fault_from_row(row: sqlite3.Row) -> Fault:
    return Fault(
        name=row["name"],
        remaining=row["remaining"],
        actor=row["actor"],
        params=MappingProxyType(json.loads(row["params"])),
        armed_at=datetime.fromisoformat(row["armed_at"]),
    )


class FaultBoard:
    """The fault switches, kept in a SQLite file so every thread and process sees the same board."""

    def __init__(
        self,
        db_path: Path,
        clock: SimClock,
        *,
        wall: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._path = Path(db_path)
        self._clock = clock
        self._wall = wall
        self._lock = threading.Lock()
        owner_only(self._path)
        use_wal(self._path)
        with self._transaction() as conn:
            execute_statements(conn, _SCHEMA)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        # BEGIN IMMEDIATE takes the write lock up front, so check-and-decrement cannot interleave
        # with another process; the thread lock avoids busy-waiting between our own threads.
        return transaction(self._path, self._lock)

    def arm(
        self,
        name: str,
        *,
        times: int | None = None,
        actor: str | None = None,
        params: Mapping[str, int | str] | None = None,
    ) -> Fault:
        """Arm ``name`` for ``times`` checks (None: until disarmed), replacing an earlier arming."""
        spec = _spec(name)
        if times is not None and (
            not isinstance(times, int) or isinstance(times, bool) or not 1 <= times <= MAX_TIMES
        ):
            raise ValueError(
                f"times must be a whole number from 1 to {MAX_TIMES} (or None for until "
                f"disarmed), got {times!r}"
            )
        if actor is not None and (not isinstance(actor, str) or not 0 < len(actor) <= 64):
            raise ValueError(f"actor must be a user id (1 to 64 characters), got {actor!r}")
        if params is not None and not isinstance(params, Mapping):
            raise ValueError(f"params must be an object, got {params!r}")
        clean: dict[str, int | str] = {}
        for key, value in (params or {}).items():
            if key not in spec.params:
                allowed = ", ".join(spec.params) or "none"
                raise ValueError(f"fault {name!r} has no param {key!r} (allowed: {allowed})")
            # Every param is a count (milliseconds, bytes, days): a whole number in range.
            if isinstance(value, str) and value.isascii() and value.isdigit():
                value = int(value)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_PARAM:
                raise ValueError(
                    f"param {key!r} must be a whole number 0..{MAX_PARAM}, got {value!r}"
                )
            clean[key] = value
        fault = Fault(
            name=name,
            remaining=times,
            actor=actor,
            params=MappingProxyType(clean),
            armed_at=self._clock.now(),
        )
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO armed (name, remaining, actor, params, armed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, times, actor, json.dumps(clean), fault.armed_at.isoformat()),
            )
        return fault

    def disarm(self, name: str) -> None:
        """Switch ``name`` off (no effect when it is not armed)."""
        _spec(name)
        with self._transaction() as conn:
            conn.execute("DELETE FROM armed WHERE name = ?", (name,))

    def armed(self) -> list[Fault]:
        """The armed faults, by name."""
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM armed ORDER BY name").fetchall()
        return [_fault_from_row(row) for row in rows]

    def check(self, name: str, *, actor: str | None = None, detail: str = "") -> Fault | None:
        """Fire ``name`` if it is armed (for this actor, when armed for one) and return it.

        Firing records a ``Firing`` and uses up one of the remaining times; the returned fault's
        ``remaining`` is what is left after this firing. Returns None when nothing fires.
        """
        _spec(name)
        with self._transaction() as conn:
            row = conn.execute("SELECT * FROM armed WHERE name = ?", (name,)).fetchone()
            if row is None:
                return None
            fault = _fault_from_row(row)
            if fault.actor is not None and fault.actor != actor:
                return None
            remaining = fault.remaining
            if remaining is not None:
                remaining -= 1
                if remaining <= 0:
                    conn.execute("DELETE FROM armed WHERE name = ?", (name,))
                else:
                    conn.execute("UPDATE armed SET remaining = ? WHERE name = ?", (remaining, name))
            conn.execute(
                "INSERT INTO firings (name, actor, sim_time, wall_time, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    name,
                    actor if actor is not None else fault.actor,
                    self._clock.now().isoformat(),
                    self._wall().astimezone(UTC).isoformat(),
                    detail,
                ),
            )
        return Fault(
            name=fault.name,
            remaining=remaining,
            actor=fault.actor,
            params=fault.params,
            armed_at=fault.armed_at,
        )

    def firings(self) -> list[Firing]:
        """Every firing so far, oldest first."""
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM firings ORDER BY id").fetchall()
        return [
            Firing(
                name=row["name"],
                actor=row["actor"],
                sim_time=datetime.fromisoformat(row["sim_time"]),
                wall_time=datetime.fromisoformat(row["wall_time"]),
                detail=row["detail"],
            )
            for row in rows
        ]

    def reset(self) -> None:
        """Disarm every fault; the firing log is kept."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM armed")
