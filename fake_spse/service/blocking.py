"""``call``: how async callers (pages, /_sim) run a blocking use case off the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

P = ParamSpec("P")
T = TypeVar("T")


async def call(use_case: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``use_case(*args, **kwargs)`` in a worker thread: password hashing, key generation,
    BSrE issuance and SQLite writes block, and one busy request must not stall every page."""
    return await run_in_threadpool(use_case, *args, **kwargs)
