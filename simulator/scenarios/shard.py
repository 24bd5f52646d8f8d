"""``--sim-shard I/N``: a deterministic slice of the selected scenarios, as Playwright's --shard.

The selected scenarios are ordered by scenario id (every example of one scenario stays with it),
cut into N contiguous slices whose sizes differ by at most one, and shard I (1-based) runs
slice I. Every scenario is in exactly one shard, whichever machine computes it, so a CI matrix
of N jobs runs the catalog once; ``simulator.qa.merge`` joins their run folders.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pytest

from spse_shared.language import tr

T = TypeVar("T")
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def parse_shard(text: str) -> Shard:
    """``"2/3"`` -> Shard(2, 3); argparse.ArgumentTypeError (a usage error) when invalid."""
    found = _SHARD.match(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            tr("shard harus berbentuk I/N, misalnya 1/3, bukan {text!r}", text=text)
        )
    index, total = int(found.group(1)), int(found.group(2))
    if total < 1 or not 1 <= index <= total:
        raise argparse.ArgumentTypeError(tr("shard {text!r}: harus 1 <= I <= N", text=text))
    return Shard(index, total)


def shard_keys(keys: Iterable[str], shard: Shard) -> set[str]:
    """The keys (scenario ids) of ``shard``: slice ``shard.index`` of the sorted distinct keys."""
    ordered = sorted(set(keys))
    size, extra = divmod(len(ordered), shard.total)
    # The first ``extra`` shards take one more, as Playwright spreads a remainder.
    start = (shard.index - 1) * size + min(shard.index - 1, extra)
    end = start + size + (1 if shard.index <= extra else 0)
    return set(ordered[start:end])


def select_shard(items: Sequence[T], key: Callable[[T], str], shard: Shard) -> list[T]:
    """The items of ``shard``, in their original order."""
    chosen = shard_keys((key(i) for i in items), shard)
    return [i for i in items if key(i) in chosen]


class ShardPlugin:
    """Deselects what is not in the shard, after every other selection (-k, --sim-scenario).

    ``key`` names a test's scenario (its id; tests without one use their node id).
    """

    def __init__(self, shard: Shard, key: Callable[[pytest.Item], str]) -> None:
        self.shard = shard
        self.key = key

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        selected = select_shard(items, self.key, self.shard)
        deselected = [i for i in items if i not in selected]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
        items[:] = selected
