"""SpamKodok 2's check of its own certificate before it seals an offer.

The seed's prerequisite is a certificate "yang masih berlaku" embedded in SpamKodok 2. The desk's
clock may be anything; what counts is SPSE's time, which the upload page carries (its
``data-waktu-server``) into the ``segel`` call. Revocation comes from BSrE's CRL, fetched at
sealing; only a CRL signed by the certificate's own issuer counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from cryptography import x509

from simulator.desk.spamkodok.filecheck import Problem
from simulator.desk.spamkodok.revocation import revocation_date
from spse_shared.wib import format_wib

# SPSE's date style, under the name this module has always offered.
wib = format_wib


def server_time(value: object, *, fallback: Callable[[], datetime]) -> datetime:
    """SPSE's time as the page gave it (ISO 8601 with offset); ``fallback()`` when the page gave
    none or an unreadable one (an older page: the desk's own clock is all there is)."""
    if isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return fallback()
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            return moment
    return fallback()


def check_own_certificate(
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
) -> Problem | None:
    """Why ``certificate`` may not seal at ``at`` (SPSE's time), or None when it may.

    In order: not yet valid, expired, revoked at or before ``at`` by a CRL its issuer (found in
    ``chain``) signed.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be timezone-aware")
    if at < certificate.not_valid_before_utc:
        return Problem(
            "kodok.sertifikat_belum_berlaku",
            {"mulai": wib(certificate.not_valid_before_utc), "waktu": wib(at)},
        )
    if at > certificate.not_valid_after_utc:
        return Problem(
            "kodok.sertifikat_kedaluwarsa",
            {"sampai": wib(certificate.not_valid_after_utc), "waktu": wib(at)},
        )
    revoked_at = revocation_date(certificate, chain, crls, at)
    if revoked_at is not None:
        return Problem("kodok.sertifikat_dicabut", {"tanggal": wib(revoked_at)})
    return None
