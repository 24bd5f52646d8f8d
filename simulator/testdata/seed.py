"""The seed a run uses unless told otherwise: the same seed gives the same people and tenders."""

from __future__ import annotations

# Kept apart from the factory so that the CLI can show it in --help without importing Faker.
DEFAULT_SEED = 20260302
