"""Seeding a demo LPSE through its service layer: the pieces both demos are made of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fake_spse.domain.accounts import Role, VendorRegistration
from fake_spse.domain.tenders import Tender, TenderDraft
from fake_spse.service.services import Services
from simulator.desk.spamkodok.keystore import Keystore
from simulator.testdata.documents import pdf_bytes
from simulator.testdata.factory import StaffData, TenderData, VendorData
from spse_shared.profile import DEFAULT_METHOD

KEYSTORE_PASSPHRASE = "rahasia-kodok"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    user_id: str
    password: str
    note: str


def offset_to(services: Services, stage: str, method: str = DEFAULT_METHOD) -> timedelta:
    """How long after a tender's creation ``stage`` starts, by the stages of the profile's
    ``method``."""
    hours = 0
    for template in services.profile.method(method).stages:
        if template.name == stage:
            return timedelta(hours=hours)
        hours += template.hours
    raise KeyError(stage)


def add_staff(services: Services, person: StaffData, role: Role) -> None:
    services.accounts.add_staff(
        user_id=person.user_id,
        role=role,
        name=person.name,
        email=person.email,
        password=person.password,
    )


def register_vendor(services: Services, vendor: VendorData) -> None:
    services.accounts.register_vendor(
        VendorRegistration(
            user_id=vendor.user_id,
            password=vendor.password,
            password_confirm=vendor.password,
            company=vendor.company,
            npwp=vendor.npwp,
            email=vendor.email,
            address=vendor.address,
            phone=vendor.phone,
            director=vendor.director,
        )
    )


def keystore_of(desks: Path, user_id: str) -> Keystore:
    path = desks / user_id / "spamkodok.p12"
    if path.exists():
        return Keystore.open(path, KEYSTORE_PASSPHRASE)
    return Keystore.create(path, KEYSTORE_PASSPHRASE)


def embed_certificate(services: Services, user_id: str, desks: Path) -> None:
    """AMS registration as SpamKodok 2 does it, and the certificate embedded in the keystore."""
    account = services.accounts.account(user_id)
    keystore = keystore_of(desks, user_id)
    csr = keystore.certificate_signing_request(
        common_name=account.director or account.name,
        organization=account.company or None,
        email=account.email,
    )
    issued = services.certificates.register_ams(
        account,
        letter_name="surat-rekomendasi.pdf",
        letter=pdf_bytes("Surat Rekomendasi", [account.display_name]),
        csr_pem=csr.public_bytes(serialization.Encoding.PEM).decode(),
    )
    keystore.embed(
        x509.load_pem_x509_certificate(issued.pem.encode()), services.certificates.chain()
    )


def create_tender(services: Services, owner: str, tender: TenderData, year: int) -> Tender:
    return services.tenders.create_tender(
        services.accounts.account(owner),
        TenderDraft(
            name=tender.name,
            instansi=tender.instansi,
            satker=tender.satker,
            jenis_pengadaan=tender.jenis_pengadaan,
            pagu=tender.pagu,
            hps=tender.hps,
            lokasi=tender.lokasi,
            tahun=year,
        ),
    )
