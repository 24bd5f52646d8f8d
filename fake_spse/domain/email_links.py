"""Links SPSE sends by e-mail: registration confirmation and Lupa Password.

SPSE 4 starts a vendor's registration with an e-mail address only: SPSE mails a link, and the
registration form opens behind that link, for that address. Lupa Password works the same way:
a link by mail, then the new-password form. A link is good for one use and for a limited time
(on the simulated clock); an expired or used link is refused with SPSE's message.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from fake_spse.domain.accounts import EMAIL_PATTERN, MIN_PASSWORD
from fake_spse.domain.errors import DomainError

# How long a mailed link stays usable ("link ini berlaku 1x24 jam").
LINK_VALIDITY = timedelta(hours=24)
TOKEN_BYTES = 24


class LinkPurpose(StrEnum):
    REGISTRASI = "registrasi"
    LUPA_PASSWORD = "lupa_password"


@dataclass(frozen=True)
class EmailLink:
    """One mailed link: its secret token, for which address and purpose, and its life."""

    token: str
    purpose: LinkPurpose
    email: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    # Lupa Password: the account whose password the link resets.
    user_id: str = ""

    def ensure_usable(self, purpose: LinkPurpose, now: datetime) -> None:
        """Raise SPSE's message for a link of another purpose, used, or expired at ``now``."""
        if self.purpose is not purpose:
            raise DomainError("tautan.tidak_valid")
        if self.used_at is not None:
            raise DomainError("tautan.sudah_dipakai")
        if now >= self.expires_at:
            raise DomainError("tautan.kedaluwarsa", expired=self.expires_at)

    def used(self, at: datetime) -> EmailLink:
        """This link after its one use."""
        return replace(self, used_at=at)


def normalized_email(address: str) -> str:
    """The address as SPSE keeps it; DomainError when it is not an e-mail address."""
    cleaned = address.strip()
    if not EMAIL_PATTERN.fullmatch(cleaned):
        raise DomainError("registrasi.email_tidak_valid")
    return cleaned


def new_link(
    purpose: LinkPurpose,
    email: str,
    now: datetime,
    *,
    user_id: str = "",
    token: str | None = None,
) -> EmailLink:
    """A fresh link for ``email`` (checked), valid for ``LINK_VALIDITY`` from ``now``."""
    return EmailLink(
        token=token or secrets.token_urlsafe(TOKEN_BYTES),
        purpose=purpose,
        email=normalized_email(email),
        created_at=now,
        expires_at=now + LINK_VALIDITY,
        user_id=user_id,
    )


def new_password_problems(password: str, confirm: str) -> list[DomainError]:
    """The rules of a new password (the same as at registration)."""
    if len(password) < MIN_PASSWORD:
        return [DomainError("registrasi.password_pendek")]
    if password != confirm:
        return [DomainError("registrasi.password_tidak_sama")]
    return []


@dataclass(frozen=True)
class MailText:
    """Subject and plain text of a mail SPSE sends."""

    subject: str
    body: str


def registration_mail(lpse_name: str, link_url: str, expires: str) -> MailText:
    """The confirmation mail of an e-mail address registered at ``lpse_name``."""
    return MailText(
        subject=f"[{lpse_name}] Konfirmasi Pendaftaran Penyedia",
        body=(
            "Yth. Calon Penyedia,\n\n"
            f"Alamat email ini telah didaftarkan sebagai akun penyedia di {lpse_name}.\n"
            "Untuk melanjutkan pendaftaran, buka tautan berikut dan lengkapi formulir "
            "pendaftaran:\n\n"
            f"{link_url}\n\n"
            f"Tautan ini hanya dapat digunakan satu kali dan berlaku sampai {expires}.\n"
            "Jika Anda tidak merasa mendaftar, abaikan email ini.\n\n"
            f"Salam,\n{lpse_name}\n"
        ),
    )


def reset_mail(lpse_name: str, user_id: str, link_url: str, expires: str) -> MailText:
    """The Lupa Password mail of account ``user_id``."""
    return MailText(
        subject=f"[{lpse_name}] Permintaan Reset Password",
        body=(
            f"Yth. Pengguna {user_id},\n\n"
            f"Kami menerima permintaan reset password akun Anda di {lpse_name}.\n"
            "Untuk membuat password baru, buka tautan berikut:\n\n"
            f"{link_url}\n\n"
            f"Tautan ini hanya dapat digunakan satu kali dan berlaku sampai {expires}.\n"
            "Jika Anda tidak meminta reset password, abaikan email ini; password Anda tidak "
            "berubah.\n\n"
            f"Salam,\n{lpse_name}\n"
        ),
    )
