"""A folder of immutable files written atomically: a blob is there whole, or not at all."""

from __future__ import annotations

import asyncio
import hashlib
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from spse_shared.atomic import fsync_directory


class BlobTooLarge(Exception):
    """The stream went past the allowed size; nothing was kept."""


@dataclass(frozen=True)
class StoredBlob:
    key: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Leftovers:
    """What ``BlobStore.clean_up`` removed: partial writes and blobs nothing refers to."""

    partial: tuple[str, ...]
    orphans: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.partial or self.orphans)


class BlobStore:
    """Blobs under ``root``; keys are random names, never user input."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._tmp = root / ".tmp"

    def path(self, key: str) -> Path:
        """Where blob ``key`` lives; ValueError for a key that is not one of ours."""
        if not key or "/" in key or "\\" in key or key.startswith("."):
            raise ValueError(f"not a blob key: {key!r}")
        return self._root / key

    async def write_stream(
        self,
        chunks: AsyncIterator[bytes],
        *,
        max_bytes: int,
        before_chunk: Callable[[int], Awaitable[None]] | None = None,
    ) -> StoredBlob:
        """Stream ``chunks`` to a new blob, hashing on the way; BlobTooLarge past ``max_bytes``.

        ``before_chunk(bytes_so_far)`` runs before each chunk is written: fault injection
        (slow or cut uploads) hooks in there. Whatever goes wrong, the partial file is removed.
        """
        self._tmp.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(16)
        tmp = self._tmp / key
        digest = hashlib.sha256()
        size = 0
        try:
            with tmp.open("wb") as out:
                async for chunk in chunks:
                    if before_chunk is not None:
                        await before_chunk(size)
                    size += len(chunk)
                    if size > max_bytes:
                        raise BlobTooLarge(size)
                    digest.update(chunk)
                    out.write(chunk)
                # fsync waits for the disk (seconds on a busy one): never on the event loop.
                await asyncio.to_thread(_flush_to_disk, out)
            await asyncio.to_thread(self._publish, tmp, key)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return StoredBlob(key=key, sha256=digest.hexdigest(), size=size)

    def _publish(self, tmp: Path, key: str) -> None:
        """Move a whole, synced upload into place (and sync the folder that now lists it)."""
        os.replace(tmp, self.path(key))
        fsync_directory(self._root)

    def write_bytes(self, data: bytes) -> StoredBlob:
        """Store a small blob (letters, attachments) atomically."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(16)
        tmp = self._tmp / key
        try:
            with tmp.open("wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path(key))
            fsync_directory(self._root)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return StoredBlob(key=key, sha256=hashlib.sha256(data).hexdigest(), size=len(data))

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def keys(self) -> list[str]:
        """Every stored blob (partial writes in progress are not blobs)."""
        if not self._root.is_dir():
            return []
        return sorted(p.name for p in self._root.iterdir() if p.is_file() and p.name[0] != ".")

    def partial_keys(self) -> list[str]:
        """Writes that have not (yet) become blobs; after an aborted upload there are none."""
        if not self._tmp.is_dir():
            return []
        return sorted(p.name for p in self._tmp.iterdir() if p.is_file())

    def clean_up(self, referenced: Iterable[str]) -> Leftovers:
        """Remove what a crash left behind; call at start-up only, while nothing is writing.

        Partial writes (an upload cut by a kill) are removed, and so are finished blobs that no
        record refers to (written, but the process died before the record that refers to them
        was committed): nobody was ever given a receipt for either.
        """
        partial = tuple(self.partial_keys())
        for key in partial:
            (self._tmp / key).unlink(missing_ok=True)
        keep = set(referenced)
        orphans = tuple(key for key in self.keys() if key not in keep)
        for key in orphans:
            self.delete(key)
        if partial or orphans:
            fsync_directory(self._root)
        return Leftovers(partial=partial, orphans=orphans)


def _flush_to_disk(out: BinaryIO) -> None:
    out.flush()
    os.fsync(out.fileno())
