"""Before the offer: Download Dokumen Pemilihan and Pemberian Penjelasan."""

from __future__ import annotations

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.errors import Forbidden, NotFound
from fake_spse.domain.pemilihan import (
    Question,
    check_question,
    check_question_answer,
    dokumen_pemilihan,
    ensure_document_available,
)
from fake_spse.service.context import Context
from fake_spse.service.tenders import TenderService


class PemilihanService:
    """The Dokumen Pemilihan SPSE generates, and the questions and answers of a tender."""

    def __init__(self, context: Context, tenders: TenderService) -> None:
        self._ctx = context
        self._tenders = tenders

    def document(self, user: Account, tender_id: str) -> bytes:
        """The Dokumen Pemilihan (PDF) for a participant or the tender's pokja."""
        tender = self._tenders.tender(tender_id)
        allowed = user.user_id == tender.created_by or (
            user.role is Role.PENYEDIA and self._tenders.is_participant(user.user_id, tender_id)
        )
        if not allowed:
            raise Forbidden("dokumen.bukan_peserta")
        ensure_document_available(tender.schedule, self._ctx.clock.now())
        return dokumen_pemilihan(tender)

    def questions(self, tender_id: str) -> list[Question]:
        """Every question of the tender with its answer (every participant sees them all)."""
        self._tenders.tender(tender_id)
        with self._ctx.unit() as db:
            return db.questions(tender_id)

    def ask(self, vendor: Account, tender_id: str, text: str) -> int:
        """A participant's question during Pemberian Penjelasan."""
        require_role(vendor, Role.PENYEDIA)
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            tender = self._tenders.tender(tender_id)
            cleaned = check_question(
                tender.schedule,
                now,
                text,
                participant=vendor.user_id in db.participants(tender_id),
            )
            return db.add_question(tender_id, vendor.user_id, cleaned, now)

    def answer(self, pokja: Account, tender_id: str, question_id: int, text: str) -> None:
        """The tender's pokja answers a question."""
        require_role(pokja, Role.POKJA)
        with self._ctx.unit() as db:
            tender = self._tenders.tender(tender_id)
            if pokja.user_id != tender.created_by:
                raise Forbidden("evaluasi.bukan_pokja")
            found = [q for q in db.questions(tender_id) if q.question_id == question_id]
            if not found:
                raise NotFound("penjelasan.tidak_ditemukan")
            db.answer_question(
                question_id, check_question_answer(found[0], text), self._ctx.clock.now()
            )
