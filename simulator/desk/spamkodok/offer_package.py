"""The signed content of an offer: a deterministic POSIX tar with a manifest and the documents.

Layout: `MANIFEST.json` first (tender id, vendor user id, profile, and name/size/sha256 of every
document), then each document as `dokumen/<name>`. The manifest is what binds the signature to
one tender and one vendor, since CMS signed attributes cannot carry them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

MANIFEST_NAME = "MANIFEST.json"
DOCUMENT_DIRECTORY = "dokumen/"
_CHUNK = 1024 * 1024
# Generous for thousands of documents; a larger "manifest" is not read into memory.
_MANIFEST_MAX = 16 * 1024 * 1024
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_MANIFEST_KEYS = {"tender_id", "vendor_id", "profile", "files"}
_FILE_KEYS = {"name", "size", "sha256"}


class PackageError(ValueError):
    """The package cannot be built, or the bytes are not a well-formed offer package."""


@dataclass(frozen=True)
class PackagedFile:
    """One document as recorded in the manifest."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What the vendor signs besides the documents themselves."""

    tender_id: str
    vendor_id: str
    profile: str
    files: tuple[PackagedFile, ...]


class PackageContent:
    """An offer package streamed from the documents on disk: ``size`` bytes in ``chunks``.

    The documents are hashed once when it is made (the manifest needs their digests) and read
    again while it streams; a document whose size, modification time or inode changed in
    between, or that does not deliver its size, raises PackageError (as tar does for "file
    changed as we read it"). The bytes are those ``tarfile`` writes for the same members.
    """

    def __init__(
        self, *, tender_id: str, vendor_id: str, profile: str, files: Sequence[tuple[str, Path]]
    ) -> None:
        for label, value in (
            ("tender_id", tender_id),
            ("vendor_id", vendor_id),
            ("profile", profile),
        ):
            if not value:
                raise PackageError(f"{label} must not be empty")
        seen: set[str] = set()
        entries: list[PackagedFile] = []
        self._documents: list[tuple[str, Path, os.stat_result]] = []
        for name, path in files:
            _check_name(name)
            if name in seen:
                raise PackageError(f"Nama berkas ganda dalam satu penawaran: {name}")
            seen.add(name)
            before = Path(path).stat()
            size, digest = _hash_file(Path(path))
            if size != before.st_size:
                raise PackageError(f"Berkas berubah saat dikemas: {name}")
            entries.append(PackagedFile(name=name, size=size, sha256=digest))
            self._documents.append((name, Path(path), before))
        self.manifest = Manifest(tender_id, vendor_id, profile, tuple(entries))
        manifest_bytes = _manifest_json(self.manifest)
        self._head = _header(MANIFEST_NAME, len(manifest_bytes)) + _padded(manifest_bytes)
        self._headers = [_header(DOCUMENT_DIRECTORY + e.name, e.size) for e in entries]
        offset = len(self._head) + sum(
            len(header) + entry.size + -entry.size % tarfile.BLOCKSIZE
            for header, entry in zip(self._headers, entries, strict=True)
        )
        # tarfile's close: two zero blocks, then zeros up to a whole record.
        end = offset + 2 * tarfile.BLOCKSIZE
        self.size = end + -end % tarfile.RECORDSIZE
        self._trailer = bytes(self.size - offset)

    def chunks(self) -> Iterator[bytes | memoryview]:
        """The package in order; document pieces are views of one reused buffer."""
        yield self._head
        buffer = bytearray(_CHUNK)
        view = memoryview(buffer)
        for header, (name, path, before) in zip(self._headers, self._documents, strict=True):
            yield header
            changed = PackageError(f"Berkas berubah saat dikemas: {name}")
            with path.open("rb", buffering=0) as handle:
                if _identity(os.fstat(handle.fileno())) != _identity(before):
                    raise changed
                left = before.st_size
                while left:
                    count = handle.readinto(view[: min(_CHUNK, left)])
                    if not count:
                        raise changed
                    left -= count
                    yield view[:count]
                if handle.read(1) or _identity(os.fstat(handle.fileno())) != _identity(before):
                    raise changed
            yield bytes(-before.st_size % tarfile.BLOCKSIZE)
        yield self._trailer


def build_package(
    *, tender_id: str, vendor_id: str, profile: str, files: Sequence[tuple[str, Path]]
) -> bytes:
    """Pack `files` (name inside the offer, path on disk) into the offer tar, in memory.

    Only structural rules are enforced here (non-empty, no path separators, no duplicates); the
    profile's file-name rules are checked by the caller before packing. The output depends only
    on the inputs, never on timestamps or owners of the files. Offers of any size stream
    through ``PackageContent`` instead.
    """
    package = PackageContent(tender_id=tender_id, vendor_id=vendor_id, profile=profile, files=files)
    output = io.BytesIO()
    for chunk in package.chunks():
        output.write(chunk)
    return output.getvalue()


def read_package(data: bytes) -> tuple[Manifest, dict[str, bytes]]:
    """Unpack an offer tar into its manifest and documents (by name), checking every document
    against the manifest. PackageError on anything malformed."""
    documents: dict[str, bytes] = {}

    def keep(name: str, handle: IO[bytes]) -> tuple[int, str]:
        documents[name] = handle.read()
        return len(documents[name]), hashlib.sha256(documents[name]).hexdigest()

    manifest = _unpack(io.BytesIO(data), keep)
    return manifest, documents


