"""Registration rules, passwords and who may log in (fake_spse.domain.accounts)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import START

from fake_spse.domain.accounts import (
    Account,
    AccountStatus,
    Role,
    VendorRegistration,
    hash_password,
    password_matches,
    registration_problems,
)
from fake_spse.domain.errors import DomainError
from spse_shared.messages import MessageCatalog

VALID = VendorRegistration(
    user_id="ptmaju",
    password="rahasia123",
    password_confirm="rahasia123",
    company="PT Maju Jaya",
    npwp="01.234.567.8-901.000",
    email="admin@majujaya.co.id",
    address="Jl. Slamet Riyadi No. 1, Surakarta",
    phone="0271-123456",
    director="Budi Santoso",
)


def problems(**changes: str) -> list[tuple[str, dict[str, object]]]:
    return [(p.key, p.params) for p in registration_problems(replace(VALID, **changes))]


def test_a_complete_form_has_no_problems() -> None:
    assert problems() == []


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        company="",
        address=" ",
        director="",
        phone="",
        user_id="X",
        email="a@b",
        npwp="0123456789012345",
        password="1234567",
    )
    assert found == [
        ("registrasi.wajib_diisi", {"field": "Nama perusahaan"}),
        ("registrasi.wajib_diisi", {"field": "Alamat"}),
        ("registrasi.wajib_diisi", {"field": "Nama direktur"}),
        ("registrasi.wajib_diisi", {"field": "Telepon"}),
        ("registrasi.user_id_tidak_valid", {}),
        ("registrasi.email_tidak_valid", {}),
        ("registrasi.npwp_tidak_valid", {}),
        ("registrasi.password_pendek", {}),
    ]
    catalog = MessageCatalog()
    assert catalog.text("registrasi.wajib_diisi", field="Alamat") == "Alamat wajib diisi."


def test_password_confirmation_must_match() -> None:
    assert problems(password_confirm="rahasia124") == [("registrasi.password_tidak_sama", {})]


@pytest.mark.parametrize(
    "user_id", ["abc", "a" * 21, "1abc", "Ptmaju", "pt_maju", "pt maju", "ptmaju\n", " ptmaju"]
)
def test_user_id_rules(user_id: str) -> None:
    assert problems(user_id=user_id) == [("registrasi.user_id_tidak_valid", {})]


@pytest.mark.parametrize("user_id", ["abcd", "a" * 20, "pt2maju"])
def test_user_id_accepted(user_id: str) -> None:
    assert problems(user_id=user_id) == []


@pytest.mark.parametrize("email", ["admin@majujaya", "admin majujaya.co.id", "a@b.co\n"])
def test_email_rules(email: str) -> None:
    assert problems(email=email) == [("registrasi.email_tidak_valid", {})]


def test_npwp_format() -> None:
    assert problems(npwp=" 01.234.567.8-901.000 ") == []
    assert problems(npwp="012345678901000") == [("registrasi.npwp_tidak_valid", {})]


def test_password_hash_round_trip() -> None:
    stored = hash_password("rahasia123")
    assert stored.startswith("scrypt$")
    assert password_matches("rahasia123", stored)
    assert not password_matches("rahasia124", stored)
    assert hash_password("rahasia123") != stored  # salted
    assert not password_matches("rahasia123", "md5$00$00")
    assert not password_matches("rahasia123", "rusak")


def _account(status: AccountStatus) -> Account:
    return Account(
        user_id="ptmaju",
        role=Role.PENYEDIA,
        name="Budi",
        email="admin@majujaya.co.id",
        password_hash="-",
        status=status,
        created_at=START,
        company="PT Maju Jaya",
    )


@pytest.mark.parametrize(
    ("status", "key"),
    [
        (AccountStatus.MENUNGGU_VERIFIKASI, "login.belum_diverifikasi"),
        (AccountStatus.DITOLAK, "login.ditolak"),
    ],
)
def test_only_active_accounts_log_in(status: AccountStatus, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        _account(status).ensure_can_login()
    assert caught.value.key == key
    _account(AccountStatus.AKTIF).ensure_can_login()


def test_verification_activates_once() -> None:
    active = _account(AccountStatus.MENUNGGU_VERIFIKASI).verified("verif", START)
    assert (active.status, active.verified_by, active.verified_at) == (
        AccountStatus.AKTIF,
        "verif",
        START,
    )
    with pytest.raises(DomainError) as caught:
        active.verified("verif", START)
    assert (caught.value.key, caught.value.params) == (
        "verifikasi.sudah_aktif",
        {"company": "PT Maju Jaya"},
    )
