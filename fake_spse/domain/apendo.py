"""APENDO, the protection of SPSE NON CA: the tender package key pair and its rules.

Seed, "Perbedaan Dasar SPSE CA dan NON CA": NON CA protects offers with APENDO, "enkripsi dan
dekripsi kunci publik dan privat hanya dari sistem": no user certificate is involved. SPSE makes
one RSA key pair per tender package when the package is created. Vendors download the package's
public key ("kunci publik paket"), encrypt their documents with APENDO on their own computer and
upload the resulting ``.rhs`` file. SPSE keeps the private key and hands it to the tender's pokja
only once the opening stage ("Pembukaan Dokumen Penawaran") has started.

Because CMS key transport (what ``.rhs`` files are in the simulator, see ``simulator.desk.apendo``)
names its recipient by certificate, SPSE publishes the public key as a self-signed certificate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from fake_spse.domain.errors import DomainError

RHS_SUFFIX = ".rhs"
KEY_SIZE = 2048
# The stable codes an APENDO opening records; each has a message key "pembukaan.<code>".
APENDO_OPENING_CODES = (
    "dibuka",
    "terpotong",
    "berubah",
    "rusak",
    "bukan_kunci_paket",
    "gagal_dekripsi",
    "bukan_tender_ini",
)


@dataclass(frozen=True)
class PackageKey:
    """A tender package's key pair as SPSE keeps it, and when its private half was released."""

    tender_id: str
    certificate_pem: str
    private_key_pem: str
    created_at: datetime
    released_at: datetime | None = None
    released_by: str | None = None

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode())

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate (DER), hex in groups of four, as shown on the pages."""
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        digest = hashlib.sha256(der).hexdigest().upper()
        return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))

    def public(self) -> PublicPackageKey:
        """Everything about the key except its private half (for pages and the control API)."""
        return PublicPackageKey(
            tender_id=self.tender_id,
            certificate_pem=self.certificate_pem,
            fingerprint=self.fingerprint,
            created_at=self.created_at,
            released_at=self.released_at,
            released_by=self.released_by,
        )

    def released_to(self, pokja_id: str, at: datetime) -> PackageKey:
        """The key after a release to ``pokja_id``; the first release is the one remembered."""
        if self.released_at is not None:
            return self
        return replace(self, released_at=at, released_by=pokja_id)


@dataclass(frozen=True)
class PublicPackageKey:
    """A package key as anyone but the opening pokja may see it: no private key in here."""

    tender_id: str
    certificate_pem: str
    fingerprint: str
    created_at: datetime
    released_at: datetime | None
    released_by: str | None


def new_package_private_key() -> rsa.RSAPrivateKey:
    """A fresh RSA 2048 private key for a package (the slow part of a package key)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)


def generate_package_key(
    *,
    tender_id: str,
    lpse_name: str,
    now: datetime,
    valid_for: timedelta,
    key: rsa.RSAPrivateKey | None = None,
) -> PackageKey:
    """A tender package's key pair (``key``, else a fresh RSA 2048 one), its public half as a
    certificate."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    key = key or new_package_private_key()
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"Kunci Publik Paket {tender_id}"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "APENDO"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, lpse_name),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + valid_for)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return PackageKey(
        tender_id=tender_id,
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode(),
        private_key_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        created_at=now,
    )


def private_key_file(key: PackageKey) -> str:
    """What the pokja downloads at opening: the private key, then the package certificate.

    One PEM file serves APENDO and ``openssl cms -decrypt -inkey f -recip f`` alike.
    """
    return key.private_key_pem + key.certificate_pem


def offer_file_name(raw: str) -> str:
    """The base name of an uploaded file (old browsers send the whole Windows path)."""
    return raw.replace("\\", "/").rsplit("/", 1)[-1].strip()


def check_offer_file_name(raw: str) -> str:
    """The uploaded file's name if it is an APENDO ``.rhs`` file; DomainError otherwise."""
    name = offer_file_name(raw)
    if not name:
        raise DomainError("apendo.file_wajib")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or f".{suffix.lower()}" != RHS_SUFFIX:
        raise DomainError("apendo.bukan_rhs", name=name)
    return name


def check_opening_code(code: str) -> None:
    if code not in APENDO_OPENING_CODES:
        raise DomainError("pembukaan.status_tidak_dikenal")
