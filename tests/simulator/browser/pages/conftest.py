"""Fixtures of the page-object tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from late_script_site import Site, serving


@pytest.fixture
def late_script_site() -> Iterator[Site]:
    """A site whose pages' script arrives late (late_script_site.py)."""
    with serving() as site:
        yield site
