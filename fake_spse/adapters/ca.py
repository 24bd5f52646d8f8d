"""Simulated BSrE certificate authority: a root, an intermediate, issuance, revocation and CRLs.

Everything is persisted in one directory: PEM files for the two CA keys and certificates, and
`ca.sqlite3` for the register of issued and revoked certificates. Time comes from the injected
clock, never from the wall clock, so scenarios can issue expired certificates or revoke in the
past.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from fake_spse.storage.sqlite import create_wal_schema, transaction
from spse_shared.atomic import write_atomic
from spse_shared.names import subject_text

ROOT_COMMON_NAME = "BSrE Root CA Simulasi"
INTERMEDIATE_COMMON_NAME = "BSrE Intermediate CA Simulasi"
CA_ORGANIZATION = "Badan Siber dan Sandi Negara (Simulasi)"
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
MIN_RSA_BITS = 2048

_ROOT_CERT = "root.crt.pem"
_ROOT_KEY = "root.key.pem"
_INTERMEDIATE_CERT = "intermediate.crt.pem"
_INTERMEDIATE_KEY = "intermediate.key.pem"
_DATABASE = "ca.sqlite3"

# Only these subject attributes of a CSR reach the certificate; the UID is always ours.
_KEPT_SUBJECT_OIDS = (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.EMAIL_ADDRESS)

_RECORD_COLUMNS = "serial, user_id, subject, not_before, not_after, revoked_at, der"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS issued (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    serial TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    revoked_at TEXT,
    der BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS issued_user ON issued (user_id);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class InvalidCertificateRequest(Exception):
    """The CSR's signature is invalid, it has no common name, or its key is not RSA >= 2048."""


class UnknownCertificate(Exception):
    """No certificate with this serial number was ever issued by this CA."""


@dataclass(frozen=True)
class IssuedRecord:
    """One row of the CA's register."""

    serial: int
    user_id: str
    subject: str
    not_before: datetime
    not_after: datetime
    revoked_at: datetime | None
    certificate: x509.Certificate


@dataclass(frozen=True)
class _Authority:
    root: x509.Certificate
    intermediate: x509.Certificate
    intermediate_key: ec.EllipticCurvePrivateKey


