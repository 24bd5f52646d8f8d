"""Run catalog scenarios with pytest in a child process and read back expected vs observed."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from simulator.evidence.bundle import Check, write_scenario_run_index
from simulator.harness.run_folder import JUNIT_NAME, OUTCOMES_NAME, SCENARIOS_FOLDER
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.profile import DEFAULT_PROFILE


@dataclass(frozen=True)
class Attempt:
    """One run of a scenario when failures were re-run (``--reruns``): oldest first."""

    status: str
    duration_s: float
    artifacts: str = ""
    error: str = ""


@dataclass
class ScenarioOutcome:
    scenario_id: str
    title: str
    status: str  # "passed", "failed", "n/a", "skipped"; after reruns also "flaky"
    duration_s: float
    checks: list[Check] = field(default_factory=list)
    error: str = ""  # why it failed, or why it is not applicable
    nodeid: str = ""
    # The scenario's evidence folder, relative to the run folder when inside it.
    artifacts: str = ""
    attempts: list[Attempt] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScenarioOutcome:
        known = set(cls.__dataclass_fields__)
        fields = {k: v for k, v in data.items() if k in known}
        checks = [Check(**c) for c in fields.pop("checks", [])]
        attempts = [Attempt(**a) for a in fields.pop("attempts", [])]
        return cls(checks=checks, attempts=attempts, **fields)


@dataclass(frozen=True)
class ScenarioRunRequest:
    output_dir: Path
    ids: Sequence[str] = ()
    keyword: str | None = None
    profile: str = DEFAULT_PROFILE
    headed: bool = False
    slow_mo_ms: float = 0
    seed: int = DEFAULT_SEED
    workers: str | None = None
    evidence: bool = False
    # Another deployment of the pages instead of the embedded server (no /_sim there).
    base_url: str | None = None
    # Run exactly these pytest node ids (``suite.py::test_...``), e.g. to re-run failures.
    node_ids: Sequence[str] = ()
    # More pytest options for the child run (trainer mode: --sim-captions, --sim-video DIR).
    extra_args: Sequence[str] = ()


def pytest_arguments(request: ScenarioRunRequest, report: Path) -> list[str]:
    # The suite module binds the catalog when pytest imports it: hand pytest its path.
    spec = importlib.util.find_spec("simulator.scenarios.suite")
    assert spec is not None
    assert spec.origin is not None
    targets = [f"{spec.origin}::{n.split('::', 1)[-1]}" for n in request.node_ids]
    args = [
        *(targets or [spec.origin]),
        "-p", "no:cacheprovider",
        "-q",
        "-o", "testpaths=",
        "--basetemp", str(request.output_dir / SCENARIOS_FOLDER),
        # Each scenario's evidence folder lives under basetemp: keep them all, passed or not.
        "-o", "tmp_path_retention_policy=all",
        "--junitxml", str(request.output_dir / JUNIT_NAME),
        "--sim-report", str(report),
        "--sim-profile", request.profile,
        "--sim-seed", str(request.seed),
        "--sim-slowmo", str(request.slow_mo_ms),
    ]  # fmt: skip
    if request.headed:
        args.append("--sim-headed")
    if request.evidence:
        args.append("--sim-evidence")
    for scenario_id in request.ids:
        args += ["--sim-scenario", scenario_id]
    if request.keyword:
        args += ["-k", request.keyword]
    if request.workers:
        args += ["-n", request.workers]
    if request.base_url:
        args += ["--sim-base-url", request.base_url]
    args += list(request.extra_args)
    return args


def _child_environment() -> dict[str, str]:
    spec = importlib.util.find_spec("simulator")
    assert spec is not None
    assert spec.origin is not None
    package_root = str(Path(spec.origin).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return env


def run_scenarios(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
    """Run the chosen scenarios; returns pytest's exit code, the outcomes and the wall time."""
    request.output_dir.mkdir(parents=True, exist_ok=True)
    report = request.output_dir / OUTCOMES_NAME
    started = time.perf_counter()
    # A child process: pytest-bdd binds the catalog at import, so each run wants a fresh pytest.
    # The child must import `simulator` from the very folder whose scenario_suite.py it is
    # handed (a checkout and an installed copy may both be reachable): -P keeps the current
    # folder off sys.path and PYTHONPATH puts that folder first.
    command = [sys.executable, "-P", "-m", "pytest", *pytest_arguments(request, report)]
    code = subprocess.run(command, check=False, env=_child_environment()).returncode
    elapsed = time.perf_counter() - started
    outcomes: list[ScenarioOutcome] = []
    if report.exists():
        outcomes = [ScenarioOutcome.from_json(o) for o in json.loads(report.read_text())]
    write_scenario_run_index(
        request.output_dir,
        content={
            "profile": request.profile,
            "seed": request.seed,
            "ok": code in (0, 5) and not any(o.status == "failed" for o in outcomes),
            "pytest_exit_code": code,
        },
    )
    return code, sorted(outcomes, key=lambda o: (o.scenario_id, o.title)), elapsed
