"""simulator.desk.apendo: APENDO's .rhs files on the desk, each opening failure with its own error,
and the openssl CLI as an independent implementation (both directions)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from factories import START

from fake_spse.domain.apendo import (
    APENDO_OPENING_CODES,
    PackageKey,
    generate_package_key,
    private_key_file,
)
from simulator.desk import apendo
from simulator.desk.apendo import (
    ApendoError,
    DecryptionFailed,
    KeyFileError,
    NotThisPackage,
    PackagePrivateKey,
    RhsAltered,
    RhsCorrupted,
    RhsTruncated,
    WrongTender,
    decrypt,
    encrypt,
    load_private_key,
    load_public_key,
)
from simulator.desk.spamkodok.offer_package import PackageError, build_package

TENDER = "10000001"


def package_key(tender_id: str = TENDER) -> PackageKey:
    return generate_package_key(
        tender_id=tender_id, lpse_name="LPSE Kota Surakarta", now=START, valid_for=timedelta(days=9)
    )


@pytest.fixture(scope="module")
def key() -> PackageKey:
    return package_key()


@pytest.fixture(scope="module")
def other_key() -> PackageKey:
    return package_key("10000002")


@pytest.fixture
def documents(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "dokumen"
    folder.mkdir()
    surat = folder / "Surat Penawaran.pdf"
    surat.write_bytes(b"%PDF-1.4 surat penawaran\n" + bytes(range(256)) * 16)
    rab = folder / "RAB.xlsx"
    rab.write_bytes(b"PK\x03\x04 rencana anggaran biaya")
    return [surat, rab]


def private(key: PackageKey) -> PackagePrivateKey:
    return load_private_key(private_key_file(key).encode())


def plain_package(documents: list[Path]) -> bytes:
    """The offer package an .rhs file of ``documents`` holds."""
    files = [(p.name, p) for p in documents]
    return build_package(tender_id=TENDER, vendor_id="cvmaju", profile="nonca", files=files)


def seal(key: PackageKey, documents: list[Path], tender_id: str = TENDER) -> bytes:
    public = load_public_key(key.certificate_pem.encode())
    return encrypt(documents, public, tender_id=tender_id, vendor_id="cvmaju", profile="nonca")


def test_an_rhs_file_opens_with_the_package_private_key(
    key: PackageKey, documents: list[Path]
) -> None:
    rhs = seal(key, documents)
    opened = decrypt(
        rhs,
        private(key),
        tender_id=TENDER,
        expected_size=len(rhs),
        expected_sha256=hashlib.sha256(rhs).hexdigest().upper(),
    )
    assert opened.files == ("RAB.xlsx", "Surat Penawaran.pdf")
    assert opened.documents["Surat Penawaran.pdf"] == documents[0].read_bytes()
    assert (opened.manifest.tender_id, opened.manifest.vendor_id) == (TENDER, "cvmaju")
    assert seal(key, documents) != rhs  # a fresh content key every time


def test_opening_failures_have_distinct_types_and_apendo_codes() -> None:
    kinds = [RhsTruncated, RhsAltered, RhsCorrupted, NotThisPackage, DecryptionFailed, WrongTender]
    assert sorted(k.code for k in kinds) == sorted(set(APENDO_OPENING_CODES) - {"dibuka"})
    assert all(issubclass(k, ApendoError) for k in kinds)


def test_receipt_checks_come_first(key: PackageKey, documents: list[Path]) -> None:
    rhs = seal(key, documents)
    with pytest.raises(RhsTruncated):
        decrypt(rhs[:-10], private(key), expected_size=len(rhs))
    with pytest.raises(RhsAltered, match="SHA-256"):
        decrypt(rhs, private(key), expected_sha256=hashlib.sha256(b"lain").hexdigest())


@pytest.mark.parametrize(
    "data", [b"", b"%PDF-1.4 bukan APENDO", b"\x30\x80\x00\x00", b"\x30\x03\x02\x01\x00"]
)
def test_a_file_that_is_no_cms_envelope_is_corrupted(key: PackageKey, data: bytes) -> None:
    with pytest.raises(RhsCorrupted):
        decrypt(data, private(key))


def test_a_file_for_another_package_is_recognised(
    key: PackageKey, other_key: PackageKey, documents: list[Path]
) -> None:
    with pytest.raises(NotThisPackage):
        decrypt(seal(other_key, documents), private(key))


@pytest.fixture
def mismatched(key: PackageKey, rsa_key: rsa.RSAPrivateKey) -> PackagePrivateKey:
    """The package's certificate with a private key that is not its own."""
    return PackagePrivateKey(key=rsa_key, certificate=private(key).certificate)


