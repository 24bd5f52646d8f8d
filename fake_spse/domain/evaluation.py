"""After opening: the pokja's evaluation per participant, the winner, sanggahan, Tender Gagal.

Plain rules over plain values. Stage names come from the profile (spse_shared.profile); the
moments from the simulated clock the service passes in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.qualification import QualificationSubmission
from fake_spse.domain.schedule import Schedule
from fake_spse.domain.tenders import Tender
from fake_spse.domain.vendor_data import RecordKind
from spse_shared.profile import (
    PENETAPAN_STAGE,
    PENGUMUMAN_PEMENANG_STAGE,
    SANGGAH_STAGE,
    QualityCost,
)

# The parts SPSE marks per participant, in the order of its "Hasil Evaluasi" columns.
PARTS = ("kualifikasi", "administrasi", "teknis", "harga")
# The reasons SPSE's rules give on their own (the pokja's own reasons are free text).
REASON_ABOVE_HPS = "Harga penawaran melebihi HPS"
REASON_NOT_OPENED = "Dokumen penawaran tidak lengkap atau tidak dapat dibuka"
REASON_NO_OFFER = "Tidak memasukkan dokumen penawaran"
REASON_NO_PASS = "Tidak ada peserta yang lulus evaluasi"
# Several reasons of one participant are shown in one cell, joined by this.
REASON_SEPARATOR = "; "


@dataclass(frozen=True)
class Evaluation:
    """The pokja's marks for one participant: True lulus, False gugur, None not evaluated."""

    tender_id: str
    vendor_id: str
    kualifikasi: bool | None
    administrasi: bool | None
    teknis: bool | None
    harga: bool | None
    reason: str
    price_rupiah: int | None
    corrected_rupiah: int | None
    pembuktian: bool | None
    evaluated_at: datetime
    evaluated_by: str
    # The pokja's score of File I (Kualitas dan Biaya methods only; None otherwise).
    nilai_teknis: Decimal | None = None

    def mark(self, part: str) -> bool | None:
        value: bool | None = getattr(self, part)
        return value

    @property
    def passed(self) -> bool:
        """Lulus in every part (and not gugur at pembuktian)."""
        return all(self.mark(part) is True for part in PARTS) and self.pembuktian is not False

    @property
    def final_price(self) -> int | None:
        """The price the winner is chosen by: the corrected one if the pokja corrected it."""
        return self.corrected_rupiah if self.corrected_rupiah is not None else self.price_rupiah


@dataclass(frozen=True)
class Marks:
    """What the pokja entered on the evaluation form for one participant."""

    kualifikasi: bool
    administrasi: bool
    teknis: bool
    harga: bool
    reason: str
    corrected_rupiah: int | None = None
    # Nilai teknis, 0-100 (asked for by Kualitas dan Biaya methods only).
    nilai_teknis: Decimal | None = None


@dataclass(frozen=True)
class Winner:
    """The participant the pokja fixed as winner (Penetapan Pemenang)."""

    tender_id: str
    vendor_id: str
    price_rupiah: int
    decided_at: datetime
    decided_by: str


@dataclass(frozen=True)
class Sanggahan:
    """An objection a participant filed in Masa Sanggah, and the pokja's answer."""

    sanggah_id: int
    tender_id: str
    vendor_id: str
    text: str
    filed_at: datetime
    answer: str | None
    answered_at: datetime | None
    answered_by: str | None


def ensure_evaluation_open(
    schedule: Schedule, opening_stage: str, now: datetime, *, decided: bool
) -> None:
    """The pokja evaluates once the offers' opening has started, until the winner is fixed."""
    start = schedule.window(opening_stage).start
    if now < start:
        raise DomainError("evaluasi.belum_pembukaan", start=start)
    if decided:
        raise DomainError("evaluasi.sudah_ditetapkan")


