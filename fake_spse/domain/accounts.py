"""Accounts, roles and the vendor's way from registration to an active account."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from fake_spse.domain.errors import DomainError, Forbidden

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
    # LKPP's helpdesk: sees and handles LPSE Support tickets escalated to LKPP.
    LKPP = "lkpp"


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
    # The LPSE a roaming vendor was registered and verified at (through ADP); "" = this LPSE.
    home_lpse: str = ""

    @property
    def display_name(self) -> str:
        return self.company or self.name

    @property
    def is_roaming(self) -> bool:
        """True for a vendor whose account came from another LPSE through ADP."""
        return bool(self.home_lpse)

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


def roaming_vendor(
    *,
    user_id: str,
    email: str,
    company: str,
    npwp: str,
    address: str,
    director: str,
    phone: str,
    password_hash: str,
    home_lpse: str,
    activated_at: datetime,
    arrived_at: datetime,
) -> Account:
    """The local account of a vendor logging in from its home LPSE through ADP.

    Only identity data and the password hash roam; the account is active at once, because the
    vendor was verified at its home LPSE (when ADP was activated), and it keeps that LPSE's name.
    """
    if not home_lpse.strip():
        raise ValueError("a roaming vendor needs its home LPSE")
    if not password_hash:
        raise ValueError("a roaming vendor needs the password hash from ADP")
    return Account(
        user_id=user_id,
        role=Role.PENYEDIA,
        name=director or company,
        email=email,
        password_hash=password_hash,
        status=AccountStatus.AKTIF,
        created_at=arrived_at,
        company=company,
        npwp=npwp,
        address=address,
        phone=phone,
        director=director,
        verified_at=activated_at,
        verified_by=None,
        home_lpse=home_lpse.strip(),
    )


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


# scrypt's cost (N) for real use; simulated accounts of test runs may use less
# (Settings.password_cost), and the cost travels inside the stored hash.
PASSWORD_COST = 2**14


def hash_password(password: str, *, cost: int | None = None) -> str:
    """A salted scrypt hash in one string: ``scrypt$salt$digest`` at the full cost (the
    default, None), ``scrypt:N$salt$digest`` at another cost ``N`` (a power of two)."""
    cost = PASSWORD_COST if cost is None else cost
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=cost, r=8, p=1)
    scheme = "scrypt" if cost == PASSWORD_COST else f"scrypt:{cost}"
    return f"{scheme}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """True when ``password`` produces ``stored``."""
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    name, _, cost_text = scheme.partition(":")
    if name != "scrypt" or (cost_text and not cost_text.isdigit()):
        return False
    cost = int(cost_text) if cost_text else PASSWORD_COST
    if cost < 2 or cost & (cost - 1) or cost > PASSWORD_COST:
        return False
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=cost, r=8, p=1)
    return hmac.compare_digest(digest.hex(), digest_hex)


class LoginKind(StrEnum):
    """The login page's choice: vendors log in as Penyedia, LPSE and agency staff as Non
    Penyedia."""

    PENYEDIA = "penyedia"
    NON_PENYEDIA = "non_penyedia"


def ensure_login_kind(account: Account, kind: str) -> None:
    """Raise SPSE's message when the account does not log in under the chosen ``kind``."""
    try:
        chosen = LoginKind(kind)
    except ValueError as exc:
        raise DomainError("login.jenis_tidak_dikenal") from exc
    is_vendor = account.role is Role.PENYEDIA
    if chosen is LoginKind.PENYEDIA and not is_vendor:
        raise DomainError("login.bukan_penyedia")
    if chosen is LoginKind.NON_PENYEDIA and is_vendor:
        raise DomainError("login.bukan_non_penyedia")


def require_role(account: Account, *roles: Role) -> None:
    """Forbidden unless ``account`` has one of ``roles``."""
    if account.role not in roles:
        raise Forbidden("akses.ditolak")
