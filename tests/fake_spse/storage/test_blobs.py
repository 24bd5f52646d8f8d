"""The atomic blob store (fake_spse.storage.blobs): a blob is there whole, or not at all."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fake_spse.storage.blobs import BlobStore, BlobTooLarge, StoredBlob
from spse_shared.run_sync import run_sync


def files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def _chunks(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def write(store: BlobStore, *chunks: bytes, max_bytes: int = 1000) -> StoredBlob:
    return run_sync(store.write_stream(_chunks(*chunks), max_bytes=max_bytes))


def test_write_bytes_stores_the_data_under_a_random_key(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    stored = store.write_bytes(b"surat rekomendasi")
    assert stored.size == len(b"surat rekomendasi")
    assert stored.sha256 == hashlib.sha256(b"surat rekomendasi").hexdigest()
    assert store.path(stored.key).read_bytes() == b"surat rekomendasi"
    assert files(tmp_path) == [store.path(stored.key)]
    assert store.write_bytes(b"surat rekomendasi").key != stored.key


def test_write_stream_hashes_and_counts_every_chunk(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    stored = write(store, b"abc", b"", b"defg")
    assert (stored.size, stored.sha256) == (7, hashlib.sha256(b"abcdefg").hexdigest())
    assert store.path(stored.key).read_bytes() == b"abcdefg"
    assert files(tmp_path) == [store.path(stored.key)]


def test_a_blob_becomes_visible_only_once_complete(tmp_path: Path) -> None:
    root = tmp_path / "blobs"
    store = BlobStore(root)
    seen: list[list[str]] = []

    async def before_chunk(received: int) -> None:
        seen.append(sorted(p.name for p in root.iterdir() if p.is_file()))

    stored = run_sync(
        store.write_stream(_chunks(b"a", b"b", b"c"), max_bytes=10, before_chunk=before_chunk)
    )
    assert seen == [[], [], []]
    assert [p.name for p in root.iterdir() if p.is_file()] == [stored.key]


def test_an_error_mid_stream_removes_the_partial_file(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")

    async def broken() -> AsyncIterator[bytes]:
        yield b"first part"
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        run_sync(store.write_stream(broken(), max_bytes=1000))
    assert files(tmp_path) == []


def test_an_error_in_the_hook_removes_the_partial_file(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")

    async def cut(received: int) -> None:
        if received >= 4:
            raise RuntimeError("cut")

    with pytest.raises(RuntimeError):
        run_sync(store.write_stream(_chunks(b"1234", b"5678"), max_bytes=100, before_chunk=cut))
    assert files(tmp_path) == []


def test_too_large_keeps_nothing(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(BlobTooLarge):
        write(store, b"12345", b"67", max_bytes=6)
    assert files(tmp_path) == []
    assert write(store, b"123456", max_bytes=6).size == 6


@pytest.mark.parametrize("key", ["", "../spse.sqlite3", "a/b", "a\\b", ".tmp", ".."])
def test_path_refuses_keys_that_are_not_ours(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="not a blob key"):
        BlobStore(tmp_path).path(key)


def test_delete(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    stored = store.write_bytes(b"x")
    store.delete(stored.key)
    store.delete(stored.key)  # already gone: no error
    assert files(tmp_path) == []
