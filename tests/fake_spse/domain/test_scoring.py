"""Kualitas dan Biaya without HTTP or storage: nilai teknis, the passing grade, nilai biaya,
nilai akhir and the winner of a Seleksi; the expired izin usaha SPSE finds at evaluation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from factories import START
from hypothesis import given
from hypothesis import strategies as st

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.evaluation import (
    Evaluation,
    Marks,
    automatic_gugur,
    choose_winner,
    join_reasons,
    judge,
)
from fake_spse.domain.qualification import QualificationSubmission
from fake_spse.domain.scoring import choose_best_value, parse_nilai_teknis, scores, two_places
from fake_spse.domain.vendor_data import RecordKind, VendorRecord
from spse_shared.profile import DEFAULT_PROFILE, QualityCost, load_profile

SELEKSI = load_profile(DEFAULT_PROFILE).method("seleksi-pra-dua-file")
assert SELEKSI.kualitas_biaya is not None
RULES: QualityCost = SELEKSI.kualitas_biaya
HPS = 1_000_000_000


def scored(
    vendor: str,
    nilai: str | None,
    price: int,
    *,
    teknis: bool = True,
    reason: str = "",
    seconds: int = 0,
    rules: QualityCost | None = RULES,
) -> Evaluation:
    """The pokja's evaluation of one participant of a Seleksi, every part lulus but ``teknis``."""
    nilai_teknis = None if nilai is None else Decimal(nilai)
    forced = {
        part: [e.key for e in errors]
        for part, errors in automatic_gugur(
            submission=None, today=START.date(), nilai_teknis=nilai_teknis, kualitas_biaya=rules
        ).items()
    }
    marks = Marks(True, True, teknis, True, reason, nilai_teknis=nilai_teknis)
    return judge(
        marks,
        tender_id="20000001",
        vendor_id=vendor,
        opened=True,
        price_rupiah=price,
        hps=HPS,
        now=START + timedelta(seconds=seconds),
        pokja_id="pokja1",
        kualitas_biaya=rules,
        forced=forced,
    )


def test_the_shipped_weights_are_seventy_thirty_with_a_passing_grade_of_seventy() -> None:
    assert (RULES.bobot_teknis, RULES.bobot_biaya, RULES.ambang_teknis) == (
        Decimal("0.7"),
        Decimal("0.3"),
        Decimal("70"),
    )


def test_the_best_value_wins_not_the_cheapest() -> None:
    """CV Ahli: nilai teknis 90 at Rp 950 juta; CV Murah: 72 at Rp 800 juta (the cheapest)."""
    ahli = scored("cv-ahli", "90", 950_000_000)
    murah = scored("cv-murah", "72", 800_000_000, seconds=1)
    found = scores([ahli, murah], RULES)
    # nilai biaya = 800/950 x 100 = 84.21; nilai akhir = 0.7 x 90 + 0.3 x 84.21 = 88.26
    assert two_places(found["cv-ahli"].nilai_biaya or 0) == "84.21"
    assert two_places(found["cv-ahli"].nilai_akhir or 0) == "88.26"
    # the cheapest gets nilai biaya 100: 0.7 x 72 + 0.3 x 100 = 80.40
    assert two_places(found["cv-murah"].nilai_biaya or 0) == "100.00"
    assert two_places(found["cv-murah"].nilai_akhir or 0) == "80.40"
    winner = choose_best_value([ahli, murah], RULES)
    assert winner is not None
    assert winner.vendor_id == "cv-ahli"
    # Harga Terendah Sistem Gugur over the same evaluations picks the cheapest.
    cheapest = choose_winner([ahli, murah])
    assert cheapest is not None
    assert cheapest.vendor_id == "cv-murah"


