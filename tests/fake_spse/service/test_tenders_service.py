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
)

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import Forbidden, FormProblems, NotFound
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
