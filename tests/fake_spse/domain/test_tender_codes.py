"""Kode tender: SPSE 4's running number with the LPSE's 3-digit code appended."""

from __future__ import annotations

import pytest

from fake_spse.domain.tender_codes import (
    FIRST_RUNNING_NUMBER,
    check_lpse_code,
    next_tender_code,
    running_number,
    tender_code,
)


def test_a_code_is_the_running_number_then_the_lpse_code() -> None:
    # The shape of LPSE Kementerian Keuangan's "10080116000" (package 10080116 of LPSE 000).
    assert tender_code(10080116, "000") == "10080116000"
    assert running_number("10080116000") == 10080116


def test_a_fresh_lpse_starts_at_the_first_running_number_and_counts_up() -> None:
    first = next_tender_code([], "133")
    assert first == f"{FIRST_RUNNING_NUMBER}133"
    assert len(first) == 11
    second = next_tender_code([first], "133")
    assert second == f"{FIRST_RUNNING_NUMBER + 1}133"
    # Numeric, not textual, order of the running numbers; other text is ignored.
    assert next_tender_code(["10000009133", "10000010133", "abc"], "133") == "10000011133"


def test_codes_of_old_data_folders_do_not_move_the_numbers_backwards() -> None:
    # Data folders written before codes had this shape hold 8-digit ids such as "10000001".
    assert next_tender_code(["10000001"], "133") == f"{FIRST_RUNNING_NUMBER}133"


@pytest.mark.parametrize("code", ["", "12", "1234", "12a", "١٢٣"])
def test_an_lpse_code_is_exactly_three_ascii_digits(code: str) -> None:
    with pytest.raises(ValueError, match="3 digits"):
        check_lpse_code(code)


@pytest.mark.parametrize("text", ["", "133", "12x45", "²²²²²"])
def test_text_that_is_no_code_has_no_running_number(text: str) -> None:
    assert running_number(text) is None
