"""Offers (fake_spse.service.offers) without HTTP: uploads, joining, opening records."""

from __future__ import annotations

import hashlib
import tracemalloc
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from service_world import (
    MESSAGES,
    LpseUnderTest,
    MakeCsr,
    add_account,
    blob_files,
    certify,
    chunks_of,
    draft,
    sealed_body,
    upload,
    with_profile,
)

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.domain.offers import OfferPart
from fake_spse.domain.tenders import Tender
from fake_spse.service.offers import UploadCut
from fake_spse.web.common import wib
from spse_shared.profile import OPENING_STAGE, UPLOAD_STAGE
from spse_shared.run_sync import run_sync


@pytest.fixture
def tender(lpse: LpseUnderTest, make_csr: MakeCsr) -> Tender:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    return lpse.tenders.create_tender(pokja, draft())


@pytest.fixture
def vendor(lpse: LpseUnderTest, tender: Tender, make_csr: MakeCsr) -> Account:
    account = add_account(lpse, "ptmaju", Role.PENYEDIA)
    certify(lpse, account, make_csr)
    lpse.tenders.join_tender(account, tender.tender_id)
    return account


def to_stage(lpse: LpseUnderTest, tender: Tender, stage: str, *, edge: str = "start") -> None:
    window = tender.schedule.window(stage)
    lpse.clock.set(window.start if edge == "start" else window.end)


def _offer_files(lpse: LpseUnderTest, tmp_path: Path) -> set[Path]:
    """Blob files other than the pokja's AMS letter."""
    letters = {
        lpse.blobs.path(r.letter_blob)
        for a in lpse.db.accounts()
        for r in lpse.db.ams_requests(a.user_id)
    }
    return blob_files(tmp_path) - letters


def _nothing_stored(lpse: LpseUnderTest, tmp_path: Path, tender: Tender) -> None:
    assert lpse.db.offers(tender.tender_id, current_only=False) == []
    assert _offer_files(lpse, tmp_path) == set()


