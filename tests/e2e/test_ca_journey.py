"""The whole CA journey in headless Chromium against the fake SPSE on a real port."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

import pytest

from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from simulator.browser.journeys.registration import register_vendor, verify_vendor
from simulator.browser.journeys.session import log_in
from simulator.browser.pages.certificate import AmsPage
from simulator.harness.environment import SimEnvironment
from simulator.harness.run_folder import DATA_FOLDER
from simulator.harness.simcontrol import SimControl
from simulator.journey.run import RunResult
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e
CATALOG = MessageCatalog()


def test_vendor_offer_is_opened_by_the_pokja_with_signer_shown(
    journey_run: RunResult, tmp_path: Path
) -> None:
    result = journey_run.journey
    assert result is not None

    [row] = result.rows
    assert row.vendor == result.vendor.company
    assert row.status == CATALOG.text("pembukaan.dibuka")
    assert f"O={result.vendor.company}" in row.signer
    assert f"UID={result.vendor.user_id}" in row.signer
    # What SPSE stored is exactly what the page showed at opening: asked of a server started
    # on a copy of the run's data folder (the shared run folder stays as the journey left it).
    data = tmp_path / "data"
    shutil.copytree(journey_run.output_dir / DATA_FOLDER, data)
    with RunningServer(Settings(data_dir=data)) as server:
        control = SimControl(server.url)
        try:
            [stored] = control.offers(result.tender_id)
        finally:
            control.close()
    assert stored["current"] is True
    assert stored["sha256"] == row.sha256
    assert [s.outcome for s in journey_run.steps] == ["ok"] * len(journey_run.steps)


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


@pytest.mark.openssl
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command line tool")
def test_run_folder_lets_openssl_open_the_sealed_offer(
    journey_run: RunResult, tmp_path: Path
) -> None:
    journey_output = journey_run.output_dir
    index = json.loads((journey_output / "index.json").read_text())
    assert index["ok"] is True
    for expected in ("chronology.json", "pki/bsre-chain.pem", "pki/bsre-crl.pem"):
        assert expected in index["files"]
    assert any(name.startswith("traces/") for name in index["files"])
    [offer] = (journey_output / "offers").glob("*.p7m")
    [pokja_cert] = (journey_output / "pki").glob("pokja-*.crt.pem")
    pokja_key = pokja_cert.with_name(pokja_cert.name.replace(".crt.", ".key."))
    inner = tmp_path / "inner.p7s"
    content = tmp_path / "content.tar"
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
