"""Certificates: AMS registration, the APD upgrade, BSrE's chain, CRL and revocations."""

from __future__ import annotations

from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fake_spse.adapters.ca import InvalidCertificateRequest, IssuedRecord, UnknownCertificate
from fake_spse.domain.accounts import Account
from fake_spse.domain.ams import STATUS_ISSUED, STATUS_UPGRADED, letter_problems, upgrade_problem
from fake_spse.domain.certificates import AmsRequest, UserCertificate, current_certificate
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.service.context import Context
from spse_shared.names import subject_text


class CertificateService:
    """The users' certificates as SPSE records them, issued and revoked by BSrE."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    def certificate_of(self, user_id: str) -> UserCertificate | None:
        """The user's certificate valid now and not revoked, if any."""
        now = self._ctx.clock.now()
        usable = [c for c in self.certificates(user_id) if not self._revoked(c.serial, now)]
        return current_certificate(usable, now)

    def _revoked(self, serial: str, now: datetime) -> bool:
        revoked_at = self._ctx.ca.record(int(serial)).revoked_at
        return revoked_at is not None and revoked_at <= now

    def certificates(self, user_id: str) -> list[UserCertificate]:
        """Every certificate SPSE recorded for ``user_id``, oldest first."""
        with self._ctx.unit() as db:
            return db.certificates(user_id)

    def ams_requests(self, user_id: str) -> list[AmsRequest]:
        """The user's AMS register (registrations and upgrades), oldest first."""
        with self._ctx.unit() as db:
            return db.ams_requests(user_id)

    def register_ams(
        self, user: Account, *, letter_name: str, letter: bytes, csr_pem: str
    ) -> UserCertificate:
        """AMS registration: check the recommendation letter, ask BSrE for the certificate."""
        problems = self._letter_problems(letter_name, letter)
        try:
            csr = x509.load_pem_x509_csr(csr_pem.encode())
        except ValueError:
            problems.append(DomainError("ams.csr_tidak_valid"))
        if problems:
            raise FormProblems(problems)
        if self._ctx.faults.check("ca.down", actor=user.user_id, detail="AMS registration"):
            raise DomainError("ams.ca_tidak_tersedia")
        try:
            issued = self._ctx.ca.issue(
                csr, user_id=user.user_id, validity=self._certificate_validity(user.user_id)
            )
        except InvalidCertificateRequest as exc:
            raise DomainError("ams.csr_tidak_valid") from exc
        return self._record_issued(user, issued, letter_name, letter, STATUS_ISSUED)

    def upgrade_certificate(
        self,
        user: Account,
        *,
        old_certificate_pem: str,
        csr_pem: str,
        letter_name: str,
        letter: bytes,
    ) -> tuple[UserCertificate, str]:
        """Import APD: BSrE issues a certificate for SpamKodok 2's new key in place of the user's
        old SpamKodok certificate, then revokes the old one (superseded). Returns the new
        certificate and the old serial."""
        problems = self._letter_problems(letter_name, letter)
        csr: x509.CertificateSigningRequest | None = None
        old: x509.Certificate | None = None
        try:
            csr = x509.load_pem_x509_csr(csr_pem.encode())
        except ValueError:
            problems.append(DomainError("ams.csr_tidak_valid"))
        try:
            old = x509.load_pem_x509_certificate(old_certificate_pem.encode())
        except ValueError:
            problems.append(DomainError("apd.sertifikat_lama_tidak_valid"))
        if problems or csr is None or old is None:
            raise FormProblems(problems)
        if self._ctx.faults.check("ca.down", actor=user.user_id, detail="certificate upgrade"):
            raise DomainError("ams.ca_tidak_tersedia")
        now = self._ctx.clock.now()
        try:
            registered: IssuedRecord | None = self._ctx.ca.record(old.serial_number)
        except UnknownCertificate:
            registered = None
        if registered is not None and registered.certificate != old:
            registered = None  # a certificate BSrE never issued, with a serial BSrE used
        problem = upgrade_problem(
            old,
            owner=registered.user_id if registered else None,
            revoked_at=registered.revoked_at if registered else None,
            user_id=user.user_id,
            now=now,
        )
        if problem is not None:
            raise problem
        if csr.public_key() == old.public_key():
            raise DomainError("ams.csr_tidak_valid")  # an upgrade always brings a new key
        try:
            issued = self._ctx.ca.issue(
                csr, user_id=user.user_id, validity=self._certificate_validity(user.user_id)
            )
        except InvalidCertificateRequest as exc:
            raise DomainError("ams.csr_tidak_valid") from exc
        self._ctx.ca.revoke(old.serial_number, at=now)
        record = self._record_issued(user, issued, letter_name, letter, STATUS_UPGRADED)
        return record, str(old.serial_number)

    def issue_old_certificate(
        self,
        user_id: str,
        csr: x509.CertificateSigningRequest,
        *,
        not_before: datetime,
        validity: timedelta,
    ) -> x509.Certificate:
        """A back-dated certificate from BSrE, recorded by SPSE as it was back then (the old
        SpamKodok certificate the control plane seeds; no AMS request, no letter)."""
        issued = self._ctx.ca.issue(csr, user_id=user_id, not_before=not_before, validity=validity)
        with self._ctx.unit() as db:
            db.add_certificate(
                _user_certificate(issued, user_id, recorded_at=issued.not_valid_before_utc)
            )
        return issued

    def _letter_problems(self, letter_name: str, letter: bytes) -> list[DomainError]:
        return letter_problems(
            letter_name,
            letter,
            types=self._ctx.profile.ams_letter_types,
            max_bytes=self._ctx.profile.ams_letter_max_bytes,
        )

    def _certificate_validity(self, user_id: str) -> timedelta:
        """The profile's validity, unless the ``ca.validity`` fault shortens this issuance."""
        shortened = self._ctx.faults.check(
            "ca.validity", actor=user_id, detail="certificate issuance"
        )
        if shortened is not None:
            days = str(shortened.params.get("validity_days", 1))
            return timedelta(days=max(1, int(days) if days.isdigit() else 1))
        return timedelta(days=self._ctx.profile.certificate_validity_days)

    def _record_issued(
        self,
        user: Account,
        issued: x509.Certificate,
        letter_name: str,
        letter: bytes,
        status: str,
    ) -> UserCertificate:
        """The certificate and its AMS request, in one transaction (the letter is stored
        first: a blob nobody points at is harmless, a request without its letter is not)."""
        now = self._ctx.clock.now()
        stored = self._ctx.blobs.write_bytes(letter)
        record = _user_certificate(issued, user.user_id, recorded_at=now)
        with self._ctx.unit() as db:
            db.add_certificate(record)
            db.add_ams_request(
                AmsRequest(
                    request_id=0,
                    user_id=user.user_id,
                    letter_name=letter_name,
                    letter_blob=stored.key,
                    letter_size=stored.size,
                    submitted_at=now,
                    status=status,
                    serial=record.serial,
                    problem=None,
                )
            )
        return record

    def revoke(self, serial: str | int, *, at: datetime | None = None) -> None:
        """BSrE revokes certificate ``serial`` (now, or at ``at``); NotFound for a serial BSrE
        never issued."""
        try:
            self._ctx.ca.revoke(int(serial), at=at)
        except UnknownCertificate as exc:
            raise NotFound("error.tidak_ditemukan") from exc

    def issued(self, user_id: str) -> list[IssuedRecord]:
        """BSrE's register of the certificates it issued to ``user_id``."""
        return self._ctx.ca.issued(user_id)

    def chain(self) -> list[x509.Certificate]:
        """BSrE's issuing chain of user certificates: [intermediate, root]."""
        return self._ctx.ca.chain()

    def crl(self) -> x509.CertificateRevocationList:
        """BSrE's current certificate revocation list."""
        return self._ctx.ca.crl()

    def ca_chain_pem(self) -> str:
        """The issuing chain as PEM text (what SpamKodok embeds with a new certificate)."""
        return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in self.chain())

    def ca_crl_pem(self) -> str:
        """The CRL as PEM text."""
        return self.crl().public_bytes(serialization.Encoding.PEM).decode()


def _user_certificate(
    issued: x509.Certificate, user_id: str, *, recorded_at: datetime
) -> UserCertificate:
    return UserCertificate(
        serial=str(issued.serial_number),
        user_id=user_id,
        subject=subject_text(issued.subject),
        pem=issued.public_bytes(serialization.Encoding.PEM).decode(),
        not_before=issued.not_valid_before_utc,
        not_after=issued.not_valid_after_utc,
        recorded_at=recorded_at,
    )
