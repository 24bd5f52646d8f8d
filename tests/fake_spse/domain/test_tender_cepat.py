"""Tender Cepat rules (fake_spse.domain.tender_cepat, pick_method), without storage or HTTP."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from factories import START

from fake_spse.domain.errors import DomainError
from fake_spse.domain.schedule import build_schedule
from fake_spse.domain.tender_cepat import (
    REASON_NONE_ACCEPTABLE,
    REASON_TOO_FEW,
    PriceOffer,
    SikapStatus,
    check_sikap_sync,
    decide,
    ensure_may_join,
    ensure_penetapan_open,
    ranking,
    sikap_missing,
)
from fake_spse.domain.tenders import TenderDraft, pick_method
from fake_spse.domain.vendor_data import RecordKind, VendorRecord
from spse_shared.profile import PENETAPAN_STAGE, PENGUMUMAN_PEMENANG_STAGE, load_profile

TODAY = date(2026, 3, 2)
HPS = 100_000_000
CA = load_profile("spse-4.3-ca")


def record(record_id: int, kind: RecordKind, **values: object) -> VendorRecord:
    return VendorRecord(record_id, "ptmaju", kind, values)  # type: ignore[arg-type]


def complete() -> list[VendorRecord]:
    return [
        record(1, RecordKind.IZIN_USAHA, jenis="SIUP", nomor="503/1", berlaku_sampai=None),
        record(2, RecordKind.AKTA, jenis="Pendirian", nomor="12"),
        record(3, RecordKind.PENGURUS, nama="Budi"),
        record(4, RecordKind.PAJAK, jenis="SPT Tahunan", tahun=2025),
    ]


def offer(vendor: str, price: int | None, *, opened: bool = True, minutes: int = 0) -> PriceOffer:
    return PriceOffer(vendor, price, opened, START + timedelta(minutes=minutes))


def draft(**changes: object) -> TenderDraft:
    fields: dict[str, object] = {
        "name": "Pengadaan Laptop",
        "instansi": "Pemerintah Kota Surakarta",
        "satker": "Dinas Kominfo",
        "jenis_pengadaan": 0,
        "pagu": 200_000_000,
        "hps": HPS,
        "lokasi": "Surakarta",
        "tahun": 2026,
    }
    return TenderDraft(**{**fields, **changes})  # type: ignore[arg-type]


def test_complete_data_penyedia_make_complete_sikap_data() -> None:
    assert sikap_missing(complete(), TODAY) == []
    check_sikap_sync(complete(), TODAY)


def test_sikap_names_every_missing_record_in_words() -> None:
    assert sikap_missing([], TODAY) == [
        "Izin Usaha yang masih berlaku",
        "Akta Pendirian",
        "Pengurus",
        "SPT Tahunan tahun pajak 2025",
    ]
    with pytest.raises(DomainError) as refused:
        check_sikap_sync(complete()[1:], TODAY)
    assert refused.value.key == "sikap.belum_lengkap"
    assert refused.value.params == {"kurang": "Izin Usaha yang masih berlaku"}


def test_an_expired_izin_is_history_when_a_valid_one_is_there() -> None:
    expired = record(
        9, RecordKind.IZIN_USAHA, jenis="SIUP", nomor="lama", berlaku_sampai=date(2025, 1, 1)
    )
    assert sikap_missing([*complete(), expired], TODAY) == []
    assert sikap_missing([expired, *complete()[1:]], TODAY) == ["Izin Usaha yang masih berlaku"]


def test_only_verified_sikap_data_join_a_tender_cepat() -> None:
    for status in (None, SikapStatus("ptmaju", None)):
        with pytest.raises(DomainError) as refused:
            ensure_may_join(status)
        assert refused.value.key == "tender_cepat.sikap_wajib"
    ensure_may_join(SikapStatus("ptmaju", START))


def test_the_lowest_acceptable_price_wins() -> None:
    offers = [
        offer("mahal", 95_000_000),
        offer("murah", 80_000_000, minutes=5),
        offer("di-atas-hps", 70_000_000 + HPS),
        offer("tidak-dibuka", 10_000_000, opened=False),
        offer("tanpa-harga", None),
    ]
    assert [o.vendor_id for o in ranking(offers, HPS)] == ["murah", "mahal"]
    outcome = decide(offers, HPS)
    assert outcome.winner is not None
    assert outcome.winner.vendor_id == "murah"
    assert outcome.failed_reason is None


def test_equal_prices_go_to_the_earlier_offer() -> None:
    offers = [offer("kedua", 90_000_000, minutes=9), offer("pertama", 90_000_000, minutes=1)]
    assert decide(offers, HPS).winner == offers[1]


def test_too_few_or_no_acceptable_offers_fail_the_tender() -> None:
    assert decide([offer("sendiri", 50_000_000)], HPS).failed_reason == REASON_TOO_FEW
    both_above = [offer("a", HPS + 1), offer("b", HPS + 2)]
    outcome = decide(both_above, HPS)
    assert outcome.winner is None
    assert outcome.failed_reason == REASON_NONE_ACCEPTABLE


def test_the_winner_is_fixed_once_inside_penetapan_and_pengumuman() -> None:
    schedule = build_schedule(CA.method("tender-cepat").stages, START)
    penetapan = schedule.window(PENETAPAN_STAGE)
    with pytest.raises(DomainError) as early:
        ensure_penetapan_open(schedule, penetapan.start - timedelta(seconds=1), decided=False)
    assert early.value.key == "pemenang.belum_waktunya"
    ensure_penetapan_open(schedule, penetapan.start, decided=False)
    late = schedule.window(PENGUMUMAN_PEMENANG_STAGE).end
    with pytest.raises(DomainError) as after:
        ensure_penetapan_open(schedule, late, decided=False)
    assert after.value.key == "pemenang.tahap_lewat"
    with pytest.raises(DomainError) as again:
        ensure_penetapan_open(schedule, penetapan.start, decided=True)
    assert again.value.key == "pemenang.sudah_ditetapkan"


def test_the_pokja_chooses_tender_cepat_where_the_profile_offers_it() -> None:
    assert pick_method(CA, draft()).key == "pasca-satu-file"
    assert pick_method(CA, draft(metode="tender-cepat")).key == "tender-cepat"
    with pytest.raises(DomainError) as consultancy:
        pick_method(CA, draft(metode="tender-cepat", jenis_pengadaan=1))
    assert consultancy.value.key == "tender.metode_tidak_sesuai"
    assert consultancy.value.params["metode"] == "Tender Cepat"
    nonca = load_profile("spse-4.3-nonca")
    with pytest.raises(DomainError) as refused:
        pick_method(nonca, draft(metode="tender-cepat"))
    assert refused.value.key == "tender.metode_tidak_tersedia"
    # A method SPSE picks by jenis is no choice of the pokja's.
    with pytest.raises(DomainError):
        pick_method(CA, draft(metode="pasca-satu-file"))
