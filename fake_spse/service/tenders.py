"""Tenders: announcing a package with its schedule, the list, joining and the participants."""

from __future__ import annotations

from datetime import timedelta

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.apendo import generate_package_key, new_package_private_key
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.domain.schedule import build_schedule
from fake_spse.domain.tender_cepat import SikapStatus, ensure_may_join
from fake_spse.domain.tender_codes import next_tender_code
from fake_spse.domain.tender_listing import ListedTender
from fake_spse.domain.tenders import Tender, TenderDraft, pick_method, validate_draft
from fake_spse.service.accounts import AccountService
from fake_spse.service.certificates import CertificateService
from fake_spse.service.context import Context
from spse_shared.profile import UPLOAD_STAGE


class TenderService:
    """The packages a pokja announces and the vendors who join them."""

    def __init__(
        self, context: Context, accounts: AccountService, certificates: CertificateService
    ) -> None:
        self._ctx = context
        self._accounts = accounts
        self._certificates = certificates

    def create_tender(self, pokja: Account, draft: TenderDraft) -> Tender:
        """Create and announce a package; its offers will be sealed to the pokja's certificate
        (SPSE CA) or to the package key SPSE makes for it (NON CA, APENDO)."""
        require_role(pokja, Role.POKJA)
        problems = validate_draft(draft)
        method = None
        try:
            # SPSE picks the method by the jenis pengadaan, unless the pokja chose one.
            method = pick_method(self._ctx.profile, draft)
        except DomainError as exc:
            problems.append(exc)
        recipients: tuple[str, ...] = ()
        protection = self._ctx.profile.protection
        if protection == "ca":
            certificate = self._certificates.certificate_of(pokja.user_id)
            if certificate is None:
                problems.append(DomainError("tender.pokja_tanpa_sertifikat"))
            else:
                recipients = (certificate.pem,)
        if problems or method is None:
            raise FormProblems(problems)
        # The slow part of a package key, before the transaction holds the write lock.
        private_key = new_package_private_key() if protection == "apendo" else None
        now = self._ctx.clock.now()
        schedule = build_schedule(method.stages, now)
        # One transaction: the next id is read and taken together, with the package key.
        with self._ctx.unit() as db:
            tender = Tender(
                tender_id=next_tender_code(db.tender_ids(), self._ctx.settings.spse_code),
                name=draft.name.strip(),
                instansi=draft.instansi.strip(),
                satker=draft.satker.strip(),
                jenis_pengadaan=draft.jenis_pengadaan,
                metode=method.name,
                pagu=draft.pagu,
                hps=draft.hps,
                lokasi=draft.lokasi.strip(),
                tahun=draft.tahun,
                created_at=now,
                created_by=pokja.user_id,
                schedule=schedule,
                recipient_certificates=recipients,
                method=method.key,
            )
            package_key = None
            if private_key is not None:
                # NON CA: SPSE's own key pair for the package (APENDO), kept with the tender.
                package_key = generate_package_key(
                    tender_id=tender.tender_id,
                    lpse_name=self._ctx.settings.lpse_name,
                    now=now,
                    valid_for=schedule.windows[-1].end - now + timedelta(days=365),
                    key=private_key,
                )
            db.add_tender(tender, package_key)
        return tender

    def tender(self, tender_id: str) -> Tender:
        """The tender ``tender_id``; NotFound if there is none."""
        with self._ctx.unit() as db:
            tender = db.tender(tender_id)
        if tender is None:
            raise NotFound("tender.tidak_ditemukan")
        return tender

    def tenders(self) -> list[Tender]:
        """Every tender, newest first."""
        with self._ctx.unit() as db:
            return db.tenders()

    def join_tender(self, vendor: Account, tender_id: str) -> Tender:
        """'Ikut Tender': the vendor becomes a participant while offers may still be sent."""
        require_role(vendor, Role.PENYEDIA)
        already = DomainError("tender.sudah_ikut")
        with self._ctx.unit(conflicts={"participants.tender_id": already}) as db:
            tender = self.tender(tender_id)
            if vendor.user_id in db.participants(tender_id):
                raise already
            now = self._ctx.clock.now()
            if now >= tender.schedule.window(UPLOAD_STAGE).end:
                raise DomainError("tender.pendaftaran_ditutup")
            if self._ctx.profile.method(tender.method).requires_sikap:
                # Tender Cepat: the SIKaP data are the qualification.
                verified = db.sikap_verified_at(vendor.user_id)
                ensure_may_join(SikapStatus(vendor.user_id, verified))
            db.add_participant(tender_id, vendor.user_id, now)
        return tender

    def is_participant(self, vendor_id: str, tender_id: str) -> bool:
        """Whether ``vendor_id`` joined ``tender_id``."""
        with self._ctx.unit() as db:
            return vendor_id in db.participants(tender_id)

    def participants(self, tender_id: str) -> list[Account]:
        """The vendors who joined ``tender_id``, in the order they joined."""
        with self._ctx.unit() as db:
            return [self._accounts.account(v) for v in db.participants(tender_id)]

    def listed_tenders(self) -> list[ListedTender]:
        """Every tender, newest first, with its participants' company names (for the public
        list's ``rekanan`` filter), read in one transaction."""
        with self._ctx.unit():
            return [
                ListedTender(t, tuple(a.display_name for a in self.participants(t.tender_id)))
                for t in self.tenders()
            ]

    def joined_tenders(self, vendor_id: str) -> list[str]:
        """The ids of the tenders ``vendor_id`` joined."""
        with self._ctx.unit() as db:
            return db.joined_tenders(vendor_id)