class CertificateAuthority:
    """The BSrE CA of the simulation, persisted in `directory`.

    The root and intermediate are created on first use and reused when the same directory is
    opened again. Safe to share between threads.
    """

    def __init__(self, directory: Path, now: Callable[[], datetime]) -> None:
        self._directory = Path(directory)
        self._now = now
        self._lock = threading.RLock()
        self._authority: _Authority | None = None

    @property
    def root(self) -> x509.Certificate:
        """The self-signed root certificate (the trust anchor)."""
        return self._load().root

    @property
    def intermediate(self) -> x509.Certificate:
        """The intermediate certificate that signs user certificates and CRLs."""
        return self._load().intermediate

    def chain(self) -> list[x509.Certificate]:
        """The issuing chain of user certificates: [intermediate, root]."""
        authority = self._load()
        return [authority.intermediate, authority.root]

    def issue(
        self,
        csr: x509.CertificateSigningRequest,
        *,
        user_id: str,
        not_before: datetime | None = None,
        validity: timedelta = timedelta(days=365),
    ) -> x509.Certificate:
        """Issue a document-signing certificate for `csr` and record it for `user_id`.

        The subject is the CSR's CN, O and emailAddress attributes (in the CSR's order) followed
        by UID=`user_id`. `not_before` defaults to the clock's now; the certificate expires
        `validity` later.
        """
        if not user_id:
            raise ValueError("user_id must not be empty")
        if validity <= timedelta(0):
            raise ValueError("validity must be positive")
        if not csr.is_signature_valid:
            raise InvalidCertificateRequest("Tanda tangan CSR tidak valid.")
        public_key = csr.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey) or public_key.key_size < MIN_RSA_BITS:
            raise InvalidCertificateRequest(
                "Kunci pada CSR harus RSA minimal 2048 bit (dibutuhkan untuk enkripsi dokumen)."
            )
        kept = [attr for attr in csr.subject if attr.oid in _KEPT_SUBJECT_OIDS]
        if not any(attr.oid == NameOID.COMMON_NAME and attr.value for attr in kept):
            raise InvalidCertificateRequest("CSR tidak memiliki Common Name (CN).")
        subject = x509.Name([*kept, x509.NameAttribute(NameOID.USER_ID, user_id)])

        authority = self._load()
        start = _whole_seconds(_aware(not_before) if not_before else self._clock())
        issuer_ski = authority.intermediate.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value
        with self._lock:
            while True:
                serial = x509.random_serial_number()
                certificate = (
                    x509.CertificateBuilder()
                    .subject_name(subject)
                    .issuer_name(authority.intermediate.subject)
                    .public_key(public_key)
                    .serial_number(serial)
                    .not_valid_before(start)
                    .not_valid_after(start + validity)
                    .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
                    .add_extension(
                        x509.KeyUsage(
                            digital_signature=True,
                            content_commitment=True,
                            key_encipherment=True,
                            data_encipherment=False,
                            key_agreement=False,
                            key_cert_sign=False,
                            crl_sign=False,
                            encipher_only=False,
                            decipher_only=False,
                        ),
                        True,
                    )
                    .add_extension(
                        x509.ExtendedKeyUsage(
                            [ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]
                        ),
                        False,
                    )
                    .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
                    .add_extension(
                        x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski),
                        False,
                    )
                    .sign(authority.intermediate_key, hashes.SHA256())
                )
                try:
                    with self._database() as db:
                        db.execute(
                            "INSERT INTO issued (serial, user_id, subject, not_before, not_after,"
                            " der) VALUES (?, ?, ?, ?, ?, ?)",
                            (
                                _serial_key(serial),
                                user_id,
                                subject_text(subject),
                                certificate.not_valid_before_utc.isoformat(),
                                certificate.not_valid_after_utc.isoformat(),
                                certificate.public_bytes(serialization.Encoding.DER),
                            ),
                        )
                except sqlite3.IntegrityError:
                    continue  # a 159-bit serial collided: draw another one
                return certificate

    def revoke(self, serial: int, *, at: datetime | None = None) -> None:
        """Revoke the certificate `serial` as of `at` (default: now).

        Revoking an already revoked certificate keeps the earlier of the two dates. Dates are
        truncated to whole seconds, as a CRL carries them.
        """
        when = _whole_seconds(_aware(at) if at else self._clock())
        self._load()
        with self._lock, self._database() as db:
            row = db.execute(
                "SELECT revoked_at FROM issued WHERE serial = ?", (_serial_key(serial),)
            ).fetchone()
            if row is None:
                raise UnknownCertificate(f"Sertifikat dengan nomor seri {serial:x} tidak dikenal.")
            if row[0] is not None and datetime.fromisoformat(row[0]) <= when:
                return
            db.execute(
                "UPDATE issued SET revoked_at = ? WHERE serial = ?",
                (when.isoformat(), _serial_key(serial)),
            )

    def crl(self) -> x509.CertificateRevocationList:
        """A fresh CRL signed by the intermediate, valid from now for one day."""
        authority = self._load()
        now = self._clock()
        issuer_ski = authority.intermediate.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value
        with self._lock, self._database() as db:
            rows = db.execute(
                "SELECT serial, revoked_at FROM issued WHERE revoked_at IS NOT NULL ORDER BY seq"
            ).fetchall()
            row = db.execute("SELECT value FROM meta WHERE key = 'crl_number'").fetchone()
            number = int(row[0]) + 1 if row else 1
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('crl_number', ?)", (str(number),)
            )
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(authority.intermediate.subject)
            .last_update(now)
            .next_update(now + timedelta(days=1))
            .add_extension(x509.CRLNumber(number), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski), False
            )
        )
        for serial_text, revoked_at in rows:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(int(serial_text, 16))
                .revocation_date(datetime.fromisoformat(revoked_at))
                .build()
            )
        return builder.sign(authority.intermediate_key, hashes.SHA256())

    def issued(self, user_id: str | None = None) -> list[IssuedRecord]:
        """Every certificate issued (to `user_id` only, if given), oldest first."""
        query = f"SELECT {_RECORD_COLUMNS} FROM issued"
        parameters: tuple[str, ...] = ()
        if user_id is not None:
            query += " WHERE user_id = ?"
            parameters = (user_id,)
        self._load()
        with self._database() as db:
            rows = db.execute(query + " ORDER BY seq", parameters).fetchall()
        return [_record(row) for row in rows]

    def record(self, serial: int) -> IssuedRecord:
        """The register entry of `serial`; UnknownCertificate if it was never issued."""
        self._load()
        with self._database() as db:
            row = db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM issued WHERE serial = ?", (_serial_key(serial),)
            ).fetchone()
        if row is None:
            raise UnknownCertificate(f"Sertifikat dengan nomor seri {serial:x} tidak dikenal.")
        return _record(row)

    def _clock(self) -> datetime:
        return _aware(self._now())

    def _load(self) -> _Authority:
        with self._lock:
            if self._authority is None:
                self._directory.mkdir(parents=True, exist_ok=True)
                if not (self._directory / _INTERMEDIATE_CERT).exists():
                    self._create_authority()
                self._authority = self._read_authority()
                create_wal_schema(self._directory / _DATABASE, _SCHEMA)
            return self._authority

    def _read_authority(self) -> _Authority:
        root = x509.load_pem_x509_certificate((self._directory / _ROOT_CERT).read_bytes())
        intermediate = x509.load_pem_x509_certificate(
            (self._directory / _INTERMEDIATE_CERT).read_bytes()
        )
        key = serialization.load_pem_private_key(
            (self._directory / _INTERMEDIATE_KEY).read_bytes(), password=None
        )
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"unexpected intermediate key type in {self._directory}")
        return _Authority(root=root, intermediate=intermediate, intermediate_key=key)

    def _create_authority(self) -> None:
        now = self._clock()
        start, end = now - timedelta(days=3652), now + timedelta(days=10957)
        root_key = ec.generate_private_key(ec.SECP256R1())
        root_name = _ca_name(ROOT_COMMON_NAME)
        root_ski = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
        root = (
            _ca_builder(root_name, root_name, root_key.public_key(), start, end, path_length=None)
            .add_extension(root_ski, False)
            .sign(root_key, hashes.SHA256())
        )
        intermediate_key = ec.generate_private_key(ec.SECP256R1())
        intermediate = (
            _ca_builder(
                _ca_name(INTERMEDIATE_COMMON_NAME),
                root_name,
                intermediate_key.public_key(),
                start,
                end,
                path_length=0,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(intermediate_key.public_key()), False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski), False
            )
            .sign(root_key, hashes.SHA256())
        )
        # The intermediate certificate is written last: its presence marks a complete CA.
        write_atomic(self._directory / _ROOT_KEY, _private_pem(root_key))
        write_atomic(
            self._directory / _ROOT_CERT,
            root.public_bytes(serialization.Encoding.PEM),
            mode=0o644,
        )
        write_atomic(self._directory / _INTERMEDIATE_KEY, _private_pem(intermediate_key))
        write_atomic(
            self._directory / _INTERMEDIATE_CERT,
            intermediate.public_bytes(serialization.Encoding.PEM),
            mode=0o644,
        )

    def _database(self) -> AbstractContextManager[sqlite3.Connection]:
        # A pooled connection per operation keeps the CA usable from any thread; the callers
        # that write hold the CA's own lock.
        return transaction(self._directory / _DATABASE, nullcontext(), immediate=False)


def _ca_name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, CA_ORGANIZATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    start: datetime,
    end: datetime,
    *,
    path_length: int | None,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        )
    )


def _private_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _record(row: tuple[str, str, str, str, str, str | None, bytes]) -> IssuedRecord:
    serial, user_id, subject, not_before, not_after, revoked_at, der = row
    return IssuedRecord(
        serial=int(serial, 16),
        user_id=user_id,
        subject=subject,
        not_before=datetime.fromisoformat(not_before),
        not_after=datetime.fromisoformat(not_after),
        revoked_at=datetime.fromisoformat(revoked_at) if revoked_at else None,
        certificate=x509.load_der_x509_certificate(der),
    )


def _serial_key(serial: int) -> str:
    # Serials are up to 159 bits, beyond SQLite's integers: store fixed-width hex.
    return f"{serial:040x}"


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    return moment.astimezone(UTC)


def _whole_seconds(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)
