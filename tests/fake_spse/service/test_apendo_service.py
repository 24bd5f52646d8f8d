"""The service layer's APENDO rules (SPSE NON CA), without HTTP: package key, .rhs upload,
release of the private key at opening, and the opening results."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from offer_bodies import envelope
from service_world import LpseUnderTest, build_lpse

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.tenders import Tender, TenderDraft
from fake_spse.service.offers import Receipt
from fake_spse.settings import Settings
from spse_shared.profile import OPENING_STAGE, UPLOAD_STAGE
from spse_shared.run_sync import run_sync

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 08:00 WIB
OFFER = b"penawaran APENDO " * 20


def make_lpse(tmp_path: Path, profile: str) -> LpseUnderTest:
    return build_lpse(Settings(data_dir=tmp_path, profile=profile, clock_start=START))


@pytest.fixture
def lpse(tmp_path: Path) -> LpseUnderTest:
    return make_lpse(tmp_path, "spse-4.3-nonca")


def add_account(lpse: LpseUnderTest, user_id: str, role: Role) -> Account:
    account = Account(
        user_id=user_id,
        role=role,
        name=f"Nama {user_id}",
        email=f"{user_id}@contoh.co.id",
        password_hash="-",
        status=AccountStatus.AKTIF,
        created_at=lpse.clock.now(),
        company=f"PT {user_id.title()}" if role is Role.PENYEDIA else "",
        npwp="01.234.567.8-901.000" if role is Role.PENYEDIA else "",
        address="Jl. Slamet Riyadi No. 1" if role is Role.PENYEDIA else "",
        phone="0271-1",
        director=f"Direktur {user_id}" if role is Role.PENYEDIA else "",
    )
    lpse.db.add_account(account)
    return account


def draft() -> TenderDraft:
    return TenderDraft(
        name="Rehabilitasi Gedung Sekolah",
        instansi="Pemerintah Kota Surakarta",
        satker="Dinas Pendidikan",
        jenis_pengadaan=2,
        pagu=800_000_000,
        hps=750_000_000,
        lokasi="Surakarta",
        tahun=2026,
    )


@pytest.fixture
def pokja(lpse: LpseUnderTest) -> Account:
    return add_account(lpse, "pokja1", Role.POKJA)


@pytest.fixture
def tender(lpse: LpseUnderTest, pokja: Account) -> Tender:
    return lpse.tenders.create_tender(pokja, draft())


@pytest.fixture
def vendor(lpse: LpseUnderTest, tender: Tender) -> Account:
    account = add_account(lpse, "ptmaju", Role.PENYEDIA)
    lpse.tenders.join_tender(account, tender.tender_id)
    return account


def to_stage(lpse: LpseUnderTest, tender: Tender, stage: str, *, edge: str = "start") -> None:
    window = tender.schedule.window(stage)
    lpse.clock.set(window.start if edge == "start" else window.end)


async def _chunks(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def upload(
    lpse: LpseUnderTest,
    vendor: Account,
    tender: Tender,
    name: str = "penawaran.rhs",
    *chunks: bytes,
) -> Receipt:
    body = _chunks(*(chunks or (rhs(lpse, tender),)))
    return run_sync(lpse.apendo.receive_apendo_offer(vendor, tender.tender_id, name, body))


def rhs(lpse: LpseUnderTest, tender: Tender, content: bytes = OFFER) -> bytes:
    """``content`` encrypted to the tender's package key, as APENDO does."""
    return envelope(content, [lpse.apendo.package_key_info(tender.tender_id).certificate_pem])


def stored_blobs(tmp_path: Path) -> list[Path]:
    root = tmp_path / "blobs"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def nothing_stored(lpse: LpseUnderTest, tmp_path: Path, tender: Tender) -> None:
    assert lpse.db.offers(tender.tender_id, current_only=False) == []
    assert stored_blobs(tmp_path) == []


def key_of(message: pytest.ExceptionInfo[DomainError]) -> str:
    return message.value.key


# the package key ------------------------------------------------------------------------------
def test_an_apendo_tender_gets_its_own_rsa_2048_package_key(
    lpse: LpseUnderTest, pokja: Account
) -> None:
    first = lpse.tenders.create_tender(pokja, draft())
    second = lpse.tenders.create_tender(pokja, draft())
    keys = [lpse.db.package_key(t.tender_id) for t in (first, second)]
    assert all(k is not None for k in keys)
    certificates = [x509.load_pem_x509_certificate(k.certificate_pem.encode()) for k in keys if k]
    assert certificates[0].public_key() != certificates[1].public_key()
    certificate = certificates[0]
    public_key = certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    assert public_key.key_size == 2048
    assert certificate.subject == certificate.issuer
    common_name = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    assert common_name == f"Kunci Publik Paket {first.tender_id}"
    assert certificate.not_valid_after_utc > first.schedule.windows[-1].end
    assert certificate.extensions.get_extension_for_class(x509.KeyUsage).value.key_encipherment
    assert first.recipient_certificates == ()


