"""What SPSE records of users' electronic certificates and AMS registrations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class UserCertificate:
    """A certificate BSrE issued to a user, as SPSE keeps it (public part only)."""

    serial: str
    user_id: str
    subject: str
    pem: str
    not_before: datetime
    not_after: datetime
    recorded_at: datetime

    def valid_at(self, moment: datetime) -> bool:
        return self.not_before <= moment < self.not_after


@dataclass(frozen=True)
class AmsRequest:
    """One AMS registration: the recommendation letter and what came of it."""

    request_id: int
    user_id: str
    letter_name: str
    letter_blob: str
    letter_size: int
    submitted_at: datetime
    status: str  # "diterbitkan"/"diperbarui" (no review), or a state of domain/ams_review.py
    serial: str | None
    problem: str | None
    # The LPSE's review (domain/ams_review.py); empty for requests issued without one.
    kind: str = "baru"  # "baru" (AMS registration) or "upgrade" (import APD)
    statement_name: str = ""  # the director's stamped statement (second upload)
    statement_blob: str = ""
    statement_size: int = 0
    csr_pem: str = ""  # SpamKodok's request, kept until BSrE issues
    old_certificate_pem: str = ""  # an upgrade's old certificate, revoked when the new is issued
    in_person: bool = False  # approval needs the recorded visit with the originals
    attendee: str = ""
    attendee_position: str = ""
    originals: tuple[str, ...] = ()
    attended_at: datetime | None = None
    attended_by: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str = ""  # why the verifikator rejected it (the vendor reads it)
    embedded_at: datetime | None = None


def current_certificate(
    certificates: list[UserCertificate], moment: datetime
) -> UserCertificate | None:
    """The newest certificate valid at ``moment``, if any."""
    valid = [c for c in certificates if c.valid_at(moment)]
    return max(valid, key=lambda c: c.recorded_at) if valid else None
