"""A Seleksi (jasa konsultansi, Kualitas dan Biaya) over real HTTP, in SPSE's dua file order:
the pokja enters the nilai teknis with File I (Evaluasi Administrasi dan Teknis), a score below
the passing grade gugur there (its File II stays sealed), File II is opened for those who
passed and harga evaluated; the winner has the highest nilai akhir although another
participant is cheaper; pyproc reads the scores (ST, SH, SA) and the winner from the public
pages."""

from __future__ import annotations

from typing import Any

import pytest
from pyproc.lpse import Lpse
from spse_web import UPLOAD_STAGE, World, page_text, tender_id_from

from spse_shared.messages import MessageCatalog
from spse_shared.profile import DEFAULT_PROFILE, PENETAPAN_STAGE, load_profile

MESSAGES = MessageCatalog()
SELEKSI = load_profile(DEFAULT_PROFILE).method("seleksi-pra-dua-file")
FILE_I_STAGE, FILE_II_STAGE = SELEKSI.opening_stages


def evaluate_file1(world: World, tender: str, vendor_id: str, **fields: str) -> Any:
    form = {"kualifikasi": "lulus", "administrasi": "lulus", "teknis": "lulus", "alasan": ""}
    return world.pokja.post_form(f"/lelang/{tender}/evaluasi-file1/{vendor_id}", form | fields)


def evaluate(world: World, tender: str, vendor_id: str, **fields: str) -> Any:
    form = {
        "kualifikasi": "lulus",
        "administrasi": "lulus",
        "teknis": "lulus",
        "harga": "lulus",
        "alasan": "",
        **fields,
    }
    return world.pokja.post_form(f"/lelang/{tender}/evaluasi/{vendor_id}", form)


def open_part(world: World, tender: str, part: str) -> None:
    for offer in world.sim.offers(tender):
        if offer["part"] != part:
            continue
        opened = world.pokja.http.post(
            f"/eproc4/lelang/{tender}/pembukaan/{offer['offer_id']}",
            json={"code": "dibuka", "signer_subject": "CN=Direktur", "files": ["a.pdf"]},
            headers={"x-authenticity-token": world.pokja.token()},
        )
        assert opened.json()["ok"], opened.text


@pytest.fixture
def seleksi(world: World) -> str:
    """A Seleksi both vendors joined and sent File I and File II to (ptmaju Rp 940 juta,
    ptjaya Rp 800 juta, the cheaper), File I opened at its stage."""
    tender = tender_id_from(world.pokja.create_tender("Perencanaan Gedung Pasar", "1"))
    for vendor in (world.vendor_a, world.vendor_b):
        assert vendor.join(tender).status_code == 303
    world.sim.to_stage(tender, UPLOAD_STAGE)
    for vendor, vendor_id, price in (
        (world.vendor_a, "ptmaju", 940_000_000),
        (world.vendor_b, "ptjaya", 800_000_000),
    ):
        for part in ("file1", "file2"):
            body = vendor.sealed(tender, f"{part} {vendor_id}".encode())
            assert vendor.upload(tender, body, part=part).json()["ok"]
        # The price of the Surat Penawaran, on the last part sent (File II).
        world.sim.call(
            "POST",
            "/arrange/price",
            {"tender_id": tender, "vendor_id": vendor_id, "price_rupiah": price},
        )
    world.sim.to_stage(tender, FILE_I_STAGE)
    open_part(world, tender, "file1")
    return tender


def test_file1_asks_the_nilai_teknis_and_the_general_page_does_not_again(
    world: World, seleksi: str
) -> None:
    page = page_text(world.pokja.get(f"/lelang/{seleksi}/evaluasi-file1"))
    assert "bobot teknis 0.7, bobot biaya 0.3, ambang batas nilai teknis 70" in page
    assert 'name="nilai_teknis"' in world.pokja.get(f"/lelang/{seleksi}/evaluasi-file1").text
    missing = evaluate_file1(world, seleksi, "ptmaju")
    assert missing.status_code == 400
    assert MESSAGES.text("evaluasi.nilai_teknis_wajib") in page_text(missing)
    for odd in ("sembilan puluh", "100,5", "²"):
        refused = evaluate_file1(world, seleksi, "ptmaju", nilai_teknis=odd)
        assert refused.status_code == 400
        assert MESSAGES.text("evaluasi.nilai_teknis_tidak_valid") in page_text(refused)
    # One home for the teknis evaluation: the general page of a dua file asks only harga,
    # and refuses it before File I was evaluated.
    general = world.pokja.get(f"/lelang/{seleksi}/evaluasi").text
    assert 'name="nilai_teknis"' not in general
    assert 'name="teknis"' not in general
    early = evaluate(world, seleksi, "ptmaju", nilai_teknis="90")
    assert early.status_code == 400
    assert MESSAGES.text("pembukaan.file1_belum_dievaluasi") in page_text(early)
    # A Harga Terendah tender's page has no such field, and its form ignores one.
    harga_terendah = world.pokja.get(f"/lelang/{world.tender_id}/evaluasi").text
    assert 'name="nilai_teknis"' not in harga_terendah
    assert 'name="teknis"' in harga_terendah
    ignored = page_text(evaluate(world, world.tender_id, "ptmaju", nilai_teknis="sembilan"))
    assert MESSAGES.text("evaluasi.nilai_teknis_tidak_valid") not in ignored


