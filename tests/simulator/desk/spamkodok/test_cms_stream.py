"""Streaming seal and open, cross-checked with the openssl CLI both ways, on sizes around every
boundary the hand-written DER and CBC arithmetic has (AES blocks, DER length forms, chunks)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from factories import START, FakeClock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok.cms import (
    CHUNK,
    OfferAltered,
    Receipt,
    open_sealed_file,
    seal_file,
)
from simulator.desk.spamkodok.offer_package import PackageContent, PackageError
from simulator.desk.spamkodok.offers import open_offer, seal_offer

pytestmark = [
    pytest.mark.openssl,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl CLI not installed"),
]

RECEIVED = START + timedelta(days=10, hours=3)
# Where the arithmetic changes: empty, AES blocks, DER short/long length forms (127/128,
# 255/256, 65535/65536 bytes), and the chunk size the streams read and encrypt in.
BOUNDARIES = [0, 1, 15, 16, 17, 31, 32, 127, 128, 255, 256, 65535, 65536, CHUNK - 1, CHUNK]
BOUNDARIES += [CHUNK + 1, 2 * CHUNK + 15]
SIZES = st.one_of(st.sampled_from(BOUNDARIES), st.integers(0, 3 * CHUNK))


@dataclass
class Pki:
    folder: Path
    ca: CertificateAuthority
    vendor_key: rsa.RSAPrivateKey
    vendor: x509.Certificate
    pokja_key: rsa.RSAPrivateKey
    pokja: x509.Certificate

    def seal(self, content: Path, sealed: Path) -> None:
        seal_file(
            content,
            sealed,
            signer_key=self.vendor_key,
            signer_certificate=self.vendor,
            chain=self.ca.chain(),
            recipients=[self.pokja],
        )

    def open(self, sealed: Path, content: Path, receipt: Receipt | None = None) -> None:
        open_sealed_file(
            sealed,
            content,
            recipient_key=self.pokja_key,
            recipient_certificate=self.pokja,
            trust_roots=[self.ca.root],
            crls=[self.ca.crl()],
            receipt=receipt or receipt_of(sealed),
        )


def issue(ca: CertificateAuthority, user_id: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(65537, 2048)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, user_id.title())]))
        .sign(key, hashes.SHA256())
    )
    return key, ca.issue(csr, user_id=user_id)


def write_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    clock = FakeClock(START)
    ca = CertificateAuthority(folder / "bsre", clock)
    vendor_key, vendor = issue(ca, "budi01")
    pokja_key, pokja = issue(ca, "pokja01")
    clock.now = RECEIVED  # openssl checks the CRL's own validity at -attime
    pem = serialization.Encoding.PEM
    for name, certificate in (
        ("vendor", vendor),
        ("pokja", pokja),
        ("intermediate", ca.intermediate),
    ):
        (folder / f"{name}.crt").write_bytes(certificate.public_bytes(pem))
    write_key(folder / "vendor.key", vendor_key)
    write_key(folder / "pokja.key", pokja_key)
    (folder / "root+crls.pem").write_bytes(ca.root.public_bytes(pem) + ca.crl().public_bytes(pem))
    return Pki(folder, ca, vendor_key, vendor, pokja_key, pokja)


@pytest.fixture
def folder() -> Iterator[Path]:
    # Not tmp_path: hypothesis runs many examples in one test call.
    with tempfile.TemporaryDirectory(prefix="cms-stream-") as name:
        yield Path(name)


def receipt_of(path: Path) -> Receipt:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return Receipt(digest.hexdigest(), path.stat().st_size, RECEIVED)


def openssl(*arguments: str | Path) -> None:
    result = subprocess.run(
        ["openssl", *map(str, arguments)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def openssl_open(pki: Pki, sealed: Path, content: Path) -> None:
    inner = content.with_suffix(".p7s")
    openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", sealed,
        "-recip", pki.folder / "pokja.crt", "-inkey", pki.folder / "pokja.key", "-out", inner,
    )  # fmt: skip
    openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", inner,
        "-CAfile", pki.folder / "root+crls.pem", "-purpose", "any", "-crl_check",
        "-attime", str(int(RECEIVED.timestamp())), "-out", content,
    )  # fmt: skip


def openssl_seal(pki: Pki, content: Path, sealed: Path) -> None:
    inner = sealed.with_suffix(".p7s")
    openssl(
        "cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-outform", "DER",
        "-in", content, "-signer", pki.folder / "vendor.crt", "-inkey", pki.folder / "vendor.key",
        "-certfile", pki.folder / "intermediate.crt", "-out", inner,
    )  # fmt: skip
    openssl(
        "cms", "-encrypt", "-binary", "-aes256", "-outform", "DER",
        "-in", inner, "-out", sealed, pki.folder / "pokja.crt",
    )  # fmt: skip


def content_of(size: int) -> bytes:
    return (hashlib.sha256(size.to_bytes(8, "big")).digest() * (size // 32 + 1))[:size]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=SIZES)
def test_openssl_opens_what_we_seal(pki: Pki, folder: Path, size: int) -> None:
    content = folder / f"isi-{size}.bin"
    content.write_bytes(content_of(size))

    pki.seal(content, folder / "ours.p7m")
    openssl_open(pki, folder / "ours.p7m", folder / "by-openssl.bin")

    assert (folder / "by-openssl.bin").read_bytes() == content.read_bytes()


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=SIZES)
def test_we_open_what_openssl_seals(pki: Pki, folder: Path, size: int) -> None:
    content = folder / f"isi-{size}.bin"
    content.write_bytes(content_of(size))

    openssl_seal(pki, content, folder / "openssl.p7m")
    pki.open(folder / "openssl.p7m", folder / "by-us.bin")

    assert (folder / "by-us.bin").read_bytes() == content.read_bytes()


@pytest.mark.parametrize("size", BOUNDARIES)
def test_round_trip_at_every_boundary(pki: Pki, folder: Path, size: int) -> None:
    content = folder / "isi.bin"
    content.write_bytes(content_of(size))

    pki.seal(content, folder / "sealed.p7m")
    pki.open(folder / "sealed.p7m", folder / "opened.bin")

    assert (folder / "opened.bin").read_bytes() == content.read_bytes()


def test_an_offer_of_several_documents_opens_to_the_same_documents(pki: Pki, folder: Path) -> None:
    documents = {"Surat Penawaran.pdf": 0, "Dokumen Teknis.pdf": CHUNK + 7, "Harga.xlsx": 511}
    for name, size in documents.items():
        (folder / name).write_bytes(content_of(size))
    sealed = seal_offer(
        [(name, folder / name) for name in documents],
        folder / "penawaran.p7m",
        tender_id="10071234",
        vendor_id="budi01",
        profile="spse-4.3-ca",
        signer_key=pki.vendor_key,
        signer_certificate=pki.vendor,
        chain=pki.ca.chain(),
        recipients=[pki.pokja],
    )
    assert sealed.sha256 == receipt_of(sealed.path).sha256

    opened = open_offer(
        sealed.path,
        folder / "dibuka",
        recipient_key=pki.pokja_key,
        recipient_certificate=pki.pokja,
        trust_roots=[pki.ca.root],
        crls=[pki.ca.crl()],
        receipt=receipt_of(sealed.path),
    )

    assert opened.manifest.tender_id == "10071234"
    assert sorted(opened.documents) == sorted(documents)
    for name, path in opened.documents.items():
        assert path.read_bytes() == (folder / name).read_bytes()
    assert sorted(p.name for p in (folder / "dibuka").iterdir()) == sorted(documents)
    # openssl opens the same file, and finds the offer package inside.
    openssl_open(pki, sealed.path, folder / "paket.tar")
    assert b"MANIFEST.json" in (folder / "paket.tar").read_bytes()[:512]


def test_memory_stays_bounded_whatever_the_size(pki: Pki, folder: Path) -> None:
    content = folder / "besar.bin"
    with content.open("wb") as out:
        for index in range(24):
            out.write(content_of(CHUNK - index))
    size = content.stat().st_size
    crl = pki.ca.crl()  # outside the measurement, like the receipt

    tracemalloc.start()
    try:
        pki.seal(content, folder / "sealed.p7m")
        sealing = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        receipt = receipt_of(folder / "sealed.p7m")
        tracemalloc.start()
        open_sealed_file(
            folder / "sealed.p7m",
            folder / "opened.bin",
            recipient_key=pki.pokja_key,
            recipient_certificate=pki.pokja,
            trust_roots=[pki.ca.root],
            crls=[crl],
            receipt=receipt,
        )
        opening = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert folder.joinpath("opened.bin").read_bytes() == content.read_bytes()
    # A few chunk buffers, not the offer: an offer 24x the chunk takes under 5 chunks.
    assert sealing < 5 * CHUNK < size / 4
    assert opening < 5 * CHUNK


def test_a_failed_opening_leaves_no_content_behind(pki: Pki, folder: Path) -> None:
    content = folder / "isi.bin"
    content.write_bytes(content_of(100_000))
    pki.seal(content, folder / "sealed.p7m")
    receipt = receipt_of(folder / "sealed.p7m")
    damaged = bytearray((folder / "sealed.p7m").read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    (folder / "sealed.p7m").write_bytes(damaged)

    with pytest.raises(OfferAltered):
        open_sealed_file(
            folder / "sealed.p7m",
            folder / "opened.bin",
            recipient_key=pki.pokja_key,
            recipient_certificate=pki.pokja,
            trust_roots=[pki.ca.root],
            crls=[pki.ca.crl()],
            receipt=receipt,
        )

    assert sorted(p.name for p in folder.iterdir()) == ["isi.bin", "sealed.p7m"]


def test_a_document_changed_while_sealing_leaves_no_offer(pki: Pki, folder: Path) -> None:
    document = folder / "dokumen.pdf"
    document.write_bytes(content_of(3 * CHUNK))
    documents = [("dokumen.pdf", document)]

    class Changing:
        """The package of `documents`, with the document rewritten after the first chunk."""

        def __init__(self) -> None:
            self.package = PackageContent(
                tender_id="1", vendor_id="budi01", profile="p", files=documents
            )
            self.size = self.package.size

        def chunks(self) -> Iterator[bytes | memoryview]:
            for index, chunk in enumerate(self.package.chunks()):
                if index == 2:
                    document.write_bytes(content_of(3 * CHUNK + 1))
                yield chunk

    with pytest.raises(PackageError):
        seal_file(
            Changing(),
            folder / "penawaran.p7m",
            signer_key=pki.vendor_key,
            signer_certificate=pki.vendor,
            chain=pki.ca.chain(),
            recipients=[pki.pokja],
        )

    assert sorted(p.name for p in folder.iterdir()) == ["dokumen.pdf"]


@pytest.mark.parametrize("size", [2**24 - 3000, 2**24 - 1500, 2**24])
def test_lengths_of_four_bytes_around_16_mib(pki: Pki, folder: Path, size: int) -> None:
    # The content, the SignedData and the envelope need a 4-byte DER length from 16 MiB on;
    # these sizes put each header on either side of that step.
    content = folder / "isi.bin"
    content.write_bytes(content_of(size))

    pki.seal(content, folder / "ours.p7m")
    openssl_open(pki, folder / "ours.p7m", folder / "by-openssl.bin")
    pki.open(folder / "ours.p7m", folder / "by-us.bin")

    assert (folder / "by-openssl.bin").read_bytes() == content.read_bytes()
    assert (folder / "by-us.bin").read_bytes() == content.read_bytes()
