"""Deterministic Indonesian test data (vendors, government staff, tender packages).

Everything comes from one seeded factory so that a scenario run can be replayed exactly:
the same seed gives the same sequence of records (for a given Faker version).
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from faker import Faker

_NPWP_RE = re.compile(r"^(\d{2})\.(\d{3})\.(\d{3})\.(\d)-(\d{3})\.(\d{3})$")

_USER_ID_MAX = 20
_USER_ID_MIN = 4

# Legal forms that open a company's name (Perseroan Terbatas, Commanditaire Vennootschap, ...).
_LEGAL_FORMS = frozenset({"PT", "CV", "UD", "FIRMA", "KOPERASI", "PD"})

# Words Indonesian contractors typically build their trade names from.
_COMPANY_WORDS: tuple[str, ...] = (
    "Karya",
    "Mandiri",
    "Sejahtera",
    "Abadi",
    "Jaya",
    "Sinar",
    "Cahaya",
    "Mitra",
    "Utama",
    "Bangun",
    "Persada",
    "Nusantara",
    "Teknik",
    "Solusi",
    "Sarana",
    "Prima",
    "Makmur",
    "Sentosa",
    "Bina",
    "Graha",
    "Putra",
    "Perkasa",
    "Lestari",
    "Bengawan",
    "Samudra",
    "Mulia",
    "Indah",
    "Global",
    "Media",
    "Konstruksi",
)

# Vendors bidding at a Surakarta LPSE mostly come from Solo Raya and nearby; with the first
# three digits of each city's postal codes so that addresses look right.
_VENDOR_CITIES: dict[str, str] = {
    "Surakarta": "571",
    "Sukoharjo": "575",
    "Karanganyar": "577",
    "Boyolali": "573",
    "Klaten": "574",
    "Sragen": "572",
    "Wonogiri": "576",
    "Semarang": "502",
    "Yogyakarta": "552",
    "Salatiga": "507",
}

_MOBILE_PREFIXES: tuple[str, ...] = (
    "0812",
    "0813",
    "0821",
    "0822",
    "0852",
    "0856",
    "0857",
    "0878",
    "0896",
)

INSTANSI = "Pemerintah Kota Surakarta"

# The five kecamatan of Kota Surakarta.
_KECAMATAN: tuple[str, ...] = ("Laweyan", "Serengan", "Pasar Kliwon", "Jebres", "Banjarsari")

# (satker, jenis_pengadaan, package object). Tied together so that names stay plausible:
# no school laptops bought by the transport office.
_PACKAGES: tuple[tuple[str, int, str], ...] = (
    ("Dinas Pendidikan", 0, "Pengadaan Laptop"),
    ("Dinas Pendidikan", 0, "Pengadaan Meubelair Sekolah Dasar"),
    ("Dinas Pendidikan", 2, "Rehabilitasi Ruang Kelas SD Negeri"),
    ("Dinas Pendidikan", 5, "Jasa Konsultansi Perencanaan Rehabilitasi Gedung SMP Negeri"),
    ("Dinas Kesehatan", 0, "Pengadaan Alat Kesehatan Puskesmas"),
    ("Dinas Kesehatan", 0, "Pengadaan Obat dan Bahan Medis Habis Pakai"),
    ("Dinas Kesehatan", 2, "Pembangunan Gedung Puskesmas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 2, "Peningkatan Jalan Lingkungan"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 2, "Pemeliharaan Saluran Drainase"),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        5,
        "Jasa Konsultansi Pengawasan Peningkatan Jalan",
    ),
    ("Dinas Perhubungan", 0, "Pengadaan Rambu Lalu Lintas"),
    ("Dinas Perhubungan", 3, "Jasa Pemeliharaan Lampu Penerangan Jalan Umum"),
    ("Dinas Lingkungan Hidup", 0, "Pengadaan Truk Pengangkut Sampah"),
    ("Dinas Lingkungan Hidup", 3, "Jasa Pemeliharaan Taman Kota"),
    ("Dinas Lingkungan Hidup", 1, "Jasa Konsultansi Penyusunan Kajian Lingkungan Hidup Strategis"),
    ("Badan Perencanaan Pembangunan Daerah", 1, "Penyusunan Masterplan Kota Cerdas"),
    ("Badan Perencanaan Pembangunan Daerah", 4, "Jasa Tenaga Ahli Perencanaan Wilayah"),
    ("Sekretariat Daerah", 3, "Jasa Kebersihan Gedung Balai Kota"),
    ("Sekretariat Daerah", 3, "Sewa Kendaraan Operasional"),
    ("Sekretariat Daerah", 4, "Jasa Tenaga Ahli Hukum Pengadaan"),
    ("Dinas Kebudayaan dan Pariwisata", 2, "Revitalisasi Kawasan Cagar Budaya"),
    ("Dinas Kebudayaan dan Pariwisata", 3, "Jasa Penyelenggaraan Festival Budaya"),
    ("Dinas Komunikasi dan Informatika", 0, "Pengadaan Perangkat Jaringan"),
    ("Dinas Komunikasi dan Informatika", 1, "Jasa Konsultansi Pengembangan Sistem Informasi"),
)

# HPS range in rupiah per jenis pengadaan. Lower bounds sit above the thresholds under
# which a package would go to pengadaan langsung instead of a tender (200 million for
# goods, works and other services; 100 million for consultancy).
_HPS_RANGE: dict[int, tuple[int, int]] = {
    0: (250_000_000, 5_000_000_000),
    1: (150_000_000, 2_000_000_000),
    2: (500_000_000, 20_000_000_000),
    3: (250_000_000, 3_000_000_000),
    4: (110_000_000, 600_000_000),
    5: (150_000_000, 3_000_000_000),
}


@dataclass(frozen=True)
class VendorData:
    """A vendor (penyedia) account and its company identity."""

    user_id: str
    password: str
    company: str
    npwp: str
    email: str
    phone: str
    address: str
    city: str
    director: str


@dataclass(frozen=True)
class StaffData:
    """A government user: pokja, PPK, verifikator, admin, helpdesk and the like."""

    user_id: str
    password: str
    name: str
    email: str
    nip: str


@dataclass(frozen=True)
class TenderData:
    """A tender package as a pokja would create it."""

    name: str
    instansi: str
    satker: str
    jenis_pengadaan: int
    hps: int
    pagu: int
    lokasi: str


def format_npwp(digits: str) -> str:
    """Format 15 digits as ``99.999.999.9-999.999``; ValueError for anything else."""
    if len(digits) != 15 or not digits.isascii() or not digits.isdigit():
        raise ValueError(f"NPWP needs exactly 15 digits, got {digits!r}")
    d = digits
    return f"{d[0:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:15]}"


def npwp_digits(npwp: str) -> str:
    """The 15 digits of an NPWP formatted ``99.999.999.9-999.999``; ValueError otherwise."""
    match = _NPWP_RE.fullmatch(npwp)
    # isascii: \d also matches non-ASCII digits such as Arabic-Indic ones.
    if match is None or not npwp.isascii():
        raise ValueError(f"not an NPWP of the form 99.999.999.9-999.999: {npwp!r}")
    return "".join(match.groups())


def _company_core(company: str) -> str:
    """The name without its legal form ("CV Maju" -> "Maju"), the root of the user ID."""
    head, _, rest = company.partition(" ")
    return rest if head.rstrip(".").upper() in _LEGAL_FORMS and rest else company


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


class TestDataFactory:
    """Seeded source of vendors, staff and tenders; the same seed gives the same sequence."""

    __test__ = False

    def __init__(self, seed: int, *, tahun_anggaran: int = 2026) -> None:
        self._rng = random.Random(seed)
        self._faker = Faker("id_ID")
        self._faker.seed_instance(seed)
        self._tahun = tahun_anggaran
        # User IDs and e-mails share one namespace: SPSE (via ADP) rejects duplicates of
        # either across all accounts, vendors and staff alike.
        self._used_ids: set[str] = set()
        self._used_npwp: set[str] = set()
        self._used_nip: set[str] = set()

    def _unique_id(self, base: str) -> str:
        base = (base or "user")[:_USER_ID_MAX]
        if base not in self._used_ids:
            self._used_ids.add(base)
            return base
        n = 2
        while True:
            suffix = str(n)
            candidate = base[: _USER_ID_MAX - len(suffix)] + suffix
            if candidate not in self._used_ids:
                self._used_ids.add(candidate)
                return candidate
            n += 1

    def _password(self) -> str:
        rng = self._rng
        # One of each class guarantees typical password rules are met.
        chars = [
            rng.choice(string.ascii_uppercase),
            rng.choice(string.ascii_lowercase),
            rng.choice(string.digits),
            rng.choice("!@#$%*"),
        ]
        chars += [rng.choice(string.ascii_letters + string.digits) for _ in range(8)]
        rng.shuffle(chars)
        return "".join(chars)

    def _npwp(self) -> str:
        rng = self._rng
        while True:
            # 01-03: corporate taxpayers; a Luhn check digit for plausibility; then a
            # 3-digit tax office code; 000 = head office (not a branch).
            head = rng.choice(("01", "02", "03")) + f"{rng.randrange(1_000_000):06d}"
            kpp = f"{rng.randint(101, 999):03d}"
            digits = head + _luhn_digit(head) + kpp + "000"
            if digits not in self._used_npwp:
                self._used_npwp.add(digits)
                return format_npwp(digits)

    def _phone(self) -> str:
        rng = self._rng
        if rng.random() < 0.5:
            prefix = rng.choice(_MOBILE_PREFIXES)
            return f"{prefix}-{rng.randrange(10_000):04d}-{rng.randrange(10_000):04d}"
        # (0271) is the Solo Raya area code.
        return f"(0271) {rng.randint(600_000, 899_999)}"

    def _company(self) -> tuple[str, str]:
        rng = self._rng
        prefix = "PT" if rng.random() < 0.6 else "CV"
        style = rng.random()
        if style < 0.4:
            core = " ".join(rng.sample(_COMPANY_WORDS, 2))
        elif style < 0.7:
            core = " ".join(rng.sample(_COMPANY_WORDS, 3))
        else:
            core = f"{rng.choice(_COMPANY_WORDS)} {self._faker.last_name()}"
        return f"{prefix} {core}", core

    def vendor(self, company: str | None = None) -> VendorData:
        """A new vendor with a unique user ID, e-mail and NPWP.

        ``company`` names it (a scenario's "CV Maju", so pages, certificate and reports show the
        name the scenario reads); otherwise a generated name.
        """
        if company is None:
            company, core = self._company()
        else:
            core = _company_core(company)
        user_id = self._unique_id((_slug(core) or "penyedia").ljust(_USER_ID_MIN, "x"))
        city = self._rng.choice(sorted(_VENDOR_CITIES))
        postcode = f"{_VENDOR_CITIES[city]}{self._rng.randrange(100):02d}"
        street = f"{self._faker.street_prefix_short()} {self._faker.street()}"
        address = f"{street} No. {self._rng.randint(1, 199)}, {city} {postcode}"
        return VendorData(
            user_id=user_id,
            password=self._password(),
            company=company,
            npwp=self._npwp(),
            email=f"{user_id}@example.co.id",
            phone=self._phone(),
            address=address,
            city=city,
            director=self._faker.name(),
        )

    def _nip(self) -> str:
        rng = self._rng
        while True:
            # NIP layout: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, sex 1/2,
            # 3-digit serial.
            born = date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28))
            appointed_year = min(born.year + rng.randint(22, 35), self._tahun - 1)
            nip = (
                f"{born:%Y%m%d}{appointed_year:04d}{rng.randint(1, 12):02d}"
                f"{rng.choice('12')}{rng.randint(1, 999):03d}"
            )
            if nip not in self._used_nip:
                self._used_nip.add(nip)
                return nip

    def staff(self, role: str) -> StaffData:
        """A new government user for ``role`` (e.g. "pokja", "ppk", "verifikator")."""
        role_slug = _slug(role)
        if not role_slug:
            raise ValueError(f"role needs at least one letter or digit: {role!r}")
        name = self._faker.name()
        first = _slug(self._faker.first_name())
        user_id = self._unique_id(f"{role_slug[:10]}{first[:10]}")
        return StaffData(
            user_id=user_id,
            password=self._password(),
            name=name,
            email=f"{user_id}@example.go.id",
            nip=self._nip(),
        )

    def tender(self, jenis: Collection[int] | None = None) -> TenderData:
        """A new tender package of Pemerintah Kota Surakarta (of one of the jenis pengadaan
        ``jenis``, e.g. those a tender method runs, when given)."""
        rng = self._rng
        packages = [p for p in _PACKAGES if jenis is None or p[1] in jenis]
        if not packages:
            raise ValueError(f"no package of jenis pengadaan {sorted(jenis or ())}")
        satker, jenis_pengadaan, subject = rng.choice(packages)
        low, high = _HPS_RANGE[jenis_pengadaan]
        # Log-uniform: small packages are far more common than large ones.
        raw = low * (high / low) ** rng.random()
        hps = round(raw / 1000) * 1000
        # Pagu is the budget ceiling; HPS is estimated at or below it, and budgets are set
        # in whole millions.
        pagu = -(-int(hps * rng.uniform(1.0, 1.15)) // 1_000_000) * 1_000_000
        kecamatan = rng.choice(_KECAMATAN)
        return TenderData(
            name=f"{subject} {satker} Tahun Anggaran {self._tahun}",
            instansi=INSTANSI,
            satker=satker,
            jenis_pengadaan=jenis_pengadaan,
            hps=hps,
            pagu=max(pagu, hps),
            lokasi=f"Kecamatan {kecamatan}, Kota Surakarta",
        )