def test_upload_before_the_window_is_refused(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    assert caught.value.key == "penawaran.belum_dibuka"
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_after_the_deadline_is_refused(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    deadline = tender.schedule.window(UPLOAD_STAGE).end
    assert (caught.value.key, caught.value.params) == ("penawaran.ditutup", {"deadline": deadline})
    assert "09 Maret 2026 08:00 WIB" in MESSAGES.text("penawaran.ditutup", deadline=wib(deadline))
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_finishing_after_the_deadline_is_not_kept(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    window = tender.schedule.window(UPLOAD_STAGE)
    lpse.clock.set(window.end - timedelta(seconds=1))

    async def slow_body() -> AsyncIterator[bytes]:
        yield b"first half "
        lpse.clock.advance(timedelta(seconds=2))
        yield b"second half"

    with pytest.raises(DomainError) as caught:
        run_sync(lpse.offers.receive_offer(vendor, tender.tender_id, slow_body()))
    assert caught.value.key == "penawaran.ditutup"
    _nothing_stored(lpse, tmp_path, tender)


def test_the_slow_upload_fault_takes_its_duration_on_spses_clock(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    window = tender.schedule.window(UPLOAD_STAGE)
    lpse.clock.set(window.end - timedelta(minutes=2))
    lpse.faults.arm("upload.slow", times=1, actor=vendor.user_id, params={"duration_s": 300})

    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    assert caught.value.key == "penawaran.ditutup"
    assert lpse.clock.now() == window.end + timedelta(minutes=3)
    _nothing_stored(lpse, tmp_path, tender)

    # Started early enough, the same slow line delivers: the receipt has the completion time.
    lpse.clock.set(window.end - timedelta(minutes=10))
    lpse.faults.arm("upload.slow", times=1, actor=vendor.user_id, params={"duration_s": 300})
    receipt = upload(lpse, vendor, tender.tender_id, b"sealed")
    assert receipt.offer.received_at == window.end - timedelta(minutes=5)


def test_upload_by_a_non_participant_is_refused(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    outsider = add_account(lpse, "ptlain", Role.PENYEDIA)
    with pytest.raises(Forbidden) as caught:
        upload(lpse, outsider, tender.tender_id, b"sealed")
    assert caught.value.key == "penawaran.bukan_peserta"
    pokja = lpse.accounts.account("pokja1")
    with pytest.raises(Forbidden):
        upload(lpse, pokja, tender.tender_id, b"sealed")
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_returns_a_receipt_and_keeps_the_bytes(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = sealed_body(lpse, tender.tender_id, 5000)
    receipt = run_sync(
        lpse.offers.receive_offer(vendor, tender.tender_id, chunks_of(body[:7], body[7:]))
    )
    offer = receipt.offer
    assert not receipt.replaced
    assert offer.sha256 == hashlib.sha256(body).hexdigest()
    assert offer.size == len(body)
    assert offer.received_at == lpse.clock.now()
    assert lpse.blobs.path(offer.blob_key).read_bytes() == body
    assert lpse.offers.current_offer(vendor, tender.tender_id) == offer


def test_a_large_offer_is_checked_hashed_and_stored_in_bounded_memory(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = sealed_body(lpse, tender.tender_id, 24 * 1024 * 1024)
    view = memoryview(body)

    async def arriving() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield bytes(view[start : start + 64 * 1024])

    tracemalloc.start()
    try:
        receipt = run_sync(lpse.offers.receive_offer(vendor, tender.tender_id, arriving()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert receipt.offer.sha256 == hashlib.sha256(body).hexdigest()
    # Receiving, hashing, checking and storing hold a few chunks, not the offer (24 MiB).
    assert peak < 2 * 1024 * 1024


def test_reupload_replaces_the_current_offer(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    first = upload(lpse, vendor, tender.tender_id, b"versi pertama").offer
    lpse.clock.advance(timedelta(minutes=5))
    second = upload(lpse, vendor, tender.tender_id, b"versi kedua")
    assert second.replaced
    assert lpse.offers.current_offer(vendor, tender.tender_id) == second.offer
    everything = lpse.db.offers(tender.tender_id, current_only=False)
    assert [(o.offer_id, o.current) for o in everything] == [
        (first.offer_id, False),
        (second.offer.offer_id, True),
    ]
    to_stage(lpse, tender, OPENING_STAGE)
    _, for_opening = lpse.offers.offers_for_opening(
        lpse.accounts.account("pokja1"), tender.tender_id
    )
    assert for_opening == [second.offer]


@pytest.mark.parametrize(
    "chunks",
    [
        pytest.param([b"x" * 8] * 5, id="many-small-chunks"),
        pytest.param([b"x" * 40], id="one-chunk-past-the-cut"),
        pytest.param([b"x" * 4], id="shorter-than-the-cut"),
    ],
)
def test_upload_cut_keeps_nothing(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account, chunks: list[bytes]
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    lpse.faults.arm("upload.cut", times=1, params={"after_bytes": 10})
    with pytest.raises(UploadCut):
        upload(lpse, vendor, tender.tender_id, *chunks)
    _nothing_stored(lpse, tmp_path, tender)
    assert [f.name for f in lpse.faults.firings()] == ["upload.cut"]
    # The cut was for one upload only: sending again works.
    assert upload(lpse, vendor, tender.tender_id, *chunks).offer.size >= sum(map(len, chunks))


def test_upload_too_large_keeps_nothing(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    lpse = with_profile(lpse, upload_max_bytes=2 * 2**20)
    to_stage(lpse, tender, UPLOAD_STAGE)
    chunk = b"z" * 2**20
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, chunk, chunk, b"z")
    assert (caught.value.key, caught.value.params) == ("penawaran.terlalu_besar", {"max_mb": 2})
    _nothing_stored(lpse, tmp_path, tender)
    assert upload(lpse, vendor, tender.tender_id, chunk, chunk).offer.size == 2 * 2**20


def test_empty_upload_is_refused(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id)
    assert caught.value.key == "penawaran.kosong"
    with pytest.raises(DomainError):
        upload(lpse, vendor, tender.tender_id, b"", b"")
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_fail_next_keeps_nothing(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    lpse.faults.arm("upload.fail_next", times=1)
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    assert caught.value.key == "error.umum"
    _nothing_stored(lpse, tmp_path, tender)


def test_join_is_closed_after_the_upload_stage(lpse: LpseUnderTest, tender: Tender) -> None:
    late = add_account(lpse, "ptlambat", Role.PENYEDIA)
    to_stage(lpse, tender, UPLOAD_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        lpse.tenders.join_tender(late, tender.tender_id)
    assert caught.value.key == "tender.pendaftaran_ditutup"
    assert not lpse.tenders.is_participant("ptlambat", tender.tender_id)


def test_joining_twice_is_refused(lpse: LpseUnderTest, tender: Tender, vendor: Account) -> None:
    with pytest.raises(DomainError) as caught:
        lpse.tenders.join_tender(vendor, tender.tender_id)
    assert caught.value.key == "tender.sudah_ikut"


# opening --------------------------------------------------------------------------------------
def test_opening_waits_for_the_opening_stage(lpse: LpseUnderTest, tender: Tender) -> None:
    pokja = lpse.accounts.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    with pytest.raises(DomainError) as caught:
        lpse.offers.offers_for_opening(pokja, tender.tender_id)
    start = tender.schedule.window(OPENING_STAGE).start
    assert (caught.value.key, caught.value.params) == ("pembukaan.belum_waktunya", {"start": start})
    to_stage(lpse, tender, OPENING_STAGE)
    assert lpse.offers.offers_for_opening(pokja, tender.tender_id) == (tender, [])


def test_opening_is_for_the_tenders_own_pokja(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    other = add_account(lpse, "pokja2", Role.POKJA)
    to_stage(lpse, tender, OPENING_STAGE)
    with pytest.raises(Forbidden) as caught:
        lpse.offers.offers_for_opening(other, tender.tender_id)
    assert caught.value.key == "pembukaan.bukan_pokja"
    with pytest.raises(Forbidden):
        lpse.offers.offers_for_opening(vendor, tender.tender_id)


def test_record_opening(lpse: LpseUnderTest, tender: Tender, vendor: Account) -> None:
    pokja = lpse.accounts.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = sealed_body(lpse, tender.tender_id, 2000)
    offer = run_sync(lpse.offers.receive_offer(vendor, tender.tender_id, chunks_of(body))).offer
    to_stage(lpse, tender, OPENING_STAGE)
    found, path = lpse.offers.offer_file(pokja, tender.tender_id, offer.offer_id)
    assert (found, path.read_bytes()) == (offer, body)

    with pytest.raises(DomainError) as caught:
        lpse.offers.record_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka-ok", signer_subject="", files=()
        )
    assert caught.value.key == "pembukaan.status_tidak_dikenal"
    assert lpse.offers.opening(offer.offer_id) is None

    with pytest.raises(NotFound):
        lpse.offers.record_opening(
            pokja, tender.tender_id, offer.offer_id + 99, code="dibuka", signer_subject="", files=()
        )

    result = lpse.offers.record_opening(
        pokja,
        tender.tender_id,
        offer.offer_id,
        code="dibuka",
        signer_subject="CN=Budi Santoso",
        files=("dokumen/penawaran.pdf",),
    )
    assert result.succeeded
    assert lpse.offers.opening(offer.offer_id) == result


def test_an_opening_result_is_recorded_once_and_corrected_only_on_purpose(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    pokja = lpse.accounts.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    offer = upload(lpse, vendor, tender.tender_id, b"sealed").offer
    to_stage(lpse, tender, OPENING_STAGE)

    def record(code: str, *, correction: bool = False) -> object:
        return lpse.offers.record_opening(
            pokja,
            tender.tender_id,
            offer.offer_id,
            code=code,
            signer_subject="CN=Budi",
            files=("dokumen/a.pdf",),
            correction=correction,
        )

    first = record("dibuka")
    assert record("dibuka") == first  # a retry of the same result records nothing new
    with pytest.raises(DomainError) as caught:
        record("rusak")
    assert caught.value.key == "pembukaan.sudah_dicatat"
    assert lpse.offers.opening(offer.offer_id) == first

    lpse.clock.advance(timedelta(minutes=10))
    corrected = record("rusak", correction=True)
    assert lpse.offers.opening(offer.offer_id) == corrected
    assert lpse.db.opening_log(offer.offer_id) == [(first, False), (corrected, True)]


def test_no_opening_result_after_the_opening_stage(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    pokja = lpse.accounts.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    offer = upload(lpse, vendor, tender.tender_id, b"sealed").offer
    to_stage(lpse, tender, OPENING_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        lpse.offers.record_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka", signer_subject="", files=()
        )
    end = tender.schedule.window(OPENING_STAGE).end
    assert (caught.value.key, caught.value.params) == ("pembukaan.tahap_selesai", {"end": end})
    assert lpse.offers.opening(offer.offer_id) is None
    assert lpse.db.opening_log(offer.offer_id) == []


def test_the_surat_penawaran_carries_the_price_which_spse_shows_only_after_opening(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    name, pdf, letter = lpse.offers.prepare_letter(
        vendor, tender.tender_id, None, "Rp 650.000.000", "60"
    )
    assert name == "Surat Penawaran.pdf"
    assert pdf.startswith(b"%PDF-")
    assert b"Rp 650.000.000,00" in pdf
    assert (letter.price_rupiah, letter.validity_days) == (650_000_000, 60)

    receipt = upload(lpse, vendor, tender.tender_id, b"sealed")
    assert (receipt.offer.part, receipt.offer.price_rupiah) == (OfferPart.PENAWARAN, 650_000_000)
    assert lpse.offers.shown_price(receipt.offer) is None
    assert lpse.offers.vendor_prices(tender.tender_id) == {}

    to_stage(lpse, tender, OPENING_STAGE)
    pokja = lpse.accounts.account("pokja1")
    assert pokja is not None
    lpse.offers.record_opening(
        pokja, tender.tender_id, receipt.offer.offer_id, code="dibuka", signer_subject="CN=x",
        files=("Surat Penawaran.pdf",),
    )  # fmt: skip
    assert lpse.offers.vendor_prices(tender.tender_id) == {vendor.user_id: 650_000_000}


def test_a_failed_opening_shows_no_price(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    lpse.offers.prepare_letter(vendor, tender.tender_id, None, "650000000", "60")
    receipt = upload(lpse, vendor, tender.tender_id, b"sealed")
    to_stage(lpse, tender, OPENING_STAGE)
    pokja = lpse.accounts.account("pokja1")
    assert pokja is not None
    lpse.offers.record_opening(
        pokja, tender.tender_id, receipt.offer.offer_id, code="gagal_dekripsi",
        signer_subject="", files=(),
    )  # fmt: skip
    assert lpse.offers.vendor_prices(tender.tender_id) == {}


@pytest.mark.parametrize(
    ("price", "validity", "keys"),
    [
        ("0", "60", ["penawaran.harga_tidak_valid"]),
        ("enam ratus juta", "60", ["penawaran.harga_tidak_valid"]),
        ("650000000", "0", ["penawaran.masa_berlaku_tidak_valid"]),
        ("", "", ["penawaran.harga_tidak_valid", "penawaran.masa_berlaku_tidak_valid"]),
    ],
)
def test_a_bad_surat_penawaran_form_is_refused(
    lpse: LpseUnderTest, tender: Tender, vendor: Account, price: str, validity: str,
    keys: list[str],
) -> None:  # fmt: skip
    to_stage(lpse, tender, UPLOAD_STAGE)
    with pytest.raises(FormProblems) as caught:
        lpse.offers.prepare_letter(vendor, tender.tender_id, None, price, validity)
    assert [p.key for p in caught.value.problems] == keys


def test_dua_file_sends_file_i_and_file_ii_separately_with_the_price_on_file_ii(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    dua_file = replace(tender, tender_id="20000001", method="seleksi-pra-dua-file")
    lpse.db.add_tender(dua_file)
    lpse.tenders.join_tender(vendor, dua_file.tender_id)
    to_stage(lpse, dua_file, UPLOAD_STAGE)
    with pytest.raises(DomainError) as caught:
        lpse.offers.prepare_letter(vendor, dua_file.tender_id, "file1", "650000000", "60")
    assert caught.value.key == "penawaran.bagian_tanpa_harga"
    lpse.offers.prepare_letter(vendor, dua_file.tender_id, "file2", "650000000", "60")
    with pytest.raises(DomainError) as caught:
        run_sync(lpse.offers.receive_offer(vendor, dua_file.tender_id, chunks_of(b"x")))
    assert caught.value.key == "penawaran.bagian_wajib"

    body = sealed_body(lpse, dua_file.tender_id, 3000)
    first = run_sync(
        lpse.offers.receive_offer(vendor, dua_file.tender_id, chunks_of(body), "file1")
    )
    second = run_sync(
        lpse.offers.receive_offer(vendor, dua_file.tender_id, chunks_of(body), "file2")
    )
    assert (first.offer.part, first.offer.price_rupiah) == (OfferPart.FILE_1, None)
    assert (second.offer.part, second.offer.price_rupiah) == (OfferPart.FILE_2, 650_000_000)
    assert not second.replaced
    current = lpse.offers.offers(dua_file.tender_id)
    assert sorted(o.part for o in current) == [OfferPart.FILE_1, OfferPart.FILE_2]
