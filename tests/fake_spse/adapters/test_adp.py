import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fake_spse.adapters.adp import AdpDuplicate, AdpService, AdpUnavailable
from fake_spse.domain.accounts import hash_password

NOW = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)
PASSWORD = "rahasia123"
PASSWORD_HASH = hash_password(PASSWORD)

BASE = {
    "user_id": "ptmaju",
    "email": "admin@majujaya.co.id",
    "npwp": "01.234.567.8-901.000",
    "company": "PT Maju Jaya",
    "address": "Jl. Pemuda No. 10, Semarang",
    "home_lpse": "LPSE Provinsi Jawa Tengah",
    "password_hash": PASSWORD_HASH,
}


class Switch:
    def __init__(self) -> None:
        self.down = False

    def __call__(self) -> bool:
        return self.down


@pytest.fixture
def switch() -> Switch:
    return Switch()


@pytest.fixture
def adp(tmp_path: Path, switch: Switch) -> AdpService:
    return AdpService(tmp_path / "adp.sqlite", lambda: NOW, switch)


def with_(**changes: str) -> dict[str, str]:
    return {**BASE, **changes}


def test_activate_and_lookup(adp: AdpService) -> None:
    record = adp.activate(**BASE)
    assert record.user_id == "ptmaju"
    assert record.activated_at == NOW
    assert adp.lookup("ptmaju") == record
    assert adp.lookup("PTMAJU") == record
    assert adp.lookup("nobody") is None
    assert adp.records() == [record]


