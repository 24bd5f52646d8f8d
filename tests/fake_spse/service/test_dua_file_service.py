"""Seleksi dua file through the services, without HTTP: File I opened and evaluated, then File II
opened only for those who passed, then the harga evaluation and the winner."""

from __future__ import annotations

from decimal import Decimal

import pytest
from service_world import (
    LpseUnderTest,
    MakeCsr,
    add_account,
    certify,
    chunks_of,
    draft,
    sealed_body,
)

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.dua_file import File1Marks
from fake_spse.domain.errors import DomainError
from fake_spse.domain.evaluation import Marks
from fake_spse.domain.offers import Offer, OfferPart
from fake_spse.domain.tenders import Tender
from spse_shared.profile import PENETAPAN_STAGE, UPLOAD_STAGE
from spse_shared.run_sync import run_sync

FILE1_STAGE = "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
FILE2_STAGE = "Pembukaan dan Evaluasi Penawaran File II: Harga"


@pytest.fixture
def pokja(lpse: LpseUnderTest, make_csr: MakeCsr) -> Account:
    account = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, account, make_csr)
    return account


@pytest.fixture
def seleksi(lpse: LpseUnderTest, pokja: Account) -> Tender:
    # Jenis pengadaan 1 (Jasa Konsultansi Badan Usaha) picks the Seleksi dua file method.
    tender = lpse.tenders.create_tender(pokja, draft(jenis_pengadaan=1))
    assert tender.method == "seleksi-pra-dua-file"
    return tender


def to_stage(lpse: LpseUnderTest, tender: Tender, stage: str) -> None:
    lpse.clock.set(tender.schedule.window(stage).start)


def send_both(lpse: LpseUnderTest, tender: Tender, vendor: Account, price: str) -> None:
    body = sealed_body(lpse, tender.tender_id, 3000)
    run_sync(lpse.offers.receive_offer(vendor, tender.tender_id, chunks_of(body), "file1"))
    lpse.offers.prepare_letter(vendor, tender.tender_id, "file2", price, "60")
    run_sync(lpse.offers.receive_offer(vendor, tender.tender_id, chunks_of(body), "file2"))


def part_of(lpse: LpseUnderTest, tender: Tender, vendor: Account, part: OfferPart) -> Offer:
    return next(
        o
        for o in lpse.offers.offers(tender.tender_id)
        if o.vendor_id == vendor.user_id and o.part is part
    )


def opened(lpse: LpseUnderTest, pokja: Account, tender: Tender, offer: Offer) -> None:
    lpse.offers.record_opening(
        pokja, tender.tender_id, offer.offer_id, code="dibuka", signer_subject="CN=x", files=()
    )


