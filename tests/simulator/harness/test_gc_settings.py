import gc
import weakref
from collections.abc import Iterator

import pytest

from simulator.harness.gc_settings import (
    MIDDLE_THRESHOLD,
    OLD_THRESHOLD,
    YOUNG_THRESHOLD,
    collect_rarely,
    settle_after_startup,
)


@pytest.fixture
def restored_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_gc")
def test_startup_heap_is_frozen_and_collections_come_less_often() -> None:
    kept: list[list[int]] = [[] for _ in range(1000)]  # what a process builds at startup and keeps
    before = gc.get_freeze_count()

    settle_after_startup()

    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, MIDDLE_THRESHOLD, OLD_THRESHOLD)


@pytest.mark.usefixtures("restored_gc")
def test_collecting_rarely_freezes_nothing() -> None:
    before = gc.get_freeze_count()

    collect_rarely()

    assert gc.get_threshold() == (YOUNG_THRESHOLD, MIDDLE_THRESHOLD, OLD_THRESHOLD)
    assert gc.get_freeze_count() == before


class _Node:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.usefixtures("restored_gc")
def test_cycles_made_after_startup_are_still_collected() -> None:
    settle_after_startup()
    node = _Node()
    alive = weakref.ref(node)
    del node  # reference counting alone cannot free a cycle

    gc.collect()

    assert alive() is None
