"""Before the offer: the Dokumen Pemilihan SPSE generates for a tender, and Pemberian Penjelasan
(participants ask, the pokja answers, every participant sees the answers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fake_spse.domain.errors import DomainError
from fake_spse.domain.schedule import Schedule
from fake_spse.domain.tenders import Tender, rupiah
from spse_shared.pdf import pdf_bytes
from spse_shared.wib import format_wib

DOWNLOAD_STAGE = "Download Dokumen Pemilihan"
PENJELASAN_STAGE = "Pemberian Penjelasan"


@dataclass(frozen=True)
class Question:
    """A participant's question in Pemberian Penjelasan, and the pokja's answer."""

    question_id: int
    tender_id: str
    vendor_id: str
    text: str
    asked_at: datetime
    answer: str | None
    answered_at: datetime | None


def ensure_document_available(schedule: Schedule, now: datetime) -> None:
    """The Dokumen Pemilihan can be downloaded from the start of its stage on."""
    start = schedule.window(DOWNLOAD_STAGE).start
    if now < start:
        raise DomainError("dokumen.belum_tersedia", start=start)


def dokumen_pemilihan(tender: Tender) -> bytes:
    """The Dokumen Pemilihan as SPSE generates it from the package: a one-page PDF."""
    lines = [
        f"Kode Tender: {tender.tender_id}",
        f"Nama Tender: {tender.name}",
        f"K/L/PD: {tender.instansi}",
        f"Satuan Kerja: {tender.satker}",
        f"Jenis Pengadaan: {tender.jenis_label}",
        f"Metode Pengadaan: {tender.metode}",
        f"Nilai HPS Paket: {rupiah(tender.hps)}",
        f"Jenis Kontrak: {tender.jenis_kontrak}",
        f"Kualifikasi Usaha: {tender.kualifikasi_usaha}",
        f"Lokasi Pekerjaan: {tender.lokasi}",
        "",
        "Jadwal Tender:",
        *(
            f"{w.number}. {w.name}: {format_wib(w.start)} s.d. {format_wib(w.end)}"
            for w in tender.schedule.windows
        ),
    ]
    return pdf_bytes(f"Dokumen Pemilihan {tender.tender_id}", lines)


def check_question(schedule: Schedule, now: datetime, text: str, *, participant: bool) -> str:
    """Participants ask during Pemberian Penjelasan; returns the text to store."""
    if not participant:
        raise DomainError("penjelasan.bukan_peserta")
    window = schedule.window(PENJELASAN_STAGE)
    if now < window.start:
        raise DomainError("penjelasan.belum_dimulai", start=window.start)
    if now >= window.end:
        raise DomainError("penjelasan.ditutup", deadline=window.end)
    cleaned = text.strip()
    if not cleaned:
        raise DomainError("penjelasan.pertanyaan_wajib")
    return cleaned


def check_question_answer(question: Question, text: str) -> str:
    """The pokja answers each question once, with words."""
    if question.answer is not None:
        raise DomainError("penjelasan.sudah_dijawab")
    cleaned = text.strip()
    if not cleaned:
        raise DomainError("penjelasan.jawaban_wajib")
    return cleaned
