"""The order in which xdist workers get catalog scenarios: the longest first.

xdist's ``--dist load`` hands tests out in collection order, as workers ask for more. Features
are collected one after the other, so a feature of long scenarios (Seleksi, LPSE Support) that
happens to come last leaves one worker walking it while the others sit idle. Handing out the
longest first (the LPT rule of scheduling) ends every worker at about the same time. A
scenario's length is estimated by its number of steps, Background included: deterministic,
known before anything runs, and the same on every worker, as xdist requires.
"""

from __future__ import annotations

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry


def step_count(item: pytest.Item) -> int | None:
    """The number of steps of the catalog scenario ``item`` runs; None for other tests."""
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    return None if template is None else len(template.steps)


def longest_first(items: list[pytest.Item]) -> None:
    """Reorder the catalog scenarios among ``items`` longest first, in place; other tests keep
    their places, and scenarios of equal length keep their collection order."""
    slots = [i for i, item in enumerate(items) if step_count(item) is not None]
    ordered = sorted((items[i] for i in slots), key=lambda item: -(step_count(item) or 0))
    for slot, item in zip(slots, ordered, strict=True):
        items[slot] = item