def automatic_gugur(
    *,
    submission: QualificationSubmission | None,
    today: date,
    nilai_teknis: Decimal | None = None,
    kualitas_biaya: QualityCost | None = None,
) -> dict[str, list[DomainError]]:
    """The gugur SPSE finds itself, by part, as catalog messages (the pages word them).

    Kualifikasi: every izin usaha of the vendor's qualification data (Kirim Persyaratan
    Kualifikasi) whose validity ended before ``today`` (the evaluation's day on the simulated
    clock; it was valid when sent, or SPSE would have refused it). Teknis: a nilai teknis below
    the method's ambang batas (Kualitas dan Biaya only).
    """
    found: dict[str, list[DomainError]] = {}
    if submission is not None:
        expired = [
            DomainError(
                "evaluasi.izin_kedaluwarsa",
                izin=f"{record.text('jenis')} {record.text('nomor')}",
                until=record.text("berlaku_sampai"),
            )
            for record in submission.of_kind(RecordKind.IZIN_USAHA)
            if record.izin_expired(today)
        ]
        if expired:
            found["kualifikasi"] = expired
    if (
        kualitas_biaya is not None
        and nilai_teknis is not None
        and nilai_teknis < kualitas_biaya.ambang_teknis
    ):
        found["teknis"] = [
            DomainError(
                "evaluasi.nilai_teknis_di_bawah_ambang",
                nilai=nilai_teknis,
                ambang=kualitas_biaya.ambang_teknis,
            )
        ]
    return found


def join_reasons(reasons: Sequence[str]) -> str:
    """One cell of reasons: each once, in order (a reason shown on the form and saved again
    is not repeated)."""
    parts = [p.strip() for r in reasons for p in r.split(REASON_SEPARATOR)]
    return REASON_SEPARATOR.join(dict.fromkeys(p for p in parts if p))


def judge(
    marks: Marks,
    *,
    tender_id: str,
    vendor_id: str,
    opened: bool,
    price_rupiah: int | None,
    hps: int,
    now: datetime,
    pokja_id: str,
    kualitas_biaya: QualityCost | None = None,
    forced: Mapping[str, Sequence[str]] | None = None,
) -> Evaluation:
    """The evaluation SPSE records for the pokja's ``marks``, with the rules SPSE applies itself:
    an offer that could not be opened fails administrasi, a price above the HPS fails harga, a
    price that is not known cannot pass harga, and every gugur needs a reason. ``forced`` are
    the gugur SPSE found itself (``automatic_gugur``, worded): part -> reasons; each such part
    gugur whatever the form says. A Kualitas dan Biaya method asks a nilai teknis for a teknis
    marked lulus; other methods keep none."""
    forced = forced or {}
    unknown = set(forced) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown evaluation parts: {sorted(unknown)}")
    nilai_teknis = required_nilai_teknis(marks.teknis, marks.nilai_teknis, kualitas_biaya)
    mark = {
        "kualifikasi": marks.kualifikasi,
        "administrasi": marks.administrasi,
        "teknis": marks.teknis,
        "harga": marks.harga,
    }
    reasons = opening_reasons(mark, marks.reason, opened=opened)
    price = marks.corrected_rupiah if marks.corrected_rupiah is not None else price_rupiah
    if marks.corrected_rupiah is not None and marks.corrected_rupiah < 1:
        raise DomainError("evaluasi.harga_koreksi_tidak_valid")
    if price is None and mark["harga"]:
        raise DomainError("evaluasi.harga_belum_diketahui")
    if price is not None and price > hps:
        mark["harga"] = False
        reasons.insert(0, REASON_ABOVE_HPS)
    reasons = settle(mark, reasons, forced)
    return Evaluation(
        tender_id=tender_id,
        vendor_id=vendor_id,
        kualifikasi=mark["kualifikasi"],
        administrasi=mark["administrasi"],
        teknis=mark["teknis"],
        harga=mark["harga"],
        reason=join_reasons(reasons),
        price_rupiah=price_rupiah,
        corrected_rupiah=marks.corrected_rupiah,
        pembuktian=None,
        evaluated_at=now,
        evaluated_by=pokja_id,
        nilai_teknis=nilai_teknis,
    )


