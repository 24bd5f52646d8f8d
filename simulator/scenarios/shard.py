"""``--sim-shard I/N``: a deterministic part of the selected scenarios, as Playwright's --shard.

Every scenario is in exactly one shard, whichever machine computes it from the same catalog, so
a CI matrix of N jobs runs the catalog once; ``simulator.qa.merge`` joins their run folders
(and refuses shards of different catalogs). Where Playwright cuts equal counts, the shards here
get equal work: a scenario weighs its steps (every example of it stays with it, its weight the
sum of theirs; none when it is not applicable to the profile), and scenarios are dealt heaviest
first to the lightest shard so far (the LPT rule, as xdist's workers get them:
simulator.scenarios.schedule), ties by id. Equal counts put the catalog's long scenarios (the
4xx ids: evaluation, Seleksi dua file) together (benchmarks/README.md, note 19).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pytest

from simulator.scenarios.catalog import applies_to_profile
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


def scenario_weight(steps: int, tags: Iterable[str], profile: str) -> int:
    """What a scenario (or one example of it) weighs: its steps, none when it is not applicable
    to ``profile`` (it is skipped at once)."""
    return steps if applies_to_profile(tags, profile) else 0


def shard_keys(weights: Mapping[str, int], shard: Shard) -> set[str]:
    """The keys (scenario ids) of ``shard``, from every key's weight (its steps)."""
    totals = [0] * shard.total
    mine: set[str] = set()
    for key in sorted(weights, key=lambda k: (-weights[k], k)):
        lightest = min(range(shard.total), key=lambda i: (totals[i], i))
        # Every scenario costs its start-up at least, whatever its steps.
        totals[lightest] += max(weights[key], 1)
        if lightest == shard.index - 1:
            mine.add(key)
    return mine


def select_shard(
    items: Sequence[T], key: Callable[[T], str], weight: Callable[[T], int], shard: Shard
) -> list[T]:
    """The items of ``shard``, in their original order."""
    weights: dict[str, int] = {}
    for item in items:
        weights[key(item)] = weights.get(key(item), 0) + weight(item)
    chosen = shard_keys(weights, shard)
    return [i for i in items if key(i) in chosen]


class ShardPlugin:
    """Deselects what is not in the shard, after every other selection (-k, --sim-scenario).

    ``key`` names a test's scenario (its id; tests without one use their node id), ``weight``
    is its number of steps.
    """

    def __init__(
        self,
        shard: Shard,
        key: Callable[[pytest.Item], str],
        weight: Callable[[pytest.Item], int],
    ) -> None:
        self.shard = shard
        self.key = key
        self.weight = weight

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        selected = select_shard(items, self.key, self.weight, self.shard)
        deselected = [i for i in items if i not in selected]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
        items[:] = selected
