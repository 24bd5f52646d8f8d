"""The order of a Seleksi dua file, without HTTP or storage: File I is evaluated before File II
is opened, and File II is opened only for those who passed File I."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from factories import START

from fake_spse.domain.dua_file import (
    File1Marks,
    File1Standing,
    HargaMarks,
    ensure_part_opens,
    file2_openable,
    judge_file1,
    judge_harga,
)
from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.evaluation import REASON_NOT_OPENED, Evaluation
from fake_spse.domain.offers import OfferPart
from spse_shared.profile import QualityCost

PASS = File1Marks(kualifikasi=True, administrasi=True, teknis=True, reason="")


def file1(
    marks: File1Marks = PASS,
    *,
    vendor: str = "cv-a",
    opened: bool = True,
    previous: Evaluation | None = None,
    file2_opened: bool = False,
) -> Evaluation:
    return judge_file1(
        marks,
        tender_id="10000001",
        vendor_id=vendor,
        opened=opened,
        previous=previous,
        file2_opened=file2_opened,
        now=START,
        pokja_id="pokja1",
    )


def test_file1_passes_with_harga_left_for_file2() -> None:
    evaluation = file1()
    assert (evaluation.kualifikasi, evaluation.administrasi, evaluation.teknis) == (
        True,
        True,
        True,
    )
    assert evaluation.harga is None
    assert not evaluation.passed  # harga is File II's: not a winner yet
    assert File1Standing("cv-a", evaluation).passed


def test_an_unopened_file1_fails_administrasi_with_spse_reason() -> None:
    evaluation = file1(opened=False)
    assert evaluation.administrasi is False
    assert evaluation.reason == REASON_NOT_OPENED


def test_gugur_needs_a_reason() -> None:
    with pytest.raises(FormProblems) as caught:
        file1(File1Marks(kualifikasi=True, administrasi=True, teknis=False, reason=" "))
    assert caught.value.key == "evaluasi.alasan_wajib"
    failed = file1(File1Marks(True, True, False, "Metodologi tidak memenuhi"))
    assert failed.teknis is False
    assert failed.reason == "Metodologi tidak memenuhi"


def test_file1_is_locked_once_a_file2_was_opened() -> None:
    with pytest.raises(DomainError) as caught:
        file1(file2_opened=True)
    assert caught.value.key == "evaluasi.file1_terkunci"


def test_file1_keeps_an_earlier_pembuktian() -> None:
    earlier = file1()
    evaluation = file1(previous=replace(earlier, pembuktian=True))
    assert evaluation.pembuktian is True


def test_file2_refused_while_a_file1_is_not_evaluated() -> None:
    evaluated = File1Standing("cv-a", file1())
    with pytest.raises(DomainError) as caught:
        file2_openable([evaluated, File1Standing("cv-b", None)])
    assert caught.value.key == "pembukaan.file1_belum_dievaluasi"
    with pytest.raises(DomainError) as caught:
        file2_openable([])
    assert caught.value.key == "pembukaan.file1_belum_dievaluasi"


def test_an_evaluation_without_file1_marks_is_not_a_file1_evaluation() -> None:
    half = replace(file1(), teknis=None)
    assert not File1Standing("cv-a", half).evaluated
    with pytest.raises(DomainError):
        file2_openable([File1Standing("cv-a", half)])


def test_file2_opens_only_for_those_who_passed_file1() -> None:
    passed = File1Standing("cv-a", file1())
    failed = File1Standing(
        "cv-b", file1(File1Marks(True, False, True, "Tidak lengkap"), vendor="cv-b")
    )
    openable = file2_openable([passed, failed])
    assert openable == frozenset({"cv-a"})
    ensure_part_opens(OfferPart.FILE_2, "cv-a", openable)
    with pytest.raises(DomainError) as caught:
        ensure_part_opens(OfferPart.FILE_2, "cv-b", openable)
    assert caught.value.key == "pembukaan.file2_tidak_lulus_file1"


def test_file1_and_satu_file_parts_need_no_evaluation_to_open() -> None:
    ensure_part_opens(OfferPart.FILE_1, "cv-a", None)
    ensure_part_opens(OfferPart.PENAWARAN, "cv-a", None)
    with pytest.raises(DomainError) as caught:
        ensure_part_opens(OfferPart.FILE_2, "cv-a", None)
    assert caught.value.key == "pembukaan.file1_belum_dievaluasi"


RULES = QualityCost(Decimal("0.7"), Decimal("0.3"), Decimal("70"))


def scored_file1(marks: File1Marks, **forced: list[str]) -> Evaluation:
    return judge_file1(
        marks,
        tender_id="10000001",
        vendor_id="cv-a",
        opened=True,
        previous=None,
        file2_opened=False,
        now=START,
        pokja_id="pokja1",
        kualitas_biaya=RULES,
        forced=forced,
    )


def test_kualitas_biaya_scores_teknis_with_file1() -> None:
    with pytest.raises(FormProblems) as caught:
        scored_file1(PASS)
    assert [p.key for p in caught.value.problems] == ["evaluasi.nilai_teknis_wajib"]
    evaluation = scored_file1(replace(PASS, nilai_teknis=Decimal("88.5")))
    assert evaluation.nilai_teknis == Decimal("88.5")
    assert evaluation.harga is None


def test_a_gugur_spse_found_fails_its_file1_part_and_seals_file2() -> None:
    evaluation = scored_file1(
        replace(PASS, nilai_teknis=Decimal("65")), teknis=["Nilai teknis 65 di bawah 70"]
    )
    assert evaluation.teknis is False
    assert evaluation.reason == "Nilai teknis 65 di bawah 70"
    assert evaluation.nilai_teknis == Decimal("65")
    assert file2_openable([File1Standing("cv-a", evaluation)]) == frozenset()
    with pytest.raises(ValueError, match="not File I parts"):
        scored_file1(PASS, harga=["not File I's"])


def harga(
    marks: HargaMarks, file1_result: Evaluation | None, *, opened: bool = True, price: int = 900
) -> Evaluation:
    return judge_harga(
        marks,
        file1=file1_result,
        file2_opened=opened,
        price_rupiah=price,
        hps=1000,
        now=START,
        pokja_id="pokja1",
        kualitas_biaya=RULES,
    )


def test_harga_is_judged_on_top_of_file1_which_stays_as_recorded() -> None:
    passed = scored_file1(replace(PASS, nilai_teknis=Decimal("80")))
    evaluation = harga(HargaMarks(True, ""), passed)
    assert evaluation.passed
    assert (evaluation.nilai_teknis, evaluation.final_price) == (Decimal("80"), 900)
    above = harga(HargaMarks(True, ""), passed, price=1200)
    assert above.harga is False
    assert above.teknis is True


def test_harga_is_refused_out_of_order() -> None:
    passed = scored_file1(replace(PASS, nilai_teknis=Decimal("80")))
    failed = scored_file1(replace(PASS, teknis=False, reason="Metodologi kurang"))
    for file1_result, opened, key in (
        (None, True, "pembukaan.file1_belum_dievaluasi"),
        (failed, True, "pembukaan.file2_tidak_lulus_file1"),
        (passed, False, "evaluasi.file2_belum_dibuka"),
    ):
        with pytest.raises(DomainError) as caught:
            harga(HargaMarks(True, ""), file1_result, opened=opened)
        assert caught.value.key == key
