"""The whole scenario catalog (the packaged *.feature files) as part of the test suite."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from simulator.scenarios.catalog import PACKAGED_CATALOG

pytestmark = pytest.mark.e2e

scenarios(str(PACKAGED_CATALOG))
