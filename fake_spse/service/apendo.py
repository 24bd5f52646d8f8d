"""APENDO (SPSE NON CA): the package key, ``.rhs`` offers and opening with the released key."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.apendo import (
    PackageKey,
    PublicPackageKey,
    check_offer_file_name,
    check_opening_code,
    private_key_file,
)
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.offers import Offer, OpeningResult
from fake_spse.domain.tenders import Tender
from fake_spse.service.context import Context
from fake_spse.service.offers import OfferService, Receipt
from fake_spse.service.tenders import TenderService


class ApendoService:
    """SPSE's side of APENDO: it keeps each package's key pair and releases the private half
    to the pokja at opening."""

    def __init__(self, context: Context, tenders: TenderService, offers: OfferService) -> None:
        self._ctx = context
        self._tenders = tenders
        self._offers = offers

    def _opening_stage(self, tender: Tender) -> str:
        """The stage in which the tender's (first) sealed file is opened, by its method."""
        return self._ctx.profile.method(tender.method).opening_stages[0]

    def _package_key(self, tender_id: str) -> PackageKey:
        self._offers.require_protection("apendo")
        with self._ctx.unit() as db:
            key = db.package_key(self._tenders.tender(tender_id).tender_id)
        if key is None:
            raise NotFound("apendo.kunci_tidak_ada")
        return key

    def package_key_info(self, tender_id: str) -> PublicPackageKey:
        """The package key without its private half."""
        return self._package_key(tender_id).public()

    def apendo_offer_page(self, vendor: Account, tender_id: str) -> tuple[Tender, PublicPackageKey]:
        """What the vendor's APENDO upload page shows: the tender and its package public key."""
        self._offers.require_protection("apendo")
        require_role(vendor, Role.PENYEDIA)
        tender = self._tenders.tender(tender_id)
        if not self._tenders.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        return tender, self.package_key_info(tender_id)

    def package_public_key(self, user: Account, tender_id: str) -> PublicPackageKey:
        """The package certificate, for the tender's participants and its pokja."""
        self._offers.require_protection("apendo")
        tender = self._tenders.tender(tender_id)
        if user.user_id != tender.created_by and not self._tenders.is_participant(
            user.user_id, tender_id
        ):
            raise Forbidden("penawaran.bukan_peserta")
        return self.package_key_info(tender_id)

    async def receive_apendo_offer(
        self, vendor: Account, tender_id: str, file_name: str, body: AsyncIterator[bytes]
    ) -> Receipt:
        """An uploaded ``.rhs`` file: the CA upload's rules, plus APENDO's file type."""
        self._offers.require_protection("apendo")
        self._offers.check_can_upload(vendor, tender_id)
        check_offer_file_name(file_name)
        return await self._offers.receive_offer(vendor, tender_id, body)

    def apendo_opening(
        self, pokja: Account, tender_id: str
    ) -> tuple[Tender, PublicPackageKey, list[Offer] | None]:
        """The opening page: the offers only once the opening stage has started (else None)."""
        self._offers.require_protection("apendo")
        require_role(pokja, Role.POKJA)
        tender = self._tenders.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        key = self.package_key_info(tender_id)
        if not tender.schedule.has_started(self._opening_stage(tender), self._ctx.clock.now()):
            return tender, key, None
        return tender, key, self._offers.offers(tender_id)

    def release_package_key(self, pokja: Account, tender_id: str) -> str:
        """The package's private key file, for the tender's pokja once opening has started."""
        self._offers.require_protection("apendo")
        require_role(pokja, Role.POKJA)
        tender = self._tenders.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        now = self._ctx.clock.now()
        tender.ensure_opening_started(now, self._opening_stage(tender))
        with self._ctx.unit() as db:
            key = self._package_key(tender_id)
            db.release_package_key(tender_id, pokja.user_id, now)
        return private_key_file(key)

    def apendo_offer_file(
        self, pokja: Account, tender_id: str, offer_id: int
    ) -> tuple[Offer, Path]:
        """A stored ``.rhs`` offer, for the tender's pokja once opening has started."""
        self._offers.require_protection("apendo")
        return self._offers.offer_file(pokja, tender_id, offer_id)

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
        """Keep what the pokja's APENDO found when it opened one offer with the package key
        (once; ``correction`` as in ``OfferService.keep_opening``)."""
        offer, _ = self.apendo_offer_file(pokja, tender_id, offer_id)
        if self._package_key(tender_id).released_at is None:
            raise DomainError("apendo.kunci_belum_diunduh")
        check_opening_code(code)
        result = OpeningResult(
            offer_id=offer.offer_id,
            code=code,
            signer_subject="",
            files=tuple(name.strip() for name in files if name.strip()),
            opened_at=self._ctx.clock.now(),
            opened_by=pokja.user_id,
        )
        tender = self._tenders.tender(tender_id)
        return self._offers.keep_opening(tender, result, correction=correction)
