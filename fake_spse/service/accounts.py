"""Accounts: vendor registration and verification, staff, login (with arrival through ADP)."""

from __future__ import annotations

from fake_spse.adapters.adp import AdpDuplicate, AdpRecord, AdpUnavailable
from fake_spse.domain.accounts import (
    Account,
    AccountStatus,
    Role,
    VendorRegistration,
    hash_password,
    password_matches,
    registration_problems,
    require_role,
    roaming_vendor,
)
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.service.context import Context


class AccountService:
    """Who may use this LPSE's SPSE, and how they get in."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    def register_vendor(self, form: VendorRegistration) -> Account:
        """Online registration: the account exists but stays inactive until verified.

        Every problem of the form is reported at once. A registration racing another one for
        the same user id or email gets the same message as if it had come second.
        """
        problems = registration_problems(form)
        with self._ctx.unit() as db:
            if db.account(form.user_id) is not None:
                problems.append(DomainError("registrasi.user_id_dipakai", user_id=form.user_id))
            if db.account_by_email(form.email) is not None:
                problems.append(DomainError("registrasi.email_dipakai", email=form.email))
        if problems:
            raise FormProblems(problems)
        # Hashing is slow on purpose: it happens outside the transaction.
        password_hash = hash_password(form.password, cost=self._ctx.settings.password_cost)
        account = Account(
            user_id=form.user_id,
            role=Role.PENYEDIA,
            name=form.director.strip(),
            email=form.email.strip(),
            password_hash=password_hash,
            status=AccountStatus.MENUNGGU_VERIFIKASI,
            created_at=self._ctx.clock.now(),
            company=form.company.strip(),
            npwp=form.npwp.strip(),
            address=form.address.strip(),
            phone=form.phone.strip(),
            director=form.director.strip(),
        )
        with self._ctx.unit(conflicts=_taken(account)) as db:
            db.add_account(account)
        return account

    def add_staff(
        self, *, user_id: str, role: Role, name: str, email: str, password: str
    ) -> Account:
        """Create an active staff account (LPSE admin's job; seeded in the simulator)."""
        account = Account(
            user_id=user_id,
            role=role,
            name=name,
            email=email,
            password_hash=hash_password(password, cost=self._ctx.settings.password_cost),
            status=AccountStatus.AKTIF,
            created_at=self._ctx.clock.now(),
        )
        with self._ctx.unit(conflicts=_taken(account)) as db:
            db.add_account(account)
        return account

    def authenticate(self, user_id: str, password: str) -> Account:
        """The account behind a login, or the SPSE message why not.

        A user id this LPSE does not know may belong to a vendor of another LPSE: SPSE then
        asks ADP, and with matching credentials creates the local (roaming) account.
        """
        account = self.find(user_id.strip())
        if account is None:
            return self._arrive_through_adp(user_id.strip(), password)
        if not password_matches(password, account.password_hash):
            raise DomainError("login.gagal")
        account.ensure_can_login()
        return account

    def _arrive_through_adp(self, user_id: str, password: str) -> Account:
        """Log in a vendor verified at another LPSE: its identity and password come from ADP."""
        if not user_id:
            raise DomainError("login.gagal")
        try:
            record = self._ctx.adp.authenticate(user_id, password)
        except AdpUnavailable as exc:
            raise DomainError("login.adp_tidak_tersedia") from exc
        if record is None:
            raise DomainError("login.gagal")
        # One transaction: of two first logins at once, the second finds the first's account.
        with self._ctx.unit() as db:
            existing = db.account(record.user_id)
            if existing is None:
                if db.account_by_email(record.email) is not None:
                    raise DomainError("login.adp_email_dipakai", email=record.email)
                account = self._roaming(record)
                db.add_account(account)
                return account
        # The user id in another spelling: only the same roaming vendor, never a local account.
        if existing.home_lpse != record.home_lpse:
            raise DomainError("login.gagal")
        existing.ensure_can_login()
        return existing

    def _roaming(self, record: AdpRecord) -> Account:
        return roaming_vendor(
            user_id=record.user_id,
            email=record.email,
            company=record.company,
            npwp=record.npwp,
            address=record.address,
            director=record.director,
            phone=record.phone,
            password_hash=record.password_hash,
            home_lpse=record.home_lpse,
            activated_at=record.activated_at,
            arrived_at=self._ctx.clock.now(),
        )

    def account(self, user_id: str) -> Account:
        """The account ``user_id``; NotFound if there is none."""
        account = self.find(user_id)
        if account is None:
            raise NotFound("verifikasi.tidak_ditemukan", user_id=user_id)
        return account

    def find(self, user_id: str) -> Account | None:
        """The account ``user_id``, if there is one."""
        with self._ctx.unit() as db:
            return db.account(user_id)

    def accounts(self, role: Role | None = None) -> list[Account]:
        """Every account (of ``role``), oldest first."""
        with self._ctx.unit() as db:
            return db.accounts(role)

    def vendors(self) -> list[Account]:
        """Every vendor account, oldest first (the verifikator's list)."""
        return self.accounts(Role.PENYEDIA)

    def verify_vendor(self, verifier: Account, vendor_id: str) -> Account:
        """After the physical check of documents: activate the vendor and register it in ADP."""
        require_role(verifier, Role.VERIFIKATOR, Role.ADMIN)
        vendor = self.account(vendor_id)
        if vendor.role is not Role.PENYEDIA:
            raise NotFound("verifikasi.tidak_ditemukan", user_id=vendor_id)
        activated = vendor.verified(verifier.user_id, self._ctx.clock.now())
        try:
            self._ctx.adp.activate(
                user_id=vendor.user_id,
                email=vendor.email,
                npwp=vendor.npwp,
                company=vendor.company,
                address=vendor.address,
                home_lpse=self._ctx.settings.lpse_name,
                password_hash=vendor.password_hash,
                director=vendor.director,
                phone=vendor.phone,
            )
        except AdpUnavailable as exc:
            raise DomainError("adp.tidak_tersedia") from exc
        except AdpDuplicate as exc:
            raise DomainError(f"adp.duplikat_{exc.field}", value=exc.value) from exc
        with self._ctx.unit() as db:
            db.save_account(activated)
        return activated

    def adp_records(self) -> list[AdpRecord]:
        """ADP's records as LKPP sees them (for the control plane; also while ADP is down)."""
        return self._ctx.adp.records()


def _taken(account: Account) -> dict[str, Exception]:
    """What a racing registration of the same user id or email is told."""
    return {
        "accounts.user_id": DomainError("registrasi.user_id_dipakai", user_id=account.user_id),
        "accounts.email": DomainError("registrasi.email_dipakai", email=account.email),
    }
