"""The rules after opening, without HTTP or storage: evaluation marks, winner, sanggah."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from factories import START

from fake_spse.domain.errors import DomainError
from fake_spse.domain.evaluation import (
    REASON_ABOVE_HPS,
    REASON_NOT_OPENED,
    Evaluation,
    Marks,
    Sanggahan,
    check_answer,
    check_sanggah,
    choose_winner,
    ensure_evaluation_open,
    ensure_penetapan_open,
    judge,
    winner_announced,
)
from fake_spse.domain.schedule import Schedule, build_schedule
from spse_shared.profile import (
    DEFAULT_PROFILE,
    OPENING_STAGE,
    PENETAPAN_STAGE,
    PENGUMUMAN_PEMENANG_STAGE,
    SANGGAH_STAGE,
    load_profile,
)

PROFILE = load_profile(DEFAULT_PROFILE)
SCHEDULE = build_schedule(PROFILE.schedule, START)
HPS = 950_000_000
ALL_PASS = Marks(kualifikasi=True, administrasi=True, teknis=True, harga=True, reason="")


def start_of(stage: str, schedule: Schedule = SCHEDULE) -> datetime:
    return schedule.window(stage).start


def evaluate(
    marks: Marks = ALL_PASS,
    *,
    vendor: str = "cv-a",
    price: int | None = 900_000_000,
    opened: bool = True,
    at: datetime = START,
) -> Evaluation:
    return judge(
        marks,
        tender_id="10000001",
        vendor_id=vendor,
        opened=opened,
        price_rupiah=price,
        hps=HPS,
        now=at,
        pokja_id="pokja1",
    )


def test_evaluation_is_blocked_before_opening() -> None:
    opening = start_of(OPENING_STAGE)
    with pytest.raises(DomainError) as refused:
        ensure_evaluation_open(
            SCHEDULE, OPENING_STAGE, opening - timedelta(seconds=1), decided=False
        )
    assert refused.value.key == "evaluasi.belum_pembukaan"
    assert refused.value.params["start"] == opening
    ensure_evaluation_open(SCHEDULE, OPENING_STAGE, opening, decided=False)


def test_evaluation_is_closed_once_the_winner_is_fixed() -> None:
    with pytest.raises(DomainError, match=r"evaluasi\.sudah_ditetapkan"):
        ensure_evaluation_open(SCHEDULE, OPENING_STAGE, start_of(SANGGAH_STAGE), decided=True)


def test_all_lulus_passes() -> None:
    result = evaluate()
    assert result.passed
    assert result.reason == ""
    assert result.final_price == 900_000_000


def test_price_above_hps_fails_harga_even_if_the_pokja_marked_it_lulus() -> None:
    result = evaluate(price=HPS + 1)
    assert result.harga is False
    assert not result.passed
    assert result.reason == REASON_ABOVE_HPS


def test_price_equal_to_hps_passes() -> None:
    assert evaluate(price=HPS).passed


def test_an_offer_that_could_not_be_opened_fails_administrasi() -> None:
    result = evaluate(opened=False)
    assert result.administrasi is False
    assert REASON_NOT_OPENED in result.reason


def test_gugur_needs_a_reason() -> None:
    marks = Marks(kualifikasi=False, administrasi=True, teknis=True, harga=True, reason=" ")
    with pytest.raises(DomainError, match=r"evaluasi\.alasan_wajib"):
        evaluate(marks)
    with_reason = Marks(
        kualifikasi=False,
        administrasi=True,
        teknis=True,
        harga=True,
        reason="Izin usaha (NIB) sudah tidak berlaku",
    )
    result = evaluate(with_reason)
    assert result.kualifikasi is False
    assert result.reason == "Izin usaha (NIB) sudah tidak berlaku"


def test_unknown_price_cannot_pass_harga() -> None:
    with pytest.raises(DomainError, match=r"evaluasi\.harga_belum_diketahui"):
        evaluate(price=None)
    marks = Marks(
        kualifikasi=True, administrasi=True, teknis=True, harga=False, reason="Harga tidak ada"
    )
    assert evaluate(marks, price=None).harga is False


def test_corrected_price_is_what_the_winner_is_chosen_by() -> None:
    corrected = Marks(
        kualifikasi=True, administrasi=True, teknis=True, harga=True, reason="", corrected_rupiah=1
    )
    result = evaluate(corrected, price=900_000_000)
    assert result.final_price == 1
    assert result.price_rupiah == 900_000_000
    bad = Marks(
        kualifikasi=True, administrasi=True, teknis=True, harga=True, reason="", corrected_rupiah=0
    )
    with pytest.raises(DomainError, match=r"evaluasi\.harga_koreksi_tidak_valid"):
        evaluate(bad)


def test_lowest_passing_price_wins() -> None:
    cheap_but_failed = evaluate(vendor="cv-a", price=HPS + 10)
    middle = evaluate(vendor="cv-b", price=800_000_000)
    dearer = evaluate(vendor="cv-c", price=850_000_000)
    winner = choose_winner([cheap_but_failed, dearer, middle])
    assert winner is not None
    assert winner.vendor_id == "cv-b"


def test_a_tie_goes_to_the_earlier_evaluation() -> None:
    first = evaluate(vendor="cv-b", at=START)
    second = evaluate(vendor="cv-a", at=START + timedelta(minutes=1))
    winner = choose_winner([second, first])
    assert winner is not None
    assert winner.vendor_id == "cv-b"


def test_nobody_passing_means_no_winner() -> None:
    assert choose_winner([evaluate(price=HPS + 1), evaluate(vendor="cv-b", opened=False)]) is None
    assert choose_winner([]) is None


def test_penetapan_only_in_its_stage() -> None:
    start = start_of(PENETAPAN_STAGE)
    with pytest.raises(DomainError, match=r"pemenang\.belum_waktunya"):
        ensure_penetapan_open(SCHEDULE, start - timedelta(seconds=1))
    ensure_penetapan_open(SCHEDULE, start)
    with pytest.raises(DomainError, match=r"pemenang\.tahap_lewat"):
        ensure_penetapan_open(SCHEDULE, start_of(SANGGAH_STAGE))


def test_winner_is_public_from_pengumuman_pemenang() -> None:
    start = start_of(PENGUMUMAN_PEMENANG_STAGE)
    assert not winner_announced(SCHEDULE, start - timedelta(seconds=1))
    assert winner_announced(SCHEDULE, start)


def sanggah(at: datetime, *, participant: bool = True, fixed: bool = True) -> str:
    return check_sanggah(
        SCHEDULE, at, "  Harga kami lebih rendah.  ", participant=participant, winner_fixed=fixed
    )


def test_sanggah_inside_masa_sanggah() -> None:
    window = SCHEDULE.window(SANGGAH_STAGE)
    assert sanggah(window.start) == "Harga kami lebih rendah."
    assert sanggah(window.end - timedelta(seconds=1)) == "Harga kami lebih rendah."


def test_sanggah_too_late_is_refused_with_the_deadline() -> None:
    window = SCHEDULE.window(SANGGAH_STAGE)
    with pytest.raises(DomainError) as refused:
        sanggah(window.end)
    assert refused.value.key == "sanggah.ditutup"
    assert refused.value.params["deadline"] == window.end


def test_sanggah_too_early_or_without_winner_or_by_outsider() -> None:
    window = SCHEDULE.window(SANGGAH_STAGE)
    with pytest.raises(DomainError, match=r"sanggah\.belum_dibuka"):
        sanggah(window.start - timedelta(seconds=1))
    with pytest.raises(DomainError, match=r"sanggah\.belum_dibuka"):
        sanggah(window.start, fixed=False)
    with pytest.raises(DomainError, match=r"sanggah\.bukan_peserta"):
        sanggah(window.start, participant=False)
    with pytest.raises(DomainError, match=r"sanggah\.isi_wajib"):
        check_sanggah(SCHEDULE, window.start, "   ", participant=True, winner_fixed=True)


def test_pokja_answers_once_with_words() -> None:
    filed = Sanggahan(1, "10000001", "cv-a", "x", START, None, None, None)
    assert check_answer(filed, " Tidak beralasan. ") == "Tidak beralasan."
    with pytest.raises(DomainError, match=r"sanggah\.jawaban_wajib"):
        check_answer(filed, "")
    answered = Sanggahan(1, "10000001", "cv-a", "x", START, "Ya", START, "pokja1")
    with pytest.raises(DomainError, match=r"sanggah\.sudah_dijawab"):
        check_answer(answered, "Lagi")
