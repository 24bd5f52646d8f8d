"""A profile's title is read in the run's language (``title_en``), like every other text."""

from __future__ import annotations

import pytest

from spse_shared.language import LANGUAGE_ENV
from spse_shared.profile import available_profiles, load_profile


@pytest.mark.parametrize("name", available_profiles())
def test_every_shipped_profile_has_an_english_title(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = load_profile(name)
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert profile.title_en
    assert profile.shown_title == profile.title_en
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    assert profile.shown_title == profile.title


def test_the_ca_profile_says_electronic_certificate_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert "sertifikat" not in load_profile("spse-4.3-ca").shown_title
