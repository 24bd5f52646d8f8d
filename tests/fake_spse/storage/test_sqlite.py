import sqlite3
import threading
from pathlib import Path

import pytest

from fake_spse.storage import sqlite as pooled_sqlite
from fake_spse.storage.sqlite import close_pooled, create_wal_schema, transaction

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL);"


def make_db(path: Path) -> Path:
    create_wal_schema(path, SCHEMA)
    return path


def write(path: Path, text: str) -> sqlite3.Connection:
    with transaction(path, threading.Lock()) as conn:
        conn.execute("INSERT INTO notes VALUES (?)", (text,))
        return conn


def texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM notes ORDER BY rowid")]


def test_transactions_on_one_file_reuse_one_connection(tmp_path: Path) -> None:
    db = make_db(tmp_path / "a.sqlite3")
    first = write(db, "satu")
    second = write(db, "dua")
    assert first is second
    assert texts(db) == ["satu", "dua"]
    close_pooled([tmp_path])


def test_a_failed_transaction_stores_nothing_and_the_connection_serves_again(
    tmp_path: Path,
) -> None:
    db = make_db(tmp_path / "a.sqlite3")

    def refused_halfway() -> None:
        with transaction(db, threading.Lock()) as conn:
            conn.execute("INSERT INTO notes VALUES ('setengah')")
            raise RuntimeError("refused halfway")

    with pytest.raises(RuntimeError):
        refused_halfway()
    write(db, "utuh")
    assert texts(db) == ["utuh"]
    close_pooled([tmp_path])


def test_a_database_made_again_under_the_same_name_gets_the_writes(tmp_path: Path) -> None:
    db = make_db(tmp_path / "a.sqlite3")
    write(db, "lama")
    for leftover in tmp_path.glob("a.sqlite3*"):
        leftover.unlink()  # a folder reset while a connection to the old file is pooled
    make_db(db)
    write(db, "baru")
    assert texts(db) == ["baru"]
    close_pooled([tmp_path])


def test_idle_connections_keep_the_wal_until_closed_for_their_folder(tmp_path: Path) -> None:
    inside = make_db(tmp_path / "lpse" / "spse.sqlite3")
    outside = make_db(tmp_path / "adp.sqlite3")
    write(inside, "di dalam")
    write(outside, "di luar")
    assert (tmp_path / "lpse" / "spse.sqlite3-wal").exists()

    close_pooled([tmp_path / "lpse"])

    assert not (tmp_path / "lpse" / "spse.sqlite3-wal").exists()
    assert (tmp_path / "adp.sqlite3-wal").exists()  # another folder's stays open
    assert texts(inside) == ["di dalam"]
    close_pooled([outside])
    assert not (tmp_path / "adp.sqlite3-wal").exists()


def test_the_pool_keeps_at_most_its_size_of_idle_connections(tmp_path: Path) -> None:
    files = [make_db(tmp_path / f"{n}.sqlite3") for n in range(pooled_sqlite.POOL_SIZE + 3)]
    for path in files:
        write(path, "x")
    # The oldest were closed: their WALs are folded in; the newest still have theirs.
    assert not (tmp_path / "0.sqlite3-wal").exists()
    assert (tmp_path / f"{len(files) - 1}.sqlite3-wal").exists()
    close_pooled([tmp_path])
    assert not list(tmp_path.glob("*-wal"))
