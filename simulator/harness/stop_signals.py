"""SIGTERM handled as Ctrl-C while a run goes: a cancelled CI job or ``timeout`` stops a run the
way Ctrl-C does (browsers and servers closed, the run folder marked "interrupted", exit 130)
instead of ending the process where it stands."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt in the main thread. Signal handlers
    belong to the main thread; called elsewhere, SIGTERM keeps its way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
