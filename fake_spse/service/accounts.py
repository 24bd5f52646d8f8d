"""Accounts: vendor registration and verification, staff, login (with arrival through ADP)."""

from __future__ import annotations

from dataclasses import replace

from fake_spse.adapters.adp import AdpDuplicate, AdpRecord, AdpUnavailable
from fake_spse.adapters.mail import MailUnavailable
from fake_spse.domain.accounts import (
    Account,
    AccountStatus,
    Role,
    VendorRegistration,
    ensure_login_kind,
    hash_password,
    password_matches,
    registration_problems,
    require_role,
    roaming_vendor,
)
from fake_spse.domain.email_links import (
    EmailLink,
    LinkPurpose,
    MailText,
    new_link,
    new_password_problems,
    normalized_email,
    registration_mail,
    reset_mail,
)
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.service.context import Context
from spse_shared.wib import format_wib


class AccountService:
    """Who may use this LPSE's SPSE, and how they get in."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    # registration by e-mail (SPSE 4: "Daftar" asks for an e-mail address first) ----------------
    def request_registration(self, email: str, link_prefix: str) -> EmailLink:
        """Mail a registration link to ``email`` (``link_prefix`` + token is the link).

        When the LPSE's mail server does not take the mail, nothing is kept: the stored link
        is removed again and SPSE says so.
        """
        address = normalized_email(email)
        link = new_link(LinkPurpose.REGISTRASI, address, self._ctx.clock.now())
        text = registration_mail(
            self._ctx.settings.lpse_name, link_prefix + link.token, format_wib(link.expires_at)
        )
        with self._ctx.unit() as db:
            if db.account_by_email(address) is not None:
                raise DomainError("registrasi.email_dipakai", email=address)
            db.add_email_link(link)
        self._send_or_forget(link, address, text)
        return link

    def registration_link(self, token: str) -> EmailLink:
        """The usable registration link ``token``; SPSE's message when it is not."""
        return self._usable_link(token, LinkPurpose.REGISTRASI)

    def register_with_link(self, token: str, form: VendorRegistration) -> Account:
        """The form behind a registration link: the account of the link's e-mail address.

        The link is used up with the account's creation (one transaction): a second use, also
        a racing one, is refused.
        """
        link = self.registration_link(token)
        return self.register_vendor(replace(form, email=link.email), link=link)

    def _usable_link(self, token: str, purpose: LinkPurpose) -> EmailLink:
        with self._ctx.unit() as db:
            link = db.email_link(token.strip()) if token.strip() else None
        if link is None:
            raise DomainError("tautan.tidak_valid")
        link.ensure_usable(purpose, self._ctx.clock.now())
        return link

    def _send_or_forget(self, link: EmailLink, to: str, text: MailText) -> None:
        # The mail goes out after the link's transaction has released the database: the LPSE's
        # mail server answers on the web server's event loop, and a page handler waiting there
        # for the database must not wait on a transaction that waits on the mail server.
        try:
            self._send(to, text)
        except DomainError:
            with self._ctx.unit() as db:
                db.delete_email_link(link.token)
            raise

    def _send(self, to: str, text: MailText) -> None:
        try:
            self._ctx.mail.send(to, text.subject, text.body, sent_at=self._ctx.clock.now())
        except MailUnavailable as exc:
            raise DomainError("email.tidak_terkirim") from exc

    # Lupa Password ------------------------------------------------------------------------------
    def request_password_reset(self, email: str, link_prefix: str) -> EmailLink:
        """Mail a new-password link to the account of ``email`` (a local account only: a
        roaming vendor's password belongs to its home LPSE)."""
        address = normalized_email(email)
        with self._ctx.unit() as db:
            account = db.account_by_email(address)
            if account is None:
                raise DomainError("lupa_password.email_tidak_terdaftar", email=address)
            if account.is_roaming:
                raise DomainError("lupa_password.lpse_asal", lpse=account.home_lpse)
            link = new_link(
                LinkPurpose.LUPA_PASSWORD,
                account.email,
                self._ctx.clock.now(),
                user_id=account.user_id,
            )
            text = reset_mail(
                self._ctx.settings.lpse_name,
                account.user_id,
                link_prefix + link.token,
                format_wib(link.expires_at),
            )
            db.add_email_link(link)
        self._send_or_forget(link, account.email, text)
        return link

    def reset_link(self, token: str) -> EmailLink:
        """The usable Lupa Password link ``token``; SPSE's message when it is not."""
        return self._usable_link(token, LinkPurpose.LUPA_PASSWORD)

    def reset_password(self, token: str, password: str, confirm: str) -> Account:
        """Set the new password of the link's account; the link is used up."""
        link = self.reset_link(token)
        problems = new_password_problems(password, confirm)
        if problems:
            raise FormProblems(problems)
        password_hash = hash_password(password, cost=self._ctx.settings.password_cost)
        with self._ctx.unit() as db:
            if not db.mark_email_link_used(link.token, self._ctx.clock.now()):
                raise DomainError("tautan.sudah_dipakai")
            db.set_password_hash(link.user_id, password_hash)
            account = db.account(link.user_id)
        if account is None:
            raise DomainError("tautan.tidak_valid")
        return account

    def register_vendor(
        self, form: VendorRegistration, *, link: EmailLink | None = None
    ) -> Account:
        """Online registration: the account exists but stays inactive until verified.

        Every problem of the form is reported at once. A registration racing another one for
        the same user id or email gets the same message as if it had come second. With
        ``link`` (the registration link the form came from) the link is used up with the
        account's creation.
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
            if link is not None and not db.mark_email_link_used(link.token, account.created_at):
                raise DomainError("tautan.sudah_dipakai")
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

    def authenticate(self, user_id: str, password: str, *, kind: str | None = None) -> Account:
        """The account behind a login, or the SPSE message why not.

        A user id this LPSE does not know may belong to a vendor of another LPSE: SPSE then
        asks ADP, and with matching credentials creates the local (roaming) account. ``kind``
        is the login page's choice (Penyedia / Non Penyedia), checked when given.
        """
        account = self.find(user_id.strip())
        if account is None:
            account = self._arrive_through_adp(user_id.strip(), password)
        elif not password_matches(password, account.password_hash):
            raise DomainError("login.gagal")
        else:
            account.ensure_can_login()
        if kind is not None:
            ensure_login_kind(account, kind)
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
