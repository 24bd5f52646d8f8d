"""SPSE's own pages in English on request, as SPSE 4 itself offers an English interface."""

from __future__ import annotations

import json
import re

import pytest
from spse_web import Browser, World, page_text

from fake_spse.domain.offers import OfferPart
from fake_spse.domain.vendor_data import FIELDS, KIND_LABELS
from fake_spse.support.pages import BUTTONS, OTHER_APPLICATIONS, ROLE_LABELS
from spse_shared.english import TEXTS
from spse_shared.english_messages import CATALOG as ENGLISH_CATALOG
from spse_shared.language import LANGUAGE_ENV
from spse_shared.messages import CATALOG


def headings(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h1>(.*?)</h1>", text, re.S)]


def test_the_login_page_speaks_english_and_says_so(english: None, browser: Browser) -> None:
    page = browser.get("/login")
    assert page.status_code == 200
    assert '<html lang="en">' in page.text
    text = page_text(page)
    assert "Log in as" in text
    assert "Forgot your password?" in text
    assert "Login sebagai" not in text
    assert "Lupa Password?" not in text
    assert "Server time:" in text


def test_a_vendor_reads_the_announcement_and_the_upload_page_in_english(
    english: None, world: World
) -> None:
    announcement = world.vendor_a.get(f"/lelang/{world.tender_id}/pengumumanlelang")
    assert announcement.status_code == 200
    assert '<html lang="en">' in announcement.text
    assert headings(announcement.text) == ["Tender Information"]
    assert "Procurement Method" in page_text(announcement)

    upload = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    assert upload.status_code == 200
    assert headings(upload.text) == ["Upload Offer Documents"]
    text = page_text(upload)
    assert "Offer Documents (Administrative, Technical and Price)" in text
    assert "Current stage:" in text
    assert "Tahap saat ini" not in text
    # Data stays as it is: the tender's name is not translated.
    assert "Pembangunan Jalan Desa" in text


def test_the_pages_stay_in_bahasa_indonesia_by_default(
    monkeypatch: pytest.MonkeyPatch, world: World
) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    announcement = world.vendor_a.get(f"/lelang/{world.tender_id}/pengumumanlelang")
    assert '<html lang="id">' in announcement.text
    assert headings(announcement.text) == ["Informasi Tender"]
    upload = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    assert headings(upload.text) == ["Upload Dokumen Penawaran"]


def shown_catalog(page_html: str) -> dict[str, str]:
    """The message catalog a SpamKodok page hands its script (``#katalog-pesan``)."""
    found = re.search(
        r'<script type="application/json" id="katalog-pesan">(.*?)</script>', page_html, re.S
    )
    assert found, "no message catalog on the page"
    catalog: dict[str, str] = json.loads(found.group(1))
    return catalog


@pytest.fixture(params=["en", "id"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The language of the run, set before the LPSE starts (as ``--lang`` does)."""
    monkeypatch.setenv(LANGUAGE_ENV, request.param)
    return str(request.param)


def test_the_upload_page_hands_spamkodok_the_catalog_in_the_pages_language(
    language: str, world: World
) -> None:
    expected = ENGLISH_CATALOG if language == "en" else CATALOG
    first = shown_catalog(world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran").text)
    again = shown_catalog(world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran").text)
    assert first["penawaran.berhasil"] == expected["penawaran.berhasil"]
    assert first.keys() == CATALOG.keys()
    assert again == first


def test_lpse_support_speaks_english_too(english: None, world: World) -> None:
    vendor = world.vendor_a
    entered = vendor.http.post("/support/masuk", data={"authenticityToken": vendor.token()})
    assert entered.status_code == 303, entered.text
    page = vendor.http.get("/support/tiket")
    assert page.status_code == 200, page.text
    assert '<html lang="en">' in page.text
    assert headings(page.text) == ["Ticket List"]
    assert "Create New Ticket" in page_text(page)


def test_labels_the_pages_look_up_in_tables_have_their_english() -> None:
    shown = [
        *ROLE_LABELS.values(),
        *BUTTONS.values(),
        *(description for _, description, _ in OTHER_APPLICATIONS),
        *KIND_LABELS.values(),
        *(label for fields in FIELDS.values() for _, label, _ in fields),
        *(part.label for part in OfferPart),
    ]
    assert [text for text in shown if text not in TEXTS] == []


def test_the_vendors_own_inbox_speaks_english_too(english: None, browser: Browser) -> None:
    inbox = browser.http.get("/_sim/webmail/kotak", params={"alamat": "admin@ptmaju.co.id"})
    assert inbox.status_code == 200
    assert '<html lang="en">' in inbox.text
    assert headings(inbox.text) == ["Inbox admin@ptmaju.co.id"]
    assert "The inbox is empty." in inbox.text
