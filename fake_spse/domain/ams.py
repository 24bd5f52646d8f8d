"""Rules of the certificate requests SPSE forwards to BSrE: AMS registration and the upgrade of
an old SpamKodok certificate ("import APD"). Plain values in, message keys out; no HTTP, no CA.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cryptography import x509

from fake_spse.domain.errors import DomainError

# What SPSE writes in its AMS register for each outcome.
STATUS_ISSUED = "diterbitkan"
STATUS_UPGRADED = "diperbarui"


def letter_problems(
    name: str, data: bytes, *, types: Sequence[str], max_bytes: int
) -> list[DomainError]:
    """The recommendation letter (copy of TDP/SIUP/SIUJK and the stamped statement): present,
    of an accepted kind (by extension), not empty, not too big. At most one problem."""
    if not name:
        return [DomainError("ams.surat_wajib")]
    if Path(name).suffix.lower() not in types:
        return [DomainError("ams.surat_jenis", types=", ".join(types))]
    if not data:
        return [DomainError("ams.surat_kosong")]
    if len(data) > max_bytes:
        return [DomainError("ams.surat_besar", max_mb=max_bytes // 2**20)]
    return []


def upgrade_problem(
    old: x509.Certificate,
    *,
    owner: str | None,
    revoked_at: datetime | None,
    user_id: str,
    now: datetime,
) -> DomainError | None:
    """Why the old certificate from an APD cannot be upgraded for ``user_id`` at ``now``.

    ``owner`` is the user BSrE's register issued exactly this certificate to (None when BSrE
    never issued it); ``revoked_at`` is when BSrE revoked it, if it did.
    """
    if owner is None or owner != user_id:
        return DomainError("apd.bukan_milik_anda", user_id=user_id)
    if not old.not_valid_before_utc <= now <= old.not_valid_after_utc:
        return DomainError("apd.sertifikat_lama_tidak_berlaku")
    if revoked_at is not None and revoked_at <= now:
        return DomainError("apd.sertifikat_lama_tidak_berlaku")
    return None
