"""Offers as SPSE sees them: ciphertext with a receipt, and what the pokja found at opening."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from fake_spse.domain.errors import DomainError

# The stable codes SpamKodok reports at opening; each has a message key "pembukaan.<code>".
OPENING_CODES = (
    "dibuka",
    "terpotong",
    "berubah",
    "rusak",
    "bukan_penerima",
    "gagal_dekripsi",
    "sertifikat_kedaluwarsa",
    "sertifikat_dicabut",
    "sertifikat_tidak_dipercaya",
    "bukan_tender_ini",
    "berkas_tidak_sesuai",
)
# Opened: the pokja can read the documents (berkas_tidak_sesuai: opened, with a document whose
# content is an archive or a program although its name says otherwise, flagged).
OPENED_CODES = frozenset({"dibuka", "berkas_tidak_sesuai"})


class OfferPart(StrEnum):
    """Which sealed package of an offer an upload is, per the tender's method."""

    PENAWARAN = "penawaran"  # satu file: administrasi, teknis and harga in one package
    FILE_1 = "file1"  # dua file, File I: administrasi dan teknis
    FILE_2 = "file2"  # dua file, File II: harga

    @property
    def label(self) -> str:
        """The part's name as SPSE shows it."""
        return _PART_LABELS[self]

    @property
    def carries_price(self) -> bool:
        """Whether this part holds the Surat Penawaran with the offered price."""
        return self is not OfferPart.FILE_1


_PART_LABELS = {
    OfferPart.PENAWARAN: "Dokumen Penawaran (Administrasi, Teknis dan Harga)",
    OfferPart.FILE_1: "File I (Administrasi dan Teknis)",
    OfferPart.FILE_2: "File II (Harga)",
}

DUA_FILE_METHODS = frozenset({"seleksi-pra-dua-file"})


def parts_for_method(method: str) -> tuple[OfferPart, ...]:
    """The sealed packages a vendor sends to a tender of ``method`` (a method key)."""
    if method in DUA_FILE_METHODS:
        return (OfferPart.FILE_1, OfferPart.FILE_2)
    return (OfferPart.PENAWARAN,)


def parse_part(value: str | None, method: str) -> OfferPart:
    """The part named by ``value`` (the tender's only part when empty), if the method has it."""
    parts = parts_for_method(method)
    if not value:
        if len(parts) != 1:
            raise DomainError("penawaran.bagian_wajib")
        return parts[0]
    try:
        part = OfferPart(value)
    except ValueError:
        raise DomainError("penawaran.bagian_tidak_dikenal") from None
    if part not in parts:
        raise DomainError("penawaran.bagian_tidak_dikenal")
    return part


@dataclass(frozen=True)
class Offer:
    """One received upload of one part. Only the newest per (tender, vendor, part) is current."""

    offer_id: int
    tender_id: str
    vendor_id: str
    blob_key: str
    sha256: str
    size: int
    received_at: datetime
    current: bool
    part: OfferPart = OfferPart.PENAWARAN
    # The total offered price of the Surat Penawaran, on the part that carries it; shown by
    # SPSE only after opening.
    price_rupiah: int | None = None


@dataclass(frozen=True)
class OpeningResult:
    """What the pokja's SpamKodok reported when it opened one offer."""

    offer_id: int
    code: str
    signer_subject: str
    files: tuple[str, ...]
    opened_at: datetime
    opened_by: str

    @property
    def succeeded(self) -> bool:
        return self.code == "dibuka"

    @property
    def opened(self) -> bool:
        """The content was read (also when SpamKodok flagged a disguised document in it)."""
        return self.code in OPENED_CODES


def check_opening_record(
    previous: OpeningResult | None,
    result: OpeningResult,
    *,
    correction: bool,
    stage_end: datetime,
) -> bool:
    """Whether ``result`` is to be recorded (False: it repeats ``previous``, a retry).

    An offer's opening result is recorded once, during the opening stage; a different result
    later is a correction, which the pokja must ask for (it is recorded as a new entry in the
    log, never silently written over the first one). DomainError otherwise.
    """
    if result.opened_at >= stage_end:
        raise DomainError("pembukaan.tahap_selesai", end=stage_end)
    if previous is None:
        return True
    same = (previous.code, previous.signer_subject, previous.files) == (
        result.code,
        result.signer_subject,
        result.files,
    )
    if same:
        return False
    if not correction:
        raise DomainError("pembukaan.sudah_dicatat")
    return True
