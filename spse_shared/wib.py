"""Western Indonesian Time (WIB, UTC+7): the zone of every time a person reads, in SPSE's style."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from spse_shared.language import english

WIB = timezone(timedelta(hours=7), "WIB")

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# In English (--lang en): English month names, still WIB with the zone shown.
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_wib(moment: datetime, *, seconds: bool = False) -> str:
    """SPSE's date style, e.g. '02 Maret 2026 08:00 WIB' (with seconds: '08:00:05').

    In English (see ``spse_shared.language``) the month is named in English, as in
    '02 March 2026 08:00 WIB'.
    """
    local = moment.astimezone(WIB)
    clock = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
    month = (MONTHS_EN if english() else MONTHS)[local.month - 1]
    return f"{local.day:02d} {month} {local.year} {clock} WIB"
