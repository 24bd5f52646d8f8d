"""SPSE's SQLite database (fake_spse.storage.database): round trips, replacement, restart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from factories import START

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.certificates import AmsRequest, UserCertificate
from fake_spse.domain.offers import OpeningResult
from fake_spse.domain.schedule import Schedule, StageWindow
from fake_spse.domain.tenders import Tender
from fake_spse.storage.database import Database
from spse_shared.profile import DEFAULT_METHOD, DEFAULT_PROFILE, load_profile

PASCA_NAME = load_profile(DEFAULT_PROFILE).method(DEFAULT_METHOD).name


def account(user_id: str = "ptmaju", email: str = "admin@majujaya.co.id") -> Account:
    return Account(
        user_id=user_id,
        role=Role.PENYEDIA,
        name="Budi Santoso",
        email=email,
        password_hash="scrypt$00$00",
        status=AccountStatus.MENUNGGU_VERIFIKASI,
        created_at=START,
        company="PT Maju Jaya",
        npwp="01.234.567.8-901.000",
        address="Jl. Slamet Riyadi No. 1",
        phone="0271-123456",
        director="Budi Santoso",
    )


def tender(tender_id: str = "10000001") -> Tender:
    windows = (
        StageWindow(1, "Upload Dokumen Penawaran", START, START + timedelta(hours=72)),
        StageWindow(
            2,
            "Pembukaan Dokumen Penawaran",
            START + timedelta(hours=72),
            START + timedelta(hours=76),
        ),
    )
    return Tender(
        tender_id=tender_id,
        name="Pembangunan Jalan Desa",
        instansi="Pemerintah Kota Surakarta",
        satker="Dinas PU",
        jenis_pengadaan=2,
        metode=PASCA_NAME,
        pagu=1_000_000_000,
        hps=950_000_000,
        lokasi="Surakarta",
        tahun=2026,
        created_at=START,
        created_by="pokja1",
        schedule=Schedule(windows),
        recipient_certificates=("-----BEGIN CERTIFICATE-----\n...",),
    )


def add_offer(
    db: Database, vendor_id: str, blob_key: str, minutes: int = 0
) -> tuple[int, str | None]:
    offer, replaced = db.add_offer(
        tender_id="10000001",
        vendor_id=vendor_id,
        blob_key=blob_key,
        sha256="ab" * 32,
        size=123,
        received_at=START + timedelta(minutes=minutes),
    )
    return offer.offer_id, replaced


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return Database(tmp_path / "spse.sqlite3")


def test_account_round_trip_and_verification(db: Database) -> None:
    db.add_account(account())
    assert db.account("ptmaju") == account()
    assert db.account_by_email("ADMIN@MajuJaya.co.id") == account()
    assert db.account("tidakada") is None
    verified = account().verified("verif", START)
    db.save_account(verified)
    assert db.account("ptmaju") == verified
    assert db.accounts(Role.PENYEDIA) == [verified]
    assert db.accounts(Role.POKJA) == []


def test_an_email_is_stored_once(db: Database) -> None:
    db.add_account(account())
    with pytest.raises(Exception, match="UNIQUE"):
        db.add_account(account(user_id="ptlain"))
    assert [a.user_id for a in db.accounts()] == ["ptmaju"]


def test_tender_round_trip(db: Database) -> None:
    db.add_tender(tender())
    assert db.tender("10000001") == tender()
    assert db.tender("10000002") is None
    assert db.tender_ids() == ["10000001"]


def test_a_new_offer_replaces_the_current_one(db: Database) -> None:
    first, replaced_first = add_offer(db, "ptmaju", "blob1")
    other, _ = add_offer(db, "ptlain", "blob2", minutes=1)
    second, replaced_second = add_offer(db, "ptmaju", "blob3", minutes=2)
    assert (replaced_first, replaced_second) == (None, "blob1")
    assert [o.offer_id for o in db.offers("10000001")] == [other, second]
    assert [(o.offer_id, o.current) for o in db.offers("10000001", current_only=False)] == [
        (first, False),
        (other, True),
        (second, True),
    ]
    current = db.current_offer("10000001", "ptmaju")
    assert current is not None
    assert (current.offer_id, current.blob_key) == (second, "blob3")
    assert db.offer(first) is not None
    assert db.offer(9999) is None


def test_everything_survives_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "spse.sqlite3"
    db = Database(path)
    db.add_account(account())
    db.add_session("sid1", "token1", START, user_id="ptmaju")
    certificate = UserCertificate(
        "123", "ptmaju", "CN=Budi", "PEM", START, START + timedelta(days=1), START
    )
    db.add_certificate(certificate)
    request = AmsRequest(0, "ptmaju", "surat.pdf", "blobkey", 10, START, "diterbitkan", "123", None)
    request_id = db.add_ams_request(request)
    db.add_tender(tender())
    db.add_participant("10000001", "ptmaju", START)
    offer_id, _ = add_offer(db, "ptmaju", "blob1")
    opening = OpeningResult(offer_id, "dibuka", "CN=Budi", ("dokumen/a.pdf",), START, "pokja1")
    db.save_opening(opening)

    again = Database(path)
    assert again.account("ptmaju") == account()
    assert again.session("sid1") == ("ptmaju", "token1", START, START)
    assert again.certificates("ptmaju") == [certificate]
    assert again.ams_requests("ptmaju") == [
        AmsRequest(
            request_id, "ptmaju", "surat.pdf", "blobkey", 10, START, "diterbitkan", "123", None
        )
    ]
    assert again.tender("10000001") == tender()
    assert again.participants("10000001") == ["ptmaju"]
    assert again.joined_tenders("ptmaju") == ["10000001"]
    assert [o.offer_id for o in again.offers("10000001")] == [offer_id]
    assert again.opening(offer_id) == opening
    # New rows continue after the old ones.
    assert add_offer(again, "ptmaju", "blob2")[0] > offer_id


def test_sessions_are_touched_and_deleted(db: Database) -> None:
    db.add_session("sid1", "token1", START, user_id="ptmaju")
    db.touch_session("sid1", START + timedelta(minutes=5))
    assert db.session("sid1") == ("ptmaju", "token1", START, START + timedelta(minutes=5))
    assert db.session("sid2") is None
    db.delete_session("sid1")
    assert db.session("sid1") is None
    assert db.session_count() == 0


def test_an_id_past_sqlites_integers_names_no_row(db: Database) -> None:
    # Ids come from URLs ({record_id:int}); the driver would raise OverflowError for them.
    too_big = 2**63
    assert db.offer(too_big) is None
    assert db.ams_request(too_big) is None
    assert db.delete_vendor_record("cvmaju", too_big) is False
