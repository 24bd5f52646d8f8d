"""``spse-sim serve --demo``: a realistic LPSE for a training class.

Seeded from one Faker (id_ID) seed through the LPSE's own service layer, as if the LPSE had
been running for two years: a verifikator, a helpdesk, two pokja with certificates, a dozen
vendors in different states (waiting for verification; active without a certificate; with a
valid, an almost expired, an expired or a revoked certificate) and six tenders in different
stages, from just announced to the objection period, with sealed offers where the stage has
them. Every event happens at its own simulated time, in order; the clock ends at the demo's
"now". SpamKodok keystores of the users with certificates are written under ``desks``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from cryptography import x509

from fake_spse.domain.accounts import Role
from fake_spse.service.services import Services
from simulator.demo.seeding import (
    KEYSTORE_PASSPHRASE,
    DemoLogin,
    add_staff,
    create_tender,
    embed_certificate,
    offset_to,
    register_vendor,
)
from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.keystore import Keystore
from simulator.desk.spamkodok.offer_package import build_package
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import TenderData, TestDataFactory, VendorData
from spse_shared.profile import UPLOAD_STAGE
from spse_shared.run_sync import run_sync

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)

STAFF: Mapping[str, Role] = {
    "verifikator": Role.VERIFIKATOR,
    "helpdesk": Role.HELPDESK,
    "pokja1": Role.POKJA,
    "pokja2": Role.POKJA,
}

# What each vendor is, in the order they are drawn from the seed: (certificate, verified, note).
# certificate: None (none), "berlaku", "hampir" (expires in 5 days), "kedaluwarsa", "dicabut".
VENDOR_STATES: tuple[tuple[str | None, bool, str], ...] = (
    ("berlaku", True, "aktif, sertifikat berlaku"),
    ("berlaku", True, "aktif, sertifikat berlaku"),
    ("berlaku", True, "aktif, sertifikat berlaku"),
    ("berlaku", True, "aktif, sertifikat berlaku"),
    ("berlaku", True, "aktif, sertifikat berlaku"),
    ("berlaku", True, "aktif, sertifikat berlaku, belum ikut tender"),
    ("hampir", True, "aktif, sertifikat kedaluwarsa dalam 5 hari"),
    ("kedaluwarsa", True, "aktif, sertifikat sudah kedaluwarsa"),
    ("dicabut", True, "aktif, sertifikat dicabut BSrE"),
    (None, True, "aktif, belum punya sertifikat (link AMS merah)"),
    (None, False, "menunggu verifikasi di LPSE"),
    (None, False, "menunggu verifikasi di LPSE"),
)

# Tenders: (pokja index, hours from the schedule's start to now, vendors joined, vendors that
# sent an offer). The stage a tender is in now follows from the profile's schedule.
TENDER_PLAN: tuple[tuple[int, float, tuple[int, ...], tuple[int, ...]], ...] = (
    (0, 3, (), ()),  # Pengumuman Pascakualifikasi
    (1, 30, (0, 1), ()),  # Download Dokumen Pemilihan
    (0, 106, (0, 1, 2, 3), (0, 1)),  # Upload Dokumen Penawaran, deadline in 2.5 days
    (1, 166, (1, 2, 3, 4, 6), (2, 3)),  # Upload Dokumen Penawaran, deadline in 2 hours
    (0, 169, (0, 2, 4), (0, 2, 4)),  # Pembukaan Dokumen Penawaran
    (1, 280, (1, 3, 4), (1, 3, 4)),  # Masa Sanggah
)


@dataclass
class _Vendor:
    data: VendorData
    certificate: str | None
    verified: bool
    note: str


class _Timeline:
    """Events at simulated times, run in time order with the LPSE's clock set to each."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.events: list[tuple[datetime, int, Callable[[], None]]] = []

    def at(self, moment: datetime, action: Callable[[], None]) -> None:
        self.events.append((moment, len(self.events), action))

    def run(self, end: datetime) -> None:
        for moment, _, action in sorted(self.events, key=lambda e: (e[0], e[1])):
            self.services.simulation.set_clock(moment)
            action()
        self.services.simulation.set_clock(end)


