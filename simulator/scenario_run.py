"""Run catalog scenarios with pytest in a child process and read back expected vs observed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Check:
    step: str
    expected: str
    observed: str
    ok: bool


@dataclass
class ScenarioOutcome:
    scenario_id: str
    title: str
    status: str  # "passed", "failed", "n/a", "skipped"
    duration_s: float
    checks: list[Check] = field(default_factory=list)
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScenarioOutcome:
        fields = dict(data)
        checks = [Check(**c) for c in fields.pop("checks", [])]
        return cls(checks=checks, **fields)


@dataclass(frozen=True)
class ScenarioRunRequest:
    output_dir: Path
    ids: Sequence[str] = ()
    keyword: str | None = None
    profile: str = "spse-4.3-ca"
    headed: bool = False
    slow_mo_ms: float = 0
    seed: int = 20260302
    workers: str | None = None


def pytest_arguments(request: ScenarioRunRequest, report: Path) -> list[str]:
    # The suite module binds the catalog when pytest imports it: hand pytest its path.
    spec = importlib.util.find_spec("simulator.scenario_suite")
    assert spec is not None
    assert spec.origin is not None
    args = [
        spec.origin,
        "-p", "no:cacheprovider",
        "-q",
        "-o", "testpaths=",
        "--basetemp", str(request.output_dir / "scenarios"),
        "--junitxml", str(request.output_dir / "junit.xml"),
        "--sim-report", str(report),
        "--sim-profile", request.profile,
        "--sim-seed", str(request.seed),
        "--sim-slowmo", str(request.slow_mo_ms),
    ]  # fmt: skip
    if request.headed:
        args.append("--sim-headed")
    for scenario_id in request.ids:
        args += ["--sim-scenario", scenario_id]
    if request.keyword:
        args += ["-k", request.keyword]
    if request.workers:
        args += ["-n", request.workers]
    return args


def run_scenarios(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
    """Run the chosen scenarios; returns pytest's exit code, the outcomes and the wall time."""
    request.output_dir.mkdir(parents=True, exist_ok=True)
    report = request.output_dir / "outcomes.json"
    started = time.perf_counter()
    # A child process: pytest-bdd binds the catalog at import, so each run wants a fresh pytest.
    command = [sys.executable, "-m", "pytest", *pytest_arguments(request, report)]
    code = subprocess.run(command, check=False).returncode
    elapsed = time.perf_counter() - started
    outcomes: list[ScenarioOutcome] = []
    if report.exists():
        outcomes = [ScenarioOutcome.from_json(o) for o in json.loads(report.read_text())]
    return code, sorted(outcomes, key=lambda o: (o.scenario_id, o.title)), elapsed
