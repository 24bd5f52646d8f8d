"""Data Penyedia: the company records a vendor keeps in SPSE and qualification draws on.

SPSE 4's Data Penyedia has one tab per kind (Identitas, Izin Usaha, Akta, Pemilik, Pengurus,
Tenaga Ahli, Peralatan, Pengalaman, Pajak). Identitas is the account itself (company, NPWP,
address, director); the other kinds are lists of records kept here, each with the fields a
pokja checks at qualification and the rules SPSE's forms apply when a record is saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.numbers import whole_number

NIK_PATTERN = re.compile(r"^\d{16}$")


class RecordKind(StrEnum):
    """The tabs of Data Penyedia that hold lists of records."""

    IZIN_USAHA = "izin_usaha"
    AKTA = "akta"
    PENGURUS = "pengurus"
    PAJAK = "pajak"
    TENAGA_AHLI = "tenaga_ahli"
    PENGALAMAN = "pengalaman"

    @property
    def label(self) -> str:
        """The tab's title as SPSE shows it."""
        return KIND_LABELS[self]


KIND_LABELS = {
    RecordKind.IZIN_USAHA: "Izin Usaha",
    RecordKind.AKTA: "Akta",
    RecordKind.PENGURUS: "Pengurus",
    RecordKind.PAJAK: "Pajak",
    RecordKind.TENAGA_AHLI: "Tenaga Ahli",
    RecordKind.PENGALAMAN: "Pengalaman",
}

# The fields of each kind's form, in the order the page shows them: (name, label, type).
# Types: "text", "date", "date?" (empty allowed: e.g. an izin usaha valid for life), "int".
FIELDS: Mapping[RecordKind, tuple[tuple[str, str, str], ...]] = {
    RecordKind.IZIN_USAHA: (
        ("jenis", "Jenis Izin", "text"),
        ("nomor", "No. Surat", "text"),
        ("instansi", "Instansi Pemberi", "text"),
        ("kualifikasi", "Kualifikasi", "text"),
        ("berlaku_sampai", "Berlaku Sampai (kosong: seumur hidup)", "date?"),
    ),
    RecordKind.AKTA: (
        ("jenis", "Jenis Akta (Pendirian/Perubahan)", "text"),
        ("nomor", "No. Akta", "text"),
        ("tanggal", "Tanggal Akta", "date"),
        ("notaris", "Notaris", "text"),
    ),
    RecordKind.PENGURUS: (
        ("nama", "Nama", "text"),
        ("nik", "No. KTP (NIK)", "text"),
        ("jabatan", "Jabatan", "text"),
    ),
    RecordKind.PAJAK: (
        ("jenis", "Jenis Pajak", "text"),
        ("tahun", "Tahun Pajak", "int"),
        ("nomor", "No. Bukti Penerimaan", "text"),
        ("tanggal", "Tanggal Bukti", "date"),
    ),
    RecordKind.TENAGA_AHLI: (
        ("nama", "Nama", "text"),
        ("pendidikan", "Pendidikan", "text"),
        ("keahlian", "Keahlian/Sertifikat", "text"),
        ("pengalaman_tahun", "Pengalaman Kerja (tahun)", "int"),
    ),
    RecordKind.PENGALAMAN: (
        ("pekerjaan", "Nama Pekerjaan", "text"),
        ("pemberi_tugas", "Pemberi Tugas", "text"),
        ("nomor_kontrak", "No. Kontrak", "text"),
        ("nilai_rupiah", "Nilai Kontrak (Rp)", "int"),
        ("tanggal_kontrak", "Tanggal Kontrak", "date"),
        ("selesai", "Tanggal Selesai Kontrak", "date"),
    ),
}

AKTA_PENDIRIAN = "Pendirian"
SPT_TAHUNAN = "SPT Tahunan"


@dataclass(frozen=True)
class VendorRecord:
    """One saved record of a Data Penyedia tab; ``values`` are the form's fields, parsed."""

    record_id: int
    vendor_id: str
    kind: RecordKind
    values: Mapping[str, str | int | date | None]

    def text(self, field: str) -> str:
        """A field as the pages show it (dates as ISO, empty as "-")."""
        value = self.values.get(field)
        if value is None or value == "":
            return "-"
        return value.isoformat() if isinstance(value, date) else str(value)

    @property
    def summary(self) -> str:
        """One line naming the record, for lists and the qualification form."""
        first, second = FIELDS[self.kind][0][0], FIELDS[self.kind][1][0]
        return f"{self.kind.label}: {self.text(first)} {self.text(second)}"

    def izin_expired(self, today: date) -> bool:
        """Whether this izin usaha's validity ended before ``today`` (never for other kinds)."""
        until = self.values.get("berlaku_sampai")
        return self.kind is RecordKind.IZIN_USAHA and isinstance(until, date) and until < today


def parse_record(
    kind: RecordKind, form: Mapping[str, str], today: date
) -> dict[str, str | int | date | None]:
    """The values of a Data Penyedia form, checked; FormProblems lists every problem at once.

    Rules, as SPSE's forms apply them: every field is required (but an izin usaha may be valid
    for life), dates are ISO dates, numbers are whole and not negative, NIK has 16 digits,
    documents (akta, bukti pajak, kontrak) are not dated in the future, a tax year is not in
    the future, a contract does not end before it starts. An izin usaha already expired may
    be saved (SPSE keeps history); it is refused when chosen for qualification.
    """
    values: dict[str, str | int | date | None] = {}
    problems: list[DomainError] = []
    for name, label, kind_of in FIELDS[kind]:
        raw = form.get(name, "").strip()
        if not raw:
            if kind_of == "date?":
                values[name] = None
                continue
            problems.append(DomainError("data_penyedia.wajib", field=label))
            continue
        if kind_of in ("date", "date?"):
            try:
                values[name] = date.fromisoformat(raw)
            except ValueError:
                problems.append(DomainError("data_penyedia.tanggal_tidak_valid", field=label))
        elif kind_of == "int":
            number = whole_number(raw)
            if number is None:
                problems.append(DomainError("data_penyedia.angka_tidak_valid", field=label))
            else:
                values[name] = number
        else:
            values[name] = raw
    problems += _kind_problems(kind, values, today)
    if problems:
        raise FormProblems(problems)
    return values


def _kind_problems(
    kind: RecordKind, values: Mapping[str, str | int | date | None], today: date
) -> list[DomainError]:
    problems: list[DomainError] = []
    nik = values.get("nik")
    if isinstance(nik, str) and not NIK_PATTERN.fullmatch(nik):
        problems.append(DomainError("data_penyedia.nik_tidak_valid"))
    for name in ("tanggal", "tanggal_kontrak"):
        when = values.get(name)
        if isinstance(when, date) and when > today:
            problems.append(DomainError("data_penyedia.tanggal_masa_depan"))
    year = values.get("tahun")
    if kind is RecordKind.PAJAK and isinstance(year, int) and year > today.year:
        problems.append(DomainError("data_penyedia.tahun_pajak_masa_depan", year=year))
    start, end = values.get("tanggal_kontrak"), values.get("selesai")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append(DomainError("data_penyedia.kontrak_terbalik"))
    value = values.get("nilai_rupiah")
    if isinstance(value, int) and value <= 0:
        problems.append(DomainError("data_penyedia.nilai_nol"))
    return problems
