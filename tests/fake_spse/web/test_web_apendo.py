"""The APENDO pages (SPSE NON CA) over real HTTP: package key downloads, the streamed .rhs
upload (multipart), the opening with the released private key; and each profile refusing the
other profile's pages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from spse_web import (
    BASE,
    OPENING_STAGE,
    START,
    UPLOAD_STAGE,
    Browser,
    Sim,
    World,
    envelope,
    page_text,
    tender_id_from,
)

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from fake_spse.web.common import wib
from spse_shared.messages import MessageCatalog
from spse_shared.profile import load_profile

CA = MessageCatalog()
NONCA = MessageCatalog(load_profile("spse-4.3-nonca").messages)
OFFER = b"penawaran APENDO " + bytes(range(256)) * 40


@dataclass
class NonCa:
    sim: Sim
    pokja: Browser
    vendor: Browser
    outsider: Browser
    tender_id: str
    rhs: bytes  # OFFER encrypted to the tender's package key, as APENDO does


@pytest.fixture
def nonca(tmp_path: Path) -> Iterator[NonCa]:
    settings = Settings(
        data_dir=tmp_path / "nonca",
        profile="spse-4.3-nonca",
        clock_start=START,
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server:
        sim = Sim(server)
        browsers: list[Browser] = []

        def browser() -> Browser:
            made = Browser(server)
            browsers.append(made)
            return made

        sim.staff("pokja1", "pokja")
        sim.staff("verif", "verifikator")
        pokja = browser()
        assert pokja.login("pokja1").status_code == 303
        tender_id = tender_id_from(pokja.create_tender())  # no AMS: no certificate needed
        verifier = browser()
        assert verifier.login("verif").status_code == 303
        vendors = []
        for number, user_id in enumerate(("cvmaju", "cvlain")):
            vendor = browser()
            registered = vendor.register(user_id, npwp=f"01.234.567.8-901.{number:03d}")
            assert registered.status_code == 200, registered.text
            assert verifier.post_form(f"/verifikasi/{user_id}", {}).status_code == 303
            assert vendor.login(user_id).status_code == 303
            vendors.append(vendor)
        joined = vendors[0].join(tender_id)
        assert joined.headers["location"].startswith(f"{BASE}/lelang/{tender_id}/penawaran-apendo")
        package = vendors[0].get(f"/lelang/{tender_id}/kunci-publik-paket").text
        yield NonCa(sim, pokja, vendors[0], vendors[1], tender_id, envelope(OFFER, [package]))
        for made in browsers:
            made.close()
        sim.close()


def upload_rhs(
    browser: Browser,
    tender_id: str,
    content: bytes,
    name: str = "penawaran.rhs",
    token: str | None = None,
) -> httpx.Response:
    fields = {"authenticityToken": token if token is not None else browser.token()}
    files = {"dokumen": (name, content, "application/octet-stream")}
    return browser.http.post(
        f"{BASE}/lelang/{tender_id}/penawaran-apendo", data=fields, files=files
    )


def nothing_stored(world: NonCa) -> None:
    assert world.sim.offers(world.tender_id) == []
    assert world.sim.call("GET", "/blobs") == {"stored": 0, "partial": 0}


def test_upload_and_opening_without_user_certificates(nonca: NonCa) -> None:
    tender = nonca.tender_id
    key = nonca.vendor.get(f"/lelang/{tender}/kunci-publik-paket")
    assert key.status_code == 200
    disposition = key.headers["content-disposition"]
    assert disposition == f'attachment; filename="kunci-publik-paket-{tender}.pem"'
    certificate = x509.load_pem_x509_certificate(key.content)
    assert "PRIVATE" not in key.text
    assert certificate.subject == certificate.issuer
    page = nonca.vendor.get(f"/lelang/{tender}/penawaran-apendo")
    assert nonca.sim.call("GET", f"/tenders/{tender}/kunci-paket")["fingerprint"] in page_text(page)

    nonca.sim.to_stage(tender, UPLOAD_STAGE, plus_seconds=60)
    sent = upload_rhs(nonca.vendor, tender, nonca.rhs)
    assert sent.status_code == 303, page_text(sent)
    assert "pesan=" in sent.headers["location"]
    [stored] = nonca.sim.offers(tender)
    assert (stored["sha256"], stored["size"]) == (
        hashlib.sha256(nonca.rhs).hexdigest(),
        len(nonca.rhs),
    )
    page = page_text(nonca.vendor.get(f"/lelang/{tender}/penawaran-apendo"))
    assert stored["sha256"] in page

    opening = page_text(nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo"))
    start = wib(nonca.sim.to_stage(tender, OPENING_STAGE))
    nonca.sim.to_stage(tender, UPLOAD_STAGE, plus_seconds=120)
    assert NONCA.text("apendo.jadwal_pembukaan", start=start) in opening
    refused = nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo/kunci-privat")
    assert refused.status_code == 400
    assert "Dokumen penawaran belum dapat dibuka" in page_text(refused)
    assert nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo/1/dokumen").status_code == 400
    assert nonca.sim.call("GET", f"/tenders/{tender}/kunci-paket")["released_at"] is None

    nonca.sim.to_stage(tender, OPENING_STAGE, plus_seconds=60)
    assert nonca.vendor.get(f"/lelang/{tender}/pembukaan-apendo/kunci-privat").status_code == 403
    released = nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo/kunci-privat")
    assert released.status_code == 200
    assert released.headers["cache-control"] == "no-store"
    private_key = serialization.load_pem_private_key(released.content, password=None)
    assert private_key.public_key() == certificate.public_key()
    state = nonca.sim.call("GET", f"/tenders/{tender}/kunci-paket")
    assert (state["released_by"], "PRIVATE" in str(state)) == ("pokja1", False)

    offer_id = stored["offer_id"]
    document = nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo/{offer_id}/dokumen")
    assert document.content == nonca.rhs
    recorded = nonca.pokja.post_form(
        f"/lelang/{tender}/pembukaan-apendo/{offer_id}",
        {"hasil": "dibuka", "berkas": "Surat Penawaran.pdf\nRAB.xlsx"},
    )
    assert recorded.status_code == 303, page_text(recorded)
    [result] = nonca.sim.call("GET", f"/tenders/{tender}/openings")["openings"]
    assert (result["code"], result["files"]) == ("dibuka", ["Surat Penawaran.pdf", "RAB.xlsx"])
    page = page_text(nonca.pokja.get(f"/lelang/{tender}/pembukaan-apendo"))
    assert NONCA.text("pembukaan.dibuka") in page


def test_a_file_other_than_rhs_is_refused_and_nothing_is_kept(nonca: NonCa) -> None:
    nonca.sim.to_stage(nonca.tender_id, UPLOAD_STAGE)
    refused = upload_rhs(nonca.vendor, nonca.tender_id, b"%PDF-1.4" * 5000, "penawaran.pdf")
    assert refused.status_code == 400
    assert NONCA.text("apendo.bukan_rhs", name="penawaran.pdf") in page_text(refused)
    missing = upload_rhs(nonca.vendor, nonca.tender_id, b"", "")
    assert NONCA.text("apendo.file_wajib") in page_text(missing)
    nothing_stored(nonca)


def test_the_upload_checks_the_token_and_the_participant(nonca: NonCa) -> None:
    nonca.sim.to_stage(nonca.tender_id, UPLOAD_STAGE)
    forged = upload_rhs(nonca.vendor, nonca.tender_id, nonca.rhs, token="palsu")
    assert NONCA.text("token.tidak_valid") in page_text(forged)
    outsider = upload_rhs(nonca.outsider, nonca.tender_id, nonca.rhs)
    assert NONCA.text("penawaran.bukan_peserta") in page_text(outsider)
    assert nonca.outsider.get(f"/lelang/{nonca.tender_id}/kunci-publik-paket").status_code == 403
    nothing_stored(nonca)


def test_a_body_cut_inside_the_file_is_not_kept(nonca: NonCa) -> None:
    nonca.sim.to_stage(nonca.tender_id, UPLOAD_STAGE)
    token = nonca.vendor.token()
    boundary = "batas-kodok"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="authenticityToken"\r\n\r\n'
        f"{token}\r\n--{boundary}\r\n"
        'Content-Disposition: form-data; name="dokumen"; filename="penawaran.rhs"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + nonca.rhs  # no closing boundary: the connection went away
    cut = nonca.vendor.http.post(
        f"{BASE}/lelang/{nonca.tender_id}/penawaran-apendo",
        content=body,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert NONCA.text("penawaran.terputus") in page_text(cut)
    nothing_stored(nonca)


def test_upload_faults_apply_to_rhs_uploads(nonca: NonCa) -> None:
    nonca.sim.to_stage(nonca.tender_id, UPLOAD_STAGE)
    nonca.sim.arm("upload.cut", times=1, params={"after_bytes": 1024})
    assert NONCA.text("penawaran.terputus") in page_text(
        upload_rhs(nonca.vendor, nonca.tender_id, nonca.rhs)
    )
    nonca.sim.arm("upload.fail_next", times=1)
    assert NONCA.text("error.umum") in page_text(
        upload_rhs(nonca.vendor, nonca.tender_id, nonca.rhs)
    )
    nothing_stored(nonca)


def test_the_spamkodok_pages_say_they_are_not_used_in_nonca(nonca: NonCa) -> None:
    tender = nonca.tender_id
    nonca.sim.to_stage(tender, UPLOAD_STAGE)
    expected = NONCA.text("apendo.halaman_ca")
    page = nonca.vendor.get(f"/lelang/{tender}/penawaran")
    assert (page.status_code, expected in page_text(page)) == (400, True)
    raw = nonca.vendor.upload(tender, nonca.rhs)
    assert raw.json() == {"ok": False, "messages": [expected]}
    assert expected in page_text(nonca.pokja.get(f"/lelang/{tender}/pembukaan"))
    nothing_stored(nonca)


def test_the_apendo_pages_refuse_in_the_ca_profile(world: World) -> None:
    tender = world.tender_id
    world.sim.to_stage(tender, OPENING_STAGE)
    expected = CA.text("apendo.halaman_non_ca")
    for browser, path in (
        (world.vendor_a, f"/lelang/{tender}/penawaran-apendo"),
        (world.vendor_a, f"/lelang/{tender}/kunci-publik-paket"),
        (world.pokja, f"/lelang/{tender}/pembukaan-apendo"),
        (world.pokja, f"/lelang/{tender}/pembukaan-apendo/kunci-privat"),
    ):
        page = browser.get(path)
        assert (path, page.status_code, expected in page_text(page)) == (path, 400, True)
    world.sim.to_stage(tender, UPLOAD_STAGE)
    refused = upload_rhs(world.vendor_a, tender, OFFER)
    assert expected in page_text(refused)
    assert world.sim.offers(tender) == []
