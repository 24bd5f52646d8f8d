"""``serve --demo``: the realistic LPSE a trainer starts, seeded through the service layer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from factories import START

from fake_spse.app import build_services
from fake_spse.domain.accounts import AccountStatus, Role
from fake_spse.service.services import Services
from fake_spse.settings import Settings
from simulator.demo.basic import KEYSTORE_PASSPHRASE, DemoLogin
from simulator.demo.classroom import seed_trainer_demo
from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.keystore import Keystore
from simulator.testdata.seed import DEFAULT_SEED


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Services, list[DemoLogin], Path]:
    data = tmp_path_factory.mktemp("demo")
    services = build_services(Settings(data_dir=data, clock_start=START))
    return services, seed_trainer_demo(services, DEFAULT_SEED, data / "desks"), data / "desks"


def test_the_clock_ends_at_the_demos_now(seeded: tuple[Services, list[DemoLogin], Path]) -> None:
    services, _, _ = seeded
    assert services.simulation.now() == START


def test_a_dozen_vendors_in_different_states(
    seeded: tuple[Services, list[DemoLogin], Path],
) -> None:
    services, _, _ = seeded
    vendors = services.accounts.vendors()
    assert len(vendors) == 12
    assert Counter(v.status for v in vendors) == {
        AccountStatus.AKTIF: 10,
        AccountStatus.MENUNGGU_VERIFIKASI: 2,
    }
    kinds = Counter(certificate_state(services, v.user_id) for v in vendors)
    assert kinds == {"berlaku": 7, "kedaluwarsa": 1, "dicabut": 1, "tidak ada": 3}


def certificate_state(services: Services, user_id: str) -> str:
    records = services.certificates.issued(user_id)
    if not records:
        return "tidak ada"
    [record] = records
    if record.revoked_at is not None and record.revoked_at <= START:
        return "dicabut"
    if record.not_after <= START:
        return "kedaluwarsa"
    assert services.certificates.certificate_of(user_id) is not None
    return "berlaku"


def test_staff_and_pokja_with_certificates(seeded: tuple[Services, list[DemoLogin], Path]) -> None:
    services, logins, _ = seeded
    roles = Counter(login.role for login in logins)
    assert roles == {"verifikator": 1, "helpdesk": 1, "pokja": 2, "penyedia": 12}
    pokja = [a for a in services.accounts.accounts() if a.role is Role.POKJA]
    assert len(pokja) == 2
    assert all(services.certificates.certificate_of(p.user_id) is not None for p in pokja)
    # Every login printed is one the LPSE knows, with the printed password.
    assert all(
        services.accounts.authenticate(x.user_id, x.password)
        for x in logins
        if x.role != "penyedia"
    )


def test_tenders_in_different_stages_with_offers_where_the_stage_has_them(
    seeded: tuple[Services, list[DemoLogin], Path],
) -> None:
    services, _, _ = seeded
    stages = {t.stage_name(START): t for t in services.tenders.tenders()}
    assert len(services.tenders.tenders()) == 10
    assert set(stages) == {
        "Pengumuman Pascakualifikasi",
        "Download Dokumen Pemilihan",
        "Upload Dokumen Penawaran",
        "Pembukaan Dokumen Penawaran",
        "Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga",
        "Masa Sanggah",
        "Tender Gagal",
        "Kirim Persyaratan Kualifikasi",
        "Pengumuman Pemenang",
    }
    seleksi = stages["Kirim Persyaratan Kualifikasi"]
    assert seleksi.metode == "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya"
    assert len(seleksi.schedule.windows) == 21
    uploads = [
        t for t in services.tenders.tenders() if t.stage_name(START) == "Upload Dokumen Penawaran"
    ]
    deadlines = sorted(t.schedule.window("Upload Dokumen Penawaran").end - START for t in uploads)
    assert [d.total_seconds() / 3600 for d in deadlines] == [2, 62]  # one closes soon
    assert not services.offers.offers(stages["Pengumuman Pascakualifikasi"].tender_id)
    assert len(services.offers.offers(stages["Pembukaan Dokumen Penawaran"].tender_id)) == 3


def test_the_offers_are_sealed_to_the_pokja_and_open_with_their_key(
    seeded: tuple[Services, list[DemoLogin], Path],
) -> None:
    services, _, desks = seeded
    tender = next(
        t
        for t in services.tenders.tenders()
        if t.stage_name(START) == "Pembukaan Dokumen Penawaran"
    )
    pokja = Keystore.open(desks / tender.created_by / "spamkodok.p12", KEYSTORE_PASSPHRASE)
    assert pokja.certificate is not None
    for offer in services.offers.offers(tender.tender_id):
        opened = cms.open_sealed(
            services.offers.stored_offer(tender.tender_id, offer.offer_id)[1].read_bytes(),
            recipient_key=pokja.private_key,
            recipient_certificate=pokja.certificate,
            trust_roots=services.certificates.chain()[-1:],
            crls=[services.certificates.crl()],
            receipt=cms.Receipt(
                sha256=offer.sha256, size=offer.size, received_at=offer.received_at
            ),
        )
        assert f"UID={offer.vendor_id}" in opened.signer_subject


def test_each_tender_has_the_state_its_stage_implies(
    seeded: tuple[Services, list[DemoLogin], Path],
) -> None:
    services, _, _ = seeded
    stages = {t.stage_name(START): t for t in services.tenders.tenders()}

    evaluating = services.evaluation.results(
        stages["Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga"].tender_id
    )
    assert len(evaluating) == 3
    assert all(r.opened and r.price_rupiah for r in evaluating)
    assert sum(r.evaluation is not None for r in evaluating) == 1

    sanggah = stages["Masa Sanggah"]
    winner = services.evaluation.announced_winner(sanggah.tender_id)
    assert winner is not None
    results = {r.vendor.user_id: r for r in services.evaluation.results(sanggah.tender_id)}
    assert results[winner.vendor_id].evaluation is not None
    assert winner.price_rupiah <= sanggah.hps
    assert any(r.evaluation and r.evaluation.harga is False for r in results.values())
    [filed] = services.evaluation.sanggahan(sanggah.tender_id)
    assert filed.vendor_id != winner.vendor_id
    assert filed.answer
    inbox = [m.subject for m in services.evaluation.inbox(filed.vendor_id)]
    assert "Jawaban Sanggahan" in inbox
    assert "Pengumuman Pemenang" in inbox

    failed = stages["Tender Gagal"]
    assert failed.failed_reason == "Tidak ada peserta yang lulus evaluasi"
    assert services.evaluation.winner(failed.tender_id) is None


def test_a_seleksi_at_pengumuman_pemenang_shows_its_scores(
    seeded: tuple[Services, list[DemoLogin], Path],
) -> None:
    """Kualitas dan Biaya in the dua file order: three bidders' File I scored 88, 74 and 65
    (below the passing grade: gugur, its File II stays sealed); File II opened for the two who
    passed; the best nilai akhir wins although it asked the most, and the public sees the
    scores."""
    services, _, _ = seeded
    seleksi = next(
        t for t in services.tenders.tenders() if t.stage_name(START) == "Pengumuman Pemenang"
    )
    assert seleksi.metode == "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya"
    results = services.evaluation.results(seleksi.tender_id)
    # In the order they offered: the best score first, the lowest last.
    best, second, low = by_score = results
    assert [r.opened for r in by_score] == [True, True, False]
    assert low.price_rupiah is None  # sealed
    assert [str(r.evaluation.nilai_teknis) for r in by_score if r.evaluation] == ["88", "74", "65"]
    assert low.evaluation is not None
    assert low.evaluation.teknis is False
    assert low.score is not None
    assert low.score.nilai_akhir is None
    assert best.score is not None
    assert second.score is not None
    assert second.score.nilai_biaya == 100
    assert (best.score.nilai_akhir or 0) > (second.score.nilai_akhir or 0)
    assert (best.price_rupiah or 0) > (second.price_rupiah or 0)
    assert low.offer is not None
    assert (second.price_rupiah or 0) > (low.offer.price_rupiah or 0)
    winner = services.evaluation.announced_winner(seleksi.tender_id)
    assert winner is not None
    assert winner.vendor_id == best.vendor.user_id
