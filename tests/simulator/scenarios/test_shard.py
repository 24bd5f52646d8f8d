"""--sim-shard I/N: each scenario of the catalog in exactly one shard, on every machine alike."""

from __future__ import annotations

import argparse
import random
from types import SimpleNamespace
from typing import Any

import pytest

from simulator.scenarios.catalog import PACKAGED_CATALOG, load_catalog
from simulator.scenarios.shard import Shard, ShardPlugin, parse_shard, select_shard, shard_keys


def catalog_ids() -> list[str]:
    return [e.scenario_id for e in load_catalog(PACKAGED_CATALOG)]


@pytest.mark.parametrize("total", [1, 2, 3, 4, 7])
def test_shards_of_the_real_catalog_partition_it(total: int) -> None:
    ids = catalog_ids()
    shards = [shard_keys(ids, Shard(i, total)) for i in range(1, total + 1)]

    assert set().union(*shards) == set(ids)
    assert sum(len(s) for s in shards) == len(set(ids))  # no scenario in two shards
    assert max(map(len, shards)) - min(map(len, shards)) <= 1
    # Contiguous slices of the id order, shard 1 first.
    flat = [i for shard in shards for i in sorted(shard)]
    assert flat == sorted(set(ids))


def test_a_shard_does_not_depend_on_the_order_the_ids_come_in() -> None:
    ids = catalog_ids()
    shuffled = ids[:]
    random.Random(3).shuffle(shuffled)
    assert shard_keys(shuffled, Shard(2, 3)) == shard_keys(ids, Shard(2, 3))


def test_examples_of_one_scenario_stay_in_one_shard_in_their_order() -> None:
    items = ["KODOK-010[a]", "KODOK-001", "KODOK-003", "KODOK-010[b]", "KODOK-002"]
    key = lambda item: item.split("[")[0]  # noqa: E731
    first = select_shard(items, key, Shard(1, 2))
    second = select_shard(items, key, Shard(2, 2))
    assert first == ["KODOK-001", "KODOK-002"]
    assert second == ["KODOK-010[a]", "KODOK-003", "KODOK-010[b]"]


def test_more_shards_than_scenarios_leaves_the_last_ones_empty() -> None:
    assert [shard_keys(["A", "B"], Shard(i, 3)) for i in (1, 2, 3)] == [{"A"}, {"B"}, set()]


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "1", "a/b", "-1/2", ""])
def test_invalid_shards_are_usage_errors(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_shard(text)


def test_a_shard_reads_and_prints_as_i_of_n() -> None:
    assert parse_shard(" 2 / 5 ") == Shard(2, 5)
    assert str(Shard(2, 5)) == "2/5"


def test_the_plugin_deselects_what_other_shards_run() -> None:
    items: list[Any] = [SimpleNamespace(nodeid=n) for n in ("c", "a", "b", "d")]
    deselected: list[Any] = []
    config: Any = SimpleNamespace(
        hook=SimpleNamespace(pytest_deselected=lambda items: deselected.extend(items))
    )
    ShardPlugin(Shard(1, 2), key=lambda item: item.nodeid).pytest_collection_modifyitems(
        config, items
    )
    assert [i.nodeid for i in items] == ["a", "b"]
    assert sorted(i.nodeid for i in deselected) == ["c", "d"]
