"""Certificates: AMS registration, the APD upgrade, BSrE's chain, CRL and revocations."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fake_spse.adapters.ca import InvalidCertificateRequest, IssuedRecord, UnknownCertificate
from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Account
from fake_spse.domain.ams import STATUS_ISSUED, STATUS_UPGRADED, letter_problems, upgrade_problem
from fake_spse.domain.certificates import AmsRequest, UserCertificate, current_certificate
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.service.context import Context
from spse_shared.names import subject_text
from spse_shared.pdf import pdf_bytes
from spse_shared.wib import format_wib


@dataclass(frozen=True)
class Document:
    """One uploaded recommendation document: its file name and bytes ("" and b"" when none)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Visit:
    """The vendor's visit to the LPSE as the verifikator records it."""

    attendee: str
    position: str
    originals: tuple[str, ...]


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

    # the LPSE's review (domain/ams_review.py) ------------------------------------------------
    def request_certificate(
        self, user: Account, *, permit: Document, statement: Document, csr_pem: str
    ) -> AmsRequest:
        """AMS registration from SpamKodok 2 with the two recommendation documents (a copy of
        TDP/SIUP/SIUJK, the director's stamped statement). A vendor's request waits for the
        LPSE's verifikator; a Non Penyedia's is issued at once (its status "diterbitkan")."""
        if not ams_review.needs_review(user):
            # The recommendation documents are the vendor's: a Non Penyedia sends one letter.
            self.register_ams(user, letter_name=permit.name, letter=permit.data, csr_pem=csr_pem)
            return self.ams_requests(user.user_id)[-1]
        problems = self._documents_problems(permit, statement)
        csr = self._csr(csr_pem, problems)
        if problems or csr is None:
            raise FormProblems(problems)
        return self._store_request(
            user,
            permit,
            statement,
            csr_pem=csr_pem,
            kind=ams_review.KIND_NEW,
            in_person=self._ctx.profile.ams_in_person == "wajib",
        )

    def upgrade_needs_review(self, user: Account, chosen: bool) -> bool:
        """Whether ``user``'s import APD waits for the verifikator (the profile's
        ``upgrade_in_person`` and the vendor's choice on the page)."""
        return ams_review.needs_review(user) and ams_review.upgrade_goes_to_review(
            self._ctx.profile.upgrade_in_person, chosen
        )

    def request_upgrade(
        self,
        user: Account,
        *,
        old_certificate_pem: str,
        csr_pem: str,
        permit: Document,
        statement: Document,
    ) -> AmsRequest:
        """Import APD with the in-person step: the old certificate is checked now (and again at
        approval), the request waits for the verifikator; nothing is issued or revoked yet."""
        problems = self._documents_problems(permit, statement)
        csr = self._csr(csr_pem, problems)
        old = self._old_certificate(old_certificate_pem, problems)
        if problems or csr is None or old is None:
            raise FormProblems(problems)
        self._check_upgrade(user, old, csr)
        return self._store_request(
            user,
            permit,
            statement,
            csr_pem=csr_pem,
            kind=ams_review.KIND_UPGRADE,
            in_person=True,
            old_certificate_pem=old_certificate_pem,
        )

    def _store_request(
        self,
        user: Account,
        permit: Document,
        statement: Document,
        *,
        csr_pem: str,
        kind: str,
        in_person: bool,
        old_certificate_pem: str = "",
    ) -> AmsRequest:
        # The documents first: a blob nobody points at is harmless, a request without them
        # is not.
        stored_permit = self._ctx.blobs.write_bytes(permit.data)
        stored_statement = self._ctx.blobs.write_bytes(statement.data)
        request = AmsRequest(
            request_id=0,
            user_id=user.user_id,
            letter_name=permit.name,
            letter_blob=stored_permit.key,
            letter_size=stored_permit.size,
            submitted_at=self._ctx.clock.now(),
            status=ams_review.STATUS_WAITING,
            serial=None,
            problem=None,
            kind=kind,
            statement_name=statement.name,
            statement_blob=stored_statement.key,
            statement_size=stored_statement.size,
            csr_pem=csr_pem,
            old_certificate_pem=old_certificate_pem,
            in_person=in_person,
        )
        with self._ctx.unit() as db:
            # Checked inside the transaction: two racing requests cannot both wait.
            problem = ams_review.request_problem(db.ams_requests(user.user_id))
            if problem is not None:
                raise problem
            request_id = db.add_ams_request(request)
        return replace(request, request_id=request_id)

    def review_queue(self) -> list[AmsRequest]:
        """Every vendor request the LPSE reviews: open ones first, then newest first."""
        with self._ctx.unit() as db:
            found = db.reviewed_ams_requests()
        found.sort(key=lambda r: r.request_id, reverse=True)
        return sorted(found, key=lambda r: r.status not in ams_review.OPEN_STATUSES)

    def ams_request(self, viewer: Account, request_id: int) -> AmsRequest:
        """Request ``request_id`` as its vendor or the verifikator sees it; NotFound
        otherwise (another vendor's request is not shown to exist)."""
        with self._ctx.unit() as db:
            found = self._reviewed(db.ams_request(request_id))
        try:
            ams_review.require_owner_or_verifier(found, viewer)
        except DomainError as exc:
            raise NotFound("error.tidak_ditemukan") from exc
        return found

    def latest_request(self, user_id: str) -> AmsRequest | None:
        """The vendor's newest request (what its AMS page shows)."""
        return ams_review.latest(self.ams_requests(user_id))

    def document(self, viewer: Account, request_id: int, which: str) -> Document:
        """One of the request's documents ("izin" or "keterangan"), for its vendor and the
        verifikator."""
        request = self.ams_request(viewer, request_id)
        if which == "izin":
            name, key = request.letter_name, request.letter_blob
        elif which == "keterangan" and request.statement_blob:
            name, key = request.statement_name, request.statement_blob
        else:
            raise NotFound("error.tidak_ditemukan")
        return Document(name, self._ctx.blobs.path(key).read_bytes())

    def record_visit(self, verifier: Account, request_id: int, visit: Visit) -> AmsRequest:
        """The verifikator records the vendor's visit with the originals (SPSE's clock)."""
        with self._ctx.unit() as db:
            request = self._reviewed(db.ams_request(request_id))
            changed = ams_review.record_attendance(
                request,
                verifier,
                attendee=visit.attendee,
                position=visit.position,
                originals=visit.originals,
                now=self._ctx.clock.now(),
            )
            db.update_ams_request(changed)
        return changed

    def reject(self, verifier: Account, request_id: int, reason: str) -> AmsRequest:
        """The verifikator rejects the request with ``reason``; the vendor may request again."""
        with self._ctx.unit() as db:
            request = self._reviewed(db.ams_request(request_id))
            changed = ams_review.reject(request, verifier, reason=reason, now=self._ctx.clock.now())
            db.update_ams_request(changed)
        return changed

    def approve(self, verifier: Account, request_id: int) -> AmsRequest:
        """The verifikator approves; BSrE issues the certificate (an upgrade's old one is
        revoked). When BSrE cannot be reached the approval stands ("diverifikasi") and
        DomainError says so: approving again asks BSrE again."""
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            request = self._reviewed(db.ams_request(request_id))
            approved = ams_review.approve(request, verifier, now=now)
            if approved != request:
                db.update_ams_request(approved)
        user = self._account(approved.user_id)
        if self._ctx.faults.check("ca.down", actor=verifier.user_id, detail="AMS approval"):
            raise DomainError("ams.ca_tidak_tersedia")
        csr = x509.load_pem_x509_csr(approved.csr_pem.encode())
        old: x509.Certificate | None = None
        if approved.kind == ams_review.KIND_UPGRADE:
            old = x509.load_pem_x509_certificate(approved.old_certificate_pem.encode())
            self._check_upgrade(user, old, csr)  # still valid and unrevoked now?
        try:
            issued = self._ctx.ca.issue(
                csr, user_id=user.user_id, validity=self._certificate_validity(user.user_id)
            )
        except InvalidCertificateRequest as exc:
            raise DomainError("ams.csr_tidak_valid") from exc
        if old is not None:
            self._ctx.ca.revoke(old.serial_number, at=now)
        record = _user_certificate(issued, user.user_id, recorded_at=now)
        done = ams_review.issued(approved, record.serial)
        with self._ctx.unit() as db:
            db.add_certificate(record)
            db.update_ams_request(done)
        return done

    def confirm_embedded(self, user: Account, request_id: int) -> AmsRequest:
        """The vendor's SpamKodok 2 embedded the issued certificate."""
        with self._ctx.unit() as db:
            request = db.ams_request(request_id)
            if request is None:
                raise NotFound("error.tidak_ditemukan")
            changed = ams_review.embedded(request, user, now=self._ctx.clock.now())
            if changed != request:
                db.update_ams_request(changed)
        return changed

    def issued_certificate(self, request: AmsRequest) -> UserCertificate:
        """The certificate BSrE issued for ``request`` (NotFound before issuance)."""
        found = [c for c in self.certificates(request.user_id) if c.serial == request.serial]
        if request.serial is None or not found:
            raise NotFound("error.tidak_ditemukan")
        return found[0]

    def handover(self, viewer: Account, request_id: int) -> Document:
        """The berita acara serah terima of an issued certificate, as a PDF, for its vendor
        and the verifikator."""
        request = self.ams_request(viewer, request_id)
        if not ams_review.handover_available(request):
            raise NotFound("ams.belum_terbit")
        certificate = self.issued_certificate(request)
        vendor = self._account(request.user_id)
        verifier = self._account(request.decided_by or "")
        title, lines = ams_review.handover_lines(
            request,
            vendor,
            lpse_name=self._ctx.settings.lpse_name,
            verifier_name=verifier.name,
            subject=certificate.subject,
            valid_until=format_wib(certificate.not_after),
            attended_at=format_wib(request.attended_at) if request.attended_at else "-",
            decided_at=format_wib(request.decided_at) if request.decided_at else "-",
        )
        return Document(f"Berita Acara AMS {request.request_id}.pdf", pdf_bytes(title, lines))

    def _reviewed(self, request: AmsRequest | None) -> AmsRequest:
        if request is None or request.status in (STATUS_ISSUED, STATUS_UPGRADED, "gagal"):
            raise NotFound("error.tidak_ditemukan")
        return request

    def _account(self, user_id: str) -> Account:
        with self._ctx.unit() as db:
            found = db.account(user_id)
        if found is None:
            raise NotFound("error.tidak_ditemukan")
        return found

    def _documents_problems(self, permit: Document, statement: Document) -> list[DomainError]:
        problems = self._letter_problems(permit.name, permit.data)
        for problem in self._letter_problems(statement.name, statement.data):
            if problem.key == "ams.surat_wajib":
                problem = DomainError("ams.keterangan_wajib")
            problems.append(problem)
        return problems

    @staticmethod
    def _csr(csr_pem: str, problems: list[DomainError]) -> x509.CertificateSigningRequest | None:
        try:
            return x509.load_pem_x509_csr(csr_pem.encode())
        except ValueError:
            problems.append(DomainError("ams.csr_tidak_valid"))
            return None

    @staticmethod
    def _old_certificate(pem: str, problems: list[DomainError]) -> x509.Certificate | None:
        try:
            return x509.load_pem_x509_certificate(pem.encode())
        except ValueError:
            problems.append(DomainError("apd.sertifikat_lama_tidak_valid"))
            return None

    def _check_upgrade(
        self, user: Account, old: x509.Certificate, csr: x509.CertificateSigningRequest
    ) -> None:
        """The old certificate is BSrE's, the user's, valid and unrevoked now; the new key
        is new."""
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
            now=self._ctx.clock.now(),
        )
        if problem is not None:
            raise problem
        if csr.public_key() == old.public_key():
            raise DomainError("ams.csr_tidak_valid")  # an upgrade always brings a new key

    # issued at once (Non Penyedia, self-service upgrades, demos) -----------------------------
    def register_ams(
        self, user: Account, *, letter_name: str, letter: bytes, csr_pem: str
    ) -> UserCertificate:
        """AMS registration without the LPSE's review (a Non Penyedia's; demo worlds): check
        the recommendation letter, ask BSrE for the certificate."""
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
        self._check_upgrade(user, old, csr)
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
