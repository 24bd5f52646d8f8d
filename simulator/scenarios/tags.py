"""The tags of a catalog scenario: its id (``@KODOK-012``), and reading them off a pytest item.

Gherkin tags such as ``KODOK-012`` are no valid pytest marker names, so the plugin keeps them on
the test function (``keep_tag``) and everything else reads them back here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Only named in annotations: the CLI reads the catalog's ids without loading pytest.
    import pytest

ID_PATTERN = re.compile(r"^KODOK-\d{3}$")
_ATTRIBUTE = "sim_tags"


def keep_tag(function: Any, tag: str) -> None:
    """Remember ``tag`` on the test function pytest-bdd made for a scenario."""
    tags: set[str] = function.__dict__.setdefault(_ATTRIBUTE, set())
    tags.add(tag)


def scenario_tags(item: pytest.Item) -> set[str]:
    """The Gherkin tags of the scenario behind ``item`` (empty for other tests)."""
    function = getattr(item, "function", None)
    tags: set[str] = getattr(function, _ATTRIBUTE, set())
    return tags


def scenario_id(item: pytest.Item) -> str:
    """The scenario's id (``KODOK-012``), or "" for a test that is no catalog scenario."""
    ids = sorted(t for t in scenario_tags(item) if ID_PATTERN.match(t))
    return ids[0] if ids else ""
