"""How the commands print: fixed-width columns, clipped texts, WIB times, the outcomes table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from spse_shared.wib import WIB

if TYPE_CHECKING:  # types only: importing these costs seconds that `spse-sim --help` need not pay
    from simulator.harness.chronology import StepRecord
    from simulator.scenarios.run import ScenarioOutcome


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def wib(moment: datetime) -> str:
    """A moment as the listings show it, e.g. '2026-03-02 08:00 WIB'."""
    return moment.astimezone(WIB).strftime("%Y-%m-%d %H:%M WIB")


def echo_step(record: StepRecord) -> None:
    """One journey step as it finishes: mark, number, title, actor, duration, then its detail."""
    mark = "ok " if record.outcome == "ok" else "FAIL"
    print(
        f"[{mark}] {record.number:2d}. {record.title} ({record.actor}, {record.duration_s:.1f}s)",
        flush=True,
    )
    for line in record.detail.splitlines():
        print(f"          {line}", flush=True)


def format_outcomes(outcomes: Sequence[ScenarioOutcome]) -> str:
    """The expected-vs-observed table, one line per check."""
    lines = [f"{'id':<10} {'hasil':<7} {'skenario / pemeriksaan':<58} teramati"]
    for outcome in outcomes:
        lines.append(f"{outcome.scenario_id:<10} {outcome.status:<7} {outcome.title[:58]}")
        for check in outcome.checks:
            mark = "ok" if check.ok else "X"
            lines.append(f"{'':<10} {mark:<7}   diharapkan: {clip(check.expected, 100)}")
            lines.append(f"{'':<10} {'':<7}   teramati:   {clip(check.observed, 100)}")
        if outcome.error and not outcome.checks:
            lines.append(f"{'':<10} {'':<7}   galat: {clip(outcome.error, 110)}")
    return "\n".join(lines)
