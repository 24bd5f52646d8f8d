"""The unit of work: one transaction per use case, and the one place storage errors are translated.

A service opens ``with unit(conflicts=...) as db:`` around what one use case reads and writes;
everything inside commits together or not at all. SQLite's own exceptions never leave this
module: a broken uniqueness rule becomes the exception the use case named for that constraint
(usually a ``DomainError`` with the catalog's message), else ``Conflict``; any other database
failure becomes ``StorageUnavailable``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from fake_spse.storage.database import Database

# SQLite names the broken constraint as "UNIQUE constraint failed: table.column[, table.column]".
_CONSTRAINT = re.compile(r"constraint failed: ([\w.]+)")


class Conflict(Exception):
    """A write broke a uniqueness rule: another request stored the same thing first."""

    def __init__(self, constraint: str) -> None:
        super().__init__(f"conflict on {constraint}")
        self.constraint = constraint


class StorageUnavailable(Exception):
    """The database could not be read or written (locked too long, disk full, damaged)."""


class UnitOfWork:
    """Opens one transaction over SPSE's database per use case."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @contextmanager
    def __call__(self, *, conflicts: Mapping[str, Exception] | None = None) -> Iterator[Database]:
        """The database, with every call inside the block in one transaction.

        ``conflicts`` maps a constraint (``"accounts.user_id"``) to the exception a use case
        raises when a racing request got there first. A unit opened inside another joins it;
        translation happens where the error passes, so the innermost mapping that names the
        constraint wins.
        """
        try:
            with self._db.transaction():
                yield self._db
        except sqlite3.IntegrityError as exc:
            match = _CONSTRAINT.search(str(exc))
            constraint = match.group(1) if match else str(exc)
            raise (conflicts or {}).get(constraint, Conflict(constraint)) from exc
        except sqlite3.Error as exc:
            raise StorageUnavailable(str(exc)) from exc
