"""The LPSE's operations: the service layer between SPSE's pages and its domain rules.

Every method takes plain values, applies the rules of ``fake_spse.domain`` with the simulated
clock, the fault board and the services SPSE depends on (BSrE CA, LKPP ADP), and raises
``DomainError`` with a message key when a rule says no. No HTTP in here.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fake_spse.adapters.adp import AdpDuplicate, AdpService, AdpUnavailable
from fake_spse.adapters.ca import (
    CertificateAuthority,
    InvalidCertificateRequest,
    IssuedRecord,
    UnknownCertificate,
)
from fake_spse.domain.accounts import (
    Account,
    AccountStatus,
    Role,
    VendorRegistration,
    hash_password,
    password_matches,
    registration_problems,
    roaming_vendor,
)
from fake_spse.domain.ams import (
    STATUS_ISSUED,
    STATUS_UPGRADED,
    letter_problems,
    upgrade_problem,
)
from fake_spse.domain.apendo import (
    PackageKey,
    PublicPackageKey,
    check_offer_file_name,
    check_opening_code,
    generate_package_key,
    private_key_file,
)
from fake_spse.domain.certificates import AmsRequest, UserCertificate, current_certificate
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.offer_checks import OfferRules, check_offer
from fake_spse.domain.offers import OPENING_CODES, Offer, OpeningResult, check_opening_record
from fake_spse.domain.schedule import build_schedule
from fake_spse.domain.tenders import METODE_PASCA_SATU_FILE, Tender, TenderDraft, validate_draft
from fake_spse.settings import Settings
from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore, BlobTooLarge
from fake_spse.storage.database import Database
from spse_shared.messages import MessageCatalog
from spse_shared.names import subject_text
from spse_shared.profile import OPENING_STAGE, Profile


class UploadCut(Exception):
    """The ``upload.cut`` fault fired: the server drops the connection mid-upload."""


class UploadProblems(DomainError):
    """Several problems of one form, shown together."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__(problems[0].key, **problems[0].params)
        self.problems = problems


@dataclass(frozen=True)
class Receipt:
    """What SPSE answers for a received offer."""

    offer: Offer
    replaced: bool


