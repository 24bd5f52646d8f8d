"""After opening: evaluation per participant, pembuktian, the winner, sanggahan, Tender Gagal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.dua_file import HargaMarks, judge_harga
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.evaluation import (
    REASON_NO_OFFER,
    REASON_NO_PASS,
    Evaluation,
    Marks,
    Sanggahan,
    Winner,
    automatic_gugur,
    check_answer,
    check_sanggah,
    choose_winner,
    ensure_evaluation_open,
    ensure_penetapan_open,
    judge,
    winner_announced,
)
from fake_spse.domain.offers import Offer, OfferPart, parts_for_method
from fake_spse.domain.scoring import Score, choose_best_value, scores
from fake_spse.domain.tenders import Tender, rupiah
from fake_spse.service.accounts import AccountService
from fake_spse.service.context import Context
from fake_spse.service.offers import OfferService
from fake_spse.service.qualification import QualificationService
from fake_spse.service.tenders import TenderService
from fake_spse.storage.database import Database
from spse_shared.profile import QualityCost
from spse_shared.wib import WIB


@dataclass(frozen=True)
class ParticipantResult:
    """One row of the evaluation: the participant, its offer's price and the pokja's marks."""

    vendor: Account
    offer: Offer | None
    opened: bool
    evaluation: Evaluation | None
    winner: bool
    # Kualitas dan Biaya methods: nilai teknis, nilai biaya, nilai akhir (None otherwise).
    score: Score | None = None
    # The gugur SPSE proposes before the pokja evaluates (e.g. an expired izin usaha in the
    # qualification data), worded; the pokja sees them on the evaluation page.
    proposed: tuple[str, ...] = ()

    @property
    def price_rupiah(self) -> int | None:
        # Sealed until opened: a dua file's File II stays sealed for those who failed File I.
        return None if self.offer is None or not self.opened else self.offer.price_rupiah


@dataclass(frozen=True)
class InboxMessage:
    """One of SPSE's messages in a user's Inbox."""

    tender_id: str
    subject: str
    body: str
    sent_at: datetime


class EvaluationService:
    """What the pokja does after opening, and what participants and the public see of it."""

    def __init__(
        self,
        context: Context,
        accounts: AccountService,
        tenders: TenderService,
        offers: OfferService,
        qualification: QualificationService,
    ) -> None:
        self._ctx = context
        self._accounts = accounts
        self._tenders = tenders
        self._offers = offers
        self._qualification = qualification

    def kualitas_biaya(self, tender: Tender) -> QualityCost | None:
        """The tender method's Kualitas dan Biaya weights and passing grade (None: Harga
        Terendah, the lowest passing price wins)."""
        return self._ctx.profile.method(tender.method).kualitas_biaya

    def dua_file(self, tender: Tender) -> bool:
        """The tender's method seals File I and File II apart (Seleksi): File I's page
        evaluates administrasi and teknis (and gives the nilai teknis), this one harga."""
        return OfferPart.FILE_1 in parts_for_method(tender.method)

    def automatic(
        self, tender: Tender, vendor_id: str, nilai_teknis: Decimal | None = None
    ) -> dict[str, list[str]]:
        """The gugur SPSE finds itself for one participant, by part, worded: the qualification
        data it sent, on today's date of the simulated clock, and a nilai teknis below the
        passing grade."""
        found = automatic_gugur(
            submission=self._qualification.current(vendor_id, tender.tender_id),
            today=self._ctx.clock.now().astimezone(WIB).date(),
            nilai_teknis=nilai_teknis,
            kualitas_biaya=self.kualitas_biaya(tender),
        )
        messages = self._ctx.messages
        return {
            part: [messages.text(problem.key, **problem.params) for problem in problems]
            for part, problems in found.items()
        }

    # reading ---------------------------------------------------------------------------------
    def _priced_offer(self, tender: Tender, vendor_id: str) -> Offer | None:
        """The participant's current offer that carries the price (File II of a dua file)."""
        offers = [o for o in self._offers.offers(tender.tender_id) if o.vendor_id == vendor_id]
        priced = [o for o in offers if o.price_rupiah is not None]
        chosen = priced or offers
        return chosen[-1] if chosen else None

    def _opened(self, tender: Tender, vendor_id: str) -> bool:
        offers = [o for o in self._offers.offers(tender.tender_id) if o.vendor_id == vendor_id]
        if not offers:
            return False
        for offer in offers:
            opening = self._offers.opening(offer.offer_id)
            if opening is None or not opening.succeeded:
                return False
        return True

    def results(self, tender_id: str) -> list[ParticipantResult]:
        """Every participant with its offer, opening, evaluation, scores (Kualitas dan Biaya)
        and the gugur SPSE proposes, in the order they joined."""
        with self._ctx.unit() as db:
            tender = self._tenders.tender(tender_id)
            evaluated = db.evaluations(tender_id)
            evaluations = {e.vendor_id: e for e in evaluated}
            rules = self.kualitas_biaya(tender)
            scored = {} if rules is None else scores(evaluated, rules)
            winner = db.winner(tender_id)
            return [
                ParticipantResult(
                    vendor=vendor,
                    offer=self._priced_offer(tender, vendor.user_id),
                    opened=self._opened(tender, vendor.user_id),
                    evaluation=evaluations.get(vendor.user_id),
                    winner=winner is not None and winner.vendor_id == vendor.user_id,
                    score=scored.get(vendor.user_id),
                    proposed=tuple(
                        reason
                        for reasons in self.automatic(tender, vendor.user_id).values()
                        for reason in reasons
                    ),
                )
                for vendor in self._tenders.participants(tender_id)
            ]

    def winner(self, tender_id: str) -> Winner | None:
        """The fixed winner (also before it is announced; pages decide what to show)."""
        with self._ctx.unit() as db:
            return db.winner(tender_id)

    def announced_winner(self, tender_id: str) -> Winner | None:
        """The winner the public sees: fixed, from the start of Pengumuman Pemenang."""
        tender = self._tenders.tender(tender_id)
        winner = self.winner(tender_id)
        if winner is None or not winner_announced(tender.schedule, self._ctx.clock.now()):
            return None
        return winner

    def sanggahan(self, tender_id: str) -> list[Sanggahan]:
        with self._ctx.unit() as db:
            return db.sanggahan(tender_id)

    def inbox(self, user_id: str) -> list[InboxMessage]:
        """The user's SPSE messages (Inbox), newest first."""
        with self._ctx.unit() as db:
            return [InboxMessage(*row) for row in db.inbox(user_id)]

    # the pokja -------------------------------------------------------------------------------
    def _pokja_tender(self, pokja: Account, tender_id: str) -> Tender:
        require_role(pokja, Role.POKJA)
        tender = self._tenders.tender(tender_id)
        if pokja.user_id != tender.created_by:
            raise Forbidden("evaluasi.bukan_pokja")
        if tender.failed_reason is not None:
            raise DomainError("tender.sudah_gagal")
        return tender

    def evaluate(self, pokja: Account, tender_id: str, vendor_id: str, marks: Marks) -> Evaluation:
        """Record the pokja's marks for one participant (again until the winner is fixed).

        A dua file method (Seleksi) takes only harga here: kualifikasi, administrasi, teknis
        and the nilai teknis are File I's evaluation ('Evaluasi Administrasi dan Teknis'),
        kept as recorded there; ``marks``' File I parts are ignored."""
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self._pokja_tender(pokja, tender_id)
            method = self._ctx.profile.method(tender.method)
            ensure_evaluation_open(
                tender.schedule,
                method.opening_stages[0],
                now,
                decided=db.winner(tender_id) is not None,
            )
            if vendor_id not in db.participants(tender_id):
                raise NotFound("evaluasi.bukan_peserta")
            offer = self._priced_offer(tender, vendor_id)
            previous = {e.vendor_id: e for e in db.evaluations(tender_id)}.get(vendor_id)
            if self.dua_file(tender):
                evaluation = judge_harga(
                    HargaMarks(marks.harga, marks.reason, marks.corrected_rupiah),
                    file1=previous,
                    file2_opened=self._opened(tender, vendor_id),
                    price_rupiah=None if offer is None else offer.price_rupiah,
                    hps=tender.hps,
                    now=now,
                    pokja_id=pokja.user_id,
                    kualitas_biaya=method.kualitas_biaya,
                )
                db.save_evaluation(evaluation)
                return evaluation
            evaluation = judge(
                marks,
                tender_id=tender_id,
                vendor_id=vendor_id,
                opened=self._opened(tender, vendor_id),
                price_rupiah=None if offer is None else offer.price_rupiah,
                hps=tender.hps,
                now=now,
                pokja_id=pokja.user_id,
                kualitas_biaya=method.kualitas_biaya,
                forced=self.automatic(tender, vendor_id, marks.nilai_teknis),
            )
            if offer is None:
                evaluation = _with_reason(evaluation, REASON_NO_OFFER)
            if previous is not None and previous.pembuktian is not None:
                evaluation = _replace_pembuktian(evaluation, previous.pembuktian)
            db.save_evaluation(evaluation)
        return evaluation

    def invite_pembuktian(self, pokja: Account, tender_id: str, vendor_id: str) -> None:
        """Send the participant an invitation to Pembuktian Kualifikasi (SPSE's Inbox)."""
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self._pokja_tender(pokja, tender_id)
            evaluation = {e.vendor_id: e for e in db.evaluations(tender_id)}.get(vendor_id)
            if evaluation is None or not evaluation.passed:
                raise DomainError("pembuktian.belum_lulus")
            vendor = self._accounts.account(vendor_id)
            self._tell(
                db,
                [vendor_id],
                tender_id,
                "undangan_pembuktian",
                now,
                peserta=vendor.display_name,
                tender=tender.name,
                kode=tender.tender_id,
            )

    def record_pembuktian(
        self, pokja: Account, tender_id: str, vendor_id: str, *, passed: bool, reason: str = ""
    ) -> Evaluation:
        """The outcome of Pembuktian Kualifikasi for a participant who passed evaluation."""
        with self._ctx.unit() as db:
            self._pokja_tender(pokja, tender_id)
            if db.winner(tender_id) is not None:
                raise DomainError("evaluasi.sudah_ditetapkan")
            evaluation = {e.vendor_id: e for e in db.evaluations(tender_id)}.get(vendor_id)
            if evaluation is None or not evaluation.passed:
                raise DomainError("pembuktian.belum_lulus")
            if not passed and not reason.strip():
                raise DomainError("evaluasi.alasan_wajib")
            updated = _replace_pembuktian(evaluation, passed)
            if not passed:
                updated = _with_reason(updated, reason.strip())
            db.save_evaluation(updated)
        return updated

    def decide_winner(self, pokja: Account, tender_id: str) -> Winner | None:
        """Penetapan Pemenang by the tender's method: the lowest passing price (Harga Terendah)
        or the highest nilai akhir (Kualitas dan Biaya); with nobody passing, the tender fails
        (Tender Gagal) and None is returned. Every participant gets SPSE's message."""
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self._pokja_tender(pokja, tender_id)
            if db.winner(tender_id) is not None:
                raise DomainError("pemenang.sudah_ditetapkan")
            ensure_penetapan_open(tender.schedule, now)
            rules = self.kualitas_biaya(tender)
            evaluations = db.evaluations(tender_id)
            chosen = (
                choose_winner(evaluations)
                if rules is None
                else choose_best_value(evaluations, rules)
            )
            participants = db.participants(tender_id)
            if chosen is None or chosen.final_price is None:
                db.fail_tender(tender_id, REASON_NO_PASS)
                self._tell(
                    db,
                    participants,
                    tender_id,
                    "tender_gagal",
                    now,
                    tender=tender.name,
                    kode=tender.tender_id,
                    alasan=REASON_NO_PASS,
                )
                return None
            winner = Winner(
                tender_id=tender_id,
                vendor_id=chosen.vendor_id,
                price_rupiah=chosen.final_price,
                decided_at=now,
                decided_by=pokja.user_id,
            )
            db.save_winner(winner)
            name = self._accounts.account(chosen.vendor_id).display_name
            self._tell(
                db,
                participants,
                tender_id,
                "pengumuman_pemenang",
                now,
                tender=tender.name,
                kode=tender.tender_id,
                pemenang=name,
                harga=rupiah(winner.price_rupiah),
            )
        return winner

    def answer_sanggah(self, pokja: Account, tender_id: str, sanggah_id: int, text: str) -> None:
        """The pokja's answer to one sanggahan; the participant finds it in the Inbox."""
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self._pokja_tender(pokja, tender_id)
            found = [s for s in db.sanggahan(tender_id) if s.sanggah_id == sanggah_id]
            if not found:
                raise NotFound("sanggah.tidak_ditemukan")
            answer = check_answer(found[0], text)
            db.answer_sanggahan(sanggah_id, answer, now, pokja.user_id)
            self._tell(
                db,
                [found[0].vendor_id],
                tender_id,
                "jawaban_sanggah",
                now,
                tender=tender.name,
                jawaban=answer,
            )

    def _tell(
        self,
        db: Database,
        vendor_ids: Iterable[str],
        tender_id: str,
        kind: str,
        now: datetime,
        **fields: object,
    ) -> None:
        """SPSE's Inbox message ``inbox.<kind>`` (its .judul and .isi) to each of ``vendor_ids``."""
        messages = self._ctx.messages
        subject = messages.text(f"inbox.{kind}.judul")
        body = messages.text(f"inbox.{kind}.isi", **fields)
        for vendor_id in vendor_ids:
            db.add_inbox(vendor_id, tender_id, subject, body, now)

    # the participant -------------------------------------------------------------------------
    def file_sanggah(self, vendor: Account, tender_id: str, text: str) -> int:
        """A participant's sanggahan, inside Masa Sanggah (``sanggah.fail_next`` fault applies)."""
        require_role(vendor, Role.PENYEDIA)
        now = self._ctx.clock.now()
        if self._ctx.faults.check("sanggah.fail_next", actor=vendor.user_id, detail=tender_id):
            raise DomainError("error.umum")
        with self._ctx.unit() as db:
            tender = self._tenders.tender(tender_id)
            cleaned = check_sanggah(
                tender.schedule,
                now,
                text,
                participant=vendor.user_id in db.participants(tender_id),
                winner_fixed=db.winner(tender_id) is not None,
            )
            return db.add_sanggahan(tender_id, vendor.user_id, cleaned, now)

    # simulation (arranged worlds and demos) --------------------------------------------------
    def arrange_price(self, tender_id: str, vendor_id: str, price_rupiah: int) -> Offer:
        """The Surat Penawaran price of a participant's current offer, for arranged worlds and
        demos whose offers were sealed without SPSE's price form (the last current part)."""
        if price_rupiah < 1:
            raise DomainError("evaluasi.harga_koreksi_tidak_valid")
        with self._ctx.unit() as db:
            offers = [o for o in db.offers(tender_id) if o.vendor_id == vendor_id]
            if not offers:
                raise NotFound("evaluasi.bukan_peserta")
            db.set_offer_price(offers[-1].offer_id, price_rupiah)
            return replace(offers[-1], price_rupiah=price_rupiah)


def _with_reason(evaluation: Evaluation, reason: str) -> Evaluation:
    reasons = [r for r in (evaluation.reason, reason) if r]
    return replace(evaluation, reason="; ".join(dict.fromkeys(reasons)))


def _replace_pembuktian(evaluation: Evaluation, passed: bool) -> Evaluation:
    return replace(evaluation, pembuktian=passed)
