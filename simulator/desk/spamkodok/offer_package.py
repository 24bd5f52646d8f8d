"""The signed content of an offer: a deterministic POSIX tar with a manifest and the documents.

Layout: `MANIFEST.json` first (tender id, vendor user id, profile, and name/size/sha256 of every
document), then each document as `dokumen/<name>`. The manifest is what binds the signature to
one tender and one vendor, since CMS signed attributes cannot carry them.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

MANIFEST_NAME = "MANIFEST.json"
DOCUMENT_DIRECTORY = "dokumen/"
_CHUNK = 1024 * 1024
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


def build_package(
    *, tender_id: str, vendor_id: str, profile: str, files: Sequence[tuple[str, Path]]
) -> bytes:
    """Pack `files` (name inside the offer, path on disk) into the offer tar.

    Only structural rules are enforced here (non-empty, no path separators, no duplicates); the
    profile's file-name rules are checked by the caller before packing. The output depends only
    on the inputs, never on timestamps or owners of the files.
    """
    for label, value in (("tender_id", tender_id), ("vendor_id", vendor_id), ("profile", profile)):
        if not value:
            raise PackageError(f"{label} must not be empty")
    seen: set[str] = set()
    entries: list[PackagedFile] = []
    for name, path in files:
        _check_name(name)
        if name in seen:
            raise PackageError(f"Nama berkas ganda dalam satu penawaran: {name}")
        seen.add(name)
        size, digest = _hash_file(Path(path))
        entries.append(PackagedFile(name=name, size=size, sha256=digest))
    manifest = Manifest(tender_id, vendor_id, profile, tuple(entries))

    output = io.BytesIO()
    with tarfile.open(fileobj=output, mode="w", format=tarfile.PAX_FORMAT, encoding="utf-8") as tar:
        manifest_bytes = _manifest_json(manifest)
        tar.addfile(_member(MANIFEST_NAME, len(manifest_bytes)), io.BytesIO(manifest_bytes))
        for entry, (_, path) in zip(entries, files, strict=True):
            with Path(path).open("rb") as handle:
                reader = _HashingReader(handle)
                try:
                    tar.addfile(_member(DOCUMENT_DIRECTORY + entry.name, entry.size), reader)
                except OSError as error:  # tarfile's "unexpected end of data": the file shrank
                    raise PackageError(f"Berkas berubah saat dikemas: {entry.name}") from error
                if reader.digest() != entry.sha256 or reader.size != entry.size:
                    raise PackageError(f"Berkas berubah saat dikemas: {entry.name}")
    return output.getvalue()


def read_package(data: bytes) -> tuple[Manifest, dict[str, bytes]]:
    """Unpack an offer tar into its manifest and documents (by name), checking every document
    against the manifest. PackageError on anything malformed."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:", encoding="utf-8") as tar:
            members = tar.getmembers()
            if not members or members[0].name != MANIFEST_NAME or not members[0].isreg():
                raise PackageError("MANIFEST.json harus menjadi anggota pertama paket.")
            manifest = _parse_manifest(_read_member(tar, members[0]))
            expected = {entry.name: entry for entry in manifest.files}
            documents: dict[str, bytes] = {}
            for member in members[1:]:
                name = member.name.removeprefix(DOCUMENT_DIRECTORY)
                if not member.isreg() or not member.name.startswith(DOCUMENT_DIRECTORY):
                    raise PackageError(f"Anggota paket tidak dikenal: {member.name}")
                if name not in expected:
                    raise PackageError(f"Berkas tidak tercantum di manifest: {name}")
                if name in documents:
                    raise PackageError(f"Berkas muncul dua kali dalam paket: {name}")
                content = _read_member(tar, member)
                entry = expected[name]
                digest = hashlib.sha256(content).hexdigest()
                if len(content) != entry.size or digest != entry.sha256:
                    raise PackageError(f"Isi berkas tidak sesuai manifest: {name}")
                documents[name] = content
    except (tarfile.TarError, EOFError, UnicodeError) as error:
        raise PackageError("Paket penawaran rusak (bukan arsip tar yang utuh).") from error
    missing = [name for name in expected if name not in documents]
    if missing:
        raise PackageError(f"Berkas di manifest tidak ada dalam paket: {', '.join(missing)}")
    return manifest, documents


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


class _HashingReader(io.RawIOBase):
    """Hashes what tarfile reads, to catch a file that changes between the two passes."""

    def __init__(self, handle: IO[bytes]) -> None:
        super().__init__()
        self._handle = handle
        self._digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        chunk = self._handle.read(_CHUNK if size is None or size < 0 else size)
        self._digest.update(chunk)
        self.size += len(chunk)
        return chunk

    def digest(self) -> str:
        # Anything tarfile did not consume still counts: the file grew.
        while chunk := self._handle.read(_CHUNK):
            self._digest.update(chunk)
            self.size += len(chunk)
        return self._digest.hexdigest()


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
