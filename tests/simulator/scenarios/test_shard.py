"""--sim-shard I/N: each scenario of the catalog in exactly one shard, on every machine alike."""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from child_collection import collect_in_child

from simulator.scenarios.catalog import PACKAGED_CATALOG, load_catalog
from simulator.scenarios.run import ScenarioRunRequest
from simulator.scenarios.shard import Shard, ShardPlugin, parse_shard, select_shard, shard_keys

# Loaded into a collect-only child: the scenario ids it kept.
PROBE_PLUGIN = """
import json
from simulator.scenarios.tags import scenario_id

def pytest_collection_finish(session):
    with open("ids.json", "w") as out:
        json.dump(sorted({scenario_id(item) for item in session.items}), out)
"""


def catalog_weights(profile: str = "spse-4.3-ca") -> dict[str, int]:
    """As ``spse-sim run --shard`` weighs the catalog's scenarios for its first line."""
    entries = load_catalog(PACKAGED_CATALOG)
    return {e.scenario_id: e.steps if e.applies_to(profile) else 0 for e in entries}


@pytest.mark.parametrize("total", [1, 2, 3, 4, 7])
def test_shards_of_the_real_catalog_partition_it_into_equal_work(total: int) -> None:
    weights = catalog_weights()
    shards = [shard_keys(weights, Shard(i, total)) for i in range(1, total + 1)]

    assert set().union(*shards) == set(weights)
    assert sum(len(s) for s in shards) == len(weights)  # no scenario in two shards
    work = [sum(max(weights[k], 1) for k in shard) for shard in shards]
    # Dealt heaviest first to the lightest shard: the heaviest shard was the lightest when it got
    # its last (so its lightest) scenario, which bounds how far it is ahead.
    heaviest = shards[work.index(max(work))]
    assert max(work) - min(work) <= min(max(weights[k], 1) for k in heaviest)


def test_long_scenarios_do_not_end_up_in_one_shard() -> None:
    weights = {"KODOK-001": 3, "KODOK-002": 3, "KODOK-003": 3, "KODOK-401": 20, "KODOK-402": 20}
    first, second = (shard_keys(weights, Shard(i, 2)) for i in (1, 2))
    # Cut by ids, the two long ones would share shard 2 (40 steps against 9).
    assert first == {"KODOK-401", "KODOK-001", "KODOK-003"}  # 26 steps
    assert second == {"KODOK-402", "KODOK-002"}  # 23 steps


def test_a_shard_does_not_depend_on_the_order_the_ids_come_in() -> None:
    weights = catalog_weights()
    keys = list(weights)
    random.Random(3).shuffle(keys)
    shuffled = {k: weights[k] for k in keys}
    assert shard_keys(shuffled, Shard(2, 3)) == shard_keys(weights, Shard(2, 3))


def test_examples_of_one_scenario_stay_in_one_shard_weighed_together() -> None:
    items = ["KODOK-010[a]", "KODOK-001", "KODOK-003", "KODOK-010[b]", "KODOK-002"]
    key = lambda item: item.split("[")[0]  # noqa: E731
    weight = lambda item: 4  # noqa: E731
    first = select_shard(items, key, weight, Shard(1, 2))
    second = select_shard(items, key, weight, Shard(2, 2))
    # KODOK-010 (8 steps) first, then 001, 002 and 003 (4 each) each to the lighter shard.
    assert first == ["KODOK-010[a]", "KODOK-003", "KODOK-010[b]"]  # in their order
    assert second == ["KODOK-001", "KODOK-002"]


def test_a_scenario_without_weight_still_counts_as_work() -> None:
    # Not applicable (weight 0): skipped at once, but each still costs its worker a moment.
    weights = {"A": 0, "B": 0, "C": 0, "D": 0}
    assert [shard_keys(weights, Shard(i, 2)) for i in (1, 2)] == [{"A", "C"}, {"B", "D"}]


def test_scenarios_not_applicable_to_the_profile_weigh_nothing() -> None:
    ca, nonca = catalog_weights("spse-4.3-ca"), catalog_weights("spse-4.3-nonca")
    not_applicable = {k for k, w in nonca.items() if w == 0}
    assert not_applicable  # the CA scenarios, skipped at once on the non-CA profile
    assert all(ca[k] > 0 for k in not_applicable)
    shards = [shard_keys(nonca, Shard(i, 2)) for i in (1, 2)]
    work = [sum(nonca[k] for k in shard) for shard in shards]
    assert abs(work[0] - work[1]) <= max(nonca.values())


def test_more_shards_than_scenarios_leaves_the_last_ones_empty() -> None:
    weights = {"A": 1, "B": 1}
    assert [shard_keys(weights, Shard(i, 3)) for i in (1, 2, 3)] == [{"A"}, {"B"}, set()]


@pytest.mark.parametrize("profile", ["spse-4.3-ca", "spse-4.3-nonca"])
def test_the_child_runs_the_scenarios_the_cli_counts_for_its_shard(
    tmp_path: Path, profile: str
) -> None:
    """``spse-sim run --shard`` says how many scenarios its shard runs from the catalog; the child
    pytest selects them from its items: both must weigh alike."""
    request = ScenarioRunRequest(
        output_dir=tmp_path / "run", shard="2/3", profile=profile, progress=False
    )
    done = collect_in_child(tmp_path, request, PROBE_PLUGIN)
    assert done.returncode == 0, done.stdout + done.stderr
    collected = json.loads((tmp_path / "ids.json").read_text())

    assert set(collected) == shard_keys(catalog_weights(profile), Shard(2, 3))


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
    plugin = ShardPlugin(Shard(1, 2), key=lambda item: item.nodeid, weight=lambda item: 1)
    plugin.pytest_collection_modifyitems(config, items)
    # Equal weights: by key, each to the lighter shard (a 1, b 2, c 1, d 2); kept in order.
    assert [i.nodeid for i in items] == ["c", "a"]
    assert sorted(i.nodeid for i in deselected) == ["b", "d"]
