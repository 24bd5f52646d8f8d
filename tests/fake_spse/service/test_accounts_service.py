"""Accounts (fake_spse.service.accounts) without HTTP: registration, verification, login."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from service_world import (
    MESSAGES,
    START,
    LpseUnderTest,
    add_account,
    keys,
    registration,
)

from fake_spse.domain import accounts as account_rules
from fake_spse.domain.accounts import AccountStatus, Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.service import accounts as account_service


def test_registration_reports_every_problem_at_once(lpse: LpseUnderTest) -> None:
    form = registration(
        user_id="1x", company=" ", email="bukan-email", npwp="123", password="pendek"
    )
    with pytest.raises(FormProblems) as caught:
        lpse.accounts.register_vendor(form)
    assert sorted(keys(caught.value)) == sorted(
        [
            "registrasi.wajib_diisi",
            "registrasi.user_id_tidak_valid",
            "registrasi.email_tidak_valid",
            "registrasi.npwp_tidak_valid",
            "registrasi.password_pendek",
        ]
    )
    wajib = caught.value.problems[0]
    assert MESSAGES.text(wajib.key, **wajib.params) == "Nama perusahaan wajib diisi."
    assert lpse.db.accounts() == []


def test_a_registration_racing_another_for_the_same_user_id_gets_the_catalog_message(
    lpse: LpseUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second registration passes the checks before the first is stored, and only then
    meets the taken user id: in the database, not in the checks. It gets the same message."""
    raced = False

    def hash_while_another_registers(password: str, *, cost: int | None = None) -> str:
        # Hashing is the slow step between the checks and the insert: the racer lands here.
        nonlocal raced
        if not raced:
            raced = True
            lpse.accounts.register_vendor(registration(email="lain@majujaya.co.id"))
        return account_rules.hash_password(password)

    monkeypatch.setattr(account_service, "hash_password", hash_while_another_registers)
    with pytest.raises(DomainError) as caught:
        lpse.accounts.register_vendor(registration())
    assert raced
    assert caught.value.key == "registrasi.user_id_dipakai"
    message = MESSAGES.text(caught.value.key, **caught.value.params)
    assert message == "User ID ptmaju sudah digunakan."
    [stored] = lpse.accounts.accounts()
    assert stored.email == "lain@majujaya.co.id"


def test_registration_refuses_a_taken_user_id_and_email_together(lpse: LpseUnderTest) -> None:
    lpse.accounts.register_vendor(registration())
    again = registration(email="ADMIN@majujaya.co.id", npwp="09.876.543.2-109.000")
    with pytest.raises(FormProblems) as caught:
        lpse.accounts.register_vendor(again)
    assert keys(caught.value) == ["registrasi.user_id_dipakai", "registrasi.email_dipakai"]
    texts = [MESSAGES.text(p.key, **p.params) for p in caught.value.problems]
    assert texts == [
        "User ID ptmaju sudah digunakan.",
        "Email ADMIN@majujaya.co.id sudah terdaftar.",
    ]
    assert [a.user_id for a in lpse.db.accounts()] == ["ptmaju"]


def test_a_new_vendor_waits_for_verification_and_cannot_log_in(lpse: LpseUnderTest) -> None:
    account = lpse.accounts.register_vendor(registration())
    assert account.status is AccountStatus.MENUNGGU_VERIFIKASI
    with pytest.raises(DomainError) as caught:
        lpse.accounts.authenticate("ptmaju", "rahasia123")
    assert caught.value.key == "login.belum_diverifikasi"
    with pytest.raises(DomainError) as wrong:
        lpse.accounts.authenticate("ptmaju", "salah-sekali")
    assert wrong.value.key == "login.gagal"
    assert lpse.adp.records() == []


def test_verification_activates_the_vendor_and_registers_it_in_adp(lpse: LpseUnderTest) -> None:
    lpse.accounts.register_vendor(registration())
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    active = lpse.accounts.verify_vendor(verifier, "ptmaju")
    assert active.status is AccountStatus.AKTIF
    assert active.verified_by == "verif"
    assert active.verified_at == START
    assert lpse.accounts.account("ptmaju").status is AccountStatus.AKTIF
    record = lpse.adp.lookup("ptmaju")
    assert record is not None
    assert record.home_lpse == lpse.settings.lpse_name
    assert record.npwp == "01.234.567.8-901.000"
    assert lpse.accounts.authenticate("ptmaju", "rahasia123").user_id == "ptmaju"
    with pytest.raises(DomainError) as again:
        lpse.accounts.verify_vendor(verifier, "ptmaju")
    assert again.value.key == "verifikasi.sudah_aktif"


def test_adp_down_leaves_the_vendor_inactive(lpse: LpseUnderTest) -> None:
    lpse.accounts.register_vendor(registration())
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    lpse.faults.arm("adp.down", times=1)
    with pytest.raises(DomainError) as caught:
        lpse.accounts.verify_vendor(verifier, "ptmaju")
    assert caught.value.key == "adp.tidak_tersedia"
    assert lpse.accounts.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI
    assert lpse.adp.records() == []
    assert [f.name for f in lpse.faults.firings()] == ["adp.down"]
    # ADP is back: the verifikator simply tries again.
    assert lpse.accounts.verify_vendor(verifier, "ptmaju").status is AccountStatus.AKTIF


def test_only_verifikator_or_admin_verifies(lpse: LpseUnderTest) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    add_account(lpse, "ptmaju", Role.PENYEDIA, AccountStatus.MENUNGGU_VERIFIKASI)
    with pytest.raises(Forbidden):
        lpse.accounts.verify_vendor(pokja, "ptmaju")
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    with pytest.raises(NotFound):
        lpse.accounts.verify_vendor(verifier, "pokja1")
    with pytest.raises(NotFound):
        lpse.accounts.verify_vendor(verifier, "tidakada")
    assert lpse.accounts.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI


def test_without_a_mail_server_no_registration_link_is_kept(lpse: LpseUnderTest) -> None:
    # The service test's LPSE has no SMTP server (as with smtp_port=None): the mail cannot go.
    with pytest.raises(DomainError) as caught:
        lpse.accounts.request_registration("admin@majujaya.co.id", "http://x/f?token=")
    assert caught.value.key == "email.tidak_terkirim"
    with closing(sqlite3.connect(lpse.settings.data_dir / "spse.sqlite3")) as db:
        assert db.execute("SELECT COUNT(*) FROM email_links").fetchone() == (0,)
