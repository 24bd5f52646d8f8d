"""Whole numbers typed into forms: ASCII digits only, never a crash on what str.isdigit lets by."""

from __future__ import annotations

import pytest

from fake_spse.domain.numbers import MAX_DIGITS, whole_number


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("950000000", 950_000_000), ("007", 7)])
def test_ascii_digits_are_a_number(text: str, number: int) -> None:
    assert whole_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "²",  # str.isdigit() holds, int() raises ValueError: was a 500 on every form below
        "1²3",
        "٣٤٥",  # another script's digits: not a number SPSE's forms take
        "-1",
        " 1",
        "9" * (MAX_DIGITS + 1),  # would overflow SQLite's INTEGER
        "9" * 5000,  # int() refuses more than 4300 digits
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert whole_number(text) is None