def read_package_file(
    package: Path, directory: Path, *, replace: bool = False
) -> tuple[Manifest, dict[str, Path]]:
    """Unpack the offer tar at `package` into `directory` (which must exist), streaming, each
    document checked against the manifest; PackageError on anything malformed, and then no
    document is left behind. A document already in `directory` is an error unless `replace`."""
    written: dict[str, Path] = {}

    def keep(name: str, handle: IO[bytes]) -> tuple[int, str]:
        target = directory / name
        if target.exists() and not replace:
            raise PackageError(f"Berkas sudah ada di folder tujuan: {name}")
        written[name] = target
        digest = hashlib.sha256()
        size = 0
        with target.open("wb") as out:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        return size, digest.hexdigest()

    try:
        with package.open("rb") as stream:
            manifest = _unpack(stream, keep)
    except BaseException:
        for path in written.values():
            path.unlink(missing_ok=True)
        raise
    return manifest, written


def _unpack(stream: IO[bytes], keep: Callable[[str, IO[bytes]], tuple[int, str]]) -> Manifest:
    """Walk the tar in `stream`: the manifest first, then each document handed to `keep`,
    which stores it and returns its size and SHA-256, checked against the manifest."""
    try:
        with tarfile.open(fileobj=stream, mode="r:", encoding="utf-8") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST_NAME or not first.isreg():
                raise PackageError("MANIFEST.json harus menjadi anggota pertama paket.")
            if first.size > _MANIFEST_MAX:
                raise PackageError("MANIFEST.json terlalu besar.")
            manifest = _parse_manifest(_read_member(tar, first))
            expected = {entry.name: entry for entry in manifest.files}
            done: set[str] = set()
            while (member := tar.next()) is not None:
                name = member.name.removeprefix(DOCUMENT_DIRECTORY)
                if not member.isreg() or not member.name.startswith(DOCUMENT_DIRECTORY):
                    raise PackageError(f"Anggota paket tidak dikenal: {member.name}")
                if name not in expected:
                    raise PackageError(f"Berkas tidak tercantum di manifest: {name}")
                if name in done:
                    raise PackageError(f"Berkas muncul dua kali dalam paket: {name}")
                handle = tar.extractfile(member)
                if handle is None:
                    raise PackageError(f"Anggota paket tidak dapat dibaca: {member.name}")
                with handle:
                    size, digest = keep(name, handle)
                entry = expected[name]
                if size != member.size:
                    raise PackageError(f"Anggota paket terpotong: {member.name}")
                if size != entry.size or digest != entry.sha256:
                    raise PackageError(f"Isi berkas tidak sesuai manifest: {name}")
                done.add(name)
    except (tarfile.TarError, EOFError, UnicodeError) as error:
        raise PackageError("Paket penawaran rusak (bukan arsip tar yang utuh).") from error
    missing = [name for name in expected if name not in done]
    if missing:
        raise PackageError(f"Berkas di manifest tidak ada dalam paket: {', '.join(missing)}")
    return manifest


def _header(name: str, size: int) -> bytes:
    return _member(name, size).tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")


def _padded(data: bytes) -> bytes:
    return data + bytes(-len(data) % tarfile.BLOCKSIZE)


def _identity(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _check_name(name: str) -> None:
    if not name or name in {".", ".."} or any(c in name for c in "/\\\0"):
        raise PackageError(f"Nama berkas tidak valid untuk paket: {name!r}")


def _hash_file(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    return info


def _manifest_json(manifest: Manifest) -> bytes:
    document = {
        "tender_id": manifest.tender_id,
        "vendor_id": manifest.vendor_id,
        "profile": manifest.profile,
        "files": [
            {"name": entry.name, "size": entry.size, "sha256": entry.sha256}
            for entry in manifest.files
        ],
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2).encode("utf-8")


def _read_member(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = tar.extractfile(member)
    if handle is None:
        raise PackageError(f"Anggota paket tidak dapat dibaca: {member.name}")
    with handle:
        content = handle.read()
    if len(content) != member.size:
        raise PackageError(f"Anggota paket terpotong: {member.name}")
    return content


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        document: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError("MANIFEST.json bukan JSON yang valid.") from error
    if not isinstance(document, dict) or set(document) != _MANIFEST_KEYS:
        raise PackageError("Struktur MANIFEST.json tidak dikenal.")
    for key in ("tender_id", "vendor_id", "profile"):
        if not isinstance(document[key], str) or not document[key]:
            raise PackageError(f"MANIFEST.json: {key} tidak valid.")
    if not isinstance(document["files"], list):
        raise PackageError("MANIFEST.json: files harus berupa daftar.")
    entries: list[PackagedFile] = []
    for item in document["files"]:
        if not isinstance(item, dict) or set(item) != _FILE_KEYS:
            raise PackageError("MANIFEST.json: entri berkas tidak valid.")
        name, size, digest = item["name"], item["size"], item["sha256"]
        if not isinstance(name, str) or not isinstance(digest, str):
            raise PackageError("MANIFEST.json: entri berkas tidak valid.")
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise PackageError(f"MANIFEST.json: ukuran berkas {name!r} tidak valid.")
        if not _SHA256_HEX.fullmatch(digest):
            raise PackageError(f"MANIFEST.json: sha256 berkas {name!r} tidak valid.")
        _check_name(name)
        if any(entry.name == name for entry in entries):
            raise PackageError(f"MANIFEST.json: nama berkas ganda: {name}")
        entries.append(PackagedFile(name=name, size=size, sha256=digest))
    return Manifest(
        tender_id=document["tender_id"],
        vendor_id=document["vendor_id"],
        profile=document["profile"],
        files=tuple(entries),
    )
