"""Run folders as ``spse-sim run --shard I/N`` leaves them, for the merge's tests.

Imported as ``shard_runs`` (pytest puts tests/ on sys.path for tests/conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator.evidence.bundle import write_index, write_scenario_run_index
from simulator.qa.run import MANIFEST_NAME
from simulator.scenarios.run import Attempt, Check, ScenarioOutcome

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def fake_run(
    folder: Path,
    shard: str | None,
    scenarios: dict[str, str],
    *,
    profile: str = "spse-4.3-ca",
    elapsed: float = 30.0,
    ids: tuple[str, ...] = (),
    seed: int = 20260302,
) -> Path:
    """A run folder as ``spse-sim run --shard`` leaves it: scenario id -> status."""
    outcomes = []
    cases = []
    for scenario_id, status in scenarios.items():
        artifacts = f"scenarios/popen-gw0/{scenario_id}"
        evidence = folder / artifacts
        (evidence / "screenshots").mkdir(parents=True)
        (evidence / "screenshots" / "01-failed.png").write_bytes(PNG)
        write_index(evidence, {"kind": "scenario", "scenario_id": scenario_id, "status": status})
        outcomes.append(
            ScenarioOutcome(
                scenario_id,
                f"judul {scenario_id}",
                status,
                1.5,
                checks=[Check("langkah", "diharapkan", "teramati", status == "passed")],
                nodeid=f"simulator/scenarios/suite.py::test_{scenario_id}",
                artifacts=artifacts,
                attempts=[Attempt(status, 1.5, artifacts)] if status == "failed" else [],
            )
        )
        failure = '<failure message="boom"/>' if status == "failed" else ""
        cases.append(f'<testcase name="test_{scenario_id}" time="1.5">{failure}</testcase>')
    (folder / "outcomes.json").write_text(json.dumps([o.to_json() for o in outcomes]))
    failures = sum(1 for s in scenarios.values() if s == "failed")
    (folder / "junit.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
        f'<testsuite name="pytest" errors="0" failures="{failures}" skipped="0" '
        f'tests="{len(cases)}" time="{elapsed}">{"".join(cases)}</testsuite></testsuites>'
    )
    manifest = {
        "kind": "qa-run",
        "status": "failed" if failures else "passed",
        "profile": profile,
        "seed": seed,
        "ids": list(ids),
        "keyword": None,
        "shard": shard,
        "started": "2026-11-27T10:00:00+00:00",
        "elapsed_s": elapsed,
        "pytest_exit_code": 1 if failures else 0,
        "counts": {s: sum(1 for v in scenarios.values() if v == s) for s in ("passed", "failed")},
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest))
    write_scenario_run_index(folder, content={"profile": profile, "shard": shard})
    return folder
