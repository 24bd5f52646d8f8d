"""Tender Cepat after opening: the offers ranked by price and the winner fixed by the pokja."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.evaluation import Winner
from fake_spse.domain.tender_cepat import PriceOffer, decide, ensure_penetapan_open, ranking
from fake_spse.domain.tenders import Tender, rupiah
from fake_spse.service.accounts import AccountService
from fake_spse.service.context import Context
from fake_spse.service.offers import OfferService
from fake_spse.service.tenders import TenderService
from fake_spse.storage.database import Database


@dataclass(frozen=True)
class RankedOffer:
    """One row of the Tender Cepat page: the participant, its offer, and its place (None when
    its offer is not acceptable: not sent, not opened, no price, or above the HPS)."""

    vendor: Account
    offer: PriceOffer | None
    rank: int | None


class TenderCepatService:
    """The pokja's side of a Tender Cepat after opening (the public pages read the winner the
    same way as for every method)."""

    def __init__(
        self,
        context: Context,
        accounts: AccountService,
        tenders: TenderService,
        offers: OfferService,
    ) -> None:
        self._ctx = context
        self._accounts = accounts
        self._tenders = tenders
        self._offers = offers

    def cepat_tender(self, tender_id: str) -> Tender:
        """The tender ``tender_id`` if it runs Tender Cepat; DomainError otherwise."""
        tender = self._tenders.tender(tender_id)
        if not self._ctx.profile.method(tender.method).requires_sikap:
            raise DomainError("tender_cepat.bukan_tender_cepat")
        return tender

    def _price_offers(self, tender: Tender) -> dict[str, PriceOffer]:
        """Each participant's current priced offer, as Tender Cepat ranks it."""
        found: dict[str, PriceOffer] = {}
        for offer in self._offers.offers(tender.tender_id):
            if not offer.part.carries_price:
                continue
            opening = self._offers.opening(offer.offer_id)
            found[offer.vendor_id] = PriceOffer(
                vendor_id=offer.vendor_id,
                price_rupiah=offer.price_rupiah,
                opened=opening is not None and opening.succeeded,
                received_at=offer.received_at,
            )
        return found

    def ranking(self, tender_id: str) -> list[RankedOffer]:
        """Every participant, the acceptable offers first by price, then the others."""
        with self._ctx.unit():
            tender = self.cepat_tender(tender_id)
            offers = self._price_offers(tender)
            places = {
                o.vendor_id: place
                for place, o in enumerate(ranking(list(offers.values()), tender.hps), 1)
            }
            rows = [
                RankedOffer(vendor, offers.get(vendor.user_id), places.get(vendor.user_id))
                for vendor in self._tenders.participants(tender_id)
            ]
        return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0))

    def decide_winner(self, pokja: Account, tender_id: str) -> Winner | None:
        """Penetapan Pemenang of a Tender Cepat: the lowest acceptable price wins; with fewer
        than two offers or none acceptable the tender fails (Tender Gagal) and None is
        returned. Every participant gets SPSE's message."""
        require_role(pokja, Role.POKJA)
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self.cepat_tender(tender_id)
            if pokja.user_id != tender.created_by:
                raise Forbidden("evaluasi.bukan_pokja")
            if tender.failed_reason is not None:
                raise DomainError("tender.sudah_gagal")
            ensure_penetapan_open(tender.schedule, now, decided=db.winner(tender_id) is not None)
            outcome = decide(list(self._price_offers(tender).values()), tender.hps)
            participants = db.participants(tender_id)
            if outcome.winner is None or outcome.winner.price_rupiah is None:
                reason = outcome.failed_reason or ""
                db.fail_tender(tender_id, reason)
                self._tell(db, participants, tender, "tender_gagal", now, alasan=reason)
                return None
            winner = Winner(
                tender_id=tender_id,
                vendor_id=outcome.winner.vendor_id,
                price_rupiah=outcome.winner.price_rupiah,
                decided_at=now,
                decided_by=pokja.user_id,
            )
            db.save_winner(winner)
            name = self._accounts.account(winner.vendor_id).display_name
            self._tell(
                db,
                participants,
                tender,
                "pengumuman_pemenang",
                now,
                pemenang=name,
                harga=rupiah(winner.price_rupiah),
            )
        return winner

    def _tell(
        self,
        db: Database,
        vendor_ids: list[str],
        tender: Tender,
        kind: str,
        now: datetime,
        **fields: object,
    ) -> None:
        """SPSE's Inbox message ``inbox.<kind>`` about ``tender`` to each participant (the same
        messages as the other methods' penetapan)."""
        messages = self._ctx.messages
        subject = messages.text(f"inbox.{kind}.judul")
        body = messages.text(
            f"inbox.{kind}.isi", tender=tender.name, kode=tender.tender_id, **fields
        )
        for vendor_id in vendor_ids:
            db.add_inbox(vendor_id, tender.tender_id, subject, body, now)
