"""One step of a run's chronology as recorded (``chronology.json``), and reading it back.

Apart from the recorder (simulator.harness.chronology, which drives pages): reports and the
processes that only read run folders need neither Playwright nor the server.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import CHRONOLOGY_NAME


@dataclass
class StepRecord:
    """One step. Times are ISO 8601: ``sim_time`` from SPSE's simulated clock at the start,
    ``wall_time`` (UTC, milliseconds) from this machine's clock at the start.

    ``messages`` are the alert and status texts the page showed at the end of the step;
    ``screenshot`` is that page (whose desk: ``page_owner``), ``more_screenshots`` the other
    desks' pages at a failure.
    """

    number: int
    title: str
    actor: str
    outcome: str = "running"
    sim_time: str = ""
    wall_time: str = ""
    duration_s: float = 0.0
    page_url: str = ""
    detail: str = ""
    screenshot: str | None = None
    page_title: str = ""
    page_owner: str = ""
    messages: list[str] = field(default_factory=list)
    more_screenshots: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StepRecord:
        """Read a record back; unknown keys (from newer versions) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def load_chronology(folder: Path) -> list[StepRecord]:
    """The steps of ``folder/chronology.json`` (empty when there is none)."""
    path = folder / CHRONOLOGY_NAME
    if not path.exists():
        return []
    return [StepRecord.from_json(s) for s in json.loads(path.read_text(encoding="utf-8"))]