def test_file2_only_after_file1_and_only_for_those_who_passed(
    lpse: LpseUnderTest, make_csr: MakeCsr, pokja: Account, seleksi: Tender
) -> None:
    vendors = []
    for user_id in ("cvmaju", "cvjaya"):
        vendor = add_account(lpse, user_id, Role.PENYEDIA)
        certify(lpse, vendor, make_csr)
        lpse.tenders.join_tender(vendor, seleksi.tender_id)
        vendors.append(vendor)
    maju, jaya = vendors
    to_stage(lpse, seleksi, UPLOAD_STAGE)
    send_both(lpse, seleksi, maju, "650000000")
    send_both(lpse, seleksi, jaya, "600000000")

    to_stage(lpse, seleksi, FILE1_STAGE)
    _, file1 = lpse.offers.offers_for_opening(pokja, seleksi.tender_id, "file1")
    assert {o.part for o in file1} == {OfferPart.FILE_1}
    assert len(file1) == 2
    for offer in file1:
        opened(lpse, pokja, seleksi, offer)

    # The wrong order: File II before File I is evaluated, refused however it is asked for.
    for stage in (FILE1_STAGE, FILE2_STAGE):
        to_stage(lpse, seleksi, stage)
        with pytest.raises(DomainError) as caught:
            lpse.offers.offers_for_opening(pokja, seleksi.tender_id, "file2")
        assert caught.value.key == "pembukaan.file1_belum_dievaluasi"
        file2 = part_of(lpse, seleksi, maju, OfferPart.FILE_2)
        with pytest.raises(DomainError) as caught:
            lpse.offers.offer_file(pokja, seleksi.tender_id, file2.offer_id)
        assert caught.value.key == "pembukaan.file1_belum_dievaluasi"

    to_stage(lpse, seleksi, FILE1_STAGE)
    dua_file = lpse.services.dua_file
    # Kualitas dan Biaya: the nilai teknis is given with File I; a teknis lulus needs one.
    with pytest.raises(DomainError) as caught:
        dua_file.evaluate_file1(
            pokja, seleksi.tender_id, maju.user_id, File1Marks(True, True, True, "")
        )
    assert caught.value.key == "evaluasi.nilai_teknis_wajib"
    dua_file.evaluate_file1(
        pokja, seleksi.tender_id, maju.user_id, File1Marks(True, True, True, "", Decimal("84"))
    )
    # Below the ambang batas (70) teknis gugur whatever the form says, with SPSE's reason.
    low = dua_file.evaluate_file1(
        pokja, seleksi.tender_id, jaya.user_id, File1Marks(True, True, True, "", Decimal("65"))
    )
    assert (low.teknis, low.nilai_teknis) == (False, Decimal("65"))
    assert "70" in low.reason
    _, rows = dua_file.file1_rows(pokja, seleksi.tender_id)
    assert sorted((r.vendor.user_id, r.opened, r.evaluation is not None) for r in rows) == [
        ("cvjaya", True, True),
        ("cvmaju", True, True),
    ]

    # File II has its own stage; then only the File II of the one who passed is listed.
    with pytest.raises(DomainError) as caught:
        lpse.offers.offers_for_opening(pokja, seleksi.tender_id, "file2")
    assert caught.value.key == "pembukaan.belum_waktunya"
    to_stage(lpse, seleksi, FILE2_STAGE)
    _, file2 = lpse.offers.offers_for_opening(pokja, seleksi.tender_id, "file2")
    assert [(o.vendor_id, o.part) for o in file2] == [("cvmaju", OfferPart.FILE_2)]
    sealed = part_of(lpse, seleksi, jaya, OfferPart.FILE_2)
    with pytest.raises(DomainError) as caught:
        lpse.offers.offer_file(pokja, seleksi.tender_id, sealed.offer_id)
    assert caught.value.key == "pembukaan.file2_tidak_lulus_file1"
    with pytest.raises(DomainError):
        opened(lpse, pokja, seleksi, sealed)
    assert lpse.offers.shown_price(sealed) is None

    opened(lpse, pokja, seleksi, file2[0])
    assert lpse.offers.shown_price(file2[0]) == 650_000_000
    # The pokja's evaluation page shows a price only for an opened File II.
    results = lpse.services.evaluation.results(seleksi.tender_id)
    assert {r.vendor.user_id: r.price_rupiah for r in results} == {
        "cvmaju": 650_000_000,
        "cvjaya": None,
    }
    with pytest.raises(DomainError) as caught:
        dua_file.evaluate_file1(
            pokja, seleksi.tender_id, jaya.user_id, File1Marks(True, True, True, "")
        )
    assert caught.value.key == "evaluasi.file1_terkunci"

    # Harga on the evaluation page every method shares, on top of File I's result: its File I
    # marks are not asked again (the form's are ignored), the nilai teknis is kept.
    evaluation = lpse.services.evaluation
    with pytest.raises(DomainError) as caught:
        evaluation.evaluate(
            pokja, seleksi.tender_id, jaya.user_id, Marks(True, True, True, True, "")
        )
    assert caught.value.key == "pembukaan.file2_tidak_lulus_file1"
    priced = evaluation.evaluate(
        pokja, seleksi.tender_id, maju.user_id, Marks(False, False, False, True, "")
    )
    assert priced.passed
    assert (priced.nilai_teknis, priced.price_rupiah) == (Decimal("84"), 650_000_000)
    to_stage(lpse, seleksi, PENETAPAN_STAGE)
    winner = evaluation.decide_winner(pokja, seleksi.tender_id)
    assert winner is not None
    assert (winner.vendor_id, winner.price_rupiah) == ("cvmaju", 650_000_000)


def test_file1_evaluation_is_only_for_dua_file_tenders(lpse: LpseUnderTest, pokja: Account) -> None:
    satu_file = lpse.tenders.create_tender(pokja, draft())
    with pytest.raises(DomainError) as caught:
        lpse.services.dua_file.file1_rows(pokja, satu_file.tender_id)
    assert caught.value.key == "evaluasi.bukan_dua_file"
