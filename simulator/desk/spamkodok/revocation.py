"""Is a certificate revoked at a moment, by CRLs its own issuer signed?"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, rsa


def revocation_date(
    certificate: x509.Certificate,
    candidates: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
) -> datetime | None:
    """When ``certificate`` was revoked, if that was at or before ``at``; else None.

    Only CRLs signed by the certificate's actual issuer (found among ``candidates``) count, so a
    forged CRL is ignored; a revocation after ``at`` does not count either.
    """
    issuer_keys = [
        key
        for candidate in candidates
        if candidate.subject == certificate.issuer
        and issued_by(certificate, candidate)
        and isinstance(key := candidate.public_key(), rsa.RSAPublicKey | ec.EllipticCurvePublicKey)
    ]
    for crl in crls:
        if crl.issuer != certificate.issuer or not any(
            crl.is_signature_valid(key) for key in issuer_keys
        ):
            continue
        revoked = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
        if revoked is not None and revoked.revocation_date_utc <= at:
            return revoked.revocation_date_utc
    return None


def issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s key signed ``certificate``."""
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True
