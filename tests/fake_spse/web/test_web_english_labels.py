"""English pages name fields, tiers and the desk's own words in English too, not only headings.

The domain names a form's fields in Bahasa Indonesia ("Satuan kerja wajib diisi."); the page
shows the field in its language. SpamKodok's script writes a few words of its own ("Sedang
dibuka...", sizes in bytes): it takes them from the page, in the page's language.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from spse_web import World, page_text

from fake_spse.domain.accounts import VendorRegistration, registration_problems
from fake_spse.domain.errors import FormProblems
from fake_spse.domain.tenders import TenderDraft, validate_draft
from fake_spse.domain.vendor_data import FIELDS, parse_record
from fake_spse.support.tickets import ACTION_LABELS, TIER_LABELS
from spse_shared.english import TEXTS
from spse_shared.messages import MessageCatalog

PAGE_TEXTS = re.compile(r'<script type="application/json" id="teks-halaman">(.*?)</script>', re.S)


FORM = {"name": "Paket", "satker": "Dinas", "jenis_pengadaan": "2", "hps": "9", "lokasi": "X"}


def refusal(world: World, **changes: str) -> str:
    refused = world.pokja.post_form("/pokja/paket/baru", {**FORM, "pagu": "10", **changes})
    assert refused.status_code == 400
    return page_text(refused)


def test_a_pokja_form_error_names_the_field_in_english(english: None, world: World) -> None:
    catalog = MessageCatalog(language="en")
    no_unit = refusal(world, satker="")
    assert catalog.text("registrasi.wajib_diisi", field="Work unit") in no_unit
    assert "Satuan kerja" not in no_unit
    not_a_number = refusal(world, pagu="banyak")
    assert catalog.text("tender.angka_tidak_valid", field="Budget ceiling value") in not_a_number
    assert "Nilai pagu" not in not_a_number


def test_in_bahasa_indonesia_the_field_keeps_its_name(world: World) -> None:
    catalog = MessageCatalog(language="id")
    assert catalog.text("registrasi.wajib_diisi", field="Satuan kerja") in refusal(world, satker="")


def test_every_field_a_form_error_can_name_has_its_english() -> None:
    """Empty forms name every required field; each must be in the English table."""
    named = [p.params["field"] for p in validate_draft(TenderDraft("", "", "", 0, 0, 0, "", 0))]
    empty = VendorRegistration("", "", "", "", "", "", "", "", "")
    named += [p.params["field"] for p in registration_problems(empty) if "field" in p.params]
    for kind in FIELDS:
        with pytest.raises(FormProblems) as refused:
            parse_record(kind, {}, date(2026, 3, 2))
        named += [p.params["field"] for p in refused.value.problems if "field" in p.params]
    # The pokja's number fields are named by its page (fake_spse/web/pokja.py).
    named += ["Jenis pengadaan", "Nilai pagu", "Nilai HPS"]
    assert len(named) > 10
    assert [field for field in named if field not in TEXTS] == []


def test_every_tier_and_action_of_lpse_support_has_its_english() -> None:
    labels = [*TIER_LABELS.values(), *ACTION_LABELS.values()]
    assert [label for label in labels if label not in TEXTS] == []


def test_spamkodok_s_own_words_come_from_the_page_in_its_language(
    english: None, world: World
) -> None:
    upload = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    found = PAGE_TEXTS.search(upload.text)
    assert found is not None, "the upload page carries no texts for SpamKodok's script"
    assert json.loads(found.group(1)) == {"sedang_dibuka": "Opening...", "ukuran": "{size} bytes"}
