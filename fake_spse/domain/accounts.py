"""Accounts, roles and the vendor's way from registration to an active account."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from fake_spse.domain.errors import DomainError

USER_ID_PATTERN = re.compile(r"^[a-z][a-z0-9]{3,19}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NPWP_PATTERN = re.compile(r"^\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}$")
MIN_PASSWORD = 8


class Role(StrEnum):
    PENYEDIA = "penyedia"
    VERIFIKATOR = "verifikator"
    POKJA = "pokja"
    ADMIN = "admin"
    HELPDESK = "helpdesk"


class AccountStatus(StrEnum):
    MENUNGGU_VERIFIKASI = "menunggu_verifikasi"
    AKTIF = "aktif"
    DITOLAK = "ditolak"


@dataclass(frozen=True)
class Account:
    """A user of one LPSE: a vendor (with company data) or a staff member."""

    user_id: str
    role: Role
    name: str
    email: str
    password_hash: str
    status: AccountStatus
    created_at: datetime
    company: str = ""
    npwp: str = ""
    address: str = ""
    phone: str = ""
    director: str = ""
    verified_at: datetime | None = None
    verified_by: str | None = None

    @property
    def display_name(self) -> str:
        return self.company or self.name

    def ensure_can_login(self) -> None:
        """Raise the SPSE message for an account that exists but may not log in yet."""
        if self.status is AccountStatus.MENUNGGU_VERIFIKASI:
            raise DomainError("login.belum_diverifikasi")
        if self.status is AccountStatus.DITOLAK:
            raise DomainError("login.ditolak")

    def verified(self, by: str, at: datetime) -> Account:
        """This vendor after the verifikator checked the original documents."""
        if self.status is AccountStatus.AKTIF:
            raise DomainError("verifikasi.sudah_aktif", company=self.display_name)
        return replace(self, status=AccountStatus.AKTIF, verified_at=at, verified_by=by)


@dataclass(frozen=True)
class VendorRegistration:
    """What a vendor types into the online registration form."""

    user_id: str
    password: str
    password_confirm: str
    company: str
    npwp: str
    email: str
    address: str
    phone: str
    director: str


def registration_problems(form: VendorRegistration) -> list[DomainError]:
    """Every problem of the form at once, so the page can show them all together."""
    problems: list[DomainError] = []
    required = {
        "Nama perusahaan": form.company,
        "Alamat": form.address,
        "Nama direktur": form.director,
        "Telepon": form.phone,
    }
    for label, value in required.items():
        if not value.strip():
            problems.append(DomainError("registrasi.wajib_diisi", field=label))
    if not USER_ID_PATTERN.fullmatch(form.user_id):
        problems.append(DomainError("registrasi.user_id_tidak_valid"))
    if not EMAIL_PATTERN.fullmatch(form.email):
        problems.append(DomainError("registrasi.email_tidak_valid"))
    if not NPWP_PATTERN.fullmatch(form.npwp.strip()):
        problems.append(DomainError("registrasi.npwp_tidak_valid"))
    if len(form.password) < MIN_PASSWORD:
        problems.append(DomainError("registrasi.password_pendek"))
    elif form.password != form.password_confirm:
        problems.append(DomainError("registrasi.password_tidak_sama"))
    return problems


def hash_password(password: str) -> str:
    """A salted scrypt hash in one string."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """True when ``password`` produces ``stored``."""
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)
    return hmac.compare_digest(digest.hex(), digest_hex)