class Lpse:
    """One LPSE's SPSE with the services it depends on."""

    def __init__(
        self,
        *,
        settings: Settings,
        profile: Profile,
        clock: SimClock,
        faults: FaultBoard,
        db: Database,
        blobs: BlobStore,
        ca: CertificateAuthority,
        adp: AdpService,
        messages: MessageCatalog,
    ) -> None:
        self.settings = settings
        self.profile = profile
        self.clock = clock
        self.faults = faults
        self.db = db
        self.blobs = blobs
        self.ca = ca
        self.adp = adp
        self.messages = messages

    # accounts -------------------------------------------------------------------------------
    def register_vendor(self, form: VendorRegistration) -> Account:
        """Online registration: the account exists but stays inactive until verified."""
        problems = registration_problems(form)
        if self.db.account(form.user_id) is not None:
            problems.append(DomainError("registrasi.user_id_dipakai", user_id=form.user_id))
        if self.db.account_by_email(form.email) is not None:
            problems.append(DomainError("registrasi.email_dipakai", email=form.email))
        if problems:
            raise UploadProblems(problems)
        account = Account(
            user_id=form.user_id,
            role=Role.PENYEDIA,
            name=form.director.strip(),
            email=form.email.strip(),
            password_hash=hash_password(form.password),
            status=AccountStatus.MENUNGGU_VERIFIKASI,
            created_at=self.clock.now(),
            company=form.company.strip(),
            npwp=form.npwp.strip(),
            address=form.address.strip(),
            phone=form.phone.strip(),
            director=form.director.strip(),
        )
        self.db.add_account(account)
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
            password_hash=hash_password(password),
            status=AccountStatus.AKTIF,
            created_at=self.clock.now(),
        )
        self.db.add_account(account)
        return account

    def authenticate(self, user_id: str, password: str) -> Account:
        """The account behind a login, or the SPSE message why not.

        A user id this LPSE does not know may belong to a vendor of another LPSE: SPSE then
        asks ADP, and with matching credentials creates the local (roaming) account.
        """
        account = self.db.account(user_id.strip())
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
            record = self.adp.authenticate(user_id, password)
        except AdpUnavailable as exc:
            raise DomainError("login.adp_tidak_tersedia") from exc
        if record is None:
            raise DomainError("login.gagal")
        existing = self.db.account(record.user_id)
        if existing is None:
            if self.db.account_by_email(record.email) is not None:
                raise DomainError("login.adp_email_dipakai", email=record.email)
            account = roaming_vendor(
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
                arrived_at=self.clock.now(),
            )
            try:
                self.db.add_account(account)
                return account
            except sqlite3.IntegrityError:
                # Two first logins at once: the other one may have created this account.
                existing = self.db.account(record.user_id)
        # The user id in another spelling: only the same roaming vendor, never a local account.
        if existing is None or existing.home_lpse != record.home_lpse:
            raise DomainError("login.gagal")
        existing.ensure_can_login()
        return existing

    def account(self, user_id: str) -> Account:
        account = self.db.account(user_id)
        if account is None:
            raise NotFound("verifikasi.tidak_ditemukan", user_id=user_id)
        return account

    def vendors(self) -> list[Account]:
        return self.db.accounts(Role.PENYEDIA)

    def verify_vendor(self, verifier: Account, vendor_id: str) -> Account:
        """After the physical check of documents: activate the vendor and register it in ADP."""
        require_role(verifier, Role.VERIFIKATOR, Role.ADMIN)
        vendor = self.account(vendor_id)
        if vendor.role is not Role.PENYEDIA:
            raise NotFound("verifikasi.tidak_ditemukan", user_id=vendor_id)
        activated = vendor.verified(verifier.user_id, self.clock.now())
        try:
            self.adp.activate(
                user_id=vendor.user_id,
                email=vendor.email,
                npwp=vendor.npwp,
                company=vendor.company,
                address=vendor.address,
                home_lpse=self.settings.lpse_name,
                password_hash=vendor.password_hash,
                director=vendor.director,
                phone=vendor.phone,
            )
        except AdpUnavailable as exc:
            raise DomainError("adp.tidak_tersedia") from exc
        except AdpDuplicate as exc:
            raise DomainError(f"adp.duplikat_{exc.field}", value=exc.value) from exc
        self.db.save_account(activated)
        return activated

    # certificates ---------------------------------------------------------------------------
    def certificate_of(self, user_id: str) -> UserCertificate | None:
        """The user's certificate valid now and not revoked, if any."""
        now = self.clock.now()
        usable = [c for c in self.db.certificates(user_id) if not self._revoked(c.serial, now)]
        return current_certificate(usable, now)

    def _revoked(self, serial: str, now: datetime) -> bool:
        revoked_at = self.ca.record(int(serial)).revoked_at
        return revoked_at is not None and revoked_at <= now

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
            raise UploadProblems(problems)
        if self.faults.check("ca.down", actor=user.user_id, detail="AMS registration"):
            raise DomainError("ams.ca_tidak_tersedia")
        try:
            issued = self.ca.issue(
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
            raise UploadProblems(problems)
        if self.faults.check("ca.down", actor=user.user_id, detail="certificate upgrade"):
            raise DomainError("ams.ca_tidak_tersedia")
        now = self.clock.now()
        try:
            registered: IssuedRecord | None = self.ca.record(old.serial_number)
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
            issued = self.ca.issue(
                csr, user_id=user.user_id, validity=self._certificate_validity(user.user_id)
            )
        except InvalidCertificateRequest as exc:
            raise DomainError("ams.csr_tidak_valid") from exc
        self.ca.revoke(old.serial_number, at=now)
        record = self._record_issued(user, issued, letter_name, letter, STATUS_UPGRADED)
        return record, str(old.serial_number)

    def _letter_problems(self, letter_name: str, letter: bytes) -> list[DomainError]:
        return letter_problems(
            letter_name,
            letter,
            types=self.profile.ams_letter_types,
            max_bytes=self.profile.ams_letter_max_bytes,
        )

    def _certificate_validity(self, user_id: str) -> timedelta:
        """The profile's validity, unless the ``ca.validity`` fault shortens this issuance."""
        shortened = self.faults.check("ca.validity", actor=user_id, detail="certificate issuance")
        if shortened is not None:
            days = str(shortened.params.get("validity_days", 1))
            return timedelta(days=max(1, int(days) if days.isdigit() else 1))
        return timedelta(days=self.profile.certificate_validity_days)

    def _record_issued(
        self,
        user: Account,
        issued: x509.Certificate,
        letter_name: str,
        letter: bytes,
        status: str,
    ) -> UserCertificate:
        now = self.clock.now()
        stored = self.blobs.write_bytes(letter)
        record = UserCertificate(
            serial=str(issued.serial_number),
            user_id=user.user_id,
            subject=subject_text(issued.subject),
            pem=issued.public_bytes(serialization.Encoding.PEM).decode(),
            not_before=issued.not_valid_before_utc,
            not_after=issued.not_valid_after_utc,
            recorded_at=now,
        )
        self.db.add_certificate(record)
        self.db.add_ams_request(
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

    def ca_chain_pem(self) -> str:
        return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in self.ca.chain())

    def ca_crl_pem(self) -> str:
        return self.ca.crl().public_bytes(serialization.Encoding.PEM).decode()

    # tenders --------------------------------------------------------------------------------
    def create_tender(self, pokja: Account, draft: TenderDraft) -> Tender:
        """Create and announce a package; its offers will be sealed to the pokja's certificate."""
        require_role(pokja, Role.POKJA)
        problems = validate_draft(draft)
        recipients: tuple[str, ...] = ()
        if self.profile.protection == "ca":
            certificate = self.certificate_of(pokja.user_id)
            if certificate is None:
                problems.append(DomainError("tender.pokja_tanpa_sertifikat"))
            else:
                recipients = (certificate.pem,)
        if problems:
            raise UploadProblems(problems)
        now = self.clock.now()
        tender = Tender(
            tender_id=str(max(self.db.max_tender_id(), 10_000_000) + 1),
            name=draft.name.strip(),
            instansi=draft.instansi.strip(),
            satker=draft.satker.strip(),
            jenis_pengadaan=draft.jenis_pengadaan,
            metode=METODE_PASCA_SATU_FILE,
            pagu=draft.pagu,
            hps=draft.hps,
            lokasi=draft.lokasi.strip(),
            tahun=draft.tahun,
            created_at=now,
            created_by=pokja.user_id,
            schedule=build_schedule(self.profile.schedule, now),
            recipient_certificates=recipients,
        )
        package_key = None
        if self.profile.protection == "apendo":
            # NON CA: SPSE's own key pair for the package (APENDO), kept with the tender.
            package_key = generate_package_key(
                tender_id=tender.tender_id,
                lpse_name=self.settings.lpse_name,
                now=now,
                valid_for=tender.schedule.windows[-1].end - now + timedelta(days=365),
            )
        self.db.add_tender(tender, package_key)
        return tender

    def tender(self, tender_id: str) -> Tender:
        tender = self.db.tender(tender_id)
        if tender is None:
            raise NotFound("tender.tidak_ditemukan")
        return tender

    def tenders(self) -> list[Tender]:
        return self.db.tenders()

    def join_tender(self, vendor: Account, tender_id: str) -> Tender:
        """'Ikut Tender': the vendor becomes a participant while offers may still be sent."""
        require_role(vendor, Role.PENYEDIA)
        tender = self.tender(tender_id)
        if vendor.user_id in self.db.participants(tender_id):
            raise DomainError("tender.sudah_ikut")
        if self.clock.now() >= tender.schedule.window("Upload Dokumen Penawaran").end:
            raise DomainError("tender.pendaftaran_ditutup")
        self.db.add_participant(tender_id, vendor.user_id, self.clock.now())
        return tender

    def is_participant(self, vendor_id: str, tender_id: str) -> bool:
        return vendor_id in self.db.participants(tender_id)

    def participants(self, tender_id: str) -> list[Account]:
        return [self.account(v) for v in self.db.participants(tender_id)]

    # offers ---------------------------------------------------------------------------------
    def check_can_upload(self, vendor: Account, tender_id: str) -> Tender:
        require_role(vendor, Role.PENYEDIA)
        tender = self.tender(tender_id)
        if not self.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        tender.ensure_upload_open(self.clock.now())
        return tender

    async def receive_offer(
        self, vendor: Account, tender_id: str, body: AsyncIterator[bytes]
    ) -> Receipt:
        """Stream an offer to disk; it is kept only if whole and received before the deadline."""
        tender = self.check_can_upload(vendor, tender_id)
        if self.faults.check("upload.fail_next", actor=vendor.user_id, detail=tender_id):
            raise DomainError("error.umum")
        slow = self.faults.check("upload.slow", actor=vendor.user_id, detail=tender_id)
        cut = self.faults.check("upload.cut", actor=vendor.user_id, detail=tender_id)

        async def before_chunk(received: int) -> None:
            if slow is not None:
                await asyncio.sleep(int(slow.params.get("delay_ms", 200)) / 1000)
            if cut is not None and received >= int(cut.params.get("after_bytes", 1024)):
                raise UploadCut

        try:
            stored = await self.blobs.write_stream(
                body, max_bytes=self.profile.upload_max_bytes, before_chunk=before_chunk
            )
        except BlobTooLarge as exc:
            raise DomainError(
                "penawaran.terlalu_besar", max_mb=self.profile.upload_max_bytes // 2**20
            ) from exc
        if cut is not None:
            # The body ended before a chunk boundary reached ``after_bytes``: the connection
            # still drops before the upload is complete, so nothing is kept.
            self.blobs.delete(stored.key)
            raise UploadCut
        if stored.size == 0:
            self.blobs.delete(stored.key)
            raise DomainError("penawaran.kosong")
        # The deadline applies to the moment the upload is complete, as on a real server.
        received_at = self.clock.now()
        try:
            tender.ensure_upload_open(received_at)
        except DomainError:
            self.blobs.delete(stored.key)
            raise
        try:  # only a well-formed offer to this tender's recipients may replace the current one
            with self.blobs.path(stored.key).open("rb") as stream:
                check_offer(stream, stored.size, self.offer_rules(vendor, tender))
        except DomainError:
            self.blobs.delete(stored.key)
            raise
        offer, replaced_key = self.db.add_offer(
            tender_id=tender_id,
            vendor_id=vendor.user_id,
            blob_key=stored.key,
            sha256=stored.sha256,
            size=stored.size,
            received_at=received_at,
        )
        return Receipt(offer=offer, replaced=replaced_key is not None)

    def current_offer(self, vendor: Account, tender_id: str) -> Offer | None:
        return self.db.current_offer(tender_id, vendor.user_id)

    def offer_recipients(self, tender: Tender) -> tuple[str, ...]:
        """The certificates (PEM) an offer to ``tender`` is sealed to when it is sent now.

        The tender's pokja's current certificate: a pokja who replaced a lost key gets later
        offers sealed to the new one, while offers already sent stay sealed to the old one.
        Without a current certificate, the ones recorded when the tender was announced.
        """
        if self.profile.protection != "ca":
            return tender.recipient_certificates
        current = self.certificate_of(tender.created_by)
        return (current.pem,) if current is not None else tender.recipient_certificates

    def offer_rules(self, vendor: Account, tender: Tender) -> OfferRules:
        """What an offer from ``vendor`` to ``tender`` must be, now: CA, an envelope to the
        pokja's certificates from a vendor with a valid certificate; APENDO, to the package key."""
        if self.profile.protection == "apendo":
            package = self._package_key(tender.tender_id).certificate_pem
            return OfferRules(recipient_sets=((package,),), apendo=True)
        sets = {self.offer_recipients(tender), tender.recipient_certificates} - {()}
        return OfferRules(
            recipient_sets=tuple(sets),
            vendor_certified=self.certificate_of(vendor.user_id) is not None,
        )

    def offers_for_opening(self, pokja: Account, tender_id: str) -> tuple[Tender, list[Offer]]:
        """The current offers of a tender, for its own pokja, once opening has started."""
        require_role(pokja, Role.POKJA)
        tender = self.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        tender.ensure_opening_started(self.clock.now())
        return tender, self.db.offers(tender_id)

    def offer_file(self, pokja: Account, tender_id: str, offer_id: int) -> tuple[Offer, Path]:
        """The stored ciphertext of one offer, for the tender's pokja only."""
        _, offers = self.offers_for_opening(pokja, tender_id)
        for offer in offers:
            if offer.offer_id == offer_id:
                return offer, self.blobs.path(offer.blob_key)
        raise NotFound("tender.tidak_ditemukan")

    def record_opening(
        self,
        pokja: Account,
        tender_id: str,
        offer_id: int,
        *,
        code: str,
        signer_subject: str,
        files: tuple[str, ...],
        correction: bool = False,
    ) -> OpeningResult:
        """Keep what the pokja's SpamKodok found when opening an offer."""
        offer, _ = self.offer_file(pokja, tender_id, offer_id)
        if code not in OPENING_CODES:
            raise DomainError("pembukaan.status_tidak_dikenal")
        result = OpeningResult(
            offer_id=offer.offer_id,
            code=code,
            signer_subject=signer_subject,
            files=files,
            opened_at=self.clock.now(),
            opened_by=pokja.user_id,
        )
        return self._save_opening(tender_id, result, correction)

    def _save_opening(
        self, tender_id: str, result: OpeningResult, correction: bool
    ) -> OpeningResult:
        previous = self.db.opening(result.offer_id)
        stage_end = self.tender(tender_id).schedule.window(OPENING_STAGE).end
        if not check_opening_record(previous, result, correction=correction, stage_end=stage_end):
            assert previous is not None
            return previous
        self.db.save_opening(result, correction=previous is not None)
        return result

    def opening(self, offer_id: int) -> OpeningResult | None:
        return self.db.opening(offer_id)

    # APENDO (SPSE NON CA) -------------------------------------------------------------------
    def require_protection(self, protection: str) -> None:
        """The pages of one protection scheme refuse in a profile that uses the other one."""
        if self.profile.protection != protection:
            key = "apendo.halaman_non_ca" if protection == "apendo" else "apendo.halaman_ca"
            raise DomainError(key)

    def _package_key(self, tender_id: str) -> PackageKey:
        self.require_protection("apendo")
        key = self.db.package_key(self.tender(tender_id).tender_id)
        if key is None:
            raise NotFound("apendo.kunci_tidak_ada")
        return key

    def package_key_info(self, tender_id: str) -> PublicPackageKey:
        """The package key without its private half."""
        return self._package_key(tender_id).public()

    def apendo_offer_page(self, vendor: Account, tender_id: str) -> tuple[Tender, PublicPackageKey]:
        """What the vendor's APENDO upload page shows: the tender and its package public key."""
        self.require_protection("apendo")
        require_role(vendor, Role.PENYEDIA)
        tender = self.tender(tender_id)
        if not self.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        return tender, self.package_key_info(tender_id)

    def package_public_key(self, user: Account, tender_id: str) -> PublicPackageKey:
        """The package certificate, for the tender's participants and its pokja."""
        self.require_protection("apendo")
        tender = self.tender(tender_id)
        if user.user_id != tender.created_by and not self.is_participant(user.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        return self.package_key_info(tender_id)

    async def receive_apendo_offer(
        self, vendor: Account, tender_id: str, file_name: str, body: AsyncIterator[bytes]
    ) -> Receipt:
        """An uploaded ``.rhs`` file: the CA upload's rules, plus APENDO's file type."""
        self.require_protection("apendo")
        self.check_can_upload(vendor, tender_id)
        check_offer_file_name(file_name)
        return await self.receive_offer(vendor, tender_id, body)

    def apendo_opening(
        self, pokja: Account, tender_id: str
    ) -> tuple[Tender, PublicPackageKey, list[Offer] | None]:
        """The opening page: the offers only once the opening stage has started (else None)."""
        self.require_protection("apendo")
        require_role(pokja, Role.POKJA)
        tender = self.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        key = self.package_key_info(tender_id)
        if not tender.schedule.has_started(OPENING_STAGE, self.clock.now()):
            return tender, key, None
        return tender, key, self.db.offers(tender_id)

    def release_package_key(self, pokja: Account, tender_id: str) -> str:
        """The package's private key file, for the tender's pokja once opening has started."""
        self.require_protection("apendo")
        require_role(pokja, Role.POKJA)
        tender = self.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        tender.ensure_opening_started(self.clock.now())
        key = self._package_key(tender_id)
        self.db.release_package_key(tender_id, pokja.user_id, self.clock.now())
        return private_key_file(key)

    def apendo_offer_file(
        self, pokja: Account, tender_id: str, offer_id: int
    ) -> tuple[Offer, Path]:
        """A stored ``.rhs`` offer, for the tender's pokja once opening has started."""
        self.require_protection("apendo")
        return self.offer_file(pokja, tender_id, offer_id)

    def record_apendo_opening(
        self,
        pokja: Account,
        tender_id: str,
        offer_id: int,
        *,
        code: str,
        files: tuple[str, ...],
        correction: bool = False,
    ) -> OpeningResult:
        """Keep what the pokja's APENDO found when it opened one offer with the package key."""
        offer, _ = self.apendo_offer_file(pokja, tender_id, offer_id)
        if self._package_key(tender_id).released_at is None:
            raise DomainError("apendo.kunci_belum_diunduh")
        check_opening_code(code)
        result = OpeningResult(
            offer_id=offer.offer_id,
            code=code,
            signer_subject="",
            files=tuple(name.strip() for name in files if name.strip()),
            opened_at=self.clock.now(),
            opened_by=pokja.user_id,
        )
        return self._save_opening(tender_id, result, correction)


def require_role(account: Account, *roles: Role) -> None:
    """Forbidden unless ``account`` has one of ``roles``."""
    if account.role not in roles:
        raise Forbidden("akses.ditolak")
