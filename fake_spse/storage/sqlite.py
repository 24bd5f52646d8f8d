"""The one way this package writes to SQLite: a transaction on a connection from a pool."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

# Idle connections kept per process, all databases together; the oldest beyond it are closed.
# A loaded LPSE uses about eight database files, a worker loads one at a time.
POOL_SIZE = 32


@dataclass(frozen=True, eq=False)
class _Pooled:
    """An idle connection and its file (device and inode when it was given back)."""

    path: Path
    connection: sqlite3.Connection
    file_id: tuple[int, int]


class _Pool:
    """Idle connections by database file, for this process.

    Opening a connection costs more than most transactions here (SQLite reads the schema
    again on each new connection): a transaction took about 0.4 ms on a fresh connection,
    against a hundredth of that on a pooled one. A connection is checked out for one
    transaction at a time, by one thread. Idle pooled connections also keep each database's
    WAL open: a commit never closes the last connection, which would checkpoint the database
    and fsync it every time; ``close`` at an LPSE's unload does that once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Pooled] = []  # oldest first
        self._pid = os.getpid()

    def take(self, path: Path) -> sqlite3.Connection:
        file_id = _file_id(path)
        stale: list[_Pooled] = []
        found: _Pooled | None = None
        with self._lock:
            self._forget_after_fork()
            for pooled in reversed(self._idle):
                if pooled.path == path:
                    self._idle.remove(pooled)
                    # A file deleted and made again under the same name (a folder reset):
                    # the old connection would still write to the deleted one.
                    if pooled.file_id == file_id:
                        found = pooled
                        break
                    stale.append(pooled)
        for pooled in stale:
            pooled.connection.close()
        if found is not None:
            return found.connection
        connection = sqlite3.connect(
            path, timeout=30, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        return connection

    def give_back(self, path: Path, connection: sqlite3.Connection) -> None:
        if connection.in_transaction:  # a failed ROLLBACK: not fit for another transaction
            connection.close()
            return
        file_id = _file_id(path)
        with self._lock:
            self._forget_after_fork()
            self._idle.append(_Pooled(path, connection, file_id))
            surplus, self._idle = self._idle[:-POOL_SIZE], self._idle[-POOL_SIZE:]
        for pooled in surplus:
            pooled.connection.close()

    def close(self, roots: Iterable[Path]) -> None:
        folders = [Path(os.path.abspath(r)) for r in roots]
        with self._lock:
            closing = [
                p for p in self._idle if any(p.path == f or f in p.path.parents for f in folders)
            ]
            self._idle = [p for p in self._idle if p not in closing]
        for pooled in closing:
            pooled.connection.close()

    def _forget_after_fork(self) -> None:
        # A child process must not use its parent's connections (SQLite forbids it).
        if self._pid != os.getpid():
            self._idle = []
            self._pid = os.getpid()


def _file_id(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except FileNotFoundError:
        return (-1, -1)  # SQLite creates it
    return (found.st_dev, found.st_ino)


_pool = _Pool()


@contextmanager
def transaction(
    path: Path, lock: AbstractContextManager[object], *, immediate: bool = True
) -> Iterator[sqlite3.Connection]:
    """A connection to ``path`` under ``lock``, inside BEGIN IMMEDIATE (or, not ``immediate``,
    a deferred BEGIN, for a store whose reads need not wait for a writer).

    BEGIN IMMEDIATE takes the write lock up front, so a check-then-write cannot interleave with
    another process; the thread lock avoids busy-waiting between our own threads. Rows come back
    as ``sqlite3.Row``. The transaction commits when the block ends and rolls back if it raises.
    The connection comes from this process's pool and goes back to it (``close_pooled``).
    """
    path = Path(os.path.abspath(path))
    with lock:
        conn = _pool.take(path)
        try:
            conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            raise
        finally:
            _pool.give_back(path, conn)


def close_pooled(roots: Iterable[Path]) -> None:
    """Close the pooled connections to the databases in ``roots`` (files, or folders and all
    below them): at an LPSE's unload, or before its folder is copied. The close of a
    database's last connection folds its WAL into it."""
    _pool.close(roots)


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