def test_the_public_view_of_the_key_has_no_private_key(lpse: LpseUnderTest, tender: Tender) -> None:
    info = lpse.apendo.package_key_info(tender.tender_id)
    assert "PRIVATE KEY" not in repr(info)
    assert info.released_at is None
    assert len(info.fingerprint.replace(" ", "")) == 64


def test_a_ca_tender_has_no_package_key_and_the_apendo_rules_refuse(
    tmp_path: Path, make_csr: Callable[..., str]
) -> None:
    ca = make_lpse(tmp_path, "spse-4.3-ca")
    pokja = add_account(ca, "pokja1", Role.POKJA)
    ca.certificates.register_ams(
        pokja, letter_name="surat.pdf", letter=b"%PDF-1.4", csr_pem=make_csr("P")
    )
    tender = ca.tenders.create_tender(pokja, draft())
    vendor = add_account(ca, "ptmaju", Role.PENYEDIA)
    ca.tenders.join_tender(vendor, tender.tender_id)
    to_stage(ca, tender, OPENING_STAGE)
    assert ca.db.package_key(tender.tender_id) is None
    refusals: list[Callable[[], object]] = [
        lambda: ca.apendo.package_key_info(tender.tender_id),
        lambda: ca.apendo.apendo_offer_page(vendor, tender.tender_id),
        lambda: ca.apendo.package_public_key(vendor, tender.tender_id),
        lambda: ca.apendo.apendo_opening(pokja, tender.tender_id),
        lambda: ca.apendo.release_package_key(pokja, tender.tender_id),
        lambda: ca.apendo.apendo_offer_file(pokja, tender.tender_id, 1),
        lambda: ca.apendo.record_apendo_opening(
            pokja, tender.tender_id, 1, code="dibuka", files=()
        ),
    ]
    for refused in refusals:
        with pytest.raises(DomainError) as caught:
            refused()
        assert key_of(caught) == "apendo.halaman_non_ca"
    with pytest.raises(DomainError) as caught:
        upload(ca, vendor, tender)
    assert key_of(caught) == "apendo.halaman_non_ca"
    ca.offers.require_protection("ca")


def test_the_spamkodok_pages_refuse_in_the_nonca_profile(lpse: LpseUnderTest) -> None:
    with pytest.raises(DomainError) as caught:
        lpse.offers.require_protection("ca")
    assert key_of(caught) == "apendo.halaman_ca"
    lpse.offers.require_protection("apendo")


def test_participants_and_the_pokja_get_the_public_key(
    lpse: LpseUnderTest, tender: Tender, pokja: Account, vendor: Account
) -> None:
    assert lpse.apendo.package_public_key(vendor, tender.tender_id).tender_id == tender.tender_id
    assert lpse.apendo.package_public_key(pokja, tender.tender_id).tender_id == tender.tender_id
    outsider = add_account(lpse, "ptlain", Role.PENYEDIA)
    with pytest.raises(Forbidden) as caught:
        lpse.apendo.package_public_key(outsider, tender.tender_id)
    assert key_of(caught) == "penawaran.bukan_peserta"
    with pytest.raises(Forbidden):
        lpse.apendo.apendo_offer_page(outsider, tender.tender_id)
    assert lpse.apendo.apendo_offer_page(vendor, tender.tender_id)[0] == tender


