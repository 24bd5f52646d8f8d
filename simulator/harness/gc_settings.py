"""The cyclic garbage collector's settings for a process that walks scenarios or a journey."""

from __future__ import annotations

import gc

# Such a process first imports and builds a large heap it keeps to the end (Playwright,
# Starlette, cryptography, the fake SPSE, the collected catalog), then makes mostly
# short-lived objects that reference counting frees. With CPython's default thresholds
# (700, 10, 10) a catalog worker ran about 670 young, 60 middle and 7 full collections, about
# 1 CPU-s (a full one 60-130 ms, every thread stopped meanwhile; two of them while it imported);
# the journey's run had a 70 ms full collection between two of its steps. With these, a
# catalog worker runs about 80 young and 6 middle collections (0.35-0.45 s) and no full one
# of its own (benchmarks/README.md, note 16).
YOUNG_THRESHOLD = 10_000
MIDDLE_THRESHOLD = 20
OLD_THRESHOLD = 100


def collect_rarely() -> None:
    """Collect cyclic garbage less often from now on: for a process about to import and build
    what it keeps to the end (collections meanwhile would only find it all alive)."""
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_THRESHOLD, OLD_THRESHOLD)


def settle_after_startup() -> None:
    """Move everything the process holds now out of the collector's sight (``gc.freeze``) and
    collect rarely: for a process that has imported and built what it keeps to the end."""
    gc.freeze()
    collect_rarely()
