"""Page objects and steps find SPSE's labels in the run's language, as the pages show them.

Steps name labels in Bahasa Indonesia (the catalog's language); page objects look them up
through ``tr`` and the pages render the same texts through ``tr``. Checked without a browser:
a recorder stands in for Playwright's Page and notes every role, name and label looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
from playwright.sync_api import Page

from fake_spse.domain.vendor_data import FIELDS, KIND_LABELS, RecordKind
from fake_spse.support.pages import BUTTONS as SUPPORT_BUTTONS
from simulator.browser.journeys.qualification import company_records
from simulator.browser.pages import apd
from simulator.browser.pages.qualification import VendorDataPage
from simulator.scenarios.steps import qualification, support
from spse_shared.english import TEXTS
from spse_shared.language import LANGUAGE_ENV, tr

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "fake_spse" / "web" / "templates"


@dataclass
class Recorder:
    """Answers like a Page or Locator; ``looked_up`` lists (role or "label", name)."""

    looked_up: list[tuple[str, str]] = field(default_factory=list)

    def get_by_role(self, role: str, *, name: str = "", **_: Any) -> Recorder:
        self.looked_up.append((role, name))
        return self

    def get_by_label(self, label: str, **_: Any) -> Recorder:
        self.looked_up.append(("label", label))
        return self

    def fill(self, value: str) -> None:
        pass

    def click(self) -> None:
        pass

    def wait_for_load_state(self) -> None:
        pass

    def goto(self, url: str) -> None:
        pass


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(LANGUAGE_ENV, request.param)
    return str(request.param)


def test_data_penyedia_form_is_filled_by_the_labels_the_page_shows(language: str) -> None:
    recorder = Recorder()
    page = VendorDataPage(cast(Page, recorder), "http://lpse/eproc4")
    page.add("Izin Usaha", {"Jenis Izin": "SIUP", "No. Surat": "503/1"})
    if language == "en":
        form = f"Add {TEXTS['Izin Usaha']}"
        assert recorder.looked_up == [
            ("form", form),
            ("label", TEXTS["Jenis Izin"]),
            ("label", TEXTS["No. Surat"]),
            ("button", TEXTS["Simpan"]),
        ]
    else:
        assert recorder.looked_up == [
            ("form", "Tambah Izin Usaha"),
            ("label", "Jenis Izin"),
            ("label", "No. Surat"),
            ("button", "Simpan"),
        ]


def test_the_records_the_steps_add_name_the_server_s_own_fields() -> None:
    """Steps name a record's tab and fields as SPSE does (fake_spse/domain/vendor_data.py), so
    ``tr`` of each is what the page shows in either language."""

    @dataclass
    class Vendor:
        display_name: str = "CV Maju"

    records = [
        qualification._izin("503/1/2019", "2025-01-01"),
        *company_records(Vendor().display_name, 2025),
    ]
    for record in records:
        kind = RecordKind(record.kind)
        assert record.label == KIND_LABELS[kind]
        assert set(record.values) <= {label for _, label, _ in FIELDS[kind]}, record.kind
        assert record.label in TEXTS
        assert [label for label in record.values if label not in TEXTS] == []


def _template_texts(name: str) -> set[str]:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return set(re.findall(r'tr\("([^"]+)"', text))


def test_import_apd_page_object_looks_for_the_template_s_heading_and_button(
    language: str,
) -> None:
    shown = _template_texts("apd.html")
    assert {apd.HEADING, apd.IMPORT_BUTTON} <= shown
    assert tr(apd.HEADING) == (TEXTS[apd.HEADING] if language == "en" else apd.HEADING)


def test_lpse_support_steps_press_the_buttons_the_ticket_page_offers() -> None:
    offered = set(SUPPORT_BUTTONS.values())
    assert set(support.BUTTONS.values()) <= offered
    assert support.ESCALATE == "Teruskan"
    assert all(label in TEXTS for label in support.BUTTONS.values())


def test_escalation_is_found_by_the_shown_prefix_in_either_language(language: str) -> None:
    """The step picks "Teruskan ke <tier>" by its prefix, whichever tier is above."""
    prefix = tr("Teruskan ke {tier}", tier="")
    shown = tr("Teruskan ke {tier}", tier=tr("Helpdesk Eproc LKPP"))
    assert shown.startswith(prefix)
    assert prefix == ("Forward to " if language == "en" else "Teruskan ke ")
