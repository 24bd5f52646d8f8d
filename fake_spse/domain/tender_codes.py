"""Kode Tender in SPSE 4's shape: a running number followed by the LPSE's own code.

SPSE 4 numbers packages per LPSE: an 8-digit running number with the LPSE's 3-digit code
appended (LPSE Kementerian Keuangan's "10080116000" is package 10080116 of LPSE 000), so a
kode tender read anywhere names the LPSE it came from. The one home of that format: the
service asks here for the next code, nothing else builds or takes one apart.
"""

from __future__ import annotations

import re

# The LPSE's code in a kode tender: exactly this many digits.
LPSE_CODE_DIGITS = 3
# The first running number of a new LPSE's data folder: a long-running LPSE's numbers are in the
# ten millions, and codes stay 11 digits for as long as a simulation runs.
FIRST_RUNNING_NUMBER = 10_000_001
_LPSE_CODE = re.compile(rf"\d{{{LPSE_CODE_DIGITS}}}", re.ASCII)


def check_lpse_code(lpse_code: str) -> str:
    """``lpse_code`` if it is the 3 digits SPSE appends; ValueError otherwise."""
    if not _LPSE_CODE.fullmatch(lpse_code):
        raise ValueError(
            f"the LPSE's SPSE code must be {LPSE_CODE_DIGITS} digits, got {lpse_code!r}"
        )
    return lpse_code


def tender_code(running_number: int, lpse_code: str) -> str:
    """The kode tender of package ``running_number`` at the LPSE ``lpse_code``."""
    if running_number < 1:
        raise ValueError(f"running number must be positive, got {running_number}")
    return f"{running_number}{check_lpse_code(lpse_code)}"


def running_number(code: str) -> int | None:
    """The running number of a kode tender of this shape, None for any other text."""
    if len(code) <= LPSE_CODE_DIGITS or not (code.isascii() and code.isdigit()):
        return None
    return int(code[:-LPSE_CODE_DIGITS])


def next_tender_code(existing: list[str] | tuple[str, ...], lpse_code: str) -> str:
    """The code of the LPSE's next package: one past the highest running number among the
    ``existing`` codes (deterministic: a fresh data folder always starts at the same code)."""
    numbers = [n for n in (running_number(code) for code in existing) if n is not None]
    return tender_code(max([FIRST_RUNNING_NUMBER - 1, *numbers]) + 1, lpse_code)
