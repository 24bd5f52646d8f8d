"""AMS registration (certificates from BSrE) over real HTTP, as SpamKodok 2 posts it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cryptography import x509
from spse_web import Browser, Sim, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
MakeCsr = Callable[..., str]


def _pokja(sim: Sim, browser: Browser) -> Browser:
    sim.staff("pokja1", "pokja")
    assert browser.login("pokja1").status_code == 303
    return browser


def test_ams_issues_a_certificate_with_its_chain(
    sim: Sim, browser: Browser, make_csr: MakeCsr
) -> None:
    pokja = _pokja(sim, browser)
    response = pokja.ams(make_csr("Pokja Satu"))
    assert response.status_code == 200
    answer = response.json()
    assert answer["ok"]
    assert answer["message"] == MESSAGES.text("ams.berhasil")
    certificate = x509.load_pem_x509_certificate(answer["certificate_pem"].encode())
    chain = x509.load_pem_x509_certificates(answer["chain_pem"].encode())
    assert certificate.issuer == chain[0].subject
    assert "CN=Pokja Satu" in answer["subject"]
    page = pokja.get("/ams")
    assert MESSAGES.text("ams.sudah_punya") in page_text(page)
    assert str(certificate.serial_number) in page.text
    published = pokja.http.get("/bsre/chain.pem")
    assert published.text == answer["chain_pem"]


def test_ams_refusals_show_the_catalog_message_and_issue_nothing(
    sim: Sim, browser: Browser, make_csr: MakeCsr
) -> None:
    pokja = _pokja(sim, browser)
    cases: list[tuple[dict[str, Any], str, dict[str, object]]] = [
        ({"letter_name": "surat.docx"}, "ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"}),
        ({"letter": b""}, "ams.surat_kosong", {}),
        ({"letter": b"%" * (5 * 2**20 + 1)}, "ams.surat_besar", {"max_mb": 5}),
    ]
    for changes, key, params in cases:
        response = pokja.ams(make_csr(), **changes)
        assert response.status_code == 400
        assert response.json() == {"ok": False, "messages": [MESSAGES.text(key, **params)]}
    bad_csr = pokja.ams("-----BEGIN CERTIFICATE REQUEST-----\nrusak\n")
    assert bad_csr.json()["messages"] == [MESSAGES.text("ams.csr_tidak_valid")]
    sim.arm("ca.down", times=1)
    down = pokja.ams(make_csr())
    assert down.status_code == 400
    assert down.json()["messages"] == [MESSAGES.text("ams.ca_tidak_tersedia")]
    assert MESSAGES.text("ams.sudah_punya") not in page_text(pokja.get("/ams"))


def test_ams_needs_the_authenticity_token(sim: Sim, browser: Browser, make_csr: MakeCsr) -> None:
    pokja = _pokja(sim, browser)
    response = pokja.ams(make_csr(), token="palsu")
    assert response.status_code == 400
    assert response.json()["messages"] == [MESSAGES.text("token.tidak_valid")]
    assert MESSAGES.text("ams.sudah_punya") not in page_text(pokja.get("/ams"))


def test_ams_needs_a_logged_in_vendor_or_pokja(
    sim: Sim, new_browser: Callable[[], Browser], make_csr: MakeCsr
) -> None:
    anonymous = new_browser()
    assert anonymous.get("/ams").status_code == 303
    sim.staff("verif", "verifikator")
    verifier = new_browser()
    verifier.login("verif")
    assert verifier.ams(make_csr()).status_code == 403
