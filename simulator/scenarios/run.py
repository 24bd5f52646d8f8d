"""Run catalog scenarios with pytest in a child process and read back expected vs observed.

The child prints a line per finished scenario (``--sim-progress``). Ctrl-C stops it cleanly:
the child runs in a process group of its own, gets one SIGINT (its xdist workers and their
browser drivers with it), finishes what pytest finishes on an interrupt (outcomes of the
scenarios that ended, evidence folders, browsers and servers closed) and the run folder's
index.json says ``"status": "interrupted"`` and names the scenarios that were cut off
(``unfinished``, see simulator.scenarios.unfinished); run_scenarios then raises
ScenarioRunInterrupted.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from simulator.evidence.bundle import Check, write_scenario_run_index
from simulator.harness.run_folder import (
    ALLURE_RESULTS_FOLDER,
    INTERRUPTED,
    JUNIT_NAME,
    OUTCOMES_NAME,
    SCENARIOS_FOLDER,
)
from simulator.harness.stop_signals import sigterm_as_ctrl_c
from simulator.scenarios.artifacts import RUN_DEFAULT, effective_artifacts
from simulator.scenarios.catalog import CATALOG_ENV
from simulator.scenarios.child import CHILD_CODE
from simulator.scenarios.statuses import FAILED, PASSED
from simulator.scenarios.unfinished import UnfinishedScenario, unfinished_scenarios
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_PROFILE

# After the SIGINT, how long the child may take to finish what it does on an interrupt (close
# browsers, write evidence) before it is terminated, then killed.
STOP_GRACE_S = 60.0
KILL_GRACE_S = 10.0
# Trainer mode's pause reads Enter from the terminal: a child in a process group of its own
# would be stopped (SIGTTIN) reading it, so such a run shares ours (the terminal's Ctrl-C then
# reaches it directly, and is not forwarded a second time).
READS_TERMINAL_OPTIONS = ("--sim-pause-at-error",)
# The child loads these pytest plugins only, instead of every installed one (hypothesis,
# anyio, Faker, locust, platformdirs...): each installed plugin's whole package was imported
# with its asserts rewritten (parsed anew each run when bytecode is not written), about 1.5
# CPU-seconds per child or xdist worker for plugins no scenario uses. Same order as the
# entry points loaded them. "simulator.scenarios" comes first and alone: the asserts of its
# modules (the steps, and World's checks of what a page shows) are rewritten, so a failing
# step reads as under autoloading. The rest of the simulator asserts invariants only (``x is
# not None``); rewriting its modules too cost a worker 0.4 s before its first scenario.
CHILD_PLUGINS = (
    "allure_pytest_bdd.plugin",
    "pytest_bdd.plugin",
    "xdist.plugin",
    "simulator.scenarios",
    "simulator.scenarios.plugin",
)


def full_title(scenario_id: str, title: str, example: int) -> str:
    """Id, title and example row: 'KODOK-010 Nama file dengan simbol "+" ditolak [contoh 4]'."""
    row = f" [{tr('contoh {n}', n=example)}]" if example else ""
    return " ".join(p for p in (scenario_id, title) if p) + row


@dataclass(frozen=True)
class Attempt:
    """One run of a scenario when failures were re-run (``--reruns``): oldest first."""

    status: str
    duration_s: float
    artifacts: str = ""
    error: str = ""
    # Whether it recorded traces and step screenshots (not a first attempt under
    # "on-first-retry", whose failure is re-run recording).
    recorded: bool = True


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
    # The feature (Gherkin "Fitur") the scenario is in, its tags (feature tags included) and,
    # for a row of a "Skenario konsep" table, the row's number (1 for the first "Contoh" row).
    feature: str = ""
    tags: list[str] = field(default_factory=list)
    example: int = 0
    # When the scenario started (ISO 8601, UTC); reports show it in WIB.
    started: str = ""

    @property
    def full_title(self) -> str:
        """Id, title and example row as people cite it: "KODOK-010 Nama file ... [contoh 2]"."""
        return full_title(self.scenario_id, self.title, self.example)

    @property
    def catalog_order(self) -> tuple[str, int, str]:
        """Where it sits in the catalog, for sorting: by id, a "Contoh" row by its number."""
        return (self.scenario_id, self.example, self.title)

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
    # Playwright traces and step screenshots (simulator/scenarios/artifacts.py):
    # "on-first-retry" records none (run_qa re-runs failures recording), "on-failure" records
    # them and keeps failed scenarios' only, "always" keeps them all (``evidence`` implies it).
    artifacts: str = RUN_DEFAULT
    # "I/N": run shard I of N of the selection (equal work by steps), see shard.py.
    shard: str | None = None
    # The folder of .feature files to run (None: $SPSE_SIM_CATALOG, else the packaged catalog).
    catalog: Path | None = None
    # A line per finished scenario instead of pytest's dots.
    progress: bool = True
    # Where the Allure results go (default: ``allure-results/`` in ``output_dir``); re-runs
    # write into their main run's folder, so Allure shows them as retries of one test.
    allure_dir: Path | None = None


class ScenarioRunInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run, after the child stopped and the run folder was written."""

    def __init__(
        self,
        code: int,
        outcomes: list[ScenarioOutcome],
        elapsed_s: float,
        unfinished: Sequence[UnfinishedScenario] = (),
    ) -> None:
        super().__init__("scenario run interrupted")
        self.code = code
        self.outcomes = outcomes
        self.elapsed_s = elapsed_s
        self.unfinished = list(unfinished)


