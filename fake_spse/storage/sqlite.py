"""The one way this package writes to SQLite: a short connection per transaction."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path


@contextmanager
def transaction(path: Path, lock: AbstractContextManager[object]) -> Iterator[sqlite3.Connection]:
    """Connect to ``path`` under ``lock`` and yield the connection inside BEGIN IMMEDIATE.

    BEGIN IMMEDIATE takes the write lock up front, so a check-then-write cannot interleave with
    another process; the thread lock avoids busy-waiting between our own threads. Rows come back
    as ``sqlite3.Row``. The transaction commits when the block ends and rolls back if it raises;
    the connection is always closed.
    """
    with lock:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()


def owner_only(path: Path) -> None:
    """Create ``path`` (if missing) readable and writable by its owner only, and make an existing
    one so: the databases hold password hashes, sessions and package private keys. SQLite gives
    its -wal and -shm files the database file's mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    os.chmod(path, 0o600)


def use_wal(path: Path) -> None:
    """Switch ``path`` to WAL journalling (it stays so): readers never wait for a writer, and
    writers wait on each other (``timeout=30``) instead of failing while a reader reads."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def create_wal_schema(path: Path, schema: str) -> None:
    """Switch ``path`` to WAL journalling and run ``schema`` (CREATE ... IF NOT EXISTS) on it;
    the file is the owner's only (``owner_only``)."""
    owner_only(path)
    use_wal(path)
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.executescript(schema)
    finally:
        conn.close()


def execute_statements(conn: sqlite3.Connection, script: str) -> None:
    """Run the ``;``-separated statements of ``script`` one by one, inside the caller's
    transaction (``executescript`` would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)
