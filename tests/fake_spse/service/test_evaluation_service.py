"""The evaluation reads the qualification data through the service layer (SQLite on disk): an
izin usaha valid when sent but expired by the evaluation day, on the simulated clock, is a
gugur of kualifikasi SPSE proposes and applies, with its catalog reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from service_world import LpseUnderTest, MakeCsr, add_account, certify, draft, upload

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.evaluation import Marks
from fake_spse.domain.tenders import Tender
from spse_shared.messages import MessageCatalog
from spse_shared.profile import OPENING_STAGE, UPLOAD_STAGE
from spse_shared.wib import WIB

ALL_PASS = Marks(kualifikasi=True, administrasi=True, teknis=True, harga=True, reason="")
IZIN = {"jenis": "SIUP", "nomor": "503/77", "instansi": "DPMPTSP", "kualifikasi": "Kecil"}


@pytest.fixture
def pokja(lpse: LpseUnderTest, make_csr: MakeCsr) -> Account:
    account = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, account, make_csr)
    return account


@pytest.fixture
def tender(lpse: LpseUnderTest, pokja: Account) -> Tender:
    return lpse.tenders.create_tender(pokja, draft())


def qualified_vendor(
    lpse: LpseUnderTest,
    make_csr: MakeCsr,
    tender: Tender,
    user_id: str,
    izin_days_after_sending: int | None,
) -> Account:
    """A participant who sent its qualification data at the start of the upload stage with an
    izin usaha valid that many days after the sending (None: valid for life), and an offer."""
    vendor = add_account(lpse, user_id, Role.PENYEDIA)
    certify(lpse, vendor, make_csr)
    lpse.tenders.join_tender(vendor, tender.tender_id)
    lpse.clock.set(tender.schedule.window(UPLOAD_STAGE).start)
    today = lpse.clock.now().astimezone(WIB).date()
    until = (
        ""
        if izin_days_after_sending is None
        else (today + timedelta(days=izin_days_after_sending)).isoformat()
    )
    forms = [
        ("izin_usaha", {**IZIN, "berlaku_sampai": until}),
        ("akta", {"jenis": "Pendirian", "nomor": "12", "tanggal": "2015-05-04", "notaris": "S"}),
        ("pengurus", {"nama": "Budi", "nik": "3372010101800001", "jabatan": "Direktur"}),
        (
            "pajak",
            {
                "jenis": "SPT Tahunan",
                "tahun": str(today.year - 1),
                "nomor": "BPE-1",
                "tanggal": f"{today.year - 1}-02-20",
            },
        ),
    ]
    ids = [lpse.services.vendor_data.add_record(vendor, k, f).record_id for k, f in forms]
    lpse.services.qualification.submit(vendor, tender.tender_id, ids)
    upload(lpse, vendor, tender.tender_id, b"x" * 2048)
    lpse.services.evaluation.arrange_price(tender.tender_id, user_id, tender.hps - 1_000_000)
    return vendor


def open_offers(lpse: LpseUnderTest, pokja: Account, tender: Tender) -> None:
    lpse.clock.set(tender.schedule.window(OPENING_STAGE).start + timedelta(hours=1))
    for offer in lpse.offers.offers(tender.tender_id):
        lpse.offers.record_opening(
            pokja,
            tender.tender_id,
            offer.offer_id,
            code="dibuka",
            signer_subject="CN=Direktur",
            files=("a.pdf",),
        )


def test_an_izin_usaha_expired_since_sending_gugur_at_evaluasi_kualifikasi(
    lpse: LpseUnderTest, make_csr: MakeCsr, pokja: Account, tender: Tender
) -> None:
    # Valid for one more day when sent; the opening is three days (72 hours) later.
    qualified_vendor(lpse, make_csr, tender, "ptlama", 1)
    qualified_vendor(lpse, make_csr, tender, "ptbaru", None)
    open_offers(lpse, pokja, tender)
    until = (
        tender.schedule.window(UPLOAD_STAGE).start.astimezone(WIB).date() + timedelta(days=1)
    ).isoformat()
    reason = MessageCatalog().text("evaluasi.izin_kedaluwarsa", izin="SIUP 503/77", until=until)

    # The pokja sees SPSE's proposal before evaluating.
    proposed = {
        r.vendor.user_id: r.proposed for r in lpse.services.evaluation.results(tender.tender_id)
    }
    assert proposed == {"ptlama": (reason,), "ptbaru": ()}

    # Marked lulus on the form, the expired izin still makes kualifikasi gugur, with the reason.
    lama = lpse.services.evaluation.evaluate(pokja, tender.tender_id, "ptlama", ALL_PASS)
    assert lama.kualifikasi is False
    assert not lama.passed
    assert lama.reason == reason
    baru = lpse.services.evaluation.evaluate(pokja, tender.tender_id, "ptbaru", ALL_PASS)
    assert baru.passed
    assert baru.reason == ""
    # The reason is kept (and not repeated) when the pokja saves the form again with it.
    again = lpse.services.evaluation.evaluate(
        pokja, tender.tender_id, "ptlama", Marks(False, True, True, True, reason)
    )
    assert again.reason == reason


def test_an_izin_usaha_still_valid_on_the_evaluation_day_is_no_gugur(
    lpse: LpseUnderTest, make_csr: MakeCsr, pokja: Account, tender: Tender
) -> None:
    qualified_vendor(lpse, make_csr, tender, "ptmaju", 30)
    open_offers(lpse, pokja, tender)
    [row] = lpse.services.evaluation.results(tender.tender_id)
    assert row.proposed == ()
    assert lpse.services.evaluation.evaluate(pokja, tender.tender_id, "ptmaju", ALL_PASS).passed