# the .rhs upload --------------------------------------------------------------------------------
def test_an_rhs_that_is_no_envelope_to_the_package_replaces_nothing(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    good = upload(lpse, vendor, tender)
    for body, key in (
        (b"sampah!", "apendo.rhs_tidak_sah"),
        (envelope(OFFER, [tender_certificate_of_another_package(lpse)]), "apendo.rhs_kunci_lain"),
    ):
        with pytest.raises(DomainError) as caught:
            upload(lpse, vendor, tender, "penawaran.rhs", body)
        assert key_of(caught) == key
    assert [o.offer_id for o in lpse.db.offers(tender.tender_id)] == [good.offer.offer_id]


def tender_certificate_of_another_package(lpse: LpseUnderTest) -> str:
    """The package certificate of a second tender of the same pokja."""
    other = lpse.tenders.create_tender(lpse.accounts.account("pokja1"), draft())
    return lpse.apendo.package_key_info(other.tender_id).certificate_pem


def test_an_rhs_upload_is_kept_with_a_receipt(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = rhs(lpse, tender)
    receipt = upload(lpse, vendor, tender, "Penawaran CV Maju.RHS", body[:5], body[5:])
    assert receipt.offer.sha256 == hashlib.sha256(body).hexdigest()
    assert receipt.offer.size == len(body)
    assert lpse.blobs.path(receipt.offer.blob_key).read_bytes() == body
    second = rhs(lpse, tender, b"second")
    again = upload(lpse, vendor, tender, "C:\\Dokumen\\penawaran2.rhs", second)
    assert again.replaced
    assert [o.offer_id for o in lpse.db.offers(tender.tender_id)] == [again.offer.offer_id]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("penawaran.pdf", "apendo.bukan_rhs"),
        ("penawaran.rhs.pdf", "apendo.bukan_rhs"),
        ("penawaran_rhs", "apendo.bukan_rhs"),
        (".rhs", "apendo.bukan_rhs"),
        ("penawaran.zip", "apendo.bukan_rhs"),
        ("", "apendo.file_wajib"),
        ("C:\\Dokumen\\", "apendo.file_wajib"),
    ],
)
def test_files_other_than_rhs_are_refused_before_the_body_is_read(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account, name: str, key: str
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    read: list[bytes] = []

    async def body() -> AsyncIterator[bytes]:
        read.append(b"x")
        yield b"%PDF-1.4"

    with pytest.raises(DomainError) as caught:
        run_sync(lpse.apendo.receive_apendo_offer(vendor, tender.tender_id, name, body()))
    assert key_of(caught) == key
    if key == "apendo.bukan_rhs":
        assert caught.value.params == {"name": name.rsplit("\\", 1)[-1]}
    assert read == []
    nothing_stored(lpse, tmp_path, tender)


def test_an_rhs_upload_follows_the_upload_stage_and_participant_rules(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender)
    assert key_of(caught) == "penawaran.belum_dibuka"
    to_stage(lpse, tender, UPLOAD_STAGE, edge="end")
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender)
    assert key_of(caught) == "penawaran.ditutup"
    to_stage(lpse, tender, UPLOAD_STAGE)
    outsider = add_account(lpse, "ptlain", Role.PENYEDIA)
    with pytest.raises(Forbidden) as caught_forbidden:
        upload(lpse, outsider, tender)
    assert caught_forbidden.value.key == "penawaran.bukan_peserta"
    nothing_stored(lpse, tmp_path, tender)


def test_an_rhs_upload_finishing_after_the_deadline_is_not_kept(
    lpse: LpseUnderTest, tmp_path: Path, tender: Tender, vendor: Account
) -> None:
    window = tender.schedule.window(UPLOAD_STAGE)
    lpse.clock.set(window.end - timedelta(seconds=1))

    async def slow() -> AsyncIterator[bytes]:
        yield b"first half "
        lpse.clock.advance(timedelta(seconds=2))
        yield b"second half"

    with pytest.raises(DomainError) as caught:
        run_sync(lpse.apendo.receive_apendo_offer(vendor, tender.tender_id, "a.rhs", slow()))
    assert key_of(caught) == "penawaran.ditutup"
    nothing_stored(lpse, tmp_path, tender)


