"""A run folder is named by its start in WIB, as every time people read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from simulator.harness.run_folder import fresh_output_dir


def test_the_folder_name_is_the_start_in_wib_and_never_collides(tmp_path: Path) -> None:
    start = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)

    first = fresh_output_dir(tmp_path, now=start)
    second = fresh_output_dir(tmp_path, now=start)

    assert first.name == "run-20260302-080000"
    assert second.name == "run-20260302-080000-2"