def required_nilai_teknis(
    teknis: bool, nilai_teknis: Decimal | None, kualitas_biaya: QualityCost | None
) -> Decimal | None:
    """The nilai teknis an evaluation keeps: a Kualitas dan Biaya method asks one for a teknis
    marked lulus (FormProblems without it); other methods keep none."""
    if kualitas_biaya is None:
        return None
    if teknis and nilai_teknis is None:
        raise FormProblems([DomainError("evaluasi.nilai_teknis_wajib")])
    return nilai_teknis


def opening_reasons(mark: dict[str, bool], reason: str, *, opened: bool) -> list[str]:
    """The pokja's ``reason`` as a list, and the rule of the opening: an offer that could not be
    opened fails administrasi (``mark`` is changed), its reason first."""
    reasons = [reason.strip()] if reason.strip() else []
    if not opened:
        mark["administrasi"] = False
        reasons.insert(0, REASON_NOT_OPENED)
    return reasons


def settle(
    mark: dict[str, bool], reasons: list[str], forced: Mapping[str, Sequence[str]]
) -> list[str]:
    """Every reason of the evaluation, SPSE's own (``forced``, by part, in the order of
    ``mark``) first; each forced part gugur (``mark`` is changed). FormProblems when a part
    gugur without any reason."""
    automatic = [reason for part in mark for reason in forced.get(part, ())]
    for part in mark:
        if forced.get(part):
            mark[part] = False
    reasons = automatic + reasons
    if not all(mark.values()) and not reasons:
        raise FormProblems([DomainError("evaluasi.alasan_wajib")])
    return reasons


def ensure_penetapan_open(schedule: Schedule, now: datetime) -> None:
    """The winner is fixed from the start of Penetapan Pemenang, before Masa Sanggah."""
    window = schedule.window(PENETAPAN_STAGE)
    if now < window.start:
        raise DomainError("pemenang.belum_waktunya", start=window.start)
    if now >= schedule.window(SANGGAH_STAGE).start:
        raise DomainError("pemenang.tahap_lewat")


def choose_winner(evaluations: Sequence[Evaluation]) -> Evaluation | None:
    """Harga terendah sistem gugur: the lowest (corrected) price among those who passed every
    part; the earlier evaluated wins a tie. None when nobody passed (Tender Gagal)."""
    passed = [e for e in evaluations if e.passed and e.final_price is not None]
    if not passed:
        return None
    return min(passed, key=lambda e: (e.final_price, e.evaluated_at))


def winner_announced(schedule: Schedule, now: datetime) -> bool:
    """SPSE shows the fixed winner to the public from the start of Pengumuman Pemenang."""
    return now >= schedule.window(PENGUMUMAN_PEMENANG_STAGE).start


def results_public(tender: Tender, now: datetime) -> bool:
    """The public sees the evaluation from Pengumuman Pemenang on (or once the tender failed);
    until then only the pokja does."""
    return tender.failed_reason is not None or winner_announced(tender.schedule, now)


def contract_signed(schedule: Schedule, now: datetime) -> bool:
    """A winner becomes 'pemenang berkontrak' from the last stage, Penandatanganan Kontrak."""
    return now >= schedule.windows[-1].start


def check_sanggah(
    schedule: Schedule, now: datetime, text: str, *, participant: bool, winner_fixed: bool
) -> str:
    """A sanggahan is filed by a participant, inside Masa Sanggah, after a winner was fixed;
    returns the text to store."""
    if not participant:
        raise DomainError("sanggah.bukan_peserta")
    window = schedule.window(SANGGAH_STAGE)
    if now < window.start or not winner_fixed:
        raise DomainError("sanggah.belum_dibuka", start=window.start)
    if now >= window.end:
        raise DomainError("sanggah.ditutup", deadline=window.end)
    cleaned = text.strip()
    if not cleaned:
        raise DomainError("sanggah.isi_wajib")
    return cleaned


def check_answer(sanggahan: Sanggahan, text: str) -> str:
    """The pokja answers each sanggahan once, with words."""
    if sanggahan.answer is not None:
        raise DomainError("sanggah.sudah_dijawab")
    cleaned = text.strip()
    if not cleaned:
        raise DomainError("sanggah.jawaban_wajib")
    return cleaned