def test_an_rhs_upload_over_the_size_limit_is_not_kept(
    tmp_path: Path, lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    limit = lpse.profile.upload_max_bytes
    chunk = b"\0" * (limit // 4)
    with pytest.raises(DomainError) as caught:
        upload(lpse, vendor, tender, "besar.rhs", chunk, chunk, chunk, chunk, b"!")
    assert key_of(caught) == "penawaran.terlalu_besar"
    nothing_stored(lpse, tmp_path, tender)


# the private key at opening -------------------------------------------------------------------
def test_the_private_key_is_refused_before_the_opening_stage(
    lpse: LpseUnderTest, tender: Tender, pokja: Account
) -> None:
    lpse.clock.set(tender.schedule.window(OPENING_STAGE).start - timedelta(seconds=1))
    with pytest.raises(DomainError) as caught:
        lpse.apendo.release_package_key(pokja, tender.tender_id)
    assert key_of(caught) == "pembukaan.belum_waktunya"
    assert caught.value.params == {"start": tender.schedule.window(OPENING_STAGE).start}
    assert lpse.apendo.package_key_info(tender.tender_id).released_at is None
    _, _, offers = lpse.apendo.apendo_opening(pokja, tender.tender_id)
    assert offers is None


def test_only_the_tenders_pokja_gets_the_private_key(
    lpse: LpseUnderTest, tender: Tender, vendor: Account
) -> None:
    to_stage(lpse, tender, OPENING_STAGE)
    other = add_account(lpse, "pokja2", Role.POKJA)
    with pytest.raises(Forbidden) as caught:
        lpse.apendo.release_package_key(other, tender.tender_id)
    assert caught.value.key == "pembukaan.bukan_pokja"
    with pytest.raises(Forbidden) as caught:
        lpse.apendo.release_package_key(vendor, tender.tender_id)
    assert caught.value.key == "akses.ditolak"
    assert lpse.apendo.package_key_info(tender.tender_id).released_at is None


def test_the_private_key_is_released_at_opening_and_the_first_release_is_kept(
    lpse: LpseUnderTest, tender: Tender, pokja: Account
) -> None:
    to_stage(lpse, tender, OPENING_STAGE)
    released_at = lpse.clock.now()
    content = lpse.apendo.release_package_key(pokja, tender.tender_id).encode()
    key = serialization.load_pem_private_key(content, password=None)
    certificate = x509.load_pem_x509_certificate(content)
    info = lpse.apendo.package_key_info(tender.tender_id)
    assert certificate.public_bytes(serialization.Encoding.PEM).decode() == info.certificate_pem
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.public_key() == certificate.public_key()
    assert (info.released_at, info.released_by) == (released_at, "pokja1")
    lpse.clock.advance(timedelta(hours=1))
    assert lpse.apendo.release_package_key(pokja, tender.tender_id).encode() == content
    assert lpse.apendo.package_key_info(tender.tender_id).released_at == released_at


# opening results --------------------------------------------------------------------------------
def test_opening_results_need_the_key_and_a_known_apendo_code(
    lpse: LpseUnderTest, tender: Tender, pokja: Account, vendor: Account
) -> None:
    to_stage(lpse, tender, UPLOAD_STAGE)
    body = rhs(lpse, tender)
    offer = upload(lpse, vendor, tender, "penawaran.rhs", body).offer
    with pytest.raises(DomainError) as caught:
        lpse.apendo.record_apendo_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka", files=()
        )
    assert key_of(caught) == "pembukaan.belum_waktunya"
    to_stage(lpse, tender, OPENING_STAGE)
    _, _, offers = lpse.apendo.apendo_opening(pokja, tender.tender_id)
    assert offers == [offer]
    with pytest.raises(DomainError) as caught:
        lpse.apendo.record_apendo_opening(
            pokja, tender.tender_id, offer.offer_id, code="dibuka", files=()
        )
    assert key_of(caught) == "apendo.kunci_belum_diunduh"
    lpse.apendo.release_package_key(pokja, tender.tender_id)
    for code in ("sertifikat_dicabut", "entah"):
        with pytest.raises(DomainError) as caught:
            lpse.apendo.record_apendo_opening(
                pokja, tender.tender_id, offer.offer_id, code=code, files=()
            )
        assert key_of(caught) == "pembukaan.status_tidak_dikenal"
    assert lpse.offers.opening(offer.offer_id) is None
    result = lpse.apendo.record_apendo_opening(
        pokja,
        tender.tender_id,
        offer.offer_id,
        code="dibuka",
        files=("Surat Penawaran.pdf", " ", "RAB.pdf "),
    )
    assert result.files == ("Surat Penawaran.pdf", "RAB.pdf")
    assert lpse.offers.opening(offer.offer_id) == result
    assert result.signer_subject == ""
    path = lpse.apendo.apendo_offer_file(pokja, tender.tender_id, offer.offer_id)[1]
    assert path.read_bytes() == body


def test_the_tender_and_its_key_are_stored_together_or_not_at_all(
    lpse: LpseUnderTest, tender: Tender, pokja: Account
) -> None:
    key = lpse.db.package_key(tender.tender_id)
    assert key is not None
    clash = Tender(**{**tender.__dict__, "tender_id": "20000001"})
    with pytest.raises(Exception, match="UNIQUE"):
        lpse.db.add_tender(clash, key)  # the key's tender id is taken already
    assert lpse.db.tender("20000001") is None
