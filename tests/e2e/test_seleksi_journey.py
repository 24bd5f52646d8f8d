"""The Seleksi dua file journey in headless Chromium against the fake SPSE on a real port: File I
and File II sealed separately, stored by SPSE, and each opened with the openssl CLI alone."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from simulator.harness.environment import RunOptions
from simulator.journey.run import run_journey
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_PROFILE, load_profile

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.openssl,
    pytest.mark.skipif(
        shutil.which("openssl") is None, reason="needs the openssl command line tool"
    ),
]


@pytest.fixture(scope="module")
def seleksi_output(tmp_path_factory: pytest.TempPathFactory, sim_browser: Browser) -> Path:
    """One walk of the journey for the module's tests (it takes about a minute)."""
    output = tmp_path_factory.mktemp("seleksi") / "run"
    result = run_journey(RunOptions(output_dir=output), browser=sim_browser, journey_name="seleksi")
    assert result.ok, result.error
    return output


def stored_file(output: Path, sha256: str) -> Path:
    """The server's stored ciphertext with this receipt hash, among its blob files."""
    for path in (output / "data" / "blobs").iterdir():
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            return path
    raise AssertionError(f"no stored file with sha256 {sha256}")


def openssl_open(output: Path, sealed: Path, received_at: str) -> tarfile.TarFile:
    """Decrypt with the pokja's key, verify the vendor's signature against BSrE's chain at the
    receipt's time, and read the signed content: all with the openssl CLI."""
    [pokja_cert] = (output / "pki").glob("pokja-*.crt.pem")
    pokja_key = pokja_cert.with_name(pokja_cert.name.replace(".crt.", ".key."))
    inner = sealed.with_name(sealed.name + ".p7s")
    content = sealed.with_name(sealed.name + ".tar")
    decrypt = ["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", sealed]
    subprocess.run(
        [*decrypt, "-recip", pokja_cert, "-inkey", pokja_key, "-out", inner],
        check=True,
        capture_output=True,
    )
    at = str(int(datetime.fromisoformat(received_at).timestamp()))
    subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", inner,
         "-CAfile", output / "pki" / "bsre-chain.pem", "-purpose", "any", "-attime", at,
         "-out", content],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return tarfile.open(fileobj=BytesIO(content.read_bytes()))


def test_openssl_opens_file_i_and_file_ii_as_stored_by_spse(
    seleksi_output: Path, tmp_path: Path
) -> None:
    index = json.loads((seleksi_output / "index.json").read_text())
    assert (index["journey"], index["ok"]) == ("seleksi", True)
    mine = {o["part"]: o for o in index["offers"] if o["vendor_id"] == index["vendor"]}
    assert sorted(mine) == ["file1", "file2"]
    # Two separately sealed packages: different ciphertexts, each stored as received.
    assert mine["file1"]["sha256"] != mine["file2"]["sha256"]
    desk = seleksi_output / "desks" / f"penyedia-{index['vendor']}"

    contents = {}
    for part, offer in mine.items():
        sealed = tmp_path / f"{part}.p7m"
        shutil.copyfile(stored_file(seleksi_output, offer["sha256"]), sealed)
        with openssl_open(seleksi_output, sealed, offer["received_at"]) as tar:
            names = tar.getnames()
            manifest = json.loads(tar.extractfile("MANIFEST.json").read())  # type: ignore[union-attr]
            files = {
                n.removeprefix("dokumen/"): tar.extractfile(n).read()  # type: ignore[union-attr]
                for n in names
                if n.startswith("dokumen/")
            }
        assert names[0] == "MANIFEST.json"
        assert (manifest["tender_id"], manifest["vendor_id"]) == (
            index["tender_id"],
            index["vendor"],
        )
        contents[part] = files

    # File I: administrasi dan teknis, no price in it.
    assert sorted(contents["file1"]) == ["Dokumen Administrasi.pdf", "Usulan Teknis.pdf"]
    for name, data in contents["file1"].items():
        assert data == (desk / name).read_bytes()
    # File II: the cost breakdown and SPSE's Surat Penawaran with the price and validity.
    assert sorted(contents["file2"]) == ["Rincian Biaya.pdf", "Surat Penawaran.pdf"]
    assert contents["file2"]["Rincian Biaya.pdf"] == (desk / "Rincian Biaya.pdf").read_bytes()
    letter = contents["file2"]["Surat Penawaran.pdf"]
    assert b"SURAT PENAWARAN" in letter
    assert b"harga total penawaran Rp " in letter
    assert b"berlaku selama 60 hari" in letter
    assert f"Kode Tender: {index['tender_id']}".encode() in letter


def test_file_ii_of_the_one_below_the_passing_grade_stays_sealed_and_the_best_nilai_akhir_wins(
    seleksi_output: Path,
) -> None:
    """What the same run shows the pokja and the public (its chronology): the nilai teknis is
    given with File I, the participant below the ambang batas gugur there, and the winner has
    the highest nilai akhir on the public Hasil Evaluasi."""
    index = json.loads((seleksi_output / "index.json").read_text())
    vendor = index["identity"]["vendor"]
    steps = json.loads((seleksi_output / "chronology.json").read_text())
    assert [s["outcome"] for s in steps] == ["ok"] * len(steps)
    by_title = {s["title"]: s for s in steps}
    catalog = load_profile(DEFAULT_PROFILE).catalog()
    opened = catalog.text("pembukaan.dibuka")
    refused = by_title[tr("SPSE menolak membuka File II sebelum File I dievaluasi")]["detail"]
    assert catalog.text("pembukaan.file1_belum_dievaluasi") in refused
    # Two participants sent File I; only the one who passed it has a File II row, opened.
    assert by_title[tr("Pokja membuka File I di SpamKodok")]["detail"].count(opened) == 2
    file2 = by_title[tr("Pokja membuka File II (harga) peserta yang lulus")]["detail"]
    [row] = file2.splitlines()
    assert row.startswith(f"{vendor}: {opened}")
    assert "Rp " in row
    scored = by_title[tr("Pokja mengevaluasi administrasi dan teknis (File I) dengan nilai teknis")]
    assert tr("{vendor}: nilai teknis {nilai}", vendor=vendor, nilai="88") in scored["detail"]
    winners = by_title[tr("Pengumuman pemenang di halaman publik")]["detail"].splitlines()
    assert winners[-1] == vendor
    results = by_title[tr("Hasil evaluasi publik: pemenang dengan nilai akhir tertinggi")]
    rows = dict(line.split(": ", 1) for line in results["detail"].splitlines())
    assert rows[vendor].endswith("SH 100.00, SA 91.60")  # 0.7 x 88 + 0.3 x 100
    [rival_row] = [row for name, row in rows.items() if name != vendor]
    assert rival_row.endswith("ST 64.00, SH -, SA -")