def test_duplicate_user_id(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(**with_(user_id="PtMaju", email="x@y.id", npwp="99.999.999.9-999.999"))
    assert info.value.field == "user_id"
    assert info.value.value == "PtMaju"


def test_duplicate_email(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(
            **with_(user_id="other", email="ADMIN@majujaya.co.id", npwp="99.999.999.9-999.999")
        )
    assert info.value.field == "email"


def test_user_id_checked_before_email(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(**BASE)
    assert info.value.field == "user_id"


def test_same_npwp_same_address_is_duplicate(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(
            **with_(
                user_id="other",
                email="other@majujaya.co.id",
                npwp="012345678901000",
                address="jl. pemuda  no. 10,   semarang",
            )
        )
    assert info.value.field == "npwp"
    assert info.value.value == "012345678901000"
    assert "sudah terdaftar" in str(info.value)


def test_same_npwp_other_address_is_a_branch(adp: AdpService) -> None:
    adp.activate(**BASE)
    branch = adp.activate(
        **with_(
            user_id="ptmaju_solo",
            email="solo@majujaya.co.id",
            address="Jl. Slamet Riyadi No. 5, Surakarta",
            home_lpse="LPSE Kota Surakarta",
        )
    )
    assert branch.npwp == BASE["npwp"]
    assert len(adp.records()) == 2


def test_down(adp: AdpService, switch: Switch) -> None:
    adp.activate(**BASE)
    switch.down = True
    with pytest.raises(AdpUnavailable):
        adp.activate(**with_(user_id="other", email="o@x.id"))
    with pytest.raises(AdpUnavailable):
        adp.lookup("ptmaju")
    switch.down = False
    assert adp.lookup("ptmaju") is not None
    assert len(adp.records()) == 1


def test_invalid_input(adp: AdpService) -> None:
    with pytest.raises(ValueError, match="NPWP"):
        adp.activate(**with_(npwp="12-34"))
    with pytest.raises(ValueError, match="company"):
        adp.activate(**with_(company="  "))
    adp.activate(**with_(npwp="0123456789012345"))


def test_state_persists_in_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "lkpp" / "adp.sqlite"
    AdpService(path, lambda: NOW).activate(**BASE)
    again = AdpService(path, lambda: NOW)
    assert again.lookup("ptmaju") is not None


def test_concurrent_duplicate_activation(adp: AdpService) -> None:
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def worker() -> None:
        barrier.wait()
        try:
            adp.activate(**BASE)
            outcomes.append("ok")
        except AdpDuplicate:
            outcomes.append("dup")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["dup", "dup", "dup", "ok"]


# What roams: identity data and the password hash ------------------------------------------------
def test_identity_and_password_hash_roam(adp: AdpService) -> None:
    record = adp.activate(**BASE, director="Budi Santoso", phone="0271-123456")
    stored = adp.lookup("ptmaju")
    assert stored is not None
    assert (stored.director, stored.phone) == ("Budi Santoso", "0271-123456")
    assert stored.password_hash == PASSWORD_HASH
    assert stored == record
    assert PASSWORD_HASH not in repr(stored)


def test_never_the_password_itself(adp: AdpService, tmp_path: Path) -> None:
    for not_a_hash in (PASSWORD, "", "scrypt$$"):
        with pytest.raises(ValueError, match="password hash"):
            adp.activate(**with_(password_hash=not_a_hash))
    adp.activate(**BASE)
    with sqlite3.connect(tmp_path / "adp.sqlite") as conn:
        dump = "\n".join(conn.iterdump())
    assert PASSWORD not in dump
    assert adp.records()[0].password_hash == PASSWORD_HASH


def test_authenticate(adp: AdpService, switch: Switch) -> None:
    record = adp.activate(**BASE)
    assert adp.authenticate("ptmaju", PASSWORD) == record
    assert adp.authenticate("PTMaju", PASSWORD) == record
    assert adp.authenticate("ptmaju", "salah12345") is None
    assert adp.authenticate("nobody", PASSWORD) is None
    switch.down = True
    with pytest.raises(AdpUnavailable):
        adp.authenticate("ptmaju", PASSWORD)


def test_two_lpses_share_one_adp_file(tmp_path: Path) -> None:
    shared = tmp_path / "lkpp" / "adp.sqlite3"
    home = AdpService(shared, lambda: NOW)
    other = AdpService(shared, lambda: NOW)
    home.activate(**BASE)
    assert other.authenticate("ptmaju", PASSWORD) is not None
    with pytest.raises(AdpDuplicate) as info:
        other.activate(
            **with_(email="lain@contoh.co.id", npwp="99.999.999.9-999.999", home_lpse="LPSE B")
        )
    assert info.value.field == "user_id"


def test_down_is_per_caller(tmp_path: Path) -> None:
    """Each LPSE reaches ADP through its own link: one switch does not cut the other LPSE."""
    shared = tmp_path / "adp.sqlite3"
    cut = Switch()
    cut.down = True
    AdpService(shared, lambda: NOW).activate(**BASE)
    with pytest.raises(AdpUnavailable):
        AdpService(shared, lambda: NOW, cut).lookup("ptmaju")
    assert AdpService(shared, lambda: NOW).lookup("ptmaju") is not None


def test_file_of_the_first_schema_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "adp.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE records (seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,"
            " user_id_key TEXT NOT NULL UNIQUE, email TEXT NOT NULL, email_key TEXT NOT NULL"
            " UNIQUE, npwp TEXT NOT NULL, npwp_digits TEXT NOT NULL, company TEXT NOT NULL,"
            " address TEXT NOT NULL, address_key TEXT NOT NULL, home_lpse TEXT NOT NULL,"
            " activated_at TEXT NOT NULL, UNIQUE (npwp_digits, address_key))"
        )
        conn.execute(
            "INSERT INTO records (user_id, user_id_key, email, email_key, npwp, npwp_digits,"
            " company, address, address_key, home_lpse, activated_at) VALUES"
            " ('lama', 'lama', 'l@x.id', 'l@x.id', '01.234.567.8-901.000', '012345678901000',"
            " 'CV Lama', 'Jl. Lama', 'jl. lama', 'LPSE A', ?)",
            (NOW.isoformat(),),
        )
    adp = AdpService(path, lambda: NOW)
    old = adp.lookup("lama")
    assert old is not None
    assert old.password_hash == ""
    # A record without a password hash can never be used to log in elsewhere.
    assert adp.authenticate("lama", "") is None
    adp.activate(**BASE)
    assert adp.authenticate("ptmaju", PASSWORD) is not None
