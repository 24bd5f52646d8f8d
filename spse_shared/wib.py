"""Western Indonesian Time (WIB, UTC+7): the zone of every time a person reads, in SPSE's style."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

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


def format_wib(moment: datetime, *, seconds: bool = False) -> str:
    """SPSE's date style, e.g. '02 Maret 2026 08:00 WIB' (with seconds: '08:00:05')."""
    local = moment.astimezone(WIB)
    clock = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
    return f"{local.day:02d} {MONTHS[local.month - 1]} {local.year} {clock} WIB"
