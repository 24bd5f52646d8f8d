"""Before the offer, without HTTP: the Dokumen Pemilihan and Pemberian Penjelasan rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import START

from fake_spse.domain.errors import DomainError
from fake_spse.domain.pemilihan import (
    DOWNLOAD_STAGE,
    PENJELASAN_STAGE,
    Question,
    check_question,
    check_question_answer,
    dokumen_pemilihan,
    ensure_document_available,
)
from fake_spse.domain.schedule import build_schedule
from fake_spse.domain.tenders import Tender
from spse_shared.profile import DEFAULT_PROFILE, load_profile

PROFILE = load_profile(DEFAULT_PROFILE)
SCHEDULE = build_schedule(PROFILE.schedule, START)
TENDER = Tender(
    tender_id="10000001",
    name="Pembangunan Jalan Desa",
    instansi="Pemerintah Kota Surakarta",
    satker="Dinas Pekerjaan Umum",
    jenis_pengadaan=2,
    metode=PROFILE.method_for(2).name,
    pagu=1_000_000_000,
    hps=950_000_000,
    lokasi="Surakarta",
    tahun=2026,
    created_at=START,
    created_by="pokja1",
    schedule=SCHEDULE,
    recipient_certificates=(),
)


def test_the_document_is_a_pdf_of_the_package_and_its_schedule() -> None:
    pdf = dokumen_pemilihan(TENDER)
    assert pdf.startswith(b"%PDF-1.4")
    assert pdf.rstrip().endswith(b"%%EOF")
    for text in (
        b"Dokumen Pemilihan 10000001",
        b"Pembangunan Jalan Desa",
        b"Rp 950.000.000,00",
        b"Harga Terendah Sistem Gugur",
        b"Harga Satuan",
        b"Penandatanganan Kontrak",
    ):
        assert text in pdf


def test_the_document_is_available_from_its_stage() -> None:
    start = SCHEDULE.window(DOWNLOAD_STAGE).start
    with pytest.raises(DomainError) as refused:
        ensure_document_available(SCHEDULE, start - timedelta(seconds=1))
    assert refused.value.key == "dokumen.belum_tersedia"
    ensure_document_available(SCHEDULE, start)
    ensure_document_available(SCHEDULE, SCHEDULE.windows[-1].end)


def test_questions_only_by_participants_inside_pemberian_penjelasan() -> None:
    window = SCHEDULE.window(PENJELASAN_STAGE)
    assert check_question(SCHEDULE, window.start, " Apakah? ", participant=True) == "Apakah?"
    for moment, key in (
        (window.start - timedelta(seconds=1), "penjelasan.belum_dimulai"),
        (window.end, "penjelasan.ditutup"),
    ):
        with pytest.raises(DomainError) as refused:
            check_question(SCHEDULE, moment, "Apakah?", participant=True)
        assert refused.value.key == key
    with pytest.raises(DomainError) as outsider:
        check_question(SCHEDULE, window.start, "Apakah?", participant=False)
    assert outsider.value.key == "penjelasan.bukan_peserta"
    with pytest.raises(DomainError) as empty:
        check_question(SCHEDULE, window.start, "  ", participant=True)
    assert empty.value.key == "penjelasan.pertanyaan_wajib"


def test_each_question_is_answered_once() -> None:
    asked = Question(1, "10000001", "ptmaju", "Apakah?", START, None, None)
    assert check_question_answer(asked, " Ya. ") == "Ya."
    with pytest.raises(DomainError) as empty:
        check_question_answer(asked, "")
    assert empty.value.key == "penjelasan.jawaban_wajib"
    answered = Question(1, "10000001", "ptmaju", "Apakah?", START, "Ya.", START)
    with pytest.raises(DomainError) as again:
        check_question_answer(answered, "Lagi")
    assert again.value.key == "penjelasan.sudah_dijawab"
