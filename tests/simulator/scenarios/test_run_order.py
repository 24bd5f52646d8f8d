"""The order xdist workers get catalog scenarios in: longest first, other tests in place."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry

from simulator.scenarios.schedule import longest_first, step_count


def _scenario(name: str, steps: int, keep: list[Any]) -> pytest.Item:
    def run() -> None:  # stands for a pytest-bdd scenario function
        pass

    keep.append(run)  # the registry holds its keys weakly
    template = SimpleNamespace(steps=[f"step {i}" for i in range(steps)])
    scenario_wrapper_template_registry[run] = template  # type: ignore[assignment]
    return cast(pytest.Item, SimpleNamespace(name=name, obj=run))


def _other(name: str) -> pytest.Item:
    return cast(pytest.Item, SimpleNamespace(name=name, obj=lambda: None))


def test_longest_scenarios_first_ties_in_collection_order() -> None:
    keep: list[Any] = []
    items = [
        _scenario("short", 3, keep),
        _scenario("long", 19, keep),
        _scenario("mid-a", 8, keep),
        _scenario("mid-b", 8, keep),
    ]

    longest_first(items)

    assert [i.name for i in items] == ["long", "mid-a", "mid-b", "short"]


def test_other_tests_keep_their_places() -> None:
    keep: list[Any] = []
    items = [
        _other("unit-1"),
        _scenario("short", 2, keep),
        _other("unit-2"),
        _scenario("long", 12, keep),
    ]

    longest_first(items)

    assert [i.name for i in items] == ["unit-1", "long", "unit-2", "short"]
    assert step_count(items[0]) is None
    assert step_count(items[1]) == 12
