"""The LPSE every service test starts from (SPSE CA profile, clock at START)."""

from __future__ import annotations

from pathlib import Path

import pytest
from service_world import LpseUnderTest, open_lpse


@pytest.fixture
def lpse(tmp_path: Path) -> LpseUnderTest:
    return open_lpse(tmp_path)
