"""Tender schedules: consecutive stage windows built from a profile's stage templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from fake_spse.domain.errors import DomainError
from spse_shared.profile import StageTemplate


class UnknownStage(DomainError, KeyError):
    """A stage the tender's schedule does not have (e.g. Masa Sanggah of a Tender Cepat): a
    KeyError naming the stage for callers that look stages up, and SPSE's message for a page
    that asked for a step the tender's method has no stage for."""

    def __init__(self, name: str) -> None:
        super().__init__("jadwal.tahap_tidak_ada", stage=name)
        self.args = (name,)


@dataclass(frozen=True)
class StageWindow:
    """One stage of a tender: numbered from 1, open from ``start`` (inclusive) to ``end``."""

    number: int
    name: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Schedule:
    """The stages of one tender, in order."""

    windows: tuple[StageWindow, ...]

    def current(self, now: datetime) -> StageWindow | None:
        """The stage open at ``now``; None before the first stage or after the last."""
        for window in self.windows:
            if window.start <= now < window.end:
                return window
        return None

    def window(self, name: str) -> StageWindow:
        """The stage called ``name``; UnknownStage (a KeyError naming it) when there is none."""
        for window in self.windows:
            if window.name == name:
                return window
        raise UnknownStage(name)

    def is_open(self, name: str, now: datetime) -> bool:
        """True while ``name`` runs: start <= now < end."""
        window = self.window(name)
        return window.start <= now < window.end

    def has_started(self, name: str, now: datetime) -> bool:
        """True from the start of ``name`` onwards (also after it has ended)."""
        return now >= self.window(name).start


def build_schedule(templates: Sequence[StageTemplate], start: datetime) -> Schedule:
    """Lay the stages end to end, the first one starting at ``start`` (an aware datetime)."""
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("schedule start must be timezone-aware")
    windows: list[StageWindow] = []
    moment = start
    for number, template in enumerate(templates, start=1):
        if template.hours < 1:
            raise ValueError(f"stage {template.name!r} must last at least 1 hour")
        end = moment + timedelta(hours=template.hours)
        windows.append(StageWindow(number=number, name=template.name, start=moment, end=end))
        moment = end
    return Schedule(windows=tuple(windows))
