"""The order of a dua file selection (Seleksi Prakualifikasi Dua File): File I (administrasi dan
teknis) is opened and evaluated first; File II (harga) is opened only afterwards, and only for
the participants who passed File I. A failed participant's File II stays sealed.

Plain rules over plain values; the service passes in the evaluations and the clock's moment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from fake_spse.domain.errors import DomainError
from fake_spse.domain.evaluation import (
    Evaluation,
    Marks,
    join_reasons,
    judge,
    opening_reasons,
    required_nilai_teknis,
    settle,
)
from fake_spse.domain.offers import OfferPart
from spse_shared.profile import QualityCost

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
    # Nilai teknis, 0-100: a Kualitas dan Biaya method scores File I here (and only here).
    nilai_teknis: Decimal | None = None


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
    kualitas_biaya: QualityCost | None = None,
    forced: Mapping[str, Sequence[str]] | None = None,
) -> Evaluation:
    """The evaluation SPSE records for File I: kualifikasi, administrasi and teknis; harga stays
    open until File II. A File I that could not be opened fails administrasi; every gugur needs
    a reason. Once any File II was opened, File I's result can no longer change (File II's
    opening was decided by it).

    A Kualitas dan Biaya method takes the nilai teknis with File I (required for a teknis
    marked lulus); ``forced`` are the gugur SPSE found itself, by part, worded
    (``automatic_gugur``: an expired izin usaha, a nilai teknis below the ambang batas), and
    each such part gugur whatever the form says, so that participant's File II stays sealed."""
    if file2_opened:
        raise DomainError("evaluasi.file1_terkunci")
    forced = forced or {}
    unknown = set(forced) - set(FILE1_PARTS)
    if unknown:
        raise ValueError(f"not File I parts: {sorted(unknown)}")
    nilai_teknis = required_nilai_teknis(marks.teknis, marks.nilai_teknis, kualitas_biaya)
    mark = {
        "kualifikasi": marks.kualifikasi,
        "administrasi": marks.administrasi,
        "teknis": marks.teknis,
    }
    reasons = settle(mark, opening_reasons(mark, marks.reason, opened=opened), forced)
    return Evaluation(
        tender_id=tender_id,
        vendor_id=vendor_id,
        kualifikasi=mark["kualifikasi"],
        administrasi=mark["administrasi"],
        teknis=mark["teknis"],
        harga=None,
        reason=join_reasons(reasons),
        price_rupiah=None,
        corrected_rupiah=None,
        pembuktian=None if previous is None else previous.pembuktian,
        evaluated_at=now,
        evaluated_by=pokja_id,
        nilai_teknis=nilai_teknis,
    )


@dataclass(frozen=True)
class HargaMarks:
    """What the pokja entered for one participant's File II on 'Evaluasi Penawaran'."""

    harga: bool
    reason: str
    corrected_rupiah: int | None = None


def judge_harga(
    marks: HargaMarks,
    *,
    file1: Evaluation | None,
    file2_opened: bool,
    price_rupiah: int | None,
    hps: int,
    now: datetime,
    pokja_id: str,
    kualitas_biaya: QualityCost | None = None,
) -> Evaluation:
    """The evaluation after File II: harga (the HPS and correction rules of ``judge``) on top
    of File I's result, which stays as File I's page recorded it (marks, reasons, nilai
    teknis): the pokja does not evaluate administrasi and teknis a second time. Refused
    before File I was evaluated, for a participant who failed File I (its File II stays
    sealed) and before its File II was opened."""
    if file1 is None or not File1Standing(file1.vendor_id, file1).evaluated:
        raise DomainError("pembukaan.file1_belum_dievaluasi")
    if not File1Standing(file1.vendor_id, file1).passed:
        raise DomainError("pembukaan.file2_tidak_lulus_file1")
    if not file2_opened:
        raise DomainError("evaluasi.file2_belum_dibuka")
    evaluation = judge(
        Marks(
            kualifikasi=True,
            administrasi=True,
            teknis=True,
            harga=marks.harga,
            reason=join_reasons([file1.reason, marks.reason]),
            corrected_rupiah=marks.corrected_rupiah,
            nilai_teknis=file1.nilai_teknis,
        ),
        tender_id=file1.tender_id,
        vendor_id=file1.vendor_id,
        opened=True,
        price_rupiah=price_rupiah,
        hps=hps,
        now=now,
        pokja_id=pokja_id,
        kualitas_biaya=kualitas_biaya,
    )
    return replace(evaluation, pembuktian=file1.pembuktian)
