"""The service layer (fake_spse.lpse.Lpse) without HTTP: accounts, AMS, tenders, offers."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from offer_bodies import envelope_of_size

from fake_spse.app import build_lpse
from fake_spse.domain.accounts import Account, AccountStatus, Role, VendorRegistration
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.domain.tenders import Tender, TenderDraft
from fake_spse.lpse import Lpse, Receipt, UploadCut, UploadProblems
from fake_spse.settings import Settings
from fake_spse.web.common import wib
from spse_shared.messages import MessageCatalog
from spse_shared.profile import OPENING_STAGE, UPLOAD_STAGE
from spse_shared.run_sync import run_sync

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 08:00 WIB
PDF_LETTER = b"%PDF-1.4\n% surat rekomendasi\n%%EOF\n"
MakeCsr = Callable[..., str]
MESSAGES = MessageCatalog()


@pytest.fixture
def lpse(tmp_path: Path) -> Lpse:
    return build_lpse(Settings(data_dir=tmp_path, clock_start=START))


def registration(**changes: str) -> VendorRegistration:
    fields = {
        "user_id": "ptmaju",
        "password": "rahasia123",
        "password_confirm": "rahasia123",
        "company": "PT Maju Jaya",
        "npwp": "01.234.567.8-901.000",
        "email": "admin@majujaya.co.id",
        "address": "Jl. Slamet Riyadi No. 1, Surakarta",
        "phone": "0271-123456",
        "director": "Budi Santoso",
    }
    return VendorRegistration(**{**fields, **changes})


def add_account(
    lpse: Lpse,
    user_id: str,
    role: Role,
    status: AccountStatus = AccountStatus.AKTIF,
) -> Account:
    """An account stored directly, without scrypt (its password never matches)."""
    account = Account(
        user_id=user_id,
        role=role,
        name=f"Nama {user_id}",
        email=f"{user_id}@contoh.co.id",
        password_hash="-",
        status=status,
        created_at=lpse.clock.now(),
        company=f"PT {user_id.title()}" if role is Role.PENYEDIA else "",
        npwp="01.234.567.8-901.000" if role is Role.PENYEDIA else "",
        address=f"Jl. {user_id.title()} No. 1" if role is Role.PENYEDIA else "",
        phone="0271-1",
        director=f"Direktur {user_id}" if role is Role.PENYEDIA else "",
    )
    lpse.db.add_account(account)
    return account


def keys(error: DomainError) -> list[str]:
    problems = error.problems if isinstance(error, UploadProblems) else [error]
    return [p.key for p in problems]


def blob_files(lpse: Lpse, tmp_path: Path) -> set[Path]:
    root = tmp_path / "blobs"
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def draft(**changes: object) -> TenderDraft:
    fields: dict[str, object] = {
        "name": "Pembangunan Jalan Desa",
        "instansi": "Pemerintah Kota Surakarta",
        "satker": "Dinas Pekerjaan Umum",
        "jenis_pengadaan": 2,
        "pagu": 1_000_000_000,
        "hps": 950_000_000,
        "lokasi": "Surakarta",
        "tahun": 2026,
    }
    return TenderDraft(**{**fields, **changes})  # type: ignore[arg-type]


def certify(lpse: Lpse, account: Account, make_csr: MakeCsr) -> None:
    lpse.register_ams(
        account, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr(account.name)
    )


async def _chunks(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def sealed_body(lpse: Lpse, tender_id: str, size: int) -> bytes:
    """An offer SPSE accepts (an EnvelopedData to the tender's pokja) of ``size`` bytes, or
    of the smallest such size when ``size`` is smaller."""
    pems = lpse.offer_recipients(lpse.tender(tender_id))
    return envelope_of_size(pems, size)


def upload(lpse: Lpse, vendor: Account, tender_id: str, *chunks: bytes) -> Receipt:
    """Send an offer in chunks of the sizes of ``chunks`` (the last one takes any rest): an
    accepted offer body of their total size, or no bytes at all when they are empty."""
    total = sum(map(len, chunks))
    if total:
        body, cut, start = sealed_body(lpse, tender_id, total), [], 0
        for chunk in chunks[:-1]:
            cut.append(body[start : start + len(chunk)])
            start += len(chunk)
        chunks = (*cut, body[start:])
    return run_sync(lpse.receive_offer(vendor, tender_id, _chunks(*chunks)))


# accounts -------------------------------------------------------------------------------------
def test_registration_reports_every_problem_at_once(lpse: Lpse) -> None:
    form = registration(
        user_id="1x", company=" ", email="bukan-email", npwp="123", password="pendek"
    )
    with pytest.raises(UploadProblems) as caught:
        lpse.register_vendor(form)
    assert sorted(keys(caught.value)) == sorted(
        [
            "registrasi.wajib_diisi",
            "registrasi.user_id_tidak_valid",
            "registrasi.email_tidak_valid",
            "registrasi.npwp_tidak_valid",
            "registrasi.password_pendek",
        ]
    )
    wajib = caught.value.problems[0]
    assert MESSAGES.text(wajib.key, **wajib.params) == "Nama perusahaan wajib diisi."
    assert lpse.db.accounts() == []


def test_registration_refuses_a_taken_user_id_and_email_together(lpse: Lpse) -> None:
    lpse.register_vendor(registration())
    again = registration(email="ADMIN@majujaya.co.id", npwp="09.876.543.2-109.000")
    with pytest.raises(UploadProblems) as caught:
        lpse.register_vendor(again)
    assert keys(caught.value) == ["registrasi.user_id_dipakai", "registrasi.email_dipakai"]
    texts = [MESSAGES.text(p.key, **p.params) for p in caught.value.problems]
    assert texts == [
        "User ID ptmaju sudah digunakan.",
        "Email ADMIN@majujaya.co.id sudah terdaftar.",
    ]
    assert [a.user_id for a in lpse.db.accounts()] == ["ptmaju"]


def test_a_new_vendor_waits_for_verification_and_cannot_log_in(lpse: Lpse) -> None:
    account = lpse.register_vendor(registration())
    assert account.status is AccountStatus.MENUNGGU_VERIFIKASI
    with pytest.raises(DomainError) as caught:
        lpse.authenticate("ptmaju", "rahasia123")
    assert caught.value.key == "login.belum_diverifikasi"
    with pytest.raises(DomainError) as wrong:
        lpse.authenticate("ptmaju", "salah-sekali")
    assert wrong.value.key == "login.gagal"
    assert lpse.adp.records() == []


def test_verification_activates_the_vendor_and_registers_it_in_adp(lpse: Lpse) -> None:
    lpse.register_vendor(registration())
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    active = lpse.verify_vendor(verifier, "ptmaju")
    assert active.status is AccountStatus.AKTIF
    assert active.verified_by == "verif"
    assert active.verified_at == START
    assert lpse.account("ptmaju").status is AccountStatus.AKTIF
    record = lpse.adp.lookup("ptmaju")
    assert record is not None
    assert record.home_lpse == lpse.settings.lpse_name
    assert record.npwp == "01.234.567.8-901.000"
    assert lpse.authenticate("ptmaju", "rahasia123").user_id == "ptmaju"
    with pytest.raises(DomainError) as again:
        lpse.verify_vendor(verifier, "ptmaju")
    assert again.value.key == "verifikasi.sudah_aktif"


def test_adp_down_leaves_the_vendor_inactive(lpse: Lpse) -> None:
    lpse.register_vendor(registration())
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    lpse.faults.arm("adp.down", times=1)
    with pytest.raises(DomainError) as caught:
        lpse.verify_vendor(verifier, "ptmaju")
    assert caught.value.key == "adp.tidak_tersedia"
    assert lpse.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI
    assert lpse.adp.records() == []
    assert [f.name for f in lpse.faults.firings()] == ["adp.down"]
    # ADP is back: the verifikator simply tries again.
    assert lpse.verify_vendor(verifier, "ptmaju").status is AccountStatus.AKTIF


def test_only_verifikator_or_admin_verifies(lpse: Lpse) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    add_account(lpse, "ptmaju", Role.PENYEDIA, AccountStatus.MENUNGGU_VERIFIKASI)
    with pytest.raises(Forbidden):
        lpse.verify_vendor(pokja, "ptmaju")
    verifier = add_account(lpse, "verif", Role.VERIFIKATOR)
    with pytest.raises(NotFound):
        lpse.verify_vendor(verifier, "pokja1")
    with pytest.raises(NotFound):
        lpse.verify_vendor(verifier, "tidakada")
    assert lpse.account("ptmaju").status is AccountStatus.MENUNGGU_VERIFIKASI


# AMS ------------------------------------------------------------------------------------------
def _nothing_recorded(lpse: Lpse, tmp_path: Path, user_id: str) -> None:
    assert lpse.db.certificates(user_id) == []
    assert lpse.db.ams_requests(user_id) == []
    assert lpse.ca.issued(user_id) == []
    assert lpse.certificate_of(user_id) is None
    assert blob_files(lpse, tmp_path) == set()


@pytest.mark.parametrize(
    ("letter_name", "letter", "expected"),
    [
        ("", b"", ("ams.surat_wajib", {})),
        ("surat.docx", PDF_LETTER, ("ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"})),
        ("surat.pdf", b"", ("ams.surat_kosong", {})),
        ("surat.pdf", b"%" * (5 * 2**20 + 1), ("ams.surat_besar", {"max_mb": 5})),
    ],
)
def test_ams_refuses_a_bad_letter_and_records_nothing(
    lpse: Lpse,
    tmp_path: Path,
    make_csr: MakeCsr,
    letter_name: str,
    letter: bytes,
    expected: tuple[str, dict[str, object]],
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(UploadProblems) as caught:
        lpse.register_ams(vendor, letter_name=letter_name, letter=letter, csr_pem=make_csr())
    [problem] = caught.value.problems
    assert (problem.key, problem.params) == expected
    _nothing_recorded(lpse, tmp_path, "ptmaju")


def test_ams_accepts_a_letter_of_exactly_the_maximum_size(lpse: Lpse, make_csr: MakeCsr) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    letter = b"%" * lpse.profile.ams_letter_max_bytes
    lpse.register_ams(vendor, letter_name="SURAT.PDF", letter=letter, csr_pem=make_csr())
    assert lpse.certificate_of("ptmaju") is not None


def test_ams_reports_letter_and_csr_problems_together(lpse: Lpse, tmp_path: Path) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(UploadProblems) as caught:
        lpse.register_ams(vendor, letter_name="surat.exe", letter=b"MZ", csr_pem="bukan csr")
    assert keys(caught.value) == ["ams.surat_jenis", "ams.csr_tidak_valid"]
    _nothing_recorded(lpse, tmp_path, "ptmaju")


@pytest.mark.parametrize("problem", ["weak_key", "no_common_name"])
def test_ams_refuses_a_csr_the_ca_rejects(
    lpse: Lpse, tmp_path: Path, make_csr: MakeCsr, problem: str
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    if problem == "weak_key":
        weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
        csr = make_csr(key=weak)
    else:
        csr = make_csr(common_name="")
    with pytest.raises(DomainError) as caught:
        lpse.register_ams(vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=csr)
    assert caught.value.key == "ams.csr_tidak_valid"
    _nothing_recorded(lpse, tmp_path, "ptmaju")


def test_ams_with_the_ca_down_records_nothing(
    lpse: Lpse, tmp_path: Path, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    lpse.faults.arm("ca.down")
    with pytest.raises(DomainError) as caught:
        lpse.register_ams(vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr())
    assert caught.value.key == "ams.ca_tidak_tersedia"
    assert MESSAGES.text(caught.value.key).startswith("Layanan Balai Sertifikasi Elektronik")
    _nothing_recorded(lpse, tmp_path, "ptmaju")
    assert [(f.name, f.actor) for f in lpse.faults.firings()] == [("ca.down", "ptmaju")]


def test_ams_records_the_certificate_and_the_letter(
    lpse: Lpse, tmp_path: Path, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    record = lpse.register_ams(
        vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr("Budi Santoso")
    )
    assert "CN=Budi Santoso" in record.subject
    assert "ptmaju" in record.subject
    assert record.not_before == START
    assert record.not_after == START + timedelta(days=lpse.profile.certificate_validity_days)
    assert lpse.db.certificates("ptmaju") == [record]
    assert lpse.certificate_of("ptmaju") == record
    [request] = lpse.db.ams_requests("ptmaju")
    assert (request.status, request.serial, request.letter_name) == (
        "diterbitkan",
        record.serial,
        "surat.pdf",
    )
    assert lpse.blobs.path(request.letter_blob).read_bytes() == PDF_LETTER
    assert [r.serial for r in lpse.ca.issued("ptmaju")] == [int(record.serial)]


def test_a_revoked_or_expired_certificate_is_no_longer_current(
    lpse: Lpse, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    certify(lpse, vendor, make_csr)
    certificate = lpse.certificate_of("ptmaju")
    assert certificate is not None
    lpse.clock.advance(timedelta(days=1))
    lpse.ca.revoke(int(certificate.serial))
    assert lpse.certificate_of("ptmaju") is None

    other = add_account(lpse, "ptlain", Role.PENYEDIA)
    certify(lpse, other, make_csr)
    lpse.clock.advance(timedelta(days=lpse.profile.certificate_validity_days))
    assert lpse.certificate_of("ptlain") is None


# tenders --------------------------------------------------------------------------------------
def test_tender_needs_a_pokja_certificate_in_the_ca_profile(lpse: Lpse) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    with pytest.raises(UploadProblems) as caught:
        lpse.create_tender(pokja, draft(name=" ", hps=2_000_000_000))
    assert keys(caught.value) == [
        "registrasi.wajib_diisi",
        "tender.hps_melebihi_pagu",
        "tender.pokja_tanpa_sertifikat",
    ]
    assert lpse.tenders() == []


def test_tender_schedule_follows_the_profile(lpse: Lpse, make_csr: MakeCsr) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    tender = lpse.create_tender(pokja, draft())
    certificate = lpse.certificate_of("pokja1")
    assert certificate is not None
    assert tender.recipient_certificates == (certificate.pem,)
    windows = tender.schedule.windows
    assert [(w.name, w.end - w.start) for w in windows] == [
        (s.name, timedelta(hours=s.hours)) for s in lpse.profile.schedule
    ]
    assert windows[0].start == START
    assert all(a.end == b.start for a, b in itertools.pairwise(windows))
    assert lpse.tender(tender.tender_id) == tender
    second = lpse.create_tender(pokja, draft(name="Paket Kedua"))
    assert int(second.tender_id) == int(tender.tender_id) + 1


def test_tender_in_the_nonca_profile_needs_no_certificate(tmp_path: Path) -> None:
    nonca = build_lpse(Settings(data_dir=tmp_path, profile="spse-4.3-nonca", clock_start=START))
    pokja = add_account(nonca, "pokja1", Role.POKJA)
    tender = nonca.create_tender(pokja, draft())
    assert tender.recipient_certificates == ()


def test_only_a_pokja_creates_tenders(lpse: Lpse) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(Forbidden):
        lpse.create_tender(vendor, draft())
    with pytest.raises(NotFound):
        lpse.tender("99999999")


# offers ---------------------------------------------------------------------------------------
@pytest.fixture
def tender(lpse: Lpse, make_csr: MakeCsr) -> Tender:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    certify(lpse, pokja, make_csr)
    return lpse.create_tender(pokja, draft())


@pytest.fixture
def vendor(lpse: Lpse, tender: Tender, make_csr: MakeCsr) -> Account:
    account = add_account(lpse, "ptmaju", Role.PENYEDIA)
    certify(lpse, account, make_csr)
    lpse.join_tender(account, tender.tender_id)
    return account


def to_stage(lpse: Lpse, tender: Tender, stage: str, *, edge: str = "start") -> None:
    window = tender.schedule.window(stage)
    lpse.clock.set(window.start if edge == "start" else window.end)


def _offer_files(lpse: Lpse, tmp_path: Path) -> set[Path]:
    """Blob files other than the pokja's AMS letter."""
    letters = {
        lpse.blobs.path(r.letter_blob)
        for a in lpse.db.accounts()
        for r in lpse.db.ams_requests(a.user_id)
    }
    return blob_files(lpse, tmp_path) - letters


def _nothing_stored(lpse: Lpse, tmp_path: Path, tender: Tender) -> None:
    assert lpse.db.offers(tender.tender_id, current_only=False) == []
    assert _offer_files(lpse, tmp_path) == set()


def test_upload_before_the_window_is_refused(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    assert caught.value.key == "penawaran.belum_dibuka"
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_after_the_deadline_is_refused(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    deadline = tender.schedule.window(UPLOAD_STAGE).end
    assert (caught.value.key, caught.value.params) == ("penawaran.ditutup", {"deadline": deadline})
    assert "09 Maret 2026 08:00 WIB" in MESSAGES.text("penawaran.ditutup", deadline=wib(deadline))
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_finishing_after_the_deadline_is_not_kept(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    window = tender.schedule.window(UPLOAD_STAGE)
    lpse.clock.set(window.end - timedelta(seconds=1))

    async def slow_body() -> AsyncIterator[bytes]:
        yield b"first half "
        lpse.clock.advance(timedelta(seconds=2))
        yield b"second half"

    with pytest.raises(DomainError) as caught:
        run_sync(lpse.receive_offer(vendor, tender.tender_id, slow_body()))
    assert caught.value.key == "penawaran.ditutup"
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_by_a_non_participant_is_refused(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    outsider = add_account(lpse, "ptlain", Role.PENYEDIA)
    with pytest.raises(Forbidden) as caught:
        upload(lpse, outsider, tender.tender_id, b"sealed")
    assert caught.value.key == "penawaran.bukan_peserta"
    pokja = lpse.account("pokja1")
    with pytest.raises(Forbidden):
        upload(lpse, pokja, tender.tender_id, b"sealed")
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_returns_a_receipt_and_keeps_the_bytes(
    lpse: Lpse, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = sealed_body(lpse, tender.tender_id, 5000)
    receipt = run_sync(lpse.receive_offer(vendor, tender.tender_id, _chunks(body[:7], body[7:])))
    offer = receipt.offer
    assert not receipt.replaced
    assert offer.sha256 == hashlib.sha256(body).hexdigest()
    assert offer.size == len(body)
    assert offer.received_at == lpse.clock.now()
    assert lpse.blobs.path(offer.blob_key).read_bytes() == body
    assert lpse.current_offer(vendor, tender.tender_id) == offer


def test_reupload_replaces_the_current_offer(lpse: Lpse, tender: Tender, vendor: Account) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    first = upload(lpse, vendor, tender.tender_id, b"versi pertama").offer
    lpse.clock.advance(timedelta(minutes=5))
    second = upload(lpse, vendor, tender.tender_id, b"versi kedua")
    assert second.replaced
    assert lpse.current_offer(vendor, tender.tender_id) == second.offer
    everything = lpse.db.offers(tender.tender_id, current_only=False)
    assert [(o.offer_id, o.current) for o in everything] == [
        (first.offer_id, False),
        (second.offer.offer_id, True),
    ]
    to_stage(lpse, tender, OPENING_STAGE)
    _, for_opening = lpse.offers_for_opening(lpse.account("pokja1"), tender.tender_id)
    assert for_opening == [second.offer]


@pytest.mark.parametrize(
    "chunks",
    [
        pytest.param([b"x" * 8] * 5, id="many-small-chunks"),
        pytest.param([b"x" * 40], id="one-chunk-past-the-cut"),
        pytest.param([b"x" * 4], id="shorter-than-the-cut"),
    ],
)
def test_upload_cut_keeps_nothing(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account, chunks: list[bytes]
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    lpse.faults.arm("upload.cut", times=1, params={"after_bytes": 10})
    with pytest.raises(UploadCut):
        upload(lpse, vendor, tender.tender_id, *chunks)
    _nothing_stored(lpse, tmp_path, tender)
    assert [f.name for f in lpse.faults.firings()] == ["upload.cut"]
    # The cut was for one upload only: sending again works.
    assert upload(lpse, vendor, tender.tender_id, *chunks).offer.size >= sum(map(len, chunks))


def test_upload_too_large_keeps_nothing(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    lpse.profile = replace(lpse.profile, upload_max_bytes=2 * 2**20)
    to_stage(lpse, tender, UPLOAD_STAGE)
    chunk = b"z" * 2**20
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, chunk, chunk, b"z")
    assert (caught.value.key, caught.value.params) == ("penawaran.terlalu_besar", {"max_mb": 2})
    _nothing_stored(lpse, tmp_path, tender)
    assert upload(lpse, vendor, tender.tender_id, chunk, chunk).offer.size == 2 * 2**20


def test_empty_upload_is_refused(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id)
    assert caught.value.key == "penawaran.kosong"
    with pytest.raises(DomainError):
        upload(lpse, vendor, tender.tender_id, b"", b"")
    _nothing_stored(lpse, tmp_path, tender)


def test_upload_fail_next_keeps_nothing(
    lpse: Lpse, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    lpse.faults.arm("upload.fail_next", times=1)
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender.tender_id, b"sealed")
    assert caught.value.key == "error.umum"
    _nothing_stored(lpse, tmp_path, tender)


def test_join_is_closed_after_the_upload_stage(lpse: Lpse, tender: Tender) -> None:
    late = add_account(lpse, "ptlambat", Role.PENYEDIA)
    to_stage(lpse, tender, UPLOAD_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        lpse.join_tender(late, tender.tender_id)
    assert caught.value.key == "tender.pendaftaran_ditutup"
    assert not lpse.is_participant("ptlambat", tender.tender_id)


def test_joining_twice_is_refused(lpse: Lpse, tender: Tender, vendor: Account) -> None:
    with pytest.raises(DomainError) as caught:
        lpse.join_tender(vendor, tender.tender_id)
    assert caught.value.key == "tender.sudah_ikut"


# opening --------------------------------------------------------------------------------------
def test_opening_waits_for_the_opening_stage(lpse: Lpse, tender: Tender) -> None:
    pokja = lpse.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    with pytest.raises(DomainError) as caught:
        lpse.offers_for_opening(pokja, tender.tender_id)
    start = tender.schedule.window(OPENING_STAGE).start
    assert (caught.value.key, caught.value.params) == ("pembukaan.belum_waktunya", {"start": start})
    to_stage(lpse, tender, OPENING_STAGE)
    assert lpse.offers_for_opening(pokja, tender.tender_id) == (tender, [])


def test_opening_is_for_the_tenders_own_pokja(lpse: Lpse, tender: Tender, vendor: Account) -> None:
    other = add_account(lpse, "pokja2", Role.POKJA)
    to_stage(lpse, tender, OPENING_STAGE)
    with pytest.raises(Forbidden) as caught:
        lpse.offers_for_opening(other, tender.tender_id)
    assert caught.value.key == "pembukaan.bukan_pokja"
    with pytest.raises(Forbidden):
        lpse.offers_for_opening(vendor, tender.tender_id)


def test_record_opening(lpse: Lpse, tender: Tender, vendor: Account) -> None:
    pokja = lpse.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = sealed_body(lpse, tender.tender_id, 2000)
    offer = run_sync(lpse.receive_offer(vendor, tender.tender_id, _chunks(body))).offer
    to_stage(lpse, tender, OPENING_STAGE)
    found, path = lpse.offer_file(pokja, tender.tender_id, offer.offer_id)
    assert (found, path.read_bytes()) == (offer, body)

    with pytest.raises(DomainError) as caught:
        lpse.record_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka-ok", signer_subject="", files=()
        )
    assert caught.value.key == "pembukaan.status_tidak_dikenal"
    assert lpse.opening(offer.offer_id) is None

    with pytest.raises(NotFound):
        lpse.record_opening(
            pokja, tender.tender_id, offer.offer_id + 99, code="dibuka", signer_subject="", files=()
        )

    result = lpse.record_opening(
        pokja,
        tender.tender_id,
        offer.offer_id,
        code="dibuka",
        signer_subject="CN=Budi Santoso",
        files=("dokumen/penawaran.pdf",),
    )
    assert result.succeeded
    assert lpse.opening(offer.offer_id) == result


def test_an_opening_result_is_recorded_once_and_corrected_only_on_purpose(
    lpse: Lpse, tender: Tender, vendor: Account
) -> None:
    pokja = lpse.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    offer = upload(lpse, vendor, tender.tender_id, b"sealed").offer
    to_stage(lpse, tender, OPENING_STAGE)

    def record(code: str, *, correction: bool = False) -> object:
        return lpse.record_opening(
            pokja,
            tender.tender_id,
            offer.offer_id,
            code=code,
            signer_subject="CN=Budi",
            files=("dokumen/a.pdf",),
            correction=correction,
        )

    first = record("dibuka")
    assert record("dibuka") == first  # a retry of the same result records nothing new
    with pytest.raises(DomainError) as caught:
        record("rusak")
    assert caught.value.key == "pembukaan.sudah_dicatat"
    assert lpse.opening(offer.offer_id) == first

    lpse.clock.advance(timedelta(minutes=10))
    corrected = record("rusak", correction=True)
    assert lpse.opening(offer.offer_id) == corrected
    assert lpse.db.opening_log(offer.offer_id) == [(first, False), (corrected, True)]


def test_no_opening_result_after_the_opening_stage(
    lpse: Lpse, tender: Tender, vendor: Account
) -> None:
    pokja = lpse.account("pokja1")
    to_stage(lpse, tender, UPLOAD_STAGE)
    offer = upload(lpse, vendor, tender.tender_id, b"sealed").offer
    to_stage(lpse, tender, OPENING_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        lpse.record_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka", signer_subject="", files=()
        )
    end = tender.schedule.window(OPENING_STAGE).end
    assert (caught.value.key, caught.value.params) == ("pembukaan.tahap_selesai", {"end": end})
    assert lpse.opening(offer.offer_id) is None
    assert lpse.db.opening_log(offer.offer_id) == []
