"""SpamKodok 2's certificate checks and the import APD upgrade against a real fake SPSE.

The desk's operations are called as the page calls them (``window.spamkodok.*`` lands in
``SpamKodok._dispatch``), without a browser; SPSE is reached over real HTTP.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from spse_web import PDF_LETTER, Browser, Sim, World, build_world, page_text

from fake_spse.server import RunningServer
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.processes import DeskProcesses
from simulator.testdata.documents import write_pdf
from spse_shared.messages import MessageCatalog
from spse_shared.profile import load_profile

MESSAGES = MessageCatalog()
PASSPHRASE = "rahasia-kodok"
APD_PASSPHRASE = "apd-lama-2019"
RECIPIENTS = re.compile(r'id="sertifikat-pokja">(.*?)</script>', re.DOTALL)


def desk(server: RunningServer, folder: Path, passphrase: str = PASSPHRASE) -> SpamKodok:
    return SpamKodok(
        keystore_path=folder / "spamkodok.p12",
        passphrase=passphrase,
        server_url=server.url,
        profile=load_profile("spse-4.3-ca"),
        process_probe=DeskProcesses(),
    )


def call(kodok: SpamKodok, op: str, **args: Any) -> dict[str, Any]:
    return kodok._dispatch({}, op, args)


def problem_keys(answer: dict[str, Any]) -> list[str]:
    assert not answer["ok"], answer
    return [p["key"] for p in answer["problems"]]


def now_of(sim: Sim) -> datetime:
    return datetime.fromisoformat(sim.call("GET", "/clock")["now"])


def certify(
    kodok: SpamKodok, browser: Browser, checker: Browser, waiting: Callable[[], None]
) -> x509.Certificate:
    """AMS as the pages run it: CSR from SpamKodok, the request waits (``waiting`` runs
    then), the verifikator approves, BSrE issues, SpamKodok embeds."""
    request = call(kodok, "buatPermintaan", common_name="Direktur Ptmaju")
    asked = browser.ams(request["csr_pem"]).json()
    assert asked["menunggu"], asked
    waiting()
    assert checker.approve_ams(asked["request_id"]).status_code == 303
    answer = browser.get(f"/ams/{asked['request_id']}/sertifikat").json()
    assert answer["ok"], answer
    embedded = call(
        kodok,
        "tanamSertifikat",
        certificate_pem=answer["certificate_pem"],
        chain_pem=answer["chain_pem"],
    )
    assert embedded["ok"], embedded
    certificate = kodok.keystore().certificate
    assert certificate is not None
    return certificate


# sealing ---------------------------------------------------------------------------------------
@pytest.fixture
def world(
    server: RunningServer,
    sim: Sim,
    make_csr: Callable[..., str],
    new_browser: Callable[[], Browser],
) -> World:
    """Vendors without a certificate yet: these tests embed one through SpamKodok."""
    return build_world(server, sim, make_csr("Pokja Satu"), new_browser)


@pytest.fixture
def offer_file(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "dokumen" / "Penawaran.pdf", "Penawaran")


def seal(kodok: SpamKodok, world: World, offer_file: Path, at: datetime) -> dict[str, Any]:
    page = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran").text
    found = RECIPIENTS.search(page)
    assert found
    return call(
        kodok,
        "segel",
        tender_id=world.tender_id,
        vendor_id="ptmaju",
        profile="spse-4.3-ca",
        recipients_pem=json.loads(found.group(1)),
        paths=[str(offer_file)],
        waktu_server=at.isoformat(),
    )


def test_the_upload_page_carries_spse_time(world: World) -> None:
    page = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran").text
    assert f'data-waktu-server="{now_of(world.sim).isoformat()}"' in page


def test_sealing_needs_an_embedded_valid_unrevoked_certificate(
    world: World,
    server: RunningServer,
    tmp_path: Path,
    offer_file: Path,
    new_browser: Callable[[], Browser],
) -> None:
    kodok = desk(server, tmp_path / "desk")
    now = now_of(world.sim)
    assert problem_keys(seal(kodok, world, offer_file, now)) == ["penawaran.tanpa_sertifikat"]
    checker = new_browser()
    assert checker.login("verif").status_code == 303

    def still_waiting() -> None:
        # The key is in the keystore since the request; no certificate yet: SpamKodok says so.
        answer = seal(kodok, world, offer_file, now)
        assert problem_keys(answer) == ["kodok.sertifikat_menunggu"]

    certificate = certify(kodok, world.vendor_a, checker, still_waiting)
    assert seal(kodok, world, offer_file, now)["ok"]

    wrong = desk(server, tmp_path / "desk", passphrase="bukan-ini")
    assert problem_keys(seal(wrong, world, offer_file, now)) == ["kodok.passphrase_salah"]

    after = certificate.not_valid_after_utc + timedelta(seconds=1)
    expired = seal(kodok, world, offer_file, after)
    assert problem_keys(expired) == ["kodok.sertifikat_kedaluwarsa"]
    assert MESSAGES.text("kodok.sertifikat_kedaluwarsa", **expired["problems"][0]["params"])

    world.sim.to_stage(world.tender_id, "Upload Dokumen Penawaran")
    revoked_at = now_of(world.sim)
    world.sim.call("POST", "/ca/revoke", {"user_id": "ptmaju"})
    revoked = seal(kodok, world, offer_file, revoked_at)
    assert problem_keys(revoked) == ["kodok.sertifikat_dicabut"]
    # SPSE's time decides: a moment before the revocation the certificate still sealed.
    assert seal(kodok, world, offer_file, revoked_at - timedelta(seconds=1))["ok"]


# import APD ------------------------------------------------------------------------------------
@pytest.fixture
def vendor(sim: Sim, new_browser: Any) -> Browser:
    sim.staff("verif", "verifikator")
    verifier: Browser = new_browser()
    assert verifier.login("verif").status_code == 303
    browser: Browser = new_browser()
    assert browser.register("ptmaju").status_code == 200
    assert verifier.post_form("/verifikasi/ptmaju", {}).status_code == 303
    assert browser.login("ptmaju").status_code == 303
    return browser


def apd_on_disk(sim: Sim, folder: Path, user_id: str = "ptmaju", variant: str = "aktif") -> Path:
    answer = sim.call(
        "POST",
        "/ca/apd",
        {"user_id": user_id, "passphrase": APD_PASSPHRASE, "variant": variant},
    )
    path = folder / f"{user_id}-{variant}.apd"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(answer["apd_b64"]))
    return path


def import_apd(kodok: SpamKodok, apd: Path, passphrase: str, at: datetime) -> dict[str, Any]:
    with kodok.file_dialog([apd]):
        return call(kodok, "importApd", passphrase=passphrase, waktu_server=at.isoformat())


def post_upgrade(browser: Browser, imported: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "csr": imported["csr_pem"],
        "sertifikat_lama": imported["old_certificate_pem"],
        "authenticityToken": browser.token(),
    }
    data.update(changes)
    files = {"surat": ("Surat Rekomendasi.pdf", PDF_LETTER, "application/pdf")}
    answer: dict[str, Any] = browser.http.post(
        "/eproc4/sertifikat/apd", data=data, files=files
    ).json()
    return answer


def test_import_apd_replaces_the_old_certificate_with_a_new_key(
    sim: Sim, vendor: Browser, server: RunningServer, tmp_path: Path
) -> None:
    apd = apd_on_disk(sim, tmp_path / "lama")
    _, old, _ = pkcs12.load_key_and_certificates(apd.read_bytes(), APD_PASSPHRASE.encode())
    assert old is not None
    page = vendor.get("/sertifikat/apd")
    assert "Import APD (Sertifikat SpamKodok Lama)" in page_text(page)
    assert str(old.serial_number) in page.text  # SPSE lists the old certificate

    kodok = desk(server, tmp_path / "desk")
    imported = import_apd(kodok, apd, APD_PASSPHRASE, now_of(sim))
    assert imported["ok"], imported
    assert "UID=ptmaju" in imported["subject"]
    csr = x509.load_pem_x509_csr(imported["csr_pem"].encode())
    assert csr.public_key() != old.public_key()
    assert not kodok.keystore_path.exists()  # nothing embedded before BSrE answers

    answer = post_upgrade(vendor, imported)
    assert answer["ok"], answer
    assert answer["message"] == MESSAGES.text("apd.berhasil", serial_lama=old.serial_number)
    embedded = call(
        kodok,
        "tanamSertifikat",
        certificate_pem=answer["certificate_pem"],
        chain_pem=answer["chain_pem"],
    )
    assert embedded["ok"], embedded
    keystore = kodok.keystore()
    assert keystore.certificate is not None
    assert str(keystore.certificate.serial_number) == answer["serial"]

    listed = sim.call("GET", "/accounts/ptmaju/certificates")
    assert listed["current"] == answer["serial"]
    revoked = {r["serial"]: r["revoked_at"] for r in listed["issued"]}
    assert revoked[str(old.serial_number)] is not None
    assert revoked[answer["serial"]] is None
    assert [a["status"] for a in listed["ams_requests"]] == ["diperbarui"]

    # The old certificate is spent: SpamKodok now refuses the same APD.
    again = import_apd(kodok, apd, APD_PASSPHRASE, now_of(sim))
    assert problem_keys(again) == ["kodok.apd_dicabut"]


@pytest.mark.parametrize(
    ("variant", "passphrase", "key"),
    [
        ("aktif", "salah", "kodok.apd_passphrase_salah"),
        ("kedaluwarsa", APD_PASSPHRASE, "kodok.apd_kedaluwarsa"),
        ("asing", APD_PASSPHRASE, "kodok.apd_asing"),
    ],
)
def test_import_apd_refusals_on_the_desk(
    sim: Sim,
    vendor: Browser,
    server: RunningServer,
    tmp_path: Path,
    variant: str,
    passphrase: str,
    key: str,
) -> None:
    apd = apd_on_disk(sim, tmp_path / "lama", variant=variant)
    kodok = desk(server, tmp_path / "desk")
    answer = import_apd(kodok, apd, passphrase, now_of(sim))
    assert problem_keys(answer) == [key]
    assert answer["problems"][0]["params"] == {"name": apd.name}
    assert not kodok.keystore_path.exists()


def test_import_apd_refuses_garbage_a_missing_file_and_no_choice(
    sim: Sim, server: RunningServer, tmp_path: Path
) -> None:
    kodok = desk(server, tmp_path / "desk")
    garbage = tmp_path / "rusak.apd"
    garbage.write_bytes(b"bukan APD" * 100)
    now = now_of(sim)
    assert problem_keys(import_apd(kodok, garbage, "x", now)) == ["kodok.apd_rusak"]
    missing = tmp_path / "hilang.apd"
    assert problem_keys(import_apd(kodok, missing, "x", now)) == ["kodok.file_tidak_ditemukan"]
    assert problem_keys(call(kodok, "importApd", passphrase="x")) == ["kodok.batal"]


def test_spse_refuses_the_apd_of_another_vendor(
    sim: Sim, vendor: Browser, new_browser: Any, server: RunningServer, tmp_path: Path
) -> None:
    neighbour: Browser = new_browser()
    assert neighbour.register("cvtetangga", npwp="01.234.567.8-901.001").status_code == 200
    apd = apd_on_disk(sim, tmp_path / "lama", user_id="cvtetangga")
    kodok = desk(server, tmp_path / "desk")
    imported = import_apd(kodok, apd, APD_PASSPHRASE, now_of(sim))
    assert imported["ok"], imported
    answer = post_upgrade(vendor, imported)
    assert answer == {
        "ok": False,
        "messages": [MESSAGES.text("apd.bukan_milik_anda", user_id="ptmaju")],
    }
    listed = sim.call("GET", "/accounts/ptmaju/certificates")
    assert listed == {"current": None, "certificates": [], "ams_requests": [], "issued": []}


def test_the_upgrade_endpoint_checks_token_and_role(
    sim: Sim, vendor: Browser, new_browser: Any, server: RunningServer, tmp_path: Path
) -> None:
    apd = apd_on_disk(sim, tmp_path / "lama")
    kodok = desk(server, tmp_path / "desk")
    imported = import_apd(kodok, apd, APD_PASSPHRASE, now_of(sim))
    refused = post_upgrade(vendor, imported, authenticityToken="palsu")
    assert refused["messages"] == [MESSAGES.text("token.tidak_valid")]
    anonymous: Browser = new_browser()
    assert anonymous.get("/sertifikat/apd").status_code == 303
    verifier: Browser = new_browser()
    assert verifier.login("verif").status_code == 303
    assert verifier.get("/sertifikat/apd").status_code == 403
    listed = sim.call("GET", "/accounts/ptmaju/certificates")
    assert all(r["revoked_at"] is None for r in listed["issued"])


def test_control_api_refuses_bad_old_certificate_requests(sim: Sim, vendor: Browser) -> None:
    bad = sim.http.post("/ca/apd", json={"user_id": "ptmaju", "passphrase": "p", "variant": "x"})
    assert bad.status_code == 400
    unknown = sim.http.post("/ca/apd", json={"user_id": "tidakada", "passphrase": "p"})
    assert unknown.status_code == 404
    small = rsa.generate_private_key(65537, 1024).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for key_pem in ("bukan kunci", small.decode()):
        body = {"user_id": "ptmaju", "passphrase": "p", "key_pem": key_pem}
        assert sim.http.post("/ca/apd", json=body).status_code == 400
    assert sim.call("GET", "/accounts/ptmaju/certificates")["issued"] == []


def test_the_old_certificate_is_made_for_the_key_the_simulator_gives(
    sim: Sim, vendor: Browser
) -> None:
    key = rsa.generate_private_key(65537, 2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    body = {"user_id": "ptmaju", "passphrase": APD_PASSPHRASE, "key_pem": pem.decode()}
    answer = sim.call("POST", "/ca/apd", body)
    old_key, certificate, _ = pkcs12.load_key_and_certificates(
        base64.b64decode(answer["apd_b64"]), APD_PASSPHRASE.encode()
    )
    assert certificate is not None
    assert old_key is not None
    assert certificate.public_key() == key.public_key()
