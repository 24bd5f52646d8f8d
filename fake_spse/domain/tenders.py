"""Tender packages: what a pokja announces and who takes part."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.schedule import Schedule
from spse_shared.profile import DEFAULT_METHOD, OPENING_STAGE, UPLOAD_STAGE, Profile, TenderMethod

JENIS_PENGADAAN = {
    0: "Pengadaan Barang",
    1: "Jasa Konsultansi Badan Usaha Non Konstruksi",
    2: "Pekerjaan Konstruksi",
    3: "Jasa Lainnya",
    4: "Jasa Konsultansi Perorangan",
    5: "Jasa Konsultansi Badan Usaha Konstruksi",
}
# Jenis pengadaan that are consultancy (Seleksi; "Jenis Kontrak" Waktu Penugasan) and works.
KONSULTANSI = frozenset({1, 4, 5})
KONSTRUKSI = 2
# Perpres 16/2018 (as amended): packages up to Rp15 miliar are reserved for small businesses.
BATAS_USAHA_KECIL = 15_000_000_000


def rupiah(amount: int) -> str:
    """Money as SPSE prints it: 'Rp 1.234.567,00'."""
    return "Rp " + f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


@dataclass(frozen=True)
class TenderDraft:
    """The pokja's new-package form, already parsed."""

    name: str
    instansi: str
    satker: str
    jenis_pengadaan: int
    pagu: int
    hps: int
    lokasi: str
    tahun: int
    # The method the pokja chose on the form (a key of the profile's methods, e.g.
    # "tender-cepat"); empty: the one SPSE picks for the jenis pengadaan.
    metode: str = ""


@dataclass(frozen=True)
class Tender:
    """An announced tender package with its schedule and the certificates offers are sealed to."""

    tender_id: str
    name: str
    instansi: str
    satker: str
    jenis_pengadaan: int
    metode: str
    pagu: int
    hps: int
    lokasi: str
    tahun: int
    created_at: datetime
    created_by: str
    schedule: Schedule
    recipient_certificates: tuple[str, ...]
    # The method key of the profile's methods (spse_shared.profile.TenderMethod).
    method: str = DEFAULT_METHOD
    # Set when the pokja's evaluation ended without a winner (Tender Gagal).
    failed_reason: str | None = None

    @property
    def jenis_label(self) -> str:
        return JENIS_PENGADAAN.get(self.jenis_pengadaan, str(self.jenis_pengadaan))

    @property
    def kualifikasi_usaha(self) -> str:
        """'Kualifikasi Usaha' as SPSE derives it from the package's value."""
        return "Perusahaan Kecil" if self.hps <= BATAS_USAHA_KECIL else "Perusahaan Non Kecil"

    @property
    def jenis_kontrak(self) -> str:
        """'Jenis Kontrak': consultancy is paid by time, works by unit price, the rest lump sum."""
        if self.jenis_pengadaan in KONSULTANSI:
            return "Waktu Penugasan"
        if self.jenis_pengadaan == KONSTRUKSI:
            return "Harga Satuan"
        return "Lumsum"

    def stage_name(self, now: datetime) -> str:
        """The 'Tahap Tender Saat Ini' text."""
        if self.failed_reason is not None:
            return "Tender Gagal"
        current = self.schedule.current(now)
        if current is None:
            first = self.schedule.windows[0]
            return "Belum dimulai" if now < first.start else "Tender Sudah Selesai"
        return current.name

    def ensure_upload_open(self, now: datetime) -> None:
        """Offers are accepted only inside the upload stage."""
        window = self.schedule.window(UPLOAD_STAGE)
        if now < window.start:
            raise DomainError("penawaran.belum_dibuka")
        if now >= window.end:
            raise DomainError("penawaran.ditutup", deadline=window.end)

    def ensure_opening_started(self, now: datetime, stage: str = OPENING_STAGE) -> None:
        """Offers may be opened only once the opening stage (``stage``: File I or File II of a
        dua file method) has started."""
        window = self.schedule.window(stage)
        if now < window.start:
            raise DomainError("pembukaan.belum_waktunya", start=window.start)

    def ensure_pokja(self, user_id: str) -> None:
        if user_id != self.created_by:
            raise Forbidden("pembukaan.bukan_pokja")


def validate_draft(draft: TenderDraft) -> list[DomainError]:
    """Problems of a new package form."""
    problems: list[DomainError] = []
    for label, value in (("Nama paket", draft.name), ("Satuan kerja", draft.satker)):
        if not value.strip():
            problems.append(DomainError("registrasi.wajib_diisi", field=label))
    if draft.hps > draft.pagu:
        problems.append(DomainError("tender.hps_melebihi_pagu"))
    return problems


def pick_method(profile: Profile, draft: TenderDraft) -> TenderMethod:
    """The method of a new package: the one the pokja chose, if this LPSE's profile offers it
    for the package's jenis pengadaan, else the one SPSE picks for the jenis pengadaan."""
    if not draft.metode:
        return profile.method_for(draft.jenis_pengadaan)
    chosen = next((m for m in profile.pokja_methods if m.key == draft.metode), None)
    if chosen is None:
        raise DomainError("tender.metode_tidak_tersedia", metode=draft.metode)
    if draft.jenis_pengadaan not in chosen.jenis_pengadaan:
        jenis = JENIS_PENGADAAN.get(draft.jenis_pengadaan, str(draft.jenis_pengadaan))
        raise DomainError("tender.metode_tidak_sesuai", metode=chosen.name, jenis=jenis)
    return chosen
