"""Seleksi dua file after the offers: the pokja evaluates File I (administrasi dan teknis)
before File II (harga) may be opened. The harga evaluation, the winner and sanggahan are the
evaluation service's (fake_spse.service.evaluation), as for every method."""

from __future__ import annotations

from dataclasses import dataclass

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.dua_file import File1Marks, judge_file1
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.evaluation import Evaluation, ensure_evaluation_open
from fake_spse.domain.offers import Offer, OfferPart, parts_for_method
from fake_spse.domain.tenders import Tender
from fake_spse.service.accounts import AccountService
from fake_spse.service.context import Context
from fake_spse.service.evaluation import EvaluationService
from fake_spse.service.offers import OfferService
from fake_spse.service.tenders import TenderService


@dataclass(frozen=True)
class File1Row:
    """One participant on 'Evaluasi Administrasi dan Teknis (File I)'."""

    vendor: Account
    offer: Offer | None
    opened: bool
    evaluation: Evaluation | None


class DuaFileService:
    """File I's evaluation, which decides whose File II is opened."""

    def __init__(
        self,
        context: Context,
        accounts: AccountService,
        tenders: TenderService,
        offers: OfferService,
        evaluation: EvaluationService,
    ) -> None:
        self._ctx = context
        self._accounts = accounts
        self._tenders = tenders
        self._offers = offers
        self._evaluation = evaluation

    def _dua_file_tender(self, pokja: Account, tender_id: str) -> Tender:
        require_role(pokja, Role.POKJA)
        tender = self._tenders.tender(tender_id)
        if pokja.user_id != tender.created_by:
            raise Forbidden("evaluasi.bukan_pokja")
        if OfferPart.FILE_1 not in parts_for_method(tender.method):
            raise DomainError("evaluasi.bukan_dua_file")
        if tender.failed_reason is not None:
            raise DomainError("tender.sudah_gagal")
        return tender

    def _file1(self, tender_id: str, vendor_id: str) -> tuple[Offer | None, bool]:
        """The participant's current File I and whether it was opened successfully."""
        found = [
            o
            for o in self._offers.offers(tender_id)
            if o.vendor_id == vendor_id and o.part is OfferPart.FILE_1
        ]
        if not found:
            return None, False
        opening = self._offers.opening(found[-1].offer_id)
        return found[-1], opening is not None and opening.succeeded

    def _file2_opened(self, tender_id: str) -> bool:
        return any(
            self._offers.opening(o.offer_id) is not None
            for o in self._offers.offers(tender_id)
            if o.part is OfferPart.FILE_2
        )

    def file1_rows(self, pokja: Account, tender_id: str) -> tuple[Tender, list[File1Row]]:
        """The tender and each participant with its File I and File I evaluation, for its pokja."""
        tender = self._dua_file_tender(pokja, tender_id)
        with self._ctx.unit() as db:
            evaluations = {e.vendor_id: e for e in db.evaluations(tender_id)}
        rows = []
        for vendor in self._tenders.participants(tender_id):
            offer, opened = self._file1(tender_id, vendor.user_id)
            rows.append(File1Row(vendor, offer, opened, evaluations.get(vendor.user_id)))
        return tender, rows

    def evaluate_file1(
        self, pokja: Account, tender_id: str, vendor_id: str, marks: File1Marks
    ) -> Evaluation:
        """Record the pokja's File I marks for one participant (again until a File II was
        opened), with the nilai teknis of a Kualitas dan Biaya method and the gugur SPSE finds
        itself (an expired izin usaha, a nilai teknis below the ambang batas); harga stays
        open for File II."""
        now = self._ctx.clock.now()
        tender = self._dua_file_tender(pokja, tender_id)
        method = self._ctx.profile.method(tender.method)
        offer, opened = self._file1(tender_id, vendor_id)
        file2_opened = self._file2_opened(tender_id)
        with self._ctx.unit() as db:
            ensure_evaluation_open(
                tender.schedule,
                method.opening_stages[0],
                now,
                decided=db.winner(tender_id) is not None,
            )
            if vendor_id not in db.participants(tender_id):
                raise NotFound("evaluasi.bukan_peserta")
            previous = {e.vendor_id: e for e in db.evaluations(tender_id)}.get(vendor_id)
            evaluation = judge_file1(
                marks,
                tender_id=tender_id,
                vendor_id=vendor_id,
                opened=offer is not None and opened,
                previous=previous,
                file2_opened=file2_opened,
                now=now,
                pokja_id=pokja.user_id,
                kualitas_biaya=method.kualitas_biaya,
                forced=self._evaluation.automatic(tender, vendor_id, marks.nilai_teknis),
            )
            db.save_evaluation(evaluation)
        return evaluation
