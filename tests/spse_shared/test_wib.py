"""Times people read: WIB with the zone shown, months in the chosen language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from spse_shared.language import LANGUAGE_ENV
from spse_shared.wib import format_wib

MOMENT = datetime(2026, 3, 2, 1, 0, 5, tzinfo=UTC)


def test_spse_style_in_bahasa_indonesia(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "id")

    assert format_wib(MOMENT) == "02 Maret 2026 08:00 WIB"
    assert format_wib(MOMENT, seconds=True) == "02 Maret 2026 08:00:05 WIB"


def test_english_month_names_still_in_wib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")

    assert format_wib(MOMENT) == "02 March 2026 08:00 WIB"
    assert format_wib(datetime(2026, 12, 31, 17, 30, tzinfo=UTC)) == "01 January 2027 00:30 WIB"
