"""Data Penyedia and Kirim Persyaratan Kualifikasi through the service layer (SQLite on disk)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from service_world import LpseUnderTest, MakeCsr, add_account, certify, draft

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems
from fake_spse.domain.offers import OfferPart
from fake_spse.domain.tenders import Tender
from fake_spse.domain.vendor_data import RecordKind
from spse_shared.profile import UPLOAD_STAGE

IZIN = {"jenis": "SIUP", "nomor": "503/77", "instansi": "DPMPTSP", "kualifikasi": "Kecil"}


@pytest.fixture
def tender(lpse: LpseUnderTest, make_csr: MakeCsr) -> Tender:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    return lpse.tenders.create_tender(pokja, draft())


@pytest.fixture
def vendor(lpse: LpseUnderTest, tender: Tender) -> Account:
    account = add_account(lpse, "ptmaju", Role.PENYEDIA)
    lpse.tenders.join_tender(account, tender.tender_id)
    return account


def data_penyedia(lpse: LpseUnderTest, vendor: Account, izin_until: str = "") -> list[int]:
    forms = [
        ("izin_usaha", {**IZIN, "berlaku_sampai": izin_until}),
        ("akta", {"jenis": "Pendirian", "nomor": "12", "tanggal": "2015-05-04", "notaris": "S"}),
        ("pengurus", {"nama": "Budi", "nik": "3372010101800001", "jabatan": "Direktur"}),
        (
            "pajak",
            {"jenis": "SPT Tahunan", "tahun": "2025", "nomor": "BPE-1", "tanggal": "2026-02-20"},
        ),
    ]
    return [lpse.services.vendor_data.add_record(vendor, k, f).record_id for k, f in forms]


def to_upload(lpse: LpseUnderTest, tender: Tender) -> None:
    lpse.clock.set(tender.schedule.window(UPLOAD_STAGE).start)


def test_records_are_kept_and_a_sending_copies_them(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    ids = data_penyedia(lpse, vendor)
    to_upload(lpse, tender)

    sent = lpse.services.qualification.submit(
        vendor, tender.tender_id, ids, [("NIB.pdf", b"%PDF-1.4 NIB")]
    )
    lpse.services.vendor_data.delete_record(vendor, ids[0])

    kept = lpse.services.qualification.current(vendor.user_id, tender.tender_id)
    assert kept is not None
    assert kept.submission_id == sent.submission_id
    assert [r.kind for r in kept.records] == [
        RecordKind.IZIN_USAHA,
        RecordKind.AKTA,
        RecordKind.PENGURUS,
        RecordKind.PAJAK,
    ]
    assert kept.of_kind(RecordKind.IZIN_USAHA)[0].text("nomor") == "503/77"
    assert [(a.name, a.size) for a in kept.attachments] == [("NIB.pdf", 12)]
    assert lpse.blobs.path(kept.attachments[0].blob_key).read_bytes() == b"%PDF-1.4 NIB"
    assert kept.attachments[0].blob_key in lpse.db.blob_keys()
    assert [r.record_id for r in lpse.services.vendor_data.records(vendor)] == ids[1:]


def test_a_new_sending_replaces_the_last(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    ids = data_penyedia(lpse, vendor)
    to_upload(lpse, tender)
    lpse.services.qualification.submit(vendor, tender.tender_id, ids)
    second = lpse.services.qualification.submit(vendor, tender.tender_id, ids, [("akta.pdf", b"x")])

    assert [s.submission_id for s in lpse.services.qualification.submissions(tender.tender_id)] == [
        second.submission_id
    ]


def test_an_izin_expired_on_the_day_of_sending_is_refused_and_nothing_is_stored(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_upload(lpse, tender)
    yesterday = (lpse.clock.now() - timedelta(days=1)).date().isoformat()
    ids = data_penyedia(lpse, vendor, izin_until=yesterday)

    with pytest.raises(FormProblems) as caught:
        lpse.services.qualification.submit(vendor, tender.tender_id, ids)
    assert caught.value.key == "kualifikasi.izin_kedaluwarsa"
    assert lpse.services.qualification.current(vendor.user_id, tender.tender_id) is None


def test_sending_follows_the_upload_stage_and_participation(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    ids = data_penyedia(lpse, vendor)
    with pytest.raises(DomainError, match=r"penawaran\.belum_dibuka"):
        lpse.services.qualification.submit(vendor, tender.tender_id, ids)
    to_upload(lpse, tender)
    outsider = add_account(lpse, "ptlain", Role.PENYEDIA)
    with pytest.raises(Forbidden):
        lpse.services.qualification.submit(outsider, tender.tender_id, [])
    with pytest.raises(DomainError, match=r"kualifikasi\.bukan_milik"):
        lpse.services.qualification.submit(vendor, tender.tender_id, [*ids, 999])
    lpse.clock.set(tender.schedule.window(UPLOAD_STAGE).end)
    with pytest.raises(DomainError, match=r"penawaran\.ditutup"):
        lpse.services.qualification.submit(vendor, tender.tender_id, ids)


def test_a_bad_form_stores_nothing(lpse: LpseUnderTest, vendor: Account) -> None:
    with pytest.raises(FormProblems):
        lpse.services.vendor_data.add_record(vendor, "pengurus", {"nama": "Budi", "nik": "1"})
    with pytest.raises(DomainError, match=r"data_penyedia\.jenis_tidak_dikenal"):
        lpse.services.vendor_data.add_record(vendor, "peralatan", {})
    assert lpse.services.vendor_data.records(vendor) == []


def test_offers_are_current_per_part(lpse: LpseUnderTest, tender: Tender) -> None:
    now = lpse.clock.now()
    add = lpse.db.add_offer
    first, _ = add(
        tender_id=tender.tender_id,
        vendor_id="v",
        blob_key="a",
        sha256="1",
        size=1,
        received_at=now,
        part=OfferPart.FILE_1,
    )
    price, _ = add(
        tender_id=tender.tender_id,
        vendor_id="v",
        blob_key="b",
        sha256="2",
        size=1,
        received_at=now,
        part=OfferPart.FILE_2,
        price_rupiah=700_000_000,
    )
    again, replaced = add(
        tender_id=tender.tender_id,
        vendor_id="v",
        blob_key="c",
        sha256="3",
        size=1,
        received_at=now,
        part=OfferPart.FILE_1,
    )

    assert replaced == "a"
    current = lpse.db.offers(tender.tender_id)
    assert [(o.part, o.price_rupiah) for o in current] == [
        (OfferPart.FILE_2, 700_000_000),
        (OfferPart.FILE_1, None),
    ]
    assert lpse.db.current_offer(tender.tender_id, "v", OfferPart.FILE_2) == price
    assert first.offer_id not in {o.offer_id for o in current}
    assert again in current


def test_a_prakualifikasi_takes_the_qualification_in_its_own_stage(
    lpse: LpseUnderTest, tender: Tender
) -> None:
    pokja = lpse.accounts.account("pokja1")
    # Jenis pengadaan 1 (Jasa Konsultansi) runs Seleksi Prakualifikasi Dua File.
    seleksi = lpse.tenders.create_tender(pokja, draft(jenis_pengadaan=1))
    vendor = add_account(lpse, "cvkonsultan", Role.PENYEDIA)
    lpse.tenders.join_tender(vendor, seleksi.tender_id)
    ids = data_penyedia(lpse, vendor)
    window = seleksi.schedule.window("Kirim Persyaratan Kualifikasi")
    submit = lpse.services.qualification.submit

    lpse.clock.set(window.start - timedelta(seconds=1))
    with pytest.raises(DomainError) as caught:
        submit(vendor, seleksi.tender_id, ids)
    assert caught.value.key == "kualifikasi.belum_dibuka"
    lpse.clock.set(window.start)
    assert submit(vendor, seleksi.tender_id, ids).tender_id == seleksi.tender_id
    # The offers come later; the qualification is closed by then.
    to_upload(lpse, seleksi)
    with pytest.raises(DomainError) as caught:
        submit(vendor, seleksi.tender_id, ids)
    assert caught.value.key == "kualifikasi.ditutup"