def test_below_the_passing_grade_gugur_on_teknis_with_the_reason() -> None:
    low = scored("cv-lemah", "65", 700_000_000)
    assert low.teknis is False
    assert low.nilai_teknis == Decimal("65")
    assert low.reason == "evaluasi.nilai_teknis_di_bawah_ambang"
    passing = scored("cv-cukup", "70", 900_000_000, seconds=1)
    assert passing.teknis is True
    assert passing.passed
    found = scores([low, passing], RULES)
    # The participant who gugur keeps its nilai teknis, gets no other score, and its price is
    # not the lowest evaluated one: the one still in gets nilai biaya 100.
    assert found["cv-lemah"].nilai_teknis == Decimal("65")
    assert found["cv-lemah"].nilai_akhir is None
    assert found["cv-lemah"].nilai_biaya is None
    assert found["cv-cukup"].nilai_biaya == 100
    winner = choose_best_value([low, passing], RULES)
    assert winner is not None
    assert winner.vendor_id == "cv-cukup"


def test_the_passing_grade_reason_names_the_score_and_the_grade() -> None:
    [problem] = automatic_gugur(
        submission=None, today=START.date(), nilai_teknis=Decimal("69.99"), kualitas_biaya=RULES
    )["teknis"]
    assert problem.key == "evaluasi.nilai_teknis_di_bawah_ambang"
    assert (problem.params["nilai"], problem.params["ambang"]) == (Decimal("69.99"), Decimal(70))


def test_a_teknis_marked_lulus_needs_a_nilai_teknis_in_a_seleksi_only() -> None:
    with pytest.raises(FormProblems) as refused:
        scored("cv-a", None, 900_000_000)
    assert refused.value.key == "evaluasi.nilai_teknis_wajib"
    # A teknis gugur with a reason needs no score.
    failed = scored("cv-a", None, 900_000_000, teknis=False, reason="Metodologi tidak sesuai KAK")
    assert failed.teknis is False
    assert failed.nilai_teknis is None
    # Harga Terendah keeps no score even when one is given.
    plain = scored("cv-a", "88", 900_000_000, rules=None)
    assert plain.passed
    assert plain.nilai_teknis is None


def test_nobody_in_the_running_means_no_winner() -> None:
    assert choose_best_value([scored("cv-a", "50", 900_000_000)], RULES) is None
    assert choose_best_value([], RULES) is None


def test_a_tie_goes_to_the_higher_nilai_teknis_then_the_earlier_evaluation() -> None:
    # 0.7 x 80 + 0.3 x 100 = 86 = 0.7 x 90 + 0.3 x (23/30 x 100).
    cheap = scored("cv-murah", "80", 230_000_000)
    good = scored("cv-bagus", "90", 300_000_000, seconds=5)
    found = scores([cheap, good], RULES)
    assert found["cv-murah"].nilai_akhir == found["cv-bagus"].nilai_akhir == 86
    winner = choose_best_value([cheap, good], RULES)
    assert winner is not None
    assert winner.vendor_id == "cv-bagus"
    twin = scored("cv-kembar", "80", 230_000_000, seconds=9)
    first = choose_best_value([twin, cheap], RULES)
    assert first is not None
    assert first.vendor_id == "cv-murah"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("85", "85"), ("85,5", "85.5"), (" 70.25 ", "70.25"), ("0", "0"), ("100", "100"), ("", None)],
)
def test_nilai_teknis_as_the_pokja_types_it(typed: str, value: str | None) -> None:
    assert parse_nilai_teknis(typed) == (None if value is None else Decimal(value))


@pytest.mark.parametrize("typed", ["100.01", "101", "-5", "8,555", "delapan", "٨٥", "1e2", "85."])
def test_a_nilai_teknis_that_is_no_score_is_refused(typed: str) -> None:
    with pytest.raises(DomainError, match=r"evaluasi\.nilai_teknis_tidak_valid"):
        parse_nilai_teknis(typed)


@given(st.text(max_size=12))
def test_any_typed_score_is_a_score_or_the_form_error(typed: str) -> None:
    refused: DomainError | None = None
    value: Decimal | None = None
    try:
        value = parse_nilai_teknis(typed)
    except DomainError as problem:
        refused = problem
    if refused is not None:
        assert refused.key == "evaluasi.nilai_teknis_tidak_valid"
    else:
        assert value is None or Decimal(0) <= value <= Decimal(100)


_WEIGHTS = st.sampled_from([(Decimal(t) / 100, Decimal(100 - t) / 100) for t in range(60, 81)])
_PARTICIPANT = st.tuples(
    st.decimals(min_value=0, max_value=100, places=2),
    st.integers(min_value=1, max_value=HPS),
)


