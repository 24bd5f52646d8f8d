"""Whole numbers typed into SPSE's forms."""

from __future__ import annotations

# At most 18 digits: every such number fits SQLite's 64-bit INTEGER (a rupiah amount, a draw
# counter, a record id); a longer one is not a number any SPSE form takes.
MAX_DIGITS = 18


def whole_number(text: str) -> int | None:
    """``text`` as a non-negative whole number in ASCII digits (at most ``MAX_DIGITS``), else None.

    ``str.isdigit`` alone is not enough before ``int``: it holds for superscripts ("²"), which
    ``int`` refuses with ValueError, and ``int`` refuses strings of more than 4300 digits.
    """
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
