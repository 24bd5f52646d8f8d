"""Offers: receiving a sealed offer, whom it is sealed to, and what the pokja found at opening."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.dua_file import File1Standing, ensure_part_opens, file2_openable
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.offer_checks import OfferRules, check_offer
from fake_spse.domain.offer_letter import (
    LETTER_NAME,
    OfferLetter,
    parse_letter_form,
    render_letter,
)
from fake_spse.domain.offers import (
    OPENING_CODES,
    Offer,
    OfferPart,
    OpeningResult,
    check_opening_record,
    parse_part,
    parts_for_method,
)
from fake_spse.domain.tenders import Tender
from fake_spse.service.blocking import call
from fake_spse.service.certificates import CertificateService
from fake_spse.service.context import Context
from fake_spse.service.tenders import TenderService
from fake_spse.simulation.faults import Fault
from fake_spse.storage.blobs import BlobTooLarge, StoredBlob


class UploadCut(Exception):
    """The ``upload.cut`` fault fired: the server drops the connection mid-upload."""


@dataclass(frozen=True)
class Receipt:
    """What SPSE answers for a received offer."""

    offer: Offer
    replaced: bool


@dataclass(frozen=True)
class BlobCounts:
    """How many offer files and letters are stored whole, and how many writes were left over."""

    stored: int
    partial: int


class OfferService:
    """The offers vendors send and the opening records of the pokja."""

    def __init__(
        self, context: Context, tenders: TenderService, certificates: CertificateService
    ) -> None:
        self._ctx = context
        self._tenders = tenders
        self._certificates = certificates

    def _opening_stage(self, tender: Tender, part: OfferPart | None = None) -> str:
        """The stage in which ``part`` of the tender's offers (its first sealed file by
        default) is opened, by its method: File II of a dua file has a stage of its own."""
        stages = self._ctx.profile.method(tender.method).opening_stages
        parts = parts_for_method(tender.method)
        if part is None or part not in parts or len(stages) != len(parts):
            return stages[0]
        return stages[parts.index(part)]

    def require_protection(self, protection: str) -> None:
        """The pages of one protection scheme ("ca" or "apendo") refuse in a profile that
        uses the other one."""
        if self._ctx.profile.protection != protection:
            key = "apendo.halaman_non_ca" if protection == "apendo" else "apendo.halaman_ca"
            raise DomainError(key)

    def check_can_upload(self, vendor: Account, tender_id: str) -> Tender:
        """The tender, if ``vendor`` may send it an offer now."""
        require_role(vendor, Role.PENYEDIA)
        tender = self._tenders.tender(tender_id)
        if not self._tenders.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        tender.ensure_upload_open(self._ctx.clock.now())
        return tender

    def prepare_letter(
        self, vendor: Account, tender_id: str, part: str | None, price: str, validity: str
    ) -> tuple[str, bytes, OfferLetter]:
        """Generate the Surat Penawaran for the part of the vendor's offer that carries the
        price, from the page's fields; SPSE keeps it to record the price with the offer.
        Returns the file name inside the offer, the PDF and the letter."""
        tender = self.check_can_upload(vendor, tender_id)
        offer_part = parse_part(part, tender.method)
        if not offer_part.carries_price:
            raise DomainError("penawaran.bagian_tanpa_harga")
        amount, days = parse_letter_form(price, validity)
        letter = OfferLetter(
            tender_id=tender.tender_id,
            vendor_id=vendor.user_id,
            part=offer_part,
            price_rupiah=amount,
            validity_days=days,
            created_at=self._ctx.clock.now(),
        )
        with self._ctx.unit() as db:
            db.save_offer_letter(letter)
        pdf = render_letter(
            letter,
            tender_name=tender.name,
            company=vendor.company,
            director=vendor.director,
            npwp=vendor.npwp,
        )
        return LETTER_NAME, pdf, letter

    async def receive_offer(
        self,
        vendor: Account,
        tender_id: str,
        body: AsyncIterator[bytes],
        part: str | None = None,
    ) -> Receipt:
        """Stream an offer (one part of it, per the tender's method) to disk; it is kept only
        if whole and received before the deadline.

        The checks before and the record after run in a worker thread (SQLite); the body is
        streamed on the event loop.
        """
        tender, slow, cut = await call(self._open_upload, vendor, tender_id)
        offer_part = parse_part(part, tender.method)

        # Real seconds per chunk (the trainer's slow line) unless the fault only asks for
        # simulated duration.
        delay_ms = 0
        if slow is not None:
            delay_ms = int(slow.params.get("delay_ms", 0 if "duration_s" in slow.params else 200))

        async def before_chunk(received: int) -> None:
            if slow is not None and delay_ms > 0:
                await asyncio.sleep(delay_ms / 1000)
            if cut is not None and received >= int(cut.params.get("after_bytes", 1024)):
                raise UploadCut

        blobs = self._ctx.blobs
        max_bytes = self._ctx.profile.upload_max_bytes
        try:
            stored = await blobs.write_stream(body, max_bytes=max_bytes, before_chunk=before_chunk)
        except BlobTooLarge as exc:
            raise DomainError("penawaran.terlalu_besar", max_mb=max_bytes // 2**20) from exc
        if cut is not None:
            # The body ended before a chunk boundary reached ``after_bytes``: the connection
            # still drops before the upload is complete, so nothing is kept.
            blobs.delete(stored.key)
            raise UploadCut
        if stored.size == 0:
            blobs.delete(stored.key)
            raise DomainError("penawaran.kosong")
        if slow is not None and int(slow.params.get("duration_s", 0)) > 0:
            # A slow line, on SPSE's clock: the upload completes duration_s after it started,
            # and the deadline applies to that moment (no real waiting in a scenario).
            self._ctx.clock.advance(timedelta(seconds=int(slow.params["duration_s"])))
        return await call(self._keep_offer, tender, vendor, stored, offer_part)

    def _open_upload(
        self, vendor: Account, tender_id: str
    ) -> tuple[Tender, Fault | None, Fault | None]:
        """The tender an upload goes to, and the ``upload.slow``/``upload.cut`` faults that
        fire for it (``upload.fail_next`` refuses it at once)."""
        tender = self.check_can_upload(vendor, tender_id)
        faults = self._ctx.faults
        if faults.check("upload.fail_next", actor=vendor.user_id, detail=tender_id):
            raise DomainError("error.umum")
        slow = faults.check("upload.slow", actor=vendor.user_id, detail=tender_id)
        cut = faults.check("upload.cut", actor=vendor.user_id, detail=tender_id)
        return tender, slow, cut

    def _keep_offer(
        self,
        tender: Tender,
        vendor: Account,
        stored: StoredBlob,
        part: OfferPart = OfferPart.PENAWARAN,
    ) -> Receipt:
        """Record a whole upload as the vendor's current offer of ``part``, unless it completed
        after the deadline (the deadline applies to the moment the upload is complete, as on a
        real server) or it is not an offer SPSE accepts: then it replaces nothing. The part
        that carries the price gets the price of the Surat Penawaran SPSE generated last."""
        received_at = self._ctx.clock.now()
        try:
            tender.ensure_upload_open(received_at)
            # Only a well-formed offer to this tender's recipients may replace the current one.
            with self._ctx.blobs.path(stored.key).open("rb") as stream:
                check_offer(stream, stored.size, self.offer_rules(vendor, tender))
        except DomainError:
            self._ctx.blobs.delete(stored.key)
            raise
        with self._ctx.unit() as db:
            letter = (
                db.offer_letter(tender.tender_id, vendor.user_id, part)
                if part.carries_price
                else None
            )
            offer, replaced_key = db.add_offer(
                tender_id=tender.tender_id,
                vendor_id=vendor.user_id,
                blob_key=stored.key,
                sha256=stored.sha256,
                size=stored.size,
                received_at=received_at,
                part=part,
                price_rupiah=None if letter is None else letter.price_rupiah,
            )
        return Receipt(offer=offer, replaced=replaced_key is not None)

    def current_offer(
        self, vendor: Account, tender_id: str, part: OfferPart = OfferPart.PENAWARAN
    ) -> Offer | None:
        """The vendor's offer of ``part`` that counts for ``tender_id`` (its latest), if any."""
        with self._ctx.unit() as db:
            return db.current_offer(tender_id, vendor.user_id, part)

    def shown_price(self, offer: Offer) -> int | None:
        """The offered price as SPSE shows it: only once the offer was opened (sealed until
        then), and only on the part that carries it."""
        opening = self.opening(offer.offer_id)
        if opening is None or not opening.opened:
            return None
        return offer.price_rupiah

    def vendor_prices(self, tender_id: str) -> dict[str, int]:
        """Vendor id -> the offered price shown after opening (vendors without one left out)."""
        prices: dict[str, int] = {}
        for offer in self.offers(tender_id):
            price = self.shown_price(offer)
            if price is not None:
                prices[offer.vendor_id] = price
        return prices

    def offers(self, tender_id: str, *, current_only: bool = True) -> list[Offer]:
        """The receipts of a tender's offers (also replaced ones unless ``current_only``), for
        the control plane: no role check."""
        with self._ctx.unit() as db:
            return db.offers(tender_id, current_only=current_only)

    def offer_recipients(self, tender: Tender) -> tuple[str, ...]:
        """The certificates (PEM) an offer to ``tender`` is sealed to when it is sent now.

        The tender's pokja's current certificate: a pokja who replaced a lost key gets later
        offers sealed to the new one, while offers already sent stay sealed to the old one.
        Without a current certificate, the ones recorded when the tender was announced.
        """
        if self._ctx.profile.protection != "ca":
            return tender.recipient_certificates
        current = self._certificates.certificate_of(tender.created_by)
        return (current.pem,) if current is not None else tender.recipient_certificates

    def offer_rules(self, vendor: Account, tender: Tender) -> OfferRules:
        """What an offer from ``vendor`` to ``tender`` must be, now: CA, an envelope to the
        pokja's certificates from a vendor with a valid certificate; APENDO, to the package key."""
        if self._ctx.profile.protection == "apendo":
            with self._ctx.unit() as db:
                package = db.package_key(tender.tender_id)
            if package is None:
                raise NotFound("apendo.kunci_tidak_ada")
            return OfferRules(recipient_sets=((package.certificate_pem,),), apendo=True)
        sets = {self.offer_recipients(tender), tender.recipient_certificates} - {()}
        return OfferRules(
            recipient_sets=tuple(sets),
            vendor_certified=self._certificates.certificate_of(vendor.user_id) is not None,
        )

    def offers_for_opening(
        self, pokja: Account, tender_id: str, part: str | None = None
    ) -> tuple[Tender, list[Offer]]:
        """The current offers of a tender, for its own pokja, once opening has started.

        With ``part`` (``file1``/``file2`` of a dua file tender, "" for its first part) only
        that part's offers, once its own opening stage has started. File II is listed only
        after File I was evaluated, and only for those who passed it (domain.dua_file)."""
        require_role(pokja, Role.POKJA)
        tender = self._tenders.tender(tender_id)
        tender.ensure_pokja(pokja.user_id)
        if part is None:
            tender.ensure_opening_started(self._ctx.clock.now(), self._opening_stage(tender))
            return tender, self.offers(tender_id)
        offer_part = parse_part(part or parts_for_method(tender.method)[0], tender.method)
        openable = self.file2_openable(tender) if offer_part is OfferPart.FILE_2 else None
        tender.ensure_opening_started(
            self._ctx.clock.now(), self._opening_stage(tender, offer_part)
        )
        offers = [o for o in self.offers(tender_id) if o.part is offer_part]
        if openable is not None:
            offers = [o for o in offers if o.vendor_id in openable]
        return tender, offers

    def file2_openable(self, tender: Tender) -> frozenset[str]:
        """The participants whose File II may be opened now (those who passed File I);
        DomainError while a participant's File I is not yet evaluated."""
        with self._ctx.unit() as db:
            evaluations = {e.vendor_id: e for e in db.evaluations(tender.tender_id)}
            senders = {
                o.vendor_id for o in db.offers(tender.tender_id) if o.part is OfferPart.FILE_1
            }
        return file2_openable(File1Standing(v, evaluations.get(v)) for v in sorted(senders))

    def offer_file(self, pokja: Account, tender_id: str, offer_id: int) -> tuple[Offer, Path]:
        """The stored ciphertext of one offer, for the tender's pokja only, once its part's
        opening stage has started and, for File II, in the order of a dua file selection."""
        tender, offers = self.offers_for_opening(pokja, tender_id)
        for offer in offers:
            if offer.offer_id == offer_id:
                self._ensure_opens(tender, offer)
                return offer, self._ctx.blobs.path(offer.blob_key)
        raise NotFound("tender.tidak_ditemukan")

    def _ensure_opens(self, tender: Tender, offer: Offer) -> None:
        """The part of ``offer`` may be opened now (its stage, and File I before File II)."""
        if offer.part is OfferPart.PENAWARAN:
            return
        openable = self.file2_openable(tender) if offer.part is OfferPart.FILE_2 else None
        ensure_part_opens(offer.part, offer.vendor_id, openable)
        tender.ensure_opening_started(
            self._ctx.clock.now(), self._opening_stage(tender, offer.part)
        )

    def stored_offer(self, tender_id: str, offer_id: int) -> tuple[Offer, Path]:
        """Any stored offer of a tender and its file, for the control plane (no role check);
        NotFound if the tender has no such offer."""
        with self._ctx.unit() as db:
            offer = db.offer(offer_id)
        if offer is None or offer.tender_id != tender_id:
            raise NotFound("tender.tidak_ditemukan")
        return offer, self._ctx.blobs.path(offer.blob_key)

    def blob_counts(self) -> BlobCounts:
        """What the blob store holds: whole files, and partial writes left over."""
        return BlobCounts(
            stored=len(self._ctx.blobs.keys()), partial=len(self._ctx.blobs.partial_keys())
        )

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
        """Keep what the pokja's SpamKodok found when opening an offer (``correction``: the
        pokja replaces a result recorded earlier, see ``keep_opening``)."""
        offer, _ = self.offer_file(pokja, tender_id, offer_id)
        if code not in OPENING_CODES:
            raise DomainError("pembukaan.status_tidak_dikenal")
        result = OpeningResult(
            offer_id=offer.offer_id,
            code=code,
            signer_subject=signer_subject,
            files=files,
            opened_at=self._ctx.clock.now(),
            opened_by=pokja.user_id,
        )
        return self.keep_opening(self._tenders.tender(tender_id), result, correction=correction)

    def keep_opening(
        self, tender: Tender, result: OpeningResult, *, correction: bool
    ) -> OpeningResult:
        """Record ``result`` once, during ``tender``'s opening stage; the result that counts.

        The same result again is a retry and records nothing; a different one is refused
        unless it is a ``correction``, which is logged as a new entry, never written silently
        over the first.
        """
        with self._ctx.unit() as db:
            offer = db.offer(result.offer_id)
            stage = self._opening_stage(tender, None if offer is None else offer.part)
            stage_end = tender.schedule.window(stage).end
            previous = db.opening(result.offer_id)
            if not check_opening_record(
                previous, result, correction=correction, stage_end=stage_end
            ):
                assert previous is not None
                return previous
            db.save_opening(result, correction=previous is not None)
        return result

    def opening(self, offer_id: int) -> OpeningResult | None:
        """What the pokja recorded when opening ``offer_id``, if anything."""
        with self._ctx.unit() as db:
            return db.opening(offer_id)

    def openings(self, tender_id: str) -> list[tuple[Offer, OpeningResult]]:
        """Each current offer of a tender that has an opening record, with that record."""
        with self._ctx.unit() as db:
            found = [(offer, db.opening(offer.offer_id)) for offer in db.offers(tender_id)]
        return [(offer, result) for offer, result in found if result is not None]
