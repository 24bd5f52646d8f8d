"""SPSE's own pages in English on request, as SPSE 4 itself offers an English interface."""

from __future__ import annotations

import re

import pytest
from spse_web import Browser, World, page_text

from fake_spse.domain.offers import OfferPart
from fake_spse.domain.vendor_data import FIELDS, KIND_LABELS
from fake_spse.support.pages import BUTTONS, OTHER_APPLICATIONS, ROLE_LABELS
from spse_shared.english import TEXTS
from spse_shared.language import LANGUAGE_ENV


def headings(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h1>(.*?)</h1>", text, re.S)]


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")


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
