"""The chronology of a run: every step with its simulated and wall time, actor and outcome.

It is what the seed asks a vendor to write down when something fails, and what a QA lead reads.
A journey records its steps with ``Chronology.step``; the scenario hooks (``simulator.evidence``)
record Gherkin steps with ``begin``/``finish``.

Steps may run on several threads at once (the CA journey walks the pokja's track on a lane of its
own, see ``simulator.harness.lanes``): steps are numbered in the order they started, each record
is completed and the file rewritten under one lock, and ``halt`` stops every track at its next
step.
"""

from __future__ import annotations

import json
import re
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from simulator.harness.run_folder import CHRONOLOGY_NAME, SCREENSHOTS_FOLDER
from simulator.harness.simcontrol import SimControl, SimControlError
from simulator.harness.step_record import StepRecord

# The URL of a window that has not loaded anything yet.
BLANK_PAGE = "about:blank"

# Installed in every desk's browser context (SimEnvironment): counts what can change a page's
# picture (DOM mutations, typed input) under an id of its own per document. A step that changed
# nothing on a page since its last screenshot reuses that screenshot instead of taking another.
PAGE_CHANGES_SCRIPT = """
(() => {
  if (window.__kodokChanges) { return; }
  const changes = { doc: Math.random().toString(36).slice(2), n: 0 };
  Object.defineProperty(window, "__kodokChanges", { value: changes });
  const bump = () => { changes.n += 1; };
  new MutationObserver(bump).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true
  });
  for (const kind of ["input", "change"]) {
    window.addEventListener(kind, bump, true);
  }
})();
"""
_PAGE_STATE = "() => { const c = window.__kodokChanges; return c ? c.doc + ':' + c.n : null; }"
# What a step record reads of a page, in one round trip: its title, the alert and status texts
# it shows (as Playwright's get_by_role(...).all_inner_texts() finds them: explicit roles,
# elements hidden from assistive technology left out) and its change state. Role locators walk
# the accessibility tree once per role and cost several times this evaluation.
_PAGE_VIEW = """
() => {
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden" && !el.closest('[aria-hidden="true"]');
  const texts = (role) => Array.from(document.querySelectorAll(`[role~="${role}"]`))
    .filter(shown).map((el) => el.innerText);
  const c = window.__kodokChanges;
  return {
    title: document.title,
    messages: [...texts("alert"), ...texts("status")],
    state: c ? c.doc + ":" + c.n : null,
  };
}
"""


class Halted(Exception):
    """A step was not started: the run was halted (another track failed, or Ctrl-C)."""


@dataclass
class StepHandle:
    """Given to the body of a step to add what it observed."""

    record: StepRecord
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)


