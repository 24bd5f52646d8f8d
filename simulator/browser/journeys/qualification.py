"""The vendor fills Data Penyedia and sends Kirim Persyaratan Kualifikasi for a tender."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.pages.qualification import QualificationPage, VendorDataPage


@dataclass(frozen=True)
class VendorRecordForm:
    """One record to add: the tab (``izin_usaha``), its label and field label -> value."""

    kind: str
    label: str
    values: Mapping[str, str]


def fill_vendor_data(page: Page, spse_url: str, records: Sequence[VendorRecordForm]) -> None:
    """Add ``records`` to the logged-in vendor's Data Penyedia; JourneyError if one is refused."""
    data = VendorDataPage(page, spse_url)
    for record in records:
        data.open(record.kind)
        data.add(record.label, record.values)
        if data.alert_texts():
            raise JourneyError(f"{record.label} refused: {data.alert_texts()}")


def send_qualification(
    page: Page,
    spse_url: str,
    tender_id: str,
    attachments: Sequence[Path],
    choose: Callable[[str], bool] = lambda _: True,
) -> list[str]:
    """Tick the records ``choose`` accepts (all by default), attach, send; the messages shown."""
    form = QualificationPage(page, spse_url)
    form.open(tender_id)
    form.send([c for c in form.choices() if choose(c)], attachments)
    return [*form.alert_texts(), *form.status_texts()]


def company_records(director: str, tax_year: int) -> list[VendorRecordForm]:
    """Data Penyedia besides the izin usaha that a qualification needs: akta pendirian, a
    pengurus (``director``), the SPT Tahunan of ``tax_year``. Field labels as SPSE names them
    (the page object finds them in the chosen language); values are data and stay as entered."""
    return [
        VendorRecordForm(
            "akta",
            "Akta",
            {
                "Jenis Akta (Pendirian/Perubahan)": "Pendirian",
                "No. Akta": "12",
                "Tanggal Akta": "2015-05-04",
                "Notaris": "Sri Wahyuni, S.H., M.Kn.",
            },
        ),
        VendorRecordForm(
            "pengurus",
            "Pengurus",
            {"Nama": director, "No. KTP (NIK)": "3372010101800001", "Jabatan": "Direktur"},
        ),
        VendorRecordForm(
            "pajak",
            "Pajak",
            {
                "Jenis Pajak": "SPT Tahunan",
                "Tahun Pajak": str(tax_year),
                "No. Bukti Penerimaan": "BPE-0001",
                "Tanggal Bukti": f"{tax_year + 1}-01-15",
            },
        ),
    ]


def complete_company_records(director: str, today: date) -> list[VendorRecordForm]:
    """What Kirim Persyaratan Kualifikasi needs at least: an izin usaha valid for a year and
    the records of ``company_records`` with the last year's SPT Tahunan."""
    izin = VendorRecordForm(
        "izin_usaha",
        "Izin Usaha",
        {
            "Jenis Izin": "SIUP",
            "No. Surat": "503/77/2026",
            "Instansi Pemberi": "DPMPTSP Kota Surakarta",
            "Kualifikasi": "Kecil",
            "Berlaku Sampai (kosong: seumur hidup)": today.replace(year=today.year + 1).isoformat(),
        },
    )
    return [izin, *company_records(director, today.year - 1)]
