"""The whole CA journey in headless Chromium against the fake SPSE on a real port."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from simulator.browser.journeys.registration import register_vendor, verify_vendor
from simulator.browser.journeys.session import log_in
from simulator.browser.pages.certificate import AmsPage
from simulator.harness.chronology import Chronology
from simulator.harness.environment import RunOptions, SimEnvironment
from simulator.journey.ca_tender import walk_ca_tender
from simulator.journey.run import run_journey
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e
CATALOG = MessageCatalog()


def test_vendor_offer_is_opened_by_the_pokja_with_signer_shown(sim_env: SimEnvironment) -> None:
    log = Chronology(sim_env.output_dir, sim_env.sim)

    result = walk_ca_tender(sim_env, log)

    [row] = result.rows
    assert row.vendor == result.vendor.company
    assert row.status == CATALOG.text("pembukaan.dibuka")
    assert f"O={result.vendor.company}" in row.signer
    assert f"UID={result.vendor.user_id}" in row.signer
    # What SPSE stored is exactly what the page showed at opening.
    [stored] = sim_env.sim.offers(result.tender_id)
    assert stored["current"] is True
    assert stored["sha256"] == row.sha256
    assert [s.outcome for s in log.steps] == ["ok"] * len(log.steps)


def test_ca_pages_in_a_plain_browser_tell_the_user_to_use_spamkodok(
    sim_env: SimEnvironment,
) -> None:
    vendor = sim_env.data.vendor()
    desk = sim_env.desk("plain-browser", spamkodok=False)
    register_vendor(desk.page, sim_env.spse_url, vendor)
    verifikator = sim_env.data.staff("verifikator")
    sim_env.sim.add_staff(
        user_id=verifikator.user_id,
        role="verifikator",
        name=verifikator.name,
        email=verifikator.email,
        password=verifikator.password,
    )
    verify_vendor(desk.page, sim_env.spse_url, verifikator, vendor.user_id)
    log_in(desk.page, sim_env.spse_url, vendor.user_id, vendor.password)

    ams = AmsPage(desk.page, sim_env.spse_url)
    ams.goto()

    assert ams.refusal() == CATALOG.text("ams.butuh_spamkodok")
    assert desk.page.get_by_role("button", name="Kirim Pendaftaran AMS").is_disabled()


@pytest.fixture
def journey_output(tmp_path: Path, sim_browser: Browser) -> Path:
    output = tmp_path / "run"
    result = run_journey(RunOptions(output_dir=output), browser=sim_browser)
    assert result.ok, result.error
    return output


@pytest.mark.openssl
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command line tool")
def test_run_folder_lets_openssl_open_the_sealed_offer(journey_output: Path) -> None:
    index = json.loads((journey_output / "index.json").read_text())
    assert index["ok"] is True
    for expected in ("chronology.json", "pki/bsre-chain.pem", "pki/bsre-crl.pem"):
        assert expected in index["files"]
    assert any(name.startswith("traces/") for name in index["files"])
    [offer] = (journey_output / "offers").glob("*.p7m")
    [pokja_cert] = (journey_output / "pki").glob("pokja-*.crt.pem")
    pokja_key = pokja_cert.with_name(pokja_cert.name.replace(".crt.", ".key."))
    inner = journey_output / "inner.p7s"
    content = journey_output / "content.tar"
    subprocess.run(
        [
            "openssl",
            "cms",
            "-decrypt",
            "-binary",
            "-inform",
            "DER",
            "-in",
            offer,
            "-recip",
            pokja_cert,
            "-inkey",
            pokja_key,
            "-out",
            inner,
        ],
        check=True,
        capture_output=True,
    )
    receipt_time = "1772758800"  # 2026-03-06 01:00 UTC, inside the upload stage of the run
    subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            inner,
            "-CAfile",
            journey_output / "pki" / "bsre-chain.pem",
            "-purpose",
            "any",
            "-attime",
            receipt_time,
            "-out",
            content,
        ],
        check=True,
        capture_output=True,
    )

    with tarfile.open(fileobj=BytesIO(content.read_bytes())) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("MANIFEST.json").read())  # type: ignore[union-attr]
        letter = tar.extractfile("dokumen/Surat Penawaran.pdf").read()  # type: ignore[union-attr]
        document = tar.extractfile("dokumen/Dokumen Teknis.pdf").read()  # type: ignore[union-attr]
    assert names[0] == "MANIFEST.json"
    assert manifest["tender_id"] == index["tender_id"]
    assert manifest["vendor_id"] == index["vendor"]
    vendor_desk = journey_output / "desks" / f"penyedia-{index['vendor']}"
    assert document == (vendor_desk / "Dokumen Teknis.pdf").read_bytes()
    # The Surat Penawaran SPSE generated, with the price and validity, is sealed content too.
    assert letter.startswith(b"%PDF-")
    assert b"SURAT PENAWARAN" in letter
    assert b"harga total penawaran Rp " in letter
    assert b"berlaku selama 60 hari" in letter
    assert f"Kode Tender: {index['tender_id']}".encode() in letter
