"""Read what the server kept after a rush: its SQLite, its blob store, its request log, its
fault firings (read-only, from its data folder), and what the clients logged."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

from simulator.rush.plan import CLIENT_LOG_PREFIX, RushError
from simulator.rush.verdict import PageLoad, ServerRequest, StoredOffer, Upload
from spse_shared.language import tr
from spse_shared.server_files import REQUEST_LOG_NAME

DATABASE_NAME = "spse.sqlite3"
FAULTS_DATABASE_NAME = "faults.sqlite3"
BLOBS_FOLDER = "blobs"
_HASH_CHUNK = 2**20


def _read_only(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, None when it is not there."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest()


def stored_offers(data_dir: Path, tender_id: str) -> list[StoredOffer]:
    """Every offer row of ``tender_id`` (replaced ones too), with its blob's bytes hashed."""
    database = data_dir / DATABASE_NAME
    if not database.is_file():
        raise RushError(
            tr("folder data server tidak berisi {name}: {path}", name=DATABASE_NAME, path=data_dir)
        )
    with closing(_read_only(database)) as db:
        rows = db.execute(
            "SELECT offer_id, tender_id, vendor_id, blob_key, size, received_at, current "
            "FROM offers WHERE tender_id = ? ORDER BY offer_id",
            (tender_id,),
        ).fetchall()
    return [
        StoredOffer(
            offer_id=int(row["offer_id"]),
            tender_id=str(row["tender_id"]),
            vendor_id=str(row["vendor_id"]),
            size=int(row["size"]),
            received_at=datetime.fromisoformat(row["received_at"]),
            current=bool(row["current"]),
            blob_sha256=file_sha256(data_dir / BLOBS_FOLDER / str(row["blob_key"])),
        )
        for row in rows
    ]


def server_requests(data_dir: Path) -> dict[str, ServerRequest]:
    """The server's request log by request id (a line cut short by a kill is skipped)."""
    found: dict[str, ServerRequest] = {}
    path = data_dir / REQUEST_LOG_NAME
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
            found[str(entry["request_id"])] = ServerRequest(
                sim_time=datetime.fromisoformat(entry["sim_time"]),
                duration_ms=float(entry["duration_ms"]),
            )
        except (ValueError, KeyError, TypeError):
            continue
    return found


def cut_firings(data_dir: Path) -> Counter[str]:
    """How often the server's ``upload.cut`` fault fired, per vendor."""
    path = data_dir / FAULTS_DATABASE_NAME
    if not path.exists():
        return Counter()
    with closing(_read_only(path)) as db:
        rows = db.execute("SELECT actor FROM firings WHERE name = 'upload.cut'").fetchall()
    return Counter(str(row["actor"]) for row in rows)


def _client_entries(folder: Path) -> Iterator[dict[str, object]]:
    for log in sorted(folder.glob(f"{CLIENT_LOG_PREFIX}*.jsonl")):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short when a worker was stopped
            if isinstance(entry, dict):
                yield entry


def client_records(folder: Path) -> tuple[list[Upload], list[PageLoad]]:
    """The uploads and page loads every Locust process logged in ``folder``."""
    uploads: list[Upload] = []
    pages: list[PageLoad] = []
    for entry in _client_entries(folder):
        try:
            if entry.get("type") == "unggah":
                uploads.append(Upload.from_log(entry))
            elif entry.get("type") == "halaman":
                pages.append(
                    PageLoad(
                        name=str(entry["name"]),
                        t0=float(entry["t0"]),  # type: ignore[arg-type]
                        t1=float(entry["t1"]),  # type: ignore[arg-type]
                        status=entry.get("status"),  # type: ignore[arg-type]
                    )
                )
        except (KeyError, TypeError, ValueError):
            continue
    return uploads, pages
