"""An LPSE for service tests, built as ``create_app`` builds it, and the helpers the service
tests share (forms, accounts stored directly, uploads)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offer_bodies import envelope_of_size

from fake_spse.adapters.adp import AdpService
from fake_spse.adapters.ca import CertificateAuthority
from fake_spse.app import build_context, open_database
from fake_spse.domain.accounts import Account, AccountStatus, Role, VendorRegistration
from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.tenders import TenderDraft
from fake_spse.service.accounts import AccountService
from fake_spse.service.apendo import ApendoService
from fake_spse.service.certificates import CertificateService
from fake_spse.service.context import Context
from fake_spse.service.offers import OfferService, Receipt
from fake_spse.service.services import Services
from fake_spse.service.simulation import SimulationService
from fake_spse.service.tenders import TenderService
from fake_spse.settings import Settings
from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore
from fake_spse.storage.database import Database
from spse_shared.messages import MessageCatalog
from spse_shared.profile import Profile
from spse_shared.run_sync import run_sync

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 08:00 WIB
PDF_LETTER = b"%PDF-1.4\n% surat rekomendasi\n%%EOF\n"
MakeCsr = Callable[..., str]
MESSAGES = MessageCatalog()


@dataclass(frozen=True)
class LpseUnderTest:
    """The services under test, and the parts behind them that a test arranges or inspects
    directly (the test is its own composition root; pages never get these parts)."""

    services: Services
    context: Context
    db: Database

    @property
    def accounts(self) -> AccountService:
        return self.services.accounts

    @property
    def certificates(self) -> CertificateService:
        return self.services.certificates

    @property
    def tenders(self) -> TenderService:
        return self.services.tenders

    @property
    def offers(self) -> OfferService:
        return self.services.offers

    @property
    def apendo(self) -> ApendoService:
        return self.services.apendo

    @property
    def simulation(self) -> SimulationService:
        return self.services.simulation

    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def profile(self) -> Profile:
        return self.context.profile

    @property
    def clock(self) -> SimClock:
        return self.context.clock

    @property
    def faults(self) -> FaultBoard:
        return self.context.faults

    @property
    def blobs(self) -> BlobStore:
        return self.context.blobs

    @property
    def ca(self) -> CertificateAuthority:
        return self.context.ca

    @property
    def adp(self) -> AdpService:
        return self.context.adp


def build_lpse(settings: Settings) -> LpseUnderTest:
    """An LPSE in ``settings.data_dir``, wired as ``fake_spse.app.create_app`` wires it."""
    db = open_database(settings)
    context = build_context(settings, db)
    return LpseUnderTest(Services(context), context, db)


def with_profile(lpse: LpseUnderTest, **changes: Any) -> LpseUnderTest:
    """The same LPSE (same data, clock and parts) with some profile values changed."""
    context = replace(lpse.context, profile=replace(lpse.context.profile, **changes))
    return LpseUnderTest(Services(context), context, lpse.db)


def open_lpse(tmp_path: Path, **settings: object) -> LpseUnderTest:
    """``build_lpse`` for data in ``tmp_path``, starting at START unless told otherwise."""
    return build_lpse(Settings(**{"data_dir": tmp_path, "clock_start": START, **settings}))  # type: ignore[arg-type]


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
    lpse: LpseUnderTest,
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
    problems = error.problems if isinstance(error, FormProblems) else [error]
    return [p.key for p in problems]


def blob_files(tmp_path: Path) -> set[Path]:
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


def certify(lpse: LpseUnderTest, account: Account, make_csr: MakeCsr) -> None:
    lpse.certificates.register_ams(
        account, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr(account.name)
    )


async def chunks_of(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def sealed_body(lpse: LpseUnderTest, tender_id: str, size: int) -> bytes:
    """An offer SPSE accepts (an EnvelopedData to the tender's pokja) of ``size`` bytes, or
    of the smallest such size when ``size`` is smaller."""
    pems = lpse.offers.offer_recipients(lpse.tenders.tender(tender_id))
    return envelope_of_size(pems, size)


def upload(lpse: LpseUnderTest, vendor: Account, tender_id: str, *chunks: bytes) -> Receipt:
    """Send an offer in chunks of the sizes of ``chunks`` (the last one takes any rest): an
    accepted offer body of their total size, or no bytes at all when they are empty."""
    total = sum(map(len, chunks))
    if total:
        body, cut, start = sealed_body(lpse, tender_id, total), [], 0
        for chunk in chunks[:-1]:
            cut.append(body[start : start + len(chunk)])
            start += len(chunk)
        chunks = (*cut, body[start:])
    return run_sync(lpse.offers.receive_offer(vendor, tender_id, chunks_of(*chunks)))