def test_a_seleksi_is_won_on_nilai_akhir_and_pyproc_reads_the_scores(
    world: World, seleksi: str
) -> None:
    tender = seleksi
    # Below the passing grade: teknis gugur with SPSE's reason, whatever the form said.
    assert evaluate_file1(world, tender, "ptjaya", nilai_teknis="65").status_code == 303
    low = MESSAGES.text("evaluasi.nilai_teknis_di_bawah_ambang", nilai="65", ambang="70")
    assert low in page_text(world.pokja.get(f"/lelang/{tender}/evaluasi-file1"))
    # The pokja scores again while no File II is opened: 72 passes.
    assert evaluate_file1(world, tender, "ptjaya", nilai_teknis="72").status_code == 303
    assert evaluate_file1(world, tender, "ptmaju", nilai_teknis="90").status_code == 303
    page = page_text(world.pokja.get(f"/lelang/{tender}/evaluasi-file1"))
    assert low not in page
    assert "90.00" in page
    assert "72.00" in page

    world.sim.to_stage(tender, FILE_II_STAGE)
    open_part(world, tender, "file2")
    # Harga only; the File I marks the form would send are not File II's to change.
    assert evaluate(world, tender, "ptmaju", teknis="gugur").status_code == 303
    assert evaluate(world, tender, "ptjaya").status_code == 303
    page = page_text(world.pokja.get(f"/lelang/{tender}/evaluasi"))
    # 800/940 x 100 = 85.11; 0.7 x 90 + 0.3 x 85.11 = 88.53 against 0.7 x 72 + 30 = 80.40.
    assert "Nilai Teknis 90.00 · Nilai Biaya 85.11 · Nilai Akhir 88.53" in page
    assert "Nilai Teknis 72.00 · Nilai Biaya 100.00 · Nilai Akhir 80.40" in page

    world.sim.to_stage(tender, PENETAPAN_STAGE)
    decided = world.pokja.post_form(f"/lelang/{tender}/penetapan", {})
    assert decided.status_code == 303
    assert "PT Ptmaju ditetapkan sebagai pemenang dengan harga Rp 940.000.000,00" in page_text(
        world.pokja.get(decided.headers["location"])
    )
    world.sim.to_stage(tender, "Penandatanganan Kontrak", edge="end", plus_seconds=60)

    with Lpse("fake") as lpse:
        lpse.url = world.server.url + "/eproc4"
        detil = lpse.detil_paket_tender(tender)
        pengumuman = detil.get_pengumuman()
        hasil = detil.get_hasil_evaluasi()
        pemenang = detil.get_pemenang()

    assert pengumuman["metode_pengadaan"] == (
        "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya"
    )
    by_name = {row["nama_peserta"].rsplit(" - ", 1)[0]: row for row in hasil}
    best, cheapest = by_name["PT Ptmaju"], by_name["PT Ptjaya"]
    assert (best["skor_teknis"], best["skor_harga"], best["skor_akhir"]) == (90.0, 85.11, 88.53)
    assert (cheapest["skor_teknis"], cheapest["skor_harga"], cheapest["skor_akhir"]) == (
        72.0,
        100.0,
        80.4,
    )
    assert best["evaluasi_teknis"] == 1
    assert best["penawaran"] == 940_000_000.0
    assert best["pemenang"] is True
    assert cheapest["pemenang"] is False
    assert cheapest["penawaran_terkoreksi"] == 800_000_000.0
    assert pemenang is not None
    assert pemenang[0]["nama_pemenang"] == "PT Ptmaju"
    assert pemenang[0]["harga_penawaran"] == 940_000_000.0
