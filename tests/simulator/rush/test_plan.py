"""The rush plan: size distributions, the mix of vendors, the plan file."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from simulator.rush.plan import (
    LATE,
    PERSON,
    PLAIN,
    REUPLOAD,
    Mix,
    Offer,
    PlanError,
    RushPlan,
    SizeMix,
    Vendor,
    kinds_summary,
    parse_size,
)


def test_sizes_are_read_with_binary_and_decimal_units() -> None:
    assert parse_size("5MiB") == 5 * 2**20
    assert parse_size("200 KiB") == 200 * 1024
    assert parse_size("1MB") == 10**6
    assert parse_size("1024") == 1024


@pytest.mark.parametrize("text", ["", "lima", "0", "5XB", "-1MiB"])
def test_a_size_that_cannot_be_read_is_refused_in_indonesian(text: str) -> None:
    with pytest.raises(PlanError, match="ukuran"):
        parse_size(text)


def test_a_size_mix_draws_within_its_range_or_its_choices() -> None:
    rng = random.Random(1)
    ranged = SizeMix.parse("1KiB-2KiB")
    assert all(1024 <= ranged.draw(rng) <= 2048 for _ in range(50))
    weighted = SizeMix.parse("1KiB:3,4KiB:1")
    drawn = {weighted.draw(rng) for _ in range(50)}
    assert drawn == {1024, 4096}
    assert SizeMix.parse("5MiB").draw(rng) == 5 * 2**20


def test_a_reversed_range_or_a_bad_weight_is_refused() -> None:
    with pytest.raises(PlanError):
        SizeMix.parse("2KiB-1KiB")
    with pytest.raises(PlanError):
        SizeMix.parse("1KiB:x")


def test_the_mix_has_every_kind_of_deadline_day_vendor() -> None:
    kinds = Mix(people=3).kinds(100, random.Random(2))
    counts = kinds_summary([Vendor(i, f"v{i}", "p", k, "c", "v", ()) for i, k in enumerate(kinds)])
    assert len(kinds) == 100
    assert counts[PERSON] == 3
    assert counts[REUPLOAD] == 10
    assert counts[LATE] == 3
    assert counts[PLAIN] == 100 - sum(v for k, v in counts.items() if k != PLAIN)


def test_a_plan_reads_back_as_written(tmp_path: Path) -> None:
    plan = RushPlan(
        server_url="http://127.0.0.1:1",
        spse_url="http://127.0.0.1:1/eproc4",
        tender_id="10000001",
        deadline=datetime(2026, 3, 9, 1, tzinfo=UTC),
        window_s=60,
        profile="spse-4.3-ca",
        vendors=(Vendor(0, "v0", "pw", PLAIN, "c", "v", (Offer("a.p7m", "ab", 3),)),),
    )
    assert RushPlan.read(plan.write(tmp_path)) == plan


def test_a_broken_plan_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "rencana.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(PlanError, match="rencana rush tidak dapat dibaca"):
        RushPlan.read(broken)
