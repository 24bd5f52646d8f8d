"""Tender Cepat: open to vendors qualified in LKPP's SIKaP, won by the lowest price.

SIKaP (Sistem Informasi Kinerja Penyedia) is LKPP's register of qualified vendors. A vendor's
SIKaP data are complete once the company records SPSE's qualification asks for are there
(a valid izin usaha, the akta pendirian, a pengurus, last year's SPT Tahunan) and the vendor
has synchronised them from Data Penyedia; SPSE keeps the moment it was verified. Tender Cepat
uses those data as the qualification: the pokja does not evaluate kualifikasi, administrasi or
teknis, and after opening the lowest price at or below the HPS wins (no pembuktian, no sanggah).
Plain rules over plain values; the service passes the clock's moments in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fake_spse.domain.errors import DomainError
from fake_spse.domain.qualification import record_problems
from fake_spse.domain.schedule import Schedule
from fake_spse.domain.vendor_data import VendorRecord
from spse_shared.profile import PENETAPAN_STAGE, PENGUMUMAN_PEMENANG_STAGE

# What SIKaP lacks, by the qualification rule that found it missing (catalog key -> words).
_MISSING = {
    "kualifikasi.izin_wajib": "Izin Usaha yang masih berlaku",
    "kualifikasi.izin_kedaluwarsa": "Izin Usaha yang masih berlaku",
    "kualifikasi.akta_pendirian_wajib": "Akta Pendirian",
    "kualifikasi.pengurus_wajib": "Pengurus",
    "kualifikasi.spt_wajib": "SPT Tahunan tahun pajak {year}",
}
# Tender Gagal reasons of a Tender Cepat (LKPP's rules: fewer than two price offers; none
# acceptable).
REASON_TOO_FEW = "Peserta yang menyampaikan penawaran harga kurang dari 2 (dua)"
REASON_NONE_ACCEPTABLE = (
    "Tidak ada penawaran yang dapat dibuka dengan harga di bawah atau sama dengan HPS"
)
MIN_OFFERS = 2


@dataclass(frozen=True)
class SikapStatus:
    """What SPSE knows of a vendor's SIKaP data: verified (and when) or not yet."""

    vendor_id: str
    verified_at: datetime | None

    @property
    def complete(self) -> bool:
        return self.verified_at is not None


def sikap_missing(records: Sequence[VendorRecord], today: date) -> list[str]:
    """What the vendor's Data Penyedia still lacks for SIKaP, in words (empty: complete).

    The same rules as the qualification form (one home: fake_spse.domain.qualification), over
    every record the vendor keeps; an expired izin usaha is history, not a gap, when a valid
    one is there too.
    """
    valid = [r for r in records if not r.izin_expired(today)]
    missing: list[str] = []
    for problem in record_problems(valid, today):
        words = _MISSING[problem.key].format(**problem.params)
        if words not in missing:
            missing.append(words)
    return missing


def check_sikap_sync(records: Sequence[VendorRecord], today: date) -> None:
    """A synchronisation with SIKaP succeeds only with complete data; the catalog message names
    what is missing."""
    missing = sikap_missing(records, today)
    if missing:
        raise DomainError("sikap.belum_lengkap", kurang=", ".join(missing))


def ensure_may_join(status: SikapStatus | None) -> None:
    """Only a vendor with complete, verified SIKaP data joins a Tender Cepat."""
    if status is None or not status.complete:
        raise DomainError("tender_cepat.sikap_wajib")


@dataclass(frozen=True)
class PriceOffer:
    """One participant's offer as Tender Cepat ranks it."""

    vendor_id: str
    price_rupiah: int | None
    opened: bool
    received_at: datetime

    def acceptable(self, hps: int) -> bool:
        """Opened, with a known price at or below the HPS."""
        return self.opened and self.price_rupiah is not None and self.price_rupiah <= hps


def ranking(offers: Sequence[PriceOffer], hps: int) -> list[PriceOffer]:
    """The acceptable offers, lowest price first; the earlier received wins a tie."""
    acceptable = [o for o in offers if o.acceptable(hps)]
    return sorted(acceptable, key=lambda o: (o.price_rupiah, o.received_at))


@dataclass(frozen=True)
class Outcome:
    """A Tender Cepat's result: the winning offer, or why it failed (Tender Gagal)."""

    winner: PriceOffer | None
    failed_reason: str | None


def decide(offers: Sequence[PriceOffer], hps: int) -> Outcome:
    """Harga terendah: fewer than two offers sent fails the tender; otherwise the lowest
    acceptable price wins, and with none acceptable the tender fails."""
    if len(offers) < MIN_OFFERS:
        return Outcome(None, REASON_TOO_FEW)
    ranked = ranking(offers, hps)
    if not ranked:
        return Outcome(None, REASON_NONE_ACCEPTABLE)
    return Outcome(ranked[0], None)


def ensure_penetapan_open(schedule: Schedule, now: datetime, *, decided: bool) -> None:
    """The winner is fixed once, from the start of Penetapan Pemenang until Pengumuman Pemenang
    ends."""
    if decided:
        raise DomainError("pemenang.sudah_ditetapkan")
    window = schedule.window(PENETAPAN_STAGE)
    if now < window.start:
        raise DomainError("pemenang.belum_waktunya", start=window.start)
    if now >= schedule.window(PENGUMUMAN_PEMENANG_STAGE).end:
        raise DomainError("pemenang.tahap_lewat")
