"""What a crash leaves in the blob folders is removed at start-up, and the start-up says so."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from factories import START

from fake_spse.app import build_context, create_app, open_database
from fake_spse.settings import Settings
from fake_spse.storage.blobs import BlobStore, Leftovers


def test_clean_up_removes_partial_writes_and_unreferenced_blobs(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    kept = store.write_bytes(b"surat").key
    orphan = store.write_bytes(b"tanpa catatan").key
    (tmp_path / "blobs" / ".tmp" / "potongan").write_bytes(b"setengah")

    removed = store.clean_up({kept})

    assert removed == Leftovers(partial=("potongan",), orphans=(orphan,))
    assert store.keys() == [kept]
    assert store.partial_keys() == []
    assert not store.clean_up({kept})


def test_the_server_cleans_up_at_start_and_logs_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "lpse"
    settings = Settings(data_dir=data, clock_start=START, smtp_port=None)
    db = open_database(settings)
    blobs = build_context(settings, db).blobs
    letter = blobs.write_bytes(b"%PDF-1.4 surat")
    db.add_offer(
        tender_id="10000001",
        vendor_id="ptmaju",
        blob_key=letter.key,
        sha256=letter.sha256,
        size=letter.size,
        received_at=START,
    )
    orphan = blobs.write_bytes(b"diterima, tapi server mati sebelum dicatat").key
    (data / "blobs" / ".tmp").mkdir(exist_ok=True)
    (data / "blobs" / ".tmp" / "unggahan-terputus").write_bytes(b"x" * 100)

    with caplog.at_level(logging.WARNING, logger="fake_spse.startup"):
        create_app(settings)

    assert blobs.keys() == [letter.key]
    assert blobs.partial_keys() == []
    [line] = [r.getMessage() for r in caplog.records if r.name == "fake_spse.startup"]
    assert "1 partial upload(s) and 1 orphan blob(s) from blobs" in line
    assert orphan in line
    assert "unggahan-terputus" in line