@given(_WEIGHTS, st.lists(_PARTICIPANT, min_size=1, max_size=8))
def test_scores_follow_the_formula(
    weights: tuple[Decimal, Decimal], participants: list[tuple[Decimal, int]]
) -> None:
    """Whatever the scores and prices: nilai biaya = lowest / price x 100 over those still in,
    nilai akhir = the weighted sum, and the winner has the highest nilai akhir."""
    rules = QualityCost(weights[0], weights[1], Decimal(70))
    evaluations = [
        scored(f"cv-{i}", str(nilai), price, seconds=i, rules=rules)
        for i, (nilai, price) in enumerate(participants)
    ]
    found = scores(evaluations, rules)
    running = [e for e in evaluations if e.nilai_teknis is not None and e.nilai_teknis >= 70]
    assert [e for e in evaluations if e.passed] == running
    winner = choose_best_value(evaluations, rules)
    if not running:
        assert winner is None
        assert all(s.nilai_akhir is None for s in found.values())
        return
    lowest = min(e.price_rupiah or 0 for e in running)
    for e in running:
        score = found[e.vendor_id]
        assert e.price_rupiah is not None
        assert e.nilai_teknis is not None
        assert score.nilai_biaya == Fraction(lowest, e.price_rupiah) * 100
        assert 0 < (score.nilai_biaya or 0) <= 100
        assert score.nilai_akhir == Fraction(weights[0]) * Fraction(e.nilai_teknis) + Fraction(
            weights[1]
        ) * (score.nilai_biaya or 0)
    assert winner is not None
    best = max(found[e.vendor_id].nilai_akhir or 0 for e in running)
    assert found[winner.vendor_id].nilai_akhir == best


def izin(number: str, until: date | None) -> VendorRecord:
    values = {"jenis": "SIUP", "nomor": number, "instansi": "DPMPTSP", "kualifikasi": "Kecil"}
    return VendorRecord(1, "cv-a", RecordKind.IZIN_USAHA, {**values, "berlaku_sampai": until})


def sent(*records: VendorRecord) -> QualificationSubmission:
    return QualificationSubmission(1, "20000001", "cv-a", records, (), START, True)


def test_an_izin_usaha_expired_by_the_evaluation_day_is_a_gugur_of_kualifikasi() -> None:
    today = date(2026, 12, 1)
    submission = sent(izin("503/1", today - timedelta(days=1)), izin("503/2", None))
    [problem] = automatic_gugur(submission=submission, today=today)["kualifikasi"]
    assert problem.key == "evaluasi.izin_kedaluwarsa"
    assert problem.params == {"izin": "SIUP 503/1", "until": "2026-11-30"}
    # Valid on its last day, valid for life, or nothing sent: nothing found.
    assert automatic_gugur(submission=sent(izin("503/1", today)), today=today) == {}
    assert automatic_gugur(submission=sent(izin("503/2", None)), today=today) == {}
    assert automatic_gugur(submission=None, today=today) == {}


def test_a_forced_gugur_wins_over_the_form_and_needs_no_reason_of_the_pokja() -> None:
    marks = Marks(True, True, True, True, "")
    evaluation = judge(
        marks,
        tender_id="1",
        vendor_id="cv-a",
        opened=True,
        price_rupiah=900,
        hps=1000,
        now=START,
        pokja_id="pokja1",
        forced={"kualifikasi": ["Izin usaha kedaluwarsa: SIUP 503/1 berlaku sampai 2026-11-30"]},
    )
    assert evaluation.kualifikasi is False
    assert not evaluation.passed
    assert evaluation.reason == "Izin usaha kedaluwarsa: SIUP 503/1 berlaku sampai 2026-11-30"
    with pytest.raises(ValueError, match="unknown evaluation parts"):
        judge(
            marks,
            tender_id="1",
            vendor_id="cv-a",
            opened=True,
            price_rupiah=900,
            hps=1000,
            now=START,
            pokja_id="pokja1",
            forced={"izin": ["x"]},
        )


def test_reasons_saved_again_are_not_repeated() -> None:
    assert join_reasons(["A; B", "B", " ", "C"]) == "A; B; C"
