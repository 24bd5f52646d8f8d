"""The Surat Penawaran form's price and validity."""

from __future__ import annotations

import pytest

from fake_spse.domain.errors import FormProblems
from fake_spse.domain.offer_letter import parse_letter_form


def test_a_price_with_thousands_dots_and_a_validity_are_read() -> None:
    assert parse_letter_form("Rp 750.000.000", "60") == (750_000_000, 60)


@pytest.mark.parametrize(
    ("price", "validity"), [("²", "60"), ("750000000", "³"), ("9" * 5000, "1")]
)
def test_digits_int_refuses_are_a_form_problem_not_a_crash(price: str, validity: str) -> None:
    """Found by tests/fake_spse/web/test_web_every_route_fuzz.py's family: str.isdigit() let
    superscripts and 5000-digit numbers through to int(), which raised ValueError (a 500)."""
    with pytest.raises(FormProblems):
        parse_letter_form(price, validity)
