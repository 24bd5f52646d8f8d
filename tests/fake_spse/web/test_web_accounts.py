"""Vendor registration and verification pages, over real HTTP."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from spse_web import START, Browser, Sim, page_text

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def test_registration_starts_with_an_email_address(browser: Browser) -> None:
    refused = browser.post_form("/registrasi", {"email": "bukan-email"})
    assert refused.status_code == 400
    assert MESSAGES.text("registrasi.email_tidak_valid") in page_text(refused)
    assert 'value="bukan-email"' in refused.text
    sent = browser.post_form("/registrasi", {"email": "admin@ptmaju.co.id"})
    assert sent.status_code == 200
    assert MESSAGES.text("daftar.email_terkirim", email="admin@ptmaju.co.id") in page_text(sent)
    # The mail went through the LPSE's SMTP server into the vendor's mailbox, with the link.
    link = browser.mailed_link("admin@ptmaju.co.id")
    assert "/eproc4/registrasi/formulir?token=" in link
    form = browser.http.get(link)
    assert form.status_code == 200
    assert "admin@ptmaju.co.id" in page_text(form)


def test_registration_form_shows_every_problem_and_keeps_the_form(browser: Browser) -> None:
    response = browser.register("1x", password="pendek", company="")
    assert response.status_code == 400
    text = page_text(response)
    for key, params in (
        ("registrasi.wajib_diisi", {"field": "Nama perusahaan"}),
        ("registrasi.user_id_tidak_valid", {}),
        ("registrasi.password_pendek", {}),
    ):
        assert MESSAGES.text(key, **params) in text
    assert 'value="1x"' in response.text
    assert "pendek" not in response.text  # passwords are never echoed back


def test_a_registration_link_works_once(browser: Browser) -> None:
    assert browser.register("ptmaju").status_code == 200
    token = browser.mailed_token("admin@ptmaju.co.id")
    again = browser.get(f"/registrasi/formulir?token={token}")
    assert again.status_code == 400
    assert MESSAGES.text("tautan.sudah_dipakai") in page_text(again)
    posted = browser.post_form("/registrasi/formulir", {"link": token, "user_id": "lain"})
    assert MESSAGES.text("tautan.sudah_dipakai") in page_text(posted)
    forged = browser.get("/registrasi/formulir?token=palsu")
    assert MESSAGES.text("tautan.tidak_valid") in page_text(forged)


def test_a_registration_link_expires_after_a_day_on_the_simulated_clock(
    browser: Browser, sim: Sim
) -> None:
    browser.post_form("/registrasi", {"email": "admin@ptmaju.co.id"})
    token = browser.mailed_token("admin@ptmaju.co.id")
    sim.call("POST", "/clock", {"advance_seconds": 24 * 3600})
    expired = browser.get(f"/registrasi/formulir?token={token}")
    assert expired.status_code == 400
    assert "Tautan sudah kedaluwarsa (berlaku sampai 03 Maret 2026 08:00 WIB)" in page_text(expired)
    assert browser.register("ptmaju", email="baru@ptmaju.co.id").status_code == 200


def test_an_email_already_registered_gets_no_link(browser: Browser) -> None:
    assert browser.register("ptmaju").status_code == 200
    again = browser.post_form("/registrasi", {"email": "ADMIN@ptmaju.co.id"})
    assert again.status_code == 400
    assert MESSAGES.text("registrasi.email_dipakai", email="ADMIN@ptmaju.co.id") in page_text(again)


def test_registration_needs_the_authenticity_token(browser: Browser) -> None:
    response = browser.post_form("/registrasi", {"email": "admin@ptmaju.co.id"}, token=False)
    assert response.status_code == 400
    assert MESSAGES.text("token.tidak_valid") in page_text(response)
    assert browser.http.get("/_sim/webmail").json()["messages"] == []


def test_lupa_password_sets_a_new_password_through_a_mailed_link(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    vendor, verifier = new_browser(), new_browser()
    vendor.register("ptmaju")
    sim.staff("verif", "verifikator")
    verifier.login("verif")
    assert verifier.post_form("/verifikasi/ptmaju", {}).status_code == 303
    unknown = vendor.post_form("/lupa-password", {"email": "siapa@lain.co.id"})
    assert MESSAGES.text("lupa_password.email_tidak_terdaftar", email="siapa@lain.co.id") in (
        page_text(unknown)
    )
    sent = vendor.post_form("/lupa-password", {"email": "admin@ptmaju.co.id"})
    assert MESSAGES.text("lupa_password.terkirim", email="admin@ptmaju.co.id") in page_text(sent)
    link = vendor.mailed_link("admin@ptmaju.co.id")
    assert "/eproc4/lupa-password/baru?token=" in link
    token = link.split("token=", 1)[1]
    mismatch = vendor.post_form(
        "/lupa-password/baru",
        {"link": token, "password": "baru12345", "password_confirm": "baru12346"},
    )
    assert MESSAGES.text("registrasi.password_tidak_sama") in page_text(mismatch)
    done = vendor.post_form(
        "/lupa-password/baru",
        {"link": token, "password": "baru12345", "password_confirm": "baru12345"},
    )
    assert done.status_code == 303
    assert vendor.login("ptmaju").status_code == 400
    assert vendor.login("ptmaju", "baru12345").status_code == 303
    reused = vendor.get(f"/lupa-password/baru?token={token}")
    assert MESSAGES.text("tautan.sudah_dipakai") in page_text(reused)


def test_login_page_choice_of_penyedia_or_non_penyedia(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("pokja1", "pokja")
    pokja = new_browser()
    page = pokja.get("/login")
    assert "Non Penyedia" in page_text(page)
    fields = {"user_id": "pokja1", "password": "rahasia123"}
    wrong = pokja.post_form("/login", {**fields, "jenis": "penyedia"})
    assert wrong.status_code == 400
    assert MESSAGES.text("login.bukan_penyedia") in page_text(wrong)
    assert pokja.post_form("/login", {**fields, "jenis": "non_penyedia"}).status_code == 303


def test_unverified_vendor_cannot_log_in_until_verified(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    vendor, verifier = new_browser(), new_browser()
    registered = vendor.register("ptmaju")
    assert registered.status_code == 200
    assert MESSAGES.text("registrasi.berhasil") in page_text(registered)
    refused = vendor.login("ptmaju")
    assert refused.status_code == 400
    assert MESSAGES.text("login.belum_diverifikasi") in page_text(refused)

    sim.staff("verif", "verifikator")
    verifier.login("verif")
    sim.arm("adp.down", times=1)
    down = verifier.post_form("/verifikasi/ptmaju", {})
    assert down.status_code == 400
    assert MESSAGES.text("adp.tidak_tersedia") in page_text(down)
    assert vendor.login("ptmaju").status_code == 400

    done = verifier.post_form("/verifikasi/ptmaju", {})
    assert done.status_code == 303
    assert vendor.login("ptmaju").status_code == 303
    assert vendor.get("/dashboard").status_code == 200


def test_a_vendor_cannot_open_the_verification_pages(
    sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("pokja1", "pokja")
    pokja = new_browser()
    pokja.login("pokja1")
    response = pokja.get("/verifikasi")
    assert response.status_code == 403
    assert MESSAGES.text("akses.ditolak") in page_text(response)


def test_the_lpse_mail_server_relays_only_spse_s_own_mail_to_vendors(
    server: RunningServer, browser: Browser
) -> None:
    address = server.smtp_address
    assert address is not None
    spam = EmailMessage()
    spam["From"] = "penipu@lain.co.id"
    spam["To"] = "admin@ptmaju.co.id"
    spam["Subject"] = "Tautan palsu"
    spam.set_content("http://evil.example/registrasi")
    with smtplib.SMTP(*address, timeout=10) as client:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            client.send_message(spam)
        relayed = EmailMessage()
        relayed["From"] = "noreply@surakarta.go.id"
        relayed["To"] = "admin@ptmaju.co.id"
        relayed["Subject"] = "Uji relay"
        relayed.set_content("isi")
        assert client.send_message(relayed) == {}
    webmail = browser.http.get("/_sim/webmail", params={"alamat": "admin@ptmaju.co.id"}).json()
    assert [m["subject"] for m in webmail["messages"]] == ["Uji relay"]
    # Vendors' mail never lands in the LPSE's own mailbox.
    assert browser.http.get("/_sim/mail").json()["messages"] == []
    inbox = browser.http.get("/_sim/webmail/kotak", params={"alamat": "admin@ptmaju.co.id"})
    assert "Uji relay" in inbox.text


def test_the_link_forms_need_the_authenticity_token(browser: Browser) -> None:
    browser.post_form("/registrasi", {"email": "admin@ptmaju.co.id"})
    token = browser.mailed_token("admin@ptmaju.co.id")
    for path in ("/registrasi/formulir", "/lupa-password/baru"):
        refused = browser.post_form(path, {"link": token, "user_id": "ptmaju"}, token=False)
        assert refused.status_code == 400
        assert MESSAGES.text("token.tidak_valid") in page_text(refused)
    # The link is still good: nothing was used up.
    assert browser.get(f"/registrasi/formulir?token={token}").status_code == 200


def test_mailed_links_start_with_the_public_url_not_the_request_s_host(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=START,
        public_url="https://lpse.surakarta.go.id",
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as running:
        browser = Browser(running)
        try:
            browser.http.headers["Host"] = "evil.example"
            token = browser.token()
            browser.http.post(
                "/eproc4/registrasi",
                data={"email": "admin@ptmaju.co.id", "authenticityToken": token},
            )
            del browser.http.headers["Host"]  # /_sim answers its own address only
            link = browser.mailed_link("admin@ptmaju.co.id")
        finally:
            browser.close()
    assert link.startswith("https://lpse.surakarta.go.id/eproc4/registrasi/formulir?token=")
