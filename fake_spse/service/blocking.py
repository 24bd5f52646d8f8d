"""How async callers (pages, /_sim) run blocking use cases off the event loop.

Two lanes: ``call`` for use cases (SQLite, blobs) in the worker threads every request shares,
and ``call_hashing`` for CPU-bound work that comes in bursts (password hashing at log-in and
registration), limited to one thread per CPU. Sixty logins at once would otherwise take every
shared thread, and static files, forms and pages (which need one too) would wait seconds.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable
from functools import partial
from typing import ParamSpec, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.concurrency import run_in_threadpool

P = ParamSpec("P")
T = TypeVar("T")

# One limiter per event loop (a limiter belongs to the loop it was made in; tests run servers
# on several loops in one process).
_HASHING: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


async def call(use_case: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``use_case(*args, **kwargs)`` in a worker thread: key generation, BSrE issuance and
    SQLite block, and one busy request must not stall every page."""
    return await run_in_threadpool(use_case, *args, **kwargs)


async def call_hashing(use_case: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``use_case`` (which hashes a password) in the hashing lane: one thread per CPU."""
    loop = asyncio.get_running_loop()
    limiter = _HASHING.get(loop)
    if limiter is None:
        limiter = _HASHING[loop] = CapacityLimiter(os.cpu_count() or 1)
    return await anyio.to_thread.run_sync(partial(use_case, *args, **kwargs), limiter=limiter)
