"""Mailed links: one use, a limited life, for one purpose; new-password rules; login kinds."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from factories import START

from fake_spse.domain.accounts import Account, AccountStatus, Role, ensure_login_kind
from fake_spse.domain.email_links import (
    LINK_VALIDITY,
    LinkPurpose,
    new_link,
    new_password_problems,
    registration_mail,
)
from fake_spse.domain.errors import DomainError


def test_a_fresh_link_is_usable_until_it_expires() -> None:
    link = new_link(LinkPurpose.REGISTRASI, " admin@cvmaju.co.id ", START)
    assert link.email == "admin@cvmaju.co.id"
    link.ensure_usable(LinkPurpose.REGISTRASI, START + LINK_VALIDITY - timedelta(seconds=1))
    with pytest.raises(DomainError) as expired:
        link.ensure_usable(LinkPurpose.REGISTRASI, START + LINK_VALIDITY)
    assert expired.value.key == "tautan.kedaluwarsa"
    assert expired.value.params == {"expired": START + LINK_VALIDITY}


def test_a_used_link_is_refused_and_so_is_a_link_of_another_purpose() -> None:
    link = new_link(LinkPurpose.LUPA_PASSWORD, "a@b.co.id", START, user_id="cvmaju")
    with pytest.raises(DomainError, match=re.escape("tautan.tidak_valid")):
        link.ensure_usable(LinkPurpose.REGISTRASI, START)
    with pytest.raises(DomainError, match=re.escape("tautan.sudah_dipakai")):
        link.used(START).ensure_usable(LinkPurpose.LUPA_PASSWORD, START)


def test_links_are_secret_and_distinct() -> None:
    first = new_link(LinkPurpose.REGISTRASI, "a@b.co.id", START)
    second = new_link(LinkPurpose.REGISTRASI, "a@b.co.id", START)
    assert first.token != second.token
    assert len(first.token) >= 32


def test_a_link_needs_an_email_address() -> None:
    with pytest.raises(DomainError, match=re.escape("registrasi.email_tidak_valid")):
        new_link(LinkPurpose.REGISTRASI, "bukan-email", START)


@pytest.mark.parametrize(
    ("password", "confirm", "key"),
    [
        ("pendek", "pendek", "registrasi.password_pendek"),
        ("rahasia123", "rahasia124", "registrasi.password_tidak_sama"),
    ],
)
def test_new_password_rules(password: str, confirm: str, key: str) -> None:
    assert [p.key for p in new_password_problems(password, confirm)] == [key]
    assert new_password_problems("rahasia123", "rahasia123") == []


def test_the_registration_mail_carries_the_link_and_its_end() -> None:
    mail = registration_mail("LPSE Kota Surakarta", "http://x/registrasi/formulir?token=t", "besok")
    assert "Konfirmasi Pendaftaran" in mail.subject
    assert "http://x/registrasi/formulir?token=t" in mail.body
    assert "besok" in mail.body


def account(role: Role) -> Account:
    return Account("u1234", role, "Nama", "u@x.co.id", "h", AccountStatus.AKTIF, START)


def test_login_kind_penyedia_or_non_penyedia() -> None:
    ensure_login_kind(account(Role.PENYEDIA), "penyedia")
    ensure_login_kind(account(Role.POKJA), "non_penyedia")
    with pytest.raises(DomainError, match=re.escape("login.bukan_penyedia")):
        ensure_login_kind(account(Role.VERIFIKATOR), "penyedia")
    with pytest.raises(DomainError, match=re.escape("login.bukan_non_penyedia")):
        ensure_login_kind(account(Role.PENYEDIA), "non_penyedia")
    with pytest.raises(DomainError, match=re.escape("login.jenis_tidak_dikenal")):
        ensure_login_kind(account(Role.PENYEDIA), "tamu")
