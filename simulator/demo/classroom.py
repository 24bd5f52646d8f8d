"""``spse-sim serve --demo``: a realistic LPSE for a training class.

Seeded from one Faker (id_ID) seed through the LPSE's own service layer, as if the LPSE had
been running for two years: a verifikator, a helpdesk, two pokja with certificates, a dozen
vendors in different states (waiting for verification; active without a certificate; with a
valid, an almost expired, an expired or a revoked certificate) and ten tenders in different
stages, from just announced to the objection period, with sealed offers (and their prices) where
the stage has them, and what the pokja did after opening: an evaluation under way, a winner with
an answered sanggahan in Masa Sanggah, a Tender Gagal; and two Seleksi (prakualifikasi dua
file, Kualitas dan Biaya): one in its qualification stage, one at Pengumuman Pemenang with its
nilai teknis, nilai biaya and nilai akhir, won by a participant that is not the cheapest.
Every event happens at its own simulated time, in order; the clock ends at the demo's "now".
SpamKodok keystores of the users with certificates are written under ``desks``.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from cryptography import x509

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.dua_file import File1Marks
from fake_spse.domain.evaluation import Marks
from fake_spse.domain.offers import parts_for_method
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
from simulator.desk.spamkodok.offer_package import build_package, read_package
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import TenderData, TestDataFactory, VendorData
from spse_shared.profile import (
    DEFAULT_METHOD,
    PEMBUKTIAN_STAGE,
    PENETAPAN_STAGE,
    SANGGAH_STAGE,
    UPLOAD_STAGE,
)
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

EVALUASI_STAGE = "Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga"
SELEKSI = "seleksi-pra-dua-file"


@dataclass(frozen=True)
class _Plan:
    """One demo tender: whose it is, the stage it is in now and how long it has been in it,
    which vendors joined and sent an offer, and how far the pokja got after opening."""

    pokja: int
    stage: str
    hours_in: float
    joined: tuple[int, ...] = ()
    offered: tuple[int, ...] = ()
    # "": nothing after opening; "evaluasi": offers opened, evaluation under way; "pemenang":
    # winner fixed and announced, a sanggahan answered; "gagal": nobody passed (Tender Gagal).
    outcome: str = ""
    method: str = DEFAULT_METHOD
    # Offers priced above the HPS (by vendor index): they fail harga.
    above_hps: tuple[int, ...] = ()


TENDER_PLAN: tuple[_Plan, ...] = (
    _Plan(0, "Pengumuman Pascakualifikasi", 3),
    _Plan(1, "Download Dokumen Pemilihan", 6, (0, 1)),
    _Plan(0, UPLOAD_STAGE, 10, (0, 1, 2, 3), (0, 1)),  # deadline in 2.5 days
    _Plan(1, UPLOAD_STAGE, 70, (1, 2, 3, 4, 6), (2, 3)),  # deadline in 2 hours
    _Plan(0, "Pembukaan Dokumen Penawaran", 1, (0, 2, 4), (0, 2, 4)),
    _Plan(1, SANGGAH_STAGE, 20, (1, 3, 4), (1, 3, 4), "pemenang", above_hps=(4,)),
    _Plan(0, EVALUASI_STAGE, 20, (0, 1, 3), (0, 1, 3), "evaluasi"),
    _Plan(1, SANGGAH_STAGE, 50, (2, 4), (2, 4), "gagal", above_hps=(2, 4)),
    _Plan(0, "Kirim Persyaratan Kualifikasi", 10, (0, 1), method=SELEKSI),
    _Plan(1, "Pengumuman Pemenang", 3, (0, 2, 3), (0, 2, 3), "pemenang", method=SELEKSI),
)
# The nilai teknis the pokja gives a Seleksi's bidders, in the order they offered: the first
# scores best, the last falls below the passing grade (70 in the shipped profiles).
SELEKSI_SCORES = ("88", "74", "65")


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
    for plan in TENDER_PLAN:  # different packages of the plan's method, no two with one name
        jenis = services.profile.method(plan.method).jenis_pengadaan
        drawn = data.tender(jenis=jenis)
        while any(d.name == drawn.name for d in drafts):
            drawn = data.tender(jenis=jenis)
        drafts.append(drawn)
    tender_ids: dict[int, str] = {}
    owners: dict[str, list[int]] = {"pokja1": [], "pokja2": []}
    for index, plan in enumerate(TENDER_PLAN):
        pokja, joined, offered = plan.pokja, plan.joined, plan.offered
        created = now - offset_to(services, plan.stage, plan.method) - plan.hours_in * HOUR
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
        upload_start = created + offset_to(services, UPLOAD_STAGE, plan.method)
        prices = _prices(seed + index, drafts[index].hps, offered, plan.above_hps)
        if services.profile.method(plan.method).kualitas_biaya is not None:
            # A Seleksi's best-scored bidder (the first to offer) asks the most: its winner is
            # not the cheapest.
            prices = dict(zip(offered, sorted(prices.values(), reverse=True), strict=True))
        for order, vendor_index in enumerate(offered if ca else ()):
            timeline.at(
                upload_start + (3 + 5 * order) * HOUR,
                partial(
                    _send_offer,
                    services,
                    vendors[vendor_index].data,
                    tender_ids,
                    index,
                    desks,
                    prices[vendor_index],
                ),
            )
        if ca and plan.outcome:
            after = _AfterOpening(
                services,
                tender_ids,
                index,
                staff[owner].user_id,
                [vendors[i].data.user_id for i in offered],
                desks,
            )
            after.plan(timeline, created, plan.outcome, plan.method)

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


def _prices(
    seed: int, hps: int, offered: tuple[int, ...], above_hps: tuple[int, ...]
) -> dict[int, int]:
    """What each vendor writes in its Surat Penawaran: a little under the HPS (in thousands of
    rupiah), or a little over it for the vendors in ``above_hps``."""
    rng = random.Random(seed)
    prices: dict[int, int] = {}
    for vendor_index in offered:
        factor = rng.uniform(1.01, 1.05) if vendor_index in above_hps else rng.uniform(0.85, 0.99)
        prices[vendor_index] = round(hps * factor / 1000) * 1000
    return prices


class _AfterOpening:
    """What the pokja did after the opening of one demo tender, at its stages' times: opening
    each offer with its SpamKodok, evaluation, pembuktian, penetapan; a participant's
    sanggahan and the pokja's answer."""

    def __init__(
        self,
        services: Services,
        ids: dict[int, str],
        index: int,
        pokja_id: str,
        bidders: list[str],
        desks: Path,
    ) -> None:
        self.services = services
        self.ids = ids
        self.index = index
        self.pokja_id = pokja_id
        self.bidders = bidders
        self.desks = desks

    @property
    def pokja(self) -> Account:
        return self.services.accounts.account(self.pokja_id)

    def plan(
        self, timeline: _Timeline, created: datetime, outcome: str, method: str = DEFAULT_METHOD
    ) -> None:
        def at(stage: str, hours: float, action: Callable[[], None]) -> None:
            moment = created + offset_to(self.services, stage, method) + hours * HOUR
            timeline.at(moment, action)

        rules = self.services.profile.method(method)
        if rules.kualitas_biaya is not None:
            # A Seleksi dua file: File I opened and scored (nilai teknis) at its stage, File II
            # opened at its own for those who passed, harga evaluated, the best nilai akhir
            # wins; its Pembuktian Kualifikasi belongs to the prakualifikasi, before the offers.
            file1_stage, file2_stage = rules.opening_stages
            at(file1_stage, 1, partial(self.open_offers, "file1"))
            at(file1_stage, 4, self.score)
            at(file2_stage, 1, partial(self.open_offers, "file2"))
            at(file2_stage, 4, self.evaluate_harga)
            at(PENETAPAN_STAGE, 1, self.penetapan)
            return
        at(rules.opening_stages[0], 1, self.open_offers)
        if outcome == "evaluasi":
            at(EVALUASI_STAGE, 4, partial(self.evaluate, self.bidders[:1], ""))
            return
        reason = "Metode pelaksanaan tidak memenuhi syarat" if outcome == "gagal" else ""
        at(EVALUASI_STAGE, 4, partial(self.evaluate, self.bidders, reason))
        if outcome == "pemenang":
            at(PEMBUKTIAN_STAGE, 2, self.pembuktian)
        at(PENETAPAN_STAGE, 1, self.penetapan)
        if outcome == "pemenang":
            at(SANGGAH_STAGE, 5, self.sanggah)
            at(SANGGAH_STAGE, 15, self.answer)

    def open_offers(self, part: str | None = None) -> None:
        """The pokja's SpamKodok opens each offer (with ``part``, each one SPSE lists for that
        part of a dua file: File II only of those who passed File I); SPSE records what it
        found."""
        services, tender_id = self.services, self.ids[self.index]
        tender, offers = services.offers.offers_for_opening(self.pokja, tender_id, part)
        keystore = Keystore.open(self.desks / self.pokja_id / "spamkodok.p12", KEYSTORE_PASSPHRASE)
        assert keystore.certificate is not None
        for offer in offers:
            opened = cms.open_sealed(
                services.offers.stored_offer(tender_id, offer.offer_id)[1].read_bytes(),
                recipient_key=keystore.private_key,
                recipient_certificate=keystore.certificate,
                trust_roots=services.certificates.chain()[-1:],
                crls=[services.certificates.crl()],
                receipt=cms.Receipt(
                    sha256=offer.sha256, size=offer.size, received_at=offer.received_at
                ),
            )
            services.offers.record_opening(
                self.pokja,
                tender.tender_id,
                offer.offer_id,
                code="dibuka",
                signer_subject=opened.signer_subject,
                files=tuple(sorted(read_package(opened.content)[1])),
            )

    def evaluate(self, vendor_ids: list[str], teknis_reason: str) -> None:
        """Every part lulus unless ``teknis_reason`` (then teknis gugur); prices above the
        HPS fail harga by SPSE's own rule."""
        for vendor_id in vendor_ids:
            marks = Marks(
                kualifikasi=True,
                administrasi=True,
                teknis=not teknis_reason,
                harga=True,
                reason=teknis_reason,
            )
            self.services.evaluation.evaluate(self.pokja, self.ids[self.index], vendor_id, marks)

    def score(self) -> None:
        """File I (administrasi dan teknis) lulus with the bidders' nilai teknis
        (SELEKSI_SCORES); a score below the passing grade makes teknis gugur by SPSE's own
        rule, and that bidder's File II stays sealed."""
        for vendor_id, nilai in zip(self.bidders, SELEKSI_SCORES, strict=False):
            marks = File1Marks(True, True, True, "", nilai_teknis=Decimal(nilai))
            self.services.dua_file.evaluate_file1(
                self.pokja, self.ids[self.index], vendor_id, marks
            )

    def evaluate_harga(self) -> None:
        """Harga lulus for every bidder whose File II was opened (those who passed File I);
        File I's marks and nilai teknis stay as scored."""
        tender_id = self.ids[self.index]
        for result in self.services.evaluation.results(tender_id):
            if result.opened:
                marks = Marks(True, True, True, True, "")
                self.services.evaluation.evaluate(
                    self.pokja, tender_id, result.vendor.user_id, marks
                )

    def _passed(self) -> list[str]:
        results = self.services.evaluation.results(self.ids[self.index])
        return [r.vendor.user_id for r in results if r.evaluation and r.evaluation.passed]

    def pembuktian(self) -> None:
        evaluation, tender_id = self.services.evaluation, self.ids[self.index]
        for vendor_id in self._passed():
            evaluation.invite_pembuktian(self.pokja, tender_id, vendor_id)
            evaluation.record_pembuktian(self.pokja, tender_id, vendor_id, passed=True)

    def penetapan(self) -> None:
        self.services.evaluation.decide_winner(self.pokja, self.ids[self.index])

    def _loser(self) -> str:
        winner = self.services.evaluation.winner(self.ids[self.index])
        assert winner is not None
        return next(v for v in self.bidders if v != winner.vendor_id)

    def sanggah(self) -> None:
        self.services.evaluation.file_sanggah(
            self.services.accounts.account(self._loser()),
            self.ids[self.index],
            "Kami keberatan: harga penawaran kami dinyatakan melebihi HPS, padahal sudah "
            "termasuk PPN sesuai dokumen pemilihan.",
        )

    def answer(self) -> None:
        tender_id = self.ids[self.index]
        [filed] = self.services.evaluation.sanggahan(tender_id)
        self.services.evaluation.answer_sanggah(
            self.pokja,
            tender_id,
            filed.sanggah_id,
            "Sanggahan tidak diterima: total harga penawaran termasuk PPN melebihi HPS, "
            "sehingga penawaran gugur pada evaluasi harga.",
        )


def _send_offer(
    services: Services,
    vendor: VendorData,
    ids: dict[int, str],
    index: int,
    desks: Path,
    price: int,
) -> None:
    """The vendor's SpamKodok seals two documents to the pokja and uploads them (one sealed
    file each as File I and File II of a dua file method), with the price of its Surat
    Penawaran."""
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
    parts = parts_for_method(services.tenders.tender(tender_id).method)
    batches = [files] if len(parts) == 1 else [[f] for f in files]
    for part, batch in zip(parts, batches, strict=True):
        _seal_and_send(services, vendor, tender_id, desks, batch, part.value)
    services.evaluation.arrange_price(tender_id, vendor.user_id, price)


def _seal_and_send(
    services: Services,
    vendor: VendorData,
    tender_id: str,
    desks: Path,
    files: list[Path],
    part: str,
) -> None:
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
        services.offers.receive_offer(
            services.accounts.account(vendor.user_id), tender_id, body(), part
        )
    )
