"""A run folder is named by its start in WIB, as every time people read, and is one run's."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from simulator.harness.run_folder import claim_output_dir, fresh_output_dir


def test_the_folder_name_is_the_start_in_wib_and_never_collides(tmp_path: Path) -> None:
    start = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)

    first = fresh_output_dir(tmp_path, now=start)
    second = fresh_output_dir(tmp_path, now=start)

    assert first.name == "run-20260302-080000"
    assert second.name == "run-20260302-080000-2"


def test_runs_starting_together_get_a_folder_each_and_a_claimed_folder_is_not_taken(
    tmp_path: Path,
) -> None:
    start = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)
    with ThreadPoolExecutor(8) as pool:
        folders = list(pool.map(lambda _: fresh_output_dir(tmp_path, now=start), range(8)))

    assert len(set(folders)) == 8
    # Each is its run's: a second run handed one of them (--output) does not get it.
    assert not any(claim_output_dir(folder) for folder in folders)
    given = tmp_path / "keluaran"
    given.mkdir()
    with ThreadPoolExecutor(8) as pool:
        assert sorted(pool.map(lambda _: claim_output_dir(given), range(8))) == [False] * 7 + [True]
