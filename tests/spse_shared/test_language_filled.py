"""``tr_filled``: a text already filled in, as a scenario names what a page shows, in the run's
language (the catalog's Gherkin stays Bahasa Indonesia; the pages follow the language)."""

from __future__ import annotations

import pytest

from spse_shared.language import LANGUAGE_ENV, tr, tr_filled


def test_a_filled_in_text_gets_its_template_s_english_with_the_same_values(english: None) -> None:
    assert tr_filled("Dinilai selesai (nilai 5)") == "Rated solved (rating 5)"
    assert tr_filled("Dinilai selesai (nilai 5)") == tr(
        "Dinilai selesai (nilai {rating})", rating=5
    )


def test_values_that_are_labels_are_looked_up_too(english: None) -> None:
    assert tr_filled("Teruskan ke Helpdesk LPSE") == "Forward to LPSE Helpdesk"
    assert tr_filled("Diteruskan ke Helpdesk Teknis LKPP") == tr(
        "Diteruskan ke {tier}", tier=tr("Helpdesk Teknis LKPP")
    )


def test_a_plain_text_is_looked_up_as_tr_does(english: None) -> None:
    assert tr_filled("Ambil Tiket") == tr("Ambil Tiket") == "Take Ticket"


def test_the_most_specific_template_wins(english: None) -> None:
    # "Dinilai selesai (nilai {rating})" and "Dinilai tidak selesai (nilai {rating})" differ.
    assert tr_filled("Dinilai tidak selesai (nilai 2)") == "Rated not solved (rating 2)"


def test_an_unknown_text_and_bahasa_indonesia_stay_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert tr_filled("CV Maju") == "CV Maju"
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    assert tr_filled("Dinilai selesai (nilai 5)") == "Dinilai selesai (nilai 5)"