def seed_trainer_demo(services: Services, seed: int, desks: Path) -> list[DemoLogin]:
    """Seed the demo LPSE (see the module docstring); returns the logins to print."""
    data = TestDataFactory(seed)
    now = services.simulation.now()
    ca = services.profile.protection == "ca"
    validity = timedelta(days=services.profile.certificate_validity_days)
    timeline = _Timeline(services)
    start = now - 60 * DAY  # the LPSE's ordinary history begins here
    # The verifikator was there before the oldest certificate still on record was issued.
    earliest = now - validity - 40 * DAY

    staff = {key: data.staff(role.value) for key, role in STAFF.items()}
    vendors = [
        _Vendor(data.vendor(), certificate, verified, note)
        for certificate, verified, note in VENDOR_STATES
    ]
    for key, role in STAFF.items():
        timeline.at(
            earliest if role is Role.VERIFIKATOR else start,
            partial(add_staff, services, staff[key], role),
        )
        if ca and role is Role.POKJA:
            timeline.at(
                start + DAY, partial(embed_certificate, services, staff[key].user_id, desks)
            )

    verifier = staff["verifikator"].user_id
    for number, vendor in enumerate(vendors):
        registered, issued = _vendor_times(vendor, now, start, validity, number)
        timeline.at(registered, partial(register_vendor, services, vendor.data))
        if vendor.verified:
            timeline.at(
                registered + 2 * HOUR, partial(_verify, services, verifier, vendor.data.user_id)
            )
        if ca and issued is not None:
            timeline.at(issued, partial(embed_certificate, services, vendor.data.user_id, desks))
        if vendor.certificate == "dicabut":
            timeline.at(now - 10 * DAY, partial(_revoke, services, vendor.data.user_id))

    drafts: list[TenderData] = []
    while len(drafts) < len(TENDER_PLAN):  # different packages, no two with one name
        drawn = data.tender()
        if all(d.name != drawn.name for d in drafts):
            drafts.append(drawn)
    tender_ids: dict[int, str] = {}
    owners: dict[str, list[int]] = {"pokja1": [], "pokja2": []}
    for index, (pokja, hours_ago, joined, offered) in enumerate(TENDER_PLAN):
        created = now - timedelta(hours=hours_ago)
        owner = f"pokja{pokja + 1}"
        owners[owner].append(index)
        timeline.at(
            created,
            partial(
                _create_tender,
                services,
                staff[owner].user_id,
                drafts[index],
                now.year,
                tender_ids,
                index,
            ),
        )
        for order, vendor_index in enumerate(joined):
            user_id = vendors[vendor_index].data.user_id
            timeline.at(
                created + (2 + order) * HOUR, partial(_join, services, user_id, tender_ids, index)
            )
        upload_start = created + offset_to(services, UPLOAD_STAGE)
        for order, vendor_index in enumerate(offered if ca else ()):
            timeline.at(
                upload_start + (3 + 5 * order) * HOUR,
                partial(
                    _send_offer, services, vendors[vendor_index].data, tender_ids, index, desks
                ),
            )

    timeline.run(now)

    logins = [
        DemoLogin(key, staff[key].user_id, staff[key].password, staff[key].name)
        for key in ("verifikator", "helpdesk")
    ]
    for key in ("pokja1", "pokja2"):
        person = staff[key]
        packages = ", ".join(sorted(tender_ids[i] for i in owners[key]))
        note = f"{person.name}: " + ("sertifikat tertanam, " if ca else "") + f"paket {packages}"
        logins.append(DemoLogin("pokja", person.user_id, person.password, note))
    for vendor in vendors:
        note = f"{vendor.data.company}: {vendor.note}"
        logins.append(DemoLogin("penyedia", vendor.data.user_id, vendor.data.password, note))
    return logins


def _vendor_times(
    vendor: _Vendor, now: datetime, start: datetime, validity: timedelta, number: int
) -> tuple[datetime, datetime | None]:
    """When the vendor registered, and when its certificate was issued (None: never)."""
    kind = vendor.certificate
    if kind == "kedaluwarsa":
        issued = now - validity - 30 * DAY
    elif kind == "hampir":
        issued = now - validity + 5 * DAY
    elif kind in ("berlaku", "dicabut"):
        issued = start + (2 + number) * HOUR + DAY
    else:
        issued = None
    if not vendor.verified:
        return now - (2 + number) * DAY + 3 * HOUR, None
    registered = start + number * HOUR
    if issued is not None and issued - DAY < registered:
        registered = issued - DAY
    return registered, issued


def _verify(services: Services, verifier: str, vendor_id: str) -> None:
    services.accounts.verify_vendor(services.accounts.account(verifier), vendor_id)


def _create_tender(
    services: Services, owner: str, tender: TenderData, year: int, ids: dict[int, str], index: int
) -> None:
    ids[index] = create_tender(services, owner, tender, year).tender_id


def _join(services: Services, vendor_id: str, ids: dict[int, str], index: int) -> None:
    services.tenders.join_tender(services.accounts.account(vendor_id), ids[index])


def _revoke(services: Services, user_id: str) -> None:
    certificate = services.certificates.certificate_of(user_id)
    assert certificate is not None, f"{user_id} has no certificate to revoke"
    services.certificates.revoke(certificate.serial, at=services.simulation.now())


def _send_offer(
    services: Services, vendor: VendorData, ids: dict[int, str], index: int, desks: Path
) -> None:
    """The vendor's SpamKodok seals two documents to the pokja and uploads them."""
    tender_id = ids[index]
    folder = desks / vendor.user_id / "dokumen" / tender_id
    files = [
        write_pdf(
            folder / "Dokumen Administrasi Teknis.pdf",
            "Dokumen Administrasi dan Teknis",
            [vendor.company],
        ),
        write_pdf(
            folder / "Dokumen Penawaran Harga.pdf", "Dokumen Penawaran Harga", [vendor.company]
        ),
    ]
    keystore = Keystore.open(desks / vendor.user_id / "spamkodok.p12", KEYSTORE_PASSPHRASE)
    assert keystore.certificate is not None
    tender = services.tenders.tender(tender_id)
    content = build_package(
        tender_id=tender_id,
        vendor_id=vendor.user_id,
        profile=services.profile.name,
        files=[(path.name, path) for path in files],
    )
    sealed = cms.seal(
        content,
        signer_key=keystore.private_key,
        signer_certificate=keystore.certificate,
        chain=keystore.chain,
        recipients=[
            x509.load_pem_x509_certificate(p.encode())
            for p in services.offers.offer_recipients(tender)
        ],
    )

    async def body() -> AsyncIterator[bytes]:
        for start in range(0, len(sealed), 64 * 1024):
            yield sealed[start : start + 64 * 1024]

    run_sync(
        services.offers.receive_offer(services.accounts.account(vendor.user_id), tender_id, body())
    )
