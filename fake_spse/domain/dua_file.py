"""The order of a dua file selection (Seleksi Prakualifikasi Dua File): File I (administrasi dan
teknis) is opened and evaluated first; File II (harga) is opened only afterwards, and only for
the participants who passed File I. A failed participant's File II stays sealed.

Plain rules over plain values; the service passes in the evaluations and the clock's moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.evaluation import REASON_NOT_OPENED, Evaluation
from fake_spse.domain.offers import OfferPart

# The parts of the evaluation File I decides (harga is File II's).
FILE1_PARTS = ("kualifikasi", "administrasi", "teknis")


@dataclass(frozen=True)
class File1Standing:
    """Where one participant who sent File I stands after its evaluation."""

    vendor_id: str
    evaluation: Evaluation | None

    @property
    def evaluated(self) -> bool:
        """The pokja recorded administrasi and teknis (and kualifikasi) for File I."""
        e = self.evaluation
        return e is not None and all(e.mark(part) is not None for part in FILE1_PARTS)

    @property
    def passed(self) -> bool:
        """Lulus in every part of File I."""
        e = self.evaluation
        return e is not None and all(e.mark(part) is True for part in FILE1_PARTS)


@dataclass(frozen=True)
class File1Marks:
    """What the pokja entered for one participant on 'Evaluasi Administrasi dan Teknis'."""

    kualifikasi: bool
    administrasi: bool
    teknis: bool
    reason: str


def file2_openable(standings: Iterable[File1Standing]) -> frozenset[str]:
    """The participants whose File II may be opened: those who passed File I.

    Refused (``pembukaan.file1_belum_dievaluasi``) while a participant who sent File I has no
    evaluation of administrasi and teknis yet: File II is opened after File I is evaluated,
    never before, and never for everyone at once regardless of the result.
    """
    standings = list(standings)
    waiting = [s.vendor_id for s in standings if not s.evaluated]
    if not standings or waiting:
        raise DomainError("pembukaan.file1_belum_dievaluasi")
    return frozenset(s.vendor_id for s in standings if s.passed)


def ensure_file2_of(vendor_id: str, openable: frozenset[str]) -> None:
    """One participant's File II may be opened only when it passed File I."""
    if vendor_id not in openable:
        raise DomainError("pembukaan.file2_tidak_lulus_file1")


def ensure_part_opens(part: OfferPart, vendor_id: str, openable: frozenset[str] | None) -> None:
    """Opening ``part`` of ``vendor_id``'s offer respects the order (``openable``: the result
    of ``file2_openable``, needed only for File II)."""
    if part is OfferPart.FILE_2:
        if openable is None:
            raise DomainError("pembukaan.file1_belum_dievaluasi")
        ensure_file2_of(vendor_id, openable)


def judge_file1(
    marks: File1Marks,
    *,
    tender_id: str,
    vendor_id: str,
    opened: bool,
    previous: Evaluation | None,
    file2_opened: bool,
    now: datetime,
    pokja_id: str,
) -> Evaluation:
    """The evaluation SPSE records for File I: kualifikasi, administrasi and teknis; harga stays
    open until File II. A File I that could not be opened fails administrasi; every gugur needs
    a reason. Once any File II was opened, File I's result can no longer change (File II's
    opening was decided by it)."""
    if file2_opened:
        raise DomainError("evaluasi.file1_terkunci")
    administrasi = marks.administrasi
    reasons = [marks.reason.strip()] if marks.reason.strip() else []
    if not opened:
        administrasi = False
        reasons.insert(0, REASON_NOT_OPENED)
    failed = not all((marks.kualifikasi, administrasi, marks.teknis))
    if failed and not reasons:
        raise FormProblems([DomainError("evaluasi.alasan_wajib")])
    return Evaluation(
        tender_id=tender_id,
        vendor_id=vendor_id,
        kualifikasi=marks.kualifikasi,
        administrasi=administrasi,
        teknis=marks.teknis,
        harga=None,
        reason="; ".join(dict.fromkeys(reasons)),
        price_rupiah=None,
        corrected_rupiah=None,
        pembuktian=None if previous is None else previous.pembuktian,
        evaluated_at=now,
        evaluated_by=pokja_id,
    )
