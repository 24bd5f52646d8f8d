"""Binds the scenario catalog as pytest tests (the file ``spse-sim run`` hands to pytest)."""

from __future__ import annotations

from pytest_bdd import scenarios

from simulator.scenarios.catalog import find_catalog_dir

scenarios(str(find_catalog_dir()))
