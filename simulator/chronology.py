"""The chronology of a run: every step with its simulated and wall time, actor and outcome.

It is what the seed asks a vendor to write down when something fails, and what a QA lead reads.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from simulator.simcontrol import SimControl


@dataclass
class StepRecord:
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


@dataclass
class StepHandle:
    """Given to the body of a step to add what it observed."""

    record: StepRecord
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)


class Chronology:
    """Records steps; writes ``chronology.json`` and a screenshot per step into ``folder``."""

    def __init__(
        self, folder: Path, sim: SimControl, *, echo: Callable[[StepRecord], None] | None = None
    ) -> None:
        self.folder = folder
        self.sim = sim
        self.echo = echo
        self.steps: list[StepRecord] = []

    @contextmanager
    def step(self, title: str, actor: str, page: Page | None = None) -> Iterator[StepHandle]:
        record = StepRecord(number=len(self.steps) + 1, title=title, actor=actor)
        record.sim_time = self.sim.now().isoformat()
        record.wall_time = datetime.now(UTC).isoformat(timespec="seconds")
        self.steps.append(record)
        handle = StepHandle(record)
        started = time.perf_counter()
        try:
            yield handle
        except BaseException as exc:
            record.outcome = "failed"
            handle.note("".join(traceback.format_exception_only(exc)).strip())
            raise
        else:
            record.outcome = "ok"
        finally:
            record.duration_s = round(time.perf_counter() - started, 3)
            record.detail = "\n".join(handle.notes)
            if page is not None:
                record.page_url = page.url
                record.screenshot = self._screenshot(page, record)
            self.save()
            if self.echo is not None:
                self.echo(record)

    def _screenshot(self, page: Page, record: StepRecord) -> str | None:
        path = self.folder / "screenshots" / f"{record.number:02d}-{record.outcome}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=path, full_page=True)
        except PlaywrightError:
            return None
        return str(path.relative_to(self.folder))

    def save(self) -> Path:
        path = self.folder / "chronology.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps([asdict(s) for s in self.steps], indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        return path

    @property
    def failed(self) -> bool:
        return any(s.outcome == "failed" for s in self.steps)
