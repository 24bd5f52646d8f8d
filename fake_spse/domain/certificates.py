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
    status: str  # "diterbitkan", "diperbarui" (import APD) or "gagal"
    serial: str | None
    problem: str | None


def current_certificate(
    certificates: list[UserCertificate], moment: datetime
) -> UserCertificate | None:
    """The newest certificate valid at ``moment``, if any."""
    valid = [c for c in certificates if c.valid_at(moment)]
    return max(valid, key=lambda c: c.recorded_at) if valid else None
