from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from simulator.desk.spamkodok.offer_package import (
    Manifest,
    PackagedFile,
    PackageError,
    build_package,
    read_package,
)

NOISE = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(128))
BIG = bytes(range(256)) * (10 * 1024 + 7)  # a little over 2.5 MiB: several read chunks


@pytest.fixture
def documents(tmp_path: Path) -> list[tuple[str, Path]]:
    contents = {
        "Surat Penawaran.pdf": b"%PDF-1.7\n...\n",
        "Rincian Harga Ŝemarang.xlsx": b"PK\x03\x04 harga",
        "kosong.txt": b"",
        "gambar_teknis.dwg": BIG,
    }
    files = []
    for index, (name, data) in enumerate(contents.items()):
        path = tmp_path / f"source{index}"
        path.write_bytes(data)
        files.append((name, path))
    return files


def build(files: list[tuple[str, Path]]) -> bytes:
    return build_package(
        tender_id="10071234", vendor_id="budi01", profile="spse-4.3-ca", files=files
    )


def test_round_trip(documents: list[tuple[str, Path]]) -> None:
    manifest, contents = read_package(build(documents))

    assert manifest == Manifest(
        tender_id="10071234",
        vendor_id="budi01",
        profile="spse-4.3-ca",
        files=tuple(
            PackagedFile(
                name=name,
                size=path.stat().st_size,
                sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            )
            for name, path in documents
        ),
    )
    assert contents == {name: path.read_bytes() for name, path in documents}


def test_layout_is_deterministic_posix_tar(documents: list[tuple[str, Path]]) -> None:
    first = build(documents)
    for _, path in documents:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    second = build(documents)
    assert first == second

    with tarfile.open(fileobj=io.BytesIO(first), mode="r:") as tar:
        members = tar.getmembers()
        assert [m.name for m in members] == [
            "MANIFEST.json",
            *(f"dokumen/{name}" for name, _ in documents),
        ]
        for member in members:
            assert member.isreg()
            assert (member.mtime, member.uid, member.gid, member.mode) == (0, 0, 0, 0o644)
            assert (member.uname, member.gname) == ("", "")
        handle = tar.extractfile(members[0])
        assert handle is not None
        raw = handle.read()
    assert "Ŝemarang".encode() in raw  # not \u-escaped
    document = json.loads(raw)
    assert list(document) == sorted(document)
    assert list(document["files"][0]) == ["name", "sha256", "size"]
    assert first[257:262] == b"ustar"


def test_duplicate_names_are_refused(documents: list[tuple[str, Path]]) -> None:
    with pytest.raises(PackageError, match="ganda"):
        build([documents[0], (documents[0][0], documents[1][1])])


@pytest.mark.parametrize("name", ["", ".", "..", "a/b.pdf", "a\\b.pdf", "nul\0.pdf"])
def test_unusable_names_are_refused(name: str, documents: list[tuple[str, Path]]) -> None:
    with pytest.raises(PackageError):
        build([(name, documents[0][1])])


def test_missing_identity_is_refused(documents: list[tuple[str, Path]]) -> None:
    with pytest.raises(PackageError, match="tender_id"):
        build_package(tender_id="", vendor_id="budi01", profile="p", files=documents)


def tar_of(*members: tuple[str, bytes]) -> bytes:
    output = io.BytesIO()
    with tarfile.open(fileobj=output, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return output.getvalue()


def manifest_of(*files: tuple[str, bytes]) -> bytes:
    return json.dumps(
        {
            "tender_id": "10071234",
            "vendor_id": "budi01",
            "profile": "spse-4.3-ca",
            "files": [
                {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                for n, d in files
            ],
        }
    ).encode()


def test_hand_made_package_is_accepted() -> None:
    manifest, contents = read_package(
        tar_of(("MANIFEST.json", manifest_of(("a.pdf", b"abc"))), ("dokumen/a.pdf", b"abc"))
    )
    assert manifest.files[0].name == "a.pdf"
    assert contents == {"a.pdf": b"abc"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "rusak", id="empty"),
        pytest.param(b"\x00" * 10, "rusak", id="short-garbage"),
        pytest.param(NOISE, "rusak", id="noise"),
        pytest.param(tar_of(("dokumen/a.pdf", b"abc")), "pertama", id="no-manifest"),
        pytest.param(
            tar_of(("dokumen/a.pdf", b"abc"), ("MANIFEST.json", manifest_of(("a.pdf", b"abc")))),
            "pertama",
            id="manifest-not-first",
        ),
        pytest.param(
            tar_of(("MANIFEST.json", manifest_of(("a.pdf", b"abc"))), ("dokumen/a.pdf", b"abd")),
            "tidak sesuai",
            id="hash-differs",
        ),
        pytest.param(
            tar_of(("MANIFEST.json", manifest_of(("a.pdf", b"abc"))), ("dokumen/a.pdf", b"abcd")),
            "tidak sesuai",
            id="size-differs",
        ),
        pytest.param(
            tar_of(("MANIFEST.json", manifest_of(("a.pdf", b"abc")))),
            "tidak ada",
            id="file-missing",
        ),
        pytest.param(
            tar_of(
                ("MANIFEST.json", manifest_of(("a.pdf", b"abc"))),
                ("dokumen/a.pdf", b"abc"),
                ("dokumen/b.pdf", b"x"),
            ),
            "tidak tercantum",
            id="file-not-in-manifest",
        ),
        pytest.param(
            tar_of(
                ("MANIFEST.json", manifest_of(("a.pdf", b"abc"))),
                ("dokumen/a.pdf", b"abc"),
                ("dokumen/a.pdf", b"abc"),
            ),
            "dua kali",
            id="file-twice",
        ),
        pytest.param(
            tar_of(("MANIFEST.json", manifest_of(("a.pdf", b"abc"))), ("lain/a.pdf", b"abc")),
            "tidak dikenal",
            id="outside-dokumen",
        ),
        pytest.param(tar_of(("MANIFEST.json", b"{bukan json")), "JSON", id="bad-json"),
        pytest.param(
            tar_of(("MANIFEST.json", b'{"tender_id": "1"}')), "Struktur", id="manifest-keys"
        ),
        pytest.param(
            tar_of(
                (
                    "MANIFEST.json",
                    manifest_of(("a.pdf", b"abc")).replace(b'"size": 3', b'"size": true'),
                ),
                ("dokumen/a.pdf", b"abc"),
            ),
            "ukuran",
            id="size-not-int",
        ),
        pytest.param(
            tar_of(("MANIFEST.json", manifest_of(("../a.pdf", b"abc")))),
            "Nama berkas",
            id="traversal-name",
        ),
    ],
)
def test_malformed_packages_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(PackageError, match=reason):
        read_package(data)


def test_truncated_package_is_refused(documents: list[tuple[str, Path]]) -> None:
    data = build(documents)
    with pytest.raises(PackageError):
        read_package(data[: len(data) // 2])


def test_package_is_a_value_error() -> None:
    assert issubclass(PackageError, ValueError)