class Chronology:
    """Records steps; writes ``chronology.json`` and a screenshot per step into ``folder``.

    Without ``step_screenshots`` only a failed step is photographed (its page and every other
    desk's): the record of a run that is not recording (a first attempt under
    "on-first-retry", simulator/scenarios/artifacts.py) still has every step's outcome, page
    title, URL and messages.
    """

    def __init__(
        self,
        folder: Path,
        sim: SimControl,
        *,
        echo: Callable[[StepRecord], None] | None = None,
        step_screenshots: bool = True,
    ) -> None:
        self.folder = folder
        self.sim = sim
        self.echo = echo
        self.step_screenshots = step_screenshots
        self.steps: list[StepRecord] = []
        self._started: dict[int, float] = {}
        # Per page: its change state (PAGE_CHANGES_SCRIPT) at its last screenshot, and that file.
        self._last_shot: dict[Page, tuple[str, str]] = {}
        # Numbers, the step list, each record's completion and the file: one thread at a time.
        self._lock = threading.RLock()
        self._halted: str | None = None
        self._interrupted = False
        # Numbers are never reused, also when a step cut short by Ctrl-C is left out.
        self._last_number = 0

    def halt(self, reason: str, *, interrupted: bool = False) -> None:
        """Start no more steps (``begin`` raises Halted with ``reason``): a track failed, or
        the person pressed Ctrl-C (``interrupted``: then a step that fails from now on is left
        out, as one Ctrl-C cut short, since Ctrl-C also stops Playwright's driver)."""
        with self._lock:
            if self._halted is None:
                self._halted = reason
            self._interrupted = self._interrupted or interrupted

    @property
    def halted(self) -> bool:
        return self._halted is not None

    @contextmanager
    def step(self, title: str, actor: str, page: Page | None = None) -> Iterator[StepHandle]:
        record = self.begin(title, actor)
        handle = StepHandle(record)
        ok = False
        try:
            yield handle
            ok = True
        except KeyboardInterrupt:
            # Ctrl-C is the person stopping the run, not the step failing: the step is left
            # out of the chronology (the run folder says "interrupted" instead).
            self._drop(record)
            raise
        except BaseException as exc:
            if self._interrupted:
                # Cut short by the Ctrl-C on another thread (the driver went with it).
                self._drop(record)
                raise
            handle.note(describe_exception(exc))
            self.finish(record, ok=False, page=page, notes=handle.notes)
            raise
        else:
            self.finish(record, ok=ok, page=page, notes=handle.notes)

    def _drop(self, record: StepRecord) -> None:
        # Steps started after it on another track keep their numbers (and screenshot names).
        # Another track's step may have saved the file while this one ran: saved again.
        with self._lock:
            self.steps.remove(record)
            self._started.pop(record.number, None)
            self.save()

    def begin(self, title: str, actor: str) -> StepRecord:
        """Start a step: its number (the order steps started in), simulated and wall time.
        Halted when the run was halted (``halt``)."""
        sim_time = self._sim_now()
        with self._lock:
            if self._halted is not None:
                raise Halted(self._halted)
            self._last_number += 1
            record = StepRecord(number=self._last_number, title=title, actor=actor)
            record.sim_time = sim_time
            record.wall_time = datetime.now(UTC).isoformat(timespec="milliseconds")
            self.steps.append(record)
            self._started[record.number] = time.perf_counter()
        return record

    def finish(
        self,
        record: StepRecord,
        *,
        ok: bool,
        page: Page | None,
        notes: list[str] | None = None,
        actor: str | None = None,
        page_owner: str = "",
        other_pages: Mapping[str, Page] | None = None,
    ) -> None:
        """End a step: outcome, what ``page`` shows (screenshot, messages), save the file.

        ``other_pages`` (desk name -> page) are photographed too when the step failed; they
        must live on the calling thread (Playwright's sync API), as ``page`` does.
        """
        outcome = "ok" if ok else "failed"
        started = self._started.get(record.number)
        duration_s = round(time.perf_counter() - started, 3) if started is not None else None
        # What the pages show is read first, outside the lock: another track's step may end
        # meanwhile. The record and the file change together, under the lock.
        view: PageView | None = None
        page_url = ""
        screenshot: str | None = None
        if page is not None:
            page_url = page.url
            if page_url == BLANK_PAGE:
                # A window that never loaded a page (opened for an arranged log-in) has nothing
                # to show: no title, no message, nothing to photograph.
                view = PageView("", [], None)
            else:
                view = _page_view(page)
                if self.step_screenshots or not ok:
                    screenshot = self._step_screenshot(
                        page, f"{record.number:02d}-{outcome}", ok=ok, state=view.state
                    )
        more: list[str] = []
        if not ok:
            for name, other in (other_pages or {}).items():
                if other is page:
                    continue
                shot = self._screenshot(other, f"{record.number:02d}-failed-{_safe(name)}")
                if shot is not None:
                    more.append(shot)
        with self._lock:
            record.outcome = outcome
            if actor is not None:
                record.actor = actor
            self._started.pop(record.number, None)
            if duration_s is not None:
                record.duration_s = duration_s
            record.detail = "\n".join(notes or [])
            if page is not None and view is not None:
                record.page_owner = page_owner
                record.page_url = page_url
                record.page_title = view.title
                record.messages = view.messages
                record.screenshot = screenshot
            record.more_screenshots.extend(more)
            self.save()
            if self.echo is not None:
                self.echo(record)

    def _sim_now(self) -> str:
        try:
            return self.sim.now().isoformat()
        except SimControlError:
            return ""

    def _step_screenshot(self, page: Page, name: str, *, ok: bool, state: str | None) -> str | None:
        """The page at the end of a step (its change ``state`` read now): the previous
        screenshot of it when nothing on it changed since (same document, no mutation or
        input), else a new one. A failed step always gets a new one."""
        last = self._last_shot.get(page)
        if ok and state is not None and last is not None and last[0] == state:
            return last[1]
        shot = self._screenshot(page, name)
        # Read again: taking a screenshot touches the DOM (Playwright hides the caret with a
        # style element it adds and removes).
        after = _page_state(page) if shot is not None else None
        if shot is not None and after is not None:
            self._last_shot[page] = (after, shot)
        return shot

    def _screenshot(self, page: Page, name: str) -> str | None:
        path = self.folder / SCREENSHOTS_FOLDER / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=path, full_page=True)
        except PlaywrightError:
            return None
        return str(path.relative_to(self.folder))

    def save(self) -> Path:
        path = self.folder / CHRONOLOGY_NAME
        with self._lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps([asdict(s) for s in self.steps], indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
        return path

    @property
    def failed(self) -> bool:
        with self._lock:
            return any(s.outcome == "failed" for s in self.steps)


@dataclass(frozen=True)
class PageView:
    """What a step record keeps of a page: title, shown messages, change state."""

    title: str
    messages: list[str]
    state: str | None


def _page_view(page: Page) -> PageView:
    """The page's title, the alert and status texts it shows (what a user would copy into a
    report) and its change state (PAGE_CHANGES_SCRIPT), read in one evaluation."""
    try:
        view = page.evaluate(_PAGE_VIEW)
    except PlaywrightError:
        return PageView("", [], None)
    texts = [str(t) for t in view.get("messages") or []]
    state = view.get("state")
    return PageView(
        title=str(view.get("title") or ""),
        messages=[" ".join(t.split()) for t in texts if t.strip()],
        state=state if isinstance(state, str) else None,
    )


def page_messages(page: Page) -> list[str]:
    """The alert and status texts a page shows (what a user would copy into a report)."""
    return _page_view(page).messages


def describe_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(exc)).strip()


def _page_state(page: Page) -> str | None:
    """The page's change state (PAGE_CHANGES_SCRIPT), None when unknown."""
    try:
        state = page.evaluate(_PAGE_STATE)
    except PlaywrightError:
        return None
    return state if isinstance(state, str) else None


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "desk"
