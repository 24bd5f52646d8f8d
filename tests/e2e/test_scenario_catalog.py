"""The whole scenario catalog (the packaged *.feature files) as part of the test suite."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from simulator.scenarios.artifacts import RUN_DEFAULT, scenario_artifacts
from simulator.scenarios.catalog import PACKAGED_CATALOG
from simulator.scenarios.tags import scenario_tags

pytestmark = pytest.mark.e2e

scenarios(str(PACKAGED_CATALOG))


@pytest.fixture
def sim_artifacts(request: pytest.FixtureRequest) -> str:
    """The catalog records here as `spse-sim run` records a first attempt: nothing, unless a
    scenario is about its own recording (@rekaman)."""
    return scenario_artifacts(RUN_DEFAULT, evidence=False, tags=scenario_tags(request.node))
