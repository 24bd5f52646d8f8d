"""Tenders (fake_spse.service.tenders) without HTTP: announcing a package with its schedule."""

from __future__ import annotations

import itertools
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from service_world import (
    START,
    LpseUnderTest,
    MakeCsr,
    add_account,
    certify,
    draft,
    keys,
    open_lpse,
    with_profile,
)

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems, NotFound
from fake_spse.domain.tender_codes import next_tender_code


def test_tender_needs_a_pokja_certificate_in_the_ca_profile(lpse: LpseUnderTest) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    with pytest.raises(FormProblems) as caught:
        lpse.tenders.create_tender(pokja, draft(name=" ", hps=2_000_000_000))
    assert keys(caught.value) == [
        "registrasi.wajib_diisi",
        "tender.hps_melebihi_pagu",
        "tender.pokja_tanpa_sertifikat",
    ]
    assert lpse.tenders.tenders() == []


def test_tender_schedule_follows_the_profile(lpse: LpseUnderTest, make_csr: MakeCsr) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    tender = lpse.tenders.create_tender(pokja, draft())
    certificate = lpse.certificates.certificate_of("pokja1")
    assert certificate is not None
    assert tender.recipient_certificates == (certificate.pem,)
    windows = tender.schedule.windows
    assert [(w.name, w.end - w.start) for w in windows] == [
        (s.name, timedelta(hours=s.hours)) for s in lpse.profile.schedule
    ]
    assert windows[0].start == START
    assert all(a.end == b.start for a, b in itertools.pairwise(windows))
    assert lpse.tenders.tender(tender.tender_id) == tender
    second = lpse.tenders.create_tender(pokja, draft(name="Paket Kedua"))
    assert second.tender_id == next_tender_code([tender.tender_id], "133")


@pytest.mark.parametrize(
    ("jenis", "method", "stages"),
    [
        (0, "Tender - Pascakualifikasi Satu File - Harga Terendah Sistem Gugur", 12),
        (2, "Tender - Pascakualifikasi Satu File - Harga Terendah Sistem Gugur", 12),
        (1, "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya", 21),
        (5, "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya", 21),
    ],
)
def test_jenis_pengadaan_picks_the_method_and_its_schedule(
    lpse: LpseUnderTest, make_csr: MakeCsr, jenis: int, method: str, stages: int
) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    tender = lpse.tenders.create_tender(pokja, draft(jenis_pengadaan=jenis))
    stored = lpse.tenders.tender(tender.tender_id)
    assert stored.metode == method
    assert stored.method == lpse.profile.method_for(jenis).key
    assert len(stored.schedule.windows) == stages
    names = [w.name for w in stored.schedule.windows]
    if stages == 21:
        assert names[0] == "Pengumuman Prakualifikasi"
        assert "Pembukaan dan Evaluasi Penawaran File II: Harga" in names
        assert stored.jenis_kontrak == "Waktu Penugasan"


def test_tender_in_the_nonca_profile_needs_no_certificate(tmp_path: Path) -> None:
    nonca = open_lpse(tmp_path, profile="spse-4.3-nonca")
    pokja = add_account(nonca, "pokja1", Role.POKJA)
    tender = nonca.tenders.create_tender(pokja, draft())
    assert tender.recipient_certificates == ()


def test_only_a_pokja_creates_tenders(lpse: LpseUnderTest) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(Forbidden):
        lpse.tenders.create_tender(vendor, draft())
    with pytest.raises(NotFound):
        lpse.tenders.tender("99999999")


def test_tenders_announced_at_once_get_distinct_ids(lpse: LpseUnderTest, make_csr: MakeCsr) -> None:
    """Each tender takes the next id in the same transaction that stores it."""
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    start = threading.Barrier(2)
    created: list[str] = []

    def announce() -> None:
        start.wait()
        for number in range(4):
            tender = lpse.tenders.create_tender(pokja, draft(name=f"Paket {number}"))
            created.append(tender.tender_id)

    threads = [threading.Thread(target=announce) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Kode tender in SPSE 4's shape: the running number, then this LPSE's code.
    assert sorted(created) == [f"{10_000_001 + n}133" for n in range(8)]
    assert len(lpse.tenders.tenders()) == 8


def test_tender_cepat_only_where_the_profile_offers_it(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    cepat = lpse.tenders.create_tender(pokja, draft(jenis_pengadaan=0, metode="tender-cepat"))
    assert cepat.method == "tender-cepat"
    assert cepat.metode == "Tender Cepat"
    assert cepat.schedule.windows[0].name == "Pengumuman Tender Cepat"
    without = with_profile(
        lpse, methods={k: m for k, m in lpse.profile.methods.items() if k != "tender-cepat"}
    )
    with pytest.raises(FormProblems) as refused:
        without.tenders.create_tender(pokja, draft(jenis_pengadaan=0, metode="tender-cepat"))
    assert keys(refused.value) == ["tender.metode_tidak_tersedia"]
    assert len(lpse.tenders.tenders()) == 1


def test_only_vendors_with_verified_sikap_join_a_tender_cepat(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    cepat = lpse.tenders.create_tender(pokja, draft(jenis_pengadaan=0, metode="tender-cepat"))
    with pytest.raises(DomainError) as refused:
        lpse.tenders.join_tender(vendor, cepat.tender_id)
    assert refused.value.key == "tender_cepat.sikap_wajib"
    assert not lpse.tenders.is_participant("ptmaju", cepat.tender_id)
    # Synchronising incomplete Data Penyedia verifies nothing.
    with pytest.raises(DomainError) as incomplete:
        lpse.services.vendor_data.synchronise_sikap(vendor)
    assert incomplete.value.key == "sikap.belum_lengkap"
    assert not lpse.services.vendor_data.sikap_status(vendor).complete
    today = START.date()
    for kind, form in (
        ("izin_usaha", {"jenis": "SIUP", "nomor": "1", "instansi": "D", "kualifikasi": "K"}),
        ("akta", {"jenis": "Pendirian", "nomor": "2", "tanggal": "2015-01-05", "notaris": "N"}),
        ("pengurus", {"nama": "Budi", "nik": "3372010101800001", "jabatan": "Direktur"}),
        ("pajak", {"jenis": "SPT Tahunan", "tahun": "2025", "nomor": "3", "tanggal": f"{today}"}),
    ):
        lpse.services.vendor_data.add_record(vendor, kind, form)
    assert lpse.services.vendor_data.synchronise_sikap(vendor).verified_at == START
    lpse.tenders.join_tender(vendor, cepat.tender_id)
    assert lpse.tenders.is_participant("ptmaju", cepat.tender_id)
    # A tender of another method asks for no SIKaP data.
    other = add_account(lpse, "ptlain", Role.PENYEDIA)
    usual = lpse.tenders.create_tender(pokja, draft())
    lpse.tenders.join_tender(other, usual.tender_id)
