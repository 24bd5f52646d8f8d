"""After opening, over real HTTP: the pokja evaluates in the pages, fixes the winner, a
participant files a sanggahan (and one too late), the pokja answers; then pyproc, the scraper QA
people point at SPSE, reads the finished tender's public pages."""

from __future__ import annotations

from typing import Any

import pytest
from pyproc.cli import PACKAGE_TYPES
from pyproc.lpse import Lpse
from spse_web import OPENING_STAGE, UPLOAD_STAGE, Browser, World, page_text

from fake_spse.domain.evaluation import REASON_ABOVE_HPS
from spse_shared.messages import MessageCatalog
from spse_shared.profile import PENETAPAN_STAGE, SANGGAH_STAGE

MESSAGES = MessageCatalog()
HPS = 950_000_000


def offer_and_open(world: World, vendor: Browser, vendor_id: str, price: int) -> None:
    """``vendor`` sends a sealed offer, the pokja records it opened, SPSE knows its price."""
    body = vendor.sealed(world.tender_id, b"dokumen penawaran " + vendor_id.encode())
    assert vendor.upload(world.tender_id, body).json()["ok"]
    world.sim.call(
        "POST",
        "/arrange/price",
        {"tender_id": world.tender_id, "vendor_id": vendor_id, "price_rupiah": price},
    )


def record_openings(world: World) -> None:
    for offer in world.sim.offers(world.tender_id):
        response = world.pokja.http.post(
            f"/eproc4/lelang/{world.tender_id}/pembukaan/{offer['offer_id']}",
            json={"code": "dibuka", "signer_subject": "CN=Direktur", "files": ["a.pdf"]},
            headers={"x-authenticity-token": world.pokja.token()},
        )
        assert response.json()["ok"], response.text


def evaluate(world: World, vendor_id: str, **fields: str) -> Any:
    form = {
        "kualifikasi": "lulus",
        "administrasi": "lulus",
        "teknis": "lulus",
        "harga": "lulus",
        "alasan": "",
        **fields,
    }
    return world.pokja.post_form(f"/lelang/{world.tender_id}/evaluasi/{vendor_id}", form)


@pytest.fixture
def opened(world: World) -> World:
    """Both vendors offered (ptmaju above the HPS, ptjaya below) and the offers are opened."""
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    offer_and_open(world, world.vendor_a, "ptmaju", HPS + 1_000_000)
    offer_and_open(world, world.vendor_b, "ptjaya", 900_000_000)
    world.sim.to_stage(world.tender_id, OPENING_STAGE)
    record_openings(world)
    return world


def test_evaluation_is_refused_before_opening(world: World) -> None:
    refused = evaluate(world, "ptmaju")
    assert refused.status_code == 400
    assert "Evaluasi belum dapat dilakukan: penawaran belum dibuka" in page_text(refused)


def test_a_corrected_price_int_refuses_is_a_form_error_not_a_crash(opened: World) -> None:
    """Found by the every-route fuzz: Harga Terkoreksi was read with int() after
    str.isdigit(), which holds for "²": int() raised ValueError (a 500)."""
    for price in ("²", "9" * 5000):
        odd = evaluate(opened, "ptjaya", harga_terkoreksi=price)
        assert odd.status_code == 400
        assert MESSAGES.text("evaluasi.harga_koreksi_tidak_valid") in page_text(odd)


