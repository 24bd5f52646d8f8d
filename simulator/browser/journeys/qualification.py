"""The vendor fills Data Penyedia and sends Kirim Persyaratan Kualifikasi for a tender."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