def pytest_arguments(request: ScenarioRunRequest, report: Path) -> list[str]:
    # The suite module binds the catalog when pytest imports it: hand pytest its path.
    spec = importlib.util.find_spec("simulator.scenarios.suite")
    assert spec is not None
    assert spec.origin is not None
    targets = [f"{spec.origin}::{n.split('::', 1)[-1]}" for n in request.node_ids]
    args = [
        *(targets or [spec.origin]),
        "-p", "no:cacheprovider",
        "--disable-plugin-autoload",
        *(a for plugin in CHILD_PLUGINS for a in ("-p", plugin)),
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
        "--sim-artifacts", effective_artifacts(request.artifacts, evidence=request.evidence),
        "--alluredir", str(request.allure_dir or request.output_dir / ALLURE_RESULTS_FOLDER),
    ]  # fmt: skip
    if request.progress:
        # Our lines replace pytest's letters; no percentages at line ends either. The summary
        # (deselected counts, tracebacks with site-packages paths) is spse-sim's to print.
        args += ["--sim-progress", "-o", "console_output_style=classic", "--no-summary", "-q"]
    if request.shard:
        args += ["--sim-shard", request.shard]
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


def _child_environment(request: ScenarioRunRequest) -> dict[str, str]:
    spec = importlib.util.find_spec("simulator")
    assert spec is not None
    assert spec.origin is not None
    package_root = str(Path(spec.origin).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    if request.catalog is not None:
        # The child's suite binds the catalog find_catalog_dir() finds (scenarios/suite.py).
        env[CATALOG_ENV] = str(request.catalog.resolve())
    return env


def run_scenarios(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
    """Run the chosen scenarios; returns pytest's exit code, the outcomes and the wall time.

    Ctrl-C: the child is stopped (see the module's docstring), the run folder written with
    status "interrupted", then ScenarioRunInterrupted (a KeyboardInterrupt) is raised.
    """
    request.output_dir.mkdir(parents=True, exist_ok=True)
    report = request.output_dir / OUTCOMES_NAME
    started = time.perf_counter()
    # A child process: pytest-bdd binds the catalog at import, so each run wants a fresh pytest.
    # The child must import `simulator` from the very folder whose scenario_suite.py it is
    # handed (a checkout and an installed copy may both be reachable): -P keeps the current
    # folder off sys.path and PYTHONPATH puts that folder first.
    # CHILD_CODE is pytest, quiet about a Ctrl-C that comes while it starts.
    command = [sys.executable, "-P", "-c", CHILD_CODE, *pytest_arguments(request, report)]
    own_group = not any(o in request.extra_args for o in READS_TERMINAL_OPTIONS)
    code, interrupted = _run_child(command, _child_environment(request), own_group=own_group)
    elapsed = time.perf_counter() - started
    outcomes: list[ScenarioOutcome] = []
    if report.exists():
        outcomes = [ScenarioOutcome.from_json(o) for o in json.loads(report.read_text())]
    ok = code in (0, 5) and not any(o.status == FAILED for o in outcomes)
    content: dict[str, Any] = {
        "status": INTERRUPTED if interrupted else PASSED if ok else FAILED,
        "profile": request.profile,
        "seed": request.seed,
        "ok": ok and not interrupted,
        "pytest_exit_code": code,
    }
    if request.shard:
        content["shard"] = request.shard
    finished = {o.nodeid for o in outcomes}
    unfinished = unfinished_scenarios(request.output_dir, finished) if interrupted else []
    if unfinished:
        content["unfinished"] = [u.to_json() for u in unfinished]
    write_scenario_run_index(request.output_dir, content=content)
    outcomes.sort(key=lambda o: o.catalog_order)
    if interrupted:
        raise ScenarioRunInterrupted(code, outcomes, elapsed, unfinished)
    return code, outcomes, elapsed


def _run_child(command: list[str], env: dict[str, str], *, own_group: bool) -> tuple[int, bool]:
    """Run ``command``; returns its exit code and whether Ctrl-C (SIGINT) stopped it.

    SIGTERM to this process (a CI job cancelled, ``timeout``) stops the child the same way:
    in a group of its own, it would not hear it, and run on orphaned.
    """
    child = subprocess.Popen(command, env=env, process_group=0 if own_group else None)
    # A second SIGTERM while the child stops skips the grace period, as a second Ctrl-C does.
    with sigterm_as_ctrl_c():
        try:
            return child.wait(), False
        except KeyboardInterrupt:
            return _stop(child, own_group=own_group), True
        except BaseException:
            _stop(child, own_group=own_group)
            raise


def _stop(child: subprocess.Popen[bytes], *, own_group: bool) -> int:
    """One SIGINT (as a terminal's Ctrl-C), then SIGTERM and SIGKILL if it does not end.

    A second Ctrl-C while waiting skips the grace period.
    """
    steps = ((signal.SIGINT, STOP_GRACE_S), (signal.SIGTERM, KILL_GRACE_S), (signal.SIGKILL, None))
    for number, (signum, grace) in enumerate(steps):
        # Sharing our group, the terminal's Ctrl-C reached the child already.
        if number > 0 or own_group:
            _signal(child, signum, group=own_group)
        try:
            return child.wait(timeout=grace)
        except (subprocess.TimeoutExpired, KeyboardInterrupt):
            continue
    return child.wait()


def _signal(child: subprocess.Popen[bytes], signum: int, *, group: bool) -> None:
    try:
        if group:
            os.killpg(child.pid, signum)
        else:
            child.send_signal(signum)
    except ProcessLookupError:
        pass
