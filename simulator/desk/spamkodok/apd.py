"""APD files: the certificate export of the old SpamKodok, imported to upgrade an active old
certificate ("lakukan import APD (sertifikat spamkodok lama)").

Nothing public describes the real format, so an APD is modelled as a passphrase-protected PKCS#12
file holding the old RSA key, the old certificate and its issuing chain. Reading runs its checks
in a fixed order and stops at the first failure, each with its own exception type and stable
code: structure (`apd_rusak`), passphrase (`apd_passphrase_salah`), contents (`apd_rusak`), chain
to the trusted roots (`apd_asing`), validity (`apd_kedaluwarsa`), revocation (`apd_dicabut`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import verification

from simulator.desk.spamkodok import _pkcs12
from simulator.desk.spamkodok.revocation import revocation_date
from spse_shared.atomic import write_atomic
from spse_shared.names import subject_text

_FRIENDLY_NAME = b"spamkodok-apd"


class ApdError(Exception):
    """Base of every failure to read an APD; `code` is the stable machine key."""

    code: ClassVar[str] = "apd_galat"


class ApdCorrupt(ApdError):
    """Not a PKCS#12 file, or one without a matching RSA key and certificate."""

    code = "apd_rusak"


class ApdWrongPassphrase(ApdError):
    """The passphrase does not open this (structurally sound) APD."""

    code = "apd_passphrase_salah"


class ApdForeign(ApdError):
    """The certificate does not chain to the trusted roots: another CA issued it."""

    code = "apd_asing"


class ApdExpired(ApdError):
    """The certificate is not valid at the given time (expired or not yet valid)."""

    code = "apd_kedaluwarsa"


class ApdRevoked(ApdError):
    """The certificate's issuer lists it as revoked at or before the given time."""

    code = "apd_dicabut"


@dataclass(frozen=True)
class ApdContents:
    """A verified APD. `chain` runs from the certificate's issuer to the trusted root, the
    certificate itself excluded (what Keystore.embed takes)."""

    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    subject: str


def read_apd(
    data: bytes,
    passphrase: str,
    *,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
) -> ApdContents:
    """Open and check an APD as of `at` (the simulated now); raises an ApdError subclass.

    Only CRLs signed by the certificate's verified issuer count.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be timezone-aware")
    try:
        key, certificate, extra = _pkcs12.load(data, passphrase)
    except _pkcs12.MalformedPfx as error:
        raise ApdCorrupt("Berkas APD rusak atau bukan ekspor sertifikat SpamKodok lama.") from error
    except _pkcs12.PassphraseRejected as error:
        raise ApdWrongPassphrase("Passphrase berkas APD salah.") from error
    if not isinstance(key, rsa.RSAPrivateKey) or certificate is None:
        raise ApdCorrupt("Berkas APD tidak berisi kunci privat RSA beserta sertifikatnya.")
    if certificate.public_key() != key.public_key():
        raise ApdCorrupt("Sertifikat di dalam berkas APD bukan milik kunci privatnya.")

    chain = _verify_chain(certificate, extra, trust_roots, at)
    if at < certificate.not_valid_before_utc:
        raise ApdExpired("Sertifikat di dalam berkas APD belum berlaku.")
    if at > certificate.not_valid_after_utc:
        raise ApdExpired("Sertifikat di dalam berkas APD sudah kedaluwarsa.")
    _check_revocation(certificate, chain[1], crls, at)
    return ApdContents(
        private_key=key,
        certificate=certificate,
        chain=tuple(chain[1:]),
        subject=subject_text(certificate.subject),
    )


def write_apd(
    path: Path,
    passphrase: str,
    *,
    private_key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
) -> None:
    """Export key, certificate and issuing chain as the old SpamKodok did: one PKCS#12 file
    protected by `passphrase`, written atomically with mode 0600."""
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    if certificate.public_key() != private_key.public_key():
        raise ValueError("certificate does not belong to private_key")
    data = _pkcs12.dump(_FRIENDLY_NAME, private_key, certificate, chain, passphrase)
    write_atomic(Path(path), data)


def _verify_chain(
    certificate: x509.Certificate,
    extra: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    at: datetime,
) -> list[x509.Certificate]:
    # Verified at `at` moved into the certificate's own validity, so an expired certificate of
    # our CA is reported as expired, not as foreign. The leaf needs no particular key usage: the
    # question here is only who issued it.
    moment = min(max(at, certificate.not_valid_before_utc), certificate.not_valid_after_utc)
    try:
        verifier = (
            verification.PolicyBuilder()
            .store(verification.Store(list(trust_roots)))
            .time(moment)
            .extension_policies(
                ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
                ee_policy=verification.ExtensionPolicy.permit_all(),
            )
            .build_client_verifier()
        )
        return verifier.verify(certificate, list(extra)).chain
    except (verification.VerificationError, ValueError) as error:
        raise ApdForeign(
            "Sertifikat di dalam berkas APD tidak diterbitkan oleh otoritas sertifikat yang "
            "dipercaya."
        ) from error


def _check_revocation(
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
) -> None:
    if revocation_date(certificate, [issuer], crls, at) is not None:
        raise ApdRevoked("Sertifikat di dalam berkas APD sudah dicabut.")
