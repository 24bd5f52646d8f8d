"""Tender Cepat over real HTTP: the pokja chooses it on 'Paket Baru', a vendor without verified
SIKaP data is refused at 'Ikut Tender' until it completes Data Penyedia and synchronises SIKaP,
the pokja fixes the lowest price as winner on the ranking page, and pyproc reads the winner."""

from __future__ import annotations

from datetime import date

from pyproc.lpse import Lpse
from spse_web import UPLOAD_STAGE, Browser, World, page_text, tender_id_from

from spse_shared.messages import MessageCatalog
from spse_shared.profile import PENETAPAN_STAGE, PENGUMUMAN_PEMENANG_STAGE

MESSAGES = MessageCatalog()
HPS = 950_000_000
OPENING = "Pembukaan dan Evaluasi Penawaran"


def create_cepat(pokja: Browser, **changes: str) -> object:
    fields = {
        "name": "Pengadaan Laptop Dinas",
        "satker": "Dinas Kominfo",
        "jenis_pengadaan": "0",
        "pagu": "1.000.000.000",
        "hps": "950.000.000",
        "lokasi": "Surakarta",
        "metode": "tender-cepat",
        **changes,
    }
    return pokja.post_form("/pokja/paket/baru", fields)


def fill_data_penyedia(vendor: Browser, today: date) -> None:
    """The records SIKaP needs, through the Data Penyedia forms."""
    forms = {
        "izin_usaha": {
            "jenis": "SIUP",
            "nomor": "503/123",
            "instansi": "DPMPTSP Kota Surakarta",
            "kualifikasi": "Kecil",
            "berlaku_sampai": "",
        },
        "akta": {"jenis": "Pendirian", "nomor": "12", "tanggal": "2015-01-05", "notaris": "N"},
        "pengurus": {"nama": "Budi", "nik": "3372010101800001", "jabatan": "Direktur"},
        "pajak": {
            "jenis": "SPT Tahunan",
            "tahun": str(today.year - 1),
            "nomor": "S-1",
            "tanggal": today.isoformat(),
        },
    }
    for kind, form in forms.items():
        saved = vendor.post_form(f"/penyedia/data?jenis={kind}", form)
        assert saved.status_code == 303, page_text(saved)


def record_openings(world: World, tender_id: str) -> None:
    for offer in world.sim.offers(tender_id):
        response = world.pokja.http.post(
            f"/eproc4/lelang/{tender_id}/pembukaan/{offer['offer_id']}",
            json={"code": "dibuka", "signer_subject": "CN=Direktur", "files": ["a.pdf"]},
            headers={"x-authenticity-token": world.pokja.token()},
        )
        assert response.json()["ok"], response.text


def offer(world: World, vendor: Browser, vendor_id: str, tender_id: str, price: int) -> None:
    body = vendor.sealed(tender_id, b"penawaran harga " + vendor_id.encode())
    assert vendor.upload(tender_id, body).json()["ok"]
    world.sim.call(
        "POST",
        "/arrange/price",
        {"tender_id": tender_id, "vendor_id": vendor_id, "price_rupiah": price},
    )


def test_a_consultancy_package_cannot_run_tender_cepat(world: World) -> None:
    refused = create_cepat(world.pokja, jenis_pengadaan="1")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "Metode Tender Cepat tidak dapat digunakan untuk jenis pengadaan" in page_text(
        refused  # type: ignore[arg-type]
    )


