"""Tracks: parts of a journey that walk at the same time, each on a lane of its own
(``simulator.browser.lanes``), recorded in one chronology.

The first track to fail halts the others at their next step (``Chronology.halt``), and its error
is the one raised, once every track has ended. Ctrl-C (which Python delivers to the main thread
only) halts every track too: each ends the step it is in, then the KeyboardInterrupt goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, wait
from typing import Any, TypeVar

from simulator.browser.lanes import Lane
from simulator.harness.chronology import Chronology, Halted, describe_exception

T = TypeVar("T")
U = TypeVar("U")


def alongside(
    log: Chronology, lane: Lane, other: Callable[[], T], main: Callable[[], U]
) -> tuple[U, T]:
    """Walk ``other`` on ``lane`` while ``main`` walks on this thread; both results.

    On a lane that runs on this thread (``Lane.on_this_thread``) ``other`` walks first, then
    ``main``.
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
        _halt_for_ctrl_c(log, future)
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
        _halt_for_ctrl_c(log, future)
        raise
    return mine, theirs


def on_lane(log: Chronology, lane: Lane, work: Callable[[], T]) -> T:
    """``work`` walked on ``lane`` and waited for here (Ctrl-C here halts it, as in
    ``alongside``)."""
    return alongside(log, lane, work, lambda: None)[1]


def _halt_for_ctrl_c(log: Chronology, future: Future[Any]) -> None:
    log.halt("Ctrl-C", interrupted=True)
    _settle(future)


def _settle(future: Future[Any]) -> None:
    """Wait until the lane's track has ended: it ends the step it is in (a second Ctrl-C stops
    the waiting)."""
    wait([future])
