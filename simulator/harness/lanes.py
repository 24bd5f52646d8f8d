"""Lanes: threads of their own, each with its own Playwright and Chromium, so that tracks of a
journey that do not depend on each other walk at the same time.

Playwright's sync API serves one thread per driver: a page opened on a lane is used on that lane
only. ``Lane.submit`` runs a callable there; ``alongside`` walks one track on a lane while another
walks on the calling thread, and keeps the chronology right when one of them fails or the person
presses Ctrl-C (``Chronology.halt``).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from typing import Any, TypeVar

from playwright.sync_api import Browser, Playwright, sync_playwright

from simulator.harness.chronology import Chronology, Halted, describe_exception

T = TypeVar("T")
U = TypeVar("U")

# What a lane's thread takes from its queue: a callable and the future of its result; None ends
# the thread.
_Job = tuple[Callable[[], Any], "Future[Any]"] | None


class Lane:
    """A thread with a Playwright and a Chromium of its own (launched at once, by ``launch``).

    The thread is a daemon: a lane that hangs in a browser call never keeps the process alive
    once the run has ended (its driver ends with the process).
    """

    def __init__(self, name: str, launch: Callable[[Playwright], Browser]) -> None:
        self.name = name
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._thread = threading.Thread(target=self._work, name=f"lane-{name}", daemon=True)
        self._closed = False
        self._launched: Future[None] = Future()
        self._thread.start()
        self._jobs.put((lambda: self._launch(launch), self._launched))

    @property
    def here(self) -> bool:
        """Whether the calling thread is this lane's."""
        return threading.current_thread() is self._thread

    @property
    def browser(self) -> Browser:
        """The lane's Chromium (only on the lane: see ``here``); the launch's error if it failed."""
        self._launched.result()
        assert self._browser is not None
        return self._browser

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Run ``work`` on the lane after what was submitted before; its future."""
        if self._closed:
            raise RuntimeError(f"lane {self.name} is closed")
        future: Future[T] = Future()
        self._jobs.put((work, future))
        return future

    def close(self, before: Callable[[], None] = lambda: None) -> Future[None]:
        """On the lane: ``before`` (closing its desks), then its browser and Playwright; the
        thread ends after. The future of all that (its first error)."""
        done = self.submit(lambda: self._close(before))
        self._closed = True
        self._jobs.put(None)
        return done

    def _launch(self, launch: Callable[[Playwright], Browser]) -> None:
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
            try:
                if self._browser is not None:
                    self._browser.close()
            finally:
                self._browser = None
                if self._playwright is not None:
                    self._playwright.stop()
                    self._playwright = None

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = work()
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)


def alongside(
    log: Chronology, lane: Lane, other: Callable[[], T], main: Callable[[], U]
) -> tuple[U, T]:
    """Walk ``other`` on ``lane`` while ``main`` walks on this thread; both results.

    The first track to fail halts the other at its next step (``log.halt``); once both have
    ended, that first failure is raised. Ctrl-C (on this thread) halts the lane's track too:
    its running step ends first, then the KeyboardInterrupt goes on.
    """

    def guarded() -> T:
        try:
            return other()
        except Halted:
            raise
        except BaseException as exc:
            log.halt(f"{lane.name}: {describe_exception(exc)}")
            raise

    future = lane.submit(guarded)
    try:
        mine = main()
    except KeyboardInterrupt:
        log.halt("Ctrl-C", interrupted=True)
        _settle(future)
        raise
    except Halted:
        # The lane's track failed first: its error is the one to tell.
        _settle(future)
        error = future.exception() if future.done() else None
        if error is not None and not isinstance(error, Halted):
            raise error from None
        raise
    except BaseException as exc:
        log.halt(describe_exception(exc))
        _settle(future)
        raise
    try:
        theirs = future.result()
    except KeyboardInterrupt:
        log.halt("Ctrl-C", interrupted=True)
        _settle(future)
        raise
    return mine, theirs


def on_lane(log: Chronology, lane: Lane, work: Callable[[], T]) -> T:
    """``work`` on ``lane``, waited for here (Ctrl-C here halts it as ``alongside`` does)."""
    return alongside(log, lane, work, lambda: None)[1]


def _settle(future: Future[Any]) -> None:
    """Wait until the lane's track has ended (a second Ctrl-C stops waiting)."""
    wait([future])
