"""``spse-sim list --rules``: every actionable item with how it is reproduced, and the counts."""

from __future__ import annotations

import pytest

from simulator.cli.main import main
from simulator.scenarios.catalog import SEED_RULES, Coverage


def test_rules_print_every_item_its_coverage_and_the_three_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["list", "--rules"]) == 0

    lines = capsys.readouterr().out.splitlines()
    counts = {kind: sum(r.coverage is kind for r in SEED_RULES) for kind in Coverage}
    assert lines[-1] == (
        f"{len(SEED_RULES)} butir Konsep Operasional SPSE 4.3 CA: "
        f"{counts[Coverage.FAITHFUL]} direproduksi setia, {counts[Coverage.PARTLY]} sebagian, "
        f"{counts[Coverage.NOT_APPLICABLE]} tidak berlaku"
    )
    assert all(counts.values())
    listed = [line.split()[0] for line in lines[1:-1] if not line.startswith(" ")]
    assert listed == [r.rule_id for r in SEED_RULES]
    # What differs, or why nothing applies, is printed under the item.
    sikap = next(r for r in SEED_RULES if r.rule_id == "pra-5")
    assert f"({sikap.note})" in [line.strip() for line in lines]