def test_tender_cepat_from_sikap_to_the_lowest_price(world: World) -> None:
    tender = tender_id_from(create_cepat(world.pokja))  # type: ignore[arg-type]
    announcement = page_text(world.pokja.get(f"/lelang/{tender}/pengumumanlelang"))
    assert "Tender Cepat" in announcement

    # Without verified SIKaP data the vendor cannot join; synchronising incomplete data names
    # what is missing.
    refused = world.vendor_a.join(tender)
    location = refused.headers["location"].removeprefix("/eproc4")
    assert location.startswith(f"/lelang/{tender}/pengumumanlelang")
    shown = page_text(world.vendor_a.get(location))
    assert MESSAGES.text("tender_cepat.sikap_wajib") in shown
    peserta = page_text(world.pokja.get(f"/lelang/{tender}/peserta"))
    assert MESSAGES.text("peserta.belum_ada") in peserta
    synced = world.vendor_a.post_form("/penyedia/sikap", {})
    incomplete = page_text(world.vendor_a.get(synced.headers["location"].removeprefix("/eproc4")))
    assert "Data SIKaP belum lengkap: Izin Usaha yang masih berlaku, Akta Pendirian" in incomplete
    assert "Belum lengkap/belum terverifikasi" in incomplete

    today = date.fromisoformat(str(world.sim.call("GET", "/clock")["now_wib"])[:10])
    for vendor in (world.vendor_a, world.vendor_b):
        fill_data_penyedia(vendor, today)
        assert vendor.post_form("/penyedia/sikap", {}).status_code == 303
        assert "Lengkap, terverifikasi" in page_text(vendor.get("/penyedia/data"))
        assert vendor.join(tender).status_code == 303
    peserta = page_text(world.pokja.get(f"/lelang/{tender}/peserta"))
    assert "PT Ptmaju" in peserta
    assert "PT Ptjaya" in peserta

    world.sim.to_stage(tender, UPLOAD_STAGE)
    offer(world, world.vendor_a, "ptmaju", tender, 910_000_000)
    offer(world, world.vendor_b, "ptjaya", tender, 880_000_000)
    world.sim.to_stage(tender, OPENING)
    record_openings(world, tender)

    ranking = page_text(world.pokja.get(f"/lelang/{tender}/tendercepat"))
    assert ranking.index("PT Ptjaya") < ranking.index("PT Ptmaju")
    early = world.pokja.post_form(f"/lelang/{tender}/tendercepat/penetapan", {})
    assert early.status_code == 400
    assert "Pemenang belum dapat ditetapkan" in page_text(early)
    world.sim.to_stage(tender, PENETAPAN_STAGE)
    fixed = world.pokja.post_form(f"/lelang/{tender}/tendercepat/penetapan", {})
    assert fixed.status_code == 303
    assert "PT Ptjaya ditetapkan sebagai pemenang dengan harga Rp 880.000.000,00" in page_text(
        world.pokja.get(fixed.headers["location"].removeprefix("/eproc4"))
    )
    assert "Pengumuman Pemenang" in page_text(world.vendor_a.get("/dashboard"))
    # No Masa Sanggah in a Tender Cepat: a sanggahan gets SPSE's message, not a server error.
    objection = world.vendor_a.post_form(f"/lelang/{tender}/sanggah", {"isi": "Keberatan."})
    assert 400 <= objection.status_code < 500
    assert "Jadwal tender ini tidak memiliki tahap Masa Sanggah" in page_text(objection)

    world.sim.to_stage(tender, PENGUMUMAN_PEMENANG_STAGE, plus_seconds=60)
    with Lpse("fake") as lpse:
        lpse.url = world.server.url + "/eproc4"
        detil = lpse.detil_paket_tender(tender)
        pengumuman = detil.get_pengumuman()
        pemenang = detil.get_pemenang()
    assert pengumuman["kode_tender"] == tender
    assert pengumuman["metode_pengadaan"] == "Tender Cepat"
    assert pemenang is not None
    assert pemenang[0]["nama_pemenang"] == "PT Ptjaya"
    assert pemenang[0]["harga_penawaran"] == 880_000_000.0


def test_a_tender_cepat_with_one_offer_fails(world: World) -> None:
    tender = tender_id_from(create_cepat(world.pokja))  # type: ignore[arg-type]
    today = date.fromisoformat(str(world.sim.call("GET", "/clock")["now_wib"])[:10])
    fill_data_penyedia(world.vendor_a, today)
    assert world.vendor_a.post_form("/penyedia/sikap", {}).status_code == 303
    assert world.vendor_a.join(tender).status_code == 303
    world.sim.to_stage(tender, UPLOAD_STAGE)
    offer(world, world.vendor_a, "ptmaju", tender, 500_000_000)
    world.sim.to_stage(tender, OPENING)
    record_openings(world, tender)
    world.sim.to_stage(tender, PENETAPAN_STAGE)
    failed = world.pokja.post_form(f"/lelang/{tender}/tendercepat/penetapan", {})
    assert failed.status_code == 303
    announcement = page_text(world.pokja.get(f"/lelang/{tender}/pengumumanlelang"))
    assert "Tender Gagal" in announcement
    assert "Peserta yang menyampaikan penawaran harga kurang dari 2 (dua)" in announcement
    assert "Pengumuman Tender Gagal" in page_text(world.vendor_a.get("/dashboard"))
    again = world.pokja.post_form(f"/lelang/{tender}/tendercepat/penetapan", {})
    assert MESSAGES.text("tender.sudah_gagal") in page_text(again)