def test_a_finished_tender_read_by_pyproc(opened: World) -> None:
    world = opened
    tender = world.tender_id
    page = page_text(world.pokja.get(f"/lelang/{tender}/evaluasi"))
    assert "Rp 951.000.000,00" in page
    assert "Rp 900.000.000,00" in page

    # The price above the HPS fails harga even though the form says lulus.
    assert evaluate(world, "ptmaju").status_code == 303
    assert evaluate(world, "ptjaya").status_code == 303
    missing_reason = evaluate(world, "ptjaya", teknis="gugur")
    assert MESSAGES.text("evaluasi.alasan_wajib") in page_text(missing_reason)

    # The public sees no evaluation before Pengumuman Pemenang.
    hidden = page_text(world.vendor_a.get(f"/evaluasi/{tender}/hasil"))
    assert MESSAGES.text("evaluasi.belum_ada") in hidden

    invited = world.pokja.post_form(f"/lelang/{tender}/pembuktian/ptjaya/undang", {})
    assert invited.status_code == 303
    refused = world.pokja.post_form(f"/lelang/{tender}/pembuktian/ptmaju/undang", {})
    assert MESSAGES.text("pembuktian.belum_lulus") in page_text(refused)
    inbox = page_text(world.vendor_b.get("/dashboard"))
    assert "Undangan Pembuktian Kualifikasi" in inbox
    assert (
        world.pokja.post_form(f"/lelang/{tender}/pembuktian/ptjaya", {"hasil": "lulus"}).status_code
        == 303
    )

    early = world.pokja.post_form(f"/lelang/{tender}/penetapan", {})
    assert "Pemenang belum dapat ditetapkan" in page_text(early)
    world.sim.to_stage(tender, PENETAPAN_STAGE)
    assert world.pokja.post_form(f"/lelang/{tender}/penetapan", {}).status_code == 303

    # Masa Sanggah: the losing participant objects in time, then too late.
    world.sim.to_stage(tender, SANGGAH_STAGE, plus_seconds=60)
    filed = world.vendor_a.post_form(f"/lelang/{tender}/sanggah", {"isi": "Harga kami wajar."})
    assert filed.status_code == 303
    world.sim.to_stage(tender, SANGGAH_STAGE, edge="end")
    late = world.vendor_a.post_form(f"/lelang/{tender}/sanggah", {"isi": "Terlambat."})
    assert late.status_code == 400
    assert "Masa Sanggah telah berakhir pada" in page_text(late)
    sanggahan = world.pokja.get(f"/lelang/{tender}/evaluasi").text
    assert "Harga kami wajar." in sanggahan
    assert "Terlambat." not in sanggahan
    sanggah_id = sanggahan.split('data-sanggah="')[1].split('"')[0]
    answered = world.pokja.post_form(
        f"/lelang/{tender}/sanggah/{sanggah_id}/jawab", {"jawaban": "Sanggahan tidak diterima."}
    )
    assert answered.status_code == 303
    assert "Sanggahan tidak diterima." in page_text(world.vendor_a.get(f"/lelang/{tender}/sanggah"))
    assert "Jawaban Sanggahan" in page_text(world.vendor_a.get("/dashboard"))

    # After the last stage: Tender Sudah Selesai, the winner has a contract.
    world.sim.to_stage(tender, "Penandatanganan Kontrak", edge="end", plus_seconds=60)

    with Lpse("fake") as lpse:
        lpse.url = world.server.url + "/eproc4"
        detil = lpse.detil_paket_tender(tender)
        pengumuman = detil.get_pengumuman()
        peserta = detil.get_peserta()
        hasil = detil.get_hasil_evaluasi()
        pemenang = detil.get_pemenang()
        berkontrak = detil.get_pemenang_berkontrak()
        jadwal = detil.get_jadwal()
        listed = lpse.get_paket_tender(start=0, length=10)

    assert listed["recordsTotal"] == 1
    assert listed["data"][0][0] == int(tender)
    assert listed["data"][0][3] == "Tender Sudah Selesai"
    # pyproc's CLI reads the tahun anggaran of a tender row from column 8.
    assert listed["data"][0][PACKAGE_TYPES["tender"]["year_column"]] == "2026"

    assert pengumuman["kode_tender"] == tender
    assert pengumuman["tahap_tender_saat_ini"] == "Tender Sudah Selesai"
    assert pengumuman["nilai_hps_paket"] == float(HPS)
    assert pengumuman["peserta_tender"] == 2
    assert pengumuman["rencana_umum_pengadaan"][0]["nama_paket"] == "Pembangunan Jalan Desa"
    assert pengumuman["metode_pengadaan"] == (
        "Tender - Pascakualifikasi Satu File - Harga Terendah Sistem Gugur"
    )
    prices = {p["nama_peserta"]: p["harga_penawaran"] for p in peserta}
    assert prices == {"PT Ptmaju": "Rp 951.000.000,00", "PT Ptjaya": "Rp 900.000.000,00"}
    assert len(jadwal) == 12

    by_name = {row["nama_peserta"].rsplit(" - ", 1)[0]: row for row in hasil}
    loser, winner = by_name["PT Ptmaju"], by_name["PT Ptjaya"]
    assert loser["evaluasi_harga_biaya"] == 0
    assert loser["evaluasi_administrasi"] == 1
    assert loser["penawaran"] == float(HPS + 1_000_000)
    assert loser["pemenang"] is False
    assert loser["alasan"] == REASON_ABOVE_HPS
    assert winner["evaluasi_kualifikasi"] == 1
    assert winner["pembuktian_kualifikasi"] == 1
    assert winner["penawaran_terkoreksi"] == 900_000_000.0
    assert winner["pemenang"] is True
    assert winner["pemenang_berkontrak"] is True

    assert pemenang is not None
    assert pemenang[0]["nama_pemenang"] == "PT Ptjaya"
    assert pemenang[0]["npwp"] == "01.234.567.8-901.001"
    assert pemenang[0]["harga_penawaran"] == 900_000_000.0
    assert berkontrak is not None
    assert berkontrak[0]["nama_pemenang"] == "PT Ptjaya"


def test_no_passing_offer_means_tender_gagal(opened: World) -> None:
    world = opened
    tender = world.tender_id
    assert evaluate(world, "ptmaju").status_code == 303
    assert (
        evaluate(world, "ptjaya", teknis="gugur", alasan="Metode kerja tidak memenuhi").status_code
        == 303
    )
    world.sim.to_stage(tender, PENETAPAN_STAGE)
    assert world.pokja.post_form(f"/lelang/{tender}/penetapan", {}).status_code == 303
    announcement = page_text(world.pokja.get(f"/lelang/{tender}/pengumumanlelang"))
    assert "Tender Gagal" in announcement
    assert "Tidak ada peserta yang lulus evaluasi" in announcement
    assert "Pengumuman Tender Gagal" in page_text(world.vendor_a.get("/dashboard"))
    world.sim.to_stage(tender, SANGGAH_STAGE, plus_seconds=1)
    refused = world.vendor_a.post_form(f"/lelang/{tender}/sanggah", {"isi": "Mengapa?"})
    assert refused.status_code == 400
    winner_page = page_text(world.vendor_a.get(f"/evaluasi/{tender}/pemenang"))
    assert "Tender Gagal: Tidak ada peserta yang lulus evaluasi" in winner_page
