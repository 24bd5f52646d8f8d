"""Kirim Persyaratan Kualifikasi: the Data Penyedia records a vendor chooses for a tender.

In SPSE 4 the vendor fills the qualification form of a tender (pascakualifikasi: during the
upload stage, before the offer) by ticking records of Data Penyedia and adding attachments;
SPSE keeps what was sent (the latest sending counts) and the pokja evaluates it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.schedule import Schedule
from fake_spse.domain.vendor_data import AKTA_PENDIRIAN, SPT_TAHUNAN, RecordKind, VendorRecord


@dataclass(frozen=True)
class Attachment:
    """One file attached to a qualification sending, kept in SPSE's blob store."""

    name: str
    size: int
    sha256: str
    blob_key: str


@dataclass(frozen=True)
class QualificationSubmission:
    """What a vendor sent for one tender: the chosen records (as they were when sent, so a
    later edit of Data Penyedia does not change a sent qualification) and attachment names."""

    submission_id: int
    tender_id: str
    vendor_id: str
    records: tuple[VendorRecord, ...]
    attachments: tuple[Attachment, ...]
    submitted_at: datetime
    current: bool

    def of_kind(self, kind: RecordKind) -> tuple[VendorRecord, ...]:
        """The sent records of one Data Penyedia tab."""
        return tuple(r for r in self.records if r.kind is kind)


@dataclass(frozen=True)
class NameRules:
    """The file-name rules of the profile, which apply to every file of every part."""

    max_chars: int
    limit_inclusive: bool
    forbidden_chars: tuple[str, ...]


def name_problems(name: str, rules: NameRules) -> list[DomainError]:
    """Problems of one attachment's name (length in characters, extension included)."""
    problems = []
    too_long = (
        len(name) > rules.max_chars if rules.limit_inclusive else len(name) >= rules.max_chars
    )
    if too_long:
        problems.append(
            DomainError(
                "kualifikasi.nama_terlalu_panjang", name=name, length=len(name), max=rules.max_chars
            )
        )
    bad = [c for c in rules.forbidden_chars if c in name]
    if bad:
        problems.append(
            DomainError("kualifikasi.karakter_terlarang", name=name, chars=" ".join(bad))
        )
    return problems


def check_qualification(
    vendor_id: str,
    chosen: Sequence[VendorRecord],
    attachments: Sequence[tuple[str, int]],
    *,
    rules: NameRules,
    today: date,
    max_bytes: int,
) -> None:
    """Whether ``chosen`` records and ``attachments`` make a qualification SPSE accepts.

    The rules of a pascakualifikasi form: at least one izin usaha, none expired on the day of
    sending; an akta pendirian; at least one pengurus; the SPT Tahunan of the last tax year;
    only the vendor's own records; attachments (name, size) under the profile's file-name
    rules, not repeated, not empty and at most ``max_bytes``. FormProblems lists every problem
    at once.
    """
    if any(r.vendor_id != vendor_id for r in chosen):
        raise DomainError("kualifikasi.bukan_milik")
    problems = record_problems(chosen, today)
    seen: set[str] = set()
    for name, size in attachments:
        problems += name_problems(name, rules)
        if size == 0:
            problems.append(DomainError("kualifikasi.lampiran_kosong", name=name))
        elif size > max_bytes:
            problems.append(
                DomainError("kualifikasi.lampiran_terlalu_besar", name=name, max_mb=max_bytes >> 20)
            )
        if name.casefold() in seen:
            problems.append(DomainError("kualifikasi.nama_ganda", name=name))
        seen.add(name.casefold())
    if problems:
        raise FormProblems(problems)


def record_problems(chosen: Sequence[VendorRecord], today: date) -> list[DomainError]:
    """What ``chosen`` Data Penyedia records lack for a qualification: at least one izin usaha,
    none expired on ``today``; an akta pendirian; a pengurus; the SPT Tahunan of the last tax
    year (also SIKaP's rule: fake_spse.domain.tender_cepat)."""
    problems: list[DomainError] = []
    by_kind: Mapping[RecordKind, list[VendorRecord]] = {
        kind: [r for r in chosen if r.kind is kind] for kind in RecordKind
    }
    izin = by_kind[RecordKind.IZIN_USAHA]
    if not izin:
        problems.append(DomainError("kualifikasi.izin_wajib"))
    for record in izin:
        if record.izin_expired(today):
            problems.append(
                DomainError(
                    "kualifikasi.izin_kedaluwarsa",
                    izin=f"{record.text('jenis')} {record.text('nomor')}",
                    until=record.text("berlaku_sampai"),
                )
            )
    if not any(r.values.get("jenis") == AKTA_PENDIRIAN for r in by_kind[RecordKind.AKTA]):
        problems.append(DomainError("kualifikasi.akta_pendirian_wajib"))
    if not by_kind[RecordKind.PENGURUS]:
        problems.append(DomainError("kualifikasi.pengurus_wajib"))
    last_year = today.year - 1
    if not any(
        r.values.get("jenis") == SPT_TAHUNAN
        and isinstance(r.values.get("tahun"), int)
        and int(str(r.values.get("tahun"))) >= last_year
        for r in by_kind[RecordKind.PAJAK]
    ):
        problems.append(DomainError("kualifikasi.spt_wajib", year=last_year))
    return problems


# The stage of a prakualifikasi (Seleksi) in which participants send their qualification.
PRAKUALIFIKASI_STAGE = "Kirim Persyaratan Kualifikasi"


def prakualifikasi(schedule: Schedule) -> bool:
    """Whether the tender's method qualifies before the offers (a stage of its own)."""
    return any(w.name == PRAKUALIFIKASI_STAGE for w in schedule.windows)


def ensure_prakualifikasi_open(schedule: Schedule, now: datetime) -> None:
    """In a prakualifikasi the qualification is sent inside 'Kirim Persyaratan Kualifikasi'."""
    window = schedule.window(PRAKUALIFIKASI_STAGE)
    if now < window.start:
        raise DomainError("kualifikasi.belum_dibuka", start=window.start)
    if now >= window.end:
        raise DomainError("kualifikasi.ditutup", deadline=window.end)
