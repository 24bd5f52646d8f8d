"""APENDO on a desk (SPSE NON CA): encrypt an offer to the package key, open it at opening.

Seed, "Perbedaan Dasar SPSE CA dan NON CA": NON CA protects documents with APENDO, "enkripsi dan
dekripsi kunci publik dan privat hanya dari sistem". The vendor encrypts with the tender
package's public key ("kunci publik paket") that SPSE publishes; the pokja decrypts with the
package's private key that SPSE releases at the opening stage. No user certificate, no signature.

Nothing public describes APENDO's real ``.rhs`` format. As for SpamKodok (docs/design.md), the
simulator uses an open standard in its place: a ``.rhs`` file is CMS EnvelopedData (RFC 5652;
AES-256-CBC, RSA key transport, definite-length DER) addressed to the package certificate. Its
content is the same offer package as in the CA profile (``offer_package``: ``MANIFEST.json`` and
``dokumen/``), unsigned. The private key file SPSE hands out holds the key and the certificate,
so openssl opens a ``.rhs`` file too::

    openssl cms -decrypt -binary -inform DER -in penawaran.rhs \\
        -inkey kunci-privat-paket.pem -recip kunci-privat-paket.pem -out penawaran.tar

Opening checks, in order, each with its own error type and stable code (the codes SPSE accepts
as opening results, ``fake_spse.domain.apendo.APENDO_OPENING_CODES``): size against the receipt
(``terpotong``), sha256 against the receipt (``berubah``), CMS parse (``rusak``), addressed to
this package's key (``bukan_kunci_paket``), decryption (``gagal_dekripsi``), the offer package
inside (``rusak`` when it is no offer package at all, ``berubah`` when it is damaged), and the
manifest's tender id (``bukan_tender_ini``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

# The CMS parsing and recipient matching of SpamKodok's opener serve APENDO unchanged.
from simulator.desk.spamkodok.cms import OfferCorrupted, _addressed_to, _parse_enveloped
from simulator.desk.spamkodok.offer_package import (
    Manifest,
    PackageError,
    build_package,
    read_package,
)

RHS_SUFFIX = ".rhs"
_TAR_MAGIC_OFFSET = 257


class ApendoError(Exception):
    """Base of every failure to open a ``.rhs`` offer; ``code`` is the stable machine key."""

    code: ClassVar[str] = "galat"


class RhsTruncated(ApendoError):
    """The stored file's size differs from the size on the receipt."""

    code = "terpotong"


class RhsAltered(ApendoError):
    """The bytes differ from the receipt, or the offer package inside is damaged."""

    code = "berubah"


class RhsCorrupted(ApendoError):
    """Not an APENDO file: no CMS EnvelopedData, or no offer package inside."""

    code = "rusak"


class NotThisPackage(ApendoError):
    """The file was encrypted to another package's public key."""

    code = "bukan_kunci_paket"


class DecryptionFailed(ApendoError):
    """Addressed to this package, but the key does not decrypt it."""

    code = "gagal_dekripsi"


_UNDECRYPTABLE = "Dokumen tidak dapat didekripsi dengan kunci privat paket."


class WrongTender(ApendoError):
    """The manifest names another tender."""

    code = "bukan_tender_ini"


class KeyFileError(ValueError):
    """A downloaded key file is not what APENDO expects."""


@dataclass(frozen=True)
class PackagePrivateKey:
    """The package key pair as the pokja receives it at opening."""

    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


@dataclass(frozen=True)
class OpenedRhs:
    manifest: Manifest
    documents: dict[str, bytes]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted(self.documents))


def load_public_key(pem: bytes) -> x509.Certificate:
    """The package certificate from the 'kunci publik paket' file."""
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except ValueError as exc:
        raise KeyFileError("File kunci publik paket tidak valid.") from exc
    if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
        raise KeyFileError("Kunci publik paket harus berupa kunci RSA.")
    return certificate


def load_private_key(pem: bytes) -> PackagePrivateKey:
    """The key pair from the 'kunci privat paket' file (private key, then certificate)."""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
        certificate = x509.load_pem_x509_certificate(pem)
    except (ValueError, TypeError) as exc:
        raise KeyFileError("File kunci privat paket tidak valid.") from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyFileError("Kunci privat paket harus berupa kunci RSA.")
    if key.public_key() != certificate.public_key():
        raise KeyFileError("Kunci privat tidak cocok dengan kunci publik paket.")
    return PackagePrivateKey(key=key, certificate=certificate)


def encrypt(
    files: Sequence[Path],
    package_public_key: x509.Certificate,
    *,
    tender_id: str,
    vendor_id: str,
    profile: str,
) -> bytes:
    """The ``.rhs`` bytes of an offer holding ``files`` (named as on disk), for one package.

    PackageError when the files cannot be packed (duplicate names, a file changing meanwhile).
    """
    if not isinstance(package_public_key.public_key(), rsa.RSAPublicKey):
        raise KeyFileError("Kunci publik paket harus berupa kunci RSA.")
    content = build_package(
        tender_id=tender_id,
        vendor_id=vendor_id,
        profile=profile,
        files=[(Path(path).name, Path(path)) for path in files],
    )
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(content)
        .set_content_encryption_algorithm(algorithms.AES256)
        .add_recipient(package_public_key)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def decrypt(
    rhs: bytes,
    package_private_key: PackagePrivateKey,
    *,
    tender_id: str | None = None,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
) -> OpenedRhs:
    """Open a ``.rhs`` offer with the package key; raises an ApendoError subclass.

    ``expected_size``/``expected_sha256``: the receipt SPSE shows; ``tender_id``: the tender
    being opened. Each is checked when given.
    """
    if expected_size is not None and len(rhs) != expected_size:
        raise RhsTruncated(
            f"Ukuran dokumen ({len(rhs)} byte) tidak sama dengan tanda terima "
            f"({expected_size} byte)."
        )
    if expected_sha256 is not None and hashlib.sha256(rhs).hexdigest() != expected_sha256.lower():
        raise RhsAltered("Sidik jari (SHA-256) dokumen tidak sama dengan tanda terima.")
    try:
        enveloped = _parse_enveloped(rhs)
    except OfferCorrupted as exc:
        raise RhsCorrupted("Berkas bukan dokumen APENDO (.rhs) yang utuh.") from exc
    certificate = package_private_key.certificate
    if not _addressed_to(enveloped, certificate):
        raise NotThisPackage("Dokumen tidak dienkripsi dengan kunci publik paket ini.")
    # OpenSSL answers a wrong RSA key with a random content key instead of an error (its
    # defence against padding oracles), and about one time in 256 that key passes AES's
    # padding check: the garbage would then read as a corrupted package, not as the wrong key.
    if package_private_key.key.public_key() != certificate.public_key():
        raise DecryptionFailed(_UNDECRYPTABLE)
    try:
        content = pkcs7.pkcs7_decrypt_der(rhs, certificate, package_private_key.key, [])
    except (ValueError, UnsupportedAlgorithm) as exc:  # e.g. a damaged algorithm identifier
        raise DecryptionFailed(_UNDECRYPTABLE) from exc
    if content[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] != b"ustar":
        raise RhsCorrupted("Isi dokumen bukan paket penawaran APENDO.")
    try:
        manifest, documents = read_package(content)
    except PackageError as exc:
        raise RhsAltered(f"Isi dokumen tidak utuh: {exc}") from exc
    if tender_id is not None and manifest.tender_id != tender_id:
        raise WrongTender(f"Dokumen untuk tender {manifest.tender_id}, bukan {tender_id}.")
    return OpenedRhs(manifest=manifest, documents=documents)
