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
)


class OfferPart(StrEnum):
    """Which sealed package an offer is: the one of a satu file method, or File I / File II."""

    PENAWARAN = "penawaran"
    FILE_1 = "file1"
    FILE_2 = "file2"


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
    part: OfferPart = OfferPart.PENAWARAN
    # The total price of the Surat Penawaran, on the part that carries it (None: not known).
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
