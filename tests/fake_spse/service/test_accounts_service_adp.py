"""Several LPSEs sharing one ADP (fake_spse.service.accounts without HTTP): activation at home,
login elsewhere."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from service_world import LpseUnderTest, build_lpse

from fake_spse.domain.accounts import (
    Account,
    AccountStatus,
    Role,
    VendorRegistration,
    hash_password,
    roaming_vendor,
)
from fake_spse.domain.errors import DomainError
from fake_spse.settings import Settings
from spse_shared.messages import MessageCatalog

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 08:00 WIB
HOME = "LPSE Kota Surakarta"
OTHER = "LPSE Provinsi Jawa Tengah"
PASSWORD = "rahasia123"
MESSAGES = MessageCatalog()


def open_lpse(tmp_path: Path, name: str, folder: str) -> LpseUnderTest:
    return build_lpse(
        Settings(
            data_dir=tmp_path / folder,
            lpse_name=name,
            clock_start=START,
            adp_path=tmp_path / "lkpp" / "adp.sqlite3",
        )
    )


@pytest.fixture
def home(tmp_path: Path) -> LpseUnderTest:
    return open_lpse(tmp_path, HOME, "surakarta")


@pytest.fixture
def other(tmp_path: Path) -> LpseUnderTest:
    return open_lpse(tmp_path, OTHER, "jateng")


def registration(**changes: str) -> VendorRegistration:
    fields = {
        "user_id": "ptmaju",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        "company": "PT Maju Jaya",
        "npwp": "01.234.567.8-901.000",
        "email": "admin@majujaya.co.id",
        "address": "Jl. Slamet Riyadi No. 1, Surakarta",
        "phone": "0271-123456",
        "director": "Budi Santoso",
    }
    return VendorRegistration(**{**fields, **changes})


def verifier(lpse: LpseUnderTest) -> Account:
    found = lpse.db.account("verif")
    if found is not None:
        return found
    return lpse.accounts.add_staff(
        user_id="verif",
        role=Role.VERIFIKATOR,
        name="Verifikator",
        email=f"verif@{lpse.settings.lpse_name.split()[-1].lower()}.go.id",
        password="verif-rahasia",
    )


def register_and_verify(lpse: LpseUnderTest, **changes: str) -> Account:
    account = lpse.accounts.register_vendor(registration(**changes))
    return lpse.accounts.verify_vendor(verifier(lpse), account.user_id)


def refused(call: object, *args: object) -> DomainError:
    assert callable(call)
    with pytest.raises(DomainError) as caught:
        call(*args)
    return caught.value


# settings -------------------------------------------------------------------------------------
def test_adp_lives_in_the_data_dir_unless_told_otherwise(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).adp_db_path == tmp_path / "adp.sqlite3"
    shared = tmp_path / "lkpp" / "adp.sqlite3"
    assert Settings(data_dir=tmp_path, adp_path=shared).adp_db_path == shared


def test_two_lpses_see_one_adp(home: LpseUnderTest, other: LpseUnderTest, tmp_path: Path) -> None:
    register_and_verify(home)
    assert (tmp_path / "lkpp" / "adp.sqlite3").is_file()
    assert not (tmp_path / "surakarta" / "adp.sqlite3").exists()
    assert [r.user_id for r in other.adp.records()] == ["ptmaju"]


# activation at the home LPSE ------------------------------------------------------------------
def test_verification_puts_identity_and_password_hash_in_adp(home: LpseUnderTest) -> None:
    vendor = register_and_verify(home)
    record = home.adp.lookup("ptmaju")
    assert record is not None
    assert (record.company, record.npwp, record.address, record.email) == (
        "PT Maju Jaya",
        "01.234.567.8-901.000",
        "Jl. Slamet Riyadi No. 1, Surakarta",
        "admin@majujaya.co.id",
    )
    assert (record.director, record.phone, record.home_lpse) == (
        "Budi Santoso",
        "0271-123456",
        HOME,
    )
    assert record.password_hash == vendor.password_hash
    assert PASSWORD not in record.password_hash
    # An LPSE with default settings (as `serve` runs) hashes at scrypt's full cost; the web
    # tests run theirs at the lower cost of simulated runs (tests/fake_spse/web/conftest.py).
    assert record.password_hash.startswith("scrypt$")


def test_verification_while_adp_down_changes_nothing_until_adp_is_back(home: LpseUnderTest) -> None:
    home.accounts.register_vendor(registration())
    home.faults.arm("adp.down")
    error = refused(home.accounts.verify_vendor, verifier(home), "ptmaju")
    assert error.key == "adp.tidak_tersedia"
    assert home.accounts.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI
    assert home.adp.records() == []
    home.faults.disarm("adp.down")
    assert home.accounts.verify_vendor(verifier(home), "ptmaju").status is AccountStatus.AKTIF


def test_same_user_id_at_another_lpse_is_refused_at_verification(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    # Registration at the other LPSE only checks its own accounts: ADP refuses at verification.
    other.accounts.register_vendor(
        registration(email="tiruan@contoh.co.id", npwp="02.111.222.3-444.000", address="Jl. A")
    )
    error = refused(other.accounts.verify_vendor, verifier(other), "ptmaju")
    assert error.key == "adp.duplikat_user_id"
    assert MESSAGES.text(error.key, **error.params) == "User ID ptmaju sudah terdaftar di ADP."
    assert other.accounts.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI
    records = other.adp.records()
    assert [(r.user_id, r.home_lpse, r.email) for r in records] == [
        ("ptmaju", HOME, "admin@majujaya.co.id")
    ]


def test_same_npwp_at_the_same_address_is_refused(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    other.accounts.register_vendor(registration(user_id="ptmajudua", email="dua@majujaya.co.id"))
    error = refused(other.accounts.verify_vendor, verifier(other), "ptmajudua")
    assert error.key == "adp.duplikat_npwp"
    assert other.accounts.account("ptmajudua").status is AccountStatus.MENUNGGU_VERIFIKASI
    assert len(other.adp.records()) == 1


def test_same_npwp_at_another_address_is_a_branch(home: LpseUnderTest) -> None:
    register_and_verify(home)
    branch = register_and_verify(
        home,
        user_id="ptmajusolo",
        email="solo@majujaya.co.id",
        address="Jl. Adi Sucipto No. 9, Karanganyar",
    )
    assert branch.status is AccountStatus.AKTIF
    assert [r.npwp for r in home.adp.records()] == ["01.234.567.8-901.000"] * 2


def test_same_email_is_refused(home: LpseUnderTest, other: LpseUnderTest) -> None:
    register_and_verify(home)
    other.accounts.register_vendor(registration(user_id="ptlain", npwp="02.111.222.3-444.000"))
    assert (
        refused(other.accounts.verify_vendor, verifier(other), "ptlain").key == "adp.duplikat_email"
    )


# login at another LPSE ------------------------------------------------------------------------
def test_a_vendor_verified_at_home_logs_in_at_another_lpse(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    vendor = register_and_verify(home)
    other.clock.advance(timedelta(days=3))
    arrived = other.accounts.authenticate("ptmaju", PASSWORD)
    assert arrived.status is AccountStatus.AKTIF
    assert arrived.is_roaming
    assert arrived.home_lpse == HOME
    assert arrived.role is Role.PENYEDIA
    assert (arrived.company, arrived.npwp, arrived.address) == (
        vendor.company,
        vendor.npwp,
        vendor.address,
    )
    assert arrived.password_hash == vendor.password_hash
    assert arrived.created_at == START + timedelta(days=3)
    assert arrived.verified_at == vendor.verified_at
    assert other.db.account("ptmaju") == arrived
    # The home LPSE's own account is not roaming.
    assert not home.accounts.account("ptmaju").is_roaming


def test_the_roaming_account_is_local_afterwards(home: LpseUnderTest, other: LpseUnderTest) -> None:
    register_and_verify(home)
    other.accounts.authenticate("ptmaju", PASSWORD)
    other.faults.arm("adp.down")
    assert other.accounts.authenticate("ptmaju", PASSWORD).home_lpse == HOME
    assert refused(other.accounts.authenticate, "ptmaju", "salah-sekali").key == "login.gagal"
    assert other.faults.firings() == []


def test_wrong_password_at_another_lpse_creates_nothing(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    assert refused(other.accounts.authenticate, "ptmaju", "salah-sekali").key == "login.gagal"
    assert refused(other.accounts.authenticate, "tidakada", PASSWORD).key == "login.gagal"
    assert other.db.accounts() == []


def test_login_at_another_lpse_while_adp_down(home: LpseUnderTest, other: LpseUnderTest) -> None:
    register_and_verify(home)
    other.faults.arm("adp.down")
    error = refused(other.accounts.authenticate, "ptmaju", PASSWORD)
    assert error.key == "login.adp_tidak_tersedia"
    assert "ADP" in MESSAGES.text(error.key)
    assert other.db.account("ptmaju") is None
    assert [f.name for f in other.faults.firings()] == ["adp.down"]
    other.faults.disarm("adp.down")
    assert other.accounts.authenticate("ptmaju", PASSWORD).status is AccountStatus.AKTIF


def test_adp_down_at_one_lpse_does_not_stop_the_others(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    other.faults.arm("adp.down")
    register_and_verify(home)
    assert home.adp.lookup("ptmaju") is not None


def test_a_vendor_not_yet_verified_logs_in_nowhere(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    home.accounts.register_vendor(registration())
    assert refused(home.accounts.authenticate, "ptmaju", PASSWORD).key == "login.belum_diverifikasi"
    # Not verified means not in ADP: another LPSE does not know the vendor at all.
    assert refused(other.accounts.authenticate, "ptmaju", PASSWORD).key == "login.gagal"
    assert other.db.accounts() == []


def test_a_local_account_waiting_for_verification_hides_the_adp_one(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    other.accounts.register_vendor(
        registration(email="tiruan@contoh.co.id", npwp="02.111.222.3-444.000", address="Jl. A")
    )
    # The local account wins: its own password, its own status.
    assert (
        refused(other.accounts.authenticate, "ptmaju", PASSWORD).key == "login.belum_diverifikasi"
    )


def test_user_id_in_another_spelling_is_not_a_second_account(home: LpseUnderTest) -> None:
    register_and_verify(home)
    assert refused(home.accounts.authenticate, "PTMaju", PASSWORD).key == "login.gagal"
    assert [a.user_id for a in home.accounts.vendors()] == ["ptmaju"]


def test_roaming_account_whose_email_is_taken_here(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    other.accounts.register_vendor(
        registration(user_id="ptlain", npwp="02.111.222.3-444.000", address="Jl. Lain")
    )
    error = refused(other.accounts.authenticate, "ptmaju", PASSWORD)
    assert error.key == "login.adp_email_dipakai"
    assert MESSAGES.text(error.key, **error.params).startswith("Email admin@majujaya.co.id")
    assert other.db.account("ptmaju") is None


def test_an_empty_user_id_does_not_reach_adp(other: LpseUnderTest) -> None:
    other.faults.arm("adp.down")
    assert refused(other.accounts.authenticate, "  ", PASSWORD).key == "login.gagal"
    assert other.faults.firings() == []


def test_first_logins_at_once_make_one_roaming_account(
    home: LpseUnderTest, other: LpseUnderTest
) -> None:
    register_and_verify(home)
    barrier = threading.Barrier(3)
    outcomes: list[str] = []

    def worker() -> None:
        barrier.wait()
        try:
            outcomes.append(other.accounts.authenticate("ptmaju", PASSWORD).home_lpse)
        except DomainError as exc:
            outcomes.append(exc.key)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [HOME] * 3
    assert [a.user_id for a in other.accounts.vendors()] == ["ptmaju"]


# the domain rule ------------------------------------------------------------------------------
def test_roaming_vendor_is_active_and_keeps_its_home() -> None:
    account = roaming_vendor(
        user_id="ptmaju",
        email="a@b.id",
        company="PT Maju Jaya",
        npwp="01.234.567.8-901.000",
        address="Jl. A",
        director="",
        phone="",
        password_hash=hash_password(PASSWORD),
        home_lpse=f"  {HOME} ",
        activated_at=START,
        arrived_at=START + timedelta(hours=1),
    )
    assert account.status is AccountStatus.AKTIF
    assert account.name == "PT Maju Jaya"  # no director given: the company's name
    assert account.home_lpse == HOME
    account.ensure_can_login()


@pytest.mark.parametrize(("home_lpse", "password_hash"), [(" ", "x$y$z"), (HOME, "")])
def test_roaming_vendor_needs_home_and_hash(home_lpse: str, password_hash: str) -> None:
    with pytest.raises(ValueError, match="a roaming vendor needs"):
        roaming_vendor(
            user_id="ptmaju",
            email="a@b.id",
            company="PT Maju Jaya",
            npwp="01.234.567.8-901.000",
            address="Jl. A",
            director="Budi",
            phone="1",
            password_hash=password_hash,
            home_lpse=home_lpse,
            activated_at=START,
            arrived_at=START,
        )
