"""coverage.html (simulator.qa.coverage_html): every rule of the Konsep Operasional, the scenarios
reproducing it and their latest status, this run's or an earlier run's of the same folder."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.qa.coverage_html import COVERAGE_DATA_ID, NOT_COVERED, write_coverage
from simulator.scenarios.catalog import SEED_RULES, CatalogEntry
from simulator.scenarios.run import ScenarioOutcome


def entry(scenario_id: str, *rules: str) -> CatalogEntry:
    return CatalogEntry(
        scenario_id, f"judul {scenario_id}", "fitur", "f.feature", ("semua",), ("x",), (), rules
    )


def read_rows(page: str) -> list[dict[str, object]]:
    marker = f'id="{COVERAGE_DATA_ID}">'
    start = page.index(marker) + len(marker)
    rows: list[dict[str, object]] = json.loads(page[start : page.index("</script>", start)])
    return rows


def test_every_rule_with_its_scenarios_latest_status(tmp_path: Path) -> None:
    earlier = tmp_path / "run-1"
    earlier.mkdir()
    (earlier / "run.json").write_text(json.dumps({"started": "2026-03-01T01:00:00+00:00"}))
    (earlier / "outcomes.json").write_text(
        json.dumps([ScenarioOutcome("KODOK-002", "b", "passed", 1.0).to_json()])
    )
    current = tmp_path / "run-2"
    current.mkdir()
    outcomes = [
        ScenarioOutcome("KODOK-001", "a", "passed", 1.0),
        ScenarioOutcome("KODOK-003", "c", "passed", 1.0, example=1),
        ScenarioOutcome("KODOK-003", "c", "failed", 1.0, example=2),
    ]
    entries = [entry("KODOK-001", "hh-2"), entry("KODOK-002", "hh-2"), entry("KODOK-003", "hh-3")]
    page = write_coverage(
        current, outcomes, entries, started="2026-03-02T01:00:00+00:00"
    ).read_text(encoding="utf-8")
    rows = {r["rule"]: r for r in read_rows(page)}
    assert list(rows) == [r.rule_id for r in SEED_RULES]
    hh2 = rows["hh-2"]
    assert hh2["verdict"] == "lolos"
    assert [(s["id"], s["status"], s["run"]) for s in hh2["scenarios"]] == [  # type: ignore[attr-defined]
        ("KODOK-001", "passed", "run-2"),
        ("KODOK-002", "passed", "run-1"),
    ]
    # One failing row of an outline fails the rule.
    assert rows["hh-3"]["verdict"] == "gagal"
    assert rows["hh-1"]["verdict"] == NOT_COVERED
    assert "01 Maret 2026 08:00:00 WIB" in page
    assert "@media print" in page
    assert "Konsep Operasional SPSE 4.3 CA" in page
