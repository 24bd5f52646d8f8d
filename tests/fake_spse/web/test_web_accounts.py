"""Vendor registration and verification pages, over real HTTP."""

from __future__ import annotations

from collections.abc import Callable

from spse_web import Browser, Sim, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def test_registration_page_shows_every_problem_and_keeps_the_form(browser: Browser) -> None:
    response = browser.register("1x", email="bukan-email", password="pendek", company="")
    assert response.status_code == 400
    text = page_text(response)
    for key, params in (
        ("registrasi.wajib_diisi", {"field": "Nama perusahaan"}),
        ("registrasi.user_id_tidak_valid", {}),
        ("registrasi.email_tidak_valid", {}),
        ("registrasi.password_pendek", {}),
    ):
        assert MESSAGES.text(key, **params) in text
    assert 'value="bukan-email"' in response.text
    assert "pendek" not in response.text  # passwords are never echoed back


def test_registration_needs_the_authenticity_token(browser: Browser) -> None:
    fields = {"user_id": "ptmaju", "password": "rahasia123", "password_confirm": "rahasia123"}
    response = browser.post_form("/registrasi", fields, token=False)
    assert response.status_code == 400
    assert MESSAGES.text("token.tidak_valid") in page_text(response)
    # Nothing was registered: the same user id is still free.
    assert browser.register("ptmaju").status_code == 200


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