def test_a_key_that_does_not_decrypt_gives_decryption_failed(
    key: PackageKey, mismatched: PackagePrivateKey, documents: list[Path]
) -> None:
    with pytest.raises(DecryptionFailed):
        decrypt(seal(key, documents), mismatched)


def test_a_wrong_key_is_refused_even_when_openssl_returns_garbage(
    key: PackageKey,
    mismatched: PackagePrivateKey,
    documents: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # OpenSSL's implicit rejection: with a wrong RSA key it decrypts with a random content
    # key, and about one time in 256 that passes AES's padding check and returns garbage.
    monkeypatch.setattr(apendo.pkcs7, "pkcs7_decrypt_der", lambda *args: b"\x9e" * 4096)
    with pytest.raises(DecryptionFailed, match="tidak dapat didekripsi"):
        decrypt(seal(key, documents), mismatched)


def test_a_flipped_byte_inside_the_ciphertext_is_an_altered_offer(
    key: PackageKey, documents: list[Path]
) -> None:
    rhs = bytearray(seal(key, documents))
    content = plain_package(documents)
    ciphertext_start = len(rhs) - (len(content) // 16 + 1) * 16
    # The first document's data starts after two tar headers and the manifest's block.
    rhs[ciphertext_start + 512 * 3 + 700] ^= 0x01
    with pytest.raises(RhsAltered, match="tidak sesuai manifest"):
        decrypt(bytes(rhs), private(key))


def test_an_envelope_without_an_offer_package_inside_is_corrupted(key: PackageKey) -> None:
    rhs = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(b"%PDF-1.4 dokumen biasa, bukan paket APENDO" * 20)
        .set_content_encryption_algorithm(algorithms.AES256)
        .add_recipient(key.certificate)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    with pytest.raises(RhsCorrupted, match="bukan paket"):
        decrypt(rhs, private(key))


def test_an_offer_for_another_tender_is_recognised(key: PackageKey, documents: list[Path]) -> None:
    rhs = seal(key, documents, tender_id="10000009")
    with pytest.raises(WrongTender):
        decrypt(rhs, private(key), tender_id=TENDER)
    assert decrypt(rhs, private(key)).manifest.tender_id == "10000009"


def test_duplicate_document_names_cannot_be_encrypted(
    key: PackageKey, documents: list[Path], tmp_path: Path
) -> None:
    twin = tmp_path / "lain" / documents[1].name
    twin.parent.mkdir()
    twin.write_bytes(b"lain")
    with pytest.raises(PackageError):
        seal(key, [*documents, twin])


def test_key_files_are_checked(key: PackageKey, other_key: PackageKey) -> None:
    with pytest.raises(KeyFileError):
        load_public_key(b"bukan PEM")
    with pytest.raises(KeyFileError):
        load_private_key(key.certificate_pem.encode())  # no private key in it
    with pytest.raises(KeyFileError):
        load_private_key(key.private_key_pem.encode())  # no certificate in it
    with pytest.raises(KeyFileError, match="tidak cocok"):
        load_private_key((key.private_key_pem + other_key.certificate_pem).encode())


# openssl, an independent implementation -------------------------------------------------------
openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl CLI not installed")


def run_openssl(*arguments: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["openssl", *map(str, arguments)], capture_output=True, timeout=60, check=False
    )


@openssl
@pytest.mark.openssl
def test_openssl_opens_an_rhs_file_with_the_downloaded_key_file(
    key: PackageKey, documents: list[Path], tmp_path: Path
) -> None:
    rhs_path = tmp_path / "penawaran.rhs"
    rhs_path.write_bytes(seal(key, documents))
    key_path = tmp_path / "kunci-privat-paket.pem"
    key_path.write_text(private_key_file(key))
    out = tmp_path / "penawaran.tar"
    done = run_openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", rhs_path,
        "-inkey", key_path, "-recip", key_path, "-out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    expected = plain_package(documents)
    assert out.read_bytes() == expected


@openssl
@pytest.mark.openssl
def test_apendo_opens_what_openssl_encrypts_to_the_package_certificate(
    key: PackageKey, documents: list[Path], tmp_path: Path
) -> None:
    tar = tmp_path / "penawaran.tar"
    tar.write_bytes(plain_package(documents))
    certificate = tmp_path / "kunci-publik-paket.pem"
    certificate.write_text(key.certificate_pem)
    rhs = tmp_path / "penawaran.rhs"
    done = run_openssl(
        "cms", "-encrypt", "-binary", "-aes256", "-outform", "DER", "-in", tar, "-out", rhs,
        certificate,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    opened = apendo.decrypt(rhs.read_bytes(), private(key), tender_id=TENDER)
    assert opened.files == ("RAB.xlsx", "Surat Penawaran.pdf")
