"""Offers as SPSE sees them: ciphertext with a receipt, and what the pokja found at opening."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
)


@dataclass(frozen=True)
class Offer:
    """One received upload. Only the newest offer of a vendor per tender is current."""

    offer_id: int
    tender_id: str
    vendor_id: str
    blob_key: str
    sha256: str
    size: int
    received_at: datetime
    current: bool


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
