"""Lanes: where desks walk. A lane is a thread with a Playwright and a Chromium of its own, so
that tracks of a journey that do not depend on each other walk at the same time; or
(``Lane.on_this_thread``) the calling thread with a browser it already has.

Playwright's sync API serves one thread per driver: a page opened on a lane is used on that lane
only, by work handed to it with ``submit``.

Importing this module is cheap on purpose: ``spse-sim run`` starts its lanes first, so that
Chromium launches while the journey's modules (most of a second) are imported. Each lane's
thread imports Playwright itself.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from simulator.browser.launch import find_chromium, launch_options

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

T = TypeVar("T")

# What a lane's thread takes from its queue: a callable and the future of its result; None ends
# the thread.
_Job = tuple[Callable[[], Any], "Future[Any]"] | None


def chromium_launcher(*, headless: bool, slow_mo_ms: float) -> Callable[[Playwright], Browser]:
    """Launches the project's Chromium (``find_chromium``, ``launch_options``) with a started
    Playwright, which says where its own Chromium is (asking first would start another)."""

    def launch(playwright: Playwright) -> Browser:
        choice = find_chromium(playwright=playwright, headless=headless)
        return playwright.chromium.launch(
            **launch_options(choice, headless=headless, slow_mo_ms=slow_mo_ms)
        )

    return launch


class Lane:
    """A thread with a Playwright and a Chromium of its own, launched at once by ``launch``
    (``None``: a lane for work that needs no browser).

    The thread is a daemon: a lane stuck in a browser call never keeps the process alive after
    the run has ended (its driver and Chromium end with the process).
    """

    def __init__(self, name: str, launch: Callable[[Playwright], Browser] | None) -> None:
        self.name = name
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._owns_browser = True
        self._closing: Future[None] | None = None
        self._thread = threading.Thread(target=self._work, name=f"lane-{name}", daemon=True)
        self._launched: Future[None] = Future()
        self._jobs.put((lambda: self._launch(launch), self._launched))
        self._thread.start()

    @classmethod
    def on_this_thread(cls, name: str, browser: Browser) -> Lane:
        """The calling thread with ``browser`` (not closed by the lane): work handed to it
        runs at once, one track after the other. A run given a browser (tests share one per
        worker) walks this way."""
        lane = cls.__new__(cls)
        lane.name = name
        lane._jobs = queue.SimpleQueue()
        lane._playwright = None
        lane._browser = browser
        lane._owns_browser = False
        lane._closing = None
        lane._thread = threading.current_thread()
        lane._launched = Future()
        lane._launched.set_result(None)
        return lane

    @property
    def inline(self) -> bool:
        """Whether work runs on the thread that hands it over (``on_this_thread``)."""
        return not self._owns_browser

    @property
    def here(self) -> bool:
        """Whether the calling thread is this lane's."""
        return threading.current_thread() is self._thread

    @property
    def browser(self) -> Browser:
        """The lane's Chromium (used on the lane only); the launch's error if it failed."""
        self._launched.result()
        if self._browser is None:
            raise RuntimeError(f"lane {self.name} has no browser (closed, or launched none)")
        return self._browser

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Run ``work`` on the lane after what was handed to it before; its future (which
        holds whatever ``work`` raised, Ctrl-C included)."""
        if self._closing is not None:
            raise RuntimeError(f"lane {self.name} is closed")
        future: Future[T] = Future()
        if self.inline:
            _run(work, future)
        else:
            self._jobs.put((work, future))
        return future

    def close(self, before: Callable[[], None] = lambda: None) -> Future[None]:
        """On the lane: ``before`` (closing its desks), then its browser and Playwright; the
        thread ends after. The future of all that (its first error). Closing a closed lane
        gives the future of its closing again."""
        if self._closing is None:
            self._closing = self.submit(lambda: self._close(before))
            if not self.inline:
                self._jobs.put(None)
        return self._closing

    def _launch(self, launch: Callable[[Playwright], Browser] | None) -> None:
        if launch is None:
            return
        # Imported on the lane's thread: the thread that starts the lanes goes on importing
        # what it needs meanwhile (see the module's docstring).
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        try:
            self._browser = launch(playwright)
        except BaseException:
            playwright.stop()
            raise
        self._playwright = playwright

    def _close(self, before: Callable[[], None]) -> None:
        try:
            before()
        finally:
            if self._owns_browser:
                try:
                    if self._browser is not None:
                        self._browser.close()
                finally:
                    if self._playwright is not None:
                        self._playwright.stop()
            self._browser = None
            self._playwright = None

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, future = job
            if future.set_running_or_notify_cancel():
                _run(work, future)


def _run(work: Callable[[], T], future: Future[T]) -> None:
    try:
        result = work()
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)
