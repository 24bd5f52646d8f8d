"""The Surat Penawaran SPSE generates from the price and validity a vendor enters.

In SPSE 4 the vendor enters the total offered price and how long the offer stays valid on the
offer page; SPSE generates the Surat Penawaran from them, and it travels inside the sealed
offer (the part that carries the price: the one package of "satu file", File II of "dua
file"). SPSE keeps the entered price with the offer and shows it only after opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.numbers import whole_number
from fake_spse.domain.offers import OfferPart
from fake_spse.domain.tenders import rupiah
from spse_shared.pdf import pdf_bytes
from spse_shared.wib import format_wib

# Inside the offer, under the profile's file-name rules like every other document (no "-").
LETTER_NAME = "Surat Penawaran.pdf"
MAX_VALIDITY_DAYS = 365


@dataclass(frozen=True)
class OfferLetter:
    """The latest Surat Penawaran generated for one part of a vendor's offer to a tender."""

    tender_id: str
    vendor_id: str
    part: OfferPart
    price_rupiah: int
    validity_days: int
    created_at: datetime


def parse_letter_form(price: str, validity: str) -> tuple[int, int]:
    """(price in rupiah, validity in days) from the offer page's fields; FormProblems names
    every problem. The price is a whole number of rupiah, dots as thousands separators allowed
    ("750.000.000"); validity is 1..365 days."""
    problems: list[DomainError] = []
    digits = price.strip().removeprefix("Rp").strip().replace(".", "")
    amount = whole_number(digits) or 0
    if amount <= 0:
        problems.append(DomainError("penawaran.harga_tidak_valid"))
    days_text = validity.strip()
    days = whole_number(days_text) or 0
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        problems.append(DomainError("penawaran.masa_berlaku_tidak_valid", max=MAX_VALIDITY_DAYS))
    if problems:
        raise FormProblems(problems)
    return amount, days


def render_letter(
    letter: OfferLetter, *, tender_name: str, company: str, director: str, npwp: str
) -> bytes:
    """The Surat Penawaran as a one-page PDF (ASCII text: the PDF's base font)."""
    return pdf_bytes(
        "SURAT PENAWARAN",
        [
            f"Kode Tender: {letter.tender_id}",
            f"Nama Paket: {tender_name}",
            f"Bagian: {letter.part.label}",
            "",
            f"Kami, {company} (NPWP {npwp}), mengajukan penawaran dengan",
            f"harga total penawaran {rupiah(letter.price_rupiah)} (termasuk PPN)",
            f"yang berlaku selama {letter.validity_days} hari kalender sejak batas akhir",
            "pemasukan dokumen penawaran.",
            "",
            f"Dibuat oleh SPSE pada {format_wib(letter.created_at)}",
            f"{director}, Direktur {company}",
        ],
    )
