"""The whole scenario catalog (scenarios/*.feature) as part of the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import scenarios

CATALOG = Path(__file__).resolve().parents[2] / "scenarios"

pytestmark = pytest.mark.e2e

scenarios(str(CATALOG))
